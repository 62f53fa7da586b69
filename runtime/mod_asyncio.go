package runtime

// This file defines the core of the asyncio module in Go: run, sleep,
// create_task, the Future, Task, loop and handle methods, and the table
// of the module's names. The library on top of them (gather, wait_for,
// timeouts, TaskGroup, locks, queues) is in the asyncio_*.go files.

import (
	"math"
	"slices"
)

// RunningLoop returns the running loop or CPython's RuntimeError.
func RunningLoop(th *Thread) (*Loop, error) {
	if th.Loop == nil || !th.Loop.running {
		return nil, Errorf(RuntimeError, "no running event loop")
	}
	return th.Loop, nil
}

// IsCoroutine reports whether v is a coroutine object.
func IsCoroutine(v Value) bool {
	_, ok := v.obj.(Coro)
	return ok
}

// RunMain runs coro as the main task of a fresh event loop and shuts the
// loop down as asyncio.run does: remaining tasks are cancelled and given a
// chance to finish.
func RunMain(th *Thread, coro Value) (Value, error) {
	loop := NewLoop(th)
	// As asyncio.Runner: the loop is the thread's current one while it
	// runs, and none is current afterwards.
	th.setEventLoop(loop)
	defer th.setEventLoop(nil)
	task, err := NewTask(loop, coro, Value{})
	if err != nil {
		return Value{}, err
	}
	result, runErr := loop.runMainTask(task)
	if e, ok := runErr.(*Exception); ok && (e.Class.IsSubtype(KeyboardInterrupt) || e.Class.IsSubtype(SystemExit)) && !task.Cancelled() {
		return Value{}, runErr
	}
	if err := loop.shutdown(); err != nil {
		return Value{}, err
	}
	return result, runErr
}

// shutdown is Runner.close: cancel every remaining task and wait for them
// (_cancel_all_tasks), then run the two shutdown steps CPython runs as
// tasks (shutdown_asyncgens, shutdown_default_executor).
func (l *Loop) shutdown() error {
	toCancel := l.AllTasks()
	if len(toCancel) > 0 {
		for _, t := range toCancel {
			t.Cancel(Value{})
		}
		// gather(*to_cancel, return_exceptions=True)
		outer := NewFuture(l)
		remaining := len(toCancel)
		for _, t := range toCancel {
			t.addCallback(func(*Future) error {
				remaining--
				if remaining == 0 && !outer.Done() {
					outer.SetResult(None)
				}
				return nil
			})
		}
		if _, err := l.RunUntilComplete(outer); err != nil {
			if e, ok := err.(*Exception); ok && (e.Class.IsSubtype(KeyboardInterrupt) || e.Class.IsSubtype(SystemExit)) {
				return err
			}
		}
		for _, t := range toCancel {
			if t.Cancelled() {
				continue
			}
			t.logTraceback = false // _cancel_all_tasks calls exception()
			if t.exc != nil && l.th.ReportException != nil {
				l.th.ReportException("unhandled exception during asyncio.run() shutdown", t.exc)
			}
		}
	}
	t, _ := NewTask(l, Obj(l.shutdownAsyncGens()), Value{})
	l.RunUntilComplete(&t.Future)
	t, _ = NewTask(l, Obj(l.shutdownDefaultExecutor()), Value{})
	l.RunUntilComplete(&t.Future)
	l.closed = true
	l.reportUnretrieved()
	return nil
}

// shutdownDefaultExecutor is the coroutine of
// loop.shutdown_default_executor(): it waits for the default executor's
// work (the green threads of to_thread and run_in_executor, see
// Loop.ExecutorShutdown) to end.
func (l *Loop) shutdownDefaultExecutor() *NativeCoro {
	waited := false
	return NewNativeCoro("BaseEventLoop.shutdown_default_executor", func(th *Thread, throw error) CoroStep {
		if throw == nil && !waited && l.ExecutorShutdown != nil {
			waited = true
			if f := l.ExecutorShutdown(); f != nil {
				return CoroStep{Awaiting: Obj(f)}
			}
		}
		return CoroStep{Done: true, Value: None, Err: throw}
	})
}

