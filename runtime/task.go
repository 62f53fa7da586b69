package runtime

// This file defines Task, a port of asyncio's Task (tasks.py and the C
// _asyncio module): it drives a coroutine step by step, suspending while
// the coroutine waits on a future and waking when that future completes,
// with CPython's cancellation protocol (_must_cancel, cancel requests
// counted by cancelling()/uncancel()).

import "strconv"

// Task runs a coroutine on the event loop.
type Task struct {
	Future
	coro Coro
	// number makes the default name "Task-<number>", made on demand (most
	// tasks are never asked); a name made or set is in extra.taskName.
	number int64
	// waitingOn is the future or sleep the suspended task waits on.
	waitingOn Waiter
	// numCancels and mustCancel are in the embedded Future.
}

// Type returns TaskType.
func (t *Task) Type() *Type {
	if c := t.class(); c != nil {
		return c
	}
	return TaskType
}

// Name returns the task's name.
func (t *Task) Name() Value {
	x := t.more()
	if !x.taskName.IsValid() {
		x.taskName = Str("Task-" + strconv.FormatInt(t.number, 10))
	}
	return x.taskName
}

// Coro returns the task's coroutine.
func (t *Task) Coro() Coro { return t.coro }

// NewTask creates a task for coro on loop and schedules its first step
// (Task.__init__). name may be the zero Value or None for "Task-N".
func NewTask(loop *Loop, coro Value, name Value) (*Task, error) {
	c, ok := coro.obj.(Coro)
	if !ok {
		s, err := Repr(loop.th, coro)
		if err != nil {
			return nil, err
		}
		return nil, Errorf(TypeError, "a coroutine was expected, got %s", s)
	}
	t := &Task{coro: c}
	t.Future.loop = loop
	t.Future.task = t
	if !name.IsValid() || name.IsNone() {
		loop.th.TaskCounter++
		t.number = loop.th.TaskCounter
	} else if _, isStr := name.obj.(*StrObj); isStr {
		t.more().taskName = name
	} else {
		s, err := ToStr(loop.th, name)
		if err != nil {
			return nil, err
		}
		t.more().taskName = Str(s)
	}
	// Steps and wake-ups are ready-queue items that name the task, not
	// closures or handles: a million task switches must not mean a million
	// allocations.
	if c := loop.th.callbackContext(); c != nil {
		t.more().ctx = c
	}
	loop.callSoonTask(t, nil)
	loop.addTask(t)
	if tr := loop.th.Tracer; tr != nil {
		tr.taskCreated(t, loop.current)
	}
	return t, nil
}

// Cancel requests cancellation (Task.cancel).
func (t *Task) Cancel(msg Value) bool {
	if t.Done() {
		return false
	}
	if tr := t.loop.th.Tracer; tr != nil {
		tr.instant(t, "cancel")
	}
	t.numCancels++
	if w := t.waitingOn; w != nil && w.cancelWait(msg) {
		return true
	}
	t.mustCancel = true
	t.setCancelMsg(msg)
	return true
}

// Uncancel decrements the count of cancellation requests.
func (t *Task) Uncancel() int {
	if t.numCancels > 0 {
		t.numCancels--
	}
	return int(t.numCancels)
}

// Cancelling returns the number of pending cancellation requests.
func (t *Task) Cancelling() int { return int(t.numCancels) }

// cancelFuture cancels a future or task with the right method: Task.cancel
// for tasks, and a script subclass's own cancel() (as gather's
// _GatheringFuture defines) when it overrides Future.cancel.
func cancelFuture(f *Future, msg Value) bool {
	if f.task != nil {
		return f.task.Cancel(msg)
	}
	if f.extra != nil && f.extra.gather != nil {
		return f.extra.gather.cancel(msg)
	}
	if c := f.class(); c != nil {
		if m, ok := c.Lookup("cancel"); ok {
			if _, builtin := m.obj.(*MethodDescriptor); !builtin {
				th := f.loop.th
				if !msg.IsValid() {
					msg = None
				}
				fn, err := bindAttr(th, m, f.Value())
				if err == nil {
					var r Value
					r, err = th.Call(fn, nil, []Kwarg{{Name: "msg", Value: msg}})
					if err == nil {
						b, _ := Truth(th, r)
						return b
					}
				}
				// cancel() failed: report it as CPython's loop would log a
				// failing callback, and treat the future as not cancelled.
				if th.ReportException != nil {
					th.ReportException("Exception in cancel()", AsException(err))
				}
				return false
			}
		}
	}
	return f.Cancel(msg)
}

// CancelFuture cancels a future or task value (Task.cancel for tasks).
func CancelFuture(f *Future, msg Value) bool { return cancelFuture(f, msg) }

