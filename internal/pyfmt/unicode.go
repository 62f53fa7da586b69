package pyfmt

import (
	"sort"
	"strings"
)

// runeRanges is a sorted list of inclusive code point ranges stored as
// lo0, hi0, lo1, hi1, ...
type runeRanges []rune

// contains reports whether r lies in one of the ranges.
func (t runeRanges) contains(r rune) bool {
	n := len(t) / 2
	i := sort.Search(n, func(i int) bool { return t[2*i+1] >= r })
	return i < n && t[2*i] <= r
}

// caseRun maps every stride-th code point of [lo, hi] to cp+delta.
type caseRun struct {
	lo, hi rune
	stride rune
	delta  rune
}

// caseSpecial is a mapping of one code point to several.
type caseSpecial struct {
	cp rune
	to string
}

// Property bits of the ASCII fast-path table.
const (
	pSpace = 1 << iota
	pAlpha
	pDecimal
	pUpper
	pLower
	pPrintable
)

var asciiProps [128]uint8

func init() {
	for r := rune(0); r < 128; r++ {
		var p uint8
		if spaceRanges.contains(r) {
			p |= pSpace
		}
		if alphaRanges.contains(r) {
			p |= pAlpha
		}
		if decimalRanges.contains(r) {
			p |= pDecimal
		}
		if upperRanges.contains(r) {
			p |= pUpper
		}
		if lowerRanges.contains(r) {
			p |= pLower
		}
		if printableRanges.contains(r) {
			p |= pPrintable
		}
		asciiProps[r] = p
	}
}

// IsSpaceRune reports whether r is whitespace for Python (str.isspace):
// the ASCII whitespace characters, \x1c-\x1f, \x85 and the Unicode spaces.
func IsSpaceRune(r rune) bool {
	if r < 128 {
		return asciiProps[r]&pSpace != 0
	}
	return spaceRanges.contains(r)
}

// IsAlphaRune reports whether r is alphabetic (categories Lu Ll Lt Lm Lo).
func IsAlphaRune(r rune) bool {
	if r < 128 {
		return asciiProps[r]&pAlpha != 0
	}
	return alphaRanges.contains(r)
}

// IsDecimalRune reports whether r is a decimal digit (category Nd).
func IsDecimalRune(r rune) bool {
	if r < 128 {
		return asciiProps[r]&pDecimal != 0
	}
	return decimalRanges.contains(r)
}

// IsDigitRune reports whether r has a digit value (Python's str.isdigit).
func IsDigitRune(r rune) bool {
	if r < 128 {
		return asciiProps[r]&pDecimal != 0
	}
	return digitRanges.contains(r)
}

// IsNumericRune reports whether r has a numeric value (str.isnumeric).
func IsNumericRune(r rune) bool {
	if r < 128 {
		return asciiProps[r]&pDecimal != 0
	}
	return numericRanges.contains(r)
}

// IsAlnumRune reports whether r is alphanumeric (str.isalnum).
func IsAlnumRune(r rune) bool {
	return IsAlphaRune(r) || IsNumericRune(r)
}

// IsUpperRune reports whether r has the Uppercase property.
func IsUpperRune(r rune) bool {
	if r < 128 {
		return asciiProps[r]&pUpper != 0
	}
	return upperRanges.contains(r)
}

// IsLowerRune reports whether r has the Lowercase property.
func IsLowerRune(r rune) bool {
	if r < 128 {
		return asciiProps[r]&pLower != 0
	}
	return lowerRanges.contains(r)
}

// IsTitleRune reports whether r is a titlecase letter (category Lt).
func IsTitleRune(r rune) bool {
	return r >= 128 && titleRanges.contains(r)
}

// IsPrintableRune reports whether r is printable for Python
// (str.isprintable, the rule repr() uses to decide on escaping).
func IsPrintableRune(r rune) bool {
	if r < 128 {
		return asciiProps[r]&pPrintable != 0
	}
	return printableRanges.contains(r)
}

// isCased reports whether r has the Cased property.
func isCased(r rune) bool {
	if r < 128 {
		return asciiProps[r]&(pUpper|pLower) != 0
	}
	return casedRanges.contains(r)
}

// isCaseIgnorable reports whether r has the Case_Ignorable property.
func isCaseIgnorable(r rune) bool {
	return caseIgnorableRanges.contains(r)
}

// DecimalValue returns the value of the decimal digit r (any Unicode
// category Nd character), or -1.
func DecimalValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if r < 128 || !decimalRanges.contains(r) {
		return -1
	}
	// Unicode encodes decimal digits in contiguous runs of ten, 0 to 9.
	t := decimalRanges
	n := len(t) / 2
	i := sort.Search(n, func(i int) bool { return t[2*i+1] >= r })
	return int(r-t[2*i]) % 10
}

// mapCase appends the full case mapping of r to b.
func mapCase(b *strings.Builder, r rune, deltas []caseRun, special []caseSpecial) {
	if len(special) > 0 && r >= special[0].cp {
		i := sort.Search(len(special), func(i int) bool { return special[i].cp >= r })
		if i < len(special) && special[i].cp == r {
			b.WriteString(special[i].to)
			return
		}
	}
	i := sort.Search(len(deltas), func(i int) bool { return deltas[i].hi >= r })
	if i < len(deltas) {
		d := deltas[i]
		if d.lo <= r && (r-d.lo)%d.stride == 0 {
			r += d.delta
		}
	}
	b.WriteRune(r)
}

// finalSigma implements CPython's handle_capital_sigma: whether the
// U+03A3 at index i of rs is in the Final_Sigma context.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && isCaseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !isCased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && isCaseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !isCased(rs[j])
}

// lowerAt appends the lowercase of rs[i], honouring the final-sigma rule.
func lowerAt(b *strings.Builder, rs []rune, i int) {
	if rs[i] == 0x3a3 {
		if finalSigma(rs, i) {
			b.WriteRune(0x3c2)
		} else {
			b.WriteRune(0x3c3)
		}
		return
	}
	mapCase(b, rs[i], lowerDeltas, lowerSpecial)
}
