package runtime

// This file defines asyncio.gather() and asyncio.shield() in Go, and the
// done callbacks that Go code adds to futures and removes again.
//
// gather() wraps each argument in a future (a task for a coroutine; an
// argument given twice shares one), and returns an outer future of class
// _GatheringFuture that completes when the children do: with the list of
// their results, or with the first exception unless return_exceptions.
// Cancelling the outer future cancels every child.

// GatheringFutureType is the class of gather()'s outer future.
var GatheringFutureType = NewType("_GatheringFuture", FutureType)

func init() { GatheringFutureType.Module = "asyncio.tasks" }

// goCallbackTag identifies a Go done callback so that it can be removed
// (functions cannot be compared).
type goCallbackTag struct{}

// Type returns ObjectType (a tag is never seen by scripts).
func (*goCallbackTag) Type() *Type { return ObjectType }

// Footprint implements MemNode.
func (*goCallbackTag) Footprint() int64 { return 0 }

// Referents implements MemNode.
func (*goCallbackTag) Referents(*MemWalker) {}

// addTaggedCallback adds Go done callback fn, identified by tag.
func (f *Future) addTaggedCallback(fn func(*Future) error, tag *goCallbackTag) {
	c := futureCallback{fn: fn, cb: Obj(tag)}
	if f.Done() {
		f.loop.callSoonCallback(&c, f)
		return
	}
	f.callbacks = append(f.callbacks, c)
}

// removeTaggedCallback removes the Go done callbacks identified by tag.
func (f *Future) removeTaggedCallback(tag *goCallbackTag) {
	kept := f.callbacks[:0]
	for _, c := range f.callbacks {
		if c.fn != nil && c.cb.obj == Object(tag) {
			continue
		}
		kept = append(kept, c)
	}
	clear(f.callbacks[len(kept):])
	f.callbacks = kept
}

// gatherState is what a gather() outer future knows of its children.
type gatherState struct {
	outer            *Future
	children         []*Future // one per argument (repeated for a repeated one)
	expected         int       // distinct children
	settled          int
	returnExceptions bool
	cancelRequested  bool
}

// childDone is the done callback of each child.
func (g *gatherState) childDone(child *Future) error {
	g.settled++
	outer := g.outer
	if outer == nil || outer.Done() {
		if !child.Cancelled() {
			child.Exception() // marks it retrieved: nobody else will look
		}
		return nil
	}
	if !g.returnExceptions {
		if child.Cancelled() {
			outer.SetException(child.makeCancelledError())
			return nil
		}
		if e, _ := child.Exception(); e != nil {
			outer.SetException(e)
			return nil
		}
	}
	if g.settled < g.expected {
		return nil
	}
	results := make([]Value, len(g.children))
	for i, c := range g.children {
		switch {
		case c.Cancelled():
			msg := Value(Str(""))
			if c.task == nil {
				if m := c.cancelMsg(); m.IsValid() && !m.IsNone() {
					msg = m
				}
			}
			results[i] = Obj(NewException(CancelledError, msg))
		default:
			if e, _ := c.Exception(); e != nil {
				results[i] = Obj(e)
			} else {
				results[i] = c.result
			}
		}
	}
	if g.cancelRequested {
		// gather() itself was cancelled: that wins over return_exceptions.
		outer.SetException(g.children[len(g.children)-1].makeCancelledError())
		return nil
	}
	outer.SetResult(NewList(results))
	return nil
}

// cancel is _GatheringFuture.cancel: every child is asked, and the outer
// future ends cancelled through them if any accepted.
func (g *gatherState) cancel(msg Value) bool {
	if g.outer.Done() {
		return false
	}
	accepted := false
	for _, c := range g.children {
		// A repeated child is asked again, as CPython does.
		if cancelFuture(c, msg) {
			accepted = true
		}
	}
	if accepted {
		g.cancelRequested = true
	}
	return accepted
}

// Gather is asyncio.gather(*aws, return_exceptions=...).
func Gather(th *Thread, aws []Value, returnExceptions bool) (Value, error) {
	if len(aws) == 0 {
		loop, err := RunningLoop(th)
		if err != nil {
			return Value{}, err
		}
		f := NewFuture(loop)
		f.SetResult(NewList(nil))
		return Obj(f), nil
	}
	g := &gatherState{returnExceptions: returnExceptions, children: make([]*Future, len(aws))}
	done := g.childDone
	// An argument given twice shares its child; arguments are compared
	// as dict keys, unless all are distinct built-in awaitables (whose
	// equality is identity), which saves the dict of 100,000 children.
	var seen *Dict
	if !distinctAwaitables(aws) {
		seen = NewDict()
	}
	var loop *Loop
	for i, arg := range aws {
		if seen != nil {
			at, ok, err := seen.Get(th, arg)
			if err != nil {
				return Value{}, err
			}
			if ok {
				g.children[i] = g.children[at.SmallInt()]
				continue
			}
		}
		child, err := EnsureFuture(th, arg)
		if err != nil {
			return Value{}, err
		}
		if loop == nil {
			loop = child.loop
		}
		g.expected++
		if seen != nil {
			if err := seen.SetItem(th, arg, Int(int64(i))); err != nil {
				return Value{}, err
			}
		}
		child.addCallback(done)
		g.children[i] = child
	}
	outer := NewFuture(loop)
	outer.more().class = GatheringFutureType
	outer.extra.gather = g
	g.outer = outer
	return Obj(outer), nil
}

// Shield is asyncio.shield(arg): a future that follows arg's outcome but
// whose cancellation does not reach arg.
func Shield(th *Thread, arg Value) (Value, error) {
	inner, err := EnsureFuture(th, arg)
	if err != nil {
		return Value{}, err
	}
	if inner.Done() {
		return inner.Value(), nil
	}
	outer := NewFuture(inner.loop)
	tag := &goCallbackTag{}
	inner.addTaggedCallback(func(inner *Future) error {
		if outer.Cancelled() {
			if !inner.Cancelled() {
				inner.Exception() // the caller left; no warning about it
			}
			return nil
		}
		if inner.Cancelled() {
			outer.Cancel(Value{})
			return nil
		}
		if e, _ := inner.Exception(); e != nil {
			outer.SetException(e)
		} else {
			outer.SetResult(inner.result)
		}
		return nil
	}, tag)
	outer.addCallback(func(*Future) error {
		if !inner.Done() {
			inner.removeTaggedCallback(tag)
		}
		return nil
	})
	return Obj(outer), nil
}

// gatherNames are asyncio's gather and shield.
func gatherNames() map[string]Value {
	return map[string]Value{
		"gather": NewBuiltin("gather", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			ret := false
			for _, k := range kw {
				if k.Name != "return_exceptions" {
					return Value{}, Errorf(TypeError, "gather() got an unexpected keyword argument '%s'", k.Name)
				}
				b, err := Truth(th, k.Value)
				if err != nil {
					return Value{}, err
				}
				ret = b
			}
			return Gather(th, args, ret)
		}),
		"shield": NewBuiltin("shield", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var arg Value
			if err := UnpackArgs("shield", args, kw, "arg", &arg); err != nil {
				return Value{}, err
			}
			return Shield(th, arg)
		}),
	}
}
