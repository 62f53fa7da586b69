package runtime

// This file ports glibc 2.36's atan and atan2 (IBM's Accurate
// Mathematical Library, s_atan.c and e_atan2.c without their slow
// paths) with the fused operations of the x86-64 FMA build; see
// mod_math_libm.go.

import "math"

var (
	atA    = math.Float64frombits(0x3e4bb67a00000000)
	atB    = 0.0625
	atD    = 16.0
	atE    = math.Float64frombits(0x43349ff200000000)
	atHpi  = math.Float64frombits(0x3ff921fb54442d18)
	atHpi1 = math.Float64frombits(0x3c91a62633145c07)
	atOpi  = math.Float64frombits(0x400921fb54442d18)
	atOpi1 = math.Float64frombits(0x3ca1a62633145c07)
	atQpi  = math.Float64frombits(0x3fe921fb54442d18)
	atTqpi = math.Float64frombits(0x4002d97c7f3321d2)
	// d3..d13 of the odd polynomial for atan near 0.
	atD3  = math.Float64frombits(0xbfd5555555555555)
	atD5  = math.Float64frombits(0x3fc99999999997fd)
	atD7  = math.Float64frombits(0xbfc24924923f7603)
	atD9  = math.Float64frombits(0x3fbc71c6e5129a3b)
	atD11 = math.Float64frombits(0xbfb7458022b13c25)
	atD13 = math.Float64frombits(0x3fb375f08b31cbce)
	atCij [241][7]float64
)

func init() {
	for i, b := range atanCij {
		atCij[i/7][i%7] = math.Float64frombits(b)
	}
}

// atanPoly is d3 + v*(d5 + ... + v*d13), evaluated with fused steps.
func atanPoly(v float64) float64 {
	return math.FMA(v, math.FMA(v, math.FMA(v, math.FMA(v, math.FMA(v, atD13, atD11), atD9), atD7), atD5), atD3)
}

// atanRow returns the cij row for u in [1/16, 1]: i = round(256u) - 16.
func atanRow(u float64) *[7]float64 {
	i := int(math.FMA(u, 256, 0x1p52)-0x1p52) - 16
	return &atCij[i]
}

// atanTail is c2 + z*(c3 + z*(c4 + z*(c5 + z*c6))) for a row.
func atanTail(c *[7]float64, z float64) float64 {
	return math.FMA(z, math.FMA(z, math.FMA(z, math.FMA(z, c[6], c[5]), c[4]), c[3]), c[2])
}

// LibmAtan is atan(x) as glibc computes it.
func LibmAtan(x float64) float64 {
	if math.IsNaN(x) {
		return x + x
	}
	u := x
	if x < 0 {
		u = -x
	}
	switch {
	case u < atA:
		return x
	case u < atB:
		v := float64(x * x)
		return math.FMA(float64(x*v), atanPoly(v), x)
	case u < 1.0:
		c := atanRow(u)
		z := u - c[0]
		return math.Copysign(math.FMA(atanTail(c, z), z, c[1]), x)
	case u < atD:
		w := 1 / u
		t1 := float64(u * w)
		t2 := math.FMA(u, w, -t1)
		c := atanRow(w)
		z := math.FMA((1-t1)-t2, w, w-c[0])
		yy := math.FMA(-atanTail(c, z), z, atHpi1)
		return math.Copysign((atHpi-c[1])+yy, x)
	case u < atE:
		w := 1 / u
		t1 := float64(u * w)
		v := float64(w * w)
		p := atanPoly(v)
		t2 := math.FMA(u, w, -t1)
		yy := float64(float64(w*v) * p)
		t3 := atHpi - w
		ww := float64(((1 - t1) - t2) * w)
		var cor float64
		if atHpi > math.Abs(w) {
			cor = (atHpi - t3) - w
		} else {
			cor = atHpi - (w + t3)
		}
		return math.Copysign((((cor+atHpi1)-ww)-yy)+t3, x)
	}
	if x > 0 {
		return atHpi
	}
	return -atHpi
}

