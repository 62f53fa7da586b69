package runtime

// This file defines the iterator objects made by the built-in types
// enumerate, zip, map, filter and reversed, and by iter(callable,
// sentinel). Each is an Iterator, and so is iterable itself; each also
// has __iter__ and __next__ methods for scripts that call them directly.

// The built-in iterator classes. enumerate, zip, map, filter and reversed
// are classes in Python (isinstance(x, map) works), the others are the
// types of objects that reversed() and iter() return.
var (
	EnumerateType = NewType("enumerate", ObjectType)
	ZipType       = NewType("zip", ObjectType)
	MapType       = NewType("map", ObjectType)
	FilterType    = NewType("filter", ObjectType)
	ReversedType  = NewType("reversed", ObjectType)

	listReverseIteratorType  = finalType("list_reverseiterator")
	callableIteratorType     = finalType("callable_iterator")
	dictReverseIteratorTypes = [3]*Type{
		finalType("dict_reversekeyiterator"),
		finalType("dict_reversevalueiterator"),
		finalType("dict_reverseitemiterator"),
	}
)

// enumerateIter pairs a running count with the items of an iterator.
type enumerateIter struct {
	cls   *Type
	it    Iterator
	count Value
}

func (e *enumerateIter) Type() *Type { return e.cls }

func (e *enumerateIter) Next(th *Thread) (Value, bool, error) {
	v, ok, err := nextNested(th, e.it)
	if !ok || err != nil {
		return Value{}, false, err
	}
	n := e.count
	if n.IsSmallInt() {
		e.count = AddInt64(n.SmallInt(), 1)
	} else if e.count, err = Binary(th, OpAdd, n, Int(1)); err != nil {
		return Value{}, false, err
	}
	return TupleOf(n, v), true, nil
}

// nextNested advances it, an iterator that another one wraps, counting
// the level in the recursion depth: a chain of a million zip(zip(...))
// raises RecursionError instead of overflowing the Go stack.
func nextNested(th *Thread, it Iterator) (Value, bool, error) {
	if err := th.Nest(""); err != nil {
		return Value{}, false, err
	}
	v, ok, err := it.Next(th)
	th.Unnest()
	return v, ok, err
}

// zipIter yields tuples of the items of several iterators in step.
type zipIter struct {
	cls    *Type
	its    []Iterator
	strict bool
	done   bool
}

func (z *zipIter) Type() *Type { return z.cls }

func (z *zipIter) Next(th *Thread) (Value, bool, error) {
	if z.done || len(z.its) == 0 {
		return Value{}, false, nil
	}
	items := make([]Value, len(z.its))
	for i, it := range z.its {
		v, ok, err := nextNested(th, it)
		if err != nil {
			return Value{}, false, err
		}
		if !ok {
			z.done = true
			if z.strict {
				return Value{}, false, z.strictCheck(th, i)
			}
			return Value{}, false, nil
		}
		items[i] = v
	}
	return Obj(NewTuple(items)), true, nil
}

// strictCheck is zip(strict=True)'s check once iterator i is exhausted:
// it must be the first one, and all the others must be exhausted too.
func (z *zipIter) strictCheck(th *Thread, i int) error {
	plural := func(i int) string {
		if i == 1 {
			return " "
		}
		return "s 1-"
	}
	if i > 0 {
		return Errorf(ValueError, "zip() argument %d is shorter than argument%s%d", i+1, plural(i), i)
	}
	for j := 1; j < len(z.its); j++ {
		_, ok, err := nextNested(th, z.its[j])
		if err != nil {
			return err
		}
		if ok {
			return Errorf(ValueError, "zip() argument %d is longer than argument%s%d", j+1, plural(j), j)
		}
	}
	return nil
}

// mapIter calls a function on the items of one or more iterators,
// stopping with the shortest.
type mapIter struct {
	cls *Type
	fn  Value
	its []Iterator
}

func (m *mapIter) Type() *Type { return m.cls }

func (m *mapIter) Next(th *Thread) (Value, bool, error) {
	args := make([]Value, len(m.its))
	for i, it := range m.its {
		v, ok, err := nextNested(th, it)
		if !ok || err != nil {
			return Value{}, false, err
		}
		args[i] = v
	}
	r, err := th.Call(m.fn, args, nil)
	if err != nil {
		return Value{}, false, err
	}
	return r, true, nil
}

// filterIter yields the items for which fn is true (or that are true,
// when fn is None).
type filterIter struct {
	cls *Type
	fn  Value // zero for None and bool
	it  Iterator
}

func (f *filterIter) Type() *Type { return f.cls }

func (f *filterIter) Next(th *Thread) (Value, bool, error) {
	for {
		v, ok, err := nextNested(th, f.it)
		if !ok || err != nil {
			return Value{}, false, err
		}
		t := v
		if f.fn.IsValid() {
			if t, err = th.Call(f.fn, []Value{v}, nil); err != nil {
				return Value{}, false, err
			}
		}
		keep, err := Truth(th, t)
		if err != nil {
			return Value{}, false, err
		}
		if keep {
			return v, true, nil
		}
	}
}

