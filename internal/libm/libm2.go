package libm

// This file ports more of glibc 2.36's libm, as libm.go does:
// expm1 and log1p (fdlibm, FMA build), the hyperbolic functions and
// their inverses, log10 and cbrt (fdlibm, built without fused
// operations, calling the ported exp, expm1, log and log1p), log2 (ARM,
// FMA build) and exp2 (ARM, built without fused operations).

import "math"

// Constants of fdlibm's expm1 and log1p, as bit patterns.
var (
	fdLn2hi  = math.Float64frombits(0x3fe62e42fee00000)
	fdLn2lo  = math.Float64frombits(0x3dea39ef35793c76)
	fdInvLn2 = math.Float64frombits(0x3ff71547652b82fe)
	em1Q     = [6]float64{1.0,
		math.Float64frombits(0xbfa11111111110f4), math.Float64frombits(0x3f5a01a019fe5585),
		math.Float64frombits(0xbf14ce199eaadbb7), math.Float64frombits(0x3ed0cfca86e65239),
		math.Float64frombits(0xbe8afdb76e09c32d)}
	em1OThreshold = math.Float64frombits(0x40862e42fefa39ef)
	l1pLp         = [8]float64{0,
		math.Float64frombits(0x3fe5555555555593), math.Float64frombits(0x3fd999999997fa04),
		math.Float64frombits(0x3fd2492494229359), math.Float64frombits(0x3fcc71c51d8e78af),
		math.Float64frombits(0x3fc7466496cb03de), math.Float64frombits(0x3fc39a09d078c69f),
		math.Float64frombits(0x3fc2f112df3e5244)}
	fdTwoThirds = math.Float64frombits(0x3fe5555555555555)
)

// withHigh returns x with its high 32 bits replaced by hi.
func withHigh(x float64, hi uint32) float64 {
	return math.Float64frombits(uint64(hi)<<32 | math.Float64bits(x)&0xffffffff)
}

// high returns the high 32 bits of x.
func high(x float64) uint32 { return uint32(math.Float64bits(x) >> 32) }

// Expm1 is expm1(x) as glibc computes it.
func Expm1(x float64) float64 {
	hx := high(x)
	neg := hx&0x80000000 != 0
	hx &= 0x7fffffff
	if hx >= 0x4043687a { // |x| >= 56*ln2
		if hx >= 0x40862e42 { // |x| >= 709.78...
			if hx >= 0x7ff00000 {
				if math.IsNaN(x) {
					return x + x
				}
				if neg {
					return -1.0
				}
				return x
			}
			if x > em1OThreshold {
				return math.Inf(1)
			}
		}
		if neg {
			return 1e-300 - 1.0
		}
	}
	var hi, lo, c float64
	var k int32
	switch {
	case hx > 0x3fd62e42: // |x| > 0.5 ln2
		if hx < 0x3ff0a2b2 { // and |x| < 1.5 ln2
			if !neg {
				hi, lo, k = x-fdLn2hi, fdLn2lo, 1
			} else {
				hi, lo, k = x+fdLn2hi, -fdLn2lo, -1
			}
		} else {
			h := 0.5
			if neg {
				h = -0.5
			}
			k = int32(float64(fdInvLn2*x) + h)
			t := float64(k)
			hi = math.FMA(-t, fdLn2hi, x)
			lo = float64(t * fdLn2lo)
		}
		x = hi - lo
		c = (hi - x) - lo
	case hx < 0x3c900000: // |x| < 2^-54
		return x
	}
	// x is now in the primary range.
	Q := &em1Q
	hfx := float64(x * 0.5)
	hxs := float64(x * hfx)
	r1 := math.FMA(hxs, Q[1], 1.0)
	h2 := float64(hxs * hxs)
	r2 := math.FMA(hxs, Q[3], Q[2])
	h4 := float64(h2 * h2)
	r3 := math.FMA(hxs, Q[5], Q[4])
	r1 = math.FMA(h4, r3, math.FMA(h2, r2, r1))
	t := math.FMA(-r1, hfx, 3.0)
	e := float64(float64((r1-t)/math.FMA(-x, t, 6.0)) * hxs)
	if k == 0 {
		return x - math.FMA(e, x, -hxs)
	}
	e = math.FMA(e-c, x, -c)
	e -= hxs
	switch {
	case k == -1:
		return math.FMA(0.5, x-e, -0.5)
	case k == 1:
		if x < -0.25 {
			return -2.0 * (e - (x + 0.5))
		}
		return math.FMA(x-e, 2.0, 1.0)
	case k <= -2 || k > 56:
		y := 1.0 - (e - x)
		y = withHigh(y, high(y)+uint32(k)<<20)
		return y - 1.0
	case k < 20:
		t := math.Float64frombits(uint64(0x3ff00000-(0x200000>>uint(k))) << 32) // 1 - 2^-k
		y := t - (e - x)
		return withHigh(y, high(y)+uint32(k)<<20)
	}
	t = math.Float64frombits(uint64(0x3ff-k) << 52) // 2^-k
	y := x - (e + t)
	y += 1.0
	return withHigh(y, high(y)+uint32(k)<<20)
}

