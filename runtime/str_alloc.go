package runtime

// This file builds new strs whose bytes live in the same allocation as
// their header, so that a short string made here costs one heap object
// instead of two (header plus bytes), and the bytes sit next to the
// header when a dict compares keys.

import (
	"strings"
	"unsafe"
)

// Allocations with a rune cache slot and an inline buffer, for strs that
// may not be ASCII, one per size class from 48 to 256 bytes (the 32-byte
// strRunes plus the buffer fills each class exactly).
type (
	strObj16 struct {
		strRunes
		buf [16]byte
	}
	strObj32 struct {
		strRunes
		buf [32]byte
	}
	strObj48 struct {
		strRunes
		buf [48]byte
	}
	strObj64 struct {
		strRunes
		buf [64]byte
	}
	strObj80 struct {
		strRunes
		buf [80]byte
	}
	strObj96 struct {
		strRunes
		buf [96]byte
	}
	strObj128 struct {
		strRunes
		buf [128]byte
	}
	strObj160 struct {
		strRunes
		buf [160]byte
	}
	strObj224 struct {
		strRunes
		buf [224]byte
	}
)

// maxInlineASCII is the longest ASCII str whose bytes share the header's
// allocation: the 24-byte StrObj and the bytes fill the 256-byte class.
const maxInlineASCII = 256 - int(unsafe.Sizeof(StrObj{}))

// newStrBuf returns a new str of n bytes and the bytes for the caller to
// fill in before the str is used; they must not change afterwards, as S
// is a string over them. Short strings share one allocation with the
// header. ascii says the caller will fill in only ASCII bytes: the str
// is then marked known ASCII and has no rune cache (an ASCII str needs
// none); otherwise it gets one (strRunes).
//
// A short ASCII str is allocated as pointer-free memory, which the
// collector neither has to describe on allocation nor scan: its only
// pointer field is S, which points into the same allocation, so it keeps
// nothing else alive. Strings taken from S point into the allocation and
// keep it alive as any interior pointer does.
func newStrBuf(n int, ascii bool) (*StrObj, []byte) {
	if n <= 0 {
		return new(StrObj), nil
	}
	if ascii {
		var o *StrObj
		var b []byte
		if n <= maxInlineASCII {
			o, b = newASCIIStrBuf(n)
		} else {
			o, b = new(StrObj), make([]byte, n)
		}
		o.S = unsafe.String(&b[0], n)
		o.meta = strASCIIKnown | strASCII
		return o, b
	}
	var r *strRunes
	var b []byte
	switch {
	case n <= 16:
		p := new(strObj16)
		r, b = &p.strRunes, p.buf[:n]
	case n <= 32:
		p := new(strObj32)
		r, b = &p.strRunes, p.buf[:n]
	case n <= 48:
		p := new(strObj48)
		r, b = &p.strRunes, p.buf[:n]
	case n <= 64:
		p := new(strObj64)
		r, b = &p.strRunes, p.buf[:n]
	case n <= 80:
		p := new(strObj80)
		r, b = &p.strRunes, p.buf[:n]
	case n <= 96:
		p := new(strObj96)
		r, b = &p.strRunes, p.buf[:n]
	case n <= 128:
		p := new(strObj128)
		r, b = &p.strRunes, p.buf[:n]
	case n <= 160:
		p := new(strObj160)
		r, b = &p.strRunes, p.buf[:n]
	case n <= 224:
		p := new(strObj224)
		r, b = &p.strRunes, p.buf[:n]
	default:
		r, b = new(strRunes), make([]byte, n)
	}
	r.S = unsafe.String(&b[0], n)
	r.meta = strRunesSlot
	return &r.StrObj, b
}

// newASCIIStrBuf is newStrBuf's pointer-free allocation, for
// 0 < n <= maxInlineASCII.
func newASCIIStrBuf(n int) (*StrObj, []byte) {
	switch {
	case n <= 8:
		return strInWords[[32 / 8]uint64](n)
	case n <= 24:
		return strInWords[[48 / 8]uint64](n)
	case n <= 40:
		return strInWords[[64 / 8]uint64](n)
	case n <= 56:
		return strInWords[[80 / 8]uint64](n)
	case n <= 72:
		return strInWords[[96 / 8]uint64](n)
	case n <= 88:
		return strInWords[[112 / 8]uint64](n)
	case n <= 104:
		return strInWords[[128 / 8]uint64](n)
	case n <= 136:
		return strInWords[[160 / 8]uint64](n)
	case n <= 168:
		return strInWords[[192 / 8]uint64](n)
	default:
		return strInWords[[256 / 8]uint64](n)
	}
}

// strInWords lays a str header and its n bytes over a new W, an array of
// words at least 24+n bytes long.
func strInWords[W any](n int) (*StrObj, []byte) {
	p := unsafe.Pointer(new(W))
	return (*StrObj)(p), unsafe.Slice((*byte)(unsafe.Add(p, unsafe.Sizeof(StrObj{}))), n)
}

// StrFromInt is str(x) for an int x that fits in 64 bits: the VM calls it
// directly for str(i), the common case of the str type's call.
func StrFromInt(x int64) Value {
	if x >= 0 && x < 10 {
		return Value{obj: &strSmall['0'+x]}
	}
	u := uint64(x)
	if x < 0 {
		u = -u
	}
	n := decimalLen(u)
	if x < 0 {
		n++
	}
	// The digits go straight into the new str, two at a time, from the
	// end: no intermediate buffer to copy.
	o, b := newStrBuf(n, true)
	i := n
	for u >= 100 {
		q := u / 100
		j := (u - q*100) * 2
		i -= 2
		b[i], b[i+1] = digitPairs[j], digitPairs[j+1]
		u = q
	}
	if u >= 10 {
		i -= 2
		b[i], b[i+1] = digitPairs[u*2], digitPairs[u*2+1]
	} else {
		i--
		b[i] = byte('0' + u)
	}
	if x < 0 {
		b[0] = '-'
	}
	return Obj(o)
}

const digitPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// decimalLen returns the number of decimal digits of u.
func decimalLen(u uint64) int {
	n := 1
	for ; u >= 10000; u /= 10000 {
		n += 4
	}
	for ; u >= 10; u /= 10 {
		n++
	}
	return n
}

// ConcatStr returns a + b. The result is built in place in a new str
// (one allocation when short) and its ASCII flag is known: the operands
// are checked for ASCII (each at most once in its life, as the answer is
// cached), which costs no more than copying them, so that an ASCII
// result gets the pointer-free allocation and a chain of concatenations
// never rescans. An empty operand returns the other one, as CPython does.
func ConcatStr(a, b *StrObj) Value {
	switch {
	case len(a.S) == 0:
		return Obj(b)
	case len(b.S) == 0:
		return Obj(a)
	}
	ascii := a.isASCII() && b.isASCII()
	if len(a.S)+len(b.S) >= minGrowStr {
		return concatGrowing(a, b, ascii)
	}
	o, buf := newStrBuf(len(a.S)+len(b.S), ascii)
	copy(buf[copy(buf, a.S):], b.S)
	if !ascii {
		o.meta |= strASCIIKnown
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
	o, buf := newStrBuf(n, ascii)
	k := 0
	for _, v := range parts {
		k += copy(buf[k:], v.obj.(*StrObj).S)
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
		o, b = newStrBuf(size, ascii)
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
		o = newStr(b.String())
	}
	if ascii {
		o.meta |= strASCIIKnown | strASCII
	}
	return Obj(o)
}
