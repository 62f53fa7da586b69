package runtime

// This file implements awaiting objects whose class defines __await__,
// and the __await__ methods of the built-in awaitables. `await obj` calls
// obj.__await__() and drives the iterator it returns: each value the
// iterator yields is what the awaiting task waits on (a future, or None
// for "run me again on the next loop pass"), and the value its
// StopIteration carries is the result of the await.

// awaitIterType is the class of what a coroutine's or future's
// __await__() returns.
var awaitIterType = finalType("coroutine_wrapper")

// AwaitIter is the iterator a built-in awaitable's __await__() returns:
// iterating it runs the awaitable a step at a time, and awaiting a class
// whose __await__ returns it awaits the underlying object directly.
type AwaitIter struct {
	step func(th *Thread, throw error) CoroStep
	ret  Value
	done bool
}

// NewAwaitIter returns the __await__() iterator of an awaitable whose
// steps are computed by step.
func NewAwaitIter(step func(th *Thread, throw error) CoroStep) *AwaitIter {
	return &AwaitIter{step: step}
}

// Type returns coroutine_wrapper.
func (*AwaitIter) Type() *Type { return awaitIterType }

// Next runs one step: the value yielded is what the step waits on.
func (it *AwaitIter) Next(th *Thread) (Value, bool, error) {
	if it.done {
		return Value{}, false, nil
	}
	st := it.step(th, nil)
	if st.Done {
		it.done = true
		it.ret = st.Value
		return Value{}, false, st.Err
	}
	if !st.Awaiting.IsValid() {
		return None, true, nil
	}
	return st.Awaiting, true, nil
}

// ReturnValue is the awaitable's result once Next reported the end (for
// `yield from obj.__await__()`).
func (it *AwaitIter) ReturnValue() Value { return it.ret }

// Footprint implements MemNode.
func (it *AwaitIter) Footprint() int64 { return 48 }

// Referents implements MemNode.
func (it *AwaitIter) Referents(w *MemWalker) { w.Value(it.ret) }

// userAwait drives the iterator a user class's __await__ returned; it is
// a coroutine as far as tasks are concerned.
type userAwait struct {
	it   Value
	name string
}

// Type returns the coroutine class of built-in coroutines.
func (*userAwait) Type() *Type { return CoroutineType }

// CoroName names the awaited object's class.
func (a *userAwait) CoroName() string { return a.name }

// Resume advances the iterator (for a task driving the object).
func (a *userAwait) Resume(th *Thread, throw error) CoroStep { return a.AwaitStep(th, throw) }

// AwaitStep sends None into the iterator (or throws into it) and reports
// what it yielded or returned.
func (a *userAwait) AwaitStep(th *Thread, throw error) CoroStep {
	if ai, ok := a.it.obj.(*AwaitIter); ok {
		st := ai.step(th, throw)
		if st.Done {
			ai.done = true
		}
		return st
	}
	var r Value
	var err error
	switch {
	case throw != nil:
		exc, isExc := throw.(*Exception)
		found := false
		if isExc {
			r, found, err = th.CallMethod(a.it, "throw", Obj(exc))
		}
		if !found {
			return CoroStep{Done: true, Err: throw}
		}
	default:
		var found bool
		if r, found, err = th.CallMethod(a.it, "send", None); !found {
			var more bool
			r, more, err = IterNext(th, a.it)
			if err == nil && !more {
				return CoroStep{Done: true, Value: None}
			}
		}
	}
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Class == StopIteration {
			v := None
			if len(e.Args) > 0 {
				v = e.Args[0]
			}
			return CoroStep{Done: true, Value: v}
		}
		return CoroStep{Done: true, Err: err}
	}
	if r.IsNone() {
		return CoroStep{}
	}
	return CoroStep{Awaiting: r}
}

// Footprint implements MemNode.
func (a *userAwait) Footprint() int64 { return 40 }

// Referents implements MemNode.
func (a *userAwait) Referents(w *MemWalker) { w.Value(a.it) }

// AwaitableFor returns what `await v` drives for an object that is not a
// coroutine or future: the iterator its class's __await__ returns, with
// CPython's TypeErrors for objects without one and for bad results.
func AwaitableFor(th *Thread, v Value) (Value, error) {
	m, ok := v.Type().Lookup("__await__")
	if !ok || m.IsNone() {
		return Value{}, Errorf(TypeError, "object %s can't be used in 'await' expression", v.Type().Name)
	}
	fn, err := bindAttr(th, m, v)
	if err != nil {
		return Value{}, err
	}
	r, err := th.Call(fn, nil, nil)
	if err != nil {
		return Value{}, err
	}
	if _, isCoro := r.obj.(Coro); isCoro {
		return Value{}, Errorf(TypeError, "__await__() returned a coroutine")
	}
	if _, isIter := r.obj.(Iterator); !isIter {
		if _, hasNext := r.Type().Lookup("__next__"); !hasNext || !r.Type().User {
			return Value{}, Errorf(TypeError, "__await__() returned non-iterator of type '%s'", r.Type().Name)
		}
	}
	return Obj(&userAwait{it: r, name: v.Type().Name + ".__await__"}), nil
}

func init() {
	// send, throw and close of coroutines are the interpreter's
	// (interp/coroutine.go), for its frames and Go coroutines alike.
	CoroutineType.Methods(map[string]BuiltinFn{"__await__": AwaitMethod})
	FutureType.Methods(map[string]BuiltinFn{"__await__": AwaitMethod})
}

// AwaitMethod is __await__ of the built-in awaitables: futures, tasks,
// built-in coroutines and the interpreter's coroutine objects.
func AwaitMethod(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if err := UnpackArgs("__await__", args, kw); err != nil {
		return Value{}, err
	}
	switch o := self.obj.(type) {
	case Coro:
		return Obj(NewAwaitIter(o.Resume)), nil
	case Awaitable:
		return Obj(NewAwaitIter(o.AwaitStep)), nil
	}
	return Value{}, Errorf(TypeError, "object %s can't be used in 'await' expression", self.Type().Name)
}
