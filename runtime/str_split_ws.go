package runtime

// This file is str.split() without a separator, the commonest split. It
// makes the list's items as it scans, in one pass over the str and into
// a list allocated once at the counted size, where the general path
// built a Go slice of substrings (grown by doubling) and then a second
// slice of str values from it. ASCII bytes are classified by a table;
// only the bytes of other characters are decoded.

import (
	"unicode/utf8"

	"github.com/aio-lang/aio/internal/pyfmt"
)

// asciiSpace marks the ASCII characters str.split() splits on.
var asciiSpace = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = pyfmt.IsSpaceRune(rune(c))
	}
	return t
}()

// spaceAt reports whether s has a whitespace character at byte i, and
// its size in bytes.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return pyfmt.IsSpaceRune(r), size
}

// skipSpaces returns the index of the first non-whitespace character of
// s at or after i (len(s) if none).
func skipSpaces(s string, i int) int {
	for i < len(s) {
		space, size := spaceAt(s, i)
		if !space {
			break
		}
		i += size
	}
	return i
}

// splitWhitespaceValues returns the words of s as strs, as
// s.split(None, maxsplit) (a negative maxsplit: no limit); sizeHint is
// the expected number of words.
func splitWhitespaceValues(s string, maxsplit, sizeHint int) []Value {
	out := make([]Value, 0, sizeHint)
	i := 0
	for maxsplit != 0 {
		if i = skipSpaces(s, i); i == len(s) {
			return out
		}
		j := i
		for i < len(s) {
			space, size := spaceAt(s, i)
			if space {
				break
			}
			i += size
		}
		out = append(out, Str(s[j:i]))
		if maxsplit > 0 {
			maxsplit--
		}
	}
	// The rest after maxsplit words, leading whitespace dropped.
	if i = skipSpaces(s, i); i < len(s) {
		out = append(out, Str(s[i:]))
	}
	return out
}

// splitWhitespaceCharged is s.split(None, maxsplit), charged as
// splitCharged charges a split.
func splitWhitespaceCharged(th *Thread, s string, maxsplit int) (Value, error) {
	var n int
	if err := th.scan(len(s), func() { n = countFields(s, maxsplit) }); err != nil {
		return Value{}, err
	}
	if err := th.Alloc(int64(n) * splitBytesPerPart); err != nil {
		return Value{}, err
	}
	var items []Value
	if err := th.scan(max(len(s), n*splitBytesPerPart), func() { items = splitWhitespaceValues(s, maxsplit, n) }); err != nil {
		return Value{}, err
	}
	return NewList(items), nil
}