// listRevIter walks a list backwards, noticing if it shrinks meanwhile.
type listRevIter struct {
	l *List
	i int
}

func (r *listRevIter) Type() *Type { return listReverseIteratorType }

func (r *listRevIter) Next(th *Thread) (Value, bool, error) {
	if r.i >= 0 && r.i < len(r.l.Items) {
		v := r.l.Items[r.i]
		r.i--
		return v, true, nil
	}
	r.i = -1
	return Value{}, false, nil
}

// seqRevIter is the `reversed` object: it indexes a sequence from its
// last element down (a tuple, a str, or an object with __len__ and
// __getitem__).
type seqRevIter struct {
	cls *Type
	seq Value
	i   int
}

func (r *seqRevIter) Type() *Type { return r.cls }

func (r *seqRevIter) Next(th *Thread) (Value, bool, error) {
	if r.i < 0 {
		return Value{}, false, nil
	}
	i := r.i
	r.i--
	switch o := r.seq.obj.(type) {
	case *Tuple:
		return o.Items[i], true, nil
	case *StrObj:
		return Str(o.At(i)), true, nil
	}
	v, err := GetItem(th, r.seq, Int(int64(i)))
	if err != nil {
		r.i = -1
		if IsInstance(err, IndexError) || IsInstance(err, StopIteration) {
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	return v, true, nil
}

// dictRevIter walks a dict's entries from the most recently inserted.
type dictRevIter struct {
	d    *Dict
	i    int
	size int
	kind int // 0 keys, 1 values, 2 items
}

func (it *dictRevIter) Type() *Type { return dictReverseIteratorTypes[it.kind] }

func (it *dictRevIter) Next(th *Thread) (Value, bool, error) {
	if it.i < 0 {
		return Value{}, false, nil
	}
	if it.d.Len() != it.size {
		it.i = -1
		return Value{}, false, Errorf(RuntimeError, "dictionary changed size during iteration")
	}
	for it.i >= 0 {
		k, v, live, ok := it.d.entryAt(it.i)
		it.i--
		if !ok || !live {
			continue
		}
		switch it.kind {
		case 0:
			return k, true, nil
		case 1:
			return v, true, nil
		}
		return TupleOf(k, v), true, nil
	}
	return Value{}, false, nil
}

// callableIter is iter(fn, sentinel): it calls fn until it returns a
// value equal to sentinel.
type callableIter struct {
	fn, sentinel Value
	done         bool
}

func (c *callableIter) Type() *Type { return callableIteratorType }

func (c *callableIter) Next(th *Thread) (Value, bool, error) {
	if c.done {
		return Value{}, false, nil
	}
	if err := th.Nest(""); err != nil {
		return Value{}, false, err
	}
	v, err := th.Call(c.fn, nil, nil)
	th.Unnest()
	if err != nil {
		c.done = true
		if IsInstance(err, StopIteration) {
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	eq, err := Equal(th, v, c.sentinel)
	if err != nil {
		c.done = true
		return Value{}, false, err
	}
	if eq {
		c.done = true
		return Value{}, false, nil
	}
	return v, true, nil
}

// Reversed returns reversed(v): the result of a user __reversed__, or an
// iterator from the last element of a sequence to the first.
func Reversed(th *Thread, v Value) (Value, error) {
	if b, ok := derivedFallback(v, "__reversed__"); ok && !isNumber(b) {
		v = b // the built-in types' own reversal reads their items directly
	}
	switch o := v.obj.(type) {
	case *List:
		return Obj(&listRevIter{l: o, i: len(o.Items) - 1}), nil
	case *Tuple:
		return Obj(&seqRevIter{cls: ReversedType, seq: v, i: len(o.Items) - 1}), nil
	case *StrObj:
		return Obj(&seqRevIter{cls: ReversedType, seq: v, i: o.Len() - 1}), nil
	case *Bytes, *ByteArray, *MemoryView:
		n, _ := Len(th, v)
		return Obj(&seqRevIter{cls: ReversedType, seq: v, i: n - 1}), nil
	case *Range:
		n := o.Len()
		return Obj(&rangeIter{next: o.Start + (n-1)*o.Step, step: -o.Step, left: n}), nil
	case *Dict:
		return Obj(&dictRevIter{d: o, i: o.n - 1, size: o.Len()}), nil
	case *DictView:
		return Obj(&dictRevIter{d: o.D, i: o.D.n - 1, size: o.D.Len(), kind: o.Kind}), nil
	}
	if v.Type().User {
		if m, ok := v.Type().Lookup("__reversed__"); ok {
			if m.IsNone() {
				return Value{}, Errorf(TypeError, "'%s' object is not reversible", v.Type().Name)
			}
			r, _, err := th.CallMethod(v, "__reversed__")
			return r, err
		}
		if _, ok := v.Type().Lookup("__getitem__"); ok && !v.Type().IsSubtype(DictType) {
			n, err := Len(th, v)
			if err != nil {
				return Value{}, err
			}
			return Obj(&seqRevIter{cls: ReversedType, seq: v, i: n - 1}), nil
		}
	}
	return Value{}, Errorf(TypeError, "'%s' object is not reversible", v.Type().Name)
}

func init() {
	EnumerateType.New = enumerateNew
	ZipType.New = zipNew
	MapType.New = mapNew
	FilterType.New = filterNew
	ReversedType.New = reversedNew
	for _, t := range []*Type{
		EnumerateType, ZipType, MapType, FilterType, ReversedType,
		listReverseIteratorType, callableIteratorType,
		dictReverseIteratorTypes[0], dictReverseIteratorTypes[1], dictReverseIteratorTypes[2],
	} {
		t.Methods(biIteratorMethods)
	}
}

// biIteratorMethods are __iter__ and __next__ for the Iterator types.
var biIteratorMethods = map[string]BuiltinFn{
	"__iter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("__iter__", args, kw); err != nil {
			return Value{}, err
		}
		return self, nil
	},
	"__next__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("__next__", args, kw); err != nil {
			return Value{}, err
		}
		it, ok := self.obj.(Iterator)
		if !ok {
			return Value{}, Errorf(TypeError, "'%s' object is not an iterator", self.Type().Name)
		}
		v, ok, err := it.Next(th)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, NewException(StopIteration)
		}
		return v, nil
	},
}