// sleepCoro is the coroutine of asyncio.sleep(delay, result): a small
// state machine rather than a closure, since programs create millions.
//
// CPython's sleep awaits a future that a timer completes; here the task
// waits on the sleep itself (Task.waitingOn) and the timer wakes the task
// directly, in the same order (the wakeup goes through the ready queue
// as the future's done callback would), which saves a future and its
// callback list per sleeping task. Cancelling the task cancels the sleep
// as it would cancel that future.
//
// The sleep's timer handle is part of it (one allocation, 80 bytes, per
// sleep); until the timer is scheduled, its deadline field holds the delay.
type sleepCoro struct {
	timer Handle
	// result points to the value the sleep returns; once cancelled (and so
	// never returning), to the cancel's message (zero Value: none). A
	// pointer keeps the sleep at 80 bytes; most results are sleepNone.
	result *Value
	task   *Task // the task waiting on the sleep
	state  uint8
}

// sleepNone is the result of the sleeps that return None (never written).
var sleepNone = None

// newSleep returns the coroutine of a sleep: a yieldSleep when it only
// yields (delay <= 0 or NaN, as `await asyncio.sleep(0)` does a million
// times in a busy program), otherwise a sleepCoro.
func newSleep(delay float64, result Value) Coro {
	if delay <= 0 || math.IsNaN(delay) {
		return &yieldSleep{result: result}
	}
	c := &sleepCoro{result: &sleepNone}
	if !result.IsNone() {
		// A copy made here: &result would move the parameter to the heap
		// on every call, None or not.
		r := new(Value)
		*r = result
		c.result = r
	}
	c.timer.when = delay
	return c
}

// yieldSleep is the coroutine of asyncio.sleep(delay) for delay <= 0: a
// bare yield for one loop pass, then the result (32 bytes: no timer).
type yieldSleep struct {
	result Value
	state  uint8 // sleepNew, sleepYielded or sleepDone
}

// Type returns CoroutineType (a coroutine).
func (c *yieldSleep) Type() *Type { return CoroutineType }

// CoroName returns "sleep".
func (c *yieldSleep) CoroName() string { return "sleep" }

// Repr returns "<coroutine object sleep at 0x...>".
func (c *yieldSleep) Repr(th *Thread) (string, error) {
	return "<coroutine object sleep at " + addr(Obj(c)) + ">", nil
}

// AwaitStep advances the sleep when awaited inline.
func (c *yieldSleep) AwaitStep(th *Thread, throw error) CoroStep { return c.Resume(th, throw) }

// Resume yields once, then returns the result (or raises what is thrown).
func (c *yieldSleep) Resume(th *Thread, throw error) CoroStep {
	switch c.state {
	case sleepNew:
		if throw != nil {
			c.state = sleepDone
			return CoroStep{Done: true, Err: throw}
		}
		c.state = sleepYielded
		return CoroStep{} // bare yield: one loop pass
	case sleepYielded:
		c.state = sleepDone
		if throw != nil {
			return CoroStep{Done: true, Err: throw}
		}
		return CoroStep{Done: true, Value: c.result}
	}
	return CoroStep{Done: true, Err: Errorf(RuntimeError, "cannot reuse already awaited coroutine")}
}

// The states of a sleepCoro.
const (
	sleepNew       = iota
	sleepYielded   // delay <= 0: yielded once to the loop
	sleepDone      // finished
	sleepWaiting   // the timer is pending
	sleepFired     // the timer ran; the task's wakeup is scheduled
	sleepCancelled // cancelled while waiting; the task's wakeup is scheduled
)

// Type returns CoroutineType (a coroutine).
func (c *sleepCoro) Type() *Type { return CoroutineType }

// CoroName returns "sleep".
func (c *sleepCoro) CoroName() string { return "sleep" }

// Repr returns "<coroutine object sleep at 0x...>".
func (c *sleepCoro) Repr(th *Thread) (string, error) {
	return "<coroutine object sleep at " + addr(Obj(c)) + ">", nil
}