// Log1p is log1p(x) as glibc computes it.
func Log1p(x float64) float64 {
	hx := int32(high(x))
	ax := hx & 0x7fffffff
	k := int32(1)
	var f, c float64
	var hu int32
	if hx < 0x3fda827a { // x < 0.41422
		if ax >= 0x3ff00000 { // x <= -1.0
			if x == -1.0 {
				return math.Inf(-1)
			}
			return math.NaN()
		}
		if ax < 0x3e200000 { // |x| < 2^-29
			if ax < 0x3c900000 {
				return x
			}
			return math.FMA(-float64(x*x), 0.5, x)
		}
		if hx > 0 || hx <= int32(-0x402d413d) { // -0.2929 < x < 0.41422
			k, f, hu = 0, x, 1
		}
	} else if hx >= 0x7ff00000 {
		return x + x
	}
	if k != 0 {
		var u float64
		if hx < 0x43400000 {
			u = 1.0 + x
			hu = int32(high(u))
			k = (hu >> 20) - 1023
			if k > 0 {
				c = 1.0 - (u - x)
			} else {
				c = x - (u - 1.0)
			}
			c /= u
		} else {
			u = x
			hu = int32(high(u))
			k = (hu >> 20) - 1023
			c = 0
		}
		hu &= 0x000fffff
		if hu < 0x6a09e {
			u = withHigh(u, uint32(hu|0x3ff00000))
		} else {
			k++
			u = withHigh(u, uint32(hu|0x3fe00000))
			hu = (0x00100000 - hu) >> 2
		}
		f = u - 1.0
	}
	hfsq := float64(float64(0.5*f) * f)
	kd := float64(k)
	if hu == 0 { // |f| < 2^-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			return math.FMA(kd, fdLn2hi, math.FMA(kd, fdLn2lo, c))
		}
		R := float64(math.FMA(-f, fdTwoThirds, 1.0) * hfsq)
		if k == 0 {
			return f - R
		}
		return math.FMA(kd, fdLn2hi, -((R - math.FMA(kd, fdLn2lo, c)) - f))
	}
	Lp := &l1pLp
	s := f / (2.0 + f)
	z := float64(s * s)
	r2 := math.FMA(z, Lp[3], Lp[2])
	r3 := math.FMA(z, Lp[5], Lp[4])
	r4 := math.FMA(z, Lp[7], Lp[6])
	z2 := float64(z * z)
	z4 := float64(z2 * z2)
	z6 := float64(z2 * z4)
	R := math.FMA(z6, r4, math.FMA(z4, r3, math.FMA(z, Lp[1], float64(z2*r2))))
	sr := float64((R + hfsq) * s)
	if k == 0 {
		return f - (hfsq - sr)
	}
	return math.FMA(kd, fdLn2hi, -((hfsq - (sr + math.FMA(kd, fdLn2lo, c))) - f))
}

// Sinh is sinh(x) as glibc computes it.
func Sinh(x float64) float64 {
	jx := high(x)
	ix := jx & 0x7fffffff
	if ix >= 0x7ff00000 {
		return x + x
	}
	h := 0.5
	if jx&0x80000000 != 0 {
		h = -h
	}
	if ix < 0x40360000 { // |x| < 22
		if ix < 0x3e300000 && 1.0e307+x > 1.0 { // |x| < 2^-28
			return x
		}
		t := Expm1(math.Abs(x))
		if ix < 0x3ff00000 {
			return h * (2.0*t - float64(t*t)/(t+1.0))
		}
		return h * (t + t/(t+1.0))
	}
	if ix < 0x40862e42 { // |x| in [22, log(maxdouble)]
		return h * Exp(math.Abs(x))
	}
	lx := uint32(math.Float64bits(x))
	if ix < 0x408633ce || (ix == 0x408633ce && lx <= 0x8fb9f87d) {
		w := Exp(0.5 * math.Abs(x))
		t := h * w
		return t * w
	}
	return x * 1.0e307 // overflow
}

