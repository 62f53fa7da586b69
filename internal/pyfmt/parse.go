package pyfmt

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// toASCIINumber is CPython's _PyUnicode_TransformDecimalAndSpaceToASCII:
// Unicode decimal digits become ASCII digits, Unicode whitespace becomes
// ' ', any other non-ASCII character becomes '?'.
func toASCIINumber(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		case IsSpaceRune(r):
			b = append(b, ' ')
		case DecimalValue(r) >= 0:
			b = append(b, byte('0'+DecimalValue(r)))
		default:
			b = append(b, '?')
		}
	}
	return string(b)
}

// isASCIISpace is CPython's Py_ISSPACE.
func isASCIISpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

// digitValue is CPython's _PyLong_DigitValue: 0-9, a-z and A-Z map to
// 0..35, anything else to 37.
func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 37
}

// truncRepr is CPython's %.200R: the repr cut to 200 code points.
func truncRepr(s string) string {
	r := Repr(s)
	if utf8.RuneCountInString(r) <= 200 {
		return r
	}
	return string([]rune(r)[:200])
}

// ParseInt implements int(s, base) for a str s: surrounding whitespace,
// a sign, single '_' separators between digits (and after a base prefix),
// base 0 (prefix-determined, no leading zeros) and bases 2 to 36, Unicode
// decimal digits, and CPython's limit of MaxStrDigits digits for bases
// that are not powers of two. Errors are CPython's ValueErrors.
func ParseInt(s string, base int) (*big.Int, error) { return ParseIntDigits(s, base, MaxStrDigits) }

