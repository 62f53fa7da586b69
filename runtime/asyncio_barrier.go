package runtime

// This file defines asyncio.Barrier in Go, on a Condition: the tasks that
// call wait() gather until `parties` of them are inside, then all leave
// together (the barrier drains, then fills again); abort() breaks it for
// good and reset() breaks out the tasks waiting now.

import "strconv"

// The Barrier class and its error.
var (
	BarrierType        = syncClass("Barrier")
	BrokenBarrierError = asyncioExc("BrokenBarrierError", RuntimeError)
)

// The phases of a Barrier, named as CPython's _BarrierState values.
const (
	barrierFilling = iota
	barrierDraining
	barrierResetting
	barrierBroken
)

var barrierPhaseNames = [...]string{"filling", "draining", "resetting", "broken"}

// Barrier is asyncio.Barrier.
type Barrier struct {
	syncHeader
	cond    *Condition
	lock    *Lock
	parties int64
	phase   uint8
	inside  int64 // tasks inside wait()
}

// Type returns BarrierType or the script's subclass.
func (b *Barrier) Type() *Type { return b.typeOr(BarrierType) }

// Repr returns "<asyncio.locks.Barrier object at 0x... [filling, waiters:1/3]>".
func (b *Barrier) Repr(th *Thread) (string, error) {
	state := barrierPhaseNames[b.phase]
	if b.phase != barrierBroken {
		state += ", waiters:" + strconv.FormatInt(b.nWaiting(), 10) + "/" + strconv.FormatInt(b.parties, 10)
	}
	return syncRepr(Obj(b), state, 0), nil
}

func (b *Barrier) nWaiting() int64 {
	if b.phase == barrierFilling {
		return b.inside
	}
	return 0
}

// leave ends a drain or a reset when the last task leaves wait().
func (b *Barrier) leave() {
	if b.inside > 0 {
		return
	}
	if b.phase == barrierResetting || b.phase == barrierDraining {
		b.phase = barrierFilling
	}
	b.cond.notifyAll()
}

// notifyAll wakes every waiter (the lock is held by the caller).
func (c *Condition) notifyAll() {
	for _, f := range c.waiters {
		if !f.Done() {
			f.SetResult(False)
		}
	}
}

// predicate makes a callable for Condition.wait_for from a Go test.
func predicate(test func() bool) Value {
	return NewBuiltin("predicate", func(*Thread, Value, []Value, []Kwarg) (Value, error) {
		return MakeBool(test()), nil
	})
}

// The steps of a barrierCoro.
const (
	barrierLocking = iota
	barrierPassing // waiting for a drain or reset to end
	barrierTripping
	barrierFinished
)

// barrierCoro is the coroutine of Barrier.wait (op 'w'), reset ('r') and
// abort ('a'), all of which run holding the condition's lock.
type barrierCoro struct {
	b       *Barrier
	op      byte
	step    uint8
	inner   Value
	arrival int64
	enter   bool // __aenter__: the same as wait
}

// Type returns CoroutineType.
func (c *barrierCoro) Type() *Type { return CoroutineType }

// CoroName returns the method's name.
func (c *barrierCoro) CoroName() string {
	switch c.op {
	case 'r':
		return "Barrier.reset"
	case 'a':
		return "Barrier.abort"
	}
	return "Barrier.wait"
}

// Repr returns "<coroutine object Barrier.wait at 0x...>".
func (c *barrierCoro) Repr(th *Thread) (string, error) {
	return "<coroutine object " + c.CoroName() + " at " + addr(Obj(c)) + ">", nil
}

// AwaitStep advances the coroutine when awaited inline.
func (c *barrierCoro) AwaitStep(th *Thread, throw error) CoroStep { return c.Resume(th, throw) }

// Resume runs the operation until it waits or finishes.
func (c *barrierCoro) Resume(th *Thread, throw error) CoroStep {
	if c.step == barrierFinished {
		return CoroStep{Done: true, Err: Errorf(RuntimeError, reuseMessage)}
	}
	var st CoroStep
	if !c.inner.IsValid() {
		if throw != nil {
			c.step = barrierFinished
			return CoroStep{Done: true, Err: throw}
		}
		c.inner = Obj(&syncCoro{op: opLockAcquire, self: Obj(c.b.lock)})
		st = stepAwaitable(th, c.inner, nil)
	} else {
		st = stepAwaitable(th, c.inner, throw)
	}
	for st.Done {
		st = c.next(th, st)
		if st.Done && c.step == barrierFinished {
			return st
		}
	}
	return st
}