// AwaitStep advances the sleep when awaited inline.
func (c *sleepCoro) AwaitStep(th *Thread, throw error) CoroStep { return c.Resume(th, throw) }

// Resume is asyncio.sleep with a delay > 0: a future completed by a
// timer (cancelled if the sleep is interrupted).
func (c *sleepCoro) Resume(th *Thread, throw error) CoroStep {
	switch c.state {
	case 0:
		if throw != nil {
			c.state = 2
			return CoroStep{Done: true, Err: throw}
		}
		delay := c.timer.when
		loop, err := RunningLoop(th)
		if err != nil {
			c.state = sleepDone
			return CoroStep{Done: true, Err: err}
		}
		c.timer.sleep = c
		loop.schedule(&c.timer, loop.Time()+delay)
		c.state = sleepWaiting
		return CoroStep{Awaiting: Obj(c)}
	case sleepFired:
		c.state = sleepDone
		if throw != nil {
			return CoroStep{Done: true, Err: throw}
		}
		return CoroStep{Done: true, Value: *c.result}
	case sleepWaiting, sleepCancelled:
		if throw == nil && c.state == sleepWaiting {
			return CoroStep{Awaiting: Obj(c)} // resumed early: still waiting
		}
		// Interrupted (by cancellation or a thrown exception): the timer
		// is cancelled as CPython's sleep does in its finally clause.
		c.timer.Cancel()
		c.state = sleepDone
		if throw == nil {
			throw = c.cancelledError()
		}
		return CoroStep{Done: true, Err: throw}
	}
	return CoroStep{Done: true, Err: Errorf(RuntimeError, "cannot reuse already awaited coroutine")}
}

// fire is the sleep's timer: it completes the sleep and schedules the
// waiting task's wakeup (futures._set_result_unless_cancelled and the
// future's done callback).
func (c *sleepCoro) fire() {
	if c.state != sleepWaiting {
		return
	}
	c.state = sleepFired
	if c.task != nil {
		c.task.loop.callSoonSleep(c.task, c)
	}
}

// cancel cancels a pending sleep as cancelling its future would: the
// waiting task is woken to raise CancelledError(msg). It reports false
// when the sleep is no longer waiting (its timer already fired).
func (c *sleepCoro) cancel(msg Value) bool {
	if c.state != sleepWaiting {
		return false
	}
	c.state = sleepCancelled
	c.result = &msg
	c.timer.Cancel()
	if c.task != nil {
		c.task.loop.callSoonSleep(c.task, c)
	}
	return true
}

// cancelledError is the CancelledError a cancelled sleep raises in its task.
func (c *sleepCoro) cancelledError() *Exception {
	if !c.result.IsValid() || c.result.IsNone() {
		return NewException(CancelledError)
	}
	return NewException(CancelledError, *c.result)
}

// Sleep returns the coroutine of asyncio.sleep(delay, result).
func Sleep(th *Thread, delay float64, result Value) Coro {
	return newSleep(delay, result)
}

// EnsureFuture is asyncio.ensure_future for coroutines, futures and tasks.
func EnsureFuture(th *Thread, v Value) (*Future, error) {
	if f, ok := asFuture(v); ok {
		return f, nil
	}
	if IsCoroutine(v) {
		// Outside a running loop the task goes to the current loop, which
		// a later run_until_complete runs (get_event_loop's rule).
		loop, err := th.eventLoop()
		if err != nil {
			return nil, err
		}
		t, err := NewTask(loop, v, Value{})
		if err != nil {
			return nil, err
		}
		return &t.Future, nil
	}
	if _, ok := v.obj.(Awaitable); ok {
		return nil, Errorf(TypeError, "An asyncio.Future, a coroutine or an awaitable is required")
	}
	if _, ok := v.Type().Lookup("__await__"); ok && v.Type().User {
		// An object with __await__ runs as a task of its own, as
		// asyncio's _wrap_awaitable does.
		aw, err := AwaitableFor(th, v)
		if err != nil {
			return nil, err
		}
		return EnsureFuture(th, aw)
	}
	return nil, Errorf(TypeError, "An asyncio.Future, a coroutine or an awaitable is required")
}

