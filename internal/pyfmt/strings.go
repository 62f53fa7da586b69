package pyfmt

import (
	"strings"
	"unicode/utf8"
)

// isASCII reports whether s is pure ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Split implements s.split(sep, maxsplit) for a non-empty sep (the
// caller raises ValueError("empty separator") for an empty one); a
// negative maxsplit means no limit.
func Split(s, sep string, maxsplit int) []string {
	if maxsplit < 0 {
		return strings.Split(s, sep)
	}
	return strings.SplitN(s, sep, maxsplit+1)
}

// RSplit implements s.rsplit(sep, maxsplit) for a non-empty sep,
// splitting from the right; a negative maxsplit means no limit.
func RSplit(s, sep string, maxsplit int) []string {
	var out []string
	end := len(s)
	for ; maxsplit != 0; maxsplit-- {
		i := strings.LastIndex(s[:end], sep)
		if i < 0 {
			break
		}
		out = append(out, s[i+len(sep):end])
		end = i
	}
	out = append(out, s[:end])
	reverse(out)
	return out
}

func reverse(a []string) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

// SplitWhitespace implements s.split() / s.split(None, maxsplit): runs
// of Python whitespace separate words, leading and trailing whitespace is
// dropped, and after maxsplit splits the rest (without its leading
// whitespace) is the last item. A negative maxsplit means no limit.
func SplitWhitespace(s string, maxsplit int) []string {
	var out []string
	i, n := 0, len(s)
	skipSpace := func() {
		for i < n {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !IsSpaceRune(r) {
				return
			}
			i += size
		}
	}
	for maxsplit != 0 {
		skipSpace()
		if i == n {
			return out
		}
		j := i
		for i < n {
			r, size := utf8.DecodeRuneInString(s[i:])
			if IsSpaceRune(r) {
				break
			}
			i += size
		}
		out = append(out, s[j:i])
		if maxsplit > 0 {
			maxsplit--
		}
	}
	skipSpace()
	if i < n {
		out = append(out, s[i:])
	}
	return out
}

// RSplitWhitespace implements s.rsplit() / s.rsplit(None, maxsplit),
// splitting from the right; a negative maxsplit means no limit.
func RSplitWhitespace(s string, maxsplit int) []string {
	var out []string
	i := len(s)
	skipSpace := func() {
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:i])
			if !IsSpaceRune(r) {
				return
			}
			i -= size
		}
	}
	for maxsplit != 0 {
		skipSpace()
		if i == 0 {
			reverse(out)
			return out
		}
		j := i
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:i])
			if IsSpaceRune(r) {
				break
			}
			i -= size
		}
		out = append(out, s[i:j])
		if maxsplit > 0 {
			maxsplit--
		}
	}
	skipSpace()
	if i > 0 {
		out = append(out, s[:i])
	}
	reverse(out)
	return out
}

// stripSet returns the predicate for the characters to strip.
func stripSet(chars string, hasChars bool) func(rune) bool {
	if !hasChars {
		return IsSpaceRune
	}
	return func(r rune) bool { return strings.ContainsRune(chars, r) }
}

// Strip implements s.strip(chars); with hasChars false it strips Python
// whitespace (s.strip() / s.strip(None)).
func Strip(s, chars string, hasChars bool) string {
	return RStrip(LStrip(s, chars, hasChars), chars, hasChars)
}

// LStrip implements s.lstrip(chars); see Strip.
func LStrip(s, chars string, hasChars bool) string {
	return strings.TrimLeftFunc(s, stripSet(chars, hasChars))
}

// RStrip implements s.rstrip(chars); see Strip.
func RStrip(s, chars string, hasChars bool) string {
	return strings.TrimRightFunc(s, stripSet(chars, hasChars))
}

