package libm

// This file holds the elementary functions behind the math module and
// float's ** operator.
//
// CPython calls the C library's libm, and Go's math package gives
// different last bits for most functions (exp differs from glibc for
// about 13% of arguments, pow for about 80%), which would show in
// printed results. exp, log and pow are therefore ports of the
// algorithms of glibc 2.36 (ARM's optimized-routines), with the
// operations fused exactly where glibc's x86-64 FMA build fuses them,
// which makes them bit-identical to what CPython computes on such a
// machine. Explicit float64 conversions keep Go from fusing where glibc
// does not. The tables are in data.go. Functions not ported
// yet use Go's math package.

import "math"

var (
	fExpInvLn2N  = math.Float64frombits(expInvLn2N)
	fExpNegLn2hi = math.Float64frombits(expNegLn2hi)
	fExpNegLn2lo = math.Float64frombits(expNegLn2lo)
	fExpC2       = math.Float64frombits(expC2)
	fExpC3       = math.Float64frombits(expC3)
	fExpC4       = math.Float64frombits(expC4)
	fExpC5       = math.Float64frombits(expC5)
	fExpShift    = math.Float64frombits(expShift)
)

// top12 returns the sign and exponent bits of x.
func top12(x float64) uint32 { return uint32(math.Float64bits(x) >> 52) }

const (
	top12Tiny = 0x3c9 // top12(0x1p-54)
	top12Big  = 0x408 // top12(512.0)
	top12Huge = 0x409 // top12(1024.0)
)

// Exp is exp(x) as glibc computes it.
func Exp(x float64) float64 {
	abstop := top12(x) & 0x7ff
	if abstop-top12Tiny >= top12Big-top12Tiny {
		if abstop-top12Tiny >= 0x80000000 {
			// Tiny x: exp(x) rounds to 1 + x.
			return 1.0 + x
		}
		if abstop >= top12Huge {
			switch {
			case x == math.Inf(-1):
				return 0
			case abstop >= 0x7ff:
				return 1.0 + x
			case x < 0:
				return 0 // underflow
			}
			return math.Inf(1) // overflow
		}
		abstop = 0 // large |x|: scale needs care below
	}
	// exp(x) = 2^(k/N) * exp(r), x = k*ln2/N + r, |r| <= ln2/2N.
	kd := math.FMA(x, fExpInvLn2N, fExpShift)
	ki := math.Float64bits(kd)
	kd -= fExpShift
	r := math.FMA(kd, fExpNegLn2lo, math.FMA(kd, fExpNegLn2hi, x))
	idx := 2 * (ki % 128)
	top := ki << 45
	tail := math.Float64frombits(expTab[idx])
	sbits := expTab[idx+1] + top
	r2 := float64(r * r)
	tmp := math.FMA(float64(r2*r2), math.FMA(r, fExpC5, fExpC4), math.FMA(math.FMA(r, fExpC3, fExpC2), r2, tail+r))
	if abstop == 0 {
		return expSpecial(tmp, sbits, ki)
	}
	scale := math.Float64frombits(sbits)
	return math.FMA(scale, tmp, scale)
}

// expSpecial computes scale*(1+tmp) when the exponent of scale may have
// overflowed (k > 0) or the result is subnormal (k < 0), rounding once.
func expSpecial(tmp float64, sbits, ki uint64) float64 {
	if ki&0x80000000 == 0 {
		sbits -= 1009 << 52
		scale := math.Float64frombits(sbits)
		return 0x1p1009 * math.FMA(scale, tmp, scale)
	}
	sbits += 1022 << 52
	scale := math.Float64frombits(sbits)
	st := float64(scale * tmp)
	y := scale + st
	if y < 1.0 {
		// Round y to the final precision before scaling into the
		// subnormal range, to avoid double rounding.
		lo := scale - y + st
		hi := 1.0 + y
		lo = 1.0 - hi + y + lo
		y = (lo + hi) - 1.0
		if y == 0 {
			y = 0
		}
	}
	return 0x1p-1022 * y
}

var (
	fLogLn2hi = math.Float64frombits(logLn2hi)
	fLogLn2lo = math.Float64frombits(logLn2lo)
	fLogA     [5]float64
	fLogB     [11]float64
	fLogTab   [256]float64
	fPowLn2hi = math.Float64frombits(powLn2hi)
	fPowLn2lo = math.Float64frombits(powLn2lo)
	fPowA     [7]float64
	fPowTab   [384]float64
)

func init() {
	for i, b := range logA {
		fLogA[i] = math.Float64frombits(b)
	}
	for i, b := range logB {
		fLogB[i] = math.Float64frombits(b)
	}
	for i, b := range logTab {
		fLogTab[i] = math.Float64frombits(b)
	}
	for i, b := range powA {
		fPowA[i] = math.Float64frombits(b)
	}
	for i, b := range powTab {
		fPowTab[i] = math.Float64frombits(b)
	}
}

