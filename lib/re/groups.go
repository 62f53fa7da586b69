package re

// This file parses the parenthesized constructs of a pattern: capturing
// and named groups, group references, look-around, atomic groups,
// conditionals and inline flags.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// group parses a parenthesized construct at p.pos.
func (p *parser) group(flags *int, atStart bool) (string, int, int, bool, error) {
	open := p.pos
	p.pos++
	if p.peek() != '?' {
		return p.capture(open, "", *flags)
	}
	p.pos++
	if !p.more() {
		return "", 0, 0, false, p.errAt(p.pos, "unexpected end of pattern")
	}
	c := p.src[p.pos]
	switch c {
	case ':':
		p.pos++
		return p.subpattern(open, "(?:", *flags, false)
	case 'P':
		p.pos++
		if !p.more() {
			return "", 0, 0, false, p.errAt(p.pos, "unexpected end of pattern")
		}
		switch p.src[p.pos] {
		case '<':
			p.pos++
			name, err := p.groupName('>')
			if err != nil {
				return "", 0, 0, false, err
			}
			return p.capture(open, name, *flags)
		case '=':
			p.pos++
			namePos := p.pos
			name, err := p.groupName(')')
			if err != nil {
				return "", 0, 0, false, err
			}
			n, ok := p.t.names[name]
			if !ok {
				return "", 0, 0, false, p.errAt(namePos, "unknown group name '%s'", name)
			}
			if p.open[n] {
				return "", 0, 0, false, p.errAt(namePos, "cannot refer to an open group")
			}
			if err := p.lookbehindRef(n, p.pos-1); err != nil {
				return "", 0, 0, false, err
			}
			w := p.widths[n]
			return fmt.Sprintf(`\k<%d>`, n), w[0], w[1], true, nil
		}
		if !p.more() {
			return "", 0, 0, false, p.errAt(p.pos, "unexpected end of pattern")
		}
		return "", 0, 0, false, p.errAt(p.pos, "unknown extension ?P%c", p.src[p.pos])
	case '=', '!':
		p.pos++
		s, _, _, _, err := p.subpattern(open, "(?"+string(c), *flags, false)
		return s, 0, 0, true, err
	case '>':
		p.pos++
		return p.subpattern(open, "(?>", *flags, false)
	case '<':
		p.pos++
		if !p.more() {
			return "", 0, 0, false, p.errAt(p.pos, "unexpected end of pattern")
		}
		d := p.src[p.pos]
		if d != '=' && d != '!' {
			return "", 0, 0, false, p.errAt(p.pos-2, "unknown extension ?<%c", d)
		}
		p.pos++
		if p.lookbeh == 0 {
			p.lookbehGroups = p.t.groups
		}
		p.lookbeh++
		s, _, _, _, err := p.subpattern(open, "(?<"+string(d), *flags, true)
		p.lookbeh--
		return s, 0, 0, true, err
	case '(':
		return p.conditional(open, *flags)
	}
	if strings.ContainsRune("aiLmsux-", c) {
		return p.inlineFlags(open, flags, atStart)
	}
	return "", 0, 0, false, p.errAt(p.pos-1, "unknown extension ?%c", c)
}

// groupName reads a group name ending with term.
func (p *parser) groupName(term rune) (string, error) {
	start := p.pos
	for p.more() && p.src[p.pos] != term {
		p.pos++
	}
	if !p.more() {
		if term == '>' {
			return "", p.errAt(start, "missing >, unterminated name")
		}
		return "", p.errAt(start, "missing ), unterminated name")
	}
	name := string(p.src[start:p.pos])
	p.pos++
	if name == "" {
		return "", p.errAt(start, "missing group name")
	}
	if !isIdentifier(name) || p.bytes && !isASCII(name) {
		return "", p.errAt(start, "bad character in group name '%s'", name)
	}
	return name, nil
}

