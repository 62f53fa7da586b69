package libm

// This file computes the logarithms and the cube root correctly rounded
// (but for the rarest near-ties), in double-double arithmetic.
//
// x = m·2**e with m in [√½, √2), so ln x = e·ln2 + ln m. A table gives,
// for m near 1 + i/256, a short float r ≈ 1/m and ln(1/r); then
// ln m = ln(1/r) + ln(1+s) with s = m·r − 1 tiny (computed exactly), and
// ln(1+s) = 2·atanh(u) with u = s/(2+s), whose odd series u + u³/3 + …
// converges fast and keeps full relative precision near m = 1 (where r
// is 1 itself). The table's logarithms come from one Newton step on
// e**y = m from a float64 guess y₀, which doubles its number of correct
// bits: with t = m·e**(−y₀) − 1, ln m = y₀ + ln(1+t) ≈ y₀ + t − t²/2.

import (
	"math"
	"sync"
)

// logGrid is the number of table entries per unit of m.
const logGrid = 256

// logFirst is the table index of m = √½ (rounded from (√½ − 1)·logGrid).
const logFirst = -75

type logTable struct {
	r       [182]float64 // for m near 1 + (i+logFirst)/logGrid, r ≈ 1/m in 11 bits
	negLogR [182]dd      // ln(1/r)
}

var (
	logTabOnce sync.Once
	logTabVals logTable
)

func logTab() *logTable {
	logTabOnce.Do(func() {
		t := &logTabVals
		for k := range t.r {
			i := k + logFirst
			r := math.Round(1024/(1+float64(i)/logGrid)) / 1024
			if i == 0 {
				r = 1
			}
			t.r[k] = r
			t.negLogR[k] = ddNeg(logNewton(dd{r, 0}))
		}
	})
	return &logTabVals
}

// log1pSmall is ln(1+s) for |s| <= 1/128, where |u| <= 1/255 and the
// terms from u**9/9 on only need float64 precision.
func log1pSmall(s dd) dd {
	c := consts()
	u := ddDiv(s, ddAdd(dd{2, 0}, s))
	u2 := ddMul(u, u)
	v := u2.hi
	tail := v * (1.0/9 + v*(1.0/11+v*(1.0/13+v*(1.0/15))))
	p := ddAddBig(c.invOdd[3], dd{tail, 0})
	for n := 2; n >= 0; n-- {
		p = ddAddBig(c.invOdd[n], ddMul(p, u2))
	}
	return ddMulFloat(ddMul(p, u), 2)
}

// logNewton is ln m for m near 1 (within a factor of 2), for the table.
func logNewton(m dd) dd {
	y0 := math.Log(m.hi)
	// m·e**(−y₀) is within an ulp or so of 1, so subtracting 1 from its
	// high part is exact.
	p := ddMul(m, expFull(dd{-y0, 0}))
	t := ddTwoSum(p.hi-1, p.lo)
	return ddAddBig(dd{y0, 0}, dd{t.hi - t.hi*t.hi/2, t.lo})
}

// logParts returns e and ln m with v = m·2**e, for a positive normal v.
func logParts(v dd) (int, dd) {
	_, e := math.Frexp(v.hi) // v.hi in [2**(e-1), 2**e)
	m := ddLdexp(v, -e)      // in [½, 1)
	if m.hi < math.Sqrt2/2 {
		m = ddLdexp(m, 1)
		e--
	}
	// m.hi − 1 and p.hi − 1 below are exact (Sterbenz), so s is exact to
	// the last bit of the double-double.
	k := int(math.Round((m.hi-1)*logGrid)) - logFirst
	if k == -logFirst {
		return e, log1pSmall(ddTwoSum(m.hi-1, m.lo))
	}
	t := logTab()
	p := ddMulFloat(m, t.r[k])
	return e, ddAdd(t.negLogR[k], log1pSmall(ddTwoSum(p.hi-1, p.lo)))
}

// logDD is ln v for a positive normal v.
func logDD(v dd) dd {
	e, l := logParts(v)
	if e == 0 {
		return l
	}
	c := consts()
	fe := float64(e)
	r := ddAdd(ddTwoProd(fe, c.ln2[0]), ddTwoProd(fe, c.ln2[1]))
	// |e·ln2| >= ln2 exceeds |ln m| <= ln√2.
	return ddAddBig(ddAddBig(r, dd{fe * c.ln2[2], 0}), l)
}

// logSpecial handles the arguments of a logarithm that need no
// computation; ok is false for the others. Subnormals come back scaled
// into the normal range, with the power of two in bias.
func logSpecial(x float64) (res float64, ok bool, scaled float64, bias int) {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x, true, 0, 0
	case x < 0:
		return math.NaN(), true, 0, 0
	case x == 0:
		return math.Inf(-1), true, 0, 0
	case x < 0x1p-1022:
		return 0, false, x * 0x1p54, -54
	}
	return 0, false, x, 0
}

