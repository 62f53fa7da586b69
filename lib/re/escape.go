package re

// This file translates escapes and character classes. Under ASCII (and
// for bytes patterns) \d, \w, \s and \b are spelled out with ASCII sets,
// since the engine's own classes are Unicode; under Unicode \s gains the
// separators \x1c-\x1f that Python counts as white space.

import (
	"fmt"
	"strconv"
	"strings"
)

const (
	asciiDigit = `0-9`
	asciiWord  = `a-zA-Z0-9_`
	asciiSpace = `\t\n\v\f\r\u0020`
)

// escape translates a backslash sequence outside a class.
func (p *parser) escape(flags int) (string, int, int, bool, error) {
	start := p.pos
	p.pos++
	if !p.more() {
		return "", 0, 0, false, p.errAt(start, "bad escape (end of pattern)")
	}
	c := p.src[p.pos]
	p.pos++
	ascii := p.ascii(flags)
	switch c {
	case 'A':
		return `\A`, 0, 0, false, nil
	case 'Z':
		return `\z`, 0, 0, false, nil
	case 'b', 'B':
		// Python's \B never matches in an empty text.
		notEmpty := ``
		if c == 'B' {
			notEmpty = `(?!\A\z)`
		}
		if ascii {
			w := `[` + asciiWord + `]`
			if c == 'b' {
				return `(?:(?<=` + w + `)(?!` + w + `)|(?<!` + w + `)(?=` + w + `))`, 0, 0, false, nil
			}
			return notEmpty + `(?:(?<=` + w + `)(?=` + w + `)|(?<!` + w + `)(?!` + w + `))`, 0, 0, false, nil
		}
		return notEmpty + `\` + string(c), 0, 0, false, nil
	case 'd', 'D', 'w', 'W', 's', 'S':
		return "[" + p.category(c, ascii, false) + "]", 1, 1, true, nil
	}
	if c >= '1' && c <= '9' {
		return p.backrefOrOctal(start, c)
	}
	r, err := p.charEscape(start, c, false)
	if err != nil {
		return "", 0, 0, false, err
	}
	return p.literal(r, flags), 1, 1, true, nil
}

// backrefOrOctal handles \N, \NN (group references) and \NNN (octal).
func (p *parser) backrefOrOctal(start int, c rune) (string, int, int, bool, error) {
	digits := string(c)
	if p.more() && isDigit(p.peek()) {
		d := p.peek()
		if isOct(c) && isOct(d) && p.pos+1 < len(p.src) && isOct(p.src[p.pos+1]) {
			v, _ := strconv.ParseInt(string([]rune{c, d, p.src[p.pos+1]}), 8, 32)
			p.pos += 2
			if v > 0o377 {
				return "", 0, 0, false, p.errAt(start, `octal escape value \%s outside of range 0-0o377`, string([]rune{c, d, p.src[p.pos-1]}))
			}
			return p.literal(rune(v), 0), 1, 1, true, nil
		}
		digits += string(d)
		p.pos++
	}
	n, _ := strconv.Atoi(digits)
	if n > p.t.groups {
		return "", 0, 0, false, p.errAt(start+1, "invalid group reference %d", n)
	}
	if p.open[n] {
		return "", 0, 0, false, p.errAt(start, "cannot refer to an open group")
	}
	if err := p.lookbehindRef(n, p.pos); err != nil {
		return "", 0, 0, false, err
	}
	w := p.widths[n]
	return fmt.Sprintf(`\k<%d>`, n), w[0], w[1], true, nil
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
func isOct(r rune) bool   { return r >= '0' && r <= '7' }
func isHex(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}

// charEscape decodes an escape that stands for one character (c is the
// character after the backslash at start); inClass selects the rules of
// a character set.
func (p *parser) charEscape(start int, c rune, inClass bool) (rune, error) {
	switch c {
	case 'a':
		return 7, nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'v':
		return '\v', nil
	case 'b':
		if inClass {
			return '\b', nil
		}
	case 'x', 'u', 'U':
		n := map[rune]int{'x': 2, 'u': 4, 'U': 8}[c]
		if c != 'x' && p.bytes {
			break
		}
		j := p.pos
		for j < len(p.src) && j-p.pos < n && isHex(p.src[j]) {
			j++
		}
		if j-p.pos < n {
			return 0, p.errAt(start, `incomplete escape \%c%s`, c, string(p.src[p.pos:j]))
		}
		v, _ := strconv.ParseUint(string(p.src[p.pos:j]), 16, 32)
		if v > 0x10FFFF {
			return 0, p.errAt(start, `bad escape \%c%s`, c, string(p.src[p.pos:j]))
		}
		p.pos = j
		return rune(v), nil
	case '0':
		v := 0
		for k := 0; k < 2 && p.more() && isOct(p.peek()); k++ {
			v = v*8 + int(p.peek()-'0')
			p.pos++
		}
		return rune(v), nil
	case 'N':
		if p.bytes {
			break
		}
		if p.peek() != '{' {
			return 0, p.errAt(p.pos, "missing {")
		}
		end := p.pos + 1
		for end < len(p.src) && p.src[end] != '}' {
			end++
		}
		if end >= len(p.src) {
			return 0, p.errAt(p.pos+1, "missing }, unterminated name")
		}
		name := string(p.src[p.pos+1 : end])
		r, ok := lookupCharName(name)
		if !ok {
			return 0, p.errAt(start, "undefined character name '%s'", name)
		}
		p.pos = end + 1
		return r, nil
	}
	if inClass && isOct(c) {
		v := int(c - '0')
		for k := 0; k < 2 && p.more() && isOct(p.peek()); k++ {
			v = v*8 + int(p.peek()-'0')
			p.pos++
		}
		if v > 0o377 {
			return 0, p.errAt(start, `octal escape value \%s outside of range 0-0o377`, string(p.src[start+1:p.pos]))
		}
		return rune(v), nil
	}
	if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
		return 0, p.errAt(start, `bad escape \%c`, c)
	}
	return c, nil
}

// category returns the class body of \d, \w, \s or a negation. Inside
// a set (inSet) a negated category comes back as the body of its positive
// form: the caller builds the complement around it, since the engine
// mishandles a negated category inside a negated set.
func (p *parser) category(c rune, ascii bool, inSet bool) string {
	if ascii {
		var body string
		switch c {
		case 'd', 'D':
			body = asciiDigit
		case 'w', 'W':
			body = asciiWord
		default:
			body = asciiSpace
		}
		if c >= 'A' && c <= 'Z' && !inSet {
			return "^" + body
		}
		return body
	}
	var body string
	switch c {
	case 'd', 'D':
		body = `\d`
	case 'w', 'W':
		// Python's word characters are the alphanumeric ones (letters
		// and every kind of number) and '_'; the engine's \w would add
		// combining marks and other connectors.
		body = `\p{L}\p{N}_`
	default:
		body = `\s\u001C-\u001F`
	}
	if c >= 'A' && c <= 'Z' && !inSet {
		return "^" + body
	}
	return body
}

// class translates a character set [...] starting at p.pos.
func (p *parser) class(flags int) (string, error) {
	open := p.pos
	p.pos++
	negate := false
	if p.peek() == '^' {
		negate = true
		p.pos++
	}
	ascii := p.ascii(flags)
	var items strings.Builder
	var negCats []string // negated ASCII categories, which a set cannot hold
	first := true
	for {
		if !p.more() {
			return "", p.errAt(open, "unterminated character set")
		}
		c := p.src[p.pos]
		if c == ']' && !first {
			p.pos++
			break
		}
		first = false
		itemStart := p.pos
		var lo rune
		if c == '\\' {
			p.pos++
			if !p.more() {
				return "", p.errAt(itemStart, "bad escape (end of pattern)")
			}
			e := p.src[p.pos]
			p.pos++
			if strings.ContainsRune("dDwWsS", e) {
				if e >= 'A' && e <= 'Z' {
					negCats = append(negCats, p.category(e, ascii, true))
				} else {
					items.WriteString(p.category(e, ascii, true))
				}
				if p.peek() == '-' && p.pos+1 < len(p.src) && p.src[p.pos+1] != ']' {
					return "", p.errAt(itemStart, "bad character range %s", string(p.src[itemStart:p.pos+2]))
				}
				continue
			}
			r, err := p.charEscape(itemStart, e, true)
			if err != nil {
				return "", err
			}
			lo = r
		} else {
			p.pos++
			lo = c
		}
		hi := lo
		if p.peek() == '-' && p.pos+1 < len(p.src) && p.src[p.pos+1] != ']' {
			p.pos++
			hiStart := p.pos
			d := p.src[p.pos]
			if d == '\\' {
				p.pos++
				if !p.more() {
					return "", p.errAt(hiStart, "bad escape (end of pattern)")
				}
				e := p.src[p.pos]
				p.pos++
				if strings.ContainsRune("dDwWsS", e) {
					return "", p.errAt(itemStart, "bad character range %s", string(p.src[itemStart:p.pos]))
				}
				r, err := p.charEscape(hiStart, e, true)
				if err != nil {
					return "", err
				}
				hi = r
			} else {
				p.pos++
				hi = d
			}
			if hi < lo {
				return "", p.errAt(itemStart, "bad character range %s", string(p.src[itemStart:p.pos]))
			}
		}
		items.WriteString(classChar(lo))
		if hi != lo {
			items.WriteByte('-')
			items.WriteString(classChar(hi))
		}
		if p.asciiCase(flags) {
			// The set is matched case-sensitively (see below): add the
			// other case of its ASCII letters.
			for _, span := range [][3]rune{{'a', 'z', 'A' - 'a'}, {'A', 'Z', 'a' - 'A'}} {
				if l, h := max(lo, span[0]), min(hi, span[1]); l <= h {
					items.WriteString(classChar(l+span[2]) + "-" + classChar(h+span[2]))
				}
			}
		}
	}
	set, err := p.finishClass(items.String(), negate, negCats)
	if err == nil && p.asciiCase(flags) {
		set = `(?-i:` + set + `)`
	}
	return set, err
}

// finishClass builds a set from its items, its negated categories and
// its negation.
func (p *parser) finishClass(set string, negate bool, negCats []string) (string, error) {
	if len(negCats) == 0 {
		if set == "" {
			if negate {
				return `[\s\S]`, nil
			}
			return `(?!)`, nil
		}
		if negate {
			return "[^" + set + "]", nil
		}
		return "[" + set + "]", nil
	}
	alts := make([]string, 0, len(negCats)+1)
	if set != "" {
		alts = append(alts, "["+set+"]")
	}
	for _, c := range negCats {
		alts = append(alts, "[^"+c+"]")
	}
	union := "(?:" + strings.Join(alts, "|") + ")"
	if negate {
		return `(?!` + union + `)[\s\S]`, nil
	}
	return union, nil
}

// classChar spells r for use inside an engine character set.
func classChar(r rune) string {
	if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
		return string(r)
	}
	if r < 0x10000 {
		return fmt.Sprintf(`\u%04X`, r)
	}
	return string(r)
}
