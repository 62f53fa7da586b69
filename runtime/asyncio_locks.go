package runtime

// This file defines asyncio's synchronisation primitives in Go: Lock,
// Event, Condition, Semaphore and BoundedSemaphore (asyncio.locks). Each
// waiter parks on a future of its own in the primitive's waiter list, so
// wake-up order, the loop passes a hand-off takes and the handling of
// cancelled waiters are those of CPython 3.11's documented behaviour.

import "strconv"

// The classes of the primitives.
var (
	LockType             = syncClass("Lock")
	EventType            = syncClass("Event")
	ConditionType        = syncClass("Condition")
	SemaphoreType        = syncClass("Semaphore")
	BoundedSemaphoreType = NewType("BoundedSemaphore", SemaphoreType)
)

func syncClass(name string) *Type {
	t := NewType(name, ObjectType)
	t.Module = "asyncio.locks"
	return t
}

// Lock is asyncio.Lock.
type Lock struct {
	syncHeader
	held    bool
	waiters []*Future
}

// Type returns LockType or the script's subclass.
func (l *Lock) Type() *Type { return l.typeOr(LockType) }

// Repr returns "<asyncio.locks.Lock object at 0x... [locked, waiters:1]>".
func (l *Lock) Repr(th *Thread) (string, error) {
	state := "unlocked"
	if l.held {
		state = "locked"
	}
	return syncRepr(Obj(l), state, len(l.waiters)), nil
}

// acquireStart takes the lock at once when it is free and nobody live
// queues for it; otherwise it parks a future at the end of the queue.
func (l *Lock) acquireStart(th *Thread, c *syncCoro) CoroStep {
	if !l.held && !anyLive(l.waiters) {
		l.held = true
		return c.result(True)
	}
	f, err := l.newWaiter(th, Obj(l), &l.waiters)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	return c.park(f)
}

// acquireWoken takes the lock handed over by release, or, when the wait
// was interrupted, passes the hand-off on to the next waiter.
func (l *Lock) acquireWoken(th *Thread, c *syncCoro, throw error) CoroStep {
	removeWaiter(&l.waiters, c.fut)
	if throw != nil {
		if isCancelled(throw) && !l.held {
			l.wakeFirst()
		}
		return CoroStep{Done: true, Err: throw}
	}
	l.held = true
	return c.result(True)
}

// release frees the lock and wakes the first waiter.
func (l *Lock) release() error {
	if !l.held {
		return Errorf(RuntimeError, "Lock is not acquired.")
	}
	l.held = false
	l.wakeFirst()
	return nil
}

// wakeFirst wakes the head of the queue. Only the head: if it is already
// done it comes back itself and takes the lock or passes it on.
func (l *Lock) wakeFirst() {
	if len(l.waiters) > 0 {
		if f := l.waiters[0]; !f.Done() {
			f.SetResult(True)
		}
	}
}

// result finishes the coroutine with v, or with None for __aenter__.
func (c *syncCoro) result(v Value) CoroStep {
	if c.op == opLockEnter || c.op == opSemEnter || c.op == opCondEnter {
		v = None
	}
	return CoroStep{Done: true, Value: v}
}

// isCancelled reports whether err is a CancelledError.
func isCancelled(err error) bool {
	e, ok := err.(*Exception)
	return ok && e.Class.IsSubtype(CancelledError)
}

// Event is asyncio.Event.
type Event struct {
	syncHeader
	flag    bool
	waiters []*Future
}

// Type returns EventType or the script's subclass.
func (e *Event) Type() *Type { return e.typeOr(EventType) }

// Repr returns "<asyncio.locks.Event object at 0x... [unset, waiters:1]>".
func (e *Event) Repr(th *Thread) (string, error) {
	state := "unset"
	if e.flag {
		state = "set"
	}
	return syncRepr(Obj(e), state, len(e.waiters)), nil
}

// set sets the flag and wakes every waiter.
func (e *Event) set() {
	if e.flag {
		return
	}
	e.flag = true
	for _, f := range e.waiters {
		if !f.Done() {
			f.SetResult(True)
		}
	}
}

func (e *Event) waitStart(th *Thread, c *syncCoro) CoroStep {
	if e.flag {
		return CoroStep{Done: true, Value: True}
	}
	f, err := e.newWaiter(th, Obj(e), &e.waiters)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	return c.park(f)
}

func (e *Event) waitWoken(th *Thread, c *syncCoro, throw error) CoroStep {
	removeWaiter(&e.waiters, c.fut)
	if throw != nil {
		return CoroStep{Done: true, Err: throw}
	}
	return CoroStep{Done: true, Value: True}
}

// Semaphore is asyncio.Semaphore and, with bounded set, BoundedSemaphore.
type Semaphore struct {
	syncHeader
	value   int64
	limit   int64 // the initial value, which a BoundedSemaphore may not exceed
	bounded bool
	waiters []*Future
}

// Type returns SemaphoreType, BoundedSemaphoreType or the script's subclass.
func (s *Semaphore) Type() *Type {
	if s.bounded {
		return s.typeOr(BoundedSemaphoreType)
	}
	return s.typeOr(SemaphoreType)
}

// locked reports whether acquire would wait: no unit is free, or live
// waiters queue ahead of newcomers.
func (s *Semaphore) locked() bool { return s.value == 0 || anyLive(s.waiters) }

// Repr returns "<asyncio.locks.Semaphore object at 0x... [unlocked, value:2]>".
func (s *Semaphore) Repr(th *Thread) (string, error) {
	state := "locked"
	if !s.locked() {
		state = "unlocked, value:" + strconv.FormatInt(s.value, 10)
	}
	return syncRepr(Obj(s), state, len(s.waiters)), nil
}

