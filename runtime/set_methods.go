package runtime

// This file implements the set algorithms that combine a set with other
// iterables (merging, update, intersection, difference, symmetric
// difference), the set operators, and the methods and constructors of
// set and frozenset. Which elements are inserted into which table in what
// order decides iteration order, so each algorithm inserts in the order
// that gives CPython's printed results. The table itself is in set.go.

// newSetLike returns an empty set of the same kind as s.
func newSetLike(s *Set) *Set { return &Set{Frozen: s.Frozen} }

// merge adds every element of other: an empty s with the same table size
// takes a verbatim copy of other's slots, an empty s of another size gets
// the keys placed without comparisons, and otherwise they are added one
// by one in other's slot order.
func (s *Set) merge(th *Thread, other *Set) error {
	if other == s || other.used == 0 {
		return nil
	}
	s.hashed = false
	if (s.fill+other.used)*5 >= s.mask()*3 {
		if err := s.resize(th, (s.used+other.used)*2); err != nil {
			return err
		}
	}
	s.ensureTable()
	if s.fill == 0 && s.mask() == other.mask() && other.fill == other.used {
		copy(s.table, other.table)
		s.fill, s.used = other.fill, other.used
		return nil
	}
	if s.fill == 0 {
		s.fill, s.used = other.used, other.used
		for i := range other.table {
			if other.table[i].isActive() {
				insertClean(s.table, other.table[i].key, other.table[i].hash)
			}
		}
		return nil
	}
	for i := 0; i < len(other.table); i++ {
		e := other.table[i]
		if e.isActive() {
			if err := s.addEntry(th, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// Update adds the elements of an iterable: sets
// merge, dicts add their keys with their stored hashes after one resize,
// other iterables add element by element. The interpreter uses it for
// `{*a, *b}`.
func (s *Set) Update(th *Thread, other Value) error {
	// A set being built (set(iterable)) is reachable from no root yet.
	th.Hold(s)
	defer th.Release()
	switch o := other.obj.(type) {
	case *Set:
		return s.merge(th, o)
	case *Dict:
		n := o.Len()
		if (s.fill+n)*5 >= s.mask()*3 {
			if err := s.resize(th, (s.used+n)*2); err != nil {
				return err
			}
		}
		for i := 0; i < o.n; i++ {
			e := o.entry(i)
			if e.live() {
				if err := s.addEntry(th, e.key(), e.hash()); err != nil {
					return err
				}
			}
		}
		return nil
	case *List:
		for i := 0; i < len(o.Items); i++ {
			if err := s.Add(th, o.Items[i]); err != nil {
				return err
			}
		}
		return nil
	case *Tuple:
		for _, v := range o.Items {
			if err := s.Add(th, v); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := Iter(th, other)
	if err != nil {
		return err
	}
	for {
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		if err := s.Add(th, v); err != nil {
			return err
		}
	}
}

// Copy returns a shallow copy of the same kind.
func (s *Set) Copy(th *Thread) (*Set, error) {
	r := newSetLike(s)
	return r, r.merge(th, s)
}

// union is s | others: a copy of s updated with each other.
func (s *Set) union(th *Thread, others []Value) (*Set, error) {
	r, err := s.Copy(th)
	if err != nil {
		return nil, err
	}
	for _, o := range others {
		if o.obj == Object(s) {
			continue
		}
		if err := r.Update(th, o); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// intersection is s & other: with a set it walks the smaller one;
// with another iterable it keeps the iterable's order and stops once the
// result is as large as s.
func (s *Set) intersection(th *Thread, other Value) (*Set, error) {
	if other.obj == Object(s) {
		return s.Copy(th)
	}
	r := newSetLike(s)
	if o, ok := other.obj.(*Set); ok {
		big, small := s, o
		if o.used > s.used {
			big, small = o, s
		}
		for i := 0; i < len(small.table); i++ {
			e := small.table[i]
			if !e.isActive() {
				continue
			}
			j, err := big.lookup(th, e.key, e.hash)
			if err != nil {
				return nil, err
			}
			if j >= 0 {
				if err := r.addEntry(th, e.key, e.hash); err != nil {
					return nil, err
				}
			}
		}
		return r, nil
	}
	it, err := Iter(th, other)
	if err != nil {
		return nil, err
	}
	for {
		v, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			return r, nil
		}
		h, err := Hash(th, v)
		if err != nil {
			return nil, err
		}
		j, err := s.lookup(th, v, h)
		if err != nil {
			return nil, err
		}
		if j >= 0 {
			if err := r.addEntry(th, v, h); err != nil {
				return nil, err
			}
			if r.used >= s.used {
				return r, nil
			}
		}
	}
}

// intersectionMulti is set.intersection(*others), one other at a time.
func (s *Set) intersectionMulti(th *Thread, others []Value) (*Set, error) {
	if len(others) == 0 {
		return s.Copy(th)
	}
	r := s
	for _, o := range others {
		n, err := r.intersection(th, o)
		if err != nil {
			return nil, err
		}
		r = n
	}
	return r, nil
}

// differenceUpdate removes other's elements from s; afterwards the table
// is rebuilt if more than a quarter of it is tombstones.
func (s *Set) differenceUpdate(th *Thread, other Value) error {
	if other.obj == Object(s) {
		s.Clear()
		return nil
	}
	if o, ok := other.obj.(*Set); ok {
		if o.used>>3 > s.used {
			n, err := s.intersection(th, other)
			if err != nil {
				return err
			}
			o = n
		}
		for i := 0; i < len(o.table); i++ {
			e := o.table[i]
			if e.isActive() {
				if _, err := s.discardEntry(th, e.key, e.hash); err != nil {
					return err
				}
			}
		}
	} else {
		it, err := Iter(th, other)
		if err != nil {
			return err
		}
		for {
			v, ok, err := it.Next(th)
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			h, err := Hash(th, v)
			if err != nil {
				return err
			}
			if _, err := s.discardEntry(th, v, h); err != nil {
				return err
			}
		}
	}
	if s.fill-s.used <= s.mask()/4 {
		return nil
	}
	return s.resize(th, growSize(s.used))
}

// difference is s - other: copy-and-remove when other is small or
// not a set or dict, otherwise collect the elements of s missing from it.
func (s *Set) difference(th *Thread, other Value) (*Set, error) {
	var otherSize int
	switch o := other.obj.(type) {
	case *Set:
		otherSize = o.used
	case *Dict:
		otherSize = o.Len()
	default:
		return s.copyAndDifference(th, other)
	}
	if s.used>>2 > otherSize {
		return s.copyAndDifference(th, other)
	}
	r := newSetLike(s)
	for i := 0; i < len(s.table); i++ {
		e := s.table[i]
		if !e.isActive() {
			continue
		}
		var found bool
		switch o := other.obj.(type) {
		case *Set:
			j, err := o.lookup(th, e.key, e.hash)
			if err != nil {
				return nil, err
			}
			found = j >= 0
		case *Dict:
			_, pos, err := o.lookup(th, e.key, e.hash)
			if err != nil {
				return nil, err
			}
			found = pos >= 0
		}
		if !found {
			if err := r.addEntry(th, e.key, e.hash); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}

func (s *Set) copyAndDifference(th *Thread, other Value) (*Set, error) {
	r, err := s.Copy(th)
	if err != nil {
		return nil, err
	}
	return r, r.differenceUpdate(th, other)
}

// differenceMulti is set.difference(*others), one other at a time.
func (s *Set) differenceMulti(th *Thread, others []Value) (*Set, error) {
	if len(others) == 0 {
		return s.Copy(th)
	}
	r, err := s.difference(th, others[0])
	if err != nil {
		return nil, err
	}
	for _, o := range others[1:] {
		if err := r.differenceUpdate(th, o); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// toggle removes key if present and adds it otherwise.
func (s *Set) toggle(th *Thread, key Value, hash int64) error {
	found, err := s.discardEntry(th, key, hash)
	if err != nil || found {
		return err
	}
	return s.addEntry(th, key, hash)
}

// symmetricDifferenceUpdate is s ^= other: each element of other is
// removed from s when present and added otherwise.
func (s *Set) symmetricDifferenceUpdate(th *Thread, other Value) error {
	if other.obj == Object(s) {
		s.Clear()
		return nil
	}
	if d, ok := other.obj.(*Dict); ok {
		for i := 0; i < d.n; i++ {
			e := d.entry(i)
			if e.live() {
				if err := s.toggle(th, e.key(), e.hash()); err != nil {
					return err
				}
			}
		}
		return nil
	}
	o, ok := other.obj.(*Set)
	if !ok {
		o = newSetLike(s)
		if err := o.Update(th, other); err != nil {
			return err
		}
	}
	for i := 0; i < len(o.table); i++ {
		e := o.table[i]
		if e.isActive() {
			if err := s.toggle(th, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// symmetricDifference is s ^ other: a copy of other (of
// s's kind) toggled with the elements of s.
func (s *Set) symmetricDifference(th *Thread, other Value) (*Set, error) {
	r := newSetLike(s)
	if err := r.Update(th, other); err != nil {
		return nil, err
	}
	return r, r.symmetricDifferenceUpdate(th, Obj(s))
}

// isSubset is s <= other.
func (s *Set) isSubset(th *Thread, other Value) (bool, error) {
	o, ok := other.obj.(*Set)
	if !ok {
		o = NewSet()
		if err := o.Update(th, other); err != nil {
			return false, err
		}
	}
	if s.used > o.used {
		return false, nil
	}
	for i := 0; i < len(s.table); i++ {
		e := s.table[i]
		if !e.isActive() {
			continue
		}
		j, err := o.lookup(th, e.key, e.hash)
		if err != nil || j < 0 {
			return false, err
		}
	}
	return true, nil
}

// isSuperset is s >= other.
func (s *Set) isSuperset(th *Thread, other Value) (bool, error) {
	o, ok := other.obj.(*Set)
	if !ok {
		o = NewSet()
		if err := o.Update(th, other); err != nil {
			return false, err
		}
	}
	return o.isSubset(th, Obj(s))
}

// isDisjoint reports whether s and other have no element in common.
func (s *Set) isDisjoint(th *Thread, other Value) (bool, error) {
	if other.obj == Object(s) {
		return s.used == 0, nil
	}
	if o, ok := other.obj.(*Set); ok {
		big, small := s, o
		if o.used > s.used {
			big, small = o, s
		}
		for i := 0; i < len(small.table); i++ {
			e := small.table[i]
			if !e.isActive() {
				continue
			}
			j, err := big.lookup(th, e.key, e.hash)
			if err != nil || j >= 0 {
				return false, err
			}
		}
		return true, nil
	}
	it, err := Iter(th, other)
	if err != nil {
		return false, err
	}
	for {
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return err == nil, err
		}
		in, err := s.Contains(th, v)
		if err != nil || in {
			return false, err
		}
	}
}

// setBinary implements | & - ^ between sets; the result has x's kind.
func setBinary(th *Thread, op Op, x, y *Set) (Value, error) {
	var r *Set
	var err error
	switch op {
	case OpOr:
		if x == y {
			r, err = x.Copy(th)
		} else {
			r, err = x.union(th, []Value{Obj(y)})
		}
	case OpAnd:
		r, err = x.intersection(th, Obj(y))
	case OpSub:
		r, err = x.difference(th, Obj(y))
	case OpXor:
		r, err = x.symmetricDifference(th, Obj(y))
	default:
		return Value{}, errUnsupported
	}
	if err != nil {
		return Value{}, err
	}
	return Obj(r), nil
}

// setInPlace implements |= &= -= ^= on a set, updating x in place with
// the in-place algorithms (which can leave a different iteration order
// than the binary operators, as in CPython). A frozenset has no in-place
// form: it gets a new object from the binary operator.
func setInPlace(th *Thread, op Op, x, y *Set) (Value, error) {
	if x.Frozen {
		return setBinary(th, op, x, y)
	}
	var err error
	switch op {
	case OpOr:
		err = x.merge(th, y)
	case OpAnd:
		var r *Set
		if r, err = x.intersection(th, Obj(y)); err == nil {
			x.replaceWith(r)
		}
	case OpSub:
		err = x.differenceUpdate(th, Obj(y))
	case OpXor:
		err = x.symmetricDifferenceUpdate(th, Obj(y))
	default:
		return Value{}, errUnsupported
	}
	if err != nil {
		return Value{}, err
	}
	return Obj(x), nil
}

// ConstFrozenSet returns the frozenset CPython's compiler stores as a
// constant for a set display whose elements are all constants, where it
// folds one: `x in {1, 2}`, `for x in {1, 2}` (any size) and set displays
// of three or more constants. The compiler builds the frozenset from the
// elements in source order and then rebuilds it from its own iteration
// order while merging constants, which changes the layout when hashes
// collide; the interpreter must do the same for iteration order to match.
func ConstFrozenSet(th *Thread, items []Value) (*Set, error) {
	f := NewFrozenSet()
	for _, v := range items {
		if err := f.Add(th, v); err != nil {
			return nil, err
		}
	}
	if f.used == 0 {
		return f, nil // the empty frozenset is not re-created
	}
	g := NewFrozenSet()
	for _, v := range f.Items() {
		if err := g.Add(th, v); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// NewSetFromConsts builds the set for a display of three or more
// constants (`{5, 13, 21}`), which CPython compiles to BUILD_SET 0,
// LOAD_CONST <ConstFrozenSet>, SET_UPDATE. Displays with a non-constant
// element, with fewer than three elements, or with starred items add
// their elements one by one instead (NewSet, then Add / Update).
func NewSetFromConsts(th *Thread, items []Value) (*Set, error) {
	f, err := ConstFrozenSet(th, items)
	if err != nil {
		return nil, err
	}
	s := NewSet()
	return s, s.merge(th, f)
}

// setMethodSpec describes one method: its arity (max < 0: any number of
// positional arguments) and whether frozenset has it too.
type setMethodSpec struct {
	min, max int
	frozen   bool
	fn       func(th *Thread, s *Set, args []Value) (Value, error)
}

func setResult(r *Set, err error) (Value, error) {
	if err != nil {
		return Value{}, err
	}
	return Obj(r), nil
}

func boolResult(b bool, err error) (Value, error) {
	if err != nil {
		return Value{}, err
	}
	return MakeBool(b), nil
}

var setMethodSpecs = map[string]setMethodSpec{
	"add": {1, 1, false, func(th *Thread, s *Set, args []Value) (Value, error) {
		return None, s.Add(th, args[0])
	}},
	"clear": {0, 0, false, func(th *Thread, s *Set, args []Value) (Value, error) {
		s.Clear()
		return None, nil
	}},
	"copy": {0, 0, true, func(th *Thread, s *Set, args []Value) (Value, error) {
		if s.Frozen {
			return Obj(s), nil // frozenset.copy() is the identity
		}
		return setResult(s.Copy(th))
	}},
	"discard": {1, 1, false, func(th *Thread, s *Set, args []Value) (Value, error) {
		_, err := s.Discard(th, args[0])
		return None, err
	}},
	"remove": {1, 1, false, func(th *Thread, s *Set, args []Value) (Value, error) {
		found, err := s.Discard(th, args[0])
		if err != nil {
			return Value{}, err
		}
		if !found {
			return Value{}, NewException(KeyError, args[0])
		}
		return None, nil
	}},
	"pop": {0, 0, false, func(th *Thread, s *Set, args []Value) (Value, error) {
		return s.Pop()
	}},
	"union": {0, -1, true, func(th *Thread, s *Set, args []Value) (Value, error) {
		return setResult(s.union(th, args))
	}},
	"update": {0, -1, false, func(th *Thread, s *Set, args []Value) (Value, error) {
		for _, o := range args {
			if err := s.Update(th, o); err != nil {
				return Value{}, err
			}
		}
		return None, nil
	}},
	"intersection": {0, -1, true, func(th *Thread, s *Set, args []Value) (Value, error) {
		return setResult(s.intersectionMulti(th, args))
	}},
	"intersection_update": {0, -1, false, func(th *Thread, s *Set, args []Value) (Value, error) {
		r, err := s.intersectionMulti(th, args)
		if err != nil {
			return Value{}, err
		}
		if r != s {
			s.replaceWith(r)
		}
		return None, nil
	}},
	"difference": {0, -1, true, func(th *Thread, s *Set, args []Value) (Value, error) {
		return setResult(s.differenceMulti(th, args))
	}},
	"difference_update": {0, -1, false, func(th *Thread, s *Set, args []Value) (Value, error) {
		for _, o := range args {
			if err := s.differenceUpdate(th, o); err != nil {
				return Value{}, err
			}
		}
		return None, nil
	}},
	"symmetric_difference": {1, 1, true, func(th *Thread, s *Set, args []Value) (Value, error) {
		return setResult(s.symmetricDifference(th, args[0]))
	}},
	"symmetric_difference_update": {1, 1, false, func(th *Thread, s *Set, args []Value) (Value, error) {
		return None, s.symmetricDifferenceUpdate(th, args[0])
	}},
	"issubset": {1, 1, true, func(th *Thread, s *Set, args []Value) (Value, error) {
		return boolResult(s.isSubset(th, args[0]))
	}},
	"issuperset": {1, 1, true, func(th *Thread, s *Set, args []Value) (Value, error) {
		return boolResult(s.isSuperset(th, args[0]))
	}},
	"isdisjoint": {1, 1, true, func(th *Thread, s *Set, args []Value) (Value, error) {
		return boolResult(s.isDisjoint(th, args[0]))
	}},
	"__contains__": {1, 1, true, func(th *Thread, s *Set, args []Value) (Value, error) {
		return boolResult(s.Contains(th, args[0]))
	}},
	"__len__": {0, 0, true, func(th *Thread, s *Set, args []Value) (Value, error) {
		return Int(int64(s.used)), nil
	}},
	"__iter__": {0, 0, true, func(th *Thread, s *Set, args []Value) (Value, error) {
		return Obj(s.NewIter()), nil
	}},
}

// installSetMethods gives t the methods of specs that apply to it, with
// CPython's qualified names in argument errors.
func installSetMethods(t *Type, frozen bool) {
	m := map[string]BuiltinFn{}
	for name, spec := range setMethodSpecs {
		if frozen && !spec.frozen {
			continue
		}
		qual := t.Name + "." + name
		spec := spec
		m[name] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			// CPython's set methods are METH_NOARGS, METH_O or METH_VARARGS.
			var err error
			switch {
			case spec.max == 0:
				err = NoArgs(qual, args, kw)
			case spec.min == 1 && spec.max == 1:
				_, err = OneArg(qual, args, kw)
			default:
				err = PositionalArgs(qual, args, kw, spec.min, spec.max)
			}
			if err != nil {
				return Value{}, err
			}
			return spec.fn(th, self.obj.(*Set), args)
		}
	}
	t.Methods(m)
}

// newSetFrom is the body of set() and frozenset(): an empty set of the
// given kind updated from the optional iterable.
func newSetFrom(th *Thread, name string, frozen bool, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 {
		return Value{}, NoKeywords(name, kw)
	}
	if err := PositionalArgs(name, args, nil, 0, 1); err != nil {
		return Value{}, err
	}
	if frozen && len(args) == 1 {
		if o, ok := args[0].obj.(*Set); ok && o.Frozen {
			return args[0], nil // frozenset(f) is f
		}
	}
	s := &Set{Frozen: frozen}
	if len(args) == 1 {
		if err := s.Update(th, args[0]); err != nil {
			return Value{}, err
		}
	}
	return Obj(s), nil
}

func init() {
	installSetMethods(SetType, false)
	installSetMethods(FrozenSetType, true)
	SetType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		return newSetFrom(th, "set", false, args, kw)
	}
	FrozenSetType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		return newSetFrom(th, "frozenset", true, args, kw)
	}
}
