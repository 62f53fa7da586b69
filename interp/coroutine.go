package interp

// This file defines coroutine and generator objects: a suspended frame
// chain plus the protocol to resume it by sending a value or throwing an
// exception in.

import (
	"github.com/aio-lang/aio/runtime"
)

type coroState uint8

const (
	coroCreated coroState = iota
	coroRunning
	coroSuspended
	coroClosed
)

// coroutineType is the class of coroutine objects, shared with the
// coroutines the runtime implements in Go.
var coroutineType = runtime.CoroutineType

// generatorType is the class of generator objects.
var generatorType = runtime.NewType("generator", runtime.ObjectType)

// coroutine is the object made by calling an async def function: the
// frame of the call itself (see frame), whose state field is the
// coroutine's state.
type coroutine frame

// frame returns the coroutine's frame (the entry of its frame chain).
func (co *coroutine) frame() *frame { return (*frame)(co) }

// Type returns CoroutineType.
func (*coroutine) Type() *runtime.Type { return coroutineType }

// Name returns the coroutine's function name.
func (co *coroutine) Name() string { return co.fn.name }

// QualName returns the coroutine's qualified name.
func (co *coroutine) QualName() string { return co.fn.qualname }

// Repr returns "<coroutine object NAME at 0x...>".
func (co *coroutine) Repr(th *runtime.Thread) (string, error) {
	return "<coroutine object " + co.fn.qualname + " at " + addrOf(co) + ">", nil
}

// Done reports whether the coroutine has finished.
func (co *coroutine) Done() bool { return co.state == coroClosed }

// CoroName returns the coroutine's qualified name (runtime.Coro).
func (co *coroutine) CoroName() string { return co.fn.qualname }

// Resume runs the coroutine until it finishes or suspends. throw, when
// not nil, is raised at the suspension point instead of resuming normally.
// It is the engine of Task.__step (runtime.Coro).
func (co *coroutine) Resume(th *runtime.Thread, throw error) runtime.CoroStep {
	in := co.fn.mod.vm
	switch co.state {
	case coroClosed:
		return runtime.CoroStep{Done: true, Err: runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")}
	case coroRunning:
		return runtime.CoroStep{Done: true, Err: runtime.Errorf(runtime.ValueError, "coroutine already executing")}
	}
	top := co.frame()
	if co.state == coroSuspended {
		top = co.frame().resumeAt
		if err := recount(th, top, co.frame()); err != nil && throw == nil {
			throw = err
		}
		if top.suspended == suspendedAwait {
			// AWAIT runs again and hands the exception to the awaited
			// object, which decides how it ends (a sleep cancels its timer).
			top.pendingThrow = throw
			throw = nil
		}
		top.suspended = notSuspended
	} else if throw != nil {
		co.state = coroClosed
		return runtime.CoroStep{Done: true, Err: throw}
	}
	co.state = coroRunning
	if err := th.Enter(); err != nil {
		co.state = coroSuspended
		return runtime.CoroStep{Done: true, Err: err}
	}
	out, v, err := in.resume(th, top, co.frame(), throw)
	th.Leave()
	switch out {
	case outReturn:
		co.state = coroClosed
		return runtime.CoroStep{Done: true, Value: v}
	case outRaise:
		co.state = coroClosed
		return runtime.CoroStep{Done: true, Err: err}
	case outYield:
		co.state = coroSuspended
		return runtime.CoroStep{}
	}
	co.state = coroSuspended
	return runtime.CoroStep{Awaiting: v}
}

// RunSync drives a coroutine that never waits on a pending future (for
// scripts without an event loop); it fails if the coroutine suspends.
func (co *coroutine) RunSync(th *runtime.Thread) (runtime.Value, error) {
	st := co.Resume(th, nil)
	if !st.Done {
		return runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "no running event loop")
	}
	return st.Value, st.Err
}