// Upper implements s.upper() with full case mapping ('ß' → "SS").
func Upper(s string) string {
	if isASCII(s) {
		return strings.ToUpper(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		mapCase(&b, r, upperDeltas, upperSpecial)
	}
	return b.String()
}

// Lower implements s.lower() with full case mapping and the final-sigma
// rule.
func Lower(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := range rs {
		lowerAt(&b, rs, i)
	}
	return b.String()
}

// SwapCase implements s.swapcase().
func SwapCase(s string) string {
	if isASCII(s) {
		b := []byte(s)
		for i, c := range b {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				b[i] = c ^ 0x20
			}
		}
		return string(b)
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		switch {
		case IsUpperRune(r):
			lowerAt(&b, rs, i)
		case IsLowerRune(r):
			mapCase(&b, r, upperDeltas, upperSpecial)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Title implements s.title(): a character following a cased character is
// lowercased, any other is titlecased ("hello world's" → "Hello World'S").
func Title(s string) string {
	if isASCII(s) {
		b := []byte(s)
		prevCased := false
		for i, c := range b {
			upper, lower := c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z'
			if prevCased && upper {
				b[i] = c + 'a' - 'A'
			} else if !prevCased && lower {
				b[i] = c - ('a' - 'A')
			}
			prevCased = upper || lower
		}
		return string(b)
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	prevCased := false
	for i, r := range rs {
		if prevCased {
			lowerAt(&b, rs, i)
		} else {
			mapCase(&b, r, titleDeltas, titleSpecial)
		}
		prevCased = isCased(r)
	}
	return b.String()
}

// Capitalize implements s.capitalize(): the first character titlecased,
// the rest lowercased.
func Capitalize(s string) string {
	if isASCII(s) {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		if i == 0 {
			mapCase(&b, r, titleDeltas, titleSpecial)
		} else {
			lowerAt(&b, rs, i)
		}
	}
	return b.String()
}

// pad returns s with left and right copies of fill around it.
func pad(s string, left, right int, fill rune) string {
	if left <= 0 && right <= 0 {
		return s
	}
	left, right = max(left, 0), max(right, 0)
	f := string(fill)
	var b strings.Builder
	b.Grow(len(s) + (left+right)*len(f))
	writeFill(&b, f, left)
	b.WriteString(s)
	writeFill(&b, f, right)
	return b.String()
}

// fillChunk bounds the bytes writeFill copies at once: a single copy of
// hundreds of megabytes cannot be preempted and would hold up the
// garbage collector's stops (and with them every goroutine).
const fillChunk = 64 << 10

// writeFill appends n copies of f to b, a bounded chunk at a time.
func writeFill(b *strings.Builder, f string, n int) {
	if n <= 0 {
		return
	}
	chunk := strings.Repeat(f, min(n, max(fillChunk/len(f), 1)))
	per := len(chunk) / len(f)
	for ; n >= per; n -= per {
		b.WriteString(chunk)
	}
	b.WriteString(chunk[:n*len(f)])
}

// Center implements s.center(width, fill), including CPython's choice of
// the side that gets the odd padding character.
func Center(s string, width int, fill rune) string {
	marg := width - utf8.RuneCountInString(s)
	if marg <= 0 {
		return s
	}
	left := marg/2 + (marg & width & 1)
	return pad(s, left, marg-left, fill)
}

// LJust implements s.ljust(width, fill).
func LJust(s string, width int, fill rune) string {
	return pad(s, 0, width-utf8.RuneCountInString(s), fill)
}

// RJust implements s.rjust(width, fill).
func RJust(s string, width int, fill rune) string {
	return pad(s, width-utf8.RuneCountInString(s), 0, fill)
}

// ZFill implements s.zfill(width): zeros on the left, after a leading
// sign.
func ZFill(s string, width int) string {
	n := utf8.RuneCountInString(s)
	if n >= width {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + width - n)
	if s != "" && (s[0] == '+' || s[0] == '-') {
		b.WriteString(s[:1])
		s = s[1:]
	}
	writeFill(&b, "0", width-n)
	b.WriteString(s)
	return b.String()
}

// isLineBreak reports whether r ends a line for str.splitlines.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// SplitLines implements s.splitlines(keepends): lines end at \n, \r,
// \r\n, \v, \f, \x1c, \x1d, \x1e, \x85, \u2028 and \u2029.
func SplitLines(s string, keepends bool) []string {
	var out []string
	i, n := 0, len(s)
	for i < n {
		j := i
		var r rune
		size := 0
		for i < n {
			r, size = utf8.DecodeRuneInString(s[i:])
			if isLineBreak(r) {
				break
			}
			i += size
		}
		eol := i
		if i < n {
			if r == '\r' && i+1 < n && s[i+1] == '\n' {
				i += 2
			} else {
				i += size
			}
			if keepends {
				eol = i
			}
		}
		out = append(out, s[j:eol])
	}
	return out
}

// all reports whether s is non-empty and every rune satisfies pred.
func all(s string, pred func(rune) bool) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !pred(r) {
			return false
		}
	}
	return true
}

// IsDigit implements s.isdigit().
func IsDigit(s string) bool { return all(s, IsDigitRune) }

// IsAlpha implements s.isalpha().
func IsAlpha(s string) bool { return all(s, IsAlphaRune) }

// IsSpace implements s.isspace().
func IsSpace(s string) bool { return all(s, IsSpaceRune) }

// IsAlnum implements s.isalnum().
func IsAlnum(s string) bool { return all(s, IsAlnumRune) }

// IsDecimal implements s.isdecimal().
func IsDecimal(s string) bool { return all(s, IsDecimalRune) }

// IsNumeric implements s.isnumeric().
func IsNumeric(s string) bool { return all(s, IsNumericRune) }

// IsPrintable implements s.isprintable() (true for the empty string).
func IsPrintable(s string) bool { return s == "" || all(s, IsPrintableRune) }

// IsASCII implements s.isascii() (true for the empty string).
func IsASCII(s string) bool { return isASCII(s) }

// IsUpper implements s.isupper(): no lowercase or titlecase characters
// and at least one uppercase one.
func IsUpper(s string) bool {
	cased := false
	for _, r := range s {
		if IsLowerRune(r) || IsTitleRune(r) {
			return false
		}
		if IsUpperRune(r) {
			cased = true
		}
	}
	return cased
}

// IsLower implements s.islower(): no uppercase or titlecase characters
// and at least one lowercase one.
func IsLower(s string) bool {
	cased := false
	for _, r := range s {
		if IsUpperRune(r) || IsTitleRune(r) {
			return false
		}
		if IsLowerRune(r) {
			cased = true
		}
	}
	return cased
}

// IsTitle implements s.istitle().
func IsTitle(s string) bool {
	cased, prevCased := false, false
	for _, r := range s {
		switch {
		case IsUpperRune(r) || IsTitleRune(r):
			if prevCased {
				return false
			}
			prevCased, cased = true, true
		case IsLowerRune(r):
			if !prevCased {
				return false
			}
			prevCased, cased = true, true
		default:
			prevCased = false
		}
	}
	return cased
}

// Count implements s.count(sub): non-overlapping occurrences; an empty
// sub occurs len(s)+1 times (in code points).
func Count(s, sub string) int {
	return strings.Count(s, sub)
}

// Find implements s.find(sub): the code point index of the first
// occurrence, or -1.
func Find(s, sub string) int {
	i := strings.Index(s, sub)
	if i <= 0 {
		return i
	}
	return utf8.RuneCountInString(s[:i])
}

// RFind implements s.rfind(sub): the code point index of the last
// occurrence, or -1.
func RFind(s, sub string) int {
	i := strings.LastIndex(s, sub)
	if i <= 0 {
		return i
	}
	return utf8.RuneCountInString(s[:i])
}

// Replace implements s.replace(old, new, count); a negative count means
// all. An empty old matches before every code point and at the end.
func Replace(s, old, new string, count int) string {
	return strings.Replace(s, old, new, count)
}

// ExpandTabs implements s.expandtabs(tabsize): each tab becomes spaces up
// to the next multiple of tabsize (nothing when tabsize <= 0); columns
// restart after \n and \r.
func ExpandTabs(s string, tabsize int) string {
	if strings.IndexByte(s, '\t') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	col := 0
	for _, r := range s {
		if r == '\t' {
			if tabsize > 0 {
				n := tabsize - col%tabsize
				col += n
				for ; n > 0; n-- {
					b.WriteByte(' ')
				}
			}
			continue
		}
		col++
		b.WriteRune(r)
		if r == '\n' || r == '\r' {
			col = 0
		}
	}
	return b.String()
}

// Partition implements s.partition(sep) for a non-empty sep: the parts
// before, at and after the first sep, or (s, "", "") when absent.
func Partition(s, sep string) (before, match, after string) {
	i := strings.Index(s, sep)
	if i < 0 {
		return s, "", ""
	}
	return s[:i], sep, s[i+len(sep):]
}

// RPartition implements s.rpartition(sep) for a non-empty sep: the parts
// before, at and after the last sep, or ("", "", s) when absent.
func RPartition(s, sep string) (before, match, after string) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return "", "", s
	}
	return s[:i], sep, s[i+len(sep):]
}
