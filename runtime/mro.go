package runtime

// This file computes method resolution orders: the C3 linearization of a
// class's bases (Python's __mro__), the choice of __base__ among several
// bases, and the checks type() makes on a tuple of bases.

import (
	"strings"
	"weak"
)

// MRO returns t's method resolution order, t first and object last. The
// slice is computed once when the class is made and must not be changed.
func (t *Type) MRO() []*Type { return t.mro }

// linearize computes the C3 linearization of a class with the given bases
// (without the class itself), or CPython's TypeError when the bases admit
// no consistent order.
func linearize(bases []*Type) ([]*Type, error) {
	if len(bases) == 1 {
		return append([]*Type(nil), bases[0].mro...), nil
	}
	// The lists to merge: each base's MRO, then the bases themselves.
	seqs := make([][]*Type, 0, len(bases)+1)
	for _, b := range bases {
		seqs = append(seqs, b.mro)
	}
	seqs = append(seqs, bases)
	var out []*Type
	for {
		// Drop the lists that are exhausted.
		live := seqs[:0]
		for _, s := range seqs {
			if len(s) > 0 {
				live = append(live, s)
			}
		}
		seqs = live
		if len(seqs) == 0 {
			return out, nil
		}
		// The next class is the first head that is in no list's tail.
		var next *Type
		for _, s := range seqs {
			if !inTails(seqs, s[0]) {
				next = s[0]
				break
			}
		}
		if next == nil {
			return nil, mroError(seqs)
		}
		out = append(out, next)
		for i, s := range seqs {
			if s[0] == next {
				seqs[i] = s[1:]
			}
		}
	}
}

// inTails reports whether c appears in some list after its head.
func inTails(seqs [][]*Type, c *Type) bool {
	for _, s := range seqs {
		for _, x := range s[1:] {
			if x == c {
				return true
			}
		}
	}
	return false
}

// mroError names the classes the merge was stuck on, each once, in the
// order of the lists they head.
func mroError(seqs [][]*Type) error {
	var names []string
	seen := map[*Type]bool{}
	for _, s := range seqs {
		if !seen[s[0]] {
			seen[s[0]] = true
			names = append(names, s[0].Name)
		}
	}
	return Errorf(TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s", strings.Join(names, ", "))
}

// solidBase is the built-in class that fixes the memory layout of t's
// instances: the nearest class that is not a user class.
func solidBase(t *Type) *Type {
	for t.User && t.Base != nil && !t.shared {
		t = t.Base
	}
	// Most built-in exceptions keep BaseException's instance layout, so
	// class E(ArithmeticError, TypeError) is fine; only those with fields
	// of their own fix a layout.
	for t.ExcBase && t.Base != nil && t.Base.ExcBase && !excOwnLayout(t) {
		t = t.Base
	}
	return t
}

// excOwnLayout reports whether CPython's instances of the built-in
// exception class t carry fields beyond their base class's.
func excOwnLayout(t *Type) bool {
	switch t {
	case SystemExit, BaseExceptionGroup, AttributeError, ImportError, NameError,
		OSError, StopIteration, SyntaxErrorType, UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError:
		return true
	}
	return false
}

// bestBase picks __base__ among bases: the one whose layout extends all
// the others' (CPython's best_base), or the lay-out conflict error.
func bestBase(bases []*Type) (*Type, error) {
	var best, bestSolid *Type
	for _, b := range bases {
		s := solidBase(b)
		switch {
		case best == nil:
			best, bestSolid = b, s
		case bestSolid.IsSubtype(s):
		case s.IsSubtype(bestSolid):
			best, bestSolid = b, s
		default:
			return nil, Errorf(TypeError, "multiple bases have instance lay-out conflict")
		}
	}
	return best, nil
}

// NewClass makes a user class named name with the given bases (object
// when there are none), checking them as type() does: every base a class
// that allows subclassing, none repeated, a consistent MRO and
// compatible instance layouts.
func NewClass(name string, bases []*Type) (*Type, error) {
	if len(bases) == 0 {
		bases = []*Type{ObjectType}
	}
	for i, b := range bases {
		if b.Final {
			return nil, Errorf(TypeError, "type '%s' is not an acceptable base type", b.Name)
		}
		for _, o := range bases[:i] {
			if o == b {
				return nil, Errorf(TypeError, "duplicate base class %s", b.Name)
			}
		}
	}
	base, err := bestBase(bases)
	if err != nil {
		return nil, err
	}
	rest, err := linearize(bases)
	if err != nil {
		return nil, err
	}
	t := &Type{Name: name, Module: "builtins", Base: base, Attrs: map[string]Value{}, User: true}
	t.Bases = append([]*Type(nil), bases...)
	t.mro = append([]*Type{t}, rest...)
	t.New = base.New
	if !base.User {
		if b := derivableBase(base); b != nil {
			t.New = derivedNew(b)
		}
	}
	for _, b := range bases {
		t.ExcBase = t.ExcBase || b.ExcBase
		if b.User && !b.shared {
			b.addSubclass(t)
		}
	}
	return t, nil
}

// setBases gives a built-in class several bases at init time (the
// exception groups); it panics on an inconsistent order, a programming
// error.
func setBases(t *Type, bases ...*Type) {
	rest, err := linearize(bases)
	if err != nil {
		panic(err)
	}
	t.Base = bases[0]
	t.Bases = bases
	t.mro = append([]*Type{t}, rest...)
}

// Metaclass returns t's class: type, or the metaclass it was made with.
func (t *Type) Metaclass() *Type {
	if t.Meta == nil {
		return TypeType
	}
	return t.Meta
}

// CalculateMeta picks the metaclass of a new class: the most derived of
// the explicit one (nil when there is none) and the classes of its bases,
// or CPython's metaclass conflict error.
func CalculateMeta(explicit *Type, bases []Value) (*Type, error) {
	winner := explicit
	if winner == nil {
		winner = TypeType
	}
	for _, b := range bases {
		m := b.Type()
		switch {
		case winner.IsSubtype(m):
		case m.IsSubtype(winner):
			winner = m
		default:
			return nil, metaConflict()
		}
	}
	return winner, nil
}

// typesTuple makes a tuple of classes (__bases__, __mro__).
func typesTuple(ts []*Type) *Tuple {
	items := make([]Value, len(ts))
	for i, c := range ts {
		items[i] = Obj(c)
	}
	return NewTuple(items)
}

// metaConflict is CPython's error for bases whose metaclasses are
// unrelated.
func metaConflict() error {
	return Errorf(TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
}

// addSubclass records sub as a direct subclass of t. Dead entries are
// dropped each time the list doubles, so that a script making classes in
// a loop does not grow it without bound.
func (t *Type) addSubclass(sub *Type) {
	if n := len(t.subclasses); n >= 64 && n&(n-1) == 0 {
		live := t.subclasses[:0]
		for _, w := range t.subclasses {
			if w.Value() != nil {
				live = append(live, w)
			}
		}
		clear(t.subclasses[len(live):])
		t.subclasses = live
	}
	t.subclasses = append(t.subclasses, weak.Make(sub))
}
