package runtime

// This file holds what asyncio's synchronisation primitives and queues
// (asyncio_locks.go, asyncio_queues.go) share: the object header that
// lets scripts subclass them and set attributes, the binding of a
// primitive to the loop that first waits on it, waiter lists of futures,
// and syncCoro, the coroutine their awaitable methods return.

import "strconv"

// syncHeader is embedded by the Go-defined asyncio classes that scripts
// may subclass: the user subclass an object was made as, its attribute
// dict and the loop it is bound to.
type syncHeader struct {
	class *Type
	dict  map[string]Value
	loop  *Loop
}

// typeOr returns the user subclass, or def for an object of the base class.
func (h *syncHeader) typeOr(def *Type) *Type {
	if h.class != nil {
		return h.class
	}
	return def
}

// setClass records cls when it is a subclass of the built-in class def.
func (h *syncHeader) setClass(cls, def *Type) {
	if cls != def {
		h.class = cls
	}
}

// Attr returns an attribute a script set on the object.
func (h *syncHeader) Attr(name string) (Value, bool) {
	v, ok := h.dict[name]
	return v, ok
}

// SetAttrValue sets an attribute.
func (h *syncHeader) SetAttrValue(name string, v Value) bool {
	if h.dict == nil {
		h.dict = map[string]Value{}
	}
	h.dict[name] = v
	return true
}

// DelAttrValue deletes an attribute.
func (h *syncHeader) DelAttrValue(name string) bool {
	if _, ok := h.dict[name]; !ok {
		return false
	}
	delete(h.dict, name)
	return true
}

// referents reports the header's values to the memory walker.
func (h *syncHeader) referents(w *MemWalker) {
	if h.class != nil {
		w.Node(h.class)
	}
	visitMap(w, h.dict)
}

// boundLoop returns the running loop, binding the primitive self to it on
// first use: its futures belong to that loop, so using the primitive from
// another loop afterwards is a RuntimeError.
func (h *syncHeader) boundLoop(th *Thread, self Value) (*Loop, error) {
	var running *Loop
	if th.Loop != nil && th.Loop.running {
		running = th.Loop
	}
	if h.loop == nil {
		h.loop = running
	}
	if running != nil && running == h.loop {
		return running, nil
	}
	if running == nil {
		return nil, Errorf(RuntimeError, "no running event loop")
	}
	s, err := Repr(th, self)
	if err != nil {
		return nil, err
	}
	return nil, Errorf(RuntimeError, "%s is bound to a different event loop", s)
}

// newWaiter makes a pending future on the primitive's loop and appends it
// to *list.
func (h *syncHeader) newWaiter(th *Thread, self Value, list *[]*Future) (*Future, error) {
	loop, err := h.boundLoop(th, self)
	if err != nil {
		return nil, err
	}
	f := NewFuture(loop)
	*list = append(*list, f)
	return f, nil
}

// removeWaiter removes f from *list (if there) keeping the order.
func removeWaiter(list *[]*Future, f *Future) bool {
	l := *list
	for i, w := range l {
		if w == f {
			copy(l[i:], l[i+1:])
			l[len(l)-1] = nil
			*list = l[:len(l)-1]
			return true
		}
	}
	return false
}

// anyLive reports whether a waiter of the list was not cancelled: a
// cancelled one will never take the primitive.
func anyLive(list []*Future) bool {
	for _, w := range list {
		if !w.Cancelled() {
			return true
		}
	}
	return false
}

// walkWaiters reports the futures of a waiter list to the memory walker.
func walkWaiters(w *MemWalker, list []*Future) {
	for _, f := range list {
		w.Node(f)
	}
}

// syncRepr is the repr of a primitive: object's repr with "[state]" and
// the number of waiters added, as "<asyncio.locks.Lock object at 0x...
// [unlocked, waiters:2]>".
func syncRepr(self Value, state string, waiters int) string {
	s := "<" + self.Type().QualName() + " object at " + addr(self)
	if waiters > 0 {
		state += ", waiters:" + strconv.Itoa(waiters)
	}
	return s + " [" + state + "]>"
}

// syncOp names what a syncCoro does when run.
type syncOp uint8

const (
	opLockAcquire syncOp = iota
	opLockEnter          // Lock.__aenter__: acquire, returning None
	opSemAcquire
	opSemEnter
	opRelease // __aexit__ of a lock or semaphore: release when run
	opEventWait
	opQueuePut
	opQueueGet
	opQueueJoin
	opCondWait
	opCondWaitFor
	opCondEnter
)

// syncOpNames are the qualified names of the coroutines, for reprs.
var syncOpNames = [...]string{
	opLockAcquire: "Lock.acquire", opLockEnter: "_ContextManagerMixin.__aenter__",
	opSemAcquire: "Semaphore.acquire", opSemEnter: "_ContextManagerMixin.__aenter__",
	opRelease: "_ContextManagerMixin.__aexit__", opEventWait: "Event.wait",
	opQueuePut: "Queue.put", opQueueGet: "Queue.get", opQueueJoin: "Queue.join",
	opCondWait: "Condition.wait", opCondWaitFor: "Condition.wait_for", opCondEnter: "_ContextManagerMixin.__aenter__",
}

// The states of a syncCoro.
const (
	syncNew     = iota
	syncWaiting // suspended on fut
	syncInner   // suspended in a nested coroutine (inner)
	syncDone
)

