package pyfmt

import (
	"math"
	"strconv"
	"strings"
)

// FloatRepr returns repr(f) (equal to str(f)) as CPython prints it: the
// shortest digits that round-trip, in fixed notation when the decimal
// exponent is in [-4, 16) and with ".0" for integral values, scientific
// notation otherwise ("1e+16", "1.5e-05"), and "inf", "-inf", "nan".
func FloatRepr(f float64) string {
	return formatFloatShort(f, 'r', 0, false, true, false, false, false)
}

// dtoa returns the decimal digits of the finite, non-negative a and the
// position of the decimal point relative to them (value = 0.digits *
// 10**decpt), in the modes of David Gay's dtoa that CPython uses:
// mode 0 is the shortest round-trip string, mode 2 gives max(ndigits, 1)
// significant digits and mode 3 gives ndigits digits past the decimal
// point. Rounding is half-even on the exact binary value. Trailing zeros
// are removed; zero is "0" with decpt 1.
func dtoa(a float64, mode int, ndigits int) (digits string, decpt int) {
	var buf []byte
	switch mode {
	case 0:
		buf = strconv.AppendFloat(make([]byte, 0, 32), a, 'e', -1, 64)
	case 2:
		if ndigits < 1 {
			ndigits = 1
		}
		buf = strconv.AppendFloat(make([]byte, 0, ndigits+8), a, 'e', ndigits-1, 64)
	default:
		buf = strconv.AppendFloat(make([]byte, 0, ndigits+32), a, 'f', ndigits, 64)
		dot := strings.IndexByte(string(buf), '.')
		if dot < 0 {
			dot = len(buf)
		} else {
			copy(buf[dot:], buf[dot+1:])
			buf = buf[:len(buf)-1]
		}
		start := 0
		for start < len(buf) && buf[start] == '0' {
			start++
		}
		end := len(buf)
		for end > start && buf[end-1] == '0' {
			end--
		}
		if start == end {
			return "0", 1
		}
		return string(buf[start:end]), dot - start
	}
	// buf is d[.ddd]e±XX
	e := strings.LastIndexByte(string(buf), 'e')
	exp, _ := strconv.Atoi(string(buf[e+1:]))
	mant := buf[:e]
	if len(mant) > 1 {
		mant = append(mant[:1:1], mant[2:]...)
	}
	end := len(mant)
	for end > 1 && mant[end-1] == '0' {
		end--
	}
	if end == 1 && mant[0] == '0' {
		return "0", 1
	}
	return string(mant[:end]), exp + 1
}

// formatFloatShort is CPython's format_float_short (Python/pystrtod.c):
// code is 'e', 'f', 'g' or 'r' (repr), upper selects "E", "INF", "NAN".
func formatFloatShort(d float64, code byte, precision int, alwaysSign, addDot0, alt, noNeg0, upper bool) string {
	var b strings.Builder
	neg := math.Signbit(d)
	if math.IsInf(d, 0) || math.IsNaN(d) {
		if math.IsNaN(d) {
			neg = false
		}
		if neg {
			b.WriteByte('-')
		} else if alwaysSign {
			b.WriteByte('+')
		}
		s := "inf"
		if math.IsNaN(d) {
			s = "nan"
		}
		if upper {
			s = strings.ToUpper(s)
		}
		b.WriteString(s)
		return b.String()
	}
	a := math.Abs(d)
	var digits string
	var decpt int
	switch code {
	case 'e':
		precision++
		digits, decpt = dtoa(a, 2, precision)
	case 'f':
		digits, decpt = dtoa(a, 3, precision)
	case 'g':
		if precision == 0 {
			precision = 1
		}
		digits, decpt = dtoa(a, 2, precision)
	default: // 'r'
		digits, decpt = dtoa(a, 0, 0)
	}
	if noNeg0 && neg && digits == "0" {
		neg = false
	}
	digitsLen := len(digits)
	vdigitsEnd := digitsLen
	useExp := false
	switch code {
	case 'e':
		useExp = true
		vdigitsEnd = precision
	case 'f':
		vdigitsEnd = decpt + precision
	case 'g':
		lim := precision
		if addDot0 {
			lim = precision - 1
		}
		if decpt <= -4 || decpt > lim {
			useExp = true
		}
		if alt {
			vdigitsEnd = precision
		}
	default:
		if decpt <= -4 || decpt > 16 {
			useExp = true
		}
	}
	exp := 0
	if useExp {
		exp = decpt - 1
		decpt = 1
	}
	vdigitsStart := 0
	if decpt <= 0 {
		vdigitsStart = decpt - 1
	}
	if !useExp && addDot0 {
		vdigitsEnd = max(vdigitsEnd, decpt+1)
	} else {
		vdigitsEnd = max(vdigitsEnd, decpt)
	}
	b.Grow(vdigitsEnd - vdigitsStart + 8)
	if neg {
		b.WriteByte('-')
	} else if alwaysSign {
		b.WriteByte('+')
	}
	zeros := func(n int) {
		for ; n > 0; n-- {
			b.WriteByte('0')
		}
	}
	if decpt <= 0 {
		zeros(decpt - vdigitsStart)
		b.WriteByte('.')
		zeros(-decpt)
	} else {
		zeros(-vdigitsStart)
	}
	if 0 < decpt && decpt <= digitsLen {
		b.WriteString(digits[:decpt])
		b.WriteByte('.')
		b.WriteString(digits[decpt:])
	} else {
		b.WriteString(digits)
	}
	if digitsLen < decpt {
		zeros(decpt - digitsLen)
		b.WriteByte('.')
		zeros(vdigitsEnd - decpt)
	} else {
		zeros(vdigitsEnd - digitsLen)
	}
	s := b.String()
	if strings.HasSuffix(s, ".") && !alt {
		s = s[:len(s)-1]
	}
	if useExp {
		e := byte('e')
		if upper {
			e = 'E'
		}
		sign := byte('+')
		if exp < 0 {
			sign = '-'
			exp = -exp
		}
		es := strconv.Itoa(exp)
		if len(es) < 2 {
			es = "0" + es
		}
		s += string([]byte{e, sign}) + es
	}
	return s
}
