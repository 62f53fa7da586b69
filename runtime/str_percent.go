package runtime

// This file implements printf-style formatting, str % args, following
// CPython 3.11's PyUnicode_Format: a tuple supplies one argument per
// conversion, any other value is a single argument, and a mapping (dict,
// list or a class with __getitem__) serves %(key)s conversions.

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aio-lang/aio/internal/pyfmt"
)

// percentState tracks the arguments consumed, as CPython's
// unicode_formatter_t does: arglen < 0 means a single non-tuple argument,
// and a %(key) lookup replaces the arguments with the looked-up value.
type percentState struct {
	args   Value
	items  []Value
	arglen int
	argidx int
	dict   Value
}

func (st *percentState) next() (Value, error) {
	if st.argidx < st.arglen {
		st.argidx++
		if st.arglen < 0 {
			return st.args, nil
		}
		return st.items[st.argidx-1], nil
	}
	return Value{}, Errorf(TypeError, "not enough arguments for format string")
}

// isPercentMapping is CPython's PyMapping_Check for the types aio has.
func isPercentMapping(v Value) bool {
	switch BuiltinValue(v).obj.(type) {
	case *Tuple, *StrObj:
		return false // nor are their subclasses
	}
	switch v.obj.(type) {
	case *Dict, *List, *Range, *Bytes, *ByteArray, *MemoryView:
		return true
	case *Tuple, *StrObj:
		return false
	}
	if v.Type().User {
		_, ok := v.Type().Lookup("__getitem__")
		return ok
	}
	return false
}

// percentSpec is one parsed conversion.
type percentSpec struct {
	left, plus, space, alt, zero bool
	width, prec                  int // -1 when absent
	conv                         rune
}

// StrPercent returns format % args.
func StrPercent(th *Thread, format string, args Value) (Value, error) {
	st := &percentState{args: args, arglen: -1, argidx: -2}
	if t, ok := As[*Tuple](args); ok {
		st.items, st.arglen, st.argidx = t.Items, len(t.Items), 0
	}
	if isPercentMapping(args) {
		st.dict = args
	}
	if strings.IndexByte(format, '%') < 0 {
		if st.argidx < st.arglen && !st.dict.IsValid() {
			return Value{}, Errorf(TypeError, "not all arguments converted during string formatting")
		}
		return Str(format), nil
	}
	// The syntax is ASCII, so the scan works on bytes; only the index in
	// an error message counts code points.
	rs := format
	var b strings.Builder
	b.Grow(len(format) + 16)
	for i := 0; i < len(rs); {
		if rs[i] != '%' {
			j := strings.IndexByte(rs[i:], '%')
			if j < 0 {
				j = len(rs) - i
			}
			b.WriteString(rs[i : i+j])
			i += j
			continue
		}
		i++
		if i < len(rs) && rs[i] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		if err := st.convert(th, &b, rs, &i); err != nil {
			return Value{}, err
		}
	}
	if st.argidx < st.arglen && !st.dict.IsValid() {
		return Value{}, Errorf(TypeError, "not all arguments converted during string formatting")
	}
	return Str(b.String()), nil
}

