package re

// This file parses a Python regular expression and translates it into the
// syntax of the matching engine (regexp2's .NET dialect). Parsing the
// pattern ourselves gives CPython's error messages and positions, Python's
// group numbering (the engine numbers named groups after unnamed ones, so
// every group is emitted with its explicit Python number), and the places
// where the two dialects differ: \Z, the ASCII classes, literal braces,
// possessive quantifiers, inline-flag rules and fixed-width look-behind.

import (
	"fmt"
	"github.com/aio-lang/aio/internal/unames"
	"strconv"
	"strings"
	"unicode"
)

// Flag bits, with CPython's values.
const (
	flagTemplate   = 1
	flagIgnoreCase = 2
	flagLocale     = 4
	flagMultiline  = 8
	flagDotAll     = 16
	flagUnicode    = 32
	flagVerbose    = 64
	flagDebug      = 128
	flagASCII      = 256
)

// flagConflict is the position of a parseError that reports flags that
// cannot go together, which CPython raises as ValueError.
const flagConflict = -2

// maxWidth stands for an unbounded width in look-behind checks.
const maxWidth = 1 << 30

// parseError is a re.error before it becomes a Python exception: the
// message and the position in the pattern (-1 when CPython gives none).
type parseError struct {
	msg string
	pos int
}

func (e *parseError) Error() string { return e.msg }

// translation is the result of parsing a pattern.
type translation struct {
	expr   string         // the engine's pattern
	flags  int            // the pattern's flags, inline ones included
	groups int            // number of capturing groups
	names  map[string]int // named groups
	nameOf []string       // group number -> name ("" when unnamed)
	parent []int          // group number -> enclosing group (0: none)
}

// parser holds the state of one translation.
type parser struct {
	src     []rune
	pos     int
	bytes   bool
	flags   int // global flags
	t       *translation
	open    map[int]bool // groups whose closing parenthesis is still ahead
	stack   []int        // open groups, innermost last
	lookbeh int          // depth of look-behind assertions being parsed
	// lookbehGroups is the number of groups defined before the outermost
	// look-behind being parsed began.
	lookbehGroups int
	// depth is the number of groups open; seen is set once an item was
	// parsed (global flags must come before both).
	depth int
	seen  bool
	// widths are the width bounds of each closed group, for the width of
	// a back-reference in a look-behind.
	widths map[int][2]int
	// condRefs are the groups that conditionals refer to, with the
	// position to report if the group never exists.
	condRefs []groupRef
}

// groupRef is a reference to a group number at a position of the pattern.
type groupRef struct{ group, pos int }

// translate parses pattern (a str pattern, or a bytes pattern decoded one
// rune per byte when isBytes) with flags.
func translate(pattern []rune, flags int, isBytes bool) (t *translation, err error) {
	p := &parser{src: pattern, bytes: isBytes, flags: flags, open: map[int]bool{}, widths: map[int][2]int{},
		t: &translation{names: map[string]int{}, nameOf: []string{""}, parent: []int{0}}}
	if isBytes {
		if flags&flagUnicode != 0 {
			return nil, &parseError{"cannot use UNICODE flag with a bytes pattern", flagConflict}
		}
	} else {
		if flags&flagLocale != 0 {
			return nil, &parseError{"cannot use LOCALE flag with a str pattern", flagConflict}
		}
	}
	if flags&flagASCII != 0 && flags&flagUnicode != 0 {
		return nil, &parseError{"ASCII and UNICODE flags are incompatible", flagConflict}
	}
	body, _, _, err := p.alternation(p.flags)
	if err != nil {
		// CPython's tokenizer reads one token ahead: a lone backslash
		// ending the pattern is reported as soon as the parser reaches it.
		if pe, ok := err.(*parseError); ok && pe.pos != flagConflict {
			if at := loneBackslash(pattern); at >= 0 && p.pos >= at {
				return nil, &parseError{"bad escape (end of pattern)", at}
			}
		}
		return nil, err
	}
	if p.pos < len(p.src) {
		// Only a stray ')' stops the top-level alternation early.
		return nil, &parseError{"unbalanced parenthesis", p.pos}
	}
	for _, r := range p.condRefs {
		if r.group > p.t.groups {
			return nil, &parseError{fmt.Sprintf("invalid group reference %d", r.group), r.pos}
		}
	}
	if !isBytes && p.flags&flagASCII == 0 {
		p.flags |= flagUnicode
	}
	p.t.flags = p.flags
	var opts strings.Builder
	if p.flags&flagIgnoreCase != 0 {
		opts.WriteByte('i')
	}
	if p.flags&flagMultiline != 0 {
		opts.WriteByte('m')
	}
	if p.flags&flagDotAll != 0 {
		opts.WriteByte('s')
	}
	if opts.Len() > 0 {
		body = "(?" + opts.String() + ")" + body
	}
	p.t.expr = body
	return p.t, nil
}

