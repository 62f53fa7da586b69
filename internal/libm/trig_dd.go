package libm

// This file computes sine and cosine to about 100 bits in double-double
// arithmetic (a value as an unevaluated sum hi+lo of two float64s) and
// rounds once, which gives the correctly rounded result except in the
// rarest ties. glibc's sin and cos, which CPython calls, are accurate to
// within about half a unit in the last place, so this agrees with them far
// more often than Go's math.Sin and math.Cos do (which err by up to a
// unit). The argument is reduced by multiples of π/2 held in three
// float64s, which stays exact enough for |x| up to 2**20.

import "math"

// dd is a double-double hi+lo with |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

func ddTwoSum(a, b float64) dd {
	s := a + b
	bb := s - a
	return dd{s, (a - (s - bb)) + (b - bb)}
}

func ddQuickSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

func ddAdd(x, y dd) dd {
	s := ddTwoSum(x.hi, y.hi)
	t := ddTwoSum(x.lo, y.lo)
	s.lo += t.hi
	s = ddQuickSum(s.hi, s.lo)
	s.lo += t.lo
	return ddQuickSum(s.hi, s.lo)
}

func ddMul(x, y dd) dd {
	p := x.hi * y.hi
	e := math.FMA(x.hi, y.hi, -p)
	e += x.hi*y.lo + x.lo*y.hi
	return ddQuickSum(p, e)
}

func ddMulFloat(x dd, f float64) dd {
	p := x.hi * f
	e := math.FMA(x.hi, f, -p)
	e += x.lo * f
	return ddQuickSum(p, e)
}

// π/2 as the sum of three float64s (161 bits).
const (
	halfPi1 = 1.5707963267948966
	halfPi2 = 6.123233995736766e-17
	halfPi3 = -1.4973849048591698e-33
)

// maxReduced bounds the arguments reduced here.
const maxReduced = 1 << 20

// reduce returns r = x - k·π/2 in double-double, |r| <= π/4, and k mod 4.
func reduce(x float64) (dd, int) {
	k := math.Round(x / halfPi1)
	p := k * halfPi1
	pe := math.FMA(k, halfPi1, -p)
	r := ddTwoSum(x, -p)
	r = ddAdd(r, dd{-pe, 0})
	r = ddAdd(r, dd{-k * halfPi2, -math.FMA(k, halfPi2, -k*halfPi2)})
	r = ddAdd(r, dd{-k * halfPi3, 0})
	return r, int(int64(k) & 3)
}

// inverseFactorials[n] is 1/n! in double-double.
var inverseFactorials = func() [32]dd {
	var t [32]dd
	t[0] = dd{1, 0}
	for n := 1; n < len(t); n++ {
		// 1/n! = (1/(n-1)!) / n, with the quotient corrected once.
		q := t[n-1].hi / float64(n)
		rem := ddAdd(t[n-1], ddMulFloat(dd{q, 0}, -float64(n)))
		t[n] = ddQuickSum(q, rem.hi/float64(n))
	}
	return t
}()

// sinSeries is sin(r) for |r| <= π/4: r - r³/3! + r⁵/5! - ...
func sinSeries(r dd) dd {
	r2 := ddMul(r, r)
	sum := dd{0, 0}
	for n := 29; n >= 3; n -= 2 {
		term := inverseFactorials[n]
		if (n/2)%2 == 1 {
			term = dd{-term.hi, -term.lo}
		}
		sum = ddMul(ddAdd(sum, term), r2)
	}
	return ddAdd(r, ddMul(sum, r))
}

// cosSeries is cos(r) for |r| <= π/4: 1 - r²/2! + r⁴/4! - ...
func cosSeries(r dd) dd {
	r2 := ddMul(r, r)
	sum := dd{0, 0}
	for n := 28; n >= 2; n -= 2 {
		term := inverseFactorials[n]
		if (n/2)%2 == 1 {
			term = dd{-term.hi, -term.lo}
		}
		sum = ddMul(ddAdd(sum, term), r2)
	}
	return ddAdd(dd{1, 0}, sum)
}

// sinOrCos returns sin(x), or cos(x) when cosine is set, for |x| <=
// maxReduced. Only the series the quadrant needs is summed: cos(x) is
// sin(x + π/2), one quadrant on, and the odd quadrants of sin are ±cos of
// the reduced argument.
func sinOrCos(x float64, cosine bool) float64 {
	r, k := reduce(x)
	if cosine {
		k++
	}
	var v dd
	if k&1 == 0 {
		v = sinSeries(r)
	} else {
		v = cosSeries(r)
	}
	if k&2 != 0 {
		return -(v.hi + v.lo)
	}
	return v.hi + v.lo
}
