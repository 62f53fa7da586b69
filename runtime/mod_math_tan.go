package runtime

// This file ports glibc 2.36's tan (IBM's Accurate Mathematical Library,
// s_tan.c without its slow paths) with the fused operations of the
// x86-64 FMA build; see mod_math_libm.go.

import "math"

var (
	tanG1      = math.Float64frombits(0x3e4b096c00000000)
	tanG2      = math.Float64frombits(0x3faf212d00000000) // also gy2
	tanG3      = math.Float64frombits(0x3fe92f1a00000000)
	tanG4      = 25.0
	tanG5      = 1e8
	tanD3      = math.Float64frombits(0x3fd5555555555555)
	tanD5      = math.Float64frombits(0x3fc11111111107c6)
	tanD7      = math.Float64frombits(0x3faba1ba1cdb8745)
	tanD9      = math.Float64frombits(0x3f9664ed49cfc666)
	tanD11     = math.Float64frombits(0x3f82385a3cf2e4ea)
	tanE0      = math.Float64frombits(0x3fd5555555554dbd)
	tanE1      = math.Float64frombits(0x3fc11112e0a6b45f)
	tanMp3     = math.Float64frombits(0xbc8cb3b399d747f2)
	tanMfftnhf = -15.5
	tanRows    [186][4]float64
)

func init() {
	for i, b := range tanXfg {
		tanRows[i/4][i%4] = math.Float64frombits(b)
	}
}

// tanPoly is d3 + a2*(d5 + a2*(d7 + a2*(d9 + a2*d11))).
func tanPoly(a2 float64) float64 {
	return math.FMA(a2, math.FMA(a2, math.FMA(a2, math.FMA(a2, tanD11, tanD9), tanD7), tanD5), tanD3)
}

// tanEadd is dla.h's EADD: a + b as a double-length sum.
func tanEadd(a, b float64) (float64, float64) {
	s := a + b
	if math.Abs(a) > math.Abs(b) {
		return s, (a - s) + b
	}
	return s, (b - s) + a
}

// tanSmall is tan(a + da) (or -cot when n is odd) for |a| <= 0.0608.
func tanSmall(a, da float64, n bool) float64 {
	a2 := float64(a * a)
	t2 := math.FMA(float64(a*a2), tanPoly(a2), da)
	y := a + t2
	if !n {
		return y
	}
	// -1/(a + t2) in double-length arithmetic (dla.h's DIV2).
	b, db := tanEadd(a, t2)
	c := 1.0 / b
	u := float64(c * b)
	uu := math.FMA(c, b, -u)
	cc := math.FMA(-db, c, ((1.0-u)-uu)+0.0) / b
	z := c + cc
	zz := (c - z) + cc
	return -(zz + z)
}

// tanTable is tan(ya + yya) (or -cot when n is odd), with sign sy, for
// 0.0608 < ya <= 0.787, from the table.
func tanTable(ya, yya, sy float64, n bool) float64 {
	r := &tanRows[int(math.FMA(ya, 256, tanMfftnhf))]
	z := (ya - r[0]) + yya
	z2 := float64(z * z)
	pz := math.FMA(float64(z*z2), math.FMA(z2, tanE1, tanE0), z)
	fi, gi := r[1], r[2]
	num := float64((fi + gi) * pz)
	if n {
		return (gi - num/(pz+fi)) * -sy
	}
	return (num/(gi-pz) + fi) * sy
}

// tanReduced finishes tan after a range reduction to a + da, n quarter
// turns.
func tanReduced(a, da float64, n bool) float64 {
	ya, yya, sy := a, da, 1.0
	if a < 0 {
		ya, yya, sy = -a, -da, -1.0
	}
	if ya <= tanG2 {
		return tanSmall(a, da, n)
	}
	return tanTable(ya, yya, sy, n)
}

// LibmTan is tan(x) as glibc computes it.
func LibmTan(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x - x
	}
	w := math.Abs(x)
	switch {
	case w <= tanG1:
		return x
	case w <= tanG2:
		x2 := float64(x * x)
		return math.FMA(float64(x*x2), tanPoly(x2), x)
	case w <= tanG3:
		s := 1.0
		if x < 0 {
			s = -1.0
		}
		r := &tanRows[int(math.FMA(w, 256, tanMfftnhf))]
		z := w - r[0]
		z2 := float64(z * z)
		pz := math.FMA(float64(z*z2), math.FMA(z2, tanE1, tanE0), z)
		fi, gi := r[1], r[2]
		return (float64((fi+gi)*pz)/(gi-pz) + fi) * s
	case w <= tanG4:
		t := math.FMA(x, scHpinv, scToint)
		xn := t - scToint
		n := math.Float64bits(t)&1 != 0
		t1 := math.FMA(-xn, scMp2, math.FMA(-xn, scMp1, x))
		a := math.FMA(-xn, tanMp3, t1)
		da := math.FMA(-xn, tanMp3, t1-a)
		return tanReduced(a, da, n)
	case w <= tanG5:
		t := math.FMA(x, scHpinv, scToint)
		xn := t - scToint
		n := math.Float64bits(t)&1 != 0
		t1 := math.FMA(-xn, scMp2, math.FMA(-xn, scMp1, x))
		t = math.FMA(-xn, scPp3, t1)
		da := math.FMA(-xn, scPp3, t1-t)
		a := math.FMA(-xn, scPp4, t)
		da = da + math.FMA(-xn, scPp4, t-a)
		a, da = tanEadd(a, da)
		return tanReduced(a, da, n)
	}
	a, da, n := branred(x)
	a, da = tanEadd(a, da)
	return tanReduced(a, da, n&1 != 0)
}
