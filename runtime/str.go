package runtime

// This file defines the str type's representation: an immutable Go
// string (UTF-8) indexed by code point. ASCII strings index bytes
// directly; other strings decode to runes once, on first indexing.
//
// A str is the most common heap object, so its header is kept to 24
// bytes: the hash and the flags share one word, and the rune cache, which
// only non-ASCII strings ever fill in, is not in the header but in a word
// after it (strRunes) in the allocations of strs that may need one.
// Strings built here rather than received ready-made (str(int),
// concatenation, join, repetition) put their bytes in the same allocation
// as the header (str_alloc.go), so an ASCII string of up to 8 bytes takes
// 32 bytes in all.

import (
	"hash/maphash"
	"unicode/utf8"
	"unsafe"
)

// StrObj is a str value. Its bytes must never change once it is built,
// and it is never copied: it may be the head of a bigger allocation
// (strRunes, or a header with its bytes after it).
type StrObj struct {
	S    string
	meta uint64 // strHashed, strASCIIKnown, strASCII, strRunesSlot, strGrowSlot flags and the hash
}

// strRunes is the allocation of a str that has a rune cache: a str
// whose meta has strRunesSlot is always the StrObj of a strRunes.
type strRunes struct {
	StrObj
	runes *[]rune // decoded lazily for non-ASCII indexing
}

// Bits of StrObj.meta. The hash occupies the low bits so that it keeps
// maphash's well-mixed low bits, which dict and set tables index by.
const (
	strHashed     = 1 << 63
	strASCIIKnown = 1 << 62
	strASCII      = 1 << 61
	strRunesSlot  = 1 << 60
	strHashMask   = strGrowSlot - 1 // strGrowSlot (str_grow.go) is bit 59
)

// Type returns StrType.
func (*StrObj) Type() *Type { return StrType }

// Str makes a str value. The empty string and one-character ASCII
// strings are shared singletons (as CPython's are), which saves an
// allocation when iterating over or indexing a string.
func Str(s string) Value {
	if len(s) <= 1 {
		if len(s) == 0 {
			return Value{obj: &strSmall[128]}
		}
		if c := s[0]; c < utf8.RuneSelf {
			return Value{obj: &strSmall[c]}
		}
	}
	return Value{obj: newStr(s)}
}

// newStr returns a new str over s, with room for a rune cache as s may
// not be ASCII.
func newStr(s string) *StrObj {
	r := &strRunes{StrObj: StrObj{S: s, meta: strRunesSlot}}
	return &r.StrObj
}

// strSmall holds the one-character ASCII strs, indexed by their byte,
// and the empty str at index 128.
var strSmall = func() (t [129]StrObj) {
	for i := range t[:128] {
		t[i].S = string(rune(i))
	}
	// The hashes are computed now so that these shared objects are
	// never written to, even by goroutines running separate interpreters.
	for i := range t {
		t[i].meta = strASCIIKnown | strASCII
		t[i].Hash()
	}
	return
}()

// isASCII reports whether s has only ASCII characters (cached).
func (s *StrObj) isASCII() bool {
	m := s.meta
	if m&strASCIIKnown == 0 {
		m |= strASCIIKnown
		if asciiString(s.S) {
			m |= strASCII
		}
		s.meta |= m
	}
	return m&strASCII != 0
}

// knownASCII reports whether s is already known to be ASCII, without
// scanning it.
func (s *StrObj) knownASCII() bool { return s.meta&strASCII != 0 }

// asciiString reports whether b has only ASCII bytes, eight at a time.
func asciiString(b string) bool {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := uint64(b[i]) | uint64(b[i+1])<<8 | uint64(b[i+2])<<16 | uint64(b[i+3])<<24 |
			uint64(b[i+4])<<32 | uint64(b[i+5])<<40 | uint64(b[i+6])<<48 | uint64(b[i+7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Len returns the length in code points.
func (s *StrObj) Len() int {
	if s.isASCII() {
		return len(s.S)
	}
	return len(s.Runes())
}

// Runes returns the code points of s, cached for a non-ASCII str in its
// strRunes (an ASCII str indexes its bytes, so only rare callers get here
// for one, and they get a fresh slice).
func (s *StrObj) Runes() []rune {
	if s.meta&strRunesSlot == 0 || s.isASCII() {
		return []rune(s.S)
	}
	// The flag says s is the head of a strRunes (see newStr, newStrBuf).
	c := (*strRunes)(unsafe.Pointer(s))
	if c.runes == nil {
		r := []rune(s.S)
		c.runes = &r
	}
	return *c.runes
}

// At returns the i'th code point as a one-character string (0 <= i < Len).
func (s *StrObj) At(i int) string {
	if s.isASCII() {
		return s.S[i : i+1]
	}
	return string(s.Runes()[i])
}

// Substr returns code points [i, j) (0 <= i <= j <= Len).
func (s *StrObj) Substr(i, j int) string {
	if s.isASCII() {
		return s.S[i:j]
	}
	return string(s.Runes()[i:j])
}

var strSeed = maphash.MakeSeed()

// Hash returns the string's hash (cached). It is never negative, so never
// the -1 that CPython reserves for errors.
func (s *StrObj) Hash() int64 {
	m := s.meta
	if m&strHashed == 0 {
		h := maphash.String(strSeed, s.S) & strHashMask
		s.meta = m&^strHashMask | strHashed | h
		return int64(h)
	}
	return int64(m & strHashMask)
}

func repeatStr(s *StrObj, n int64) (Value, error) {
	if n <= 0 || len(s.S) == 0 {
		return Str(""), nil
	}
	if n == 1 {
		return Obj(s), nil
	}
	if int64(len(s.S))*n > maxAlloc {
		return Value{}, Errorf(MemoryError, "")
	}
	o, b := newStrBuf(len(s.S)*int(n), s.knownASCII())
	// Doubling copies: each copy reads bytes already written.
	k := copy(b, s.S)
	for k < len(b) {
		k += copy(b[k:], b[:k])
	}
	return Obj(o), nil
}

// repeatStrCharged is repeatStr charging the result to th's budgets: a
// large result is copied a chunk at a time, so that a stop interrupts it.
func (th *Thread) repeatStrCharged(s *StrObj, n int64) (Value, error) {
	total := int64(len(s.S)) * max(n, 0)
	if total < abandonBytes || n == 1 {
		return repeatStr(s, n)
	}
	if total > maxAlloc {
		return Value{}, NewException(MemoryError)
	}
	if err := th.Alloc(total); err != nil {
		return Value{}, err
	}
	o, b := newStrBuf(int(total), s.knownASCII())
	k := copy(b, s.S)
	m := workMeter{th: th}
	for k < len(b) {
		c := min(k, len(b)-k, copyChunk)
		k += copy(b[k:k+c], b[:c])
		if err := m.add(bytesWork(int64(c))); err != nil {
			return Value{}, err
		}
	}
	return Obj(o), nil
}

// maxAlloc bounds single allocations made on a script's behalf, so that
// `"x" * 10**12` raises MemoryError instead of crashing the host.
var maxAlloc int64 = 1 << 32