// Log is log(x) as glibc computes it.
func Log(x float64) float64 {
	const (
		nearLo = 0x3fee000000000000 // bits of 1 - 0x1p-4
		nearHi = 0x3ff1090000000000 // bits of 1 + 0x1.09p-4
		off    = 0x3fe6000000000000
	)
	ix := math.Float64bits(x)
	top := uint32(ix >> 48)
	if ix-nearLo < nearHi-nearLo {
		// x close to 1: a polynomial in r = x - 1 with the leading
		// terms computed exactly.
		if ix == 0x3ff0000000000000 {
			return 0
		}
		B := &fLogB
		r := x - 1.0
		b12 := math.FMA(r, B[2], B[1])
		b45 := math.FMA(r, B[5], B[4])
		b78 := math.FMA(r, B[8], B[7])
		r2 := float64(r * r)
		b12 = math.FMA(r2, B[3], b12)
		b45 = math.FMA(r2, B[6], b45)
		r3 := float64(r * r2)
		t := math.FMA(r2, B[9], b78)
		t = math.FMA(r3, B[10], t)
		t = math.FMA(t, r3, b45)
		t = math.FMA(t, r3, b12)
		rhi := math.FMA(-0x1p27, r, math.FMA(r, 0x1p27, r))
		rhi2 := float64(rhi * rhi)
		rlo := r - rhi
		hi := math.FMA(rhi2, B[0], r)
		lo := math.FMA(rhi2, B[0], r-hi)
		lo = math.FMA(float64(B[0]*rlo), r+rhi, lo)
		return hi + math.FMA(t, r3, lo)
	}
	if top-0x0010 >= 0x7ff0-0x0010 {
		// x < 0x1p-1022, or inf or nan.
		switch {
		case ix*2 == 0:
			return math.Inf(-1)
		case ix == 0x7ff0000000000000:
			return x
		case top&0x8000 != 0 || top&0x7ff0 == 0x7ff0:
			return math.NaN()
		}
		// Subnormal: normalize.
		ix = math.Float64bits(x * 0x1p52)
		ix -= 52 << 52
	}
	// x = 2^k z with z in [off, 2*off), split into 128 subintervals with
	// c near the center of each: log(x) = log1p(z/c-1) + log(c) + k*ln2.
	tmp := ix - off
	i := (tmp >> 45) % 128
	k := int64(tmp) >> 52
	iz := ix - (tmp & (0xfff << 52))
	invc, logc := fLogTab[2*i], fLogTab[2*i+1]
	z := math.Float64frombits(iz)
	r := math.FMA(z, invc, -1.0)
	kd := float64(k)
	w := math.FMA(kd, fLogLn2hi, logc)
	hi := w + r
	lo := math.FMA(kd, fLogLn2lo, w-hi+r)
	A := &fLogA
	r2 := float64(r * r)
	q := math.FMA(math.FMA(r, A[4], A[3]), r2, math.FMA(r, A[2], A[1]))
	y := math.FMA(float64(r*r2), q, math.FMA(r2, A[0], lo))
	return y + hi
}

// powSignBias marks a negative result in pow's exponent computation.
const powSignBias = 0x800 << 7

// powCheckInt reports whether the float with bits iy (non-zero, finite)
// is not an integer (0), an odd integer (1) or an even integer (2).
func powCheckInt(iy uint64) int {
	e := int(iy >> 52 & 0x7ff)
	if e < 0x3ff {
		return 0
	}
	if e > 0x3ff+52 {
		return 2
	}
	if iy&(1<<(0x3ff+52-e)-1) != 0 {
		return 0
	}
	if iy&(1<<(0x3ff+52-e)) != 0 {
		return 1
	}
	return 2
}

// powZeroInfNaN reports whether i is the bits of 0, an infinity or a NaN.
func powZeroInfNaN(i uint64) bool { return 2*i-1 >= 2*0x7ff0000000000000-1 }

// Pow is pow(x, y) as glibc computes it (C99 special values; NaN
// for a negative base with a non-integer exponent, infinities on
// overflow and for zero to a negative power).
func Pow(x, y float64) float64 {
	var signBias uint64
	ix, iy := math.Float64bits(x), math.Float64bits(y)
	topx, topy := top12(x), top12(y)
	if topx-0x001 >= 0x7ff-0x001 || (topy&0x7ff)-0x3be >= 0x43e-0x3be {
		// x < 0x1p-126 or inf or nan, or |y| < 0x1p-65 or >= 0x1p63 or nan.
		if powZeroInfNaN(iy) {
			switch {
			case 2*iy == 0:
				return 1.0
			case ix == 0x3ff0000000000000:
				return 1.0
			case 2*ix > 2*0x7ff0000000000000 || 2*iy > 2*0x7ff0000000000000:
				return x + y
			case 2*ix == 2*0x3ff0000000000000:
				return 1.0
			case (2*ix < 2*0x3ff0000000000000) == (iy>>63 == 0):
				return 0.0 // |x|<1 && y==inf or |x|>1 && y==-inf
			}
			return y * y
		}
		if powZeroInfNaN(ix) {
			x2 := x * x
			if ix>>63 != 0 && powCheckInt(iy) == 1 {
				x2 = -x2
			}
			if iy>>63 != 0 {
				return 1 / x2
			}
			return x2
		}
		// x and y are non-zero finite.
		if ix>>63 != 0 {
			switch powCheckInt(iy) {
			case 0:
				return math.NaN()
			case 1:
				signBias = powSignBias
			}
			ix &= 0x7fffffffffffffff
			topx &= 0x7ff
		}
		if (topy&0x7ff)-0x3be >= 0x43e-0x3be {
			if ix == 0x3ff0000000000000 {
				return 1.0
			}
			if topy&0x7ff < 0x3be {
				// |y| < 2^-65: x^y ~= 1 + y*log(x).
				if ix > 0x3ff0000000000000 {
					return 1.0 + y
				}
				return 1.0 - y
			}
			if (ix > 0x3ff0000000000000) == (topy < 0x800) {
				return math.Inf(1)
			}
			return 0
		}
		if topx == 0 {
			// Normalize a subnormal x so that its exponent is negative.
			ix = math.Float64bits(x * 0x1p52)
			ix &= 0x7fffffffffffffff
			ix -= 52 << 52
		}
	}
	hi, lo := powLog(ix)
	ehi := float64(y * hi)
	elo := math.FMA(y, lo, math.FMA(hi, y, -ehi))
	return powExp(ehi, elo, signBias)
}

