package interp

// This file implements the instructions of async for (GET_AITER,
// GET_ANEXT, END_ASYNC_FOR), the finalization of generators that only a
// loop referenced (DROP_ITER, and the unwinding of an exception through
// such a loop), and the built-ins aiter and anext.

import (
	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

// asyncIterOp executes GET_AITER, GET_ANEXT, END_ASYNC_FOR or DROP_ITER;
// the second result is true when the error is an exception raised again
// as it is.
func asyncIterOp(th *runtime.Thread, f *frame, op compile.Opcode, arg int) (error, bool) {
	switch op {
	case compile.GET_AITER:
		obj := f.top()
		if g, ok := runtime.As[*asyncGenerator](obj); ok {
			if arg == 1 && !g.started {
				g.loopOwned = true
			}
			return nil, false
		}
		it, ok, err := callSpecial(th, obj, "__aiter__")
		if err != nil {
			return err, false
		}
		if !ok {
			return runtime.Errorf(runtime.TypeError, "'async for' requires an object with __aiter__ method, got %s", obj.Type().Name), false
		}
		if _, ok := it.Type().Lookup("__anext__"); !ok {
			return runtime.Errorf(runtime.TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s", it.Type().Name), false
		}
		f.slots[f.sp-1] = it
	case compile.GET_ANEXT:
		it := f.top()
		if g, ok := runtime.As[*asyncGenerator](it); ok {
			f.push(runtime.Obj(g.loopAnext()))
			return nil, false
		}
		aw, ok, err := callSpecial(th, it, "__anext__")
		if err != nil {
			return err, false
		}
		if !ok {
			return runtime.Errorf(runtime.TypeError, "'async for' requires an iterator with __anext__ method, got %s", it.Type().Name), false
		}
		if checkAwaitable(aw) != nil {
			if _, ok := aw.Type().Lookup("__await__"); !ok || !aw.Type().User {
				return runtime.Errorf(runtime.TypeError, "'async for' received an invalid object from __anext__: %s", aw.Type().Name), false
			}
			if aw, err = runtime.AwaitableFor(th, aw); err != nil {
				return err, false
			}
		}
		f.push(aw)
	case compile.END_ASYNC_FOR:
		// [aiter exc] in the handler of the loop's SETUP_FINALLY.
		exc := f.pop()
		e, _ := runtime.As[*runtime.Exception](exc)
		if e == nil || !e.Class.IsSubtype(runtime.StopAsyncIteration) {
			return runtime.AsException(asError(exc)), true
		}
		b := f.blocks[len(f.blocks)-1]
		f.blocks = f.blocks[:len(f.blocks)-1]
		f.excInfo = b.prev
		f.pop()
	case compile.DROP_ITER:
		dropIter(th, f.pop())
	}
	return nil, false
}

// dropIter finalizes it if it is a generator or async generator that
// only a loop referenced, as CPython does when the loop drops the last
// reference: a generator is closed at once (an exception from its
// clean-up is not propagated, as from a finalizer), an async generator
// gets its aclose() scheduled.
func dropIter(th *runtime.Thread, it runtime.Value) {
	switch g := it.Object().(type) {
	case *asyncGenerator:
		if g.loopOwned {
			g.loopOwned = false
			g.finalize(th)
		}
	case *generator:
		if g.loopOwned {
			g.loopOwned = false
			_ = g.close(th)
		}
	}
}

// markLoopOwned marks a fresh generator as referenced by its loop alone.
func markLoopOwned(it runtime.Object) {
	if g, ok := it.(*generator); ok && !g.started {
		g.loopOwned = true
	}
}

// dropOwnedIters finalizes the loop-owned iterators in the part of f's
// stack that an exception unwinds (above the level of the handler that
// will take it, or all of it).
func dropOwnedIters(th *runtime.Thread, f *frame) {
	level := len(f.code.Locals)
	for i := len(f.blocks) - 1; i >= 0; i-- {
		if f.blocks[i].kind == blockTry {
			level = f.blocks[i].level
			break
		}
	}
	for i := f.sp - 1; i >= level; i-- {
		switch f.slots[i].Object().(type) {
		case *generator, *asyncGenerator:
			dropIter(th, f.slots[i])
		}
	}
}

// callSpecial calls the special method name of obj's class, reporting
// whether the class has it.
func callSpecial(th *runtime.Thread, obj runtime.Value, name string) (runtime.Value, bool, error) {
	m, ok := obj.Type().Lookup(name)
	if !ok {
		return runtime.Value{}, false, nil
	}
	bound, err := bind(th, m, obj)
	if err != nil {
		return runtime.Value{}, true, err
	}
	r, err := th.Call(bound, nil, nil)
	return r, true, err
}

// anextAwaitableType is the class of what anext(it, default) returns.
var anextAwaitableType = runtime.NewType("anext_awaitable", runtime.ObjectType)

// anextDefault awaits the awaitable of it.__anext__() and turns its
// StopAsyncIteration into the default value.
type anextDefault struct {
	inner runtime.Value
	def   runtime.Value
}

// Type returns anextAwaitableType.
func (*anextDefault) Type() *runtime.Type { return anextAwaitableType }

// CoroName names the awaitable in a task's repr.
func (*anextDefault) CoroName() string { return "anext_awaitable" }

// Resume lets a task run it (runtime.Coro).
func (a *anextDefault) Resume(th *runtime.Thread, throw error) runtime.CoroStep {
	return a.AwaitStep(th, throw)
}

// AwaitStep advances the inner awaitable one step.
func (a *anextDefault) AwaitStep(th *runtime.Thread, throw error) runtime.CoroStep {
	var st runtime.CoroStep
	if co, ok := runtime.As[*coroutine](a.inner); ok {
		st = co.Resume(th, throw)
	} else {
		st = runtime.AwaitStepOf(th, a.inner, throw)
	}
	if st.Done && runtime.IsInstance(st.Err, runtime.StopAsyncIteration) {
		return runtime.CoroStep{Done: true, Value: a.def}
	}
	return st
}

// installAsyncIterBuiltins adds aiter and anext.
func (in *Interp) installAsyncIterBuiltins() {
	in.builtins["aiter"] = runtime.NewBuiltin("aiter", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var obj runtime.Value
		if err := runtime.UnpackArgs("aiter", args, kw, "async_iterable", &obj); err != nil {
			return runtime.Value{}, err
		}
		it, ok, err := callSpecial(th, obj, "__aiter__")
		if err != nil {
			return runtime.Value{}, err
		}
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' object is not an async iterable", obj.Type().Name)
		}
		if _, ok := it.Type().Lookup("__anext__"); !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "aiter() returned not an async iterator of type '%s'", it.Type().Name)
		}
		return it, nil
	})
	in.builtins["anext"] = runtime.NewBuiltin("anext", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var it, def runtime.Value
		if err := runtime.UnpackArgs("anext", args, kw, "aiterator", &it, "default?", &def); err != nil {
			return runtime.Value{}, err
		}
		var aw runtime.Value
		if g, ok := runtime.As[*asyncGenerator](it); ok {
			aw = runtime.Obj(g.anext())
		} else {
			r, ok, err := callSpecial(th, it, "__anext__")
			if err != nil {
				return runtime.Value{}, err
			}
			if !ok {
				return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' object is not an async iterator", it.Type().Name)
			}
			aw = r
		}
		if !def.IsValid() {
			return aw, nil
		}
		if checkAwaitable(aw) != nil {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' object is not awaitable", aw.Type().Name)
		}
		return runtime.Obj(&anextDefault{inner: aw, def: def}), nil
	})
}
