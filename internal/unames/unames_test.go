package unames

// This file tests names both ways, the computed ones included.

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNameAndLookupAgree(t *testing.T) {
	for r, want := range map[rune]string{
		0xB0: "DEGREE SIGN", 0x3B1: "GREEK SMALL LETTER ALPHA", 0x1F600: "GRINNING FACE",
		0x4E00: "CJK UNIFIED IDEOGRAPH-4E00", 0x20000: "CJK UNIFIED IDEOGRAPH-20000",
		0xAC00: "HANGUL SYLLABLE GA", 0xAC01: "HANGUL SYLLABLE GAG", 0xD7A3: "HANGUL SYLLABLE HIH",
		0xC544: "HANGUL SYLLABLE A",
	} {
		name, ok := Name(r)
		assert.True(t, ok, "%U", r)
		assert.Equal(t, want, name)
		back, ok := Lookup(name)
		assert.True(t, ok, name)
		assert.Equal(t, r, back, name)
	}
}

func TestUnnamedCharacters(t *testing.T) {
	for _, r := range []rune{0x0, 0x1F, 0x7F, 0xD800, 0xE000, 0x10FFFF, -1, 0x110000} {
		_, ok := Name(r)
		assert.False(t, ok, "%U", r)
	}
}

func TestLookupCase(t *testing.T) {
	r, ok := Lookup("degree sign")
	assert.True(t, ok)
	assert.Equal(t, rune(0xB0), r)
	// Computed names match only in capitals, as in CPython.
	_, ok = Lookup("cjk unified ideograph-4E00")
	assert.False(t, ok)
	_, ok = Lookup(" DEGREE SIGN")
	assert.False(t, ok)
	r, ok = Lookup("NULL")
	assert.True(t, ok)
	assert.Equal(t, rune(0), r)
}