func loopOf(th *Thread, self Value) *Loop {
	l, _ := self.obj.(*Loop)
	return l
}

func createTask(th *Thread, loop *Loop, coro, name Value) (Value, error) {
	t, err := NewTask(loop, coro, name)
	if err != nil {
		return Value{}, err
	}
	return Obj(t), nil
}

// The loop's scheduling methods are Python functions in CPython, and so
// are their argument errors.
var (
	callSoonParams  = &PyParams{Name: "BaseEventLoop.call_soon", Method: true, Params: []string{"callback"}, Required: 1, Varargs: true, KwOnly: []string{"context"}}
	callLaterParams = &PyParams{Name: "BaseEventLoop.call_later", Method: true, Params: []string{"delay", "callback"}, Required: 2, Varargs: true, KwOnly: []string{"context"}}
	callAtParams    = &PyParams{Name: "BaseEventLoop.call_at", Method: true, Params: []string{"when", "callback"}, Required: 2, Varargs: true, KwOnly: []string{"context"}}
)

func init() {
	LoopType.Methods(map[string]BuiltinFn{
		"time": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Float(loopOf(th, self).Time()), nil
		},
		"call_soon": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var bound [2]Value
			if err := callSoonParams.Bind(args, kw, bound[:]); err != nil {
				return Value{}, err
			}
			return withContext(loopOf(th, self).CallSoonValue(args[0], append([]Value(nil), args[1:]...)), kw)
		},
		"call_later": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var bound [3]Value
			if err := callLaterParams.Bind(args, kw, bound[:]); err != nil {
				return Value{}, err
			}
			d, err := toFloat(args[0])
			if err != nil {
				return Value{}, err
			}
			l := loopOf(th, self)
			return withContext(l.CallLater(d, nil, args[1], append([]Value(nil), args[2:]...)), kw)
		},
		"call_at": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var bound [3]Value
			if err := callAtParams.Bind(args, kw, bound[:]); err != nil {
				return Value{}, err
			}
			w, err := toFloat(args[0])
			if err != nil {
				return Value{}, err
			}
			l := loopOf(th, self)
			return withContext(l.CallAt(w, nil, args[1], append([]Value(nil), args[2:]...)), kw)
		},
		"create_future": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Obj(NewFuture(loopOf(th, self))), nil
		},
		"create_task": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var coro, name, ctx Value
			if err := UnpackArgs("create_task", args, kw, "coro", &coro, "$name?", &name, "$context?", &ctx); err != nil {
				return Value{}, err
			}
			t, err := createTask(th, loopOf(th, self), coro, name)
			if err != nil {
				return Value{}, err
			}
			return t, setTaskContext(t, ctx)
		},
		"is_running": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return MakeBool(loopOf(th, self).running), nil
		},
		"is_closed": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return MakeBool(loopOf(th, self).closed), nil
		},
	})
	for _, t := range []*Type{HandleType, TimerHandleType} {
		t.Methods(map[string]BuiltinFn{
			"cancel": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
				self.obj.(*Handle).Cancel()
				return None, nil
			},
			"cancelled": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
				return MakeBool(self.obj.(*Handle).cancelled), nil
			},
		})
	}
	TimerHandleType.Methods(map[string]BuiltinFn{
		"when": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Float(self.obj.(*Handle).when), nil
		},
	})
	FutureType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		var loopV Value
		if err := UnpackArgs("Future", args, kw, "$loop?", &loopV); err != nil {
			return Value{}, err
		}
		loop, ok := loopV.obj.(*Loop)
		if !ok {
			var err error
			if loop, err = RunningLoop(th); err != nil {
				return Value{}, err
			}
		}
		f := NewFuture(loop)
		if cls != FutureType {
			f.more().class = cls
		}
		return Obj(f), nil
	}
	TaskType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		var coro, loopV, name, ctx Value
		if err := UnpackArgs("Task", args, kw, "coro", &coro, "$loop?", &loopV, "$name?", &name, "$context?", &ctx); err != nil {
			return Value{}, err
		}
		loop, ok := loopV.obj.(*Loop)
		if !ok {
			var err error
			if loop, err = RunningLoop(th); err != nil {
				return Value{}, err
			}
		}
		t, err := NewTask(loop, coro, name)
		if err != nil {
			return Value{}, err
		}
		if cls != TaskType {
			t.more().class = cls
		}
		return Obj(t), setTaskContext(Obj(t), ctx)
	}
	fut := func(v Value) *Future { f, _ := asFuture(v); return f }
	FutureType.Methods(map[string]BuiltinFn{
		"done": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return MakeBool(fut(self).Done()), nil
		},
		"cancelled": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return MakeBool(fut(self).Cancelled()), nil
		},
		"result": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return fut(self).Result()
		},
		"exception": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			e, err := fut(self).Exception()
			if err != nil {
				return Value{}, err
			}
			if e == nil {
				return None, nil
			}
			return Obj(e), nil
		},
		"set_result": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var v Value
			if err := UnpackArgs("set_result", args, kw, "result", &v); err != nil {
				return Value{}, err
			}
			if _, isTask := self.obj.(*Task); isTask {
				return Value{}, Errorf(RuntimeError, "Task does not support set_result operation")
			}
			return None, fut(self).SetResult(v)
		},
		"set_exception": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var v Value
			if err := UnpackArgs("set_exception", args, kw, "exception", &v); err != nil {
				return Value{}, err
			}
			if _, isTask := self.obj.(*Task); isTask {
				return Value{}, Errorf(RuntimeError, "Task does not support set_exception operation")
			}
			f := fut(self)
			if f.Done() {
				return Value{}, Errorf(InvalidStateError, "invalid state")
			}
			if t, ok := v.obj.(*Type); ok && t.ExcBase {
				r, err := th.Call(v, nil, nil)
				if err != nil {
					return Value{}, err
				}
				v = r
			}
			e, ok := v.obj.(*Exception)
			if !ok {
				return Value{}, Errorf(TypeError, "exception must be a BaseException instance, not %s", v.Type().Name)
			}
			return None, f.SetException(e)
		},
		"cancel": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var msg Value
			if err := UnpackArgs("cancel", args, kw, "msg?", &msg); err != nil {
				return Value{}, err
			}
			return MakeBool(cancelFuture(fut(self), msg)), nil
		},
		"add_done_callback": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var fn, context Value
			if err := UnpackArgs("add_done_callback", args, kw, "/fn", &fn, "$context?", &context); err != nil {
				return Value{}, err
			}
			f := fut(self)
			if f.Done() {
				f.loop.callSoonCallback(&futureCallback{cb: args[0]}, f)
			} else {
				f.callbacks = append(f.callbacks, futureCallback{cb: args[0]})
			}
			return None, nil
		},
		"remove_done_callback": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if _, err := OneArg("remove_done_callback", args, kw); err != nil {
				return Value{}, err
			}
			f := fut(self)
			kept := f.callbacks[:0]
			removed := 0
			for _, c := range f.callbacks {
				if c.fn == nil && c.wakes() == nil {
					eq, err := Equal(th, c.cb, args[0])
					if err != nil {
						return Value{}, err
					}
					if eq {
						removed++
						continue
					}
				}
				kept = append(kept, c)
			}
			f.callbacks = kept
			return Int(int64(removed)), nil
		},
		"get_loop": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Obj(fut(self).loop), nil
		},
	})
	task := func(v Value) *Task { t, _ := v.obj.(*Task); return t }
	TaskType.Methods(map[string]BuiltinFn{
		"get_name": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return task(self).Name(), nil
		},
		"set_name": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if _, err := OneArg("set_name", args, kw); err != nil {
				return Value{}, err
			}
			s, err := ToStr(th, args[0])
			if err != nil {
				return Value{}, err
			}
			task(self).more().taskName = Str(s)
			return None, nil
		},
		"get_coro": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Obj(task(self).coro), nil
		},
		"cancelling": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Int(int64(task(self).Cancelling())), nil
		},
		"uncancel": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Int(int64(task(self).Uncancel())), nil
		},
	})

	RegisterStdModule("asyncio", loadAsyncio)
}

