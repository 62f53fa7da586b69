package re

// This file implements replacement: sub, subn and Match.expand, with
// replacement templates (\1, \g<name>, \g<2>, character escapes) parsed
// once per pattern and template, or a callable called with each match.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// template is a parsed replacement: literal text between group references.
type template struct {
	// lits[i] precedes groups[i]; len(lits) == len(groups)+1. For a bytes
	// pattern each holds the bytes themselves.
	lits   []string
	groups []int
}

// litText is the literal text lit in the representation of lits.
func (p *Pattern) litText(lit []rune) string {
	if !p.isBytes {
		return string(lit)
	}
	b := make([]byte, len(lit))
	for i, r := range lit {
		b[i] = byte(r)
	}
	return string(b)
}

// parseTemplate parses repl (str text, or bytes widened to runes) for p.
func (p *Pattern) parseTemplate(th *runtime.Thread, replVal runtime.Value, repl []rune) (*template, error) {
	key := string(repl)
	if t, ok := p.templates[key]; ok {
		return t, nil
	}
	tr := p.eng.tr
	t := &template{}
	var lit []rune
	fail := func(pos int, format string, a ...any) error {
		return p.mod.raise(th, &parseError{sprintf(format, a...), pos}, replVal)
	}
	addGroup := func(g int) {
		t.lits = append(t.lits, p.litText(lit))
		t.groups = append(t.groups, g)
		lit = lit[:0]
	}
	for i := 0; i < len(repl); i++ {
		c := repl[i]
		if c != '\\' {
			lit = append(lit, c)
			continue
		}
		start := i
		i++
		if i >= len(repl) {
			return nil, fail(start, "bad escape (end of pattern)")
		}
		c = repl[i]
		switch {
		case c == 'g':
			i++
			if i >= len(repl) || repl[i] != '<' {
				return nil, fail(i, "missing <")
			}
			i++
			nameStart := i
			for i < len(repl) && repl[i] != '>' {
				i++
			}
			if i >= len(repl) {
				if nameStart == len(repl) {
					return nil, fail(nameStart, "missing group name")
				}
				return nil, fail(nameStart, "missing >, unterminated name")
			}
			name := string(repl[nameStart:i])
			if name == "" {
				return nil, fail(nameStart, "missing group name")
			}
			var g int
			if isDigits(name) {
				n, err := strconv.Atoi(name)
				if err != nil || n > tr.groups {
					return nil, fail(nameStart, "invalid group reference %s", name)
				}
				g = n
			} else {
				if !isIdentifier(name) {
					return nil, fail(nameStart, "bad character in group name '%s'", name)
				}
				n, ok := tr.names[name]
				if !ok {
					return nil, runtime.Errorf(runtime.IndexError, "unknown group name '%s'", name)
				}
				g = n
			}
			addGroup(g)
		case c == '0':
			v := 0
			for k := 0; k < 2 && i+1 < len(repl) && isOct(repl[i+1]); k++ {
				i++
				v = v*8 + int(repl[i]-'0')
			}
			lit = append(lit, rune(v))
		case c >= '1' && c <= '9':
			if i+2 < len(repl) && isOct(c) && isOct(repl[i+1]) && isOct(repl[i+2]) {
				v, _ := strconv.ParseInt(string(repl[i:i+3]), 8, 32)
				if v > 0o377 {
					return nil, fail(start, `octal escape value \%s outside of range 0-0o377`, string(repl[i:i+3]))
				}
				i += 2
				lit = append(lit, rune(v))
				continue
			}
			n := int(c - '0')
			if i+1 < len(repl) && isDigit(repl[i+1]) {
				i++
				n = n*10 + int(repl[i]-'0')
			}
			if n > tr.groups {
				return nil, fail(start+1, "invalid group reference %d", n)
			}
			addGroup(n)
		default:
			if c == '\\' {
				lit = append(lit, c)
			} else if r, ok := templateEscape(c); ok {
				lit = append(lit, r)
			} else if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				return nil, fail(start, `bad escape \%c`, c)
			} else {
				lit = append(lit, '\\', c)
			}
		}
	}
	t.lits = append(t.lits, p.litText(lit))
	if p.templates == nil {
		p.templates = map[string]*template{}
	}
	p.templates[key] = t
	return t, nil
}

func sprintf(format string, a ...any) string {
	if len(a) == 0 {
		return format
	}
	return fmt.Sprintf(format, a...)
}

// templateEscape decodes the one-letter escapes a template may hold.
func templateEscape(c rune) (rune, bool) {
	switch c {
	case 'a':
		return 7, true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	case 'v':
		return '\v', true
	}
	return 0, false
}

// expandTo appends the template's text for a match to b.
func (t *template) expandTo(b *strings.Builder, s *subject, spans []int) {
	for i, g := range t.groups {
		b.WriteString(t.lits[i])
		if spans[2*g] >= 0 {
			s.writeRange(b, spans[2*g], spans[2*g+1])
		}
	}
	b.WriteString(t.lits[len(t.lits)-1])
}