// loneBackslash returns the position of a backslash that ends the
// pattern with nothing to escape, or -1.
func loneBackslash(src []rune) int {
	for i := 0; i < len(src); i++ {
		if src[i] == '\\' {
			if i+1 == len(src) {
				return i
			}
			i++
		}
	}
	return -1
}

func (p *parser) errAt(pos int, format string, a ...any) error {
	return &parseError{fmt.Sprintf(format, a...), pos}
}

func (p *parser) more() bool { return p.pos < len(p.src) }

func (p *parser) peek() rune {
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return -1
}

// skipNoise skips what does not take part in matching: comment groups
// (?#...), and white space and # comments under the VERBOSE flag. A
// quantifier after them applies to the item before them.
func (p *parser) skipNoise(flags int) error {
	for {
		p.skipVerbose(flags)
		if p.pos+2 < len(p.src) && p.src[p.pos] == '(' && p.src[p.pos+1] == '?' && p.src[p.pos+2] == '#' {
			open := p.pos
			for p.more() && p.src[p.pos] != ')' {
				p.pos++
			}
			if !p.more() {
				return p.errAt(open, "missing ), unterminated comment")
			}
			p.pos++
			continue
		}
		return nil
	}
}

// skipVerbose skips white space and comments under the VERBOSE flag.
func (p *parser) skipVerbose(flags int) {
	if flags&flagVerbose == 0 {
		return
	}
	for p.more() {
		c := p.src[p.pos]
		if c == '#' {
			for p.more() && p.src[p.pos] != '\n' {
				p.pos++
			}
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			p.pos++
			continue
		}
		return
	}
}

// alternation parses branches separated by '|' up to ')' or the end,
// returning the translation and its width bounds.
func (p *parser) alternation(flags int) (string, int, int, error) {
	var parts []string
	lo, hi := maxWidth, 0
	for {
		s, l, h, err := p.sequence(flags)
		if err != nil {
			return "", 0, 0, err
		}
		parts = append(parts, s)
		lo, hi = min(lo, l), max(hi, h)
		if p.peek() != '|' {
			break
		}
		p.pos++
		p.seen = true
	}
	if len(parts) == 1 {
		return parts[0], lo, hi, nil
	}
	return strings.Join(parts, "|"), lo, hi, nil
}

// sequence parses the items of one branch.
func (p *parser) sequence(flags int) (string, int, int, error) {
	var b strings.Builder
	lo, hi := 0, 0
	for {
		if err := p.skipNoise(flags); err != nil {
			return "", 0, 0, err
		}
		if !p.more() || p.peek() == '|' || p.peek() == ')' {
			break
		}
		atom, l, h, repeatable, err := p.atom(&flags, p.depth == 0 && !p.seen)
		if err != nil {
			return "", 0, 0, err
		}
		if atom != "" {
			p.seen = true // only global flags translate to nothing
		}
		atom, l, h, err = p.quantifiers(atom, l, h, repeatable, flags)
		if err != nil {
			return "", 0, 0, err
		}
		b.WriteString(atom)
		lo = addWidth(lo, l)
		hi = addWidth(hi, h)
	}
	return b.String(), lo, hi, nil
}

func addWidth(a, b int) int {
	if a >= maxWidth || b >= maxWidth {
		return maxWidth
	}
	return a + b
}

// quantifiers applies any repetition operators following an atom.
func (p *parser) quantifiers(atom string, lo, hi int, repeatable bool, flags int) (string, int, int, error) {
	repeated := false
	for {
		if err := p.skipNoise(flags); err != nil {
			return "", 0, 0, err
		}
		if !p.more() {
			return atom, lo, hi, nil
		}
		at := p.pos
		c := p.src[p.pos]
		var qmin, qmax int
		var q string
		switch c {
		case '*':
			qmin, qmax, q = 0, maxWidth, "*"
			p.pos++
		case '+':
			qmin, qmax, q = 1, maxWidth, "+"
			p.pos++
		case '?':
			qmin, qmax, q = 0, 1, "?"
			p.pos++
		case '{':
			m, n, ok, err := p.braces()
			if err != nil {
				return "", 0, 0, err
			}
			if !ok {
				return atom, lo, hi, nil
			}
			qmin, qmax = m, n
			if n == maxWidth {
				q = "{" + strconv.Itoa(m) + ",}"
			} else {
				q = "{" + strconv.Itoa(m) + "," + strconv.Itoa(n) + "}"
			}
		default:
			return atom, lo, hi, nil
		}
		if !repeatable {
			return "", 0, 0, p.errAt(at, "nothing to repeat")
		}
		if repeated {
			return "", 0, 0, p.errAt(at, "multiple repeat")
		}
		repeated = true
		switch p.peek() {
		case '?':
			p.pos++
			atom = "(?:" + atom + ")" + q + "?"
		case '+':
			p.pos++
			atom = "(?>(?:" + atom + ")" + q + ")"
		default:
			atom = "(?:" + atom + ")" + q
		}
		lo = mulWidth(lo, qmin)
		hi = mulWidth(hi, qmax)
	}
}