// convert parses the conversion after a '%' at rs[*pos] and writes it.
func (st *percentState) convert(th *Thread, b *strings.Builder, rs string, pos *int) error {
	i := *pos
	if i < len(rs) && rs[i] == '(' {
		if !st.dict.IsValid() {
			return Errorf(TypeError, "format requires a mapping")
		}
		i++
		start, depth := i, 1
		for i < len(rs) && depth > 0 {
			switch rs[i] {
			case '(':
				depth++
			case ')':
				depth--
			}
			i++
		}
		if depth > 0 {
			return Errorf(ValueError, "incomplete format key")
		}
		v, err := GetItem(th, st.dict, Str(rs[start:i-1]))
		if err != nil {
			return err
		}
		st.args, st.items, st.arglen, st.argidx = v, nil, -1, -2
	}
	sp := percentSpec{width: -1, prec: -1}
flags:
	for ; i < len(rs); i++ {
		switch rs[i] {
		case '-':
			sp.left = true
		case '+':
			sp.plus = true
		case ' ':
			sp.space = true
		case '#':
			sp.alt = true
		case '0':
			sp.zero = true
		default:
			break flags
		}
	}
	// num reads a width or precision: digits, or '*' taking an argument.
	num := func(what string) (n int, given bool, err error) {
		if i < len(rs) && rs[i] == '*' {
			i++
			v, err := st.next()
			if err != nil {
				return 0, false, err
			}
			x, ok := asInt64(v)
			if !ok {
				return 0, false, Errorf(TypeError, "* wants int")
			}
			if x > maxAlloc || x < -maxAlloc {
				return 0, false, Errorf(ValueError, "%s too big", what)
			}
			return int(x), true, nil
		}
		for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
			if n > (math.MaxInt64-9)/10 {
				return 0, false, Errorf(ValueError, "%s too big", what)
			}
			n = n*10 + int(rs[i]-'0')
			given = true
			i++
		}
		return n, given, nil
	}
	w, given, err := num("width")
	if err != nil {
		return err
	}
	if given {
		if w < 0 {
			sp.left, w = true, -w
		}
		sp.width = w
	}
	if i < len(rs) && rs[i] == '.' {
		i++
		p, _, err := num("precision")
		if err != nil {
			return err
		}
		sp.prec = max(p, 0)
	}
	for i < len(rs) && (rs[i] == 'h' || rs[i] == 'l' || rs[i] == 'L') {
		i++
	}
	if i >= len(rs) {
		return Errorf(ValueError, "incomplete format")
	}
	c, size := utf8.DecodeRuneInString(rs[i:])
	sp.conv = c
	i += size
	*pos = i
	if int64(sp.width) > maxAlloc || int64(sp.prec) > maxAlloc {
		return NewException(MemoryError)
	}
	v, err := st.next()
	if err != nil {
		return err
	}
	var s string
	out := int64(max(sp.width, sp.prec))
	if sp.conv == 's' || sp.conv == 'r' || sp.conv == 'a' || sp.conv == 'c' {
		out = int64(sp.width) // a precision truncates
	}
	if out >= abandonBytes && plainValue(v) {
		// A huge width or precision: charge the output and build it where
		// a stop can abandon it (a plain value calls no Python code).
		var ferr error
		if err = th.bigOutput(out, func() { s, ferr = percentFormat(th, v, sp, rs[:i-size]) }); err == nil {
			err = ferr
		}
	} else {
		s, err = percentFormat(th, v, sp, rs[:i-size])
	}
	if err != nil {
		return err
	}
	b.WriteString(s)
	return nil
}

// percentFormat formats one argument; before is the format's text
// before the conversion character (for the index in an error).
func percentFormat(th *Thread, v Value, sp percentSpec, before string) (string, error) {
	switch sp.conv {
	case 's', 'r', 'a':
		var s string
		var err error
		switch sp.conv {
		case 's':
			s, err = ToStr(th, v)
		case 'r':
			s, err = Repr(th, v)
		default:
			s, err = ASCII(th, v)
		}
		if err != nil {
			return "", err
		}
		if sp.prec >= 0 && utf8.RuneCountInString(s) > sp.prec {
			s = string([]rune(s)[:sp.prec])
		}
		return percentPad(s, sp), nil
	case 'c':
		return percentChar(v, sp)
	case 'd', 'i', 'u', 'x', 'X', 'o':
		return percentInt(th, v, sp)
	case 'e', 'E', 'f', 'F', 'g', 'G':
		return percentFloat(th, v, sp)
	}
	c := sp.conv
	if c < 32 || c > 126 {
		c = '?'
	}
	return "", Errorf(ValueError, "unsupported format character '%c' (0x%x) at index %d", c, sp.conv, utf8.RuneCountInString(before))
}

// percentPad pads s with spaces to the width.
func percentPad(s string, sp percentSpec) string {
	if sp.left {
		return pyfmt.LJust(s, sp.width, ' ')
	}
	return pyfmt.RJust(s, sp.width, ' ')
}

func percentChar(v Value, sp percentSpec) (string, error) {
	if s, ok := v.obj.(*StrObj); ok {
		if s.Len() != 1 {
			return "", Errorf(TypeError, "%%c requires int or char")
		}
		return percentPad(s.S, sp), nil
	}
	if !isIntLike(v) {
		return "", Errorf(TypeError, "%%c requires int or char")
	}
	n, ok := asInt64(v)
	if !ok || n < 0 || n >= 0x110000 {
		return "", Errorf(OverflowError, "%%c arg not in range(0x110000)")
	}
	return percentPad(string(rune(n)), sp), nil
}

