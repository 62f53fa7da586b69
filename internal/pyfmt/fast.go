package pyfmt

// Fast paths for the format specs that f-strings use most ("06d", ">4",
// ".2f", "+8.3f"): a decimal int or a fixed-point float with only sign,
// fill, alignment and width. They build the result in a stack buffer and
// allocate only the returned string, where the general path (resolve,
// render, grouping) costs several times as much. Anything else, including
// every spec that is an error, takes the general path.

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// fastWidth bounds the width the fast paths handle, so that their output
// fits the stack buffer.
const fastWidth = 64

// plainNumber reports whether sp asks for nothing beyond sign, an ASCII
// fill, alignment and a modest width.
func (sp *Spec) plainNumber() bool {
	return sp.Grouping == 0 && !sp.Alternate && !sp.NoNegZero && sp.Width <= fastWidth &&
		(!sp.FillSet || sp.Fill < utf8.RuneSelf)
}

// fastInt formats x for a plainNumber spec of type 'd' (or none); ok is
// false when the spec needs the general path.
func fastInt(x int64, sp *Spec) (s string, ok bool) {
	if sp.Type != 0 && sp.Type != 'd' || sp.Precision >= 0 || !sp.plainNumber() ||
		MaxStrDigits > 0 && MaxStrDigits < 20 {
		return "", false
	}
	var buf [24]byte
	u := uint64(x)
	if x < 0 {
		u = -u // also right for math.MinInt64
	}
	return layoutNumber(x < 0, strconv.AppendUint(buf[:0], u, 10), sp), true
}

// fastFloat formats f for a plainNumber spec of type 'f' or 'F' with a
// precision of at most 30, when |f| < 1e30; ok is false otherwise
// (including for infinities and NaN).
func fastFloat(f float64, sp *Spec) (s string, ok bool) {
	if sp.Type != 'f' && sp.Type != 'F' || sp.Precision > 30 || !sp.plainNumber() || !(math.Abs(f) < 1e30) {
		return "", false
	}
	prec := sp.Precision
	if prec < 0 {
		prec = 6
	}
	// strconv's 'f' rounds the exact binary value half to even, as
	// CPython's dtoa does.
	var buf [64]byte
	return layoutNumber(math.Signbit(f), strconv.AppendFloat(buf[:0], math.Abs(f), 'f', prec, 64), sp), true
}

// layoutNumber places the sign and the ASCII digits body in sp's width
// with the defaults of numbers: right alignment, and for a '0' before
// the width, zeros between the sign and the digits. (Zero padding is
// otherwise done by grouping, which without separators gives the same.)
func layoutNumber(neg bool, body []byte, sp *Spec) string {
	var signCh byte
	switch sp.Sign {
	case '+':
		signCh = '+'
	case ' ':
		signCh = ' '
	}
	if neg {
		signCh = '-'
	}
	fill, align := byte(' '), byte('>')
	if sp.Align != 0 {
		align = byte(sp.Align)
	}
	if sp.FillSet {
		fill = byte(sp.Fill)
	}
	if sp.Zero {
		fill = '0'
		if sp.Align == 0 {
			align = '='
		}
	}
	n := len(body)
	if signCh != 0 {
		n++
	}
	lpad, spad, rpad := padding(rune(align), sp.Width-n)
	var buf [fastWidth + 64]byte
	out := buf[:0]
	out = appendFill(out, fill, lpad)
	if signCh != 0 {
		out = append(out, signCh)
	}
	out = appendFill(out, fill, spad)
	out = append(out, body...)
	out = appendFill(out, fill, rpad)
	return string(out)
}

func appendFill(dst []byte, c byte, n int) []byte {
	for ; n > 0; n-- {
		dst = append(dst, c)
	}
	return dst
}

// parseSimpleSpec parses the common specs: ASCII, of the form
// [[fill]align][sign]["0"][width]["." precision][type], with at most nine
// digits in each number. ok is false for anything else (including every
// invalid spec), which ParseSpecFor's general parser then handles; for
// the specs it accepts the result is the same.
func parseSimpleSpec(spec string) (sp Spec, ok bool) {
	sp = Spec{Fill: ' ', Width: -1, Precision: -1}
	for i := 0; i < len(spec); i++ {
		if spec[i] >= utf8.RuneSelf {
			return sp, false
		}
	}
	isAlign := func(c byte) bool { return c == '<' || c == '>' || c == '=' || c == '^' }
	pos, end := 0, len(spec)
	if end >= 2 && isAlign(spec[1]) {
		sp.Align, sp.Fill, sp.FillSet = rune(spec[1]), rune(spec[0]), true
		pos = 2
	} else if end >= 1 && isAlign(spec[0]) {
		sp.Align = rune(spec[0])
		pos = 1
	}
	if pos < end && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ') {
		sp.Sign = rune(spec[pos])
		pos++
	}
	if !sp.FillSet && pos < end && spec[pos] == '0' {
		sp.Zero = true
		pos++
	}
	digits := func() (n, count int) {
		for pos < end && count < 10 && spec[pos] >= '0' && spec[pos] <= '9' {
			n = n*10 + int(spec[pos]-'0')
			pos++
			count++
		}
		return n, count
	}
	n, count := digits()
	if count > 9 {
		return sp, false
	}
	if count > 0 {
		sp.Width = n
	}
	if pos < end && spec[pos] == '.' {
		pos++
		n, count := digits()
		if count == 0 || count > 9 {
			return sp, false
		}
		sp.Precision = n
	}
	switch end - pos {
	case 0:
		return sp, true
	case 1:
		switch c := spec[pos]; c {
		case 'z', '#', ',', '_':
			return sp, false
		default:
			sp.Type = rune(c)
			return sp, true
		}
	}
	return sp, false
}
