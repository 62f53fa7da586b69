package runtime

// This file defines Future, a port of asyncio's Future (futures.py, with
// the C implementation's messages). A future never calls its callbacks
// directly: when it completes it schedules each of them with call_soon.

type futureState uint8

const (
	futPending futureState = iota
	futCancelled
	futFinished
)

// The asyncio exception classes.
var (
	CancelledError    = asyncioExc("CancelledError", BaseException)
	InvalidStateError = asyncioExc("InvalidStateError", ExceptionType)
)

func asyncioExc(name string, base *Type) *Type {
	t := NewType(name, base)
	t.Module = "asyncio.exceptions"
	t.New = BaseException.New
	return t
}

// FutureType and TaskType are the classes of futures and tasks.
var (
	FutureType = NewType("Future", ObjectType)
	TaskType   = NewType("Task", FutureType)
)

func init() {
	FutureType.Module = "asyncio"
	TaskType.Module = "asyncio"
	CancelledError.New = BaseException.New
	InvalidStateError.New = BaseException.New
}

// futureCallback is a done callback: a Go function, a script callable, or
// a task to wake up. The task is kept in cb, tagged (see wakeCallback), so
// that an entry is 32 bytes: a hundred thousand tasks gathered have a
// callback each.
type futureCallback struct {
	fn func(*Future) error // a Go callback, or when nil:
	cb Value               // a script callable called with the future, or a task
}

// wakeTag marks the cb of a callback that wakes a task up; the Values of
// objects otherwise have bits 0.
const wakeTag = 1

// wakeCallback returns the callback that wakes t up when the future is done.
func wakeCallback(t *Task) futureCallback {
	return futureCallback{cb: Value{obj: t, bits: wakeTag}}
}

// wakes returns the task the callback wakes up, or nil.
func (c *futureCallback) wakes() *Task {
	if c.fn == nil && c.cb.bits == wakeTag {
		if t, ok := c.cb.obj.(*Task); ok {
			return t
		}
	}
	return nil
}

// Future is an asyncio Future. A Task embeds one.
//
// A program may hold a hundred thousand pending futures and tasks, so the
// fields that only cancellation, subclassing or script attributes use
// live in a futureExtra allocated when first needed.
type Future struct {
	loop      *Loop
	result    Value
	exc       *Exception
	callbacks []futureCallback
	task      *Task // set when this future is a task's
	extra     *futureExtra
	state     futureState

	// The cancellation state of the Task that embeds this Future (unused
	// by a plain future): here, in what would be the padding after state,
	// they keep a Task at 128 bytes.
	mustCancel bool
	// logTraceback: the future holds an exception nobody retrieved yet
	// (see Loop.reportUnretrieved).
	logTraceback bool
	numCancels   int32
}

// futureExtra holds a future's rarely used fields.
type futureExtra struct {
	cancelMsg    Value // zero Value: no message
	cancelledExc *Exception
	class        *Type // a user subclass, if any
	dict         map[string]Value
	taskName     Value        // a task's name once made or set (see Task.Name)
	ctx          *Context     // a task's contextvars context, once it has one
	gather       *gatherState // gather()'s outer future: its children
}

// more returns the future's extra fields, allocating them.
func (f *Future) more() *futureExtra {
	if f.extra == nil {
		f.extra = &futureExtra{}
	}
	return f.extra
}

// class returns the user subclass the future (or task) was made as, or nil.
func (f *Future) class() *Type {
	if f.extra == nil {
		return nil
	}
	return f.extra.class
}

// cancelMsg returns the message given to cancel, or the zero Value.
func (f *Future) cancelMsg() Value {
	if f.extra == nil {
		return Value{}
	}
	return f.extra.cancelMsg
}

// setCancelMsg records the message given to cancel (the zero Value for none).
func (f *Future) setCancelMsg(msg Value) {
	if msg.IsValid() || f.extra != nil {
		f.more().cancelMsg = msg
	}
}

// NewFuture makes a pending future on loop.
func NewFuture(loop *Loop) *Future { return &Future{loop: loop} }

// Type returns FutureType (or the user's subclass).
func (f *Future) Type() *Type {
	if c := f.class(); c != nil {
		return c
	}
	return FutureType
}

// Value returns the script value of the future (the task, for a task).
func (f *Future) Value() Value {
	if f.task != nil {
		return Obj(f.task)
	}
	return Obj(f)
}

// Loop returns the future's event loop.
func (f *Future) Loop() *Loop { return f.loop }

// Done reports whether the future has a result, an exception, or was cancelled.
func (f *Future) Done() bool { return f.state != futPending }

// Cancelled reports whether the future was cancelled.
func (f *Future) Cancelled() bool { return f.state == futCancelled }

func (f *Future) scheduleCallbacks() {
	cbs := f.callbacks
	f.callbacks = nil
	for i := range cbs {
		if c := &cbs[i]; c.wakes() != nil {
			f.loop.callSoonTask(c.wakes(), f)
		} else {
			f.loop.callSoonCallback(c, f)
		}
	}
}

