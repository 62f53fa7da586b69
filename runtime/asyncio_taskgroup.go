package runtime

// This file defines asyncio.TaskGroup in Go. Tasks made with its
// create_task() belong to the group; leaving the `async with` block waits
// for all of them. The first child failing with an exception other than
// CancelledError cancels the others and the task running the block; once
// every child is done, the failures are raised together in an
// ExceptionGroup (SystemExit and KeyboardInterrupt are raised alone).

import "strconv"

// TaskGroupType is asyncio.TaskGroup.
var TaskGroupType = NewType("TaskGroup", ObjectType)

func init() { TaskGroupType.Module = "asyncio.taskgroups" }

// TaskGroup is asyncio.TaskGroup.
type TaskGroup struct {
	syncHeader
	owner *Task // the task running the `async with`
	// children are the live child tasks in the order they were made (nil
	// where one finished); live indexes them.
	children                                   []*Task
	live                                       map[*Task]int
	failures                                   []*Exception
	fatal                                      *Exception // a SystemExit or KeyboardInterrupt seen
	drained                                    *Future    // completed when the last child finishes
	started, closing, shutting, cancelledOwner bool
}

// Type returns TaskGroupType or the script's subclass.
func (g *TaskGroup) Type() *Type { return g.typeOr(TaskGroupType) }

// Repr returns "<TaskGroup tasks=2 errors=1 cancelling>".
func (g *TaskGroup) Repr(th *Thread) (string, error) {
	s := "<TaskGroup"
	if n := len(g.live); n > 0 {
		s += " tasks=" + strconv.Itoa(n)
	}
	if n := len(g.failures); n > 0 {
		s += " errors=" + strconv.Itoa(n)
	}
	if g.shutting {
		s += " cancelling"
	} else if g.started {
		s += " entered"
	}
	return s + ">", nil
}

func (g *TaskGroup) misuse(th *Thread, what string) error {
	r, err := g.Repr(th)
	if err != nil {
		return err
	}
	return Errorf(RuntimeError, "TaskGroup %s %s", r, what)
}

// isFatal reports whether e ends the whole group (not only its task).
func isFatal(e *Exception) bool {
	return e.Class.IsSubtype(SystemExit) || e.Class.IsSubtype(KeyboardInterrupt)
}

// enter is __aenter__.
func (g *TaskGroup) enter(th *Thread) (Value, error) {
	if g.started {
		return Value{}, g.misuse(th, "has already been entered")
	}
	loop, err := RunningLoop(th)
	if err != nil {
		return Value{}, err
	}
	if g.loop == nil {
		g.loop = loop
	}
	if loop.current == nil {
		return Value{}, g.misuse(th, "cannot determine the parent task")
	}
	g.owner = loop.current
	g.started = true
	return Obj(g), nil
}

// createTask is create_task(coro, *, name=None, context=None).
func (g *TaskGroup) createTask(th *Thread, coro, name, ctx Value) (Value, error) {
	switch {
	case !g.started:
		return Value{}, g.misuse(th, "has not been entered")
	case g.closing && len(g.live) == 0:
		return Value{}, g.misuse(th, "is finished")
	case g.shutting:
		return Value{}, g.misuse(th, "is shutting down")
	}
	t, err := NewTask(g.loop, coro, Value{})
	if err != nil {
		return Value{}, err
	}
	if name.IsValid() && !name.IsNone() {
		s, err := ToStr(th, name)
		if err != nil {
			return Value{}, err
		}
		t.more().taskName = Str(s)
	}
	if err := setTaskContext(Obj(t), ctx); err != nil {
		return Value{}, err
	}
	t.addCallback(g.childDone)
	if g.live == nil {
		g.live = map[*Task]int{}
	}
	g.live[t] = len(g.children)
	g.children = append(g.children, t)
	g.loop.addAwaitedBy(&t.Future, &g.owner.Future)
	return Obj(t), nil
}

// cancelChildren cancels every child still running.
func (g *TaskGroup) cancelChildren() {
	g.shutting = true
	for _, t := range g.children {
		if t != nil && !t.Done() {
			t.Cancel(Value{})
		}
	}
}

// childDone is each child's done callback.
func (g *TaskGroup) childDone(f *Future) error {
	t := f.task
	if i, ok := g.live[t]; ok {
		g.children[i] = nil
		delete(g.live, t)
	}
	if len(g.live) == 0 {
		g.children = g.children[:0]
	}
	g.loop.discardAwaitedBy(f, &g.owner.Future)
	if w := g.drained; w != nil && len(g.live) == 0 && !w.Done() {
		w.SetResult(True)
	}
	if f.Cancelled() {
		return nil
	}
	e, _ := f.Exception()
	if e == nil {
		return nil
	}
	g.failures = append(g.failures, e)
	if g.fatal == nil && isFatal(e) {
		g.fatal = e
	}
	if g.owner.Done() {
		// Nobody is left to raise to (CPython would log it through the
		// loop's exception handler).
		return nil
	}
	// The first failure while the body runs interrupts the body by
	// cancelling the owner; __aexit__ undoes that with uncancel().
	if !g.shutting && !g.cancelledOwner {
		g.cancelChildren()
		g.cancelledOwner = true
		g.owner.Cancel(Value{})
	}
	return nil
}

// taskGroupExit is the coroutine of TaskGroup.__aexit__: it waits (on a
// future the last child completes) until every child is done.
type taskGroupExit struct {
	g             *TaskGroup
	excType, exc  Value
	pendingCancel *Exception // the CancelledError to re-raise at the end
	state         uint8
}

