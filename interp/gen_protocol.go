package interp

// This file completes the generator and coroutine protocol: resuming a
// generator-like frame with a value or an exception, throw() with its
// one- and three-argument forms, close(), the delegation of throw and
// close through yield from, and PEP 479's StopIteration conversion.

import (
	"strings"

	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

// resumeEntry runs the frame chain whose entry frame is entry (a
// generator's or async generator's frame) until it yields, awaits,
// returns or raises. started says whether it ran before: a suspended
// chain is resumed where it stopped, with sent as the value of the yield
// or throw raised there (or handed to the awaited object, for a chain
// suspended in await).
func (in *Interp) resumeEntry(th *runtime.Thread, entry *frame, started bool, sent runtime.Value, throw error) (outcome, runtime.Value, error) {
	if err := th.Enter(); err != nil {
		return outRaise, runtime.Value{}, err
	}
	top := entry
	if started {
		top = entry.resumeAt
		if err := recount(th, top, entry); err != nil && throw == nil {
			throw = err
		}
		switch top.suspended {
		case suspendedAwait:
			top.pendingThrow = throw
			throw = nil
		case suspendedYield:
			if throw == nil {
				top.push(sent)
			}
		}
		top.suspended = notSuspended
	}
	out, v, err := in.resume(th, top, entry, throw)
	th.Leave()
	return out, v, err
}

// stopIterationInside converts a StopIteration (or, for an async
// generator, a StopAsyncIteration) that leaves a generator's frame into
// the RuntimeError of PEP 479; what names the kind of generator.
func stopIterationInside(err error, what string) error {
	e, ok := err.(*runtime.Exception)
	if !ok {
		return err
	}
	var name string
	switch {
	case e.Class.IsSubtype(runtime.StopIteration):
		name = "StopIteration"
	case what != "generator" && e.Class.IsSubtype(runtime.StopAsyncIteration):
		name = "StopAsyncIteration"
	default:
		return err
	}
	r := runtime.Errorf(runtime.RuntimeError, "%s raised %s", what, name)
	r.Cause = e
	r.Context = e
	return r
}

// thrownException builds the exception of throw(type[, value[, tb]]) or
// athrow(...), with CPython's TypeErrors for bad arguments; qual is the
// method's name qualified by its type ("generator.throw"), which only
// the keyword error shows.
func thrownException(th *runtime.Thread, qual string, args []runtime.Value, kw []runtime.Kwarg) (*runtime.Exception, error) {
	if err := runtime.NoKeywords(qual, kw); err != nil {
		return nil, err
	}
	name := qual[strings.LastIndexByte(qual, '.')+1:]
	if len(args) < 1 {
		return nil, runtime.Errorf(runtime.TypeError, "%s expected at least 1 argument, got %d", name, len(args))
	}
	if len(args) > 3 {
		return nil, runtime.Errorf(runtime.TypeError, "%s expected at most 3 arguments, got %d", name, len(args))
	}
	if len(args) == 3 && !args[2].IsNone() {
		if _, ok := runtime.As[*runtime.Traceback](args[2]); !ok {
			return nil, runtime.Errorf(runtime.TypeError, "%s() third argument must be a traceback object", name)
		}
	}
	typ := args[0]
	val := runtime.None
	if len(args) > 1 {
		val = args[1]
	}
	if e, ok := runtime.As[*runtime.Exception](typ); ok {
		if !val.IsNone() {
			return nil, runtime.Errorf(runtime.TypeError, "instance exception may not have a separate value")
		}
		return e, nil
	}
	t, ok := runtime.As[*runtime.Type](typ)
	if !ok || !t.ExcBase {
		return nil, runtime.Errorf(runtime.TypeError, "exceptions must be classes or instances deriving from BaseException, not %s", typ.Type().Name)
	}
	if e, ok := runtime.As[*runtime.Exception](val); ok && e.Class.IsSubtype(t) {
		return e, nil
	}
	var callArgs []runtime.Value
	if tup, ok := runtime.As[*runtime.Tuple](val); ok {
		callArgs = tup.Items
	} else if !val.IsNone() {
		callArgs = []runtime.Value{val}
	}
	r, err := th.Call(typ, callArgs, nil)
	if err != nil {
		return nil, err
	}
	if e, ok := runtime.As[*runtime.Exception](r); ok {
		return e, nil
	}
	return nil, runtime.Errorf(runtime.TypeError, "calling %s should have returned an instance of BaseException, not %s", t.Name, r.Type().Name)
}

// yieldingFrom returns the iterator a suspended generator frame delegates
// to with yield from, or None.
func yieldingFrom(entry *frame, suspended bool) runtime.Value {
	if !suspended || entry.resumeAt == nil {
		return runtime.None
	}
	top := entry.resumeAt
	if top.suspended == suspendedYield && top.pc < len(top.code.Run) && top.code.Run[top.pc].Op() == compile.YIELD_FROM {
		sub := top.slots[top.sp-1]
		if g, ok := runtime.AsExact[*generator](sub); ok {
			g.exclusive = false // handed out: never reuse it now
		}
		return sub
	}
	return runtime.None
}

// delegateThrow hands throw to the iterator that top (the innermost
// frame of a suspended generator) delegates to with yield from, if any.
// When that iterator yields, yielded is true and r is its value: the
// generator stays suspended. Otherwise the frame resumes after the yield
// from with sent as its value (the iterator returned) or with err raised
// (the iterator raised, or there is no delegation: err is throw).
func delegateThrow(th *runtime.Thread, top *frame, throw error) (r runtime.Value, yielded bool, sent runtime.Value, err error) {
	if top == nil || top.suspended != suspendedYield || top.pc >= len(top.code.Run) || top.code.Run[top.pc].Op() != compile.YIELD_FROM {
		return runtime.Value{}, false, runtime.None, throw
	}
	sub := top.slots[top.sp-1]
	// From here the frame continues after its YIELD_FROM, without the
	// iterator: with a value pushed as the result, or raising.
	finish := func() {
		top.sp--
		top.slots[top.sp] = runtime.Value{}
		top.pc++
	}
	if runtime.IsInstance(throw, runtime.GeneratorExit) {
		var cerr error
		if g, ok := runtime.As[*generator](sub); ok {
			cerr = g.close(th)
		} else if m, ok := lookupOptional(th, sub, "close"); ok {
			_, cerr = th.Call(m, nil, nil)
		}
		finish()
		if cerr != nil {
			return runtime.Value{}, false, runtime.None, cerr
		}
		return runtime.Value{}, false, runtime.None, throw
	}
	if g, ok := runtime.As[*generator](sub); ok {
		v, ok, err := g.send(th, runtime.None, throw)
		if ok {
			return v, true, runtime.Value{}, nil
		}
		finish()
		if err != nil {
			return runtime.Value{}, false, runtime.None, err
		}
		ret := g.retval
		if !ret.IsValid() {
			ret = runtime.None
		}
		return runtime.Value{}, false, ret, nil
	}
	m, ok := lookupOptional(th, sub, "throw")
	if !ok {
		finish()
		return runtime.Value{}, false, runtime.None, throw
	}
	v, err := th.Call(m, []runtime.Value{runtime.Obj(runtime.AsException(throw))}, nil)
	if err == nil {
		return v, true, runtime.Value{}, nil
	}
	finish()
	if e, ok := err.(*runtime.Exception); ok && e.Class.IsSubtype(runtime.StopIteration) {
		ret := runtime.None
		if len(e.Args) > 0 {
			ret = e.Args[0]
		}
		return runtime.Value{}, false, ret, nil
	}
	return runtime.Value{}, false, runtime.None, err
}

// lookupOptional returns obj.name if obj has that attribute.
func lookupOptional(th *runtime.Thread, obj runtime.Value, name string) (runtime.Value, bool) {
	v, err := getAttr(th, obj, name)
	if err != nil {
		return runtime.Value{}, false
	}
	return v, true
}

// step is generator.send/throw as methods see it: the yielded value, or
// StopIteration carrying the return value.
func (g *generator) step(th *runtime.Thread, v runtime.Value, throw error) (runtime.Value, error) {
	wasDone := g.done
	r, ok, err := g.send(th, v, throw)
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok {
		// Only the step that finishes the generator carries its value.
		if !wasDone && g.retval.IsValid() && !g.retval.IsNone() {
			return runtime.Value{}, runtime.NewException(runtime.StopIteration, g.retval)
		}
		return runtime.Value{}, runtime.NewException(runtime.StopIteration)
	}
	return r, nil
}

// step is coroutine.send/throw: one step of the coroutine, its StopIteration
// carrying the return value when it finishes.
func (co *coroutine) step(th *runtime.Thread, throw error) (runtime.Value, error) {
	st := co.Resume(th, throw)
	if st.Done {
		if st.Err != nil {
			return runtime.Value{}, stopIterationInside(st.Err, "coroutine")
		}
		if st.Value.IsValid() && !st.Value.IsNone() {
			return runtime.Value{}, runtime.NewException(runtime.StopIteration, st.Value)
		}
		return runtime.Value{}, runtime.NewException(runtime.StopIteration)
	}
	if st.Awaiting.IsValid() {
		return st.Awaiting, nil
	}
	return runtime.None, nil
}

// close is coroutine.close(): a suspended coroutine gets GeneratorExit
// where it waits and must finish; one never started is just closed.
func (co *coroutine) close(th *runtime.Thread) error {
	switch co.state {
	case coroCreated:
		co.state = coroClosed
		return nil
	case coroClosed:
		return nil
	}
	st := co.Resume(th, runtime.NewException(runtime.GeneratorExit))
	if !st.Done {
		return runtime.Errorf(runtime.RuntimeError, "coroutine ignored GeneratorExit")
	}
	if st.Err != nil && !runtime.IsInstance(st.Err, runtime.GeneratorExit) && !runtime.IsInstance(st.Err, runtime.StopIteration) {
		return st.Err
	}
	return nil
}

// Attr returns the coroutine's introspection attributes.
func (co *coroutine) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "cr_running":
		return runtime.MakeBool(co.chainState() == coroRunning), true
	case "cr_await":
		return co.awaiting(), true
	case "cr_frame":
		return frameOf(co.frame(), co.state == coroClosed), true
	case "cr_suspended":
		return runtime.MakeBool(co.chainState() == coroSuspended), true
	case "__name__":
		return runtime.Str(co.fn.name), true
	case "__qualname__":
		return runtime.Str(co.fn.qualname), true
	}
	return runtime.Value{}, false
}

