package base64

// This file has Base32 in its standard and extended-hex alphabets.

import (
	"encoding/base32"

	"github.com/aio-lang/aio/runtime"
)

func b32encode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return encode32(th, "b32encode", base32.StdEncoding, args, kw)
}

func b32hexencode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return encode32(th, "b32hexencode", base32.HexEncoding, args, kw)
}

func encode32(th *runtime.Thread, name string, enc *base32.Encoding, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	if err := runtime.UnpackArgs(name, args, kw, "s", &s); err != nil {
		return runtime.Value{}, err
	}
	b, err := encodeInput(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	out := make([]byte, enc.EncodedLen(len(b)))
	enc.Encode(out, b)
	return runtime.NewBytes(out), nil
}

// b32decode is b32decode(s, casefold=False, map01=None): map01 names the
// letter that the digit 1 stands for (0 always stands for O).
func b32decode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s, map01 runtime.Value
	var casefold bool
	if err := runtime.UnpackArgs("b32decode", args, kw, "s", &s, "casefold?", &casefold, "map01?", &map01); err != nil {
		return runtime.Value{}, err
	}
	b, err := decodeInput(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	if map01.IsValid() && !map01.IsNone() {
		m, err := decodeInput(th, map01)
		if err != nil {
			return runtime.Value{}, err
		}
		if len(m) != 1 {
			return runtime.Value{}, runtime.Errorf(runtime.AssertionError, "%s", runtime.BytesRepr(m))
		}
		for i, c := range b {
			switch c {
			case '0':
				b[i] = 'O'
			case '1':
				b[i] = m[0]
			}
		}
	}
	return decode32(b, casefold, base32.StdEncoding)
}

func b32hexdecode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	var casefold bool
	if err := runtime.UnpackArgs("b32hexdecode", args, kw, "s", &s, "casefold?", &casefold); err != nil {
		return runtime.Value{}, err
	}
	b, err := decodeInput(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	return decode32(b, casefold, base32.HexEncoding)
}

// decode32 decodes padded Base32 with CPython's errors.
func decode32(b []byte, casefold bool, enc *base32.Encoding) (runtime.Value, error) {
	if casefold {
		for i, c := range b {
			if c >= 'a' && c <= 'z' {
				b[i] = c - 32
			}
		}
	}
	if len(b)%8 != 0 {
		return runtime.Value{}, fail("Incorrect padding")
	}
	// Only a trailing run of '=' is padding, and only of a length that a
	// final partial group leaves.
	data := len(b)
	for data > 0 && b[data-1] == '=' {
		data--
	}
	for _, c := range b[:data] {
		if !base32Digit(c, enc == base32.HexEncoding) {
			return runtime.Value{}, fail("Non-base32 digit found")
		}
	}
	switch len(b) - data {
	case 0, 1, 3, 4, 6:
	default:
		return runtime.Value{}, fail("Incorrect padding")
	}
	out := make([]byte, enc.DecodedLen(len(b)))
	n, err := enc.Decode(out, b)
	if err != nil {
		if ce, ok := err.(base32.CorruptInputError); ok && int(ce) < len(b) && b[ce] != '=' {
			return runtime.Value{}, fail("Non-base32 digit found")
		}
		return runtime.Value{}, fail("Incorrect padding")
	}
	return runtime.NewBytes(out[:n]), nil
}

// base32Digit reports whether c is a digit of the standard or the
// extended-hex Base32 alphabet.
func base32Digit(c byte, hexAlphabet bool) bool {
	if hexAlphabet {
		return c >= '0' && c <= '9' || c >= 'A' && c <= 'V'
	}
	return c >= 'A' && c <= 'Z' || c >= '2' && c <= '7'
}
