package base64

// This file has the base-85 encodings: Ascii85 (a85, with its 'z' and 'y'
// abbreviations and Adobe framing) and the Base85 of git diffs (b85).
// Both encode each 4-byte big-endian group as 5 digits; a short last
// group is zero-padded and its extra digits dropped.

import (
	"github.com/aio-lang/aio/runtime"
)

const b85alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~"

// b85value maps a Base85 digit to its value, or 0xff.
var b85value = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i := 0; i < len(b85alphabet); i++ {
		t[b85alphabet[i]] = byte(i)
	}
	return
}()

// encode85 encodes b in groups; digit gives the character of a value
// 0-84; abbrev may return a one-character abbreviation of a full group.
func encode85(b []byte, pad bool, digit func(int) byte, abbrev func(uint32) byte) []byte {
	out := make([]byte, 0, (len(b)+3)/4*5)
	for i := 0; i < len(b); i += 4 {
		var group [4]byte
		n := copy(group[:], b[i:])
		v := uint32(group[0])<<24 | uint32(group[1])<<16 | uint32(group[2])<<8 | uint32(group[3])
		if n == 4 || pad {
			if c := abbrev(v); c != 0 {
				out = append(out, c)
				continue
			}
		}
		var d [5]byte
		for k := 4; k >= 0; k-- {
			d[k] = digit(int(v % 85))
			v /= 85
		}
		if n < 4 && !pad {
			out = append(out, d[:n+1]...)
		} else {
			out = append(out, d[:]...)
		}
	}
	return out
}

// decodeGroup turns 5 digit values into 4 bytes, reporting overflow.
func decodeGroup(d []byte) ([4]byte, bool) {
	var v uint64
	for _, x := range d {
		v = v*85 + uint64(x)
	}
	if v > 0xffffffff {
		return [4]byte{}, false
	}
	return [4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}, true
}

func b85encode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	var pad bool
	if err := runtime.UnpackArgs("b85encode", args, kw, "b", &s, "pad?", &pad); err != nil {
		return runtime.Value{}, err
	}
	b, err := encodeInput(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	out := encode85(b, pad, func(x int) byte { return b85alphabet[x] }, func(uint32) byte { return 0 })
	return runtime.NewBytes(out), nil
}

func b85decode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	if err := runtime.UnpackArgs("b85decode", args, kw, "b", &s); err != nil {
		return runtime.Value{}, err
	}
	b, err := decodeInput(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	padding := (5 - len(b)%5) % 5
	for i := 0; i < padding; i++ {
		b = append(b, '~')
	}
	out := make([]byte, 0, len(b)/5*4)
	for i := 0; i < len(b); i += 5 {
		var d [5]byte
		for k := 0; k < 5; k++ {
			v := b85value[b[i+k]]
			if v == 0xff {
				return runtime.Value{}, runtime.Errorf(runtime.ValueError, "bad base85 character at position %d", i+k)
			}
			d[k] = v
		}
		g, ok := decodeGroup(d[:])
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "base85 overflow in hunk starting at byte %d", i)
		}
		out = append(out, g[:]...)
	}
	return runtime.NewBytes(out[:len(out)-padding]), nil
}

// a85encode is a85encode(b, *, foldspaces=False, wrapcol=0, pad=False,
// adobe=False).
func a85encode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	var fold, pad, adobe bool
	var wrap int
	if err := runtime.UnpackArgs("a85encode", args, kw, "b", &s, "$foldspaces?", &fold, "$wrapcol?", &wrap, "$pad?", &pad, "$adobe?", &adobe); err != nil {
		return runtime.Value{}, err
	}
	b, err := encodeInput(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	out := encode85(b, pad, func(x int) byte { return byte('!' + x) }, func(v uint32) byte {
		switch {
		case v == 0:
			return 'z'
		case fold && v == 0x20202020:
			return 'y'
		}
		return 0
	})
	if adobe {
		out = append([]byte("<~"), out...)
	}
	if wrap > 0 {
		width := max(wrap, 1)
		if adobe {
			width = max(wrap, 2)
		}
		var lines []byte
		last := 0
		for i := 0; i < len(out); i += width {
			if i > 0 {
				lines = append(lines, '\n')
			}
			line := out[i:min(i+width, len(out))]
			lines = append(lines, line...)
			last = len(line)
		}
		out = lines
		// The closing ~> goes on a line of its own when it would not fit.
		if adobe && last+2 > width {
			out = append(out, '\n')
		}
	}
	if adobe {
		out = append(out, '~', '>')
	}
	return runtime.NewBytes(out), nil
}

// a85decode is a85decode(b, *, foldspaces=False, adobe=False,
// ignorechars=b' \t\n\r\v').
func a85decode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s, ignore runtime.Value
	var fold, adobe bool
	if err := runtime.UnpackArgs("a85decode", args, kw, "b", &s, "$foldspaces?", &fold, "$adobe?", &adobe, "$ignorechars?", &ignore); err != nil {
		return runtime.Value{}, err
	}
	b, err := decodeInput(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	skip := []byte(" \t\n\r\v")
	if ignore.IsValid() {
		if skip, err = decodeInput(th, ignore); err != nil {
			return runtime.Value{}, err
		}
	}
	if adobe {
		if len(b) < 2 || string(b[len(b)-2:]) != "~>" {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Ascii85 encoded byte sequences must end with b'~>'")
		}
		b = b[:len(b)-2]
		if len(b) >= 2 && string(b[:2]) == "<~" {
			b = b[2:]
		}
	}
	var out, group []byte
	for _, c := range b {
		switch {
		case c >= '!' && c <= 'u':
			group = append(group, c-'!')
			if len(group) == 5 {
				g, ok := decodeGroup(group)
				if !ok {
					return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Ascii85 overflow")
				}
				out = append(out, g[:]...)
				group = group[:0]
			}
		case c == 'z':
			if len(group) > 0 {
				return runtime.Value{}, runtime.Errorf(runtime.ValueError, "z inside Ascii85 5-tuple")
			}
			out = append(out, 0, 0, 0, 0)
		case c == 'y' && fold:
			if len(group) > 0 {
				return runtime.Value{}, runtime.Errorf(runtime.ValueError, "y inside Ascii85 5-tuple")
			}
			out = append(out, ' ', ' ', ' ', ' ')
		case containsByte(skip, c):
		default:
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Non-Ascii85 digit found: %c", c)
		}
	}
	if n := len(group); n > 0 {
		padding := 5 - n
		for i := 0; i < padding; i++ {
			group = append(group, 'u'-'!')
		}
		g, ok := decodeGroup(group)
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Ascii85 overflow")
		}
		out = append(out, g[:4-padding]...)
	}
	return runtime.NewBytes(out), nil
}

func containsByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}
