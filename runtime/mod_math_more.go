package runtime

// This file defines the math functions over several numbers: hypot,
// dist, fsum and prod, the integer functions gcd, lcm, factorial, comb,
// perm and isqrt, and gamma and mLgamma.

import (
	"math"
	"math/big"
)

// mathVectorNorm is CPython 3.11's vector_norm: sqrt(sum(x*x for x in vec))
// computed with scaling, exact squaring and compensated summation so that
// the result is almost always correctly rounded. max is the largest
// element (all elements are non-negative).
func mathVectorNorm(vec []float64, max float64, foundNaN bool) float64 {
	const t27 = 134217729.0 // 2**27 + 1, for Veltkamp-Dekker splitting
	if math.IsInf(max, 0) {
		return max
	}
	if foundNaN {
		return math.NaN()
	}
	if max == 0 || len(vec) <= 1 {
		return max
	}
	csum, frac := 1.0, 0.0
	add := func(x float64) {
		old := csum
		csum += x
		frac += (old - csum) + x
	}
	_, maxE := math.Frexp(max)
	if maxE < -1023 {
		// 2**-maxE would overflow: divide by max instead of scaling.
		for _, x := range vec {
			x /= max
			add(x * x)
		}
		return max * math.Sqrt(csum-1.0+frac)
	}
	scale := math.Ldexp(1.0, -maxE)
	for _, x := range vec {
		x *= scale
		t := x * t27
		hi := t - (t - x)
		lo := x - hi
		add(hi * hi)
		add(2.0 * hi * lo)
		frac += lo * lo
	}
	h := math.Sqrt(csum - 1.0 + frac)
	// Correct the square root by one Newton step computed exactly.
	x := h
	t := x * t27
	hi := t - (t - x)
	lo := x - hi
	add(-hi * hi)
	add(-2.0 * hi * lo)
	add(-lo * lo)
	x = csum - 1.0 + frac
	return (h + x/(2.0*h)) / scale
}

func mathHypot(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 {
		return Value{}, Errorf(TypeError, "math.hypot() takes no keyword arguments")
	}
	vec := make([]float64, len(args))
	max, nan := 0.0, false
	for i, a := range args {
		x, err := mathToDouble(th, a)
		if err != nil {
			return Value{}, err
		}
		x = math.Abs(x)
		vec[i] = x
		nan = nan || math.IsNaN(x)
		if x > max {
			max = x
		}
	}
	return Float(mathVectorNorm(vec, max, nan)), nil
}

func mathDist(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 {
		return Value{}, Errorf(TypeError, "math.dist() takes no keyword arguments")
	}
	if err := biPositional("dist", len(args), 2, 2); err != nil {
		return Value{}, err
	}
	p, err := Collect(th, args[0])
	if err != nil {
		return Value{}, err
	}
	q, err := Collect(th, args[1])
	if err != nil {
		return Value{}, err
	}
	if len(p) != len(q) {
		return Value{}, Errorf(ValueError, "both points must have the same number of dimensions")
	}
	vec := make([]float64, len(p))
	max, nan := 0.0, false
	for i := range p {
		px, err := mathToDouble(th, p[i])
		if err != nil {
			return Value{}, err
		}
		qx, err := mathToDouble(th, q[i])
		if err != nil {
			return Value{}, err
		}
		x := math.Abs(px - qx)
		vec[i] = x
		nan = nan || math.IsNaN(x)
		if x > max {
			max = x
		}
	}
	return Float(mathVectorNorm(vec, max, nan)), nil
}

