package base64

// This file holds binascii's conversions between binary data and ASCII:
// hex with optional separators, Base64 lines, and the CRC-32 and
// CRC-CCITT checksums.

import (
	"encoding/base64"
	"encoding/hex"
	"hash/crc32"

	"github.com/aio-lang/aio/runtime"
)

// binasciiFuncs are binascii's functions by name.
func binasciiFuncs() map[string]fn {
	return map[string]fn{
		"hexlify": hexlify, "b2a_hex": hexlify,
		"unhexlify": unhexlify, "a2b_hex": unhexlify,
		"crc32": crc32Func, "crc_hqx": crcHqx,
		"b2a_base64": b2aBase64, "a2b_base64": a2bBase64Func,
	}
}

// hexlify is hexlify(data, sep=None, bytes_per_sep=1): bytes.hex's rule
// for separators (groups counted from the right when bytes_per_sep is
// positive), as bytes.
func hexlify(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var data, sep runtime.Value
	per := int64(1)
	if err := runtime.UnpackArgs("hexlify", args, kw, "data", &data, "sep?", &sep, "bytes_per_sep?", &per); err != nil {
		return runtime.Value{}, err
	}
	b, err := encodeInput(th, data)
	if err != nil {
		return runtime.Value{}, err
	}
	digits := []byte(hex.EncodeToString(b))
	if !sep.IsValid() || sep.IsNone() || per == 0 || len(b) == 0 {
		return runtime.NewBytes(digits), nil
	}
	var mark []byte
	if s, ok := runtime.As[*runtime.StrObj](sep); ok {
		mark = []byte(s.S)
	} else if mark, err = decodeInput(th, sep); err != nil {
		return runtime.Value{}, err
	}
	if len(mark) != 1 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "sep must be length 1.")
	}
	group := per
	if group < 0 {
		group = -group
	}
	var out []byte
	n := int64(len(b))
	for i := int64(0); i < n; i++ {
		// A separator goes before byte i when a group boundary falls there,
		// counted from the end (per > 0) or from the start (per < 0).
		if i > 0 && ((per > 0 && (n-i)%group == 0) || (per < 0 && i%group == 0)) {
			out = append(out, mark[0])
		}
		out = append(out, digits[2*i], digits[2*i+1])
	}
	return runtime.NewBytes(out), nil
}

// unhexlify is unhexlify(hexstr): two hex digits per byte, nothing else.
func unhexlify(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s runtime.Value
	if err := runtime.UnpackArgs("unhexlify", args, kw, "hexstr", &s); err != nil {
		return runtime.Value{}, err
	}
	b, err := decodeInput(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(b)%2 != 0 {
		return runtime.Value{}, fail("Odd-length string")
	}
	out := make([]byte, len(b)/2)
	if _, err := hex.Decode(out, b); err != nil {
		return runtime.Value{}, fail("Non-hexadecimal digit found")
	}
	return runtime.NewBytes(out), nil
}

// crc32Func is crc32(data, crc=0): the CRC-32 of zlib and PNG, continuing
// from crc.
func crc32Func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var data, start runtime.Value
	if err := runtime.UnpackArgs("crc32", args, kw, "data", &data, "crc?", &start); err != nil {
		return runtime.Value{}, err
	}
	b, err := encodeInput(th, data)
	if err != nil {
		return runtime.Value{}, err
	}
	var from uint32
	if start.IsValid() {
		if from, err = low32(th, start); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.Int(int64(crc32.Update(from, crc32.IEEETable, b))), nil
}

// crcHqx is crc_hqx(data, value): CRC-CCITT (polynomial 0x1021, no
// reflection), continuing from value.
func crcHqx(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var data, start runtime.Value
	if err := runtime.UnpackArgs("crc_hqx", args, kw, "data", &data, "crc", &start); err != nil {
		return runtime.Value{}, err
	}
	b, err := encodeInput(th, data)
	if err != nil {
		return runtime.Value{}, err
	}
	v, err := low32(th, start)
	if err != nil {
		return runtime.Value{}, err
	}
	crc := uint16(v)
	for _, c := range b {
		crc ^= uint16(c) << 8
		for bit := 0; bit < 8; bit++ {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return runtime.Int(int64(crc)), nil
}

// low32 reads an int argument modulo 2**32, as the CRC functions do.
func low32(th *runtime.Thread, v runtime.Value) (uint32, error) {
	i, err := runtime.ToIndex(th, v)
	if err != nil {
		return 0, err
	}
	r, err := runtime.Binary(th, runtime.OpAnd, i, runtime.Int(0xFFFFFFFF))
	if err != nil {
		return 0, err
	}
	n, _ := runtime.AsInt64(r)
	return uint32(n), nil
}

// b2aBase64 is b2a_base64(data, *, newline=True).
func b2aBase64(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var data runtime.Value
	newline := true
	if err := runtime.UnpackArgs("b2a_base64", args, kw, "data", &data, "$newline?", &newline); err != nil {
		return runtime.Value{}, err
	}
	b, err := encodeInput(th, data)
	if err != nil {
		return runtime.Value{}, err
	}
	out := []byte(base64.StdEncoding.EncodeToString(b))
	if newline {
		out = append(out, '\n')
	}
	return runtime.NewBytes(out), nil
}

// a2bBase64Func is a2b_base64(data, *, strict_mode=False).
func a2bBase64Func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var data runtime.Value
	strict := false
	if err := runtime.UnpackArgs("a2b_base64", args, kw, "data", &data, "$strict_mode?", &strict); err != nil {
		return runtime.Value{}, err
	}
	b, err := decodeInput(th, data)
	if err != nil {
		return runtime.Value{}, err
	}
	out, err := a2bBase64(b, strict)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.NewBytes(out), nil
}