func percentInt(th *Thread, v Value, sp percentSpec) (string, error) {
	wrong := func() error {
		if sp.conv == 'x' || sp.conv == 'X' || sp.conv == 'o' {
			return Errorf(TypeError, "%%%c format: an integer is required, not %s", sp.conv, v.Type().Name)
		}
		return Errorf(TypeError, "%%%c format: a real number is required, not %s", sp.conv, v.Type().Name)
	}
	n := v
	if !isIntLike(v) {
		var err error
		var ok bool
		switch {
		case sp.conv == 'x' || sp.conv == 'X' || sp.conv == 'o':
			n, ok, err = asIndex(th, v)
			if err == nil && !ok {
				return "", wrong()
			}
		case v.IsFloat() || v.Type().User:
			n, err = ToInt(th, v)
		default:
			return "", wrong()
		}
		if err != nil {
			if IsInstance(err, TypeError) {
				return "", wrong()
			}
			return "", err
		}
	}
	if sp == (percentSpec{width: -1, prec: -1, conv: sp.conv}) && sp.conv != 'x' && sp.conv != 'X' && sp.conv != 'o' {
		if x, ok := asInt64(n); ok {
			return strconv.FormatInt(x, 10), nil
		}
	}
	x, _ := toBig(n)
	base, prefix := 10, ""
	switch sp.conv {
	case 'x':
		base, prefix = 16, "0x"
	case 'X':
		base, prefix = 16, "0X"
	case 'o':
		base, prefix = 8, "0o"
	}
	var digits string
	if base == 10 {
		s, err := bigDecimal(th, new(big.Int).Abs(x))
		if err != nil {
			return "", err
		}
		digits = s
	} else {
		digits = new(big.Int).Abs(x).Text(base)
		if sp.conv == 'X' {
			digits = strings.ToUpper(digits)
		}
	}
	if !sp.alt {
		prefix = ""
	}
	sign := ""
	switch {
	case x.Sign() < 0:
		sign = "-"
	case sp.plus:
		sign = "+"
	case sp.space:
		sign = " "
	}
	if sp.prec > len(digits) {
		digits = strings.Repeat("0", sp.prec-len(digits)) + digits
	}
	head := sign + prefix
	if pad := sp.width - len(head) - len(digits); pad > 0 {
		// The padding is written a chunk at a time (pyfmt's justifiers),
		// so that a huge width stays interruptible.
		switch {
		case sp.left:
			return pyfmt.LJust(head+digits, sp.width, ' '), nil
		case sp.zero:
			return head + pyfmt.RJust(digits, sp.width-len(head), '0'), nil
		}
		return pyfmt.RJust(head+digits, sp.width, ' '), nil
	}
	return head + digits, nil
}

func percentFloat(th *Thread, v Value, sp percentSpec) (string, error) {
	var f float64
	switch {
	case v.IsFloat():
		f = v.FloatVal()
	case isIntLike(v):
		x, err := toFloat(v)
		if err != nil {
			return "", err
		}
		f = x
	case v.Type().User:
		x, err := ToFloat(th, v)
		if err != nil {
			if IsInstance(err, TypeError) {
				return "", Errorf(TypeError, "must be real number, not %s", v.Type().Name)
			}
			return "", err
		}
		f = x
	default:
		return "", Errorf(TypeError, "must be real number, not %s", v.Type().Name)
	}
	// The format-spec mini-language renders printf's float conversions
	// identically once the flags are translated.
	var spec strings.Builder
	if sp.left {
		spec.WriteByte('<')
	}
	switch {
	case sp.plus:
		spec.WriteByte('+')
	case sp.space:
		spec.WriteByte(' ')
	}
	if sp.alt {
		spec.WriteByte('#')
	}
	if sp.zero && !sp.left {
		spec.WriteByte('0')
	}
	if sp.width > 0 {
		spec.WriteString(strconv.Itoa(sp.width))
	}
	prec := sp.prec
	if prec < 0 {
		prec = 6
	}
	spec.WriteByte('.')
	spec.WriteString(strconv.Itoa(prec))
	spec.WriteRune(sp.conv)
	s, err := pyfmt.FormatFloat(f, spec.String())
	if err != nil {
		return "", pyErr(err)
	}
	return s, nil
}