// LibmAtan2 is atan2(y, x) as glibc computes it.
func LibmAtan2(y, x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x + y
	case math.IsNaN(y):
		return y + y
	case y == 0:
		if math.Signbit(y) {
			if math.Signbit(x) {
				return -atOpi
			}
			return math.Copysign(0, -1)
		}
		if math.Signbit(x) {
			return atOpi
		}
		return 0
	case x == 0:
		return math.Copysign(atHpi, y)
	case math.IsInf(x, 0):
		switch {
		case math.IsInf(y, 0) && x > 0:
			return math.Copysign(atQpi, y)
		case math.IsInf(y, 0):
			return math.Copysign(atTqpi, y)
		case x > 0:
			return math.Copysign(0, y)
		}
		return math.Copysign(atOpi, y)
	case math.IsInf(y, 0):
		return math.Copysign(atHpi, y)
	}
	ax, ay := math.Abs(x), math.Abs(y)
	const ep, em = 59768832, -59768832 // +-57*16^5
	de := int32(uint32(math.Float64bits(y)>>32)&0x7ff00000) - int32(uint32(math.Float64bits(x)>>32)&0x7ff00000)
	if de >= ep {
		return math.Copysign(atHpi, y)
	}
	if de <= em {
		if x > 0 {
			return math.Copysign(ay/ax, y)
		}
		return math.Copysign(atOpi, y)
	}
	if ax < 0x1p-500 || ay < 0x1p-500 {
		ax *= 0x1p500
		ay *= 0x1p500
	}
	if ax > 0x1p500 || ay > 0x1p500 {
		ax *= 0x1p-500
		ay *= 0x1p-500
	}
	var u, du float64
	if ay < ax {
		u = ay / ax
		v := float64(ax * u)
		du = ((ay - v) - math.FMA(ax, u, -v)) / ax
	} else {
		u = ax / ay
		v := float64(ay * u)
		du = ((ax - v) - math.FMA(ay, u, -v)) / ay
	}
	var z float64
	switch {
	case x > 0 && ay < ax: // atan(ay/ax)
		if u < atB {
			v := float64(u * u)
			z = u + math.FMA(float64(u*v), atanPoly(v), du)
			break
		}
		c := atanRow(u)
		t3 := u - c[0]
		v := du + t3
		var dv float64
		if math.Abs(t3) > math.Abs(du) {
			dv = (t3 - v) + du
		} else {
			dv = (du - v) + t3
		}
		q := float64(float64(v*v) * math.FMA(v, math.FMA(v, math.FMA(v, c[6], c[5]), c[4]), c[3]))
		z = math.FMA(v, c[2], math.FMA(dv, c[2], q)) + c[1]
	case x > 0: // pi/2 - atan(ax/ay)
		if u < atB {
			v := float64(u * u)
			zz := float64(float64(u*v) * atanPoly(v))
			t2 := atHpi - u
			var cor float64
			if atHpi > math.Abs(u) {
				cor = (atHpi - t2) - u
			} else {
				cor = atHpi - (u + t2)
			}
			z = (((cor + atHpi1) - du) - zz) + t2
			break
		}
		c := atanRow(u)
		v := (u - c[0]) + du
		z = (atHpi - c[1]) + math.FMA(-atanTail(c, v), v, atHpi1)
	case ax < ay: // pi/2 + atan(ax/ay)
		if u < atB {
			v := float64(u * u)
			zz := float64(float64(v*u) * atanPoly(v))
			t2 := u + atHpi
			var cor float64
			if atHpi > math.Abs(u) {
				cor = (atHpi - t2) + u
			} else {
				cor = (u - t2) + atHpi
			}
			z = (((cor + atHpi1) + du) + zz) + t2
			break
		}
		c := atanRow(u)
		v := (u - c[0]) + du
		z = (atHpi + c[1]) + math.FMA(atanTail(c, v), v, atHpi1)
	default: // pi - atan(ay/ax)
		if u < atB {
			v := float64(u * u)
			zz := float64(float64(v*u) * atanPoly(v))
			t2 := atOpi - u
			var cor float64
			if atOpi > math.Abs(u) {
				cor = (atOpi - t2) - u
			} else {
				cor = atOpi - (u + t2)
			}
			z = (((cor + atOpi1) - du) - zz) + t2
			break
		}
		c := atanRow(u)
		v := (u - c[0]) + du
		z = (atOpi - c[1]) + math.FMA(-atanTail(c, v), v, atOpi1)
	}
	return math.Copysign(z, y)
}