// step is Task.__step: resume the coroutine (throwing exc into it when
// given) and act on how it stopped. It returns an error only for
// KeyboardInterrupt and SystemExit, which stop the loop.
func (t *Task) step(exc *Exception) error {
	loop := t.loop
	if t.Done() {
		return nil
	}
	if t.mustCancel {
		if exc == nil || !exc.Class.IsSubtype(CancelledError) {
			exc = t.makeCancelledError()
		}
		t.mustCancel = false
	}
	t.waitingOn = nil
	if loop.current != nil {
		return Errorf(RuntimeError, "Cannot enter into task %s while another task %s is being executed.", t.reprString(), loop.current.reprString())
	}
	loop.current = t
	outer := loop.th.swapContext(t.context())
	var throw error
	if exc != nil {
		throw = exc
	}
	var st CoroStep
	if loop.instrumented {
		st = t.resumeInstrumented(throw, exc)
	} else {
		st = t.coro.Resume(loop.th, throw)
	}
	loop.current = nil
	if c := loop.th.swapContext(outer); c != nil && c != t.context() {
		t.more().ctx = c // the task's first ContextVar.set made its context
	}
	if st.Done {
		if st.Err == nil {
			if t.mustCancel {
				t.mustCancel = false
				t.Future.Cancel(t.cancelMsg())
			} else {
				t.Future.SetResult(st.Value)
			}
			return nil
		}
		e := AsException(st.Err)
		switch {
		case e.Class.IsSubtype(CancelledError):
			t.more().cancelledExc = e
			t.Future.Cancel(Value{})
		case e.Class.IsSubtype(KeyboardInterrupt) || e.Class.IsSubtype(SystemExit):
			t.Future.SetException(e)
			return e
		default:
			t.Future.SetException(e)
		}
		return nil
	}
	if !st.Awaiting.IsValid() {
		// A bare yield gives up control for one loop pass.
		loop.callSoonTask(t, nil)
		return nil
	}
	if sc, ok := st.Awaiting.obj.(*sleepCoro); ok {
		// Waiting on a sleep: its timer wakes the task (see sleepCoro).
		sc.task = t
		t.waitingOn = sc
		if t.mustCancel && sc.cancel(t.cancelMsg()) {
			t.mustCancel = false
		}
		return nil
	}
	fut, ok := asFuture(st.Awaiting)
	switch {
	case !ok:
		s, _ := Repr(loop.th, st.Awaiting)
		e := Errorf(RuntimeError, "Task got bad yield: %s", s)
		loop.CallSoon(func() error { return t.step(e) })
	case fut.loop != loop:
		e := Errorf(RuntimeError, "Task %s got Future %s attached to a different loop", t.reprString(), fut.reprValue())
		loop.CallSoon(func() error { return t.step(e) })
	case fut == &t.Future:
		e := Errorf(RuntimeError, "Task cannot await on itself: %s", t.reprString())
		loop.CallSoon(func() error { return t.step(e) })
	default:
		if fut.Done() {
			loop.callSoonTask(t, fut)
		} else {
			fut.callbacks = append(fut.callbacks, wakeCallback(t))
		}
		t.waitingOn = fut
		if t.mustCancel {
			if cancelFuture(fut, t.cancelMsg()) {
				t.mustCancel = false
			}
		}
	}
	return nil
}

// wakeup is Task.__wakeup, the done callback of the awaited future.
// wakeupSleep is wakeup for a task waiting on sleep c: a cancelled sleep
// throws its CancelledError into the task, as the cancelled future's
// result would.
func (t *Task) wakeupSleep(c *sleepCoro) error {
	if c.state == sleepCancelled {
		return t.step(c.cancelledError())
	}
	return t.step(nil)
}

func (t *Task) wakeup(fut *Future) error {
	if _, err := fut.Result(); err != nil {
		return t.step(AsException(err))
	}
	return t.step(nil)
}

func (f *Future) reprValue() string {
	s, _ := Repr(f.loop.th, f.Value())
	return s
}

func (t *Task) reprString() string {
	s, _ := t.Repr(t.loop.th)
	return s
}

// CoroLocation is implemented by coroutines that know their source: the
// file, the line of their definition, and the line they are at (the
// definition's until they start), for the reprs of tasks.
type CoroLocation interface {
	CoroWhere() (file string, defLine, curLine int)
}

// Repr renders the task like CPython: its state, name, its coroutine
// and where it runs or was defined, what it waits for, its outcome. The
// done callbacks CPython lists are left out (they name its own files).
func (t *Task) Repr(th *Thread) (string, error) {
	name, _ := ToStr(th, t.Name())
	nameRepr, _ := Repr(th, Str(name))
	info := "pending"
	switch t.state {
	case futCancelled:
		info = "cancelled"
	case futFinished:
		info = "finished"
	}
	if t.state == futPending && (t.mustCancel || t.numCancels > 0) {
		info = "cancelling"
	}
	s := "<" + t.Type().Name + " " + info + " name=" + nameRepr + " coro=<" + t.coro.CoroName() + "()"
	loc, hasLoc := t.coro.(CoroLocation)
	if t.Done() {
		s += " done"
		if hasLoc {
			file, def, _ := loc.CoroWhere()
			s += ", defined at " + file + ":" + strconv.Itoa(def)
		}
	} else {
		s += " running"
		if hasLoc {
			file, _, cur := loc.CoroWhere()
			s += " at " + file + ":" + strconv.Itoa(cur)
		}
	}
	s += ">"
	switch {
	case t.state == futFinished && t.exc != nil:
		e, _ := Repr(th, Obj(t.exc))
		s += " exception=" + e
	case t.state == futFinished:
		r, _ := Repr(th, t.result)
		s += " result=" + r
	case t.waitingOn != nil:
		s += " wait_for=" + t.waitingOn.waitInfo(th)
	}
	return s + ">", nil
}

// awaitedFuture returns the future the task waits on, or nil (when it
// runs, is done, or waits on a sleep).
func (t *Task) awaitedFuture() *Future {
	f, _ := t.waitingOn.(*Future)
	return f
}
