package libm

// This file computes x**y for float64s as C99's pow specifies it (which
// is what CPython's float ** relies on): the special values first, then
// e**(y·ln|x|) with the logarithm in double-double precision, so that the
// product keeps about 95 good bits even when it is near ±745, and one
// rounding at the end.

import (
	"math"
	"math/big"
	"math/bits"
)

// exactPowerBits bounds the size of the powers computed exactly.
const exactPowerBits = 128

// powExact returns |x|**n for a positive integer n when |x| = M·2**e with
// an odd M whose power M**n has at most exactPowerBits bits: then the
// power is computed exactly and rounded once, ties to even. Such a power
// can lie exactly halfway between two float64s (7**19 does), which no
// approximation, however close, rounds reliably.
func powExact(x, n float64) (float64, bool) {
	if n > exactPowerBits {
		return 0, false
	}
	frac, e := math.Frexp(math.Abs(x))
	m := uint64(frac * (1 << 53))
	e -= 53
	tz := bits.TrailingZeros64(m)
	m >>= uint(tz)
	e += tz
	k := int(n)
	if bits.Len64(m)*k > exactPowerBits {
		return 0, false
	}
	z := new(big.Int).Exp(new(big.Int).SetUint64(m), big.NewInt(int64(k)), nil)
	f := new(big.Float).SetInt(z)
	f.SetMantExp(f, e*k)
	r, _ := f.Float64()
	return r, true
}

// integerKind tells whether y is an integer, and if so whether it is odd.
func integerKind(y float64) (isInt, odd bool) {
	if y != math.Trunc(y) || math.IsInf(y, 0) {
		return false, false
	}
	if math.Abs(y) >= 0x1p53 {
		return true, false // every float this large is even
	}
	return true, math.Mod(y, 2) != 0
}

// Pow is pow(x, y): NaN for a negative base with a non-integer exponent,
// infinities for zero to a negative power and on overflow.
func Pow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case math.IsNaN(x) || math.IsNaN(y):
		return math.NaN()
	case math.IsInf(y, 0):
		ax := math.Abs(x)
		switch {
		case ax == 1:
			return 1
		case (ax < 1) == (y > 0):
			return 0
		}
		return math.Inf(1)
	}
	isInt, odd := integerKind(y)
	switch {
	case x == 0:
		if y < 0 {
			if odd {
				return math.Copysign(math.Inf(1), x)
			}
			return math.Inf(1)
		}
		if odd {
			return x
		}
		return 0
	case math.IsInf(x, 0):
		neg := x < 0 && odd
		if y < 0 {
			if neg {
				return math.Copysign(0, -1)
			}
			return 0
		}
		if neg {
			return math.Inf(-1)
		}
		return math.Inf(1)
	case x < 0 && !isInt:
		return math.NaN()
	}
	// Exponents whose result a single correctly rounded operation gives.
	switch y {
	case 1:
		return x
	case 2:
		return x * x
	case -1:
		return 1 / x
	case 0.5:
		return math.Sqrt(x)
	}
	sign := 1.0
	if x < 0 && odd {
		sign = -1
	}
	if isInt && y > 0 {
		if r, ok := powExact(x, y); ok {
			return sign * r
		}
	} else if y > 0 && y*2 == math.Trunc(y*2) {
		// A half-integer power of a perfect square, such as 400**11.5 =
		// 20**23, can be exactly halfway between floats too.
		if root := math.Sqrt(x); math.FMA(root, root, -x) == 0 {
			if r, ok := powExact(root, 2*y); ok {
				return r
			}
		}
	}
	ax := math.Abs(x)
	if math.Abs(y) <= 64 && ax >= 0x1p-1022 {
		// The float64 logarithm is within logFastBound, so y·ln x is within
		// 64·2**-64 (and a little for the product): enough for expFast to
		// decide most results.
		if l, ok := logFastParts(ax); ok {
			if r, ok := expFast(ddMulFloat(l, y), math.Abs(y)*logFastBound*1.01+0x1p-100); ok {
				return sign * r
			}
		}
	}
	var l dd
	if ax < 0x1p-1022 {
		c := consts()
		l = ddSub(logDD(dd{ax * 0x1p54, 0}), ddAdd(ddTwoProd(54, c.ln2[0]), dd{54 * c.ln2[1], 0}))
	} else {
		l = logDD(dd{ax, 0})
	}
	a := ddMulFloat(l, y)
	switch {
	case a.hi > 710:
		return sign * math.Inf(1)
	case a.hi < -746:
		return sign * 0
	}
	if r, ok := expFast(a, 0x1p-90); ok {
		return sign * r
	}
	m, k := expDD(a)
	return sign * roundScaled(m, k)
}
