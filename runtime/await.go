package runtime

// This file defines the interface between coroutines, awaitable objects
// (futures, tasks, built-in coroutines such as sleep) and the interpreter.

// CoroStep is the result of advancing a coroutine or awaitable by one step.
type CoroStep struct {
	// Done is true when it finished: with Value, or raising Err.
	Done  bool
	Value Value
	Err   error
	// Awaiting is, when not done, the pending future it waits on; the
	// zero Value means a bare yield (reschedule me on the next loop pass).
	Awaiting Value
}

// Coro is a coroutine that a Task can drive: the interpreter's coroutine
// objects and built-in ones like asyncio.sleep().
type Coro interface {
	Object
	// Resume runs the coroutine until it suspends or finishes; throw, if
	// not nil, is raised at the point where it is suspended.
	Resume(th *Thread, throw error) CoroStep
	// CoroName is the coroutine's qualified name, for reprs.
	CoroName() string
}

// Waiter is what a suspended task waits on: a future (or another task)
// or a sleep, whose timer wakes the task without a future. Task.cancel
// goes to it, and the task's repr and the deadlock report show it.
type Waiter interface {
	MemNode
	// cancelWait cancels it for the waiting task's cancel(msg); false if
	// it cannot be cancelled any more (it is done).
	cancelWait(msg Value) bool
	// waitValue is the object shown as what the task waits on.
	waitValue() Value
	// waitInfo is what the task's repr prints after "wait_for=".
	waitInfo(th *Thread) string
}

// cancelWait cancels the future as Task.cancel cancels what it awaits.
func (f *Future) cancelWait(msg Value) bool { return cancelFuture(f, msg) }

// waitValue returns the future's script value (its task, for a task's).
func (f *Future) waitValue() Value { return f.Value() }

// waitInfo is the future's repr.
func (f *Future) waitInfo(th *Thread) string {
	s, _ := Repr(th, f.Value())
	return s
}

// cancelWait cancels the sleep: the task wakes with CancelledError(msg).
func (c *sleepCoro) cancelWait(msg Value) bool { return c.cancel(msg) }

// waitValue returns the sleep coroutine.
func (c *sleepCoro) waitValue() Value { return Obj(c) }

// waitInfo is the repr of the future CPython's sleep would wait on.
func (c *sleepCoro) waitInfo(th *Thread) string {
	if c.state == sleepCancelled {
		return "<Future cancelled>"
	}
	return "<Future pending cb=[Task.task_wakeup()]>"
}

// Awaitable is implemented by objects that `await` drives step by step
// inside the awaiting coroutine: futures, tasks and built-in coroutines.
type Awaitable interface {
	Object
	AwaitStep(th *Thread, throw error) CoroStep
}

// CoroutineType is the class of every coroutine object: those of `async
// def` functions (the interpreter's) and those implemented in Go, such as
// asyncio.sleep()'s, as in CPython, where both are of one class.
var CoroutineType = NewType("coroutine", ObjectType)

// SendNative is coroutine.send(None) (throw nil) or coroutine.throw(exc)
// for a coroutine implemented in Go: the value it yields, or
// StopIteration with its result when it finishes.
func SendNative(th *Thread, c Coro, throw error) (Value, error) {
	st := c.Resume(th, throw)
	if !st.Done {
		if !st.Awaiting.IsValid() {
			return None, nil
		}
		return st.Awaiting, nil
	}
	if st.Err != nil {
		return Value{}, st.Err
	}
	if st.Value.IsNone() {
		return Value{}, NewException(StopIteration)
	}
	return Value{}, NewException(StopIteration, st.Value)
}

// NativeCoro is a coroutine implemented in Go as a step function. It can
// be awaited by scripts and driven by tasks like a script coroutine.
type NativeCoro struct {
	Name    string
	step    func(th *Thread, throw error) CoroStep
	started bool
	done    bool
}

// NewNativeCoro makes a coroutine whose successive steps are computed by
// step (called first with throw == nil unless an exception is thrown in).
func NewNativeCoro(name string, step func(th *Thread, throw error) CoroStep) *NativeCoro {
	return &NativeCoro{Name: name, step: step}
}

// Type returns CoroutineType.
func (c *NativeCoro) Type() *Type { return CoroutineType }

// CoroName returns the coroutine's name.
func (c *NativeCoro) CoroName() string { return c.Name }

// Resume advances the coroutine.
func (c *NativeCoro) Resume(th *Thread, throw error) CoroStep {
	if c.done {
		return CoroStep{Done: true, Err: Errorf(RuntimeError, "cannot reuse already awaited coroutine")}
	}
	c.started = true
	st := c.step(th, throw)
	if st.Done {
		c.done = true
	}
	return st
}

// AwaitStep lets scripts await the coroutine inline.
func (c *NativeCoro) AwaitStep(th *Thread, throw error) CoroStep { return c.Resume(th, throw) }

// Repr returns "<coroutine object NAME at 0x...>".
func (c *NativeCoro) Repr(th *Thread) (string, error) {
	return "<coroutine object " + c.Name + " at " + addr(Obj(c)) + ">", nil
}

// AwaitStepOf runs one step of awaiting v (an object that passed
// GET_AWAITABLE). The awaitables of the event loop's hot path are matched
// by concrete type first: asserting an interface to Awaitable costs an
// itab lookup on every await.
func AwaitStepOf(th *Thread, v Value, throw error) CoroStep {
	switch o := v.obj.(type) {
	case *yieldSleep:
		return o.Resume(th, throw)
	case *sleepCoro:
		return o.Resume(th, throw)
	case *Future:
		return o.AwaitStep(th, throw)
	case Awaitable:
		return o.AwaitStep(th, throw)
	}
	return CoroStep{Done: true, Err: Errorf(TypeError, "object %s can't be used in 'await' expression", v.Type().Name)}
}

// reuseMessage is what resuming a finished coroutine raises.
const reuseMessage = "cannot reuse already awaited coroutine"

// IsReuseError reports whether err is the RuntimeError of resuming a
// coroutine that already finished (closing one is then a no-op).
func IsReuseError(err error) bool {
	e, ok := err.(*Exception)
	if !ok || e.Class != RuntimeError || len(e.Args) != 1 {
		return false
	}
	s, ok := e.Args[0].Object().(*StrObj)
	return ok && s.S == reuseMessage
}