// mathFsum is math.fsum: Shewchuk's exact partial sums, rounded once at
// the end with half-even correction across partials, as CPython does.
func mathFsum(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := biOneArg("math.fsum", args, kw); err != nil {
		return Value{}, err
	}
	it, err := Iter(th, args[0])
	if err != nil {
		return Value{}, err
	}
	var partials []float64
	specialSum, infSum := 0.0, 0.0
	for {
		v, ok, err := it.Next(th)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			break
		}
		x, err := mathToDouble(th, v)
		if err != nil {
			return Value{}, err
		}
		xsave := x
		i := 0
		for _, y := range partials {
			if math.Abs(x) < math.Abs(y) {
				x, y = y, x
			}
			hi := x + y
			lo := y - (hi - x)
			if lo != 0 {
				partials[i] = lo
				i++
			}
			x = hi
		}
		partials = partials[:i]
		if x != 0 {
			if math.IsInf(x, 0) || math.IsNaN(x) {
				// A non-finite x comes from an inf or nan among the
				// items, or from intermediate overflow.
				if !math.IsInf(xsave, 0) && !math.IsNaN(xsave) {
					return Value{}, Errorf(OverflowError, "intermediate overflow in fsum")
				}
				if math.IsInf(xsave, 0) {
					infSum += xsave
				}
				specialSum += xsave
				partials = partials[:0]
			} else {
				partials = append(partials, x)
			}
		}
	}
	if specialSum != 0 {
		if math.IsNaN(infSum) {
			return Value{}, Errorf(ValueError, "-inf + inf in fsum")
		}
		return Float(specialSum), nil
	}
	hi := 0.0
	n := len(partials)
	if n > 0 {
		n--
		hi = partials[n]
		lo := 0.0
		for n > 0 {
			x := hi
			n--
			y := partials[n]
			hi = x + y
			lo = y - (hi - x)
			if lo != 0 {
				break
			}
		}
		if n > 0 && (lo < 0 && partials[n-1] < 0 || lo > 0 && partials[n-1] > 0) {
			y := lo * 2
			x := hi + y
			if y == x-hi {
				hi = x
			}
		}
	}
	return Float(hi), nil
}

// math.prod(iterable, /, *, start=1)
func mathProd(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if len(args) != 1 {
		return Value{}, Errorf(TypeError, "prod() takes exactly 1 positional argument (%d given)", len(args))
	}
	acc := Int(1)
	for _, k := range kw {
		if k.Name != "start" {
			return Value{}, biBadKeyword("prod", k.Name)
		}
		acc = k.Value
	}
	it, err := Iter(th, args[0])
	if err != nil {
		return Value{}, err
	}
	for {
		x, ok, err := it.Next(th)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return acc, nil
		}
		switch {
		case acc.IsSmallInt() && x.IsSmallInt():
			acc = MulInt64(acc.SmallInt(), x.SmallInt())
		case acc.IsFloat() && x.IsFloat():
			acc = Float(acc.FloatVal() * x.FloatVal())
		default:
			if acc, err = Binary(th, OpMul, acc, x); err != nil {
				return Value{}, err
			}
		}
	}
}

