package libm

// This file computes e**x and 2**x correctly rounded (but for
// the rarest near-ties). The argument a is split as
//
//	a = (256k + j)·ln2/256 + r,   0 <= j < 256,  |r| <= ln2/512,
//
// so e**a = 2**k · 2**(j/256) · e**r, with 2**(j/256) from a table computed
// in consts.go and e**r from its Taylor series, all in double-double
// arithmetic; the product is rounded once, scaled by 2**k.

import "math"

// expSeriesMinus1 is e**r − 1 for |r| <= ln2/512 (so r**10/10! < 2**-110).
// The terms from r**5/5! on are below 2**-54 and only need float64
// precision; the first four are summed in double-double.
func expSeriesMinus1(r dd) dd {
	x := r.hi
	tail := x * (1.0/120 + x*(1.0/720+x*(1.0/5040+x*(1.0/40320+x*(1.0/362880)))))
	p := ddAddBig(inverseFactorials[4], dd{tail, 0})
	for n := 3; n >= 1; n-- {
		p = ddAddBig(inverseFactorials[n], ddMul(p, r))
	}
	return ddMul(p, r)
}

// expParts returns m and k with e**(n·ln2/expSteps + r) = m·2**k, for |r|
// no larger than about ln2/(2·expSteps) and m in [1, 2).
func expParts(n int64, r dd) (dd, int) {
	t := consts().twoPow[n&(expSteps-1)]
	m := ddAddBig(t, ddMul(t, expSeriesMinus1(r)))
	return m, int(n >> expStepBits) // floor(n/expSteps)
}

// expDD returns m and k with e**a = m·2**k, for |a.hi| below about 2**40.
func expDD(a dd) (dd, int) {
	c := consts()
	n := math.RoundToEven(a.hi * (expSteps / math.Ln2))
	// r = a − n·ln2/64, with the three parts of the constant applied in turn.
	r := ddSub(a, ddTwoProd(n, c.ln2Over[0]))
	r = ddSub(r, ddTwoProd(n, c.ln2Over[1]))
	r = ddSub(r, dd{n * c.ln2Over[2], 0})
	return expParts(int64(n), r)
}

// expFastBound bounds the relative error of expFast's unrounded result:
// the reduced argument and the polynomial each carry a few units of
// 2**-63, the final product one more, so 2**-58 leaves a wide margin.
const expFastBound = 0x1p-58

// expFast is e**a for a.hi in (−708, 709), computed in float64 arithmetic
// with about 60 good bits as a sum s+e. When every value within the error
// bound of s+e rounds to the same float64, that is the correctly rounded
// result, and ok is true; otherwise (a few percent of arguments, close to
// a rounding boundary) the caller falls back to the double-double path.
// aErr is a bound on the absolute error of a itself, which becomes a
// relative error of the result.
func expFast(a dd, aErr float64) (res float64, ok bool) {
	if !(a.hi > -708 && a.hi < 709) {
		return 0, false
	}
	m, k := expFastParts(a)
	s := m.hi + m.lo
	e := (m.hi - s) + m.lo
	bound := s * (expFastBound + aErr)
	if s+(e+bound) != s || s+(e-bound) != s {
		return 0, false
	}
	return s * math.Float64frombits(uint64(k+1023)<<52), true
}

// expFastParts returns m and k with e**a = m·2**k, m in [1, 2) to within
// expFastBound of itself, for |a.hi| below about 2**40.
func expFastParts(a dd) (dd, int) {
	c := consts()
	n := math.RoundToEven(a.hi * (expSteps / math.Ln2))
	r := math.FMA(-n, c.ln2Over[0], a.hi)
	r = math.FMA(-n, c.ln2Over[1], r) + a.lo
	p := r * (1 + r*(0.5+r*(1.0/6+r*(1.0/24+r*(1.0/120)))))
	ni := int64(n)
	t := c.twoPow[ni&(expSteps-1)]
	return ddQuickSum(t.hi, math.FMA(t.hi, p, t.lo)), int(ni >> expStepBits)
}

// expFull is e**a as one double-double, for a.hi within about ±700.
func expFull(a dd) dd {
	m, k := expDD(a)
	return ddLdexp(m, k)
}

// Exp is math.exp: e**x.
func Exp(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x > 710:
		return math.Inf(1)
	case x < -746:
		return 0
	}
	if r, ok := expFast(dd{x, 0}, 0); ok {
		return r
	}
	m, k := expDD(dd{x, 0})
	return roundScaled(m, k)
}

// Exp2 is math.exp2: 2**x.
func Exp2(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x > 1024:
		return math.Inf(1)
	case x < -1076:
		return 0
	}
	c := consts()
	// x = n/256 + f exactly, and 2**f = e**(f·ln2).
	n := math.RoundToEven(x * expSteps)
	f := x - n/expSteps
	r := ddAdd(ddTwoProd(f, c.ln2[0]), dd{f * c.ln2[1], 0})
	m, k := expParts(int64(n), r)
	return roundScaled(m, k)
}

// Expm1 is math.expm1: e**x − 1 without the cancellation near 0. CPython's
// C library computes it to within about one ulp, not correctly rounded,
// and Go's math package agrees with it bit for bit on all the recorded
// arguments (libm_cpython_test.go), so it is Go's.
func Expm1(x float64) float64 { return math.Expm1(x) }