func loadAsyncio(th *Thread) *Module {
	m := NewModule("asyncio")
	for name, v := range AsyncioCore() {
		m.Set(name, v)
	}
	return m
}

// AsyncioCore returns the names the Go core of asyncio defines.
func AsyncioCore() map[string]Value {
	m := asyncioCoreNames()
	for name, v := range callGraphNames() {
		m[name] = v
	}
	for name, v := range timeoutNames() {
		m[name] = v
	}
	for _, names := range []map[string]Value{gatherNames(), waitNames(), asCompletedNames()} {
		for name, v := range names {
			m[name] = v
		}
	}
	for name, v := range loopLifeNames() { // asyncio_loopapi.go
		m[name] = v
	}
	for name, v := range ioNames() { // io_transport_methods.go
		m[name] = v
	}
	return m
}

func asyncioCoreNames() map[string]Value {
	return map[string]Value{
		"Future":             Obj(FutureType),
		"Task":               Obj(TaskType),
		"CancelledError":     Obj(CancelledError),
		"InvalidStateError":  Obj(InvalidStateError),
		"TimeoutError":       Obj(TimeoutError),
		"Lock":               Obj(LockType),
		"Event":              Obj(EventType),
		"Condition":          Obj(ConditionType),
		"Semaphore":          Obj(SemaphoreType),
		"BoundedSemaphore":   Obj(BoundedSemaphoreType),
		"Queue":              Obj(QueueType),
		"LifoQueue":          Obj(LifoQueueType),
		"PriorityQueue":      Obj(PriorityQueueType),
		"QueueEmpty":         Obj(QueueEmpty),
		"QueueFull":          Obj(QueueFull),
		"TaskGroup":          Obj(TaskGroupType),
		"Barrier":            Obj(BarrierType),
		"BrokenBarrierError": Obj(BrokenBarrierError),
		"run": NewBuiltin("run", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var main, debug Value
			if err := UnpackArgs("run", args, kw, "main", &main, "$debug?", &debug); err != nil {
				return Value{}, err
			}
			if th.Loop != nil && th.Loop.running {
				return Value{}, Errorf(RuntimeError, "asyncio.run() cannot be called from a running event loop")
			}
			if !IsCoroutine(main) {
				s, err := Repr(th, main)
				if err != nil {
					return Value{}, err
				}
				return Value{}, Errorf(ValueError, "a coroutine was expected, got %s", s)
			}
			if debug.IsValid() && !debug.IsNone() {
				on, err := Truth(th, debug)
				if err != nil {
					return Value{}, err
				}
				// The runner's loop is made with the debug mode asked for.
				prev := th.AsyncioDebug
				th.AsyncioDebug = on
				defer func() { th.AsyncioDebug = prev }()
			}
			return RunMain(th, main)
		}),
		"sleep": Obj(sleepBuiltin),
		"create_task": NewBuiltin("create_task", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var coro, name, ctx Value
			if err := UnpackArgs("create_task", args, kw, "coro", &coro, "$name?", &name, "$context?", &ctx); err != nil {
				return Value{}, err
			}
			loop, err := RunningLoop(th)
			if err != nil {
				return Value{}, err
			}
			t, err := NewTask(loop, coro, Value{})
			if err != nil {
				return Value{}, err
			}
			if err := setTaskContext(Obj(t), ctx); err != nil {
				return Value{}, err
			}
			if name.IsValid() && !name.IsNone() {
				s, err := ToStr(th, name)
				if err != nil {
					return Value{}, err
				}
				t.more().taskName = Str(s)
			}
			return Obj(t), nil
		}),
		"ensure_future": NewBuiltin("ensure_future", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if len(args) == 1 && len(kw) == 0 {
				// gather's call for each child: skip the argument parser,
				// whose pointers would move these locals to the heap.
				f, err := EnsureFuture(th, args[0])
				if err != nil {
					return Value{}, err
				}
				return f.Value(), nil
			}
			var v, loopV Value
			if err := UnpackArgs("ensure_future", args, kw, "coro_or_future", &v, "$loop?", &loopV); err != nil {
				return Value{}, err
			}
			f, err := EnsureFuture(th, v)
			if err != nil {
				return Value{}, err
			}
			return f.Value(), nil
		}),
		"isfuture": NewBuiltin("isfuture", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if _, err := OneArg("isfuture", args, kw); err != nil {
				return Value{}, err
			}
			_, ok := asFuture(args[0])
			return MakeBool(ok), nil
		}),
		"iscoroutinefunction": NewBuiltin("iscoroutinefunction", asyncioIsCoroutineFunction),
		"iscoroutine": NewBuiltin("iscoroutine", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if _, err := OneArg("iscoroutine", args, kw); err != nil {
				return Value{}, err
			}
			return MakeBool(IsCoroutine(args[0])), nil
		}),
		"get_running_loop": NewBuiltin("get_running_loop", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			l, err := RunningLoop(th)
			if err != nil {
				return Value{}, err
			}
			return Obj(l), nil
		}),
		"current_task": NewBuiltin("current_task", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var loopV Value
			if err := UnpackArgs("current_task", args, kw, "loop?", &loopV); err != nil {
				return Value{}, err
			}
			l, err := RunningLoop(th)
			if err != nil {
				return Value{}, err
			}
			if l.current == nil {
				return None, nil
			}
			return Obj(l.current), nil
		}),
		"all_tasks": NewBuiltin("all_tasks", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var loopV Value
			if err := UnpackArgs("all_tasks", args, kw, "loop?", &loopV); err != nil {
				return Value{}, err
			}
			l, err := RunningLoop(th)
			if err != nil {
				return Value{}, err
			}
			s := NewSet()
			for _, t := range l.AllTasks() {
				if err := s.Add(th, Obj(t)); err != nil {
					return Value{}, err
				}
			}
			return Obj(s), nil
		}),
		"_get_loop": NewBuiltin("_get_loop", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if _, err := OneArg("_get_loop", args, kw); err != nil {
				return Value{}, err
			}
			f, ok := asFuture(args[0])
			if !ok {
				return Value{}, Errorf(TypeError, "not a future")
			}
			return Obj(f.loop), nil
		}),
	}
}

