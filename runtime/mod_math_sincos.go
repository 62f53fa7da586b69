package runtime

// This file ports glibc 2.36's sin and cos (IBM's Accurate Mathematical
// Library, s_sin.c and branred.c) with the fused operations of its
// x86-64 FMA build, so that results are bit-identical to CPython's; see
// mod_math_libm.go.

import "math"

// Constants of s_sin.c (usncs.h), as bit patterns.
var (
	scBig   = math.Float64frombits(0x42c8000000000000) // 1.5 * 2^45: rounds to k/128
	scSn3   = math.Float64frombits(0xbfc5555555555515)
	scSn5   = math.Float64frombits(0x3f811110e829872f)
	scCs4   = math.Float64frombits(0xbfa5555555555535)
	scCs6   = math.Float64frombits(0x3f56c16bedd9e239)
	scS1    = math.Float64frombits(0xbfc5555555555555)
	scS2    = math.Float64frombits(0x3f81111111110ece)
	scS3    = math.Float64frombits(0xbf2a01a019db08b8)
	scS4    = math.Float64frombits(0x3ec71de27b9a7ed9)
	scS5    = math.Float64frombits(0xbe5addffc2fcdf59)
	scHp0   = math.Float64frombits(0x3ff921fb54442d18) // pi/2 high
	scHp1   = math.Float64frombits(0x3c91a62633145c07) // pi/2 low
	scHpinv = math.Float64frombits(0x3fe45f306dc9c883) // 2/pi
	scToint = math.Float64frombits(0x4338000000000000) // 1.5 * 2^52
	scMp1   = math.Float64frombits(0x3ff921fb58000000)
	scMp2   = math.Float64frombits(0xbe4dde973c000000)
	scPp3   = math.Float64frombits(0xbc8cb3b398000000)
	scPp4   = math.Float64frombits(0xbacd747f23e32ed7)
	brMp2   = math.Float64frombits(0xbe4dde9740000000) // branred's pi/2 piece
	sinCosF [440]float64
	toverpF [75]float64
)

func init() {
	for i, b := range sinCosTab {
		sinCosF[i] = math.Float64frombits(b)
	}
	for i, b := range toverpTab {
		toverpF[i] = math.Float64frombits(b)
	}
}

// scIndex returns the sinCosTab index for u = big + |x|.
func scIndex(u float64) int { return int(int32(uint32(math.Float64bits(u)))) << 2 }

// taylorSin is sin(a + da) for small a by its Taylor series.
func taylorSin(xx, a, da float64) float64 {
	p := math.FMA(math.FMA(math.FMA(math.FMA(scS5, xx, scS4), xx, scS3), xx, scS2), xx, scS1)
	t := math.FMA(xx, math.FMA(p, a, -float64(0.5*da)), da)
	return a + t
}

// doSin is sin(x + dx) for |x| < 0.855469, from the table of sin and cos
// of multiples of 1/128 and short polynomials for the rest.
func doSin(x, dx float64) float64 {
	if math.Abs(x) < 0.126 {
		return taylorSin(float64(x*x), x, dx)
	}
	xold := x
	if x <= 0 {
		dx = -dx
	}
	u := scBig + math.Abs(x)
	x = math.Abs(x) - (u - scBig)
	xx := float64(x * x)
	s := x + math.FMA(float64(x*xx), math.FMA(xx, scSn5, scSn3), dx)
	c := math.FMA(x, dx, float64(xx*math.FMA(xx, math.FMA(xx, scCs6, scCs4), 0.5)))
	k := scIndex(u)
	sn, ssn, cs, ccs := sinCosF[k], sinCosF[k+1], sinCosF[k+2], sinCosF[k+3]
	cor := math.FMA(s, cs, math.FMA(-c, sn, math.FMA(s, ccs, ssn)))
	return math.Copysign(sn+cor, xold)
}

// doCos is cos(x + dx) for |x| < 0.855469.
func doCos(x, dx float64) float64 {
	if x < 0 {
		dx = -dx
	}
	u := scBig + math.Abs(x)
	x = math.Abs(x) - (u - scBig) + dx
	xx := float64(x * x)
	s := math.FMA(float64(x*xx), math.FMA(xx, scSn5, scSn3), x)
	c := float64(xx * math.FMA(xx, math.FMA(xx, scCs6, scCs4), 0.5))
	k := scIndex(u)
	sn, ssn, cs, ccs := sinCosF[k], sinCosF[k+1], sinCosF[k+2], sinCosF[k+3]
	cor := math.FMA(-s, sn, math.FMA(-c, cs, math.FMA(-s, ssn, ccs)))
	return cs + cor
}

