package re

// This file defines re.Match, the result of a successful search, and the
// iterator that finditer returns.

import (
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// Match is a successful match (re.Match).
type Match struct {
	pat         *Pattern
	subj        *subject
	pos, endpos int
	spans       []int // start, end of each group; -1 when it did not take part
}

// MatchType is re.Match.
var MatchType = runtime.NewType("Match", runtime.ObjectType)

// Type returns MatchType.
func (*Match) Type() *runtime.Type { return MatchType }

// Footprint implements runtime.MemNode.
func (m *Match) Footprint() int64 {
	return int64(unsafe.Sizeof(*m)) + int64(len(m.spans))*8 + int64(unsafe.Sizeof(*m.subj))
}

// Referents implements runtime.MemNode.
func (m *Match) Referents(w *runtime.MemWalker) {
	w.Node(m.pat)
	w.Value(m.subj.val)
}

// lastIndex is the number of the group that closed last, or 0: among the
// groups that took part, the one ending last, an enclosing group winning
// over the groups inside it and a later group over an earlier sibling.
func (m *Match) lastIndex() int {
	tr := m.pat.eng.tr
	best := 0
	for g := 1; g <= tr.groups; g++ {
		if m.spans[2*g] < 0 {
			continue
		}
		if best == 0 || m.spans[2*g+1] > m.spans[2*best+1] {
			best = g
			continue
		}
		if m.spans[2*g+1] == m.spans[2*best+1] && !encloses(tr, best, g) {
			best = g
		}
	}
	return best
}

// encloses reports whether group outer contains group inner.
func encloses(tr *translation, outer, inner int) bool {
	for g := tr.parent[inner]; g != 0; g = tr.parent[g] {
		if g == outer {
			return true
		}
	}
	return false
}

// Attr returns the match's data attributes.
func (m *Match) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "pos":
		return runtime.Int(int64(m.pos)), true
	case "endpos":
		return runtime.Int(int64(m.endpos)), true
	case "re":
		return runtime.Obj(m.pat), true
	case "string":
		return m.subj.val, true
	case "lastindex":
		if g := m.lastIndex(); g > 0 {
			return runtime.Int(int64(g)), true
		}
		return runtime.None, true
	case "lastgroup":
		if g := m.lastIndex(); g > 0 && m.pat.eng.tr.nameOf[g] != "" {
			return runtime.Str(m.pat.eng.tr.nameOf[g]), true
		}
		return runtime.None, true
	case "regs":
		items := make([]runtime.Value, len(m.spans)/2)
		for g := range items {
			items[g] = m.span(g)
		}
		return runtime.TupleOf(items...), true
	}
	return runtime.Value{}, false
}

// SetAttrValue refuses: a match is read-only.
func (m *Match) SetAttrValue(string, runtime.Value) bool { return false }

// DelAttrValue refuses: a match is read-only.
func (m *Match) DelAttrValue(string) bool { return false }

func (m *Match) span(g int) runtime.Value {
	return runtime.TupleOf(runtime.Int(int64(m.spans[2*g])), runtime.Int(int64(m.spans[2*g+1])))
}

// GetItemHook implements m[g].
func (m *Match) GetItemHook(th *runtime.Thread, key runtime.Value) (runtime.Value, error) {
	g, err := m.groupIndex(key)
	if err != nil {
		return runtime.Value{}, err
	}
	return groupValue(m.subj, m.spans, g, runtime.None), nil
}

// groupIndex resolves a group number or name.
func (m *Match) groupIndex(key runtime.Value) (int, error) {
	tr := m.pat.eng.tr
	if key.IsSmallInt() {
		if n := key.SmallInt(); n >= 0 && n <= int64(tr.groups) {
			return int(n), nil
		}
	} else if s, ok := key.Object().(*runtime.StrObj); ok {
		if n, ok := tr.names[s.S]; ok {
			return n, nil
		}
	} else if b, ok := key.Object().(*runtime.Bool); ok {
		if b.B && tr.groups >= 1 {
			return 1, nil
		} else if !b.B {
			return 0, nil
		}
	}
	return 0, runtime.Errorf(runtime.IndexError, "no such group")
}

func selfMatch(v runtime.Value) *Match { return v.Object().(*Match) }

func init() {
	MatchType.Module = "re"
	MatchType.Final = true
	MatchType.New = func(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "cannot create 're.Match' instances")
	}
	MatchType.Methods(map[string]runtime.BuiltinFn{
		"group": matchGroup, "groups": matchGroups, "groupdict": matchGroupdict,
		"start": matchStart, "end": matchEnd, "span": matchSpan, "expand": matchExpand,
		"__getitem__": matchGetItem, "__repr__": matchRepr,
		"__copy__": patternSelf, "__deepcopy__": patternSelf,
	})
	finditerType.Module = "builtins"
	finditerType.Methods(map[string]runtime.BuiltinFn{
		"__iter__": patternSelf,
		"__next__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			v, ok, err := self.Object().(*matchIter).Next(th)
			if err != nil {
				return runtime.Value{}, err
			}
			if !ok {
				return runtime.Value{}, runtime.NewException(runtime.StopIteration)
			}
			return v, nil
		},
	})
}