// distinctAwaitables reports whether every item is a coroutine or a
// future or task of the built-in classes (whose equality and hash are
// identity) and no item appears twice. gather() then skips its dict from
// argument to future, which would map each argument to a future of its
// own: with 100,000 coroutines, that dict is 10 MB of garbage.
func distinctAwaitables(items []Value) bool {
	// Duplicates are found by sorting the objects' identities (8 bytes an
	// item; a map would take about 40).
	ids := make([]uint64, len(items))
	for i, v := range items {
		switch o := v.obj.(type) {
		case Coro:
		case *Future:
			if o.class() != nil {
				return false
			}
		case *Task:
			if o.class() != nil {
				return false
			}
		default:
			return false
		}
		ids[i] = ID(v)
	}
	slices.Sort(ids)
	for i := 1; i < len(ids); i++ {
		if ids[i] == ids[i-1] {
			return false
		}
	}
	return true
}

// sleepBuiltin is asyncio.sleep. Awaited at once with a delay <= 0
// (`await asyncio.sleep(0)`, the way to let other tasks run), it yields
// through the shared yieldNow instead of allocating a coroutine object:
// nothing else can see the object being awaited.
var sleepBuiltin = &Builtin{Name: "sleep", Fn: sleepFn, Awaited: sleepAwaited}