// reduceSinCos reduces x (|x| < 105414350) to a + da in [-pi/4, pi/4]
// plus a multiple n (mod 4) of pi/2.
func reduceSinCos(x float64) (a, da float64, n int) {
	t := math.FMA(x, scHpinv, scToint)
	xn := t - scToint
	n = int(uint32(math.Float64bits(t)) & 3)
	y := math.FMA(-xn, scMp2, math.FMA(-xn, scMp1, x))
	t2 := math.FMA(-xn, scPp3, y)
	db := math.FMA(-xn, scPp3, y-t2)
	b := math.FMA(-xn, scPp4, t2)
	db = db + math.FMA(-xn, scPp4, t2-b)
	return b, db, n
}

// doSinCos is sin(a + da) turned by n quarter turns.
func doSinCos(a, da float64, n int) float64 {
	var r float64
	if n&1 != 0 {
		r = doCos(a, da)
	} else {
		r = doSin(a, da)
	}
	if n&2 != 0 {
		return -r
	}
	return r
}

// LibmSin is sin(x) as glibc computes it.
func LibmSin(x float64) float64 {
	k := uint32(math.Float64bits(x)>>32) & 0x7fffffff
	switch {
	case k < 0x3e500000:
		return x
	case k < 0x3feb6000:
		return doSin(x, 0)
	case k < 0x400368fd:
		return math.Copysign(doCos(scHp0-math.Abs(x), scHp1), x)
	case k < 0x419921fb:
		return doSinCos(reduceSinCos(x))
	case k < 0x7ff00000:
		return doSinCos(branred(x))
	}
	return math.NaN()
}

// LibmCos is cos(x) as glibc computes it.
func LibmCos(x float64) float64 {
	k := uint32(math.Float64bits(x)>>32) & 0x7fffffff
	switch {
	case k < 0x3e400000:
		return 1.0
	case k < 0x3feb6000:
		return doCos(x, 0)
	case k < 0x400368fd:
		y := scHp0 - math.Abs(x)
		a := y + scHp1
		return doSin(a, (y-a)+scHp1)
	case k < 0x419921fb:
		a, da, n := reduceSinCos(x)
		return doSinCos(a, da, n+1)
	case k < 0x7ff00000:
		a, da, n := branred(x)
		return doSinCos(a, da, n+1)
	}
	return math.NaN()
}

// branred reduces a huge x to a + aa in [-pi/4, pi/4] plus n (mod 4)
// quarter turns, with 2/pi to 1200 bits (glibc's branred.c, which is
// built without fused operations).
func branred(x float64) (a, aa float64, n int) {
	const split = 134217729.0 // 2^27 + 1
	x *= 0x1p-600
	t := float64(x * split)
	x1 := t - (t - x)
	x2 := x - x1
	sum1, b1, bb1 := branredPart(x1)
	sum2, b2, bb2 := branredPart(x2)
	sum := sum1 + sum2
	b := b1 + b2
	var bb float64
	if math.Abs(b1) > math.Abs(b2) {
		bb = (b1 - b) + b2
	} else {
		bb = (b2 - b) + b1
	}
	if b > 0.5 {
		b -= 1.0
		sum += 1.0
	} else if b < -0.5 {
		b += 1.0
		sum -= 1.0
	}
	s := b + (bb + bb1 + bb2)
	t = ((b - s) + bb) + (bb1 + bb2)
	b = float64(s * split)
	t1 := b - (b - s)
	t2 := s - t1
	b = float64(s * scHp0)
	bb = (((float64(t1*scMp1) - b) + float64(t1*brMp2)) + float64(t2*scMp1)) +
		(float64(t2*brMp2) + float64(s*scHp1) + float64(t*scHp0))
	s = b + bb
	t = (b - s) + bb
	return s, t, int(sum) & 3
}

// branredPart multiplies one half of the split argument by the pieces
// of 2/pi that matter for it, returning the integer part (mod 4) and
// the fraction as b + bb.
func branredPart(x float64) (sum, b, bb float64) {
	const (
		big  = 6755399441055744.0  // 1.5 * 2^52
		big1 = 27021597764222976.0 // 1.5 * 2^54
	)
	k := int(math.Float64bits(x)>>52) & 2047
	k = (k - 450) / 24
	if k < 0 {
		k = 0
	}
	gor := math.Float64frombits(0x63f0000000000000 - uint64(k*24)<<52) // 2^(576 - 24k)
	var r [6]float64
	for i := range r {
		r[i] = float64(float64(x*toverpF[k+i]) * gor)
		gor *= 0x1p-24
	}
	for i := 0; i < 3; i++ {
		s := (r[i] + big) - big
		sum += s
		r[i] -= s
	}
	t := 0.0
	for i := 0; i < 6; i++ {
		t += r[5-i]
	}
	bb = (((((r[0] - t) + r[1]) + r[2]) + r[3]) + r[4]) + r[5]
	s := (t + big) - big
	sum += s
	t -= s
	b = t + bb
	bb = (t - b) + bb
	s = (sum + big1) - big1
	sum -= s
	return sum, b, bb
}
