package runtime

// This file implements the ASCII text methods of bytes and bytearray:
// case mapping, the is* predicates, padding (center, ljust, rjust, zfill,
// expandtabs) and the hex conversions.

import (
	"bytes"
	"strings"
)

func isASCIIUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }
func isASCIILowerByte(c byte) bool { return c >= 'a' && c <= 'z' }
func isASCIIAlpha(c byte) bool     { return isASCIIUpperByte(c) || isASCIILowerByte(c) }
func isASCIIDigit(c byte) bool     { return c >= '0' && c <= '9' }
func isASCIIAlnum(c byte) bool     { return isASCIIAlpha(c) || isASCIIDigit(c) }

func asciiUpper(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if isASCIILowerByte(c) {
			c -= 32
		}
		out[i] = c
	}
	return out
}

func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if isASCIIUpperByte(c) {
			c += 32
		}
		out[i] = c
	}
	return out
}

func asciiSwapCase(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if isASCIIUpperByte(c) {
			c += 32
		} else if isASCIILowerByte(c) {
			c -= 32
		}
		out[i] = c
	}
	return out
}

// asciiTitle upper-cases letters that follow a non-letter and lower-cases
// the others.
func asciiTitle(b []byte) []byte {
	out := make([]byte, len(b))
	prevCased := false
	for i, c := range b {
		switch {
		case isASCIIUpperByte(c):
			if prevCased {
				c += 32
			}
			prevCased = true
		case isASCIILowerByte(c):
			if !prevCased {
				c -= 32
			}
			prevCased = true
		default:
			prevCased = false
		}
		out[i] = c
	}
	return out
}

func asciiCapitalize(b []byte) []byte {
	out := asciiLower(b)
	if len(out) > 0 && isASCIILowerByte(out[0]) {
		out[0] -= 32
	}
	return out
}

// bytesMapper makes a no-argument method returning a mapped copy.
func bytesMapper(name string, f func([]byte) []byte) bytesMethod {
	return func(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs(self.Type().Name+"."+name, args, kw); err != nil {
			return Value{}, err
		}
		if err := th.Alloc(int64(len(b))); err != nil {
			return Value{}, err
		}
		return sameKind(self, f(b)), nil
	}
}

// allBytes makes a predicate true for non-empty bytes all satisfying f.
func allBytes(f func(byte) bool) func([]byte) bool {
	return func(b []byte) bool {
		if len(b) == 0 {
			return false
		}
		for _, c := range b {
			if !f(c) {
				return false
			}
		}
		return true
	}
}

func isASCIIBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func bytesIsLower(b []byte) bool {
	cased := false
	for _, c := range b {
		if isASCIIUpperByte(c) {
			return false
		}
		cased = cased || isASCIILowerByte(c)
	}
	return cased
}

func bytesIsUpper(b []byte) bool {
	cased := false
	for _, c := range b {
		if isASCIILowerByte(c) {
			return false
		}
		cased = cased || isASCIIUpperByte(c)
	}
	return cased
}

// bytesIsTitle reports whether uppercase letters follow only uncased
// bytes and lowercase ones only cased bytes, with at least one cased.
func bytesIsTitle(b []byte) bool {
	cased, prevCased := false, false
	for _, c := range b {
		switch {
		case isASCIIUpperByte(c):
			if prevCased {
				return false
			}
			prevCased, cased = true, true
		case isASCIILowerByte(c):
			if !prevCased {
				return false
			}
			prevCased, cased = true, true
		default:
			prevCased = false
		}
	}
	return cased
}

// bytesPredicate makes a no-argument method returning a bool.
func bytesPredicate(name string, f func([]byte) bool) bytesMethod {
	return func(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs(self.Type().Name+"."+name, args, kw); err != nil {
			return Value{}, err
		}
		return MakeBool(f(b)), nil
	}
}

// bytesWidthArg parses a width argument, charging the padded result.
func bytesWidthArg(th *Thread, v Value, n int) (int, error) {
	w, err := clampedIndex(th, v)
	if err != nil {
		return 0, err
	}
	if w <= int64(n) {
		return n, nil
	}
	if err := th.Alloc(w); err != nil {
		return 0, err
	}
	return int(w), nil
}

// bytesJustifyNamed is center, ljust and rjust(width, fillchar=b' ', /).
func bytesJustifyNamed(name string) bytesMethod {
	return func(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs(name, args, kw, 1, 2); err != nil {
			return Value{}, err
		}
		w, err := bytesWidthArg(th, args[0], len(b))
		if err != nil {
			return Value{}, err
		}
		fill := byte(' ')
		if len(args) == 2 {
			// A bytes or bytearray of one byte; not a memoryview.
			f, ok := bufferOf(args[1])
			if _, isView := args[1].obj.(*MemoryView); isView || !ok || len(f) != 1 {
				return Value{}, Errorf(TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name, argTypeName(args[1]))
			}
			fill = f[0]
		}
		pad := w - len(b)
		left := 0
		switch name {
		case "center":
			left = pad / 2
			if pad%2 == 1 && w%2 == 1 {
				left++
			}
		case "rjust":
			left = pad
		}
		out := make([]byte, 0, w)
		out = append(out, bytes.Repeat([]byte{fill}, left)...)
		out = append(out, b...)
		out = append(out, bytes.Repeat([]byte{fill}, pad-left)...)
		return sameKind(self, out), nil
	}
}