// writeRange appends the subject's runes [i, j) to b, in the output's
// representation (UTF-8 for a str, the bytes themselves for bytes).
func (s *subject) writeRange(b *strings.Builder, i, j int) {
	switch {
	case s.isASCII:
		b.WriteString(s.ascii[i:j])
	case s.isBytes:
		b.Write(s.bytes[i:j])
	default:
		for _, r := range s.runes[i:j] {
			b.WriteRune(r)
		}
	}
}

// finish converts replacement output to the subject's type.
func (s *subject) finish(b *strings.Builder) runtime.Value {
	if s.isBytes {
		return runtime.NewBytes([]byte(b.String()))
	}
	return runtime.Str(b.String())
}

// replArg interprets sub's repl: a template, or a callable.
func (p *Pattern) replArg(th *runtime.Thread, repl runtime.Value) (*template, runtime.Value, error) {
	switch o := repl.Object().(type) {
	case *runtime.StrObj:
		if p.isBytes {
			return nil, runtime.Value{}, runtime.Errorf(runtime.TypeError, "expected a bytes-like object, str found")
		}
		if !strings.Contains(o.S, `\`) {
			return &template{lits: []string{o.S}}, runtime.Value{}, nil
		}
		t, err := p.parseTemplate(th, repl, []rune(o.S))
		return t, runtime.Value{}, err
	case *runtime.Bytes:
		if !p.isBytes {
			return nil, runtime.Value{}, runtime.Errorf(runtime.TypeError, "expected str instance, bytes found")
		}
		t, err := p.parseTemplate(th, repl, bytesRunes(o.B))
		return t, runtime.Value{}, err
	}
	if !runtime.IsCallable(repl) {
		return nil, runtime.Value{}, runtime.Errorf(runtime.TypeError, "decoding to str: need a bytes-like object, %s found", repl.Type().Name)
	}
	return nil, repl, nil
}

// subn is the work of sub and subn.
func (p *Pattern) subn(th *runtime.Thread, fname string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, int, error) {
	var repl, str runtime.Value
	count := 0
	if err := runtime.UnpackArgs(fname, args, kw, "repl", &repl, "string", &str, "count?", &count); err != nil {
		return runtime.Value{}, 0, err
	}
	s, err := p.newSubject(th, str)
	if err != nil {
		return runtime.Value{}, 0, err
	}
	t, fn, err := p.replArg(th, repl)
	if err != nil {
		return runtime.Value{}, 0, err
	}
	if count < 0 {
		return str, 0, nil
	}
	var out strings.Builder
	out.Grow(len(s.runes))
	last, n, grown := 0, 0, 0
	err = p.scan(th, s, 0, len(s.runes), count, func(spans []int) error {
		s.writeRange(&out, last, spans[0])
		last = spans[1]
		n++
		if t != nil {
			t.expandTo(&out, s, spans)
		} else {
			m := &Match{pat: p, subj: s, pos: 0, endpos: len(s.runes), spans: append([]int(nil), spans...)}
			r, err := th.Call(fn, []runtime.Value{runtime.Obj(m)}, nil)
			if err != nil {
				return err
			}
			if err := appendRepl(&out, r, s.isBytes); err != nil {
				return err
			}
		}
		if out.Len()-grown >= 4096 {
			if err := th.Alloc(int64(out.Len() - grown)); err != nil {
				return err
			}
			grown = out.Len()
		}
		return nil
	})
	if err != nil {
		return runtime.Value{}, 0, err
	}
	if n == 0 {
		return str, 0, nil
	}
	s.writeRange(&out, last, len(s.runes))
	return s.finish(&out), n, nil
}

// appendRepl appends a callable's result, which must be a str (or bytes
// for a bytes pattern).
func appendRepl(out *strings.Builder, r runtime.Value, isBytes bool) error {
	if isBytes {
		switch o := r.Object().(type) {
		case *runtime.Bytes:
			out.Write(o.B)
			return nil
		case *runtime.ByteArray:
			out.Write(o.B)
			return nil
		}
		return runtime.Errorf(runtime.TypeError, "sequence item 0: expected a bytes-like object, %s found", r.Type().Name)
	}
	if o, ok := r.Object().(*runtime.StrObj); ok {
		out.WriteString(o.S)
		return nil
	}
	return runtime.Errorf(runtime.TypeError, "sequence item 0: expected str instance, %s found", r.Type().Name)
}

func patternSub(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	v, _, err := selfPattern(self).subn(th, "sub", args, kw)
	return v, err
}

func patternSubn(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	v, n, err := selfPattern(self).subn(th, "subn", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.TupleOf(v, runtime.Int(int64(n))), nil
}

func matchExpand(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	m := selfMatch(self)
	var repl runtime.Value
	if err := runtime.UnpackArgs("expand", args, kw, "template", &repl); err != nil {
		return runtime.Value{}, err
	}
	t, fn, err := m.pat.replArg(th, repl)
	if err != nil {
		return runtime.Value{}, err
	}
	if t == nil {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "expected str or bytes, got '%s'", fn.Type().Name)
	}
	var out strings.Builder
	t.expandTo(&out, m.subj, m.spans)
	return m.subj.finish(&out), nil
}
