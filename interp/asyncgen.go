package interp

// This file defines asynchronous generators (an async def containing
// yield) and the awaitables of their protocol: __anext__()/asend()
// and athrow()/aclose(). Like a coroutine, an async generator is a frame:
// each awaitable resumes that frame in a nested run of the loop, and
// when the frame awaits a pending future the awaitable reports it as its
// own step, so that the task awaiting it suspends (and later passes the
// wake-up or a cancellation back down to the frame).

import (
	"github.com/aio-lang/aio/runtime"
)

// asyncGeneratorType is the class of async generator objects.
var asyncGeneratorType = runtime.NewType("async_generator", runtime.ObjectType)

// agenSendType and agenThrowType are the classes of the awaitables of
// __anext__()/asend() and athrow()/aclose().
var (
	agenSendType  = runtime.NewType("async_generator_asend", runtime.ObjectType)
	agenThrowType = runtime.NewType("async_generator_athrow", runtime.ObjectType)
)

// asyncGenerator is the object made by calling an async def that
// contains yield.
type asyncGenerator struct {
	frame   *frame
	fn      *function
	started bool
	done    bool
	// running is ag_running: an awaitable of the generator is in progress
	// (its frame runs or waits on something it awaits).
	running bool
	hooked  bool // registered with the event loop for shutdown_asyncgens
	// loopOwned marks a generator that only the async for iterating it
	// references (made by a call in the loop's header).
	loopOwned bool
	finalized bool // its aclose() was scheduled by finalize
	// loopAwait is the awaitable async for steps reuse (loopAnext).
	loopAwait agenAwait
}

// finalize is what CPython does when the last reference to an unfinished
// async generator goes away (here: an async for over a fresh generator
// left early): the loop's finalizer hook schedules a task running its
// aclose(). aio frees memory without reference counts, so this is the
// one place where it can tell that a generator became unreachable;
// others left unfinished are closed by shutdown_asyncgens.
func (g *asyncGenerator) finalize(th *runtime.Thread) {
	if g.done || !g.hooked || g.running {
		return
	}
	l, err := runtime.RunningLoop(th)
	if err != nil {
		return
	}
	g.finalized = true
	l.CallSoon(func() error {
		if !g.done {
			runtime.NewTask(l, runtime.Obj(g.Aclose()), runtime.Value{})
		}
		return nil
	})
}

// Type returns AsyncGeneratorType.
func (*asyncGenerator) Type() *runtime.Type { return asyncGeneratorType }

// Repr returns "<async_generator object NAME at 0x...>".
func (g *asyncGenerator) Repr(th *runtime.Thread) (string, error) {
	return "<async_generator object " + g.fn.qualname + " at " + addrOf(g) + ">", nil
}

// AgenFinished reports whether the generator has finished (runtime.AsyncGen).
func (g *asyncGenerator) AgenFinished() bool { return g.done || g.finalized }

// Aclose returns the awaitable of aclose() (runtime.AsyncGen).
func (g *asyncGenerator) Aclose() runtime.Coro {
	return &agenAwait{g: g, kind: agenClose}
}

// Attr returns the generator's introspection attributes.
func (g *asyncGenerator) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "ag_running":
		return runtime.MakeBool(g.running), true
	case "ag_frame":
		return frameOf(g.frame, g.done), true
	case "ag_await":
		return runtime.None, true
	case "__name__":
		return runtime.Str(g.fn.name), true
	case "__qualname__":
		return runtime.Str(g.fn.qualname), true
	}
	return runtime.Value{}, false
}

// SetAttrValue refuses: async generators have no writable attributes here.
func (g *asyncGenerator) SetAttrValue(name string, v runtime.Value) bool { return false }

// DelAttrValue refuses, as SetAttrValue.
func (g *asyncGenerator) DelAttrValue(name string) bool { return false }

// agenKind is what an awaitable of an async generator does.
type agenKind uint8

const (
	agenSend  agenKind = iota // __anext__() or asend(v)
	agenThrow                 // athrow(...)
	agenClose                 // aclose()
)

// agenState is the progress of one awaitable.
type agenState uint8

const (
	agenInit agenState = iota
	agenIter           // the generator's frame waits on something it awaits
	agenUsed           // finished: awaiting it again is an error
)

