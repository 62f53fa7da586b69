package re

// This file defines re.Pattern, a compiled regular expression, with its
// searching methods.

import (
	"math"
	"strings"
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// Pattern is a compiled regular expression (re.Pattern).
type Pattern struct {
	mod       *module
	source    runtime.Value // the pattern as given (str or bytes)
	isBytes   bool
	eng       *engine
	templates map[string]*template // parsed replacement templates
}

// PatternType is re.Pattern.
var PatternType = runtime.NewType("Pattern", runtime.ObjectType)

// Type returns PatternType.
func (*Pattern) Type() *runtime.Type { return PatternType }

// Footprint implements runtime.MemNode.
func (p *Pattern) Footprint() int64 {
	return int64(unsafe.Sizeof(*p)) + int64(len(p.eng.tr.expr))*4
}

// Referents implements runtime.MemNode.
func (p *Pattern) Referents(w *runtime.MemWalker) { w.Value(p.source) }

// Attr returns the pattern's data attributes.
func (p *Pattern) Attr(name string) (runtime.Value, bool) {
	tr := p.eng.tr
	switch name {
	case "pattern":
		return p.source, true
	case "flags":
		return runtime.Int(int64(tr.flags)), true
	case "groups":
		return runtime.Int(int64(tr.groups)), true
	case "groupindex":
		d := runtime.NewDict()
		for g := 1; g <= tr.groups; g++ {
			if name := tr.nameOf[g]; name != "" {
				_ = d.SetItem(nil, runtime.Str(name), runtime.Int(int64(g)))
			}
		}
		return runtime.Obj(d), true
	}
	return runtime.Value{}, false
}

// SetAttrValue refuses: a pattern is read-only.
func (p *Pattern) SetAttrValue(string, runtime.Value) bool { return false }

// DelAttrValue refuses: a pattern is read-only.
func (p *Pattern) DelAttrValue(string) bool { return false }

func init() {
	PatternType.Module = "re"
	PatternType.Final = true
	PatternType.New = func(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "cannot create 're.Pattern' instances")
	}
	PatternType.Methods(map[string]runtime.BuiltinFn{
		"search": patternSearch, "match": patternMatch, "fullmatch": patternFullmatch,
		"findall": patternFindall, "finditer": patternFinditer, "split": patternSplit,
		"sub": patternSub, "subn": patternSubn, "__repr__": patternRepr,
		"__eq__": patternEq, "__hash__": patternHash,
		"__copy__": patternSelf, "__deepcopy__": patternSelf,
	})
}

func selfPattern(v runtime.Value) *Pattern { return v.Object().(*Pattern) }

// subject is the text a pattern runs on, seen as runes.
type subject struct {
	val     runtime.Value
	runes   []rune
	ascii   string // the str itself when every rune is one byte
	isASCII bool
	bytes   []byte
	isBytes bool
}

// newSubject checks that v suits the pattern and decodes it. The runes
// of the last str or bytes decoded are kept, so that a loop matching at
// successive positions of one text (a tokenizer) decodes it once.
func (p *Pattern) newSubject(th *runtime.Thread, v runtime.Value) (*subject, error) {
	m := p.mod
	if v.Object() == m.lastText && m.lastText != nil {
		s := *m.lastSubject
		s.val = v
		if s.isBytes != p.isBytes {
			return nil, mismatch(p.isBytes)
		}
		return &s, nil
	}
	var s *subject
	switch o := v.Object().(type) {
	case *runtime.StrObj:
		if p.isBytes {
			return nil, mismatch(true)
		}
		if err := th.Alloc(int64(len(o.S)) * 4); err != nil {
			return nil, err
		}
		s = &subject{val: v, runes: o.Runes()}
		if len(s.runes) == len(o.S) {
			s.ascii, s.isASCII = o.S, true
		}
		m.remember(o, s)
	case *runtime.Bytes:
		if !p.isBytes {
			return nil, mismatch(false)
		}
		if err := th.Alloc(int64(len(o.B)) * 4); err != nil {
			return nil, err
		}
		s = &subject{val: v, runes: bytesRunes(o.B), bytes: o.B, isBytes: true}
		m.remember(o, s)
	case *runtime.ByteArray:
		// Mutable: decoded afresh each time.
		if !p.isBytes {
			return nil, mismatch(false)
		}
		if err := th.Alloc(int64(len(o.B)) * 4); err != nil {
			return nil, err
		}
		s = &subject{val: v, runes: bytesRunes(o.B), bytes: o.B, isBytes: true}
	default:
		return nil, runtime.Errorf(runtime.TypeError, "expected string or bytes-like object, got '%s'", v.Type().Name)
	}
	return s, nil
}