// Cosh is cosh(x) as glibc computes it.
func Cosh(x float64) float64 {
	ix := high(x) & 0x7fffffff
	if ix < 0x40360000 { // |x| < 22
		if ix < 0x3fd62e43 { // |x| < 0.5 ln2
			if ix < 0x3c800000 {
				return 1.0
			}
			t := Expm1(math.Abs(x))
			w := 1.0 + t
			return 1.0 + float64(t*t)/(w+w)
		}
		t := Exp(math.Abs(x))
		return float64(0.5*t) + 0.5/t
	}
	if ix < 0x40862e42 {
		return 0.5 * Exp(math.Abs(x))
	}
	lx := uint32(math.Float64bits(x))
	if ix < 0x408633ce || (ix == 0x408633ce && lx <= 0x8fb9f87d) {
		w := Exp(0.5 * math.Abs(x))
		t := 0.5 * w
		return t * w
	}
	if ix >= 0x7ff00000 {
		return x * x
	}
	return math.Inf(1)
}

// Tanh is tanh(x) as glibc computes it.
func Tanh(x float64) float64 {
	jx := high(x)
	ix := jx & 0x7fffffff
	neg := jx&0x80000000 != 0
	if ix >= 0x7ff00000 {
		if !neg {
			return 1.0/x + 1.0
		}
		return 1.0/x - 1.0
	}
	var z float64
	if ix < 0x40360000 { // |x| < 22
		if x == 0 {
			return x
		}
		if ix < 0x3c800000 { // |x| < 2^-55
			return x * (1.0 + x)
		}
		if ix >= 0x3ff00000 { // |x| >= 1
			t := Expm1(2.0 * math.Abs(x))
			z = 1.0 - 2.0/(t+2.0)
		} else {
			t := Expm1(-2.0 * math.Abs(x))
			z = -t / (t + 2.0)
		}
	} else {
		z = 1.0 - 1e-300
	}
	if neg {
		return -z
	}
	return z
}

// fdLn2 is ln(2) as fdlibm's asinh and acosh round it.
var fdLn2 = math.Float64frombits(0x3fe62e42fefa39ef)

// Asinh is asinh(x) as glibc computes it.
func Asinh(x float64) float64 {
	ix := high(x) & 0x7fffffff
	if ix < 0x3e300000 && 1e300+x > 1.0 { // |x| < 2^-28
		return x
	}
	var w float64
	if ix > 0x41b00000 { // |x| > 2^28
		if ix >= 0x7ff00000 {
			return x + x
		}
		w = Log(math.Abs(x)) + fdLn2
	} else {
		xa := math.Abs(x)
		t := float64(x * x)
		if ix > 0x40000000 { // 2^28 > |x| > 2
			w = Log(2.0*xa + 1.0/(math.Sqrt(t+1.0)+xa))
		} else {
			w = Log1p(xa + t/(1.0+math.Sqrt(1.0+t)))
		}
	}
	return math.Copysign(w, x)
}

// Acosh is acosh(x) as glibc computes it.
func Acosh(x float64) float64 {
	hx := int64(math.Float64bits(x))
	switch {
	case hx > 0x4000000000000000:
		if hx >= 0x41b0000000000000 { // x > 2^28
			if hx >= 0x7ff0000000000000 {
				return x + x
			}
			return Log(x) + fdLn2
		}
		t := float64(x * x)
		return Log(2.0*x - 1.0/(x+math.Sqrt(t-1.0)))
	case hx > 0x3ff0000000000000: // 1 < x <= 2
		t := x - 1.0
		return Log1p(t + math.Sqrt(2.0*t+float64(t*t)))
	case hx == 0x3ff0000000000000:
		return 0
	}
	return math.NaN()
}