// agenAwait is the awaitable that one call of __anext__, asend, athrow or
// aclose returns.
type agenAwait struct {
	g     *asyncGenerator
	kind  agenKind
	state agenState
	send  runtime.Value   // the value asend sends (None for __anext__)
	args  []runtime.Value // athrow's arguments, which make the exception to raise
}

// Type returns the class of the awaitable.
func (a *agenAwait) Type() *runtime.Type {
	if a.kind == agenSend {
		return agenSendType
	}
	return agenThrowType
}

// Repr returns "<async_generator_asend object at 0x...>" (or athrow).
func (a *agenAwait) Repr(th *runtime.Thread) (string, error) {
	return "<" + a.Type().Name + " object at " + addrOf(a) + ">", nil
}

// CoroName names the awaitable in the repr of a task running it.
func (a *agenAwait) CoroName() string { return a.Type().Name }

// Resume lets a task run the awaitable (runtime.Coro), as asyncio's
// shutdown_asyncgens does with aclose().
func (a *agenAwait) Resume(th *runtime.Thread, throw error) runtime.CoroStep {
	return a.AwaitStep(th, throw)
}

// methodName is the awaitable's method, for the already-running error.
func (a *agenAwait) methodName() string {
	switch a.kind {
	case agenThrow:
		return "athrow"
	case agenClose:
		return "aclose"
	}
	return "anext"
}

func (a *agenAwait) fail(err error) runtime.CoroStep {
	a.state = agenUsed
	return runtime.CoroStep{Done: true, Err: err}
}