// sleepFn is asyncio.sleep(delay, result=None).
func sleepFn(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if len(args) == 1 && len(kw) == 0 {
		// The common sleep(delay): skip the general argument parser.
		if d, err := toFloat(args[0]); err == nil {
			return Obj(newSleep(d, None)), nil
		}
	}
	var delay Value
	result := None
	if err := UnpackArgs("sleep", args, kw, "delay", &delay, "result?", &result); err != nil {
		return Value{}, err
	}
	if d, err := toFloat(delay); err == nil {
		return Obj(Sleep(th, d, result)), nil
	}
	return Obj(&otherDelaySleep{delay: delay, result: result}), nil
}

// otherDelaySleep is the coroutine of asyncio.sleep(delay) for a delay
// that is not a number: like CPython's sleep, it fails only when run, on
// `delay <= 0` (a TypeError for a str) or, for a delay that compares
// with 0 but is no number, where call_later adds it to the loop's time.
type otherDelaySleep struct {
	delay, result Value
	inner         Coro // the sleep it became once run, or nil:
	done          bool // it failed
}

// Type returns CoroutineType (a coroutine).
func (c *otherDelaySleep) Type() *Type { return CoroutineType }

// CoroName returns "sleep".
func (c *otherDelaySleep) CoroName() string { return "sleep" }