// addCallback adds a Go done callback (scheduled at once if done).
func (f *Future) addCallback(fn func(*Future) error) {
	if f.Done() {
		f.loop.callSoonCallback(&futureCallback{fn: fn}, f)
		return
	}
	f.callbacks = append(f.callbacks, futureCallback{fn: fn})
}

// AddDoneCallback adds a Go done callback, as add_done_callback does.
func (f *Future) AddDoneCallback(fn func(*Future) error) { f.addCallback(fn) }

// SetResult completes the future.
func (f *Future) SetResult(v Value) error {
	if f.state != futPending {
		return Errorf(InvalidStateError, "invalid state")
	}
	f.result = v
	f.state = futFinished
	f.scheduleCallbacks()
	return nil
}

// SetException completes the future with an exception.
func (f *Future) SetException(e *Exception) error {
	if f.state != futPending {
		return Errorf(InvalidStateError, "invalid state")
	}
	if e.Class.IsSubtype(StopIteration) {
		return Errorf(TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future")
	}
	f.exc = e
	f.state = futFinished
	f.logTraceback = true
	f.loop.noteUnretrieved(f)
	f.scheduleCallbacks()
	return nil
}

// Cancel cancels the future (Future.cancel); msg may be the zero Value.
func (f *Future) Cancel(msg Value) bool {
	if f.state != futPending {
		return false
	}
	f.state = futCancelled
	f.setCancelMsg(msg)
	f.scheduleCallbacks()
	return true
}

// makeCancelledError is _make_cancelled_error.
func (f *Future) makeCancelledError() *Exception {
	if f.extra != nil && f.extra.cancelledExc != nil {
		e := f.extra.cancelledExc
		f.extra.cancelledExc = nil
		return e
	}
	msg := f.cancelMsg()
	if !msg.IsValid() || msg.IsNone() {
		return NewException(CancelledError)
	}
	return NewException(CancelledError, msg)
}

// Result returns the result or raises the exception (Future.result).
func (f *Future) Result() (Value, error) {
	switch f.state {
	case futCancelled:
		return Value{}, f.makeCancelledError()
	case futPending:
		return Value{}, Errorf(InvalidStateError, "Result is not set.")
	}
	if f.exc != nil {
		f.logTraceback = false
		return Value{}, f.exc
	}
	return f.result, nil
}

// Exception returns the exception (nil if none) (Future.exception).
func (f *Future) Exception() (*Exception, error) {
	switch f.state {
	case futCancelled:
		return nil, f.makeCancelledError()
	case futPending:
		return nil, Errorf(InvalidStateError, "Exception is not set.")
	}
	f.logTraceback = false
	return f.exc, nil
}

// AwaitStep implements await on a future: suspend while pending, then
// return the result.
func (f *Future) AwaitStep(th *Thread, throw error) CoroStep {
	if throw != nil {
		return CoroStep{Done: true, Err: throw}
	}
	if !f.Done() {
		return CoroStep{Awaiting: f.Value()}
	}
	v, err := f.Result()
	return CoroStep{Done: true, Value: v, Err: err}
}

// Attr returns attributes set on a future by scripts.
func (f *Future) Attr(name string) (Value, bool) {
	if f.extra == nil {
		return Value{}, false
	}
	v, ok := f.extra.dict[name]
	return v, ok
}

// SetAttrValue sets an attribute.
func (f *Future) SetAttrValue(name string, v Value) bool {
	x := f.more()
	if x.dict == nil {
		x.dict = map[string]Value{}
	}
	x.dict[name] = v
	return true
}

// DelAttrValue deletes an attribute.
func (f *Future) DelAttrValue(name string) bool {
	if _, ok := f.Attr(name); !ok {
		return false
	}
	delete(f.extra.dict, name)
	return true
}

// Repr renders the future as CPython does (without addresses).
func (f *Future) Repr(th *Thread) (string, error) {
	return "<" + f.Type().Name + " " + f.stateInfo(th) + ">", nil
}

func (f *Future) stateInfo(th *Thread) string {
	switch f.state {
	case futPending:
		return "pending" + f.callbacksInfo(th)
	case futCancelled:
		return "cancelled"
	}
	if f.exc != nil {
		s, _ := Repr(th, Obj(f.exc))
		return "finished exception=" + s
	}
	s, _ := Repr(th, f.result)
	return "finished result=" + s
}

// asFuture returns the Future of a future or task value.
func asFuture(v Value) (*Future, bool) {
	switch o := v.obj.(type) {
	case *Future:
		return o, true
	case *Task:
		return &o.Future, true
	}
	return nil, false
}

// AsFuture returns the Future inside a future or task value.
func AsFuture(v Value) (*Future, bool) { return asFuture(v) }
