package runtime

// This file defines asyncio.wait_for() and asyncio.wait() in Go, as
// coroutines that park on private futures: a "waiter" that a timer or
// the awaited futures' done callbacks complete. wait_for cancels what it
// waits for when the time is up (or when it is cancelled itself) and
// waits until that cancellation is over before going on, so the inner
// task never outlives the call.

// releaser returns a done callback (or timer function) that completes
// waiter w unless it is done already.
func releaser(w *Future) func(*Future) error {
	return func(*Future) error {
		if !w.Done() {
			w.SetResult(None)
		}
		return nil
	}
}

// The states of a waitForCoro.
const (
	wfNew = iota
	wfInner
	wfWaiting
	wfCancelWait
	wfDone
)

// What wait_for does once the cancellation of its inner future is over.
const (
	afterTimeout   = iota // the time is up: its CancelledError becomes TimeoutError
	afterCancelled        // wait_for was cancelled: re-raise that
)

// waitForCoro is the coroutine of asyncio.wait_for(fut, timeout).
type waitForCoro struct {
	state   uint8
	after   uint8
	arg     Value // fut as given; awaited directly when timeout is None
	timeout Value
	loop    *Loop
	inner   *Future // the future or task that fut became
	waiter  *Future // completed by the timer or by inner's completion
	timer   *Handle
	tag     *goCallbackTag // inner's callback releasing the waiter
	pending error          // the CancelledError to re-raise (afterCancelled)
}

// Type returns CoroutineType.
func (c *waitForCoro) Type() *Type { return CoroutineType }

// CoroName returns "wait_for".
func (c *waitForCoro) CoroName() string { return "wait_for" }

// Repr returns "<coroutine object wait_for at 0x...>".
func (c *waitForCoro) Repr(th *Thread) (string, error) {
	return "<coroutine object wait_for at " + addr(Obj(c)) + ">", nil
}

// AwaitStep advances the coroutine when awaited inline.
func (c *waitForCoro) AwaitStep(th *Thread, throw error) CoroStep { return c.Resume(th, throw) }

// Resume advances wait_for by one step.
func (c *waitForCoro) Resume(th *Thread, throw error) CoroStep {
	var st CoroStep
	switch c.state {
	case wfDone:
		return CoroStep{Done: true, Err: Errorf(RuntimeError, reuseMessage)}
	case wfNew:
		if throw != nil {
			st = CoroStep{Done: true, Err: throw}
		} else {
			st = c.start(th)
		}
	case wfInner:
		st = stepAwaitable(th, c.arg, throw)
	case wfWaiting:
		st = c.woken(throw)
	case wfCancelWait:
		st = c.cancelled(throw)
	}
	if st.Done {
		c.state = wfDone
		if c.timer != nil {
			c.timer.Cancel()
		}
	}
	return st
}

func (c *waitForCoro) start(th *Thread) CoroStep {
	loop, err := RunningLoop(th)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	c.loop = loop
	if c.timeout.IsNone() {
		c.state = wfInner
		return stepAwaitable(th, c.arg, nil)
	}
	le, err := Compare(th, CmpLE, c.timeout, Int(0))
	var expired bool
	if err == nil {
		expired, err = Truth(th, le)
	}
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	if expired {
		// Out of time already: no timer, just cancel unless it finished.
		f, err := EnsureFuture(th, c.arg)
		if err != nil {
			return CoroStep{Done: true, Err: err}
		}
		c.inner = f
		if f.Done() {
			return resultStep(f)
		}
		return c.cancelAndWait(afterTimeout)
	}
	delay, err := toFloat(c.timeout)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	c.waiter = NewFuture(loop)
	release := releaser(c.waiter)
	c.timer = loop.CallLater(delay, func() error { return release(nil) }, Value{}, nil)
	f, err := EnsureFuture(th, c.arg)
	if err != nil {
		c.timer = nil // CPython leaves the timer be: it only releases the waiter
		return CoroStep{Done: true, Err: err}
	}
	c.inner = f
	c.tag = &goCallbackTag{}
	f.addTaggedCallback(release, c.tag)
	c.state = wfWaiting
	return CoroStep{Awaiting: Obj(c.waiter)}
}

// woken continues after the waiter completed (the inner future finished
// or the time is up), or when wait_for itself was cancelled (throw).
func (c *waitForCoro) woken(throw error) CoroStep {
	if throw != nil {
		if !isCancelled(throw) {
			return CoroStep{Done: true, Err: throw}
		}
		if c.inner.Done() {
			return resultStep(c.inner)
		}
		c.inner.removeTaggedCallback(c.tag)
		c.pending = throw
		return c.cancelAndWait(afterCancelled)
	}
	if c.inner.Done() {
		return resultStep(c.inner)
	}
	if tr := c.loop.th.Tracer; tr != nil && c.loop.current != nil {
		tr.instant(c.loop.current, "timeout")
	}
	c.inner.removeTaggedCallback(c.tag)
	return c.cancelAndWait(afterTimeout)
}