func mulWidth(a, n int) int {
	if n >= maxWidth {
		if a == 0 {
			return 0
		}
		return maxWidth
	}
	if a >= maxWidth {
		return maxWidth
	}
	if a*n >= maxWidth {
		return maxWidth
	}
	return a * n
}

// braces parses {m}, {m,}, {,n} or {m,n} at p.pos; ok is false (and the
// position unchanged) when the text is not a repeat, which makes the
// brace a literal as in CPython.
func (p *parser) braces() (int, int, bool, error) {
	start := p.pos
	i := p.pos + 1
	readNum := func() (string, bool) {
		j := i
		for i < len(p.src) && p.src[i] >= '0' && p.src[i] <= '9' {
			i++
		}
		return string(p.src[j:i]), i > j
	}
	lo, hasLo := readNum()
	hi, hasHi := lo, hasLo
	comma := false
	if i < len(p.src) && p.src[i] == ',' {
		comma = true
		i++
		hi, hasHi = readNum()
	}
	if i >= len(p.src) || p.src[i] != '}' {
		return 0, 0, false, nil
	}
	if !hasLo && !hasHi && !comma {
		return 0, 0, false, nil
	}
	i++
	m := 0
	if hasLo {
		v, err := strconv.Atoi(lo)
		if err != nil || v >= 1<<32-1 {
			return 0, 0, false, p.errAt(start+1, "the repetition number is too large")
		}
		m = v
	}
	n := maxWidth
	if hasHi {
		v, err := strconv.Atoi(hi)
		if err != nil || v >= 1<<32-1 {
			return 0, 0, false, p.errAt(start+1, "the repetition number is too large")
		}
		n = v
		if n < m {
			return 0, 0, false, p.errAt(start+1, "min repeat greater than max repeat")
		}
	}
	if n != maxWidth && n > 100000 || m > 100000 {
		return 0, 0, false, p.errAt(start+1, "the repetition number is too large")
	}
	p.pos = i
	return m, n, true, nil
}

// atom parses one item: a literal, class, group, escape or anchor. It
// reports whether a quantifier may follow.
func (p *parser) atom(flags *int, atStart bool) (string, int, int, bool, error) {
	c := p.src[p.pos]
	switch c {
	case '.':
		p.pos++
		if *flags&flagDotAll != 0 {
			return `[\s\S]`, 1, 1, true, nil
		}
		return `[^\n]`, 1, 1, true, nil
	case '^':
		p.pos++
		if *flags&flagMultiline != 0 {
			return `(?m:^)`, 0, 0, false, nil
		}
		return `(?-m:^)`, 0, 0, false, nil
	case '$':
		p.pos++
		if *flags&flagMultiline != 0 {
			return `(?m:$)`, 0, 0, false, nil
		}
		return `(?-m:$)`, 0, 0, false, nil
	case '[':
		s, err := p.class(*flags)
		return s, 1, 1, true, err
	case '(':
		return p.group(flags, atStart)
	case '\\':
		return p.escape(*flags)
	case '*', '+', '?':
		return "", 0, 0, false, p.errAt(p.pos, "nothing to repeat")
	case '{':
		save := p.pos
		if _, _, ok, err := p.braces(); err != nil {
			return "", 0, 0, false, err
		} else if ok {
			return "", 0, 0, false, p.errAt(save, "nothing to repeat")
		}
		p.pos = save + 1
		return `\{`, 1, 1, true, nil
	}
	p.pos++
	return p.literal(c, *flags), 1, 1, true, nil
}

// literal returns the engine's spelling of the character r.
func (p *parser) literal(r rune, flags int) string {
	if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
		return string(r)
	}
	s := string(r)
	if r < 0x10000 {
		s = fmt.Sprintf(`\u%04X`, r)
	}
	if p.asciiCase(flags) && unicode.SimpleFold(r) != r {
		// Under ASCII (and for bytes) only ASCII letters ignore case.
		return `(?-i:` + s + `)`
	}
	return s
}

// asciiCase reports whether IGNORECASE applies to ASCII letters only.
func (p *parser) asciiCase(flags int) bool {
	return flags&flagIgnoreCase != 0 && p.ascii(flags)
}

// ascii reports whether the classes \d, \w, \s are ASCII-only under flags.
func (p *parser) ascii(flags int) bool {
	return p.bytes || flags&flagASCII != 0
}

// lookupCharName resolves \N{name} by the Unicode names (any case).
func lookupCharName(name string) (rune, bool) { return unames.Lookup(name) }