// powLog returns log(x) for the bits ix of a positive normal x as hi+lo,
// with about 15 bits more precision than a double.
func powLog(ix uint64) (float64, float64) {
	const off = 0x3fe6955500000000
	tmp := ix - off
	i := (tmp >> 45) % 128
	k := int64(tmp) >> 52
	iz := ix - (tmp & (0xfff << 52))
	z := math.Float64frombits(iz)
	kd := float64(k)
	invc, logc, logctail := fPowTab[3*i], fPowTab[3*i+1], fPowTab[3*i+2]
	A := &fPowA
	// 1/c is j/N or j/N/2, so r = z/c - 1 is exact.
	r := math.FMA(z, invc, -1.0)
	t1 := math.FMA(kd, fPowLn2hi, logc)
	lo1 := math.FMA(kd, fPowLn2lo, logctail)
	ar := float64(r * A[0])
	a12 := math.FMA(r, A[2], A[1])
	a34 := math.FMA(r, A[4], A[3])
	t2 := r + t1
	ar2 := float64(r * ar)
	lo2 := t1 - t2 + r
	ar3 := float64(r * ar2)
	lo3 := math.FMA(ar, r, -ar2)
	hi := t2 + ar2
	lo4 := t2 - hi + ar2
	q := math.FMA(ar2, math.FMA(math.FMA(r, A[6], A[5]), ar2, a34), a12)
	lo := math.FMA(ar3, q, lo1+lo2+lo3+lo4)
	y := hi + lo
	return y, hi - y + lo
}

// powExp returns sign*exp(x+xtail) where |xtail| < 2^-8/N and
// |xtail| <= |x|; signBias is 0 or powSignBias.
func powExp(x, xtail float64, signBias uint64) float64 {
	abstop := top12(x) & 0x7ff
	if abstop-top12Tiny >= top12Big-top12Tiny {
		if abstop-top12Tiny >= 0x80000000 {
			one := 1.0 + x
			if signBias != 0 {
				return -one
			}
			return one
		}
		if abstop >= top12Huge {
			r := math.Inf(1)
			if math.Float64bits(x)>>63 != 0 {
				r = 0
			}
			if signBias != 0 {
				return -r
			}
			return r
		}
		abstop = 0
	}
	kd := math.FMA(x, fExpInvLn2N, fExpShift)
	ki := math.Float64bits(kd)
	kd -= fExpShift
	r := math.FMA(kd, fExpNegLn2lo, math.FMA(kd, fExpNegLn2hi, x))
	r = xtail + r
	idx := 2 * (ki % 128)
	top := (ki + signBias) << 45
	tail := math.Float64frombits(expTab[idx])
	sbits := expTab[idx+1] + top
	r2 := float64(r * r)
	tmp := math.FMA(float64(r2*r2), math.FMA(r, fExpC5, fExpC4), math.FMA(math.FMA(r, fExpC3, fExpC2), r2, tail+r))
	if abstop == 0 {
		return powExpSpecial(tmp, sbits, ki)
	}
	scale := math.Float64frombits(sbits)
	return math.FMA(scale, tmp, scale)
}

// powExpSpecial is expSpecial for pow, whose scale may be negative.
func powExpSpecial(tmp float64, sbits, ki uint64) float64 {
	if ki&0x80000000 == 0 {
		sbits -= 1009 << 52
		scale := math.Float64frombits(sbits)
		return math.FMA(scale, tmp, scale) * 0x1p1009
	}
	sbits += 1022 << 52
	scale := math.Float64frombits(sbits)
	st := float64(scale * tmp)
	y := scale + st
	if math.Abs(y) < 1.0 {
		one := 1.0
		if y < 0 {
			one = -1.0
		}
		lo := scale - y + st
		hi := y + one
		lo = one - hi + y + lo
		y = (lo + hi) - one
		if y == 0 {
			y = math.Float64frombits(sbits & 0x8000000000000000)
		}
	}
	return y * 0x1p-1022
}