// bytesZFill is zfill(width, /): zeros after any sign.
func bytesZFill(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
	a, err := OneArg(self.Type().Name+".zfill", args, kw)
	if err != nil {
		return Value{}, err
	}
	w, err := bytesWidthArg(th, a, len(b))
	if err != nil {
		return Value{}, err
	}
	pad := w - len(b)
	out := make([]byte, 0, w)
	rest := b
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		out = append(out, b[0])
		rest = b[1:]
	}
	out = append(out, bytes.Repeat([]byte{'0'}, pad)...)
	out = append(out, rest...)
	return sameKind(self, out), nil
}

// bytesExpandTabs is expandtabs(tabsize=8).
func bytesExpandTabs(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
	var tabV Value
	if err := UnpackArgs("expandtabs", args, kw, "tabsize?", &tabV); err != nil {
		return Value{}, err
	}
	tab := int64(8)
	if tabV.IsValid() {
		n, err := cintArg(th, tabV)
		if err != nil {
			return Value{}, err
		}
		tab = int64(n)
	}
	var out []byte
	col := int64(0)
	for _, c := range b {
		switch c {
		case '\t':
			if tab > 0 {
				n := tab - col%tab
				if err := th.Alloc(int64(len(out)) + n); err != nil {
					return Value{}, err
				}
				out = append(out, bytes.Repeat([]byte{' '}, int(n))...)
				col += n
			}
		case '\n', '\r':
			out = append(out, c)
			col = 0
		default:
			out = append(out, c)
			col++
		}
	}
	if out == nil {
		out = []byte{}
	}
	return sameKind(self, out), nil
}

// bytesHex is hex(sep=<unset>, bytes_per_sep=1).
func bytesHex(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
	var sepV, perV Value
	if err := UnpackArgs("hex", args, kw, "sep?", &sepV, "bytes_per_sep?", &perV); err != nil {
		return Value{}, err
	}
	s, err := hexWithSep(th, b, sepV, perV)
	if err != nil {
		return Value{}, err
	}
	return Str(s), nil
}

// hexWithSep spells b in hex, with an optional one-character separator
// every per bytes (counted from the right when per > 0, from the left
// when negative).
func hexWithSep(th *Thread, b []byte, sepV, perV Value) (string, error) {
	const digits = "0123456789abcdef"
	if err := th.Alloc(3 * int64(len(b))); err != nil {
		return "", err
	}
	per := int64(1)
	if perV.IsValid() {
		n, err := cintArg(th, perV)
		if err != nil {
			return "", err
		}
		per = int64(n)
	}
	// CPython checks the separator's length (of any sized object) before
	// its type.
	sep := ""
	if sepV.IsValid() {
		n, err := Len(th, sepV)
		if err != nil {
			return "", err
		}
		if n != 1 {
			return "", Errorf(ValueError, "sep must be length 1.")
		}
		switch o := sepV.obj.(type) {
		case *StrObj:
			sep = o.S
		case *Bytes:
			sep = string(o.B)
		default:
			return "", Errorf(TypeError, "sep must be str or bytes.")
		}
		if sep[0] >= 0x80 {
			return "", Errorf(ValueError, "sep must be ASCII.")
		}
	}
	var sb strings.Builder
	n := int64(len(b))
	abs := per
	if abs < 0 {
		abs = -abs
	}
	for i, c := range b {
		if sep != "" && abs > 0 && i > 0 {
			// Group boundaries count from the right for a positive per.
			pos := int64(i)
			if per > 0 {
				pos = n - int64(i)
			}
			if pos%abs == 0 {
				sb.WriteString(sep)
			}
		}
		sb.WriteByte(digits[c>>4])
		sb.WriteByte(digits[c&15])
	}
	return sb.String(), nil
}

// bytesFromHex is the classmethod fromhex(string, /); args[0] is the
// class.
func bytesFromHex(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	cls, args := args[0], args[1:]
	a, err := OneArg("fromhex", args, kw)
	if err != nil {
		return Value{}, err
	}
	s, ok := a.obj.(*StrObj)
	if !ok {
		return Value{}, Errorf(TypeError, "fromhex() argument must be str, not %s", a.Type().Name)
	}
	out := []byte{}
	text := s.S
	pos := 0 // code point position, for the error message
	for i := 0; i < len(text); {
		c := text[i]
		if isASCIISpaceByte(c) {
			i++
			pos++
			continue
		}
		if !isHexByte(c) {
			return Value{}, Errorf(ValueError, "non-hexadecimal number found in fromhex() arg at position %d", pos)
		}
		if i+1 >= len(text) || !isHexByte(text[i+1]) {
			return Value{}, Errorf(ValueError, "non-hexadecimal number found in fromhex() arg at position %d", pos+1)
		}
		out = append(out, byte(hexDigitValue(c)<<4|hexDigitValue(text[i+1])))
		i += 2
		pos += 2
	}
	if t, ok := cls.obj.(*Type); ok && t == ByteArrayType {
		return NewByteArray(out), nil
	}
	if t, ok := cls.obj.(*Type); ok && t != BytesType {
		return th.Call(cls, []Value{NewBytes(out)}, nil)
	}
	return NewBytes(out), nil
}

func isHexByte(c byte) bool {
	return isASCIIDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func hexDigitValue(c byte) int {
	switch {
	case isASCIIDigit(c):
		return int(c - '0')
	case c >= 'a':
		return int(c-'a') + 10
	}
	return int(c-'A') + 10
}
