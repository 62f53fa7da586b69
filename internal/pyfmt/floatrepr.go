package pyfmt

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
)

// FloatRepr returns repr(f) (equal to str(f)) as CPython prints it: the
// shortest digits that round-trip, in fixed notation when the decimal
// exponent is in [-4, 16) and with ".0" for integral values, scientific
// notation otherwise ("1e+16", "1.5e-05"), and "inf", "-inf", "nan".
func FloatRepr(f float64) string {
	var buf [32]byte
	return string(appendFloatShort(buf[:0], f, 'r', 0, false, true, false, false, false))
}

// dtoa returns the decimal digits of the finite, non-negative a and the
// position of the decimal point relative to them (value = 0.digits *
// 10**decpt), in the modes of David Gay's dtoa that CPython uses:
// mode 0 is the shortest round-trip string, mode 2 gives max(ndigits, 1)
// significant digits and mode 3 gives ndigits digits past the decimal
// point. Rounding is half-even on the exact binary value. Trailing zeros
// are removed; zero is "0" with decpt 1. The digits are built in buf's
// storage (grown when too small), so a caller's stack buffer saves the
// allocations on the formatting path.
func dtoa(buf []byte, a float64, mode int, ndigits int) (digits []byte, decpt int) {
	switch mode {
	case 0:
		buf = strconv.AppendFloat(buf[:0], a, 'e', -1, 64)
	case 2:
		if ndigits < 1 {
			ndigits = 1
		}
		buf = strconv.AppendFloat(buf[:0], a, 'e', ndigits-1, 64)
	default:
		buf = strconv.AppendFloat(buf[:0], a, 'f', ndigits, 64)
		dot := bytes.IndexByte(buf, '.')
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
			buf[0] = '0'
			return buf[:1], 1
		}
		return buf[start:end], dot - start
	}
	// buf is d[.ddd]e±XX
	e := bytes.LastIndexByte(buf, 'e')
	exp := 0
	for _, c := range buf[e+2:] {
		exp = exp*10 + int(c-'0')
	}
	if buf[e+1] == '-' {
		exp = -exp
	}
	mant := buf[:e]
	if len(mant) > 1 {
		copy(mant[1:], mant[2:])
		mant = mant[:len(mant)-1]
	}
	end := len(mant)
	for end > 1 && mant[end-1] == '0' {
		end--
	}
	if end == 1 && mant[0] == '0' {
		return mant[:1], 1
	}
	return mant[:end], exp + 1
}

// appendFloatShort is CPython's format_float_short (Python/pystrtod.c),
// appending to dst: code is 'e', 'f', 'g' or 'r' (repr), upper selects
// "E", "INF", "NAN".
func appendFloatShort(dst []byte, d float64, code byte, precision int, alwaysSign, addDot0, alt, noNeg0, upper bool) []byte {
	neg := math.Signbit(d)
	if math.IsInf(d, 0) || math.IsNaN(d) {
		if math.IsNaN(d) {
			neg = false
		}
		if neg {
			dst = append(dst, '-')
		} else if alwaysSign {
			dst = append(dst, '+')
		}
		s := "inf"
		if math.IsNaN(d) {
			s = "nan"
		}
		if upper {
			s = strings.ToUpper(s)
		}
		return append(dst, s...)
	}
	a := math.Abs(d)
	var dbuf [40]byte
	var digits []byte
	var decpt int
	switch code {
	case 'e':
		precision++
		digits, decpt = dtoa(dbuf[:0], a, 2, precision)
	case 'f':
		digits, decpt = dtoa(dbuf[:0], a, 3, precision)
	case 'g':
		if precision == 0 {
			precision = 1
		}
		digits, decpt = dtoa(dbuf[:0], a, 2, precision)
	default: // 'r'
		digits, decpt = dtoa(dbuf[:0], a, 0, 0)
	}
	if noNeg0 && neg && len(digits) == 1 && digits[0] == '0' {
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
	start := len(dst)
	dst = slices.Grow(dst, vdigitsEnd-vdigitsStart+8)
	if neg {
		dst = append(dst, '-')
	} else if alwaysSign {
		dst = append(dst, '+')
	}
	zeros := func(n int) {
		for ; n > 0; n-- {
			dst = append(dst, '0')
		}
	}
	if decpt <= 0 {
		zeros(decpt - vdigitsStart)
		dst = append(dst, '.')
		zeros(-decpt)
	} else {
		zeros(-vdigitsStart)
	}
	if 0 < decpt && decpt <= digitsLen {
		dst = append(dst, digits[:decpt]...)
		dst = append(dst, '.')
		dst = append(dst, digits[decpt:]...)
	} else {
		dst = append(dst, digits...)
	}
	if digitsLen < decpt {
		zeros(decpt - digitsLen)
		dst = append(dst, '.')
		zeros(vdigitsEnd - decpt)
	} else {
		zeros(vdigitsEnd - digitsLen)
	}
	if len(dst) > start && dst[len(dst)-1] == '.' && !alt {
		dst = dst[:len(dst)-1]
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
		dst = append(dst, e, sign)
		if exp < 10 {
			dst = append(dst, '0')
		}
		dst = strconv.AppendInt(dst, int64(exp), 10)
	}
	return dst
}
