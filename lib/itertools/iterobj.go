// Package itertools is Python's itertools module, in Go: each of its
// classes is a Go iterator whose state lives in a closure, so that no
// item goes through interpreted code.
package itertools

// This file defines the one object type behind every itertools iterator
// and the helpers the constructors share.

import (
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// iterObj is an instance of one of the itertools classes. next produces
// the items; repr, when set, is the class's own repr (count, repeat);
// refs lists what the iterator keeps alive, for the memory walker.
type iterObj struct {
	cls  *runtime.Type
	next func(th *runtime.Thread) (runtime.Value, bool, error)
	repr func(th *runtime.Thread) (string, error)
	refs func(w *runtime.MemWalker)
	// extra, when set, is the size of what the iterator has buffered
	// (cycle's first pass), for the memory walk.
	extra func() int64
}

// Type returns the itertools class of the iterator.
func (o *iterObj) Type() *runtime.Type { return o.cls }

// Next advances the iterator. A script may re-enter it (a generator it
// reads calling next on it): the step functions keep working on local
// copies of their state, so that only the generator complains, as in
// CPython.
func (o *iterObj) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	if err := th.Nest(""); err != nil {
		return runtime.Value{}, false, err
	}
	v, ok, err := o.next(th)
	th.Unnest()
	if !ok || err != nil {
		return runtime.Value{}, false, err
	}
	return v, true, nil
}

// Repr is the class's repr when it has its own, else object's.
func (o *iterObj) Repr(th *runtime.Thread) (string, error) {
	if o.repr != nil {
		return o.repr(th)
	}
	return "<itertools." + o.cls.Name + " object>", nil
}

// Footprint is the size of the object, its closure's header and its
// buffer.
func (o *iterObj) Footprint() int64 {
	n := int64(unsafe.Sizeof(*o)) + 64
	if o.extra != nil {
		n += o.extra()
	}
	return n
}

// Referents visits what the iterator keeps alive.
func (o *iterObj) Referents(w *runtime.MemWalker) {
	if o.refs != nil {
		o.refs(w)
	}
}

// newClass makes an itertools class built by ctor.
func newClass(name string, ctor func(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)) *runtime.Type {
	t := runtime.NewType(name, runtime.ObjectType)
	t.Module = "itertools"
	t.New = ctor
	t.Methods(iterMethods)
	return t
}

// iterMethods are __iter__ and __next__, for scripts that call them.
var iterMethods = map[string]runtime.BuiltinFn{
	"__iter__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("__iter__", args, kw); err != nil {
			return runtime.Value{}, err
		}
		return self, nil
	},
	"__next__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("__next__", args, kw); err != nil {
			return runtime.Value{}, err
		}
		it, ok := self.Object().(runtime.Iterator)
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' object is not an iterator", self.Type().Name)
		}
		v, ok, err := it.Next(th)
		if err != nil {
			return runtime.Value{}, err
		}
		if !ok {
			return runtime.Value{}, runtime.NewException(runtime.StopIteration)
		}
		return v, nil
	},
}

// walkIters visits iterators that are objects of the runtime.
func walkIters(w *runtime.MemWalker, its []runtime.Iterator) {
	for _, it := range its {
		w.Any(it)
	}
}

// iters calls iter() on each value.
func iters(th *runtime.Thread, vs []runtime.Value) ([]runtime.Iterator, error) {
	its := make([]runtime.Iterator, len(vs))
	for i, v := range vs {
		it, err := runtime.Iter(th, v)
		if err != nil {
			return nil, err
		}
		its[i] = it
	}
	return its, nil
}

// oneIterable checks the arguments of a class that takes exactly one
// iterable and no keywords, and returns its iterator.
func oneIterable(th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Iterator, error) {
	if err := runtime.NoKeywords(name, kw); err != nil {
		return nil, err
	}
	if err := runtime.PositionalArgs(name, args, nil, 1, 1); err != nil {
		return nil, err
	}
	return runtime.Iter(th, args[0])
}

// truth is bool(v).
func truth(th *runtime.Thread, v runtime.Value) (bool, error) { return runtime.Truth(th, v) }

// stop is the result of an exhausted iterator.
var stop = func() (runtime.Value, bool, error) { return runtime.Value{}, false, nil }
