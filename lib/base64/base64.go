// Package base64 is aio's base64 module (with binascii.Error, its error
// class): Base64 in its standard, URL-safe and MIME-lines forms, Base32,
// Base16, Ascii85 and Base85, with CPython's padding rules and messages.
package base64

// This file registers the module and has the Base64 and Base16 codecs;
// base32.go and base85.go have the others.

import (
	"encoding/base64"
	"encoding/hex"

	"github.com/aio-lang/aio/lib/internal/bufarg"
	"github.com/aio-lang/aio/runtime"
)

// ErrorType is binascii.Error, the ValueError that a malformed encoding
// raises.
var ErrorType = runtime.NewType("Error", runtime.ValueError)

func init() {
	ErrorType.Module = "binascii"
	ErrorType.New = runtime.BaseException.New
	IncompleteType.Module = "binascii"
	runtime.RegisterStdModule("base64", load)
	runtime.RegisterStdModule("binascii", loadBinascii)
}

// fn is the signature of the module's functions.
type fn = func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)

// load builds the base64 module.
func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("base64")
	for name, f := range map[string]fn{
		"b64encode": b64encode, "b64decode": b64decode,
		"standard_b64encode": standardEncode, "standard_b64decode": standardDecode,
		"urlsafe_b64encode": urlsafeEncode, "urlsafe_b64decode": urlsafeDecode,
		"encodebytes": encodeBytes, "decodebytes": decodeBytes,
		"b16encode": b16encode, "b16decode": b16decode,
		"b32encode": b32encode, "b32decode": b32decode,
		"b32hexencode": b32hexencode, "b32hexdecode": b32hexdecode,
		"a85encode": a85encode, "a85decode": a85decode,
		"b85encode": b85encode, "b85decode": b85decode,
	} {
		f := f
		m.Set(name, runtime.NewBuiltin(name, func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return f(th, args, kw)
		}))
	}
	m.Set("binascii", runtime.Obj(loadBinascii(nil)))
	return m
}

// IncompleteType is binascii.Incomplete.
var IncompleteType = runtime.NewType("Incomplete", runtime.ExceptionType)

// loadBinascii builds the binascii module (binascii.go has its functions).
func loadBinascii(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("binascii")
	m.Set("Error", runtime.Obj(ErrorType))
	m.Set("Incomplete", runtime.Obj(IncompleteType))
	for name, f := range binasciiFuncs() {
		m.Set(name, runtime.NewBuiltin(name, func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return f(th, args, kw)
		}))
	}
	return m
}

// fail returns a binascii.Error with msg.
func fail(format string, a ...any) error { return runtime.Errorf(ErrorType, format, a...) }

// encodeInput reads the data to encode, which must be bytes-like; the
// result is a copy.
func encodeInput(th *runtime.Thread, v runtime.Value) ([]byte, error) {
	b, ok, err := bufarg.Bytes(th, v)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, runtime.Errorf(runtime.TypeError, "a bytes-like object is required, not '%s'", v.Type().Name)
	}
	if err := th.Alloc(int64(len(b)) * 2); err != nil {
		return nil, err
	}
	if err := th.Work(int64(len(b) / 64)); err != nil {
		return nil, err
	}
	return append([]byte(nil), b...), nil
}

// decodeInput reads the data to decode: bytes-like, or a str of ASCII
// characters only.
func decodeInput(th *runtime.Thread, v runtime.Value) ([]byte, error) {
	if s, ok := runtime.As[*runtime.StrObj](v); ok {
		for i := 0; i < len(s.S); i++ {
			if s.S[i] >= 0x80 {
				return nil, runtime.Errorf(runtime.ValueError, "string argument should contain only ASCII characters")
			}
		}
		return []byte(s.S), nil
	}
	b, ok, err := bufarg.Bytes(th, v)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, runtime.Errorf(runtime.TypeError, "argument should be a bytes-like object or ASCII string, not '%s'", v.Type().Name)
	}
	if err := th.Work(int64(len(b) / 64)); err != nil {
		return nil, err
	}
	return append([]byte(nil), b...), nil
}

// altChars reads b64encode/b64decode's altchars argument, two bytes that
// stand for '+' and '/'.
func altChars(th *runtime.Thread, v runtime.Value, decoding bool) ([]byte, error) {
	if !v.IsValid() || v.IsNone() {
		return nil, nil
	}
	var b []byte
	var err error
	if decoding {
		b, err = decodeInput(th, v)
	} else {
		b, err = encodeInput(th, v)
	}
	if err != nil {
		return nil, err
	}
	if len(b) != 2 {
		return nil, runtime.Errorf(runtime.AssertionError, "%s", runtime.BytesRepr(b))
	}
	return b, nil
}

// translate replaces the bytes from[0], from[1] by to[0], to[1] in b.
func translate(b []byte, from, to string) {
	for i, c := range b {
		if c == from[0] {
			b[i] = to[0]
		} else if c == from[1] {
			b[i] = to[1]
		}
	}
}

func b64encode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s, alt runtime.Value
	if err := runtime.UnpackArgs("b64encode", args, kw, "s", &s, "altchars?", &alt); err != nil {
		return runtime.Value{}, err
	}
	return encode64(th, s, alt)
}