// Atanh is atanh(x) as glibc computes it.
func Atanh(x float64) float64 {
	xa := math.Abs(x)
	var t float64
	switch {
	case xa < 0.5:
		if xa < 0x1p-28 {
			return x
		}
		t = xa + xa
		t = 0.5 * Log1p(t+float64(t*xa)/(1.0-xa))
	case xa < 1.0:
		t = 0.5 * Log1p((xa+xa)/(1.0-xa))
	case xa > 1.0 || math.IsNaN(x):
		return math.NaN()
	default:
		return x / 0.0
	}
	return math.Copysign(t, x)
}

// Constants of fdlibm's log10.
var (
	l10Ivln10 = math.Float64frombits(0x3fdbcb7b1526e50e)
	l10Log2hi = math.Float64frombits(0x3fd34413509f6000)
	l10Log2lo = math.Float64frombits(0x3d59fef311f12b36)
)

// Log10 is log10(x) as glibc computes it.
func Log10(x float64) float64 {
	hx := int64(math.Float64bits(x))
	k := int64(0)
	if hx <= 0x000fffffffffffff { // zero, negative or subnormal
		switch {
		case hx&0x7fffffffffffffff == 0:
			return math.Inf(-1)
		case hx < 0:
			return math.NaN()
		}
		k = -54
		x *= 0x1p54
		hx = int64(math.Float64bits(x))
	}
	if uint64(hx) > 0x7fefffffffffffff {
		return x + x
	}
	k += (hx >> 52) - 1023
	i := int64(uint64(k) >> 63)
	hx = hx&0x000fffffffffffff | (0x3ff-i)<<52
	y := float64(k + i)
	x = math.Float64frombits(uint64(hx))
	z := float64(y*l10Log2lo) + float64(l10Ivln10*Log(x))
	return z + float64(y*l10Log2hi)
}

var (
	fLog2Consts [18]float64
	fLog2Tab    [128]float64
)

func init() {
	for i, b := range log2Consts {
		fLog2Consts[i] = math.Float64frombits(b)
	}
	for i, b := range log2Tab {
		fLog2Tab[i] = math.Float64frombits(b)
	}
}

// Log2 is log2(x) as glibc computes it.
func Log2(x float64) float64 {
	const (
		nearLo = 0x3feea4af00000000 // bits of 1 - 0x1.5b51p-5
		nearHi = 0x3ff0b55900000000 // bits of 1 + 0x1.6ab2p-5
		off    = 0x3fe6000000000000
	)
	C := &fLog2Consts
	invLn2hi, invLn2lo := C[0], C[1]
	A, B := C[2:8], C[8:18]
	ix := math.Float64bits(x)
	top := uint32(ix >> 48)
	if ix-nearLo < nearHi-nearLo {
		if ix == 0x3ff0000000000000 {
			return 0
		}
		r := x - 1.0
		hi := float64(invLn2hi * r)
		lo := math.FMA(r, invLn2lo, math.FMA(invLn2hi, r, -hi))
		r2 := float64(r * r)
		r4 := float64(r2 * r2)
		b01 := math.FMA(r, B[1], B[0])
		y := math.FMA(b01, r2, hi)
		lo += math.FMA(b01, r2, hi-y)
		p := math.FMA(math.FMA(math.FMA(r, B[9], B[8]), r2, math.FMA(r, B[7], B[6])), r4,
			math.FMA(math.FMA(r, B[5], B[4]), r2, math.FMA(r, B[3], B[2])))
		return y + math.FMA(p, r4, lo)
	}
	if top-0x0010 >= 0x7ff0-0x0010 {
		switch {
		case ix*2 == 0:
			return math.Inf(-1)
		case ix == 0x7ff0000000000000:
			return x
		case top&0x8000 != 0 || top&0x7ff0 == 0x7ff0:
			return math.NaN()
		}
		ix = math.Float64bits(x * 0x1p52)
		ix -= 52 << 52
	}
	tmp := ix - off
	i := (tmp >> 46) % 64
	k := int64(tmp) >> 52
	iz := ix - (tmp & (0xfff << 52))
	invc, logc := fLog2Tab[2*i], fLog2Tab[2*i+1]
	z := math.Float64frombits(iz)
	kd := float64(k)
	r := math.FMA(z, invc, -1.0)
	t1 := float64(invLn2hi * r)
	t2 := math.FMA(r, invLn2lo, math.FMA(invLn2hi, r, -t1))
	t3 := kd + logc
	hi := t1 + t3
	lo := t3 - hi + t1 + t2
	r2 := float64(r * r)
	r4 := float64(r2 * r2)
	p := math.FMA(math.FMA(r, A[5], A[4]), r4, math.FMA(math.FMA(r, A[3], A[2]), r2, math.FMA(r, A[1], A[0])))
	return math.FMA(r2, p, lo) + hi
}