// cancelAndWait cancels the inner future and parks until it is done, on
// a private future (awaiting the inner one itself would let a cancel of
// wait_for cancel it a second time).
func (c *waitForCoro) cancelAndWait(after uint8) CoroStep {
	c.after = after
	c.waiter = NewFuture(c.inner.loop)
	c.tag = &goCallbackTag{}
	c.inner.addTaggedCallback(releaser(c.waiter), c.tag)
	cancelFuture(c.inner, Value{})
	c.state = wfCancelWait
	return CoroStep{Awaiting: Obj(c.waiter)}
}

// cancelled continues once the inner future's cancellation is over.
func (c *waitForCoro) cancelled(throw error) CoroStep {
	c.inner.removeTaggedCallback(c.tag)
	if throw != nil {
		return CoroStep{Done: true, Err: throw}
	}
	if c.after == afterCancelled {
		return CoroStep{Done: true, Err: c.pending}
	}
	// The inner task may have swallowed the cancellation or failed while
	// unwinding: only a real cancellation becomes the timeout.
	v, err := c.inner.Result()
	if err != nil && isCancelled(err) {
		e := NewException(TimeoutError)
		e.Cause, e.SuppressContext = AsException(err), true
		e.Context = AsException(err)
		return CoroStep{Done: true, Err: e}
	}
	return CoroStep{Done: true, Value: v, Err: err}
}

// resultStep finishes with the result of done future f.
func resultStep(f *Future) CoroStep {
	v, err := f.Result()
	return CoroStep{Done: true, Value: v, Err: err}
}

// Footprint implements MemNode.
func (c *waitForCoro) Footprint() int64 { return 128 }

// Referents implements MemNode.
func (c *waitForCoro) Referents(w *MemWalker) {
	w.Value(c.arg)
	w.Value(c.timeout)
	if c.inner != nil {
		w.Node(c.inner)
	}
	if c.waiter != nil {
		w.Node(c.waiter)
	}
}

// The return_when values of wait().
const (
	firstCompleted = "FIRST_COMPLETED"
	firstException = "FIRST_EXCEPTION"
	allCompleted   = "ALL_COMPLETED"
)

// waitCoro is the coroutine of asyncio.wait(fs, timeout=, return_when=).
type waitCoro struct {
	fs         Value
	timeout    Value
	returnWhen Value
	futs       []*Future
	waiter     *Future
	timer      *Handle
	tag        *goCallbackTag
	state      uint8
}

// Type returns CoroutineType.
func (c *waitCoro) Type() *Type { return CoroutineType }

// CoroName returns "wait".
func (c *waitCoro) CoroName() string { return "wait" }

// Repr returns "<coroutine object wait at 0x...>".
func (c *waitCoro) Repr(th *Thread) (string, error) {
	return "<coroutine object wait at " + addr(Obj(c)) + ">", nil
}

// AwaitStep advances the coroutine when awaited inline.
func (c *waitCoro) AwaitStep(th *Thread, throw error) CoroStep { return c.Resume(th, throw) }

// Resume checks the arguments and parks until enough futures are done,
// then returns the (done, pending) sets.
func (c *waitCoro) Resume(th *Thread, throw error) CoroStep {
	switch c.state {
	case wfDone:
		return CoroStep{Done: true, Err: Errorf(RuntimeError, reuseMessage)}
	case wfNew:
		c.state = wfDone
		if throw != nil {
			return CoroStep{Done: true, Err: throw}
		}
		st := c.start(th)
		if !st.Done {
			c.state = wfWaiting
		}
		return st
	}
	c.state = wfDone
	if c.timer != nil {
		c.timer.Cancel()
	}
	for _, f := range c.futs {
		f.removeTaggedCallback(c.tag)
	}
	if throw != nil {
		return CoroStep{Done: true, Err: throw}
	}
	done, pending := NewSet(), NewSet()
	for _, f := range c.futs {
		s := pending
		if f.Done() {
			s = done
		}
		if err := s.Add(th, f.Value()); err != nil {
			return CoroStep{Done: true, Err: err}
		}
	}
	return CoroStep{Done: true, Value: Obj(NewTuple([]Value{Obj(done), Obj(pending)}))}
}