// generator is the object made by calling a function that contains yield.
type generator struct {
	frame   *frame
	fn      *function
	started bool
	running bool
	done    bool
	retval  runtime.Value // the value of the generator's return statement
	// loopOwned marks a generator that only the for loop iterating it
	// references (see freshIterable).
	loopOwned bool
	// frameSeen marks a generator whose frame a script may hold (through
	// gi_frame): its frame is not recycled when it finishes.
	frameSeen bool
	// exclusive marks a generator that only the loop iterating it refers
	// to (genRecycler): once exhausted it is reused.
	exclusive bool
}

// Type returns GeneratorType.
func (*generator) Type() *runtime.Type { return generatorType }

// Repr returns "<generator object NAME at 0x...>".
func (g *generator) Repr(th *runtime.Thread) (string, error) {
	return "<generator object " + g.fn.qualname + " at " + addrOf(g) + ">", nil
}

// Next resumes the generator; ok is false when it is exhausted.
func (g *generator) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	return g.send(th, runtime.None, nil)
}

func (g *generator) send(th *runtime.Thread, v runtime.Value, throw error) (runtime.Value, bool, error) {
	if g.done {
		if throw != nil {
			return runtime.Value{}, false, throw
		}
		return runtime.Value{}, false, nil
	}
	if g.running {
		return runtime.Value{}, false, runtime.Errorf(runtime.ValueError, "generator already executing")
	}
	if !g.started {
		if !v.IsNone() && throw == nil {
			return runtime.Value{}, false, runtime.Errorf(runtime.TypeError, "can't send non-None value to a just-started generator")
		}
		if throw != nil {
			g.done = true
			return runtime.Value{}, false, stopIterationInside(throw, "generator")
		}
	} else if throw != nil {
		// A generator suspended in yield from passes the exception to the
		// iterator it delegates to first.
		g.running = true
		r, yielded, sent, err := delegateThrow(th, g.frame.resumeAt, throw)
		g.running = false
		if yielded {
			return r, true, nil
		}
		v, throw = sent, err
	}
	started := g.started
	g.started = true
	g.running = true
	out, r, err := g.fn.mod.vm.resumeEntry(th, g.frame, started, v, throw)
	g.running = false
	switch out {
	case outYield:
		return r, true, nil
	case outReturn:
		g.done = true
		g.retval = r
		g.recycleFrame()
		return runtime.Value{}, false, nil
	case outRaise:
		g.done = true
		g.recycleFrame()
		return runtime.Value{}, false, stopIterationInside(err, "generator")
	}
	g.done = true
	return runtime.Value{}, false, runtime.Errorf(runtime.RuntimeError, "await inside a generator")
}

// close is generator.close(): GeneratorExit is raised where the generator
// is suspended, and it must not yield again.
func (g *generator) close(th *runtime.Thread) error {
	if !g.started || g.done {
		g.done = true
		return nil
	}
	_, ok, err := g.send(th, runtime.None, runtime.NewException(runtime.GeneratorExit))
	if ok {
		return runtime.Errorf(runtime.RuntimeError, "generator ignored GeneratorExit")
	}
	if err != nil && !runtime.IsInstance(err, runtime.GeneratorExit) {
		return err
	}
	return nil
}

// Attr returns the generator's introspection attributes.
func (g *generator) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "gi_running":
		return runtime.MakeBool(g.running), true
	case "gi_yieldfrom":
		return yieldingFrom(g.frame, g.started && !g.done), true
	case "gi_frame":
		g.frameSeen = true
		return frameOf(g.frame, g.done), true
	case "gi_suspended":
		return runtime.MakeBool(g.started && !g.done && !g.running), true
	case "__name__":
		return runtime.Str(g.fn.name), true
	case "__qualname__":
		return runtime.Str(g.fn.qualname), true
	}
	return runtime.Value{}, false
}