// Constants of ARM's exp2 (in __exp_data).
var (
	exp2Shift = math.Float64frombits(0x42c8000000000000)
	exp2C     = [5]float64{
		math.Float64frombits(0x3fe62e42fefa39ef), math.Float64frombits(0x3fcebfbdff82c424),
		math.Float64frombits(0x3fac6b08d70cf4b5), math.Float64frombits(0x3f83b2abd24650cc),
		math.Float64frombits(0x3f55d7e09b4e3a84)}
)

// Exp2 is exp2(x) as glibc computes it (a build without fused
// operations).
func Exp2(x float64) float64 {
	abstop := top12(x) & 0x7ff
	if abstop-top12Tiny >= top12Big-top12Tiny {
		if abstop-top12Tiny >= 0x80000000 {
			return 1.0 + x
		}
		if abstop >= top12Huge {
			ux := math.Float64bits(x)
			switch {
			case ux == 0xfff0000000000000:
				return 0
			case abstop >= 0x7ff:
				return 1.0 + x
			case ux>>63 == 0:
				return math.Inf(1)
			case ux >= 0xc090cc0000000000: // x <= -1075
				return 0
			}
		}
		if 2*math.Float64bits(x) > 2*0x408d000000000000 { // |x| > 928
			abstop = 0
		}
	}
	kd := x + exp2Shift
	ki := math.Float64bits(kd)
	kd -= exp2Shift
	r := x - kd
	idx := 2 * (ki % 128)
	top := ki << 45
	tail := math.Float64frombits(expTab[idx])
	sbits := expTab[idx+1] + top
	C := &exp2C
	r2 := float64(r * r)
	tmp := tail + float64(r*C[0]) + float64(r2*(C[1]+float64(r*C[2]))) + float64(float64(r2*r2)*(C[3]+float64(r*C[4])))
	if abstop == 0 {
		return exp2Special(tmp, sbits, ki)
	}
	scale := math.Float64frombits(sbits)
	return scale + float64(scale*tmp)
}

// exp2Special is exp2's scale*(1+tmp) near overflow and underflow.
func exp2Special(tmp float64, sbits, ki uint64) float64 {
	if ki&0x80000000 == 0 {
		sbits -= 1 << 52
		scale := math.Float64frombits(sbits)
		return 2 * (scale + float64(scale*tmp))
	}
	sbits += 1022 << 52
	scale := math.Float64frombits(sbits)
	st := float64(scale * tmp)
	y := scale + st
	if y < 1.0 {
		lo := scale - y + st
		hi := 1.0 + y
		lo = 1.0 - hi + y + lo
		y = (hi + lo) - 1.0
		if y == 0 {
			y = 0
		}
	}
	return 0x1p-1022 * y
}

// cbrtFactor is 2^(k/3) for k in [-2, 2], as glibc's cbrt tabulates it.
var cbrtFactor = [5]float64{
	math.Float64frombits(0x3fe428a2f98d728a), math.Float64frombits(0x3fe965fea53d6e3c), 1.0,
	math.Float64frombits(0x3ff428a2f98d728b), math.Float64frombits(0x3ff965fea53d6e3d),
}

// Cbrt is cbrt(x) as glibc computes it (which is not correctly
// rounded: cbrt(27.0) is 3.0000000000000004).
func Cbrt(x float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x + x
	}
	xm, xe := math.Frexp(math.Abs(x))
	u := 0.354895765043919860 + float64((1.50819193781584896+
		float64((-2.11499494167371287+
			float64((2.44693122563534430+
				float64((-1.83469277483613086+
					float64((0.784932344976639262-float64(0.145263899385486377*xm))*xm))*xm))*xm))*xm))*xm)
	t2 := float64(float64(u*u) * u)
	ym := float64(float64(u*(t2+2.0*xm))/(2.0*t2+xm)) * cbrtFactor[2+xe%3]
	if x < 0 {
		ym = -ym
	}
	return math.Ldexp(ym, xe/3)
}
