package runtime

// This file is the event loop's life cycle as scripts written before
// asyncio.run drive it: new_event_loop, set_event_loop and get_event_loop
// (the "current loop" of the thread, kept outside any running loop), the
// loop's run_until_complete, run_forever, stop and close, the event loop
// policy object, and asyncio.Runner. asyncio.run itself is RunMain.

// AbstractEventLoopType is asyncio.AbstractEventLoop, the base of the
// loop class, so that isinstance checks and annotations work.
var AbstractEventLoopType = NewType("AbstractEventLoop", ObjectType)

// eventLoopPolicyType is the class of the one event loop policy.
var eventLoopPolicyType = finalType("_UnixDefaultEventLoopPolicy")

// RunnerType is asyncio.Runner.
var RunnerType = finalType("Runner")

func init() {
	AbstractEventLoopType.Module = "asyncio.events"
	eventLoopPolicyType.Module = "asyncio.unix_events"
	RunnerType.Module = "asyncio.runners"
}

// currentLoop is the thread's current loop outside a running one: the
// loop set_event_loop set, or the one get_event_loop made when none was
// ever set (as CPython's default policy does in the main thread).
type currentLoop struct {
	loop *Loop
	set  bool // set_event_loop was called (with None too)
}

// policy returns the thread's event loop policy, made on first use.
func (th *Thread) policy() *policyObject {
	if th.loopPolicy == nil {
		th.loopPolicy = &policyObject{}
	}
	return th.loopPolicy
}

// setEventLoop is asyncio.set_event_loop.
func (th *Thread) setEventLoop(l *Loop) { th.policy().setLoop(l) }

// eventLoop is asyncio.get_event_loop: the running loop, else the
// policy's current one.
func (th *Thread) eventLoop() (*Loop, error) {
	if l := th.Loop; l != nil && l.running {
		return l, nil
	}
	return th.policy().getLoop(th)
}

// setLoop is the policy's set_event_loop.
func (p *policyObject) setLoop(l *Loop) { p.cur.loop, p.cur.set = l, true }

// getLoop is the policy's get_event_loop: the current loop, made on
// first use unless set_event_loop was ever called.
func (p *policyObject) getLoop(th *Thread) (*Loop, error) {
	c := &p.cur
	if c.loop == nil {
		if c.set {
			return nil, Errorf(RuntimeError, "There is no current event loop in thread 'MainThread'.")
		}
		c.loop = NewLoop(th)
	}
	return c.loop, nil
}

// checkCanRun returns the error CPython raises when l cannot start.
func (l *Loop) checkCanRun() error {
	if l.closed {
		return Errorf(RuntimeError, "Event loop is closed")
	}
	if l.running {
		return Errorf(RuntimeError, "This event loop is already running")
	}
	if other := l.th.Loop; other != nil && other != l && other.running {
		return Errorf(RuntimeError, "Cannot run the event loop while another loop is running")
	}
	return nil
}

// futureOn returns v as a future of loop l: a future as it is, a
// coroutine (or an object with __await__) wrapped in a new task.
func futureOn(th *Thread, l *Loop, v Value) (*Future, error) {
	if f, ok := asFuture(v); ok {
		if f.loop != nil && f.loop != l {
			return nil, Errorf(ValueError, "The future belongs to a different loop than the one specified as the loop argument")
		}
		return f, nil
	}
	if !IsCoroutine(v) {
		if _, ok := v.Type().Lookup("__await__"); !ok || !v.Type().User {
			return nil, Errorf(TypeError, "An asyncio.Future, a coroutine or an awaitable is required")
		}
		aw, err := AwaitableFor(th, v)
		if err != nil {
			return nil, err
		}
		v = aw
	}
	t, err := NewTask(l, v, Value{})
	if err != nil {
		return nil, err
	}
	return &t.Future, nil
}

// RunForever runs the loop until stop() is called (loop.run_forever).
func (l *Loop) RunForever() error {
	if err := l.checkCanRun(); err != nil {
		return err
	}
	return l.runUntilStopped()
}

// close is loop.close: a closed loop runs nothing again.
func (l *Loop) close() error {
	if l.running {
		return Errorf(RuntimeError, "Cannot close a running event loop")
	}
	l.closed = true
	return nil
}

