package runtime

// This file implements iteration: the Iterator interface, iterators over
// the built-in containers, and adapters for user classes with __iter__ and
// __next__.

import (
	"math/big"
	"strings"
)

// Iterator is an object that produces values; ok is false when exhausted.
type Iterator interface {
	Object
	Next(th *Thread) (v Value, ok bool, err error)
}

type sliceIter struct {
	items func() []Value
	i     int
	typ   *Type
}

func (it *sliceIter) Type() *Type { return it.typ }
func (it *sliceIter) Next(th *Thread) (Value, bool, error) {
	items := it.items()
	if it.i >= len(items) {
		return Value{}, false, nil
	}
	it.i++
	return items[it.i-1], true, nil
}

type strIter struct {
	s *StrObj
	i int
}

func (it *strIter) Type() *Type { return strIteratorType }
func (it *strIter) Next(th *Thread) (Value, bool, error) {
	if it.i >= it.s.Len() {
		return Value{}, false, nil
	}
	it.i++
	return Str(it.s.At(it.i - 1)), true, nil
}

type rangeIter struct {
	next, step int64
	left       int64
}

func (it *rangeIter) Type() *Type { return rangeIteratorType }
func (it *rangeIter) Next(th *Thread) (Value, bool, error) {
	if it.left <= 0 {
		return Value{}, false, nil
	}
	if it.left&(workBatch-1) == 0 {
		// A batch of items is a batch of work: a set, dict or map built
		// from a range in Go counts it (a loop in the VM pays an extra
		// unit per item for it).
		if err := th.rangeWork(); err != nil {
			return Value{}, false, err
		}
	}
	v := it.next
	it.next += it.step
	it.left--
	return Int(v), true, nil
}

// dictIter iterates over keys, values or items, failing like CPython if
// the dict changes size during iteration.
type dictIter struct {
	d    *Dict
	i    int
	size int
	kind int // 0 keys, 1 values, 2 items
}

func (it *dictIter) Type() *Type { return dictIteratorTypes[it.kind] }
func (it *dictIter) Next(th *Thread) (Value, bool, error) {
	if it.d.Len() != it.size {
		it.size = -1
		return Value{}, false, Errorf(RuntimeError, "dictionary changed size during iteration")
	}
	for {
		k, v, live, ok := it.d.entryAt(it.i)
		if !ok {
			return Value{}, false, nil
		}
		it.i++
		if !live {
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
}

// userIter drives an object with __next__.
type userIter struct{ obj Value }

func (it *userIter) Type() *Type { return it.obj.Type() }
func (it *userIter) Next(th *Thread) (Value, bool, error) {
	r, found, err := th.CallMethod(it.obj, "__next__")
	if !found {
		return Value{}, false, Errorf(TypeError, "'%s' object is not an iterator", it.obj.Type().Name)
	}
	if err != nil {
		if IsInstance(err, StopIteration) {
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	return r, true, nil
}

var (
	listIteratorType  = finalType("list_iterator")
	tupleIteratorType = finalType("tuple_iterator")
	strIteratorType   = finalType("str_ascii_iterator")
	rangeIteratorType = finalType("range_iterator")
	setIteratorType   = finalType("set_iterator")
	dictIteratorTypes = [3]*Type{finalType("dict_keyiterator"), finalType("dict_valueiterator"), finalType("dict_itemiterator")}
)

// Iter returns an iterator over v (Python's iter(v)).
func Iter(th *Thread, v Value) (Iterator, error) {
	switch o := v.obj.(type) {
	case *List:
		return &sliceIter{items: func() []Value { return o.Items }, typ: listIteratorType}, nil
	case *Tuple:
		items := o.Items
		return &sliceIter{items: func() []Value { return items }, typ: tupleIteratorType}, nil
	case *StrObj:
		return &strIter{s: o}, nil
	case *Range:
		return &rangeIter{next: o.Start, step: o.Step, left: o.Len()}, nil
	case *BigRange:
		return &bigRangeIter{r: o, i: new(big.Int), n: o.length()}, nil
	case *Dict:
		return &dictIter{d: o, size: o.Len()}, nil
	case *DictView:
		return &dictIter{d: o.D, size: o.D.Len(), kind: o.Kind}, nil
	case *Set:
		return o.NewIter(), nil
	case iterHook:
		return o.IterHook(), nil
	case *Instance:
		if b, ok := derivedFallback(v, "__iter__"); ok && !isNumber(b) {
			return Iter(th, b)
		}
	case Iterator:
		if !v.Type().User {
			return o, nil
		}
	}
	if v.Type().User {
		if r, found, err := th.CallMethod(v, "__iter__"); found {
			if err != nil {
				return nil, err
			}
			if it, ok := r.obj.(Iterator); ok && !r.Type().User {
				return it, nil
			}
			if _, ok := r.Type().Lookup("__next__"); !ok {
				return nil, Errorf(TypeError, "iter() returned non-iterator of type '%s'", r.Type().Name)
			}
			return &userIter{obj: r}, nil
		}
		if _, ok := v.Type().Lookup("__getitem__"); ok {
			return &getitemIter{obj: v}, nil
		}
	}
	return nil, Errorf(TypeError, "'%s' object is not iterable", v.Type().Name)
}

// getitemIter iterates an object that has only __getitem__, as CPython's
// sequence iterator does: indexes 0, 1, ... until IndexError.
type getitemIter struct {
	obj Value
	i   int64
}

func (it *getitemIter) Type() *Type { return IteratorType }
func (it *getitemIter) Next(th *Thread) (Value, bool, error) {
	r, err := GetItem(th, it.obj, Int(it.i))
	if err != nil {
		if IsInstance(err, IndexError) || IsInstance(err, StopIteration) {
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	it.i++
	return r, true, nil
}

// Collect returns the items of an iterable as a new slice.
func Collect(th *Thread, v Value) ([]Value, error) {
	switch o := v.obj.(type) {
	case *List:
		return th.copyValues(o.Items)
	case *Tuple:
		return th.copyValues(o.Items)
	}
	it, err := Iter(th, v)
	if err != nil {
		return nil, err
	}
	var out []Value
	m := workMeter{th: th}
	// What is collected is reachable from no root until it is returned.
	th.HoldValues(&out)
	defer th.Release()
	for {
		x, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		if err := th.CheckGrow(out, 1); err != nil {
			return nil, err
		}
		out = append(out, x)
		if err := m.add(1); err != nil {
			return nil, err
		}
	}
}

// DictView is the result of dict.keys(), values() or items().
type DictView struct {
	D    *Dict
	Kind int // 0 keys, 1 values, 2 items
}

var dictViewTypes = [3]*Type{finalType("dict_keys"), finalType("dict_values"), finalType("dict_items")}

// Type returns dict_keys, dict_values or dict_items.
func (v *DictView) Type() *Type { return dictViewTypes[v.Kind] }

// Len returns the size of the underlying dict.
func (v *DictView) Len() int { return v.D.Len() }

func stringsContains(s, sub string) bool { return strings.Contains(s, sub) }

// IterNext advances the iterator it (a value that GET_ITER produced). The
// common iterators are matched by concrete type first: asserting an
// interface to Iterator costs an itab lookup on every loop iteration.
func IterNext(th *Thread, it Value) (Value, bool, error) {
	switch o := it.obj.(type) {
	case *rangeIter:
		return o.Next(th)
	case *sliceIter:
		return o.Next(th)
	case Iterator:
		return o.Next(th)
	}
	return Value{}, false, Errorf(TypeError, "'%s' object is not an iterator", it.Type().Name)
}
