package runtime

// This file makes `s += piece` (and `s = s + piece`) linear rather than
// quadratic in a loop, without reference counts. A long str made by
// concatenation may own a growable buffer (strTail): its bytes are the
// buffer's first len(S) bytes. Concatenating onto such a str when it ends
// exactly where the buffer's used part ends writes the new bytes into the
// spare capacity after it and returns a new header over the longer prefix.
// No existing str sees those bytes (every str over the buffer ends at or
// before the used mark, which only moves forward), so strs stay immutable;
// the old str keeps its length and remains valid. Concatenating onto a
// prefix that is no longer the last (the buffer was appended to after it)
// copies, as any other concatenation does.
//
// A str first gets a buffer of exactly its size when a concatenation makes
// it longer than the inline limit; only when it is appended to does its
// successor get spare room (half its length again), so a one-off big
// concatenation costs no extra memory and a loop pays an amortized
// constant per byte.

import (
	"sync/atomic"
	"unsafe"
)

// strGrowSlot marks a StrObj that is the head of a strGrowing.
const strGrowSlot = 1 << 59

// strTail is the growable buffer behind strGrowing strs.
type strTail struct {
	used atomic.Int64 // bytes of data handed out to strs so far
	data []byte       // len(data) is the capacity; never reallocated
}

// strGrowing is a str whose bytes are the prefix of tail.data. It embeds
// strRunes so that non-ASCII ones keep their rune cache.
type strGrowing struct {
	strRunes
	tail *strTail
}

// minGrowStr is the result length from which concatenation builds
// growable strs: shorter ones fit the inline allocations of newStrBuf,
// which are cheaper to copy than to share.
const minGrowStr = maxInlineASCII + 1

// concatGrowing returns a + b (both non-empty, their total at least
// minGrowStr), appending in place when a owns the end of its buffer.
func concatGrowing(a, b *StrObj, ascii bool) Value {
	n := len(a.S) + len(b.S)
	if a.meta&strGrowSlot != 0 {
		t := (*strGrowing)(unsafe.Pointer(a)).tail
		end := int64(len(a.S))
		if n <= len(t.data) && t.used.CompareAndSwap(end, int64(n)) {
			copy(t.data[end:n], b.S)
			return Obj(newGrowingStr(t, n, ascii))
		}
		// a's successor gets room to grow: a is being appended to.
		data := make([]byte, n+n/2)
		copy(data[copy(data, a.S):], b.S)
		return Obj(newGrowingStr(newStrTail(data, n), n, ascii))
	}
	data := make([]byte, n)
	copy(data[copy(data, a.S):], b.S)
	return Obj(newGrowingStr(newStrTail(data, n), n, ascii))
}

// newStrTail returns a buffer over data whose first used bytes are taken.
func newStrTail(data []byte, used int) *strTail {
	t := &strTail{data: data}
	t.used.Store(int64(used))
	return t
}

// newGrowingStr returns a str over the first n bytes of t.
func newGrowingStr(t *strTail, n int, ascii bool) *StrObj {
	g := &strGrowing{tail: t}
	g.S = unsafe.String(&t.data[0], n)
	g.meta = strRunesSlot | strGrowSlot | strASCIIKnown
	if ascii {
		g.meta |= strASCII
	}
	return &g.StrObj
}

// growFootprint is what a growing str adds to its StrObj footprint: its
// tail pointer, and the buffer's spare capacity when it is the str that
// owns the end of the buffer (the one a loop keeps appending to).
func (s *StrObj) growFootprint() int64 {
	t := (*strGrowing)(unsafe.Pointer(s)).tail
	n := int64(unsafe.Sizeof(t)) + int64(unsafe.Sizeof(*t))
	if t.used.Load() == int64(len(s.S)) {
		n += int64(len(t.data) - len(s.S))
	}
	return n
}
