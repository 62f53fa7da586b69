package runtime

// This file holds the run-time checks of the match statement's patterns
// (PEP 634): which subjects sequence and mapping patterns accept, the
// lookup of a mapping pattern's keys, and class patterns with
// __match_args__, with CPython 3.11's error messages.

import "sync"

// matchRegistry holds the classes registered as sequences or mappings
// for pattern matching (what collections.abc's register does in CPython).
var matchRegistry struct {
	sync.RWMutex
	seq, mapping map[*Type]bool
}

// RegisterMatchSequence makes instances of t (and of its subclasses)
// match sequence patterns, as Sequence.register(t) does in CPython.
func RegisterMatchSequence(t *Type) { registerMatch(t, true) }

// RegisterMatchMapping makes instances of t (and of its subclasses)
// match mapping patterns, as Mapping.register(t) does in CPython.
func RegisterMatchMapping(t *Type) { registerMatch(t, false) }

func registerMatch(t *Type, seq bool) {
	matchRegistry.Lock()
	defer matchRegistry.Unlock()
	m := &matchRegistry.mapping
	if seq {
		m = &matchRegistry.seq
	}
	if *m == nil {
		*m = map[*Type]bool{}
	}
	(*m)[t] = true
}

// matchKind reports whether t or a base is registered, or is the
// collections.abc class of that name.
func matchKind(t *Type, seq bool, abcName string) bool {
	matchRegistry.RLock()
	reg := matchRegistry.mapping
	if seq {
		reg = matchRegistry.seq
	}
	defer matchRegistry.RUnlock()
	for _, c := range t.MRO() {
		if reg[c] || c.Name == abcName && (c.Module == "collections.abc" || c.Module == "_collections_abc") {
			return true
		}
	}
	return false
}

// MatchIsSequence reports whether v matches sequence patterns: lists,
// tuples, ranges and memoryviews, their subclasses, and classes
// registered as sequences; never str, bytes or bytearray.
func MatchIsSequence(v Value) bool {
	t := v.Type()
	if t.IsSubtype(ListType) || t.IsSubtype(TupleType) || t == RangeType {
		return true
	}
	for _, c := range t.MRO() {
		if c.Module == "builtins" {
			switch c.Name {
			case "str", "bytes", "bytearray", "dict":
				return false
			case "memoryview", "array", "deque":
				return true
			}
		}
	}
	return matchKind(t, true, "Sequence")
}

// MatchIsMapping reports whether v matches mapping patterns: dicts,
// their subclasses, and classes registered as mappings.
func MatchIsMapping(v Value) bool {
	t := v.Type()
	if t.IsSubtype(DictType) {
		return true
	}
	return matchKind(t, false, "Mapping")
}

// MatchKeys looks up each key of a mapping pattern in subject, through
// its get method as CPython does (so a defaultdict adds nothing). It
// returns ok=false when a key is missing, and a ValueError for a key
// given twice.
func MatchKeys(th *Thread, subject Value, keys []Value) (vals []Value, ok bool, err error) {
	seen := NewDict()
	var get Value
	d, exact := subject.obj.(*Dict)
	exact = exact && subject.Type() == DictType
	if !exact {
		if get, err = GetAttr(th, subject, "get"); err != nil {
			return nil, false, err
		}
	}
	missing := Obj(NewList(nil)) // a fresh object no mapping holds
	vals = make([]Value, 0, len(keys))
	for _, k := range keys {
		if _, dup, err := seen.Get(th, k); err != nil {
			return nil, false, err
		} else if dup {
			r, err := Repr(th, k)
			if err != nil {
				return nil, false, err
			}
			return nil, false, Errorf(ValueError, "mapping pattern checks duplicate key (%s)", r)
		}
		if err := seen.SetItem(th, k, None); err != nil {
			return nil, false, err
		}
		var v Value
		if exact {
			var found bool
			if v, found, err = d.Get(th, k); err != nil {
				return nil, false, err
			}
			if !found {
				return nil, false, nil
			}
		} else {
			if v, err = th.Call(get, []Value{k, missing}, nil); err != nil {
				return nil, false, err
			}
			if v.Is(missing) {
				return nil, false, nil
			}
		}
		vals = append(vals, v)
	}
	return vals, true, nil
}

// matchSelfTypes are the built-in classes whose class pattern with one
// positional sub-pattern matches the subject itself (C(x) binds x to the
// subject), inherited by their subclasses.
var matchSelfTypes = map[string]bool{
	"bool": true, "bytearray": true, "bytes": true, "dict": true, "float": true,
	"frozenset": true, "int": true, "list": true, "set": true, "str": true, "tuple": true,
}

func matchesSelf(t *Type) bool {
	for _, c := range t.MRO() {
		if c.Module == "builtins" && !c.User && matchSelfTypes[c.Name] {
			return true
		}
	}
	return false
}

// MatchClass matches subject against the class pattern cls(p1..pn,
// k1=..., km=...) with npos positional sub-patterns and the keyword names
// kw: it returns the values the sub-patterns match against, positional
// ones first, or ok=false when subject is not an instance of cls or
// lacks one of the attributes.
func MatchClass(th *Thread, subject, cls Value, npos int, kw []string) (attrs []Value, ok bool, err error) {
	t, isType := cls.obj.(*Type)
	if !isType {
		return nil, false, Errorf(TypeError, "called match pattern must be a type")
	}
	r, err := builtinIsInstance(th, Value{}, []Value{subject, cls}, nil)
	if err != nil {
		return nil, false, err
	}
	if r.Is(False) {
		return nil, false, nil
	}
	attrs = make([]Value, 0, npos+len(kw))
	var seen []string
	// attr reads one attribute; a missing one fails the match.
	attr := func(name string) (Value, bool, error) {
		for _, s := range seen {
			if s == name {
				return Value{}, false, Errorf(TypeError, "%s() got multiple sub-patterns for attribute '%s'", t.Name, name)
			}
		}
		seen = append(seen, name)
		v, err := GetAttr(th, subject, name)
		if err != nil {
			if IsInstance(err, AttributeError) {
				return Value{}, false, nil
			}
			return Value{}, false, err
		}
		return v, true, nil
	}
	if npos > 0 {
		var names []Value
		self := false
		ma, err := GetAttr(th, cls, "__match_args__")
		switch {
		case err == nil:
			tup, isTuple := ma.obj.(*Tuple)
			if !isTuple {
				return nil, false, Errorf(TypeError, "%s.__match_args__ must be a tuple (got %s)", t.Name, ma.Type().Name)
			}
			names = tup.Items
		case IsInstance(err, AttributeError):
			self = matchesSelf(t)
		default:
			return nil, false, err
		}
		allowed := len(names)
		if self {
			allowed = 1
		}
		if npos > allowed {
			plural := "s"
			if allowed == 1 {
				plural = ""
			}
			return nil, false, Errorf(TypeError, "%s() accepts %d positional sub-pattern%s (%d given)", t.Name, allowed, plural, npos)
		}
		if self {
			attrs = append(attrs, subject)
		} else {
			for _, n := range names[:npos] {
				s, isStr := n.obj.(*StrObj)
				if !isStr {
					return nil, false, Errorf(TypeError, "__match_args__ elements must be strings (got %s)", n.Type().Name)
				}
				v, found, err := attr(s.S)
				if err != nil || !found {
					return nil, false, err
				}
				attrs = append(attrs, v)
			}
		}
	}
	for _, name := range kw {
		v, found, err := attr(name)
		if err != nil || !found {
			return nil, false, err
		}
		attrs = append(attrs, v)
	}
	return attrs, true, nil
}