func init() {
	LoopType.Methods(map[string]BuiltinFn{
		"run_until_complete": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var fv Value
			if err := UnpackArgs("run_until_complete", args, kw, "future", &fv); err != nil {
				return Value{}, err
			}
			l := loopOf(th, self)
			if err := l.checkCanRun(); err != nil {
				return Value{}, err
			}
			f, err := futureOn(th, l, fv)
			if err != nil {
				return Value{}, err
			}
			return l.RunUntilComplete(f)
		},
		"run_forever": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("run_forever", args, kw); err != nil {
				return Value{}, err
			}
			return None, loopOf(th, self).RunForever()
		},
		"stop": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("stop", args, kw); err != nil {
				return Value{}, err
			}
			loopOf(th, self).stopping = true
			return None, nil
		},
		"close": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("close", args, kw); err != nil {
				return Value{}, err
			}
			return None, loopOf(th, self).close()
		},
		"shutdown_asyncgens": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("shutdown_asyncgens", args, kw); err != nil {
				return Value{}, err
			}
			return Obj(loopOf(th, self).shutdownAsyncGens()), nil
		},
		"call_soon_threadsafe": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			// Only the loop's own goroutine runs script code: the
			// thread-safe form is call_soon.
			md := LoopType.Attrs["call_soon"].obj.(*MethodDescriptor)
			return md.Fn(th, self, args, kw)
		},
		"shutdown_default_executor": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("shutdown_default_executor", args, kw); err != nil {
				return Value{}, err
			}
			return Obj(loopOf(th, self).shutdownDefaultExecutor()), nil
		},
	})
	eventLoopPolicyType.Methods(map[string]BuiltinFn{
		"get_event_loop": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("get_event_loop", args, kw); err != nil {
				return Value{}, err
			}
			l, err := self.obj.(*policyObject).getLoop(th)
			if err != nil {
				return Value{}, err
			}
			return Obj(l), nil
		},
		"set_event_loop": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			v, err := OneArg("set_event_loop", args, kw)
			if err != nil {
				return Value{}, err
			}
			return None, setEventLoopValue(self.obj.(*policyObject), v)
		},
		"new_event_loop": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("new_event_loop", args, kw); err != nil {
				return Value{}, err
			}
			return Obj(NewLoop(th)), nil
		},
	})
}

// setEventLoopValue is set_event_loop(v) on policy p, with its argument
// check.
func setEventLoopValue(p *policyObject, v Value) error {
	if v.IsNone() {
		p.setLoop(nil)
		return nil
	}
	l, ok := v.obj.(*Loop)
	if !ok {
		return Errorf(TypeError, "loop must be an instance of AbstractEventLoop or None, not '%s'", v.Type().Name)
	}
	p.setLoop(l)
	return nil
}

// policyObject is the default event loop policy, which holds the current
// loop; set_event_loop_policy(None) replaces it with a fresh one.
type policyObject struct {
	cur currentLoop
}

// Type returns the policy class.
func (*policyObject) Type() *Type { return eventLoopPolicyType }

// Footprint implements MemNode.
func (*policyObject) Footprint() int64 { return 0 }

// Referents implements MemNode.
func (p *policyObject) Referents(w *MemWalker) {
	if p.cur.loop != nil {
		w.Node(p.cur.loop)
	}
}

// loopLifeNames are the module functions of this file.
func loopLifeNames() map[string]Value {
	return map[string]Value{
		"AbstractEventLoop": Obj(AbstractEventLoopType),
		"Handle":            Obj(HandleType),
		"TimerHandle":       Obj(TimerHandleType),
		"Runner":            Obj(RunnerType),
		"get_event_loop": NewBuiltin("get_event_loop", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("get_event_loop", args, kw); err != nil {
				return Value{}, err
			}
			l, err := th.eventLoop()
			if err != nil {
				return Value{}, err
			}
			return Obj(l), nil
		}),
		"new_event_loop": NewBuiltin("new_event_loop", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("new_event_loop", args, kw); err != nil {
				return Value{}, err
			}
			return Obj(NewLoop(th)), nil
		}),
		"set_event_loop": NewBuiltin("set_event_loop", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var v Value
			if err := UnpackArgs("set_event_loop", args, kw, "loop", &v); err != nil {
				return Value{}, err
			}
			return None, setEventLoopValue(th.policy(), v)
		}),
		"get_event_loop_policy": NewBuiltin("get_event_loop_policy", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("get_event_loop_policy", args, kw); err != nil {
				return Value{}, err
			}
			return Obj(th.policy()), nil
		}),
		"set_event_loop_policy": NewBuiltin("set_event_loop_policy", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var v Value
			if err := UnpackArgs("set_event_loop_policy", args, kw, "policy", &v); err != nil {
				return Value{}, err
			}
			// Only the default policy class exists; None installs a new
			// one, with no current loop yet.
			if v.IsNone() {
				th.loopPolicy = &policyObject{}
				return None, nil
			}
			p, ok := v.obj.(*policyObject)
			if !ok {
				return Value{}, Errorf(TypeError, "policy must be an instance of AbstractEventLoopPolicy or None, not '%s'", v.Type().Name)
			}
			th.loopPolicy = p
			return None, nil
		}),
	}
}

