package runtime

// This file defines asyncio.as_completed() in Go: an iterator (a
// generator in CPython) that yields one awaitable per distinct argument;
// each gives the result of the next future to finish, through a queue
// the futures' done callbacks feed, or raises TimeoutError once the
// optional timeout has passed.

// asCompletedType is the class of as_completed()'s iterator.
var asCompletedType = NewType("generator", ObjectType)

// asCompletedIter is as_completed()'s iterator. Its futures are made on
// the first next(), as the generator's body would run then.
type asCompletedIter struct {
	fs, timeout Value
	started     bool
	left        int // awaitables still to yield
	arrived     *Queue
	todo        []*Future
	pending     map[*Future]bool // the futures of todo not finished yet
	timer       *Handle
	tag         *goCallbackTag
}

// Type returns the generator class.
func (it *asCompletedIter) Type() *Type { return asCompletedType }

// Repr returns "<generator object as_completed at 0x...>".
func (it *asCompletedIter) Repr(th *Thread) (string, error) {
	return "<generator object as_completed at " + addr(Obj(it)) + ">", nil
}

// Next yields the next awaitable.
func (it *asCompletedIter) Next(th *Thread) (Value, bool, error) {
	if !it.started {
		it.started = true
		if err := it.start(th); err != nil {
			it.left = 0
			return Value{}, false, err
		}
	}
	if it.left == 0 {
		return Value{}, false, nil
	}
	it.left--
	return Obj(&waitOneCoro{q: it.arrived}), true, nil
}

func (it *asCompletedIter) start(th *Thread) error {
	if _, ok := asFuture(it.fs); ok || IsCoroutine(it.fs) {
		return Errorf(TypeError, "expect an iterable of futures, not %s", it.fs.Type().Name)
	}
	loop, err := RunningLoop(th)
	if err != nil {
		return err
	}
	it.arrived = &Queue{finished: Event{flag: true}}
	it.arrived.loop = loop
	items, err := Collect(th, it.fs)
	if err != nil {
		return err
	}
	// set(fs), kept in the order given: a set's own order would follow
	// addresses, which change from run to run.
	seen := NewSet()
	it.pending = map[*Future]bool{}
	for _, v := range items {
		had, err := seen.Contains(th, v)
		if err != nil {
			return err
		}
		if had {
			continue
		}
		if err := seen.Add(th, v); err != nil {
			return err
		}
		f, err := EnsureFuture(th, v)
		if err != nil {
			return err
		}
		if !it.pending[f] {
			it.pending[f] = true
			it.todo = append(it.todo, f)
		}
	}
	it.tag = &goCallbackTag{}
	for _, f := range it.todo {
		f.addTaggedCallback(it.completed, it.tag)
	}
	if len(it.todo) > 0 && !it.timeout.IsNone() {
		d, err := toFloat(it.timeout)
		if err != nil {
			return err
		}
		it.timer = loop.CallLater(d, it.expire, Value{}, nil)
	}
	it.left = len(it.todo)
	return nil
}

// completed is the done callback of each future: it queues the future.
func (it *asCompletedIter) completed(f *Future) error {
	if len(it.pending) == 0 {
		return nil // the timeout settled everything already
	}
	delete(it.pending, f)
	it.arrived.putNowait(it.arrived.loop.th, f.Value())
	if len(it.pending) == 0 && it.timer != nil {
		it.timer.Cancel()
	}
	return nil
}

// expire is the timeout: every awaitable still to finish gets None,
// which it raises as TimeoutError.
func (it *asCompletedIter) expire() error {
	for _, f := range it.todo {
		if it.pending[f] {
			f.removeTaggedCallback(it.tag)
			it.arrived.putNowait(it.arrived.loop.th, None)
		}
	}
	clear(it.pending)
	return nil
}

// waitOneCoro is one awaitable of as_completed: the result of the next
// future to finish.
type waitOneCoro struct {
	q   *Queue
	get *syncCoro
}

// Type returns CoroutineType.
func (c *waitOneCoro) Type() *Type { return CoroutineType }

// CoroName returns the name CPython's nested coroutine function has.
func (c *waitOneCoro) CoroName() string { return "as_completed.<locals>._wait_for_one" }

// Repr returns "<coroutine object as_completed.<locals>._wait_for_one at 0x...>".
func (c *waitOneCoro) Repr(th *Thread) (string, error) {
	return "<coroutine object " + c.CoroName() + " at " + addr(Obj(c)) + ">", nil
}

// AwaitStep advances the coroutine when awaited inline.
func (c *waitOneCoro) AwaitStep(th *Thread, throw error) CoroStep { return c.Resume(th, throw) }

// Resume waits for the next arrival and returns its result.
func (c *waitOneCoro) Resume(th *Thread, throw error) CoroStep {
	if c.get == nil {
		c.get = &syncCoro{op: opQueueGet, self: Obj(c.q)}
	}
	st := c.get.Resume(th, throw)
	if !st.Done || st.Err != nil {
		return st
	}
	if st.Value.IsNone() {
		return CoroStep{Done: true, Err: NewException(TimeoutError)}
	}
	f, _ := asFuture(st.Value)
	return resultStep(f)
}

// Footprint implements MemNode.
func (it *asCompletedIter) Footprint() int64 {
	return 96 + int64(cap(it.todo))*8 + int64(len(it.pending))*16
}

// Referents implements MemNode.
func (it *asCompletedIter) Referents(w *MemWalker) {
	w.Value(it.fs)
	w.Value(it.timeout)
	if it.arrived != nil {
		w.Node(it.arrived)
	}
	for _, f := range it.todo {
		w.Node(f)
	}
}

// Footprint implements MemNode.
func (c *waitOneCoro) Footprint() int64 { return 16 }

// Referents implements MemNode.
func (c *waitOneCoro) Referents(w *MemWalker) {
	w.Node(c.q)
	if c.get != nil {
		w.Node(c.get)
	}
}

func init() {
	asCompletedType.Methods(map[string]BuiltinFn{
		"__iter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) { return self, nil },
		"__next__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			v, ok, err := self.obj.(*asCompletedIter).Next(th)
			if err != nil {
				return Value{}, err
			}
			if !ok {
				return Value{}, NewException(StopIteration)
			}
			return v, nil
		},
	})
}

// asCompletedNames is asyncio's as_completed.
func asCompletedNames() map[string]Value {
	return map[string]Value{
		"as_completed": NewBuiltin("as_completed", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var fs Value
			timeout := None
			if err := UnpackArgs("as_completed", args, kw, "fs", &fs, "$timeout?", &timeout); err != nil {
				return Value{}, err
			}
			return Obj(&asCompletedIter{fs: fs, timeout: timeout}), nil
		}),
	}
}