// syncCoro is the coroutine of an awaitable method of a primitive or a
// queue (Lock.acquire, Event.wait, Queue.get, ...): a small state machine
// in Go instead of an interpreted `async def`. While it waits, fut is the
// future it parked in the primitive's waiter list.
type syncCoro struct {
	op    syncOp
	state uint8
	// flag is per operation scratch: Condition.wait remembers here that it
	// was cancelled while taking the lock back.
	flag  bool
	self  Value // the primitive or queue
	arg   Value // the item of put, the predicate of wait_for
	fut   *Future
	inner Value // a nested wait (Condition.wait_for's waits, re-acquiring)
	throw error
}

// Type returns the coroutine class.
func (c *syncCoro) Type() *Type { return CoroutineType }

// CoroName returns the method's qualified name.
func (c *syncCoro) CoroName() string { return syncOpNames[c.op] }

// Repr returns "<coroutine object Lock.acquire at 0x...>".
func (c *syncCoro) Repr(th *Thread) (string, error) {
	return "<coroutine object " + c.CoroName() + " at " + addr(Obj(c)) + ">", nil
}

// AwaitStep advances the coroutine when awaited inline.
func (c *syncCoro) AwaitStep(th *Thread, throw error) CoroStep { return c.Resume(th, throw) }

// Resume runs the operation until it parks on a future or finishes. A
// thrown exception while parked is what awaiting the future raised
// (usually the CancelledError of the task's cancellation).
func (c *syncCoro) Resume(th *Thread, throw error) CoroStep {
	var st CoroStep
	switch c.state {
	case syncDone:
		return CoroStep{Done: true, Err: Errorf(RuntimeError, "cannot reuse already awaited coroutine")}
	case syncNew:
		if throw != nil {
			c.state = syncDone
			return CoroStep{Done: true, Err: throw}
		}
		st = c.start(th)
	case syncWaiting:
		st = c.woken(th, throw)
	case syncInner:
		st = c.innerStep(th, throw)
	}
	if st.Done {
		c.state = syncDone
		c.fut, c.inner, c.self, c.arg = nil, Value{}, Value{}, Value{}
	}
	return st
}

// park suspends the coroutine on f.
func (c *syncCoro) park(f *Future) CoroStep {
	c.fut = f
	c.state = syncWaiting
	return CoroStep{Awaiting: f.Value()}
}

// start runs the operation's first step.
func (c *syncCoro) start(th *Thread) CoroStep {
	switch c.op {
	case opRelease:
		return CoroStep{Done: true, Value: None, Err: releaseOf(th, c.self)}
	case opLockEnter, opSemEnter:
		if c.self.Type().User {
			// A subclass may override acquire(), which __aenter__ calls.
			aw, err := callMethod(th, c.self, "acquire")
			if err != nil {
				return CoroStep{Done: true, Err: err}
			}
			return c.runInner(th, aw)
		}
	}
	switch o := c.self.obj.(type) {
	case *Lock:
		return o.acquireStart(th, c)
	case *Semaphore:
		return o.acquireStart(th, c)
	case *Event:
		return o.waitStart(th, c)
	case *Queue:
		return o.start(th, c)
	case *Condition:
		return o.start(th, c)
	}
	return CoroStep{Done: true, Err: Errorf(TypeError, "bad synchronisation coroutine")}
}

// woken continues the operation after its future completed (throw nil)
// or awaiting it raised throw.
func (c *syncCoro) woken(th *Thread, throw error) CoroStep {
	switch o := c.self.obj.(type) {
	case *Lock:
		return o.acquireWoken(th, c, throw)
	case *Semaphore:
		return o.acquireWoken(th, c, throw)
	case *Event:
		return o.waitWoken(th, c, throw)
	case *Queue:
		return o.woken(th, c, throw)
	case *Condition:
		return o.woken(th, c, throw)
	}
	return CoroStep{Done: true, Err: throw}
}

// innerStep advances the nested coroutine and continues the operation
// when it finishes.
func (c *syncCoro) innerStep(th *Thread, throw error) CoroStep {
	st := stepAwaitable(th, c.inner, throw)
	if !st.Done {
		return st
	}
	c.inner = Value{}
	if cond, ok := c.self.obj.(*Condition); ok {
		return cond.innerDone(th, c, st)
	}
	if st.Err != nil {
		return st
	}
	return c.result(st.Value)
}

// releaseOf calls the release() of a primitive (a subclass's own, if any).
func releaseOf(th *Thread, self Value) error {
	if self.Type().User {
		_, err := callMethod(th, self, "release")
		return err
	}
	switch o := self.obj.(type) {
	case *Lock:
		return o.release()
	case *Semaphore:
		return o.release()
	case *Condition:
		return o.release(th)
	}
	return Errorf(TypeError, "cannot release %s", self.Type().Name)
}

// runInner starts the nested coroutine in and suspends on it (or goes on
// at once when it finishes without suspending).
func (c *syncCoro) runInner(th *Thread, in Value) CoroStep {
	c.inner = in
	c.state = syncInner
	return c.innerStep(th, nil)
}

// stepAwaitable advances v, an awaitable or a coroutine (a script's
// coroutine is a Coro that is not Awaitable), by one step.
func stepAwaitable(th *Thread, v Value, throw error) CoroStep {
	if c, ok := v.obj.(Coro); ok {
		if _, aw := v.obj.(Awaitable); !aw {
			return c.Resume(th, throw)
		}
	}
	return AwaitStepOf(th, v, throw)
}