func isIdentifier(s string) bool {
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r)) {
			continue
		}
		return false
	}
	return s != ""
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// capture parses a capturing group's body; the group gets its Python
// number as its explicit engine number.
func (p *parser) capture(open int, name string, flags int) (string, int, int, bool, error) {
	p.t.groups++
	n := p.t.groups
	if name != "" {
		if old, dup := p.t.names[name]; dup {
			return "", 0, 0, false, p.errAt(p.pos-len([]rune(name))-1, "redefinition of group name '%s' as group %d; was group %d", name, n, old)
		}
		p.t.names[name] = n
	}
	parent := 0
	if len(p.stack) > 0 {
		parent = p.stack[len(p.stack)-1]
	}
	p.t.nameOf = append(p.t.nameOf, name)
	p.t.parent = append(p.t.parent, parent)
	p.open[n] = true
	p.stack = append(p.stack, n)
	s, lo, hi, rep, err := p.subpattern(open, fmt.Sprintf("(?<%d>", n), flags, false)
	p.stack = p.stack[:len(p.stack)-1]
	delete(p.open, n)
	p.widths[n] = [2]int{lo, hi}
	return s, lo, hi, rep, err
}

// subpattern parses the alternation inside a group opened at open and its
// closing parenthesis, wrapping it in prefix and ')'.
func (p *parser) subpattern(open int, prefix string, flags int, lookbehind bool) (string, int, int, bool, error) {
	p.depth++
	s, lo, hi, err := p.alternation(flags)
	p.depth--
	p.seen = true
	if err != nil {
		return "", 0, 0, false, err
	}
	if p.peek() != ')' {
		return "", 0, 0, false, p.errAt(open, "missing ), unterminated subpattern")
	}
	p.pos++
	if lookbehind && lo != hi {
		return "", 0, 0, false, &parseError{"look-behind requires fixed-width pattern", -1}
	}
	return prefix + s + ")", lo, hi, true, nil
}