// Type returns CoroutineType.
func (c *taskGroupExit) Type() *Type { return CoroutineType }

// CoroName returns "TaskGroup.__aexit__".
func (c *taskGroupExit) CoroName() string { return "TaskGroup.__aexit__" }

// Repr returns "<coroutine object TaskGroup.__aexit__ at 0x...>".
func (c *taskGroupExit) Repr(th *Thread) (string, error) {
	return "<coroutine object TaskGroup.__aexit__ at " + addr(Obj(c)) + ">", nil
}

// AwaitStep advances the coroutine when awaited inline.
func (c *taskGroupExit) AwaitStep(th *Thread, throw error) CoroStep { return c.Resume(th, throw) }

// Resume runs the exit until it waits for children or finishes.
func (c *taskGroupExit) Resume(th *Thread, throw error) CoroStep {
	g := c.g
	switch c.state {
	case wfDone:
		return CoroStep{Done: true, Err: Errorf(RuntimeError, reuseMessage)}
	case wfNew:
		if throw != nil {
			c.state = wfDone
			return CoroStep{Done: true, Err: throw}
		}
		g.closing = true
		exc, _ := c.exc.obj.(*Exception)
		if exc != nil && g.fatal == nil && isFatal(exc) {
			g.fatal = exc
		}
		if c.excType.obj == Object(CancelledError) {
			c.pendingCancel = exc
		}
		if g.cancelledOwner && g.owner.Uncancel() == 0 {
			c.pendingCancel = nil
		}
		if !c.excType.IsNone() && !g.shutting {
			g.cancelChildren()
		}
	case wfWaiting:
		if throw != nil {
			if !isCancelled(throw) {
				c.state = wfDone
				return CoroStep{Done: true, Err: throw}
			}
			// The owner was cancelled from outside while waiting.
			if !g.shutting {
				c.pendingCancel = AsException(throw)
				g.cancelChildren()
			}
		}
		g.drained = nil
	}
	if len(g.live) > 0 {
		if g.drained == nil {
			g.drained = NewFuture(g.loop)
		}
		c.state = wfWaiting
		return CoroStep{Awaiting: Obj(g.drained)}
	}
	c.state = wfDone
	return CoroStep{Done: true, Value: None, Err: c.finish(th)}
}

// finish raises what the group ends with, once every child is done.
func (c *taskGroupExit) finish(th *Thread) error {
	g := c.g
	if g.fatal != nil {
		return g.fatal
	}
	// Real errors win over a pending cancellation.
	if c.pendingCancel != nil && len(g.failures) == 0 {
		return c.pendingCancel
	}
	if !c.excType.IsNone() && c.excType.obj != Object(CancelledError) {
		if e, ok := c.exc.obj.(*Exception); ok {
			g.failures = append(g.failures, e)
		}
	}
	if len(g.failures) == 0 {
		return nil
	}
	items := make([]Value, len(g.failures))
	for i, e := range g.failures {
		items[i] = Obj(e)
	}
	g.failures = nil
	eg, err := th.Call(Obj(BaseExceptionGroup), []Value{Str("unhandled errors in a TaskGroup"), NewList(items)}, nil)
	if err != nil {
		return err
	}
	e, _ := eg.obj.(*Exception)
	e.SuppressContext = true
	return e
}

// Footprint implements MemNode.
func (g *TaskGroup) Footprint() int64 {
	return 128 + int64(cap(g.children))*8 + int64(len(g.live))*24 + int64(cap(g.failures))*8 + sizeOfMap(g.dict)
}

// Referents implements MemNode.
func (g *TaskGroup) Referents(w *MemWalker) {
	g.referents(w)
	for _, t := range g.children {
		if t != nil {
			w.Node(t)
		}
	}
	for _, e := range g.failures {
		w.Node(e)
	}
	if g.owner != nil {
		w.Node(g.owner)
	}
	if g.drained != nil {
		w.Node(g.drained)
	}
}

// Footprint implements MemNode.
func (c *taskGroupExit) Footprint() int64 { return 64 }

// Referents implements MemNode.
func (c *taskGroupExit) Referents(w *MemWalker) {
	w.Node(c.g)
	w.Value(c.excType)
	w.Value(c.exc)
}

func init() {
	TaskGroupType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		g := &TaskGroup{}
		g.setClass(cls, TaskGroupType)
		return newSyncObject(th, cls, args, kw, g, func(args []Value, kw []Kwarg) error {
			return UnpackArgs("TaskGroup", args, kw)
		})
	}
	gOf := func(v Value) *TaskGroup { g, _ := v.obj.(*TaskGroup); return g }
	TaskGroupType.Methods(map[string]BuiltinFn{
		"__init__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return None, UnpackArgs("TaskGroup", args, kw)
		},
		"create_task": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var coro, name, ctx Value
			if err := UnpackArgs("create_task", args, kw, "coro", &coro, "$name?", &name, "$context?", &ctx); err != nil {
				return Value{}, err
			}
			return gOf(self).createTask(th, coro, name, ctx)
		},
		"__aenter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Obj(&onceCoro{name: "TaskGroup.__aenter__", fn: gOf(self).enter}), nil
		},
		"__aexit__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var et, exc, tb Value
			if err := UnpackArgs("__aexit__", args, kw, "et", &et, "exc", &exc, "tb", &tb); err != nil {
				return Value{}, err
			}
			return Obj(&taskGroupExit{g: gOf(self), excType: et, exc: exc}), nil
		},
	})
}
