package runtime

// This file ports glibc 2.36's asin and acos (IBM's Accurate
// Mathematical Library, e_asin.c without its slow paths) with the fused
// operations of the x86-64 FMA build; see mod_math_libm.go.

import "math"

var (
	asF     = [7]float64{0, math.Float64frombits(0x3fc55555555554f9), math.Float64frombits(0x3fb333333336127d), math.Float64frombits(0x3fa6db6dae42c0e4), math.Float64frombits(0x3f9f1c7e04f4ad99), math.Float64frombits(0x3f96e442c822d419), math.Float64frombits(0x3f9292d80f453c72)}
	asRt    = [4]float64{math.Float64frombits(0x3fefffffffecc1dd), math.Float64frombits(0x3fdfffffff757304), math.Float64frombits(0x3fd800496769c91a), math.Float64frombits(0x3fd4006318d1dab9)}
	asTab   [2568]float64
	asRoot  [128]float64
	asPow2  [28]float64
	asTwo24 = 16777216.0
	asTwo27 = 134217728.0
)

func init() {
	for i, b := range asinTab {
		asTab[i] = math.Float64frombits(b)
	}
	for i, b := range asinInroot {
		asRoot[i] = math.Float64frombits(b)
	}
	for i, b := range asinPowtwo {
		asPow2[i] = math.Float64frombits(b)
	}
}

// asinF is f1 + x2*(f2 + ... + x2*f6), the series of asin near 0.
func asinF(x2 float64) float64 {
	f := &asF
	return math.FMA(x2, math.FMA(x2, math.FMA(x2, math.FMA(x2, math.FMA(x2, f[6], f[5]), f[4]), f[3]), f[2]), f[1])
}

// asinTable evaluates the interval polynomial of IBM's asncs for
// |x| in [0.125, 0.96875): it returns t and the table's base value c
// with asin(|x|) = c + t.
func asinTable(ax float64, k int32) (t, c float64) {
	var n, l int
	switch {
	case k < 0x3fd00000:
		n, l = 11*int((k&0x000fffff)>>15), 5
	case k < 0x3fe00000:
		n, l = 11*int((k&0x000fffff)>>14)+352, 5
	case k < 0x3fe80000:
		n, l = 1056+int((k&0x000fe000)>>11)*3, 6
	case k < 0x3fed8000:
		n, l = 992+int((k&0x000fe000)>>13)*13, 7
	case k < 0x3fee8000:
		n, l = 884+int((k&0x000fe000)>>13)*14, 8
	default:
		n, l = 768+int((k&0x000fe000)>>13)*15, 9
	}
	a := asTab[n : n+l+4]
	xx := ax - a[0]
	q := a[l+1]
	for j := l; j >= 2; j-- {
		q = math.FMA(xx, q, a[j])
	}
	p := math.FMA(float64(xx*xx), q, a[l+2])
	return math.FMA(xx, a[1], p), a[l+3]
}

// asinNearOne computes sqrt(z) as y + cc and the series p for
// |x| in [0.96875, 1), z = (1 - |x|)/2; acos splits y differently.
func asinNearOne(z float64, forAcos bool) (y, cc, p float64) {
	bits := math.Float64bits(z)
	t := float64(asRoot[(bits>>46)&0x7f] * asPow2[511-int(bits>>53)])
	r := math.FMA(-float64(t*t), z, 1.0)
	t = float64(math.FMA(r, math.FMA(r, math.FMA(r, asRt[3], asRt[2]), asRt[1]), asRt[0]) * t)
	c := float64(z * t)
	h := math.FMA(-c, float64(t*0.5), 1.5)
	if forAcos {
		y = math.FMA(-asTwo27, c, math.FMA(c, asTwo27, c))
	} else {
		y = (c + asTwo24) - asTwo24
	}
	cc = math.FMA(-y, y, z) / math.FMA(h, c, y)
	p = float64(asinF(z) * z)
	return y, cc, p
}

// LibmAsin is asin(x) as glibc computes it.
func LibmAsin(x float64) float64 {
	m := int32(high(x))
	k := m & 0x7fffffff
	ax := math.Abs(x)
	var res float64
	switch {
	case k < 0x3e500000:
		return x
	case k < 0x3fc00000:
		x2 := float64(x * x)
		return math.FMA(asinF(x2), float64(x*x2), x)
	case k < 0x3fef0000:
		t, c := asinTable(ax, k)
		res = c + t
	case k < 0x3ff00000:
		z := float64((1.0 - ax) * 0.5)
		y, cc, p := asinNearOne(z, false)
		cor := math.FMA(-float64((y+cc)+(y+cc)), p, math.FMA(-2.0, cc, scHp1))
		res = cor + math.FMA(-2.0, y, scHp0)
	case k == 0x3ff00000 && uint32(math.Float64bits(x)) == 0:
		res = scHp0
	default:
		return math.NaN()
	}
	if m > 0 {
		return res
	}
	return -res
}

// LibmAcos is acos(x) as glibc computes it.
func LibmAcos(x float64) float64 {
	m := int32(high(x))
	k := m & 0x7fffffff
	ax := math.Abs(x)
	switch {
	case k < 0x3c880000:
		return scHp0
	case k < 0x3fc00000:
		x2 := float64(x * x)
		r := scHp0 - x
		return r + math.FMA(-asinF(x2), float64(x*x2), ((scHp0-r)-x)+scHp1)
	case k < 0x3fef0000:
		t, c := asinTable(ax, k)
		if m > 0 {
			return (scHp1 - t) + (scHp0 - c)
		}
		return (t + scHp1) + (c + scHp0)
	case k < 0x3ff00000:
		z := float64((1.0 - ax) * 0.5)
		y, cc, p := asinNearOne(z, true)
		q := float64(p * (y + cc))
		var res float64
		if m < 0 {
			res = ((scHp1 - cc) - q) + (scHp0 - y)
		} else {
			res = (cc + q) + y
		}
		return res + res
	case k == 0x3ff00000 && uint32(math.Float64bits(x)) == 0:
		if m > 0 {
			return 0
		}
		return 2.0 * scHp0
	}
	return math.NaN()
}