// AwaitStep runs the generator's frame until it yields (the awaitable's
// result), finishes, or waits on a pending future (a step of the
// awaitable); throw comes from the task awaiting it.
func (a *agenAwait) AwaitStep(th *runtime.Thread, throw error) runtime.CoroStep {
	g := a.g
	var sent runtime.Value = runtime.None
	switch a.state {
	case agenUsed:
		if a.kind == agenSend {
			return a.fail(runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited __anext__()/asend()"))
		}
		return a.fail(runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited aclose()/athrow()"))
	case agenInit:
		if g.running {
			return a.fail(runtime.Errorf(runtime.RuntimeError, "%s(): asynchronous generator is already running", a.methodName()))
		}
		if g.done && throw != nil {
			// Thrown into (by a cancelled task) before its first step,
			// for a generator that has finished: nothing left to run.
			return a.fail(throw)
		}
		if throw == nil {
			if g.done {
				a.state = agenUsed
				if a.kind == agenSend {
					return runtime.CoroStep{Done: true, Err: runtime.NewException(runtime.StopAsyncIteration)}
				}
				return runtime.CoroStep{Done: true, Value: runtime.None}
			}
			switch a.kind {
			case agenSend:
				sent = a.send
				if !g.started && !sent.IsNone() {
					return a.fail(runtime.Errorf(runtime.TypeError, "can't send non-None value to a just-started async generator"))
				}
			case agenThrow:
				if n := len(a.args); n < 1 {
					return a.fail(runtime.Errorf(runtime.TypeError, "athrow expected at least 1 argument, got %d", n))
				} else if n > 3 {
					return a.fail(runtime.Errorf(runtime.TypeError, "athrow expected at most 3 arguments, got %d", n))
				}
				exc, err := thrownException(th, "throw", a.args, nil)
				if err != nil {
					return a.fail(err)
				}
				throw = exc
			case agenClose:
				if !g.started {
					g.done = true
					a.state = agenUsed
					return runtime.CoroStep{Done: true, Value: runtime.None}
				}
				throw = runtime.NewException(runtime.GeneratorExit)
			}
		}
		if !g.hooked {
			g.hooked = true
			if th.Loop != nil {
				if l, err := runtime.RunningLoop(th); err == nil {
					l.AddAsyncGen(g)
				}
			}
		}
		a.state = agenIter
		g.running = true
	}
	started := g.started
	g.started = true
	out, v, err := g.fn.mod.vm.resumeEntry(th, g.frame, started, sent, throw)
	switch out {
	case outAwait:
		return runtime.CoroStep{Awaiting: v}
	case outYield:
		g.running = false
		a.state = agenUsed
		if a.kind == agenClose {
			return runtime.CoroStep{Done: true, Err: runtime.Errorf(runtime.RuntimeError, "async generator ignored GeneratorExit")}
		}
		return runtime.CoroStep{Done: true, Value: v}
	case outReturn:
		g.running, g.done = false, true
		a.state = agenUsed
		if a.kind == agenClose {
			return runtime.CoroStep{Done: true, Value: runtime.None}
		}
		return runtime.CoroStep{Done: true, Err: runtime.NewException(runtime.StopAsyncIteration)}
	}
	g.running, g.done = false, true
	a.state = agenUsed
	if a.kind == agenClose && (runtime.IsInstance(err, runtime.GeneratorExit) || runtime.IsInstance(err, runtime.StopAsyncIteration)) {
		return runtime.CoroStep{Done: true, Value: runtime.None}
	}
	return runtime.CoroStep{Done: true, Err: stopIterationInside(err, "async generator")}
}

// loopAnext returns the awaitable of g.__anext__() for an async for step.
// No script can see it (the loop awaits it at once and drops it), so the
// generator's own one is reused once its previous step has finished: an
// async for does not allocate per item.
func (g *asyncGenerator) loopAnext() *agenAwait {
	if g.running {
		return g.anext() // fails as CPython's does: already running
	}
	g.loopAwait = agenAwait{g: g, kind: agenSend, send: runtime.None}
	return &g.loopAwait
}

// anext returns the awaitable of g.__anext__().
func (g *asyncGenerator) anext() *agenAwait {
	return &agenAwait{g: g, kind: agenSend, send: runtime.None}
}

func init() {
	asyncGeneratorType.Methods(map[string]runtime.BuiltinFn{
		"__aiter__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.UnpackArgs("__aiter__", args, kw); err != nil {
				return runtime.Value{}, err
			}
			return self, nil
		},
		"__anext__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.UnpackArgs("__anext__", args, kw); err != nil {
				return runtime.Value{}, err
			}
			g, _ := runtime.As[*asyncGenerator](self)
			return runtime.Obj(g.anext()), nil
		},
		"asend": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			v, err := runtime.OneArg("async_generator.asend", args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			g, _ := runtime.As[*asyncGenerator](self)
			return runtime.Obj(&agenAwait{g: g, kind: agenSend, send: v}), nil
		},
		"athrow": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if len(kw) > 0 {
				return runtime.Value{}, runtime.NoKeywords("async_generator.athrow", kw)
			}
			// The arguments are checked when the awaitable first runs, as
			// CPython does.
			g, _ := runtime.As[*asyncGenerator](self)
			return runtime.Obj(&agenAwait{g: g, kind: agenThrow, args: append([]runtime.Value(nil), args...)}), nil
		},
		"aclose": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.NoArgs("async_generator.aclose", args, kw); err != nil {
				return runtime.Value{}, err
			}
			g, _ := runtime.As[*asyncGenerator](self)
			return runtime.Obj(g.Aclose()), nil
		},
	})
	awaitSelf := map[string]runtime.BuiltinFn{
		"send": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var v runtime.Value
			if err := runtime.UnpackArgs("send", args, kw, "value", &v); err != nil {
				return runtime.Value{}, err
			}
			a, _ := runtime.As[*agenAwait](self)
			return a.manualStep(th, nil)
		},
		"throw": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			exc, err := thrownException(th, self.Type().Name+".throw", args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			a, _ := runtime.As[*agenAwait](self)
			return a.manualStep(th, exc)
		},
		"close": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			a, _ := runtime.As[*agenAwait](self)
			a.state = agenUsed
			return runtime.None, nil
		},
	}
	agenSendType.Methods(awaitSelf)
	agenThrowType.Methods(awaitSelf)
}

// manualStep is send/throw on the awaitable itself (driving it by hand as
// a coroutine): its result arrives as StopIteration.
func (a *agenAwait) manualStep(th *runtime.Thread, throw error) (runtime.Value, error) {
	st := a.AwaitStep(th, throw)
	if !st.Done {
		if st.Awaiting.IsValid() {
			return st.Awaiting, nil
		}
		return runtime.None, nil
	}
	if st.Err != nil {
		return runtime.Value{}, st.Err
	}
	return runtime.Value{}, runtime.NewException(runtime.StopIteration, st.Value)
}