// mathIntArgs converts the arguments of gcd and lcm to integers.
func mathIntArgs(th *Thread, qual string, args []Value, kw []Kwarg) ([]*big.Int, error) {
	if len(kw) > 0 {
		return nil, Errorf(TypeError, "%s() takes no keyword arguments", qual)
	}
	out := make([]*big.Int, len(args))
	for i, a := range args {
		x, err := biIndexBig(th, a)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

func mathGcd(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	xs, err := mathIntArgs(th, "math.gcd", args, kw)
	if err != nil {
		return Value{}, err
	}
	g := new(big.Int)
	for _, x := range xs {
		g.GCD(nil, nil, g, x)
	}
	return BigInt(g), nil
}

func mathLcm(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	xs, err := mathIntArgs(th, "math.lcm", args, kw)
	if err != nil {
		return Value{}, err
	}
	l := big.NewInt(1)
	for _, x := range xs {
		if x.Sign() == 0 || l.Sign() == 0 {
			l.SetInt64(0)
			continue
		}
		g := new(big.Int).GCD(nil, nil, l, x)
		l.Mul(l, new(big.Int).Quo(x, g))
		l.Abs(l)
	}
	return BigInt(l), nil
}

func mathFactorial(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := biOneArg("math.factorial", args, kw); err != nil {
		return Value{}, err
	}
	x, err := biIndexBig(th, args[0])
	if err != nil {
		return Value{}, err
	}
	if x.Sign() < 0 {
		return Value{}, Errorf(ValueError, "factorial() not defined for negative values")
	}
	if !x.IsInt64() {
		return Value{}, Errorf(OverflowError, "factorial() argument should not exceed %d", int64(math.MaxInt64))
	}
	n := x.Int64()
	if n < 2 {
		return Int(1), nil
	}
	return BigInt(new(big.Int).MulRange(1, n)), nil
}

// mathNonNegative converts argument name of comb or perm.
func mathNonNegative(th *Thread, v Value, name string) (*big.Int, error) {
	x, err := biIndexBig(th, v)
	if err != nil {
		return nil, err
	}
	if x.Sign() < 0 {
		return nil, Errorf(ValueError, "%s must be a non-negative integer", name)
	}
	return x, nil
}

// mathFallingFactorial returns n*(n-1)*...*(n-k+1), divided by k! if comb.
func mathFallingFactorial(n *big.Int, k int64, comb bool) *big.Int {
	if n.IsInt64() {
		nn := n.Int64()
		if comb {
			return new(big.Int).Binomial(nn, k)
		}
		if k == 0 {
			return big.NewInt(1)
		}
		return new(big.Int).MulRange(nn-k+1, nn)
	}
	r := big.NewInt(1)
	t := new(big.Int)
	for i := int64(0); i < k; i++ {
		r.Mul(r, t.Sub(n, big.NewInt(i)))
		if comb {
			r.Quo(r, big.NewInt(i+1))
		}
	}
	return r
}

func mathComb(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 {
		return Value{}, Errorf(TypeError, "math.comb() takes no keyword arguments")
	}
	if err := biPositional("comb", len(args), 2, 2); err != nil {
		return Value{}, err
	}
	n, err := mathNonNegative(th, args[0], "n")
	if err != nil {
		return Value{}, err
	}
	k, err := mathNonNegative(th, args[1], "k")
	if err != nil {
		return Value{}, err
	}
	if k.Cmp(n) > 0 {
		return Int(0), nil
	}
	// comb(n, k) == comb(n, n-k): use the smaller.
	if nk := new(big.Int).Sub(n, k); nk.Cmp(k) < 0 {
		k = nk
	}
	if !k.IsInt64() {
		return Value{}, Errorf(OverflowError, "min(n - k, k) must not exceed %d", int64(math.MaxInt64))
	}
	return BigInt(mathFallingFactorial(n, k.Int64(), true)), nil
}

func mathPerm(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 {
		return Value{}, Errorf(TypeError, "math.perm() takes no keyword arguments")
	}
	if err := biPositional("perm", len(args), 1, 2); err != nil {
		return Value{}, err
	}
	n, err := mathNonNegative(th, args[0], "n")
	if err != nil {
		return Value{}, err
	}
	k := n
	if len(args) == 2 && !args[1].IsNone() {
		if k, err = mathNonNegative(th, args[1], "k"); err != nil {
			return Value{}, err
		}
	}
	if k.Cmp(n) > 0 {
		return Int(0), nil
	}
	if !k.IsInt64() {
		return Value{}, Errorf(OverflowError, "k must not exceed %d", int64(math.MaxInt64))
	}
	return BigInt(mathFallingFactorial(n, k.Int64(), false)), nil
}

func mathIsqrt(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := biOneArg("math.isqrt", args, kw); err != nil {
		return Value{}, err
	}
	x, err := biIndexBig(th, args[0])
	if err != nil {
		return Value{}, err
	}
	if x.Sign() < 0 {
		return Value{}, Errorf(ValueError, "isqrt() argument must be nonnegative")
	}
	return BigInt(new(big.Int).Sqrt(x)), nil
}

// mathErrno reports the outcome of a function that flags errors as C's
// errno does: domain errors are ValueError, range errors OverflowError
// unless the result is a tiny underflow.
func mathErrno(r float64, domain, rangeErr bool) (Value, error) {
	if domain {
		return Value{}, errMathDomain()
	}
	if rangeErr && math.Abs(r) >= 1.5 {
		return Value{}, errMathRange()
	}
	return Float(r), nil
}

func mathGamma(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, err := mathOneDouble(th, "math.gamma", args, kw)
	if err != nil {
		return Value{}, err
	}
	return mathErrno(mTgamma(x))
}

func mathLgamma(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, err := mathOneDouble(th, "math.lgamma", args, kw)
	if err != nil {
		return Value{}, err
	}
	return mathErrno(mLgamma(x))
}

// Lanczos approximation with N=13 and g=6.024680040776729583740234375,
// the parameters CPython's math module uses (taken from Boost).
const (
	mLanczosG          = 6.024680040776729583740234375
	mLanczosGMinusHalf = 5.524680040776729583740234375
	mLogPi             = 1.144729885849400174143427351353058711647
)

var mLanczosNum = [13]float64{
	23531376880.410759688572007674451636754734846804940,
	42919803642.649098768957899047001988850926355848959,
	35711959237.355668049440185451547166705960488635843,
	17921034426.037209699919755754458931112671403265390,
	6039542586.3520280050642916443072979210699388420708,
	1439720407.3117216736632230727949123939715485786772,
	248874557.86205415651146038641322942321632125127801,
	31426415.585400194380614231628318205362874684987640,
	2876370.6289353724412254090516208496135991145378768,
	186056.26539522349504029498971604569928220784236328,
	8071.6720023658162106380029022722506138218516325024,
	210.82427775157934587250973392071336271166969580291,
	2.5066282746310002701649081771338373386264310793408,
}

// mLanczosDen is x*(x+1)*...*(x+11) expanded.
var mLanczosDen = [13]float64{
	0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
	13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
}

// mLanczosSum evaluates the Lanczos rational function for x > 0, in 1/x
// for large x to avoid overflow.
func mLanczosSum(x float64) float64 {
	num, den := 0.0, 0.0
	if x < 5.0 {
		for i := 12; i >= 0; i-- {
			num = num*x + mLanczosNum[i]
			den = den*x + mLanczosDen[i]
		}
	} else {
		for i := 0; i < 13; i++ {
			num = num/x + mLanczosNum[i]
			den = den/x + mLanczosDen[i]
		}
	}
	return num / den
}

// mSinPi is sin(pi*x), accurate for x near integers (finite x only).
func mSinPi(x float64) float64 {
	y := math.Mod(math.Abs(x), 2.0)
	var r float64
	switch int(math.Round(2.0 * y)) {
	case 0:
		r = mSin(math.Pi * y)
	case 1:
		r = mCos(math.Pi * (y - 0.5))
	case 2:
		r = mSin(math.Pi * (1.0 - y))
	case 3:
		r = -mCos(math.Pi * (y - 1.5))
	default:
		r = mSin(math.Pi * (y - 2.0))
	}
	return math.Copysign(1.0, x) * r
}

// mTgamma is CPython's m_tgamma; it reports errno-style errors.
func mTgamma(x float64) (r float64, domain, rangeErr bool) {
	if math.IsNaN(x) || math.IsInf(x, 1) {
		return x, false, false
	}
	if math.IsInf(x, -1) {
		return math.NaN(), true, false
	}
	if x == 0 {
		return math.Copysign(math.Inf(1), x), true, false
	}
	if x == math.Floor(x) {
		if x < 0 {
			return math.NaN(), true, false
		}
		if x <= 23 {
			f := 1.0
			for i := 2.0; i < x; i++ {
				f *= i
			}
			return f, false, false
		}
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		r = 1.0 / x
		return r, false, math.IsInf(r, 0)
	}
	if absx > 200.0 {
		if x < 0 {
			return 0.0 / mSinPi(x), false, false
		}
		return math.Inf(1), false, true
	}
	y := absx + mLanczosGMinusHalf
	var z float64
	if absx > mLanczosGMinusHalf {
		q := y - absx
		z = q - mLanczosGMinusHalf
	} else {
		q := y - mLanczosGMinusHalf
		z = q - absx
	}
	z = z * mLanczosG / y
	if x < 0 {
		r = -math.Pi / mSinPi(absx) / absx * mExp(y) / mLanczosSum(absx)
		r -= z * r
		if absx < 140.0 {
			r /= mPow(y, absx-0.5)
		} else {
			sqrtpow := mPow(y, absx/2.0-0.25)
			r /= sqrtpow
			r /= sqrtpow
		}
	} else {
		r = mLanczosSum(absx) / mExp(y)
		r += z * r
		if absx < 140.0 {
			r *= mPow(y, absx-0.5)
		} else {
			sqrtpow := mPow(y, absx/2.0-0.25)
			r *= sqrtpow
			r *= sqrtpow
		}
	}
	return r, false, math.IsInf(r, 0)
}

// mLgamma is CPython's m_lgamma.
func mLgamma(x float64) (r float64, domain, rangeErr bool) {
	if math.IsNaN(x) {
		return x, false, false
	}
	if math.IsInf(x, 0) {
		return math.Inf(1), false, false
	}
	if x == math.Floor(x) && x <= 2.0 {
		if x <= 0 {
			return math.Inf(1), true, false
		}
		return 0, false, false
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		return -mLog(absx), false, false
	}
	r = mLog(mLanczosSum(absx)) - mLanczosG
	r += (absx - 0.5) * (mLog(absx+mLanczosG-0.5) - 1)
	if x < 0 {
		r = mLogPi - mLog(math.Abs(mSinPi(absx))) - mLog(absx) - r
	}
	return r, false, math.IsInf(r, 0)
}