// Runner is asyncio.Runner: a loop made on first use, running one main
// task per run() call, closed (with its tasks cancelled) by close() or at
// the end of a `with` block.
type Runner struct {
	loop    *Loop
	debug   Value // None, or the debug mode to give the loop
	factory Value // None, or a callable making the loop
	ctx     Value // the context copied at initialization
	// state: 0 before the loop is made, 1 with it, 2 closed.
	state   int
	setLoop bool // this runner set the thread's current loop
}

// Type returns RunnerType.
func (r *Runner) Type() *Type { return RunnerType }

// Footprint implements MemNode.
func (r *Runner) Footprint() int64 { return 96 }

// Referents implements MemNode.
func (r *Runner) Referents(w *MemWalker) {
	if r.loop != nil {
		w.Node(r.loop)
	}
	w.Value(r.debug)
	w.Value(r.factory)
	w.Value(r.ctx)
}

// init makes the runner's loop on first use.
func (r *Runner) lazyInit(th *Thread) error {
	switch r.state {
	case 2:
		return Errorf(RuntimeError, "Runner is closed")
	case 1:
		return nil
	}
	if r.factory.IsValid() && !r.factory.IsNone() {
		v, err := th.Call(r.factory, nil, nil)
		if err != nil {
			return err
		}
		l, ok := v.obj.(*Loop)
		if !ok {
			return Errorf(TypeError, "loop_factory must return an event loop, not '%s'", v.Type().Name)
		}
		r.loop = l
	} else {
		r.loop = NewLoop(th)
		if c := th.policy().cur; !c.set || c.loop == nil {
			th.setEventLoop(r.loop)
			r.setLoop = true
		}
	}
	if r.debug.IsValid() && !r.debug.IsNone() {
		on, err := Truth(th, r.debug)
		if err != nil {
			return err
		}
		r.loop.setDebug(on)
	}
	r.ctx = Obj(th.currentContext().Copy())
	r.state = 1
	return nil
}

// run is Runner.run(coro, *, context=None).
func (r *Runner) run(th *Thread, coro, ctx Value) (Value, error) {
	if !IsCoroutine(coro) {
		s, err := Repr(th, coro)
		if err != nil {
			return Value{}, err
		}
		return Value{}, Errorf(ValueError, "a coroutine was expected, got %s", s)
	}
	if th.Loop != nil && th.Loop.running {
		return Value{}, Errorf(RuntimeError, "Runner.run() cannot be called from a running event loop")
	}
	if err := r.lazyInit(th); err != nil {
		return Value{}, err
	}
	if !ctx.IsValid() || ctx.IsNone() {
		ctx = r.ctx
	}
	t, err := NewTask(r.loop, coro, Value{})
	if err != nil {
		return Value{}, err
	}
	if err := setTaskContext(Obj(t), ctx); err != nil {
		return Value{}, err
	}
	return r.loop.runMainTask(t)
}

// close is Runner.close: cancel what is left, finish the asynchronous
// generators, close the loop.
func (r *Runner) close(th *Thread) error {
	if r.state != 1 {
		r.state = 2
		return nil
	}
	err := r.loop.shutdown()
	if r.setLoop {
		th.setEventLoop(nil)
	}
	r.loop.closed = true
	r.loop, r.state = nil, 2
	return err
}

func init() {
	RunnerType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		r := &Runner{debug: None, factory: None}
		if err := UnpackArgs("Runner", args, kw, "$debug?", &r.debug, "$loop_factory?", &r.factory); err != nil {
			return Value{}, err
		}
		return Obj(r), nil
	}
	rOf := func(v Value) *Runner { return v.obj.(*Runner) }
	RunnerType.Methods(map[string]BuiltinFn{
		"run": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var coro, ctx Value
			if err := UnpackArgs("run", args, kw, "coro", &coro, "$context?", &ctx); err != nil {
				return Value{}, err
			}
			return rOf(self).run(th, coro, ctx)
		},
		"close": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("close", args, kw); err != nil {
				return Value{}, err
			}
			return None, rOf(self).close(th)
		},
		"get_loop": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("get_loop", args, kw); err != nil {
				return Value{}, err
			}
			r := rOf(self)
			if err := r.lazyInit(th); err != nil {
				return Value{}, err
			}
			return Obj(r.loop), nil
		},
		"__enter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("__enter__", args, kw); err != nil {
				return Value{}, err
			}
			return self, rOf(self).lazyInit(th)
		},
		"__exit__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return None, rOf(self).close(th)
		},
	})
}