// mismatch is the error for a subject of the other kind than the pattern.
func mismatch(patternIsBytes bool) error {
	if patternIsBytes {
		return runtime.Errorf(runtime.TypeError, "cannot use a bytes pattern on a string-like object")
	}
	return runtime.Errorf(runtime.TypeError, "cannot use a string pattern on a bytes-like object")
}

// slice returns the text of runes [i, j) as a str or bytes value.
func (s *subject) slice(i, j int) runtime.Value {
	switch {
	case s.isBytes:
		return runtime.NewBytes(append([]byte(nil), s.bytes[i:j]...))
	case s.isASCII:
		return runtime.Str(s.ascii[i:j])
	}
	return runtime.Str(string(s.runes[i:j]))
}

// empty returns the empty str or bytes.
func (s *subject) empty() runtime.Value {
	if s.isBytes {
		return runtime.NewBytes(nil)
	}
	return runtime.Str("")
}

// bounds clamps pos and endpos as CPython does.
func bounds(n int, pos, endpos int64) (int, int) {
	if pos < 0 {
		pos = 0
	}
	if pos > int64(n) {
		pos = int64(n)
	}
	if endpos > int64(n) {
		endpos = int64(n)
	}
	if endpos < 0 {
		endpos = 0
	}
	return int(pos), int(endpos)
}

// searchArgs unpacks (string, pos, endpos).
func searchArgs(th *runtime.Thread, fname string, p *Pattern, args []runtime.Value, kw []runtime.Kwarg) (*subject, int, int, error) {
	var str runtime.Value
	pos, endpos := int64(0), int64(math.MaxInt64)
	if err := runtime.UnpackArgs(fname, args, kw, "string", &str, "pos?", &pos, "endpos?", &endpos); err != nil {
		return nil, 0, 0, err
	}
	s, err := p.newSubject(th, str)
	if err != nil {
		return nil, 0, 0, err
	}
	a, b := bounds(len(s.runes), pos, endpos)
	return s, a, b, nil
}