// Log is math.log: the natural logarithm.
func Log(x float64) float64 {
	res, ok, v, bias := logSpecial(x)
	if ok {
		return res
	}
	if bias == 0 {
		if r, ok := logFast(v); ok {
			return r
		}
	}
	l := logDD(dd{v, 0})
	if bias != 0 {
		c := consts()
		fb := float64(bias)
		l = ddAdd(l, ddAdd(ddTwoProd(fb, c.ln2[0]), dd{fb * c.ln2[1], 0}))
	}
	return l.round()
}

// logFastBound bounds the absolute error of logFast's unrounded result:
// the terms below the leading ones (the series beyond s, the low parts of
// the table and of e·ln2) are summed in float64 with errors of order
// 2**-68 or less.
const logFastBound = 0x1p-64

// logFast is ln x for a positive normal x, from logFastParts; ok is
// false when the result might round differently from the exact value, for
// logDD to decide.
func logFast(x float64) (float64, bool) {
	l, ok := logFastParts(x)
	if !ok {
		return 0, false
	}
	res := l.hi + l.lo
	rest := (l.hi - res) + l.lo
	if res+(rest+logFastBound) != res || res+(rest-logFastBound) != res {
		return 0, false
	}
	return res, true
}

// logFastScaled is ln x · f for a double-double f <= fMax, decided as
// logFast decides ln x: the error bound grows by the factor and by the
// product's own rounding.
func logFastScaled(x float64, f dd, fMax float64) (float64, bool) {
	l, ok := logFastParts(x)
	if !ok {
		return 0, false
	}
	p := ddMul(l, f)
	res := p.hi + p.lo
	rest := (p.hi - res) + p.lo
	bound := fMax*logFastBound + math.Abs(res)*0x1p-100
	if res+(rest+bound) != res || res+(rest-bound) != res {
		return 0, false
	}
	return res, true
}

// logFastParts is ln x for a positive normal x within logFastBound, from
// the same reduction as logDD but with the series' higher terms and the
// small parts summed in float64. ok is false when m falls in the table's
// middle entry, where the result can be too small for an absolute bound.
func logFastParts(x float64) (dd, bool) {
	frac, e := math.Frexp(x)
	if frac < math.Sqrt2/2 {
		frac *= 2
		e--
	}
	k := int(math.Round((frac-1)*logGrid)) - logFirst
	if k == -logFirst {
		return dd{}, false
	}
	t, c := logTab(), consts()
	// s = frac·r − 1 exactly, as sHi + p.lo (Sterbenz for p.hi − 1).
	p := ddTwoProd(frac, t.r[k])
	sHi := p.hi - 1
	sf := sHi + p.lo
	// ln(1+s) − s, for |s| < 1/256: its terms past s**7/7 are below 2**-68.
	q := sf * sf * (-0.5 + sf*(1.0/3+sf*(-0.25+sf*(0.2+sf*(-1.0/6+sf*(1.0/7))))))
	fe := float64(e)
	a := ddTwoProd(fe, c.ln2[0])
	h1 := ddTwoSum(a.hi, t.negLogR[k].hi)
	h2 := ddTwoSum(h1.hi, sHi)
	small := h1.lo + h2.lo + a.lo + fe*c.ln2[1] + t.negLogR[k].lo + p.lo + q
	return ddQuickSum(h2.hi, small), true
}

// Log2 is math.log2.
func Log2(x float64) float64 {
	res, ok, v, bias := logSpecial(x)
	if ok {
		return res
	}
	if bias == 0 {
		if r, ok := logFastScaled(v, consts().invLn2, 1.5); ok {
			return r
		}
	}
	e, l := logParts(dd{v, 0})
	// e + bias is exact; only ln m is converted.
	return ddAdd(dd{float64(e + bias), 0}, ddMul(l, consts().invLn2)).round()
}

// Log10 is math.log10.
func Log10(x float64) float64 {
	res, ok, v, bias := logSpecial(x)
	if ok {
		return res
	}
	c := consts()
	if bias == 0 {
		if r, ok := logFastScaled(v, c.invLn10, 0.5); ok {
			return r
		}
	}
	l := logDD(dd{v, 0})
	if bias != 0 {
		fb := float64(bias)
		l = ddAdd(l, ddAdd(ddTwoProd(fb, c.ln2[0]), dd{fb * c.ln2[1], 0}))
	}
	return ddMul(l, c.invLn10).round()
}

// Log1p is math.log1p: ln(1+x) without the cancellation near 0. Go's
// math package agrees with CPython's C library (which is not correctly
// rounded here) more often than the correctly rounded value does.
func Log1p(x float64) float64 { return math.Log1p(x) }

// Cbrt is math.cbrt: the real cube root.
func Cbrt(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	a, post := math.Abs(x), 1.0
	if a < 0x1p-1000 {
		a, post = a*0x1p300, 0x1p-100 // keeps y³ clear of the subnormals
	} else if a > 0x1p1000 {
		a, post = a*0x1p-300, 0x1p100 // keeps y³ finite
	}
	// One Newton step y += (a − y³)/(3y²) from the float64 guess, with the
	// residual a − y³ computed exactly.
	y := math.Cbrt(a)
	y3 := ddMulFloat(ddTwoProd(y, y), y)
	res := ddAdd(dd{a, 0}, ddNeg(y3))
	corr := res.hi / (3 * y * y)
	return math.Copysign((y+corr)*post, x)
}