func init() {
	generatorType.Methods(map[string]runtime.BuiltinFn{
		"__iter__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.UnpackArgs("__iter__", args, kw); err != nil {
				return runtime.Value{}, err
			}
			return self, nil
		},
		"__next__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			g, _ := runtime.As[*generator](self)
			v, ok, err := g.Next(th)
			if err != nil {
				return runtime.Value{}, err
			}
			if !ok {
				return runtime.Value{}, runtime.NewException(runtime.StopIteration)
			}
			return v, nil
		},
		"send": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			v, err := runtime.OneArg("generator.send", args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			g, _ := runtime.As[*generator](self)
			return g.step(th, v, nil)
		},
		"throw": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			exc, err := thrownException(th, self.Type().Name+".throw", args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			g, _ := runtime.As[*generator](self)
			return g.step(th, runtime.None, exc)
		},
		"close": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.NoArgs("generator.close", args, kw); err != nil {
				return runtime.Value{}, err
			}
			g, _ := runtime.As[*generator](self)
			if err := g.close(th); err != nil {
				return runtime.Value{}, err
			}
			return runtime.None, nil
		},
	})
	coroutineType.Methods(map[string]runtime.BuiltinFn{
		"send": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			v, err := runtime.OneArg("coroutine.send", args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			co, ok := runtime.As[*coroutine](self)
			if !ok {
				return sendNative(th, self, v, nil)
			}
			if co.state == coroCreated && !v.IsNone() {
				return runtime.Value{}, runtime.Errorf(runtime.TypeError, "can't send non-None value to a just-started coroutine")
			}
			return co.step(th, nil)
		},
		"throw": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			exc, err := thrownException(th, self.Type().Name+".throw", args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			co, ok := runtime.As[*coroutine](self)
			if !ok {
				return sendNative(th, self, runtime.None, exc)
			}
			return co.step(th, exc)
		},
		"close": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.NoArgs("coroutine.close", args, kw); err != nil {
				return runtime.Value{}, err
			}
			co, ok := runtime.As[*coroutine](self)
			if !ok {
				return runtime.None, closeNative(th, self)
			}
			if err := co.close(th); err != nil {
				return runtime.Value{}, err
			}
			return runtime.None, nil
		},
	})
}

// sendNative is send and throw for a coroutine implemented in Go.
func sendNative(th *runtime.Thread, self, v runtime.Value, exc error) (runtime.Value, error) {
	c, ok := self.Object().(runtime.Coro)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "descriptor 'send' requires a 'coroutine' object but received a '%s'", self.Type().Name)
	}
	if exc == nil && !v.IsNone() {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "can't send non-None value to a just-started coroutine")
	}
	return runtime.SendNative(th, c, exc)
}

// closeNative is close for a coroutine implemented in Go: GeneratorExit
// is thrown in, and must end it.
func closeNative(th *runtime.Thread, self runtime.Value) error {
	c, ok := self.Object().(runtime.Coro)
	if !ok {
		return nil
	}
	st := c.Resume(th, runtime.NewException(runtime.GeneratorExit))
	if !st.Done {
		return runtime.Errorf(runtime.RuntimeError, "coroutine ignored GeneratorExit")
	}
	if e, ok := st.Err.(*runtime.Exception); ok && (e.Class.IsSubtype(runtime.GeneratorExit) || e.Class.IsSubtype(runtime.StopIteration)) {
		return nil
	}
	if st.Err != nil && runtime.IsReuseError(st.Err) {
		return nil
	}
	return st.Err
}

// CoroWhere returns the coroutine's file, the line of its definition and
// the line it is at (runtime.CoroLocation, for task reprs).
func (co *coroutine) CoroWhere() (string, int, int) {
	code := co.fn.code
	if co.state == coroCreated || co.state == coroClosed {
		return code.Filename, code.FirstLine, code.FirstLine
	}
	return code.Filename, code.FirstLine, co.frame().traceEntry().Line
}