// run searches once with form kind and wraps a match.
func (p *Pattern) run(th *runtime.Thread, fname string, kind searchKind, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	s, pos, endpos, err := searchArgs(th, fname, p, args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	if endpos < pos {
		return runtime.None, nil
	}
	spans, err := p.eng.find(th, kind, s.runes[:endpos], pos, nil)
	if err != nil || spans == nil {
		return runtime.None, err
	}
	return runtime.Obj(&Match{pat: p, subj: s, pos: pos, endpos: endpos, spans: spans}), nil
}

func patternSearch(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return selfPattern(self).run(th, "search", kindSearch, args, kw)
}

func patternMatch(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return selfPattern(self).run(th, "match", kindMatch, args, kw)
}

func patternFullmatch(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return selfPattern(self).run(th, "fullmatch", kindFull, args, kw)
}

// scan calls fn for each successive match of p in s[pos:endpos] (at most
// limit when limit > 0), with Python 3.7's rule for empty matches.
func (p *Pattern) scan(th *runtime.Thread, s *subject, pos, endpos, limit int, fn func(spans []int) error) error {
	return p.eng.each(th, kindSearch, s.runes[:endpos], pos, limit, nil, fn)
}

// groupValue returns the text of group g in spans, or dflt when the group
// did not take part.
func groupValue(s *subject, spans []int, g int, dflt runtime.Value) runtime.Value {
	if spans[2*g] < 0 {
		return dflt
	}
	return s.slice(spans[2*g], spans[2*g+1])
}

func patternFindall(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p := selfPattern(self)
	s, pos, endpos, err := searchArgs(th, "findall", p, args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	var out []runtime.Value
	ng := p.eng.tr.groups
	empty := s.empty()
	err = p.scan(th, s, pos, endpos, 0, func(spans []int) error {
		switch ng {
		case 0:
			out = append(out, s.slice(spans[0], spans[1]))
		case 1:
			out = append(out, groupValue(s, spans, 1, empty))
		default:
			items := make([]runtime.Value, ng)
			for g := 1; g <= ng; g++ {
				items[g-1] = groupValue(s, spans, g, empty)
			}
			out = append(out, runtime.TupleOf(items...))
		}
		return th.Alloc(int64(ng+1) * 16)
	})
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.NewList(out), nil
}

func patternSplit(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p := selfPattern(self)
	var str runtime.Value
	maxsplit := 0
	if err := runtime.UnpackArgs("split", args, kw, "string", &str, "maxsplit?", &maxsplit); err != nil {
		return runtime.Value{}, err
	}
	s, err := p.newSubject(th, str)
	if err != nil {
		return runtime.Value{}, err
	}
	if maxsplit < 0 {
		return runtime.NewList([]runtime.Value{s.slice(0, len(s.runes))}), nil
	}
	var out []runtime.Value
	last := 0
	ng := p.eng.tr.groups
	err = p.scan(th, s, 0, len(s.runes), maxsplit, func(spans []int) error {
		out = append(out, s.slice(last, spans[0]))
		for g := 1; g <= ng; g++ {
			out = append(out, groupValue(s, spans, g, runtime.None))
		}
		last = spans[1]
		return th.Alloc(int64(ng+1) * 16)
	})
	if err != nil {
		return runtime.Value{}, err
	}
	out = append(out, s.slice(last, len(s.runes)))
	return runtime.NewList(out), nil
}

func patternRepr(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p := selfPattern(self)
	src, err := runtime.Repr(th, p.source)
	if err != nil {
		return runtime.Value{}, err
	}
	if r := []rune(src); len(r) > 200 {
		src = string(r[:200])
	}
	flags := p.eng.tr.flags
	if !p.isBytes {
		flags &^= flagUnicode
	}
	if flags == 0 {
		return runtime.Str("re.compile(" + src + ")"), nil
	}
	var names []string
	for _, f := range []struct {
		bit  int
		name string
	}{{flagTemplate, "TEMPLATE"}, {flagIgnoreCase, "IGNORECASE"}, {flagLocale, "LOCALE"}, {flagMultiline, "MULTILINE"},
		{flagDotAll, "DOTALL"}, {flagUnicode, "UNICODE"}, {flagVerbose, "VERBOSE"}, {flagDebug, "DEBUG"}, {flagASCII, "ASCII"}} {
		if flags&f.bit != 0 {
			names = append(names, "re."+f.name)
		}
	}
	return runtime.Str("re.compile(" + src + ", " + strings.Join(names, "|") + ")"), nil
}

func patternEq(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p := selfPattern(self)
	if len(args) != 1 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "expected 1 argument, got %d", len(args))
	}
	q, ok := args[0].Object().(*Pattern)
	if !ok {
		return runtime.NotImplemented, nil
	}
	if p == q {
		return runtime.MakeBool(true), nil
	}
	same := p.isBytes == q.isBytes && p.eng.tr.flags == q.eng.tr.flags
	if same {
		eq, err := runtime.Equal(th, p.source, q.source)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeBool(eq), nil
	}
	return runtime.MakeBool(false), nil
}

func patternHash(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p := selfPattern(self)
	h, err := runtime.Hash(th, p.source)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Int(h ^ int64(p.eng.tr.flags)), nil
}

func patternSelf(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return self, nil
}

// Repr returns CPython's repr of a pattern: re.compile('...', flags).
func (p *Pattern) Repr(th *runtime.Thread) (string, error) {
	v, err := patternRepr(th, runtime.Obj(p), nil, nil)
	if err != nil {
		return "", err
	}
	return v.Object().(*runtime.StrObj).S, nil
}