// next goes on after the nested step finished with st; it returns the
// operation's outcome (step barrierFinished) or the next nested step's.
func (c *barrierCoro) next(th *Thread, st CoroStep) CoroStep {
	b := c.b
	switch c.step {
	case barrierLocking:
		if st.Err != nil {
			return c.finish(st)
		}
		switch c.op {
		case 'r':
			if b.inside <= 0 {
				b.phase = barrierFilling
			} else if b.phase != barrierResetting {
				b.phase = barrierResetting
			}
			b.cond.notifyAll()
			return c.release(CoroStep{Done: true, Value: None})
		case 'a':
			b.phase = barrierBroken
			b.cond.notifyAll()
			return c.release(CoroStep{Done: true, Value: None})
		}
		c.step = barrierPassing
		return c.waitFor(th, func() bool { return b.phase != barrierDraining && b.phase != barrierResetting })
	case barrierPassing:
		if st.Err != nil {
			return c.release(st)
		}
		if b.phase == barrierBroken {
			return c.release(CoroStep{Done: true, Err: NewException(BrokenBarrierError, Str("Barrier aborted"))})
		}
		c.arrival = b.inside
		b.inside++
		if c.arrival+1 == b.parties {
			// The last arrival opens the barrier for everyone.
			b.phase = barrierDraining
			b.cond.notifyAll()
			return c.leave(CoroStep{Done: true, Value: Int(c.arrival)})
		}
		c.step = barrierTripping
		return c.waitFor(th, func() bool { return b.phase != barrierFilling })
	}
	// barrierTripping
	if st.Err != nil {
		return c.leave(st)
	}
	if b.phase == barrierBroken || b.phase == barrierResetting {
		return c.leave(CoroStep{Done: true, Err: NewException(BrokenBarrierError, Str("Abort or reset of barrier"))})
	}
	return c.leave(CoroStep{Done: true, Value: Int(c.arrival)})
}

// waitFor starts Condition.wait_for(test) as the nested step.
func (c *barrierCoro) waitFor(th *Thread, test func() bool) CoroStep {
	c.inner = Obj(&syncCoro{op: opCondWaitFor, self: Obj(c.b.cond), arg: predicate(test)})
	return stepAwaitable(th, c.inner, nil)
}

// leave is wait()'s way out once inside: the count drops, the barrier
// may fill again, and the lock is released.
func (c *barrierCoro) leave(st CoroStep) CoroStep {
	c.b.inside--
	c.b.leave()
	return c.release(st)
}

// release frees the condition's lock and finishes with st.
func (c *barrierCoro) release(st CoroStep) CoroStep {
	if err := c.b.lock.release(); err != nil && st.Err == nil {
		st = CoroStep{Done: true, Err: err}
	}
	return c.finish(st)
}

func (c *barrierCoro) finish(st CoroStep) CoroStep {
	c.step = barrierFinished
	c.inner = Value{}
	return st
}

// Footprint implements MemNode.
func (b *Barrier) Footprint() int64 { return 80 + sizeOfMap(b.dict) }

// Referents implements MemNode.
func (b *Barrier) Referents(w *MemWalker) {
	b.referents(w)
	if b.cond != nil {
		w.Node(b.cond)
	}
}

// Footprint implements MemNode.
func (c *barrierCoro) Footprint() int64 { return 56 }

// Referents implements MemNode.
func (c *barrierCoro) Referents(w *MemWalker) {
	w.Node(c.b)
	w.Value(c.inner)
}

// init is Barrier.__init__(parties).
func (b *Barrier) init(args []Value, kw []Kwarg) error {
	var parties int64
	if err := UnpackArgs("Barrier", args, kw, "parties", &parties); err != nil {
		return err
	}
	if parties < 1 {
		return Errorf(ValueError, "parties must be > 0")
	}
	b.lock = &Lock{}
	b.cond = &Condition{lock: Obj(b.lock)}
	b.parties, b.phase, b.inside = parties, barrierFilling, 0
	return nil
}

func init() {
	BarrierType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		b := &Barrier{}
		b.setClass(cls, BarrierType)
		return newSyncObject(th, cls, args, kw, b, func(args []Value, kw []Kwarg) error {
			return b.init(args, kw)
		})
	}
	bOf := func(v Value) *Barrier { b, _ := v.obj.(*Barrier); return b }
	op := func(name string, code byte) BuiltinFn {
		return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := UnpackArgs(name, args, kw); err != nil {
				return Value{}, err
			}
			return Obj(&barrierCoro{b: bOf(self), op: code}), nil
		}
	}
	BarrierType.Methods(map[string]BuiltinFn{
		"__init__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return None, bOf(self).init(args, kw)
		},
		"wait":       op("wait", 'w'),
		"reset":      op("reset", 'r'),
		"abort":      op("abort", 'a'),
		"__aenter__": op("__aenter__", 'w'),
		"__aexit__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Obj(&onceCoro{name: "Barrier.__aexit__", fn: func(*Thread) (Value, error) { return None, nil }}), nil
		},
	})
	getset(BarrierType, "parties", func(self Value) Value { return Int(bOf(self).parties) })
	getset(BarrierType, "n_waiting", func(self Value) Value { return Int(bOf(self).nWaiting()) })
	getset(BarrierType, "broken", func(self Value) Value { return MakeBool(bOf(self).phase == barrierBroken) })
}