// enumerate(iterable, start=0)
func enumerateNew(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	if len(args) > 2 {
		return Value{}, Errorf(TypeError, "enumerate() takes at most 2 arguments (%d given)", len(args))
	}
	var iterable Value
	start := Int(0)
	if len(args) > 0 {
		iterable = args[0]
	}
	if len(args) > 1 {
		start = args[1]
	}
	for _, k := range kw {
		switch {
		case k.Name == "iterable" && len(args) == 0:
			iterable = k.Value
		case k.Name == "start" && len(args) < 2:
			start = k.Value
		default:
			return Value{}, InvalidKeyword("enumerate", k.Name)
		}
	}
	if !iterable.IsValid() {
		return Value{}, Errorf(TypeError, "enumerate() missing required argument 'iterable'")
	}
	it, err := Iter(th, iterable)
	if err != nil {
		return Value{}, err
	}
	// start goes through __index__: True counts from 1, floats fail.
	if n, ok := asInt64(start); ok {
		start = Int(n)
	} else if !isIntLike(start) {
		x, err := biIndexBig(th, start)
		if err != nil {
			return Value{}, err
		}
		start = BigInt(x)
	}
	return Obj(&enumerateIter{cls: cls, it: it, count: start}), nil
}

// zip(*iterables, strict=False)
func zipNew(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	z := &zipIter{cls: cls, its: make([]Iterator, len(args))}
	for _, k := range kw {
		if k.Name != "strict" {
			return Value{}, InvalidKeyword("zip", k.Name)
		}
		s, err := Truth(th, k.Value)
		if err != nil {
			return Value{}, err
		}
		z.strict = s
	}
	for i, a := range args {
		it, err := Iter(th, a)
		if err != nil {
			return Value{}, err
		}
		z.its[i] = it
	}
	return Obj(z), nil
}

// map(function, iterable, *iterables)
func mapNew(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 && cls == MapType {
		return Value{}, NoKeywords("map", kw)
	}
	if len(args) < 2 {
		return Value{}, Errorf(TypeError, "map() must have at least two arguments.")
	}
	m := &mapIter{cls: cls, fn: args[0], its: make([]Iterator, len(args)-1)}
	for i, a := range args[1:] {
		it, err := Iter(th, a)
		if err != nil {
			return Value{}, err
		}
		m.its[i] = it
	}
	return Obj(m), nil
}

// filter(function or None, iterable)
func filterNew(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 && cls == FilterType {
		return Value{}, NoKeywords("filter", kw)
	}
	if err := PositionalArgs("filter", args, nil, 2, 2); err != nil {
		return Value{}, err
	}
	it, err := Iter(th, args[1])
	if err != nil {
		return Value{}, err
	}
	f := &filterIter{cls: cls, it: it}
	if !args[0].IsNone() && !args[0].Is(Obj(BoolType)) {
		f.fn = args[0]
	}
	return Obj(f), nil
}

// reversed(sequence)
func reversedNew(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 && cls == ReversedType {
		return Value{}, NoKeywords("reversed", kw)
	}
	if err := PositionalArgs("reversed", args, nil, 1, 1); err != nil {
		return Value{}, err
	}
	r, err := Reversed(th, args[0])
	if err != nil {
		return Value{}, err
	}
	if cls != ReversedType {
		if s, ok := r.obj.(*seqRevIter); ok {
			s.cls = cls
		}
	}
	return r, nil
}
