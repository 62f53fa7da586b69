package runtime

// This file implements printf-style formatting of bytes (bytes % args,
// PEP 461): %s and %b take bytes-like objects or objects with __bytes__,
// %r and %a the ascii() of any object, %c an int or a single byte; the
// numeric conversions format as str's do.

import (
	"bytes"
	"strconv"
	"strings"
)

// bytesPercent returns format % args.
func bytesPercent(th *Thread, format []byte, args Value) ([]byte, error) {
	st := &percentState{args: args, arglen: -1, argidx: -2}
	if t, ok := args.obj.(*Tuple); ok {
		st.items, st.arglen, st.argidx = t.Items, len(t.Items), 0
	}
	switch BuiltinValue(args).obj.(type) {
	case *Bytes, *ByteArray:
	case *MemoryView:
		// CPython counts a memoryview as a mapping here.
		st.dict = args
	default:
		if isPercentMapping(args) {
			st.dict = args
		}
	}
	out := make([]byte, 0, len(format)+16)
	for i := 0; i < len(format); {
		c := format[i]
		if c != '%' {
			out = append(out, c)
			i++
			continue
		}
		start := i
		i++
		if i < len(format) && format[i] == '%' {
			out = append(out, '%')
			i++
			continue
		}
		var err error
		if out, i, err = st.bytesConvert(th, out, format, i, start); err != nil {
			return nil, err
		}
		if err := th.Alloc(int64(len(out))); err != nil {
			return nil, err
		}
	}
	if st.argidx < st.arglen && !st.dict.IsValid() {
		return nil, Errorf(TypeError, "not all arguments converted during bytes formatting")
	}
	return out, nil
}

// bytesConvert formats the conversion whose '%' is at format[start] and
// whose body starts at i; it returns the output and the position after.
func (st *percentState) bytesConvert(th *Thread, out, format []byte, i, start int) ([]byte, int, error) {
	if i < len(format) && format[i] == '(' {
		if !st.dict.IsValid() {
			return nil, 0, Errorf(TypeError, "format requires a mapping")
		}
		i++
		keyStart, depth := i, 1
		for i < len(format) && depth > 0 {
			switch format[i] {
			case '(':
				depth++
			case ')':
				depth--
			}
			i++
		}
		if depth > 0 {
			return nil, 0, Errorf(ValueError, "incomplete format key")
		}
		v, err := GetItem(th, st.dict, NewBytes(append([]byte{}, format[keyStart:i-1]...)))
		if err != nil {
			return nil, 0, err
		}
		st.args, st.items, st.arglen, st.argidx = v, nil, -1, -2
	}
	var flags strings.Builder
	for i < len(format) && strings.IndexByte("-+ #0", format[i]) >= 0 {
		flags.WriteByte(format[i])
		i++
	}
	left := strings.Contains(flags.String(), "-")
	num := func() (int, bool, error) {
		if i < len(format) && format[i] == '*' {
			i++
			v, err := st.next()
			if err != nil {
				return 0, false, err
			}
			x, ok := asInt64(v)
			if !ok {
				return 0, false, Errorf(TypeError, "* wants int")
			}
			return int(x), true, nil
		}
		n, given := 0, false
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			n = n*10 + int(format[i]-'0')
			if int64(n) > maxAlloc {
				return 0, false, Errorf(ValueError, "width too big")
			}
			given = true
			i++
		}
		return n, given, nil
	}
	width, hasWidth, err := num()
	if err != nil {
		return nil, 0, err
	}
	if width < 0 {
		left, width = true, -width
	}
	prec, hasPrec := -1, false
	if i < len(format) && format[i] == '.' {
		i++
		p, _, err := num()
		if err != nil {
			return nil, 0, err
		}
		prec, hasPrec = max(p, 0), true
	}
	for i < len(format) && (format[i] == 'h' || format[i] == 'l' || format[i] == 'L') {
		i++
	}
	if i >= len(format) {
		return nil, 0, Errorf(ValueError, "incomplete format")
	}
	conv := format[i]
	i++
	var body []byte
	switch conv {
	case 's', 'b', 'r', 'a', 'c':
		arg, err := st.next()
		if err != nil {
			return nil, 0, err
		}
		if body, err = bytesPercentText(th, conv, arg); err != nil {
			return nil, 0, err
		}
		if hasPrec && prec < len(body) && conv != 'c' {
			body = body[:prec]
		}
	case 'd', 'i', 'u', 'o', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G':
		arg, err := st.next()
		if err != nil {
			return nil, 0, err
		}
		spec := "%" + flags.String()
		if hasWidth {
			spec += strconv.Itoa(width)
		}
		if hasPrec {
			spec += "." + strconv.Itoa(prec)
		}
		r, err := StrPercent(th, spec+string(conv), TupleOf(arg))
		if err != nil {
			return nil, 0, err
		}
		return append(out, r.obj.(*StrObj).S...), i, nil
	default:
		return nil, 0, Errorf(ValueError, "unsupported format character '%c' (0x%x) at index %d", conv, conv, i-1)
	}
	_ = start
	pad := width - len(body)
	if pad > 0 {
		if err := th.Alloc(int64(len(out)) + int64(width)); err != nil {
			return nil, 0, err
		}
	}
	if pad > 0 && !left {
		out = append(out, bytes.Repeat([]byte{' '}, pad)...)
	}
	out = append(out, body...)
	if pad > 0 && left {
		out = append(out, bytes.Repeat([]byte{' '}, pad)...)
	}
	return out, i, nil
}

// bytesPercentText is the text of a %s, %b, %r, %a or %c conversion.
func bytesPercentText(th *Thread, conv byte, arg Value) ([]byte, error) {
	switch conv {
	case 'r', 'a':
		s, err := ASCII(th, arg)
		return []byte(s), err
	case 'c':
		if b, ok := bufferOf(arg); ok {
			if _, isView := arg.obj.(*MemoryView); !isView && len(b) == 1 {
				return []byte{b[0]}, nil
			}
		}
		if isIntLike(arg) {
			n, ok := asInt64(arg)
			if !ok || n < 0 || n > 255 {
				return nil, Errorf(OverflowError, "%%c arg not in range(256)")
			}
			return []byte{byte(n)}, nil
		}
		return nil, Errorf(TypeError, "%%c requires an integer in range(256) or a single byte")
	}
	if b, ok := bufferOf(arg); ok {
		return b, nil
	}
	if arg.Type().User {
		if r, found, err := th.CallMethod(arg, "__bytes__"); found {
			if err != nil {
				return nil, err
			}
			if rb, ok := r.obj.(*Bytes); ok {
				return rb.B, nil
			}
			return nil, Errorf(TypeError, "__bytes__ returned non-bytes (type %s)", r.Type().Name)
		}
	}
	return nil, Errorf(TypeError, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", arg.Type().Name)
}