// Repr returns "<coroutine object sleep at 0x...>".
func (c *otherDelaySleep) Repr(th *Thread) (string, error) {
	return "<coroutine object sleep at " + addr(Obj(c)) + ">", nil
}

// AwaitStep advances the sleep when awaited inline.
func (c *otherDelaySleep) AwaitStep(th *Thread, throw error) CoroStep {
	return c.Resume(th, throw)
}

// Resume checks the delay on the first step, then runs as a sleep.
func (c *otherDelaySleep) Resume(th *Thread, throw error) CoroStep {
	if c.inner != nil {
		return c.inner.Resume(th, throw)
	}
	if c.done {
		return CoroStep{Done: true, Err: Errorf(RuntimeError, "cannot reuse already awaited coroutine")}
	}
	c.done = true
	if throw != nil {
		return CoroStep{Done: true, Err: throw}
	}
	le, err := Compare(th, CmpLE, c.delay, Int(0))
	var yield bool
	if err == nil {
		yield, err = Truth(th, le)
	}
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	if !yield {
		return CoroStep{Done: true, Err: Errorf(TypeError, "unsupported operand type(s) for +: 'float' and '%s'", c.delay.Type().Name)}
	}
	c.inner = newSleep(0, c.result)
	return c.inner.Resume(th, nil)
}

// sleepAwaited is asyncio.sleep awaited at once.
func sleepAwaited(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if len(args) == 1 && len(kw) == 0 {
		if d, err := toFloat(args[0]); err == nil && (d <= 0 || math.IsNaN(d)) {
			return Obj(yieldNow), nil
		}
	}
	return sleepFn(th, self, args, kw)
}

// yieldMarker is what `await asyncio.sleep(0)` awaits (see sleepBuiltin):
// a bare yield, yieldNow, which the awaiting frame replaces with
// yieldDone when it suspends, so that resuming finishes the await with
// None. Both are shared and never change.
type yieldMarker struct{ done bool }

var (
	yieldNow  = &yieldMarker{}
	yieldDone = &yieldMarker{done: true}
)

// Type returns CoroutineType (it stands for sleep's coroutine).
func (*yieldMarker) Type() *Type { return CoroutineType }

// Repr returns "<coroutine object sleep at 0x...>".
func (m *yieldMarker) Repr(th *Thread) (string, error) {
	return "<coroutine object sleep at " + addr(Obj(m)) + ">", nil
}

// AwaitStep yields (yieldNow) or finishes with None (yieldDone); a thrown
// exception ends it.
func (m *yieldMarker) AwaitStep(th *Thread, throw error) CoroStep {
	if throw != nil {
		return CoroStep{Done: true, Err: throw}
	}
	if m.done {
		return CoroStep{Done: true, Value: None}
	}
	return CoroStep{}
}

// AfterSuspend returns what a frame suspending while awaiting v keeps
// awaiting: yieldDone for yieldNow, v otherwise.
func AfterSuspend(v Value) Value {
	if v.obj == Object(yieldNow) {
		return Obj(yieldDone)
	}
	return v
}
