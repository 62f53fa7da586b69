package math

// This file defines the math functions over several numbers: hypot,
// dist, fsum and prod, the integer functions gcd, lcm, factorial, comb,
// perm and isqrt; gamma and lgamma are in mod_math_gamma.go.

import (
	gomath "math"
	"math/big"

	"github.com/aio-lang/aio/runtime"
)

// mathVectorNorm is CPython 3.11's vector_norm: sqrt(sum(x*x for x in vec))
// computed with scaling, exact squaring and compensated summation so that
// the result is almost always correctly rounded. max is the largest
// element (all elements are non-negative).
func mathVectorNorm(vec []float64, max float64, foundNaN bool) float64 {
	const t27 = 134217729.0 // 2**27 + 1, for Veltkamp-Dekker splitting
	if gomath.IsInf(max, 0) {
		return max
	}
	if foundNaN {
		return gomath.NaN()
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
	_, maxE := gomath.Frexp(max)
	if maxE < -1023 {
		// 2**-maxE would overflow: divide by max instead of scaling.
		for _, x := range vec {
			x /= max
			add(x * x)
		}
		return max * gomath.Sqrt(csum-1.0+frac)
	}
	scale := gomath.Ldexp(1.0, -maxE)
	for _, x := range vec {
		x *= scale
		t := x * t27
		hi := t - (t - x)
		lo := x - hi
		add(hi * hi)
		add(2.0 * hi * lo)
		frac += lo * lo
	}
	h := gomath.Sqrt(csum - 1.0 + frac)
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

func mathHypot(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(kw) > 0 {
		return runtime.Value{}, runtime.NoKeywords("math.hypot", kw)
	}
	vec := make([]float64, len(args))
	max, nan := 0.0, false
	for i, a := range args {
		x, err := runtime.AsDouble(th, a)
		if err != nil {
			return runtime.Value{}, err
		}
		x = gomath.Abs(x)
		vec[i] = x
		nan = nan || gomath.IsNaN(x)
		if x > max {
			max = x
		}
	}
	return runtime.Float(mathVectorNorm(vec, max, nan)), nil
}

func mathDist(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(kw) > 0 {
		return runtime.Value{}, runtime.NoKeywords("math.dist", kw)
	}
	if err := runtime.PositionalArgs("dist", args, nil, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	p, err := runtime.Collect(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	q, err := runtime.Collect(th, args[1])
	if err != nil {
		return runtime.Value{}, err
	}
	if len(p) != len(q) {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "both points must have the same number of dimensions")
	}
	vec := make([]float64, len(p))
	max, nan := 0.0, false
	for i := range p {
		px, err := runtime.AsDouble(th, p[i])
		if err != nil {
			return runtime.Value{}, err
		}
		qx, err := runtime.AsDouble(th, q[i])
		if err != nil {
			return runtime.Value{}, err
		}
		x := gomath.Abs(px - qx)
		vec[i] = x
		nan = nan || gomath.IsNaN(x)
		if x > max {
			max = x
		}
	}
	return runtime.Float(mathVectorNorm(vec, max, nan)), nil
}

// mathFsum is math.fsum: Shewchuk's exact partial sums, rounded once at
// the end with half-even correction across partials, as CPython does.
func mathFsum(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if _, err := runtime.OneArg("math.fsum", args, kw); err != nil {
		return runtime.Value{}, err
	}
	it, err := runtime.Iter(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	var partials []float64
	specialSum, infSum := 0.0, 0.0
	for {
		v, ok, err := it.Next(th)
		if err != nil {
			return runtime.Value{}, err
		}
		if !ok {
			break
		}
		x, err := runtime.AsDouble(th, v)
		if err != nil {
			return runtime.Value{}, err
		}
		xsave := x
		i := 0
		for _, y := range partials {
			if gomath.Abs(x) < gomath.Abs(y) {
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
			if gomath.IsInf(x, 0) || gomath.IsNaN(x) {
				// A non-finite x comes from an inf or nan among the
				// items, or from intermediate overflow.
				if !gomath.IsInf(xsave, 0) && !gomath.IsNaN(xsave) {
					return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "intermediate overflow in fsum")
				}
				if gomath.IsInf(xsave, 0) {
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
		if gomath.IsNaN(infSum) {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "-inf + inf in fsum")
		}
		return runtime.Float(specialSum), nil
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
	return runtime.Float(hi), nil
}

// math.prod(iterable, /, *, start=1)
func mathProd(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) != 1 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "prod() takes exactly 1 positional argument (%d given)", len(args))
	}
	acc := runtime.Int(1)
	for _, k := range kw {
		if k.Name != "start" {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' is an invalid keyword argument for prod()", k.Name)
		}
		acc = k.Value
	}
	it, err := runtime.Iter(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	for {
		x, ok, err := it.Next(th)
		if err != nil {
			return runtime.Value{}, err
		}
		if !ok {
			return acc, nil
		}
		switch {
		case acc.IsSmallInt() && x.IsSmallInt():
			acc = runtime.MulInt64(acc.SmallInt(), x.SmallInt())
		case acc.IsFloat() && x.IsFloat():
			acc = runtime.Float(acc.FloatVal() * x.FloatVal())
		default:
			if acc, err = runtime.Binary(th, runtime.OpMul, acc, x); err != nil {
				return runtime.Value{}, err
			}
		}
	}
}

// mathIntArgs converts the arguments of gcd and lcm to integers.
func mathIntArgs(th *runtime.Thread, qual string, args []runtime.Value, kw []runtime.Kwarg) ([]*big.Int, error) {
	if len(kw) > 0 {
		return nil, runtime.NoKeywords(qual, kw)
	}
	out := make([]*big.Int, len(args))
	for i, a := range args {
		x, err := runtime.IndexBig(th, a)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

func mathGcd(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	xs, err := mathIntArgs(th, "math.gcd", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	g := new(big.Int)
	for _, x := range xs {
		g.GCD(nil, nil, g, x)
	}
	return runtime.BigInt(g), nil
}

func mathLcm(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	xs, err := mathIntArgs(th, "math.lcm", args, kw)
	if err != nil {
		return runtime.Value{}, err
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
	return runtime.BigInt(l), nil
}

func mathFactorial(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if _, err := runtime.OneArg("math.factorial", args, kw); err != nil {
		return runtime.Value{}, err
	}
	x, err := runtime.IndexBig(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	if x.Sign() < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "factorial() not defined for negative values")
	}
	if !x.IsInt64() {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "factorial() argument should not exceed %d", int64(gomath.MaxInt64))
	}
	n := x.Int64()
	if n < 2 {
		return runtime.Int(1), nil
	}
	return runtime.BigInt(new(big.Int).MulRange(1, n)), nil
}

// mathNonNegative converts argument name of comb or perm.
func mathNonNegative(th *runtime.Thread, v runtime.Value, name string) (*big.Int, error) {
	x, err := runtime.IndexBig(th, v)
	if err != nil {
		return nil, err
	}
	if x.Sign() < 0 {
		return nil, runtime.Errorf(runtime.ValueError, "%s must be a non-negative integer", name)
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

func mathComb(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(kw) > 0 {
		return runtime.Value{}, runtime.NoKeywords("math.comb", kw)
	}
	if err := runtime.PositionalArgs("comb", args, nil, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	n, err := mathNonNegative(th, args[0], "n")
	if err != nil {
		return runtime.Value{}, err
	}
	k, err := mathNonNegative(th, args[1], "k")
	if err != nil {
		return runtime.Value{}, err
	}
	if k.Cmp(n) > 0 {
		return runtime.Int(0), nil
	}
	// comb(n, k) == comb(n, n-k): use the smaller.
	if nk := new(big.Int).Sub(n, k); nk.Cmp(k) < 0 {
		k = nk
	}
	if !k.IsInt64() {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "min(n - k, k) must not exceed %d", int64(gomath.MaxInt64))
	}
	return runtime.BigInt(mathFallingFactorial(n, k.Int64(), true)), nil
}

func mathPerm(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(kw) > 0 {
		return runtime.Value{}, runtime.NoKeywords("math.perm", kw)
	}
	if err := runtime.PositionalArgs("perm", args, nil, 1, 2); err != nil {
		return runtime.Value{}, err
	}
	n, err := mathNonNegative(th, args[0], "n")
	if err != nil {
		return runtime.Value{}, err
	}
	k := n
	if len(args) == 2 && !args[1].IsNone() {
		if k, err = mathNonNegative(th, args[1], "k"); err != nil {
			return runtime.Value{}, err
		}
	}
	if k.Cmp(n) > 0 {
		return runtime.Int(0), nil
	}
	if !k.IsInt64() {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "k must not exceed %d", int64(gomath.MaxInt64))
	}
	return runtime.BigInt(mathFallingFactorial(n, k.Int64(), false)), nil
}

func mathIsqrt(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if _, err := runtime.OneArg("math.isqrt", args, kw); err != nil {
		return runtime.Value{}, err
	}
	x, err := runtime.IndexBig(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	if x.Sign() < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "isqrt() argument must be nonnegative")
	}
	return runtime.BigInt(new(big.Int).Sqrt(x)), nil
}
