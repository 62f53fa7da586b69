package libm

// This file adds to the double-double arithmetic of trig_dd.go the
// operations the exponential, logarithmic and error functions need:
// negation, scaling by a power of two, division, and the
// final rounding of a double-double scaled by 2**k to one float64.

import "math"

func ddNeg(x dd) dd { return dd{-x.hi, -x.lo} }

func ddSub(x, y dd) dd { return ddAdd(x, ddNeg(y)) }

// ddAddBig is x+y for |x.hi| >= |y.hi| (or x zero): with no cancellation
// to guard against, one fast two-sum of the high parts is enough.
func ddAddBig(x, y dd) dd {
	s := x.hi + y.hi
	e := y.hi - (s - x.hi)
	return ddQuickSum(s, e+x.lo+y.lo)
}

// ddTwoProd is the exact product a·b as a double-double.
func ddTwoProd(a, b float64) dd {
	p := a * b
	return dd{p, math.FMA(a, b, -p)}
}

// ddLdexp is x·2**k; exact while both parts stay normal.
func ddLdexp(x dd, k int) dd { return dd{math.Ldexp(x.hi, k), math.Ldexp(x.lo, k)} }

// ddDiv is x/y: a long division that takes three float64 quotient digits.
func ddDiv(x, y dd) dd {
	q1 := x.hi / y.hi
	r := ddSub(x, ddMulFloat(y, q1))
	q2 := r.hi / y.hi
	r = ddSub(r, ddMulFloat(y, q2))
	q3 := r.hi / y.hi
	return ddAdd(ddQuickSum(q1, q2), dd{q3, 0})
}

// roundScaled returns the float64 nearest to (x.hi+x.lo)·2**k, which may
// overflow to an infinity or fall among (or below) the subnormals. x must
// be normalized (x.hi the nearest float64 to the sum).
func roundScaled(x dd, k int) float64 {
	if x.hi == 0 {
		return x.hi
	}
	if k > -1000 && k < 1000 && math.Abs(x.hi) >= 0x1p-20 && math.Abs(x.hi) < 0x1p20 {
		// The usual case, normal whatever the rounding: scale by a power
		// of two made from its bits.
		return x.hi * math.Float64frombits(uint64(k+1023)<<52)
	}
	_, e := math.Frexp(x.hi) // 2**(e-1) <= |x.hi| < 2**e
	if e+k > -1021 {
		// A normal result (or an overflow): x.hi already is the sum rounded
		// to 53 bits, and scaling by 2**k is exact.
		return math.Ldexp(x.hi, k)
	}
	// A subnormal result has fewer bits: count in units of the smallest
	// subnormal, round that count to an integer (ties to even), then scale
	// back, which is exact.
	h := math.Ldexp(x.hi, k+1074)
	l := math.Ldexp(x.lo, k+1074)
	n := math.RoundToEven(h)
	d := (h - n) + l
	switch {
	case d > 0.5 || (d == 0.5 && math.Mod(n, 2) != 0):
		n++
	case d < -0.5 || (d == -0.5 && math.Mod(n, 2) != 0):
		n--
	}
	if n == 0 {
		return math.Copysign(0, x.hi)
	}
	return math.Ldexp(n, -1074)
}

// round is the float64 nearest to x.
func (x dd) round() float64 { return x.hi + x.lo }