func (c *waitCoro) start(th *Thread) CoroStep {
	if _, ok := asFuture(c.fs); ok || IsCoroutine(c.fs) {
		return CoroStep{Done: true, Err: Errorf(TypeError, "expect a list of futures, not %s", c.fs.Type().Name)}
	}
	nonEmpty, err := Truth(th, c.fs)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	if !nonEmpty {
		return CoroStep{Done: true, Err: Errorf(ValueError, "Set of Tasks/Futures is empty.")}
	}
	mode := ""
	if s, ok := c.returnWhen.obj.(*StrObj); ok {
		switch s.S {
		case firstCompleted, firstException, allCompleted:
			mode = s.S
		}
	}
	if mode == "" {
		s, err := ToStr(th, c.returnWhen)
		if err != nil {
			return CoroStep{Done: true, Err: err}
		}
		return CoroStep{Done: true, Err: Errorf(ValueError, "Invalid return_when value: %s", s)}
	}
	// set(fs), kept in the order given: a set's own order would follow
	// addresses, which change from run to run.
	members := NewSet()
	var items []Value
	it, err := Iter(th, c.fs)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	for {
		v, ok, err := it.Next(th)
		if err != nil {
			return CoroStep{Done: true, Err: err}
		}
		if !ok {
			break
		}
		had, err := members.Contains(th, v)
		if err != nil {
			return CoroStep{Done: true, Err: err}
		}
		if !had {
			if err := members.Add(th, v); err != nil {
				return CoroStep{Done: true, Err: err}
			}
			items = append(items, v)
		}
	}
	for _, v := range items {
		if IsCoroutine(v) {
			return CoroStep{Done: true, Err: Errorf(TypeError, "Passing coroutines is forbidden, use tasks explicitly.")}
		}
	}
	loop, err := RunningLoop(th)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	c.futs = make([]*Future, len(items))
	for i, v := range items {
		f, ok := asFuture(v)
		if !ok {
			return CoroStep{Done: true, Err: Errorf(AttributeError, "'%s' object has no attribute 'add_done_callback'", v.Type().Name)}
		}
		c.futs[i] = f
	}
	c.waiter = NewFuture(loop)
	if !c.timeout.IsNone() {
		d, err := toFloat(c.timeout)
		if err != nil {
			return CoroStep{Done: true, Err: err}
		}
		release := releaser(c.waiter)
		c.timer = loop.CallLater(d, func() error { return release(nil) }, Value{}, nil)
	}
	counter := len(c.futs)
	c.tag = &goCallbackTag{}
	onCompletion := func(f *Future) error {
		counter--
		enough := counter <= 0 || mode == firstCompleted
		if !enough && mode == firstException && !f.Cancelled() {
			e, _ := f.Exception()
			enough = e != nil
		}
		if enough {
			if c.timer != nil {
				c.timer.Cancel()
			}
			if !c.waiter.Done() {
				c.waiter.SetResult(None)
			}
		}
		return nil
	}
	for _, f := range c.futs {
		f.addTaggedCallback(onCompletion, c.tag)
	}
	return CoroStep{Awaiting: Obj(c.waiter)}
}

// Footprint implements MemNode.
func (c *waitCoro) Footprint() int64 { return 128 + int64(cap(c.futs))*8 }

// Referents implements MemNode.
func (c *waitCoro) Referents(w *MemWalker) {
	w.Value(c.fs)
	w.Value(c.timeout)
	w.Value(c.returnWhen)
	for _, f := range c.futs {
		w.Node(f)
	}
	if c.waiter != nil {
		w.Node(c.waiter)
	}
}

// waitNames are asyncio's wait_for and wait.
func waitNames() map[string]Value {
	return map[string]Value{
		"FIRST_COMPLETED": Str(firstCompleted),
		"FIRST_EXCEPTION": Str(firstException),
		"ALL_COMPLETED":   Str(allCompleted),
		"wait_for": NewBuiltin("wait_for", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var fut, timeout Value
			if err := UnpackArgs("wait_for", args, kw, "fut", &fut, "timeout", &timeout); err != nil {
				return Value{}, err
			}
			return Obj(&waitForCoro{arg: fut, timeout: timeout}), nil
		}),
		"wait": NewBuiltin("wait", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var fs Value
			timeout, returnWhen := None, Str(allCompleted)
			if err := UnpackArgs("wait", args, kw, "fs", &fs, "$timeout?", &timeout, "$return_when?", &returnWhen); err != nil {
				return Value{}, err
			}
			return Obj(&waitCoro{fs: fs, timeout: timeout, returnWhen: returnWhen}), nil
		}),
	}
}
