package runtime

// This file builds new strs whose bytes live in the same allocation as
// their header, so that a short string made here costs one heap object
// instead of two (header plus bytes), and the bytes sit next to the
// header when a dict compares keys.

import (
	"strconv"
	"strings"
	"unsafe"
)

// Headers with inline buffers, one per size class from 48 to 256 bytes
// (the 32-byte StrObj plus the buffer fills each class exactly).
type (
	strObj16 struct {
		StrObj
		buf [16]byte
	}
	strObj32 struct {
		StrObj
		buf [32]byte
	}
	strObj48 struct {
		StrObj
		buf [48]byte
	}
	strObj64 struct {
		StrObj
		buf [64]byte
	}
	strObj80 struct {
		StrObj
		buf [80]byte
	}
	strObj96 struct {
		StrObj
		buf [96]byte
	}
	strObj128 struct {
		StrObj
		buf [128]byte
	}
	strObj160 struct {
		StrObj
		buf [160]byte
	}
	strObj224 struct {
		StrObj
		buf [224]byte
	}
)

// newStrBuf returns a new str of n bytes and the bytes for the caller to
// fill in before the str is used; they must not change afterwards, as S
// is a string over them. Strings of up to 224 bytes share one allocation
// with the header.
func newStrBuf(n int) (*StrObj, []byte) {
	var o *StrObj
	var b []byte
	switch {
	case n <= 0:
		return new(StrObj), nil
	case n <= 16:
		p := new(strObj16)
		o, b = &p.StrObj, p.buf[:n]
	case n <= 32:
		p := new(strObj32)
		o, b = &p.StrObj, p.buf[:n]
	case n <= 48:
		p := new(strObj48)
		o, b = &p.StrObj, p.buf[:n]
	case n <= 64:
		p := new(strObj64)
		o, b = &p.StrObj, p.buf[:n]
	case n <= 80:
		p := new(strObj80)
		o, b = &p.StrObj, p.buf[:n]
	case n <= 96:
		p := new(strObj96)
		o, b = &p.StrObj, p.buf[:n]
	case n <= 128:
		p := new(strObj128)
		o, b = &p.StrObj, p.buf[:n]
	case n <= 160:
		p := new(strObj160)
		o, b = &p.StrObj, p.buf[:n]
	case n <= 224:
		p := new(strObj224)
		o, b = &p.StrObj, p.buf[:n]
	default:
		o, b = new(StrObj), make([]byte, n)
	}
	o.S = unsafe.String(&b[0], n)
	return o, b
}

// StrFromInt is str(x) for an int x that fits in 64 bits: the VM calls it
// directly for str(i), the common case of the str type's call.
func StrFromInt(x int64) Value {
	if x >= 0 && x < 10 {
		return Value{obj: &strSmall['0'+x]}
	}
	var buf [20]byte
	d := strconv.AppendInt(buf[:0], x, 10)
	o, b := newStrBuf(len(d))
	copy(b, d)
	o.meta = strASCIIKnown | strASCII
	return Obj(o)
}

// ConcatStr returns a + b. The result is built in place in a new str
// (one allocation when short) and, when both operands are known to be
// ASCII, is known ASCII without a scan. An empty operand returns the
// other one, as CPython does.
func ConcatStr(a, b *StrObj) Value {
	switch {
	case len(a.S) == 0:
		return Obj(b)
	case len(b.S) == 0:
		return Obj(a)
	}
	o, buf := newStrBuf(len(a.S) + len(b.S))
	copy(buf[copy(buf, a.S):], b.S)
	if a.knownASCII() && b.knownASCII() {
		o.meta = strASCIIKnown | strASCII
	}
	return Obj(o)
}

// ConcatStrs returns the concatenation of parts, which must all be strs
// (an f-string's pieces), built as ConcatStr builds its result.
func ConcatStrs(parts []Value) Value {
	n := 0
	ascii := true
	for _, v := range parts {
		s := v.obj.(*StrObj)
		n += len(s.S)
		ascii = ascii && s.knownASCII()
	}
	switch len(parts) {
	case 0:
		return Str("")
	case 1:
		return parts[0]
	}
	o, buf := newStrBuf(n)
	k := 0
	for _, v := range parts {
		k += copy(buf[k:], v.obj.(*StrObj).S)
	}
	if ascii {
		o.meta = strASCIIKnown | strASCII
	}
	return Obj(o)
}

// joinStrs is sep.join(items) for items already checked to be strs whose
// lengths, with the separators, add up to size bytes.
func joinStrs(sep *StrObj, items []Value, size int) Value {
	ascii := sep.knownASCII()
	for _, it := range items {
		ascii = ascii && it.obj.(*StrObj).knownASCII()
	}
	var o *StrObj
	if size <= 224 {
		var b []byte
		o, b = newStrBuf(size)
		k := 0
		for i, it := range items {
			if i > 0 {
				k += copy(b[k:], sep.S)
			}
			k += copy(b[k:], it.obj.(*StrObj).S)
		}
	} else {
		// A Builder grown to size allocates exactly once and skips
		// zeroing the bytes it is about to overwrite.
		var b strings.Builder
		b.Grow(size)
		for i, it := range items {
			if i > 0 {
				b.WriteString(sep.S)
			}
			b.WriteString(it.obj.(*StrObj).S)
		}
		o = &StrObj{S: b.String()}
	}
	if ascii {
		o.meta = strASCIIKnown | strASCII
	}
	return Obj(o)
}
