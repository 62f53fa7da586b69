package runtime

// This file defines the math functions over several numbers: hypot,
// dist, fsum and prod, the integer functions gcd, lcm, factorial, comb,
// perm and isqrt; gamma and lgamma are in mod_math_gamma.go.

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