// conditional parses (?(id/name)yes|no).
func (p *parser) conditional(open int, flags int) (string, int, int, bool, error) {
	p.pos++
	start := p.pos
	for p.more() && p.src[p.pos] != ')' {
		p.pos++
	}
	if !p.more() {
		return "", 0, 0, false, p.errAt(start, "missing ), unterminated name")
	}
	ref := string(p.src[start:p.pos])
	p.pos++
	if ref == "" {
		return "", 0, 0, false, p.errAt(start, "missing group name")
	}
	var n int
	if v, ok := p.t.names[ref]; ok {
		n = v
	} else {
		v, err := strconv.Atoi(ref)
		if err != nil || v < 0 || !isDigits(ref) {
			if !isIdentifier(ref) {
				return "", 0, 0, false, p.errAt(start, "bad character in group name '%s'", ref)
			}
			return "", 0, 0, false, p.errAt(start, "unknown group name '%s'", ref)
		}
		if v == 0 {
			return "", 0, 0, false, p.errAt(start, "bad group number")
		}
		if v >= 100 {
			return "", 0, 0, false, p.errAt(start, "invalid group reference %d", v)
		}
		n = v
		p.condRefs = append(p.condRefs, groupRef{n, start})
	}
	if p.lookbeh > 0 && (n > p.t.groups || p.open[n]) {
		return "", 0, 0, false, p.errAt(p.pos, "cannot refer to an open group")
	}
	if err := p.lookbehindRef(n, p.pos); err != nil {
		return "", 0, 0, false, err
	}
	p.depth++
	defer func() { p.depth-- }()
	yes, ylo, yhi, err := p.sequence(flags)
	if err != nil {
		return "", 0, 0, false, err
	}
	no, nlo, nhi := "", 0, 0
	if p.peek() == '|' {
		p.pos++
		no, nlo, nhi, err = p.sequence(flags)
		if err != nil {
			return "", 0, 0, false, err
		}
		if p.peek() == '|' {
			return "", 0, 0, false, p.errAt(p.pos, "conditional backref with more than two branches")
		}
	}
	if p.peek() != ')' {
		return "", 0, 0, false, p.errAt(open, "missing ), unterminated subpattern")
	}
	p.pos++
	return fmt.Sprintf("(?(%d)%s|%s)", n, yes, no), min(ylo, nlo), max(yhi, nhi), true, nil
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// flagLetter maps an inline flag letter to its bit.
func flagLetter(c rune) int {
	switch c {
	case 'a':
		return flagASCII
	case 'i':
		return flagIgnoreCase
	case 'L':
		return flagLocale
	case 'm':
		return flagMultiline
	case 's':
		return flagDotAll
	case 'u':
		return flagUnicode
	case 'x':
		return flagVerbose
	}
	return 0
}

// inlineFlags parses (?flags), (?flags:...) and (?flags-flags:...).
func (p *parser) inlineFlags(open int, flags *int, atStart bool) (string, int, int, bool, error) {
	on, off := 0, 0
	for p.more() && flagLetter(p.src[p.pos]) != 0 {
		f := flagLetter(p.src[p.pos])
		if err := p.checkFlag(f); err != nil {
			return "", 0, 0, false, err
		}
		on |= f
		p.pos++
	}
	if !p.more() {
		return "", 0, 0, false, p.errAt(p.pos, "missing -, : or )")
	}
	if p.src[p.pos] == ')' {
		p.pos++
		if !atStart {
			return "", 0, 0, false, p.errAt(open, "global flags not at the start of the expression")
		}
		p.flags |= on
		*flags |= on
		return "", 0, 0, false, nil
	}
	if p.src[p.pos] == '-' {
		p.pos++
		if !p.more() {
			return "", 0, 0, false, p.errAt(p.pos, "missing flag")
		}
		for p.more() && flagLetter(p.src[p.pos]) != 0 {
			f := flagLetter(p.src[p.pos])
			if f == flagASCII || f == flagUnicode || f == flagLocale {
				return "", 0, 0, false, p.errAt(p.pos+1, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
			}
			off |= f
			p.pos++
		}
		if off == 0 {
			if !p.more() || !unicode.IsLetter(p.src[p.pos]) {
				return "", 0, 0, false, p.errAt(p.pos, "missing flag")
			}
			return "", 0, 0, false, p.errAt(p.pos, "unknown flag")
		}
		if on&off != 0 {
			return "", 0, 0, false, p.errAt(p.pos, "bad inline flags: flag turned on and off")
		}
	}
	if !p.more() {
		return "", 0, 0, false, p.errAt(p.pos, "missing :")
	}
	if p.src[p.pos] != ':' {
		if flagLetter(p.src[p.pos]) == 0 && p.src[p.pos] != ')' && off == 0 {
			return "", 0, 0, false, p.errAt(p.pos, "unknown flag")
		}
		return "", 0, 0, false, p.errAt(p.pos, "missing :")
	}
	p.pos++
	inner := (*flags | on) &^ off
	if on&(flagASCII|flagUnicode|flagLocale) != 0 {
		inner &^= flagASCII | flagUnicode | flagLocale
		inner |= on & (flagASCII | flagUnicode | flagLocale)
	}
	var opt strings.Builder
	for _, f := range []struct {
		bit int
		c   byte
	}{{flagIgnoreCase, 'i'}, {flagMultiline, 'm'}, {flagDotAll, 's'}} {
		if on&f.bit != 0 {
			opt.WriteByte(f.c)
		}
	}
	var offs strings.Builder
	for _, f := range []struct {
		bit int
		c   byte
	}{{flagIgnoreCase, 'i'}, {flagMultiline, 'm'}, {flagDotAll, 's'}} {
		if off&f.bit != 0 {
			offs.WriteByte(f.c)
		}
	}
	prefix := "(?" + opt.String()
	if offs.Len() > 0 {
		prefix += "-" + offs.String()
	}
	prefix += ":"
	return p.subpattern(open, prefix, inner, false)
}

// checkFlag rejects the inline flags a pattern of this kind cannot use.
func (p *parser) checkFlag(f int) error {
	switch {
	case f == flagLocale && !p.bytes:
		return p.errAt(p.pos, "bad inline flags: cannot use 'L' flag with a str pattern")
	case f == flagUnicode && p.bytes:
		return p.errAt(p.pos, "bad inline flags: cannot use 'u' flag with a bytes pattern")
	}
	return nil
}

// lookbehindRef rejects, inside a look-behind, a reference to a group
// defined within the same look-behind.
func (p *parser) lookbehindRef(n, pos int) error {
	if p.lookbeh > 0 && n > p.lookbehGroups {
		return p.errAt(pos, "cannot refer to group defined in the same lookbehind subpattern")
	}
	return nil
}