func matchGroup(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	m := selfMatch(self)
	if len(kw) > 0 {
		return runtime.Value{}, runtime.NoKeywords("Match.group", kw)
	}
	if len(args) == 0 {
		return groupValue(m.subj, m.spans, 0, runtime.None), nil
	}
	out := make([]runtime.Value, len(args))
	for i, a := range args {
		g, err := m.groupIndex(a)
		if err != nil {
			return runtime.Value{}, err
		}
		out[i] = groupValue(m.subj, m.spans, g, runtime.None)
	}
	if len(out) == 1 {
		return out[0], nil
	}
	return runtime.TupleOf(out...), nil
}

func matchGetItem(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var key runtime.Value
	if err := runtime.UnpackArgs("__getitem__", args, kw, "key", &key); err != nil {
		return runtime.Value{}, err
	}
	return selfMatch(self).GetItemHook(th, key)
}

func matchGroups(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	m := selfMatch(self)
	dflt := runtime.None
	if err := runtime.UnpackArgs("groups", args, kw, "default?", &dflt); err != nil {
		return runtime.Value{}, err
	}
	out := make([]runtime.Value, m.pat.eng.tr.groups)
	for g := range out {
		out[g] = groupValue(m.subj, m.spans, g+1, dflt)
	}
	return runtime.TupleOf(out...), nil
}

func matchGroupdict(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	m := selfMatch(self)
	dflt := runtime.None
	if err := runtime.UnpackArgs("groupdict", args, kw, "default?", &dflt); err != nil {
		return runtime.Value{}, err
	}
	tr := m.pat.eng.tr
	d := runtime.NewDict()
	for g := 1; g <= tr.groups; g++ {
		if name := tr.nameOf[g]; name != "" {
			if err := d.SetItem(th, runtime.Str(name), groupValue(m.subj, m.spans, g, dflt)); err != nil {
				return runtime.Value{}, err
			}
		}
	}
	return runtime.Obj(d), nil
}

// groupArg resolves the optional group argument of start, end and span.
func groupArg(fname string, m *Match, args []runtime.Value, kw []runtime.Kwarg) (int, error) {
	key := runtime.Int(0)
	if err := runtime.UnpackArgs(fname, args, kw, "group?", &key); err != nil {
		return 0, err
	}
	return m.groupIndex(key)
}

func matchStart(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	m := selfMatch(self)
	g, err := groupArg("start", m, args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Int(int64(m.spans[2*g])), nil
}

func matchEnd(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	m := selfMatch(self)
	g, err := groupArg("end", m, args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Int(int64(m.spans[2*g+1])), nil
}

func matchSpan(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	m := selfMatch(self)
	g, err := groupArg("span", m, args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	return m.span(g), nil
}

func matchRepr(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	m := selfMatch(self)
	text, err := runtime.Repr(th, groupValue(m.subj, m.spans, 0, runtime.None))
	if err != nil {
		return runtime.Value{}, err
	}
	// CPython shows at most 50 characters of the text's repr.
	if r := []rune(text); len(r) > 50 {
		text = string(r[:50])
	}
	span, _ := runtime.Repr(th, m.span(0))
	return runtime.Str("<re.Match object; span=" + span + ", match=" + text + ">"), nil
}

// matchIter is the iterator finditer returns.
type matchIter struct {
	pat    *Pattern
	subj   *subject
	pos    int
	endpos int
	kind   searchKind
	done   bool
	start  int
}

// finditerType is the type of finditer's iterator (CPython's is a
// callable_iterator).
var finditerType = runtime.NewType("callable_iterator", runtime.ObjectType)

// Type returns finditerType.
func (*matchIter) Type() *runtime.Type { return finditerType }

// Footprint implements runtime.MemNode.
func (it *matchIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements runtime.MemNode.
func (it *matchIter) Referents(w *runtime.MemWalker) {
	w.Node(it.pat)
	w.Value(it.subj.val)
}

// Next returns the next match.
func (it *matchIter) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	if it.done || it.pos > it.endpos {
		it.done = true
		return runtime.Value{}, false, nil
	}
	spans, err := it.pat.eng.find(th, it.kind, it.subj.runes[:it.endpos], it.pos, nil)
	if err != nil {
		it.done = true
		return runtime.Value{}, false, err
	}
	if spans == nil {
		it.done = true
		return runtime.Value{}, false, nil
	}
	it.kind = kindSearch
	if spans[0] == spans[1] {
		it.kind = kindAdvance
	}
	it.pos = spans[1]
	return runtime.Obj(&Match{pat: it.pat, subj: it.subj, pos: it.start, endpos: it.endpos, spans: spans}), true, nil
}

func patternFinditer(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p := selfPattern(self)
	s, pos, endpos, err := searchArgs(th, "finditer", p, args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	it := &matchIter{pat: p, subj: s, pos: pos, endpos: endpos, start: pos}
	if endpos < pos {
		it.done = true
	}
	return runtime.Obj(it), nil
}

// Repr returns CPython's repr of a match, with its span and text.
func (m *Match) Repr(th *runtime.Thread) (string, error) {
	v, err := matchRepr(th, runtime.Obj(m), nil, nil)
	if err != nil {
		return "", err
	}
	return v.Object().(*runtime.StrObj).S, nil
}