// ParseIntDigits is ParseInt with the limit on digits given (0: none).
func ParseIntDigits(s string, base, limit int) (*big.Int, error) {
	if (base != 0 && base < 2) || base > 36 {
		return nil, valueError("int() base must be >= 2 and <= 36, or 0")
	}
	bad := func() error {
		return valueError(fmt.Sprintf("invalid literal for int() with base %d: %s", base, truncRepr(s)))
	}
	a := toASCIINumber(s)
	i := 0
	for i < len(a) && isASCIISpace(a[i]) {
		i++
	}
	neg := false
	if i < len(a) && (a[i] == '+' || a[i] == '-') {
		neg = a[i] == '-'
		i++
	}
	b := base
	at := func(k int) byte {
		if k < len(a) {
			return a[k]
		}
		return 0
	}
	errorIfNonzero := false
	if b == 0 {
		switch {
		case at(i) != '0':
			b = 10
		case at(i+1) == 'x' || at(i+1) == 'X':
			b = 16
		case at(i+1) == 'o' || at(i+1) == 'O':
			b = 8
		case at(i+1) == 'b' || at(i+1) == 'B':
			b = 2
		default:
			errorIfNonzero = true
			b = 10
		}
	}
	if at(i) == '0' {
		c := at(i + 1)
		if (b == 16 && (c == 'x' || c == 'X')) || (b == 8 && (c == 'o' || c == 'O')) || (b == 2 && (c == 'b' || c == 'B')) {
			i += 2
			if at(i) == '_' {
				i++
			}
		}
	}
	if at(i) == '_' {
		return nil, bad()
	}
	start := i
	digits := make([]byte, 0, len(a)-i)
	prev := byte(0)
	for i < len(a) && (digitValue(a[i]) < b || a[i] == '_') {
		if a[i] == '_' {
			if prev == '_' {
				return nil, bad()
			}
		} else {
			digits = append(digits, a[i])
		}
		prev = a[i]
		i++
	}
	if prev == '_' {
		return nil, bad()
	}
	if b&(b-1) != 0 && limit > 0 && len(digits) > limit {
		return nil, valueError(fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", limit, len(digits)))
	}
	if i == start {
		return nil, bad()
	}
	for i < len(a) && isASCIISpace(a[i]) {
		i++
	}
	if i != len(a) {
		return nil, bad()
	}
	z := new(big.Int)
	if len(digits) <= 12 || (b <= 10 && len(digits) <= 18) {
		n, _ := strconv.ParseInt(string(digits), b, 64)
		z.SetInt64(n)
	} else {
		z.SetString(string(digits), b)
	}
	if errorIfNonzero && z.Sign() != 0 {
		return nil, bad()
	}
	if neg {
		z.Neg(z)
	}
	return z, nil
}

// ParseFloat implements float(s) for a str s: surrounding whitespace,
// decimal literals with single '_' separators between digits, "inf",
// "infinity" and "nan" in any case with an optional sign, Unicode
// decimal digits. Out-of-range values become ±inf or ±0 as in CPython.
// The error is CPython's ValueError "could not convert string to float: ...".
func ParseFloat(s string) (float64, error) {
	bad := func() (float64, error) {
		return 0, valueError("could not convert string to float: " + Repr(s))
	}
	a := toASCIINumber(s)
	i, j := 0, len(a)
	for i < j && isASCIISpace(a[i]) {
		i++
	}
	for j > i && isASCIISpace(a[j-1]) {
		j--
	}
	t := a[i:j]
	if t == "" {
		return bad()
	}
	if strings.IndexByte(t, '_') >= 0 {
		var b strings.Builder
		prev := byte(0)
		for k := 0; k < len(t); k++ {
			c := t[k]
			if c == '_' {
				if !(prev >= '0' && prev <= '9') {
					return bad()
				}
			} else {
				if prev == '_' && !(c >= '0' && c <= '9') {
					return bad()
				}
				b.WriteByte(c)
			}
			prev = c
		}
		if prev == '_' {
			return bad()
		}
		t = b.String()
	}
	body := t
	neg := false
	if body[0] == '+' || body[0] == '-' {
		neg = body[0] == '-'
		body = body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		if neg {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	case "nan":
		return math.NaN(), nil
	}
	// [digits][.digits][(e|E)[sign]digits] with at least one digit.
	k := 0
	nd := 0
	for k < len(body) && body[k] >= '0' && body[k] <= '9' {
		k++
		nd++
	}
	if k < len(body) && body[k] == '.' {
		k++
		for k < len(body) && body[k] >= '0' && body[k] <= '9' {
			k++
			nd++
		}
	}
	if nd == 0 {
		return bad()
	}
	if k < len(body) && (body[k] == 'e' || body[k] == 'E') {
		k++
		if k < len(body) && (body[k] == '+' || body[k] == '-') {
			k++
		}
		ne := 0
		for k < len(body) && body[k] >= '0' && body[k] <= '9' {
			k++
			ne++
		}
		if ne == 0 {
			return bad()
		}
	}
	if k != len(body) {
		return bad()
	}
	// The syntax is checked; the only possible error is ErrRange, for
	// which ParseFloat returns ±Inf or 0 just as CPython does.
	f, _ := strconv.ParseFloat(body, 64)
	if neg {
		f = -f
	}
	return f, nil
}

// Hex returns hex(x): "0x1f", "-0x1f".
func Hex(x *big.Int) string { return prefixed(x, 16, "0x") }

// Oct returns oct(x): "0o17", "-0o17".
func Oct(x *big.Int) string { return prefixed(x, 8, "0o") }

// Bin returns bin(x): "0b101", "-0b101".
func Bin(x *big.Int) string { return prefixed(x, 2, "0b") }

func prefixed(x *big.Int, base int, prefix string) string {
	if x.Sign() < 0 {
		return "-" + prefix + new(big.Int).Neg(x).Text(base)
	}
	return prefix + x.Text(base)
}

// Repr returns repr(s) for a str as CPython writes it: single quotes
// unless s contains ' and no ", backslash escapes for the quote, \\,
// \t, \n, \r, \xhh for other control characters and non-printable
// characters below U+0100, \uhhhh and \Uhhhhhhhh above; printable
// non-ASCII characters are kept.
func Repr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	const hexd = "0123456789abcdef"
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteByte(byte(r))
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < ' ' || r == 0x7f:
			b.WriteString(`\x`)
			b.WriteByte(hexd[r>>4])
			b.WriteByte(hexd[r&15])
		case r < 0x7f || IsPrintableRune(r):
			b.WriteRune(r)
		case r <= 0xff:
			b.WriteString(`\x`)
			b.WriteByte(hexd[r>>4])
			b.WriteByte(hexd[r&15])
		case r <= 0xffff:
			b.WriteString(`\u`)
			for sh := 12; sh >= 0; sh -= 4 {
				b.WriteByte(hexd[(r>>sh)&15])
			}
		default:
			b.WriteString(`\U`)
			for sh := 28; sh >= 0; sh -= 4 {
				b.WriteByte(hexd[(r>>sh)&15])
			}
		}
	}
	b.WriteByte(quote)
	return b.String()
}