func (s *Semaphore) acquireStart(th *Thread, c *syncCoro) CoroStep {
	if !s.locked() {
		s.value--
		return c.result(True)
	}
	f, err := s.newWaiter(th, Obj(s), &s.waiters)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	return c.park(f)
}

func (s *Semaphore) acquireWoken(th *Thread, c *syncCoro, throw error) CoroStep {
	removeWaiter(&s.waiters, c.fut)
	if throw != nil {
		// A waiter given a unit (its future has a result) that leaves
		// anyway hands the unit back for the next one.
		if isCancelled(throw) && !c.fut.Cancelled() {
			s.value++
			s.wakeNext()
		}
		return CoroStep{Done: true, Err: throw}
	}
	// Units left over from several releases go on down the line.
	if s.value > 0 {
		s.wakeNext()
	}
	return c.result(True)
}

// release returns a unit, which the first waiter not yet woken takes.
func (s *Semaphore) release() error {
	if s.bounded && s.value >= s.limit {
		return Errorf(ValueError, "BoundedSemaphore released too many times")
	}
	s.value++
	s.wakeNext()
	return nil
}

// wakeNext gives a unit to the first waiter not already woken.
func (s *Semaphore) wakeNext() {
	for _, f := range s.waiters {
		if !f.Done() {
			s.value--
			f.SetResult(True)
			return
		}
	}
}

// newSyncObject makes the object of a primitive class for cls. The
// arguments are checked by init, run here unless cls has an __init__ of
// its own written in a script (which then calls the base's __init__).
func newSyncObject(th *Thread, cls *Type, args []Value, kw []Kwarg, obj Object, init func([]Value, []Kwarg) error) (Value, error) {
	if !hasUserInit(cls) {
		if err := init(args, kw); err != nil {
			return Value{}, err
		}
	}
	return Obj(obj), nil
}

func init() {
	LockType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		l := &Lock{}
		l.setClass(cls, LockType)
		return newSyncObject(th, cls, args, kw, l, func(args []Value, kw []Kwarg) error {
			return (&PyParams{Name: "Lock.__init__", Method: true}).Bind(args, kw, nil)
		})
	}
	EventType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		e := &Event{}
		e.setClass(cls, EventType)
		return newSyncObject(th, cls, args, kw, e, func(args []Value, kw []Kwarg) error {
			return (&PyParams{Name: "Event.__init__", Method: true}).Bind(args, kw, nil)
		})
	}
	semNew := func(bounded bool) func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		def := SemaphoreType
		if bounded {
			def = BoundedSemaphoreType
		}
		return func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
			s := &Semaphore{bounded: bounded || cls.IsSubtype(BoundedSemaphoreType)}
			if s.bounded {
				s.setClass(cls, BoundedSemaphoreType)
			} else {
				s.setClass(cls, def)
			}
			return newSyncObject(th, cls, args, kw, s, func(args []Value, kw []Kwarg) error {
				return s.init(args, kw)
			})
		}
	}
	SemaphoreType.New = semNew(false)
	BoundedSemaphoreType.New = semNew(true)

	lockOf := func(v Value) *Lock { l, _ := v.obj.(*Lock); return l }
	LockType.Methods(map[string]BuiltinFn{
		"__init__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			l := lockOf(self)
			if err := (&PyParams{Name: "Lock.__init__", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			l.held, l.waiters = false, nil
			return None, nil
		},
		"locked": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Lock.locked", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			return MakeBool(lockOf(self).held), nil
		},
		"acquire": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Lock.acquire", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			return Obj(&syncCoro{op: opLockAcquire, self: self}), nil
		},
		"release": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Lock.release", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			return None, lockOf(self).release()
		},
		"__aenter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Obj(&syncCoro{op: opLockEnter, self: self}), nil
		},
		"__aexit__": releaseOnExit,
	})

	eventOf := func(v Value) *Event { e, _ := v.obj.(*Event); return e }
	EventType.Methods(map[string]BuiltinFn{
		"__init__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Event.__init__", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			e := eventOf(self)
			e.flag, e.waiters = false, nil
			return None, nil
		},
		"is_set": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Event.is_set", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			return MakeBool(eventOf(self).flag), nil
		},
		"set": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Event.set", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			eventOf(self).set()
			return None, nil
		},
		"clear": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Event.clear", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			eventOf(self).flag = false
			return None, nil
		},
		"wait": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Event.wait", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			return Obj(&syncCoro{op: opEventWait, self: self}), nil
		},
	})

	semOf := func(v Value) *Semaphore { s, _ := v.obj.(*Semaphore); return s }
	SemaphoreType.Methods(map[string]BuiltinFn{
		"__init__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return None, semOf(self).init(args, kw)
		},
		"locked": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Semaphore.locked", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			return MakeBool(semOf(self).locked()), nil
		},
		"acquire": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Semaphore.acquire", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			return Obj(&syncCoro{op: opSemAcquire, self: self}), nil
		},
		"release": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Semaphore.release", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			return None, semOf(self).release()
		},
		"__aenter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Obj(&syncCoro{op: opSemEnter, self: self}), nil
		},
		"__aexit__": releaseOnExit,
	})
}

// init is Semaphore.__init__(value=1).
func (s *Semaphore) init(args []Value, kw []Kwarg) error {
	value := int64(1)
	if err := UnpackArgs("Semaphore", args, kw, "value?", &value); err != nil {
		return err
	}
	if value < 0 {
		return Errorf(ValueError, "Semaphore initial value must be >= 0")
	}
	s.value, s.limit, s.waiters = value, value, nil
	return nil
}

// releaseOnExit is __aexit__ of the primitives used with `async with`: a
// coroutine that calls the object's release() when run.
func releaseOnExit(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	return Obj(&syncCoro{op: opRelease, self: self}), nil
}
