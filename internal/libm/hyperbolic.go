package libm

// This file holds the hyperbolic functions and their inverses. sinh and
// cosh are computed from their definitions by e**x, in double-double
// precision (exp.go), and rounded once; near 0, where the definition of
// sinh cancels, its Taylor series is summed instead. CPython's C library
// computes all of these to within about one ulp rather than correctly
// rounded, and for tanh and the inverse functions Go's math package
// happens to agree with it more often than the correctly rounded value
// does, so those are Go's.

import "math"

// sinhSeries is sinh(x) for |x| < 1/4: x + x³/3! + x⁵/5! + …, whose
// terms fall below 2**-110 of x by x**23/23!.
func sinhSeries(x float64) dd {
	x2 := ddTwoProd(x, x)
	p := inverseFactorials[23]
	for n := 21; n >= 3; n -= 2 {
		p = ddAddBig(inverseFactorials[n], ddMul(p, x2))
	}
	return ddAdd(dd{x, 0}, ddMulFloat(ddMul(p, x2), x))
}

// coshSinhFast returns e**a ± e**−a for 1/4 <= a <= 42 (sign +1 or −1)
// from the float64 exponential, and ok true when every value within its
// error bound rounds to the returned float64. Both exponentials carry a
// relative error below expFastBound (1/e**a is refined to double-double
// from e**a), so the error of the sum or difference is below
// expFastBound·(e**a + e**−a), at most 4.1 times the difference for
// a >= 1/4.
func coshSinhFast(a, sign float64) (float64, bool) {
	m, k := expFastParts(dd{a, 0})
	big := ddLdexp(m, k)
	q := 1 / big.hi
	// 1/(h+l) = q·(1 + (1 − q·h − q·l)) to second order.
	rem := math.FMA(-q, big.hi, 1) - q*big.lo
	small := ddQuickSum(q, q*rem)
	h := ddTwoSum(big.hi, sign*small.hi)
	lo := h.lo + big.lo + sign*small.lo
	res := h.hi + lo
	rest := (h.hi - res) + lo
	bound := (big.hi + small.hi) * expFastBound * 1.5
	if res+(rest+bound) != res || res+(rest-bound) != res {
		return 0, false
	}
	return res, true
}

// expHalves returns e**a/2 and e**−a/2 for 0 <= a <= 42 (the second
// matters only there).
func expHalves(a float64) (dd, dd) {
	e := expFull(dd{a, 0})
	inv := ddDiv(dd{1, 0}, e)
	return ddLdexp(e, -1), ddLdexp(inv, -1)
}

// Sinh is math.sinh.
func Sinh(x float64) float64 {
	a := math.Abs(x)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || a < 0x1p-27:
		return x // x³/6 is below half an ulp of x
	case a > 711:
		return math.Copysign(math.Inf(1), x)
	case a < 0.25:
		return sinhSeries(x).round()
	case a > 42:
		// e**−a is below 2**-120 of e**a.
		m, k := expDD(dd{a, 0})
		return math.Copysign(roundScaled(m, k-1), x)
	}
	if r, ok := coshSinhFast(a, -1); ok {
		return math.Copysign(r/2, x)
	}
	h, g := expHalves(a)
	return math.Copysign(ddSub(h, g).round(), x)
}

// Cosh is math.cosh.
func Cosh(x float64) float64 {
	a := math.Abs(x)
	switch {
	case math.IsNaN(x):
		return x
	case a > 711:
		return math.Inf(1)
	case a > 42:
		m, k := expDD(dd{a, 0})
		return roundScaled(m, k-1)
	}
	if a >= 0.25 {
		if r, ok := coshSinhFast(a, 1); ok {
			return r / 2
		}
	}
	h, g := expHalves(a)
	return ddAdd(h, g).round()
}

// Tanh is math.tanh. Go's version agrees with CPython's a little more
// often than the correctly rounded value does (libm_cpython_test.go).
func Tanh(x float64) float64 { return math.Tanh(x) }

// Asinh is math.asinh (Go's, which agrees with CPython more often than
// the correctly rounded value).
func Asinh(x float64) float64 { return math.Asinh(x) }

// Acosh is math.acosh (Go's, as Asinh).
func Acosh(x float64) float64 { return math.Acosh(x) }

// Atanh is math.atanh (Go's, which agrees with CPython's throughout).
func Atanh(x float64) float64 { return math.Atanh(x) }