func encode64(th *runtime.Thread, s, alt runtime.Value) (runtime.Value, error) {
	b, err := encodeInput(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	a, err := altChars(th, alt, false)
	if err != nil {
		return runtime.Value{}, err
	}
	out := make([]byte, base64.StdEncoding.EncodedLen(len(b)))
	base64.StdEncoding.Encode(out, b)
	if a != nil {
		translate(out, "+/", string(a))
	}
	return runtime.NewBytes(out), nil
}

func b64decode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s, alt runtime.Value
	var validate bool
	if err := runtime.UnpackArgs("b64decode", args, kw, "s", &s, "altchars?", &alt, "validate?", &validate); err != nil {
		return runtime.Value{}, err
	}
	return decode64(th, s, alt, validate)
}

func decode64(th *runtime.Thread, s, alt runtime.Value, strict bool) (runtime.Value, error) {
	b, err := decodeInput(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	a, err := altChars(th, alt, true)
	if err != nil {
		return runtime.Value{}, err
	}
	if a != nil {
		translate(b, string(a), "+/")
	}
	out, err := a2bBase64(b, strict)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.NewBytes(out), nil
}

// b64value maps a Base64 character to its 6 bits, or 0xff.
var b64value = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = byte(i)
	}
	return
}()

// a2bBase64 decodes Base64 as binascii.a2b_base64 does: leniently
// (other characters skipped, decoding stops once padding completes a
// group) or, when strict, refusing anything but well-formed data.
func a2bBase64(b []byte, strict bool) ([]byte, error) {
	out := make([]byte, 0, len(b)/4*3+3)
	var acc uint32
	quad, pads, data := 0, 0, 0
	padding := false
	for i, c := range b {
		if c == '=' {
			padding = true
			if strict && i == 0 {
				return nil, fail("Leading padding not allowed")
			}
			pads++
			if quad >= 2 && quad+pads >= 4 {
				if strict && i+1 < len(b) {
					return nil, fail("Excess data after padding")
				}
				// The padding closes a partial group: 12 or 18 bits.
				if quad == 2 {
					out = append(out, byte(acc>>4))
				} else {
					out = append(out, byte(acc>>10), byte(acc>>2))
				}
				quad = 0
				break
			}
			continue
		}
		v := b64value[c]
		if v == 0xff {
			if strict {
				return nil, fail("Only base64 data is allowed")
			}
			continue
		}
		if strict && padding {
			return nil, fail("Discontinuous padding not allowed")
		}
		pads = 0
		data++
		acc = acc<<6 | uint32(v)
		quad++
		if quad == 4 {
			out = append(out, byte(acc>>16), byte(acc>>8), byte(acc))
			quad, acc = 0, 0
		}
	}
	switch quad {
	case 0:
	case 1:
		return nil, fail("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4", data)
	default:
		return nil, fail("Incorrect padding")
	}
	return out, nil
}

func standardEncode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	if err := runtime.UnpackArgs("standard_b64encode", args, kw, "s", &s); err != nil {
		return runtime.Value{}, err
	}
	return encode64(th, s, runtime.Value{})
}

func standardDecode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	if err := runtime.UnpackArgs("standard_b64decode", args, kw, "s", &s); err != nil {
		return runtime.Value{}, err
	}
	return decode64(th, s, runtime.Value{}, false)
}

func urlsafeEncode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	if err := runtime.UnpackArgs("urlsafe_b64encode", args, kw, "s", &s); err != nil {
		return runtime.Value{}, err
	}
	return encode64(th, s, runtime.NewBytes([]byte("-_")))
}

func urlsafeDecode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	if err := runtime.UnpackArgs("urlsafe_b64decode", args, kw, "s", &s); err != nil {
		return runtime.Value{}, err
	}
	return decode64(th, s, runtime.NewBytes([]byte("-_")), false)
}

// encodeBytes is encodebytes: Base64 in lines of 76 characters, each
// ending in a newline.
func encodeBytes(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	if err := runtime.UnpackArgs("encodebytes", args, kw, "s", &s); err != nil {
		return runtime.Value{}, err
	}
	b, err := encodeInput(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	var out []byte
	const perLine = 57 // input bytes per 76-character line
	for i := 0; i < len(b); i += perLine {
		chunk := b[i:min(i+perLine, len(b))]
		out = base64.StdEncoding.AppendEncode(out, chunk)
		out = append(out, '\n')
	}
	return runtime.NewBytes(out), nil
}

func decodeBytes(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	if err := runtime.UnpackArgs("decodebytes", args, kw, "s", &s); err != nil {
		return runtime.Value{}, err
	}
	b, ok, err := bufarg.Bytes(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "expected bytes-like object, not %s", s.Type().Name)
	}
	out, err := a2bBase64(b, false)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.NewBytes(out), nil
}

func b16encode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	if err := runtime.UnpackArgs("b16encode", args, kw, "s", &s); err != nil {
		return runtime.Value{}, err
	}
	b, err := encodeInput(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	out := make([]byte, hex.EncodedLen(len(b)))
	hex.Encode(out, b)
	for i, c := range out {
		if c >= 'a' {
			out[i] = c - 32
		}
	}
	return runtime.NewBytes(out), nil
}

func b16decode(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	var casefold bool
	if err := runtime.UnpackArgs("b16decode", args, kw, "s", &s, "casefold?", &casefold); err != nil {
		return runtime.Value{}, err
	}
	b, err := decodeInput(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	for i, c := range b {
		if casefold && c >= 'a' && c <= 'z' {
			c -= 32
			b[i] = c
		}
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'F') {
			return runtime.Value{}, fail("Non-base16 digit found")
		}
	}
	if len(b)%2 != 0 {
		return runtime.Value{}, fail("Odd-length string")
	}
	out := make([]byte, len(b)/2)
	if _, err := hex.Decode(out, b); err != nil {
		return runtime.Value{}, fail("Non-base16 digit found")
	}
	return runtime.NewBytes(out), nil
}
