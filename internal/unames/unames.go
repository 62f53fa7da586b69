// Package unames gives Unicode characters their names as Python does:
// the names of the Unicode Character Database (from
// golang.org/x/text/unicode/runenames), the names computed from the code
// point for CJK ideographs and Hangul syllables, and no name for
// controls, surrogates, private use and unassigned code points. The
// parser uses it for "\N{...}", the re module for its \N escape, and
// unicodedata for name() and lookup().
package unames

// This file holds the names both ways.

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/unicode/runenames"
)

// UnicodeVersion is the version of the Unicode data the names come from.
const UnicodeVersion = runenames.UnicodeVersion

// Name returns the name of r, or ok false when it has none.
func Name(r rune) (string, bool) {
	if r < 0 || r > 0x10FFFF {
		return "", false
	}
	if n, ok := hangulName(r); ok {
		return n, true
	}
	n := runenames.Name(r)
	switch {
	case n == "":
		return "", false
	case strings.HasPrefix(n, "<CJK Ideograph"):
		return fmt.Sprintf("CJK UNIFIED IDEOGRAPH-%04X", r), true
	case strings.HasPrefix(n, "<Tangut Ideograph"):
		return fmt.Sprintf("TANGUT IDEOGRAPH-%04X", r), true
	case n[0] == '<':
		// <control>, <Private Use>, surrogates and other unnamed ranges.
		return "", false
	}
	return n, true
}

var (
	byNameOnce sync.Once
	byName     map[string]rune
)

// Lookup returns the character named name, or ok false.
func Lookup(name string) (rune, bool) {
	// The computed names (ideographs, Hangul syllables) match only as
	// written, in capitals; the others in any case.
	if r, ok := algorithmic(name); ok {
		return r, true
	}
	upper := strings.ToUpper(name)
	byNameOnce.Do(func() {
		// Built on first use (about 20 ms, 35,000 names).
		byName = make(map[string]rune, 40000)
		for r := rune(0); r <= 0x10FFFF; r++ {
			if n := runenames.Name(r); n != "" && n[0] != '<' {
				byName[n] = r
			}
		}
	})
	r, ok := byName[upper]
	if !ok {
		r, ok = aliases[upper]
	}
	return r, ok
}

// aliases are formal name aliases that scripts use in "\N{...}" for
// characters without a name of their own (controls) or with a corrected
// one.
var aliases = map[string]rune{
	"NULL": 0x00, "NUL": 0x00, "BELL": 0x07, "BEL": 0x07, "BACKSPACE": 0x08, "BS": 0x08,
	"CHARACTER TABULATION": 0x09, "HORIZONTAL TABULATION": 0x09, "TAB": 0x09, "HT": 0x09,
	"LINE FEED": 0x0A, "NEW LINE": 0x0A, "END OF LINE": 0x0A, "LF": 0x0A, "NL": 0x0A, "EOL": 0x0A,
	"LINE TABULATION": 0x0B, "VERTICAL TABULATION": 0x0B, "VT": 0x0B,
	"FORM FEED": 0x0C, "FF": 0x0C, "CARRIAGE RETURN": 0x0D, "CR": 0x0D,
	"ESCAPE": 0x1B, "ESC": 0x1B, "DELETE": 0x7F, "DEL": 0x7F, "SPACE": 0x20, "SP": 0x20,
	"NO-BREAK SPACE": 0xA0, "NBSP": 0xA0, "ZERO WIDTH SPACE": 0x200B, "ZWSP": 0x200B,
	"ZERO WIDTH NO-BREAK SPACE": 0xFEFF, "BYTE ORDER MARK": 0xFEFF, "BOM": 0xFEFF,
	"NEXT LINE": 0x85, "NEL": 0x85, "SOFT HYPHEN": 0xAD, "SHY": 0xAD,
}

// algorithmic reads the names computed from code points.
func algorithmic(name string) (rune, bool) {
	for _, prefix := range []string{"CJK UNIFIED IDEOGRAPH-", "TANGUT IDEOGRAPH-"} {
		if hex, ok := strings.CutPrefix(name, prefix); ok {
			var r rune
			if _, err := fmt.Sscanf(hex, "%X", &r); err != nil || len(hex) < 4 || len(hex) > 5 {
				return 0, false
			}
			if n, ok := Name(r); ok && n == name {
				return r, true
			}
			return 0, false
		}
	}
	if rest, ok := strings.CutPrefix(name, "HANGUL SYLLABLE "); ok {
		return hangulLookup(rest)
	}
	return 0, false
}

// The Hangul syllables' names are built from the short names of their
// leading consonant, vowel and optional trailing consonant (the Unicode
// standard, section 3.12).
const (
	hangulBase  = 0xAC00
	hangulCount = 19 * 21 * 28
)

var (
	leads  = []string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	vowels = []string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	tails  = []string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
)

func hangulName(r rune) (string, bool) {
	i := int(r - hangulBase)
	if i < 0 || i >= hangulCount {
		return "", false
	}
	return "HANGUL SYLLABLE " + leads[i/(21*28)] + vowels[i%(21*28)/28] + tails[i%28], true
}

func hangulLookup(rest string) (rune, bool) {
	for l, lead := range leads {
		if !strings.HasPrefix(rest, lead) {
			continue
		}
		for v, vowel := range vowels {
			if !strings.HasPrefix(rest[len(lead):], vowel) {
				continue
			}
			tail := rest[len(lead)+len(vowel):]
			for t, tl := range tails {
				if tl == tail {
					return rune(hangulBase + (l*21+v)*28 + t), true
				}
			}
		}
	}
	return 0, false
}