// SetAttrValue refuses: generators have no writable attributes here.
func (g *generator) SetAttrValue(name string, v runtime.Value) bool { return false }

// DelAttrValue refuses, as SetAttrValue.
func (g *generator) DelAttrValue(name string) bool { return false }

// SetAttrValue refuses: coroutines have no writable attributes here.
func (co *coroutine) SetAttrValue(name string, v runtime.Value) bool { return false }

// DelAttrValue refuses, as SetAttrValue.
func (co *coroutine) DelAttrValue(name string) bool { return false }

// frameViewType is the class of the frame objects that gi_frame, cr_frame
// and ag_frame return.
var frameViewType = runtime.NewType("frame", runtime.ObjectType)

// frameView is a script's view of a suspended generator-like frame: what
// scripts look at is whether there is one (None once finished) and its
// line.
type frameView struct{ entry *frame }

// Type returns frameViewType.
func (*frameView) Type() *runtime.Type { return frameViewType }

// Attr returns f_lineno (the line where the frame is suspended, or its
// first line before it starts).
func (v *frameView) Attr(name string) (runtime.Value, bool) {
	if name != "f_lineno" {
		return runtime.Value{}, false
	}
	f := v.entry
	if f.resumeAt != nil {
		f = f.resumeAt
	}
	if f.pc == 0 {
		return runtime.Int(int64(f.code.FirstLine)), true
	}
	return runtime.Int(int64(f.traceEntry().Line)), true
}

// SetAttrValue refuses: frames are read-only here.
func (v *frameView) SetAttrValue(name string, val runtime.Value) bool { return false }

// DelAttrValue refuses, as SetAttrValue.
func (v *frameView) DelAttrValue(name string) bool { return false }

// frameOf returns the frame object of a generator-like object's frame, or
// None once it has finished.
func frameOf(f *frame, done bool) runtime.Value {
	if done {
		return runtime.None
	}
	return runtime.Obj(&frameView{entry: f})
}

// awaiting is cr_await: what a suspended coroutine waits on (the
// coroutine it awaits, or the awaitable), or None.
func (co *coroutine) awaiting() runtime.Value {
	entry := co.frame()
	if co.state != coroSuspended || entry.resumeAt == nil {
		return runtime.None
	}
	for fr := entry.resumeAt; fr != nil; fr = fr.back {
		if fr == entry {
			if fr.suspended == suspendedAwait && fr.sp > 0 {
				return fr.slots[fr.sp-1]
			}
			break
		}
		if fr.back == entry && fr.isCoro {
			fr.pinned = true // the script may keep it: never pool it now
			return runtime.Obj((*coroutine)(fr))
		}
	}
	return runtime.None
}
