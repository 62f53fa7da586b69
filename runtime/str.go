package runtime

// This file defines the str type's representation: an immutable Go
// string (UTF-8) indexed by code point. ASCII strings index bytes
// directly; other strings decode to runes once, on first indexing.

import (
	"hash/maphash"
	"unicode/utf8"
)

// StrObj is a str value.
type StrObj struct {
	S      string
	runes  []rune // decoded lazily for non-ASCII indexing
	ascii  int8   // 0 unknown, 1 ASCII, -1 not ASCII
	hash   int64
	hashed bool
}

// Type returns StrType.
func (*StrObj) Type() *Type { return StrType }

// Str makes a str value.
func Str(s string) Value { return Value{obj: &StrObj{S: s}} }

// isASCII reports whether s has only ASCII characters (cached).
func (s *StrObj) isASCII() bool {
	if s.ascii == 0 {
		s.ascii = 1
		for i := 0; i < len(s.S); i++ {
			if s.S[i] >= utf8.RuneSelf {
				s.ascii = -1
				break
			}
		}
	}
	return s.ascii == 1
}

// Len returns the length in code points.
func (s *StrObj) Len() int {
	if s.isASCII() {
		return len(s.S)
	}
	return len(s.Runes())
}

// Runes returns the code points of s.
func (s *StrObj) Runes() []rune {
	if s.runes == nil {
		s.runes = []rune(s.S)
	}
	return s.runes
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

// Hash returns the string's hash (cached).
func (s *StrObj) Hash() int64 {
	if !s.hashed {
		s.hash = int64(maphash.String(strSeed, s.S))
		if s.hash == -1 {
			s.hash = -2
		}
		s.hashed = true
	}
	return s.hash
}

func repeatStr(s *StrObj, n int64) (Value, error) {
	if n <= 0 || len(s.S) == 0 {
		return Str(""), nil
	}
	if int64(len(s.S))*n > maxAlloc {
		return Value{}, Errorf(MemoryError, "")
	}
	b := make([]byte, 0, int64(len(s.S))*n)
	for i := int64(0); i < n; i++ {
		b = append(b, s.S...)
	}
	return Str(string(b)), nil
}

// maxAlloc bounds single allocations made on a script's behalf, so that
// `"x" * 10**12` raises MemoryError instead of crashing the host.
var maxAlloc int64 = 1 << 32
