package runtime

// This file defines asyncio.Condition in Go. A condition wraps a lock (a
// new asyncio.Lock unless given one); its acquire, release and locked are
// the lock's. wait() releases the lock, parks a future until notify()
// completes it, and always takes the lock back before returning, even
// when cancelled (then raising a fresh CancelledError).

// Condition is asyncio.Condition.
type Condition struct {
	syncHeader
	lock    Value
	waiters []*Future
}

// Type returns ConditionType or the script's subclass.
func (c *Condition) Type() *Type { return c.typeOr(ConditionType) }

// Repr returns "<asyncio.locks.Condition object at 0x... [locked]>".
func (c *Condition) Repr(th *Thread) (string, error) {
	held, err := c.locked(th)
	if err != nil {
		return "", err
	}
	state := "unlocked"
	if held {
		state = "locked"
	}
	return syncRepr(Obj(c), state, len(c.waiters)), nil
}

// locked reports whether the underlying lock is held.
func (c *Condition) locked(th *Thread) (bool, error) {
	if l, ok := c.lock.obj.(*Lock); ok && l.class == nil {
		return l.held, nil
	}
	r, err := callMethod(th, c.lock, "locked")
	if err != nil {
		return false, err
	}
	return Truth(th, r)
}

// acquire returns the awaitable of the lock's acquire().
func (c *Condition) acquire(th *Thread) (Value, error) {
	if l, ok := c.lock.obj.(*Lock); ok && l.class == nil {
		return Obj(&syncCoro{op: opLockAcquire, self: c.lock}), nil
	}
	return callMethod(th, c.lock, "acquire")
}

// release calls the lock's release().
func (c *Condition) release(th *Thread) error {
	if l, ok := c.lock.obj.(*Lock); ok && l.class == nil {
		return l.release()
	}
	_, err := callMethod(th, c.lock, "release")
	return err
}

// callMethod calls the method name of v without arguments.
func callMethod(th *Thread, v Value, name string) (Value, error) {
	m, err := GetAttr(th, v, name)
	if err != nil {
		return Value{}, err
	}
	return th.Call(m, nil, nil)
}

// mustHold raises CPython's RuntimeError unless the lock is held.
func (c *Condition) mustHold(th *Thread, action string) error {
	held, err := c.locked(th)
	if err != nil {
		return err
	}
	if !held {
		return Errorf(RuntimeError, "cannot %s on un-acquired lock", action)
	}
	return nil
}

// start runs the first step of wait, wait_for or __aenter__.
func (c *Condition) start(th *Thread, co *syncCoro) CoroStep {
	switch co.op {
	case opCondEnter:
		aw, err := c.acquire(th)
		if err != nil {
			return CoroStep{Done: true, Err: err}
		}
		return co.runInner(th, aw)
	case opCondWaitFor:
		return c.checkPredicate(th, co)
	}
	if err := c.mustHold(th, "wait"); err != nil {
		return CoroStep{Done: true, Err: err}
	}
	if err := c.release(th); err != nil {
		return CoroStep{Done: true, Err: err}
	}
	f, err := c.newWaiter(th, Obj(c), &c.waiters)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	return co.park(f)
}

// woken goes on with wait() once notified (or interrupted, throw): the
// lock is taken back first, and the outcome kept until then.
func (c *Condition) woken(th *Thread, co *syncCoro, throw error) CoroStep {
	removeWaiter(&c.waiters, co.fut)
	co.fut = nil
	co.throw = throw
	return c.reacquire(th, co)
}

func (c *Condition) reacquire(th *Thread, co *syncCoro) CoroStep {
	aw, err := c.acquire(th)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	return co.runInner(th, aw)
}

// innerDone continues after a nested wait or acquire finished with st.
func (c *Condition) innerDone(th *Thread, co *syncCoro, st CoroStep) CoroStep {
	switch co.op {
	case opCondEnter:
		if st.Err != nil {
			return st
		}
		return CoroStep{Done: true, Value: None}
	case opCondWaitFor:
		if st.Err != nil {
			return st
		}
		return c.checkPredicate(th, co)
	}
	// wait(): the lock is being taken back.
	if st.Err != nil {
		if isCancelled(st.Err) {
			co.flag = true
			return c.reacquire(th, co)
		}
		return st
	}
	switch {
	case co.flag:
		return CoroStep{Done: true, Err: NewException(CancelledError)}
	case co.throw != nil:
		return CoroStep{Done: true, Err: co.throw}
	}
	return CoroStep{Done: true, Value: True}
}

// checkPredicate is a round of wait_for: the predicate's result when true,
// otherwise another wait.
func (c *Condition) checkPredicate(th *Thread, co *syncCoro) CoroStep {
	r, err := th.Call(co.arg, nil, nil)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	ok, err := Truth(th, r)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	if ok {
		return CoroStep{Done: true, Value: r}
	}
	return co.runInner(th, Obj(&syncCoro{op: opCondWait, self: Obj(c)}))
}

// notify wakes up to n waiters not yet woken.
func (c *Condition) notify(th *Thread, n int64) error {
	if err := c.mustHold(th, "notify"); err != nil {
		return err
	}
	var woken int64
	for _, f := range c.waiters {
		if woken >= n {
			break
		}
		if !f.Done() {
			woken++
			f.SetResult(False)
		}
	}
	return nil
}

func init() {
	ConditionType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		c := &Condition{}
		c.setClass(cls, ConditionType)
		return newSyncObject(th, cls, args, kw, c, func(args []Value, kw []Kwarg) error {
			return c.init(args, kw)
		})
	}
	condOf := func(v Value) *Condition { c, _ := v.obj.(*Condition); return c }
	ConditionType.Methods(map[string]BuiltinFn{
		"__init__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return None, condOf(self).init(args, kw)
		},
		"locked": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Lock.locked", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			held, err := condOf(self).locked(th)
			return MakeBool(held), err
		},
		"acquire": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Lock.acquire", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			return condOf(self).acquire(th)
		},
		"release": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Lock.release", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			return None, condOf(self).release(th)
		},
		"wait": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Condition.wait", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			return Obj(&syncCoro{op: opCondWait, self: self}), nil
		},
		"wait_for": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var pred Value
			if err := UnpackArgs("wait_for", args, kw, "predicate", &pred); err != nil {
				return Value{}, err
			}
			return Obj(&syncCoro{op: opCondWaitFor, self: self, arg: pred}), nil
		},
		"notify": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			n := int64(1)
			if err := UnpackArgs("notify", args, kw, "n?", &n); err != nil {
				return Value{}, err
			}
			return None, condOf(self).notify(th, n)
		},
		"notify_all": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := (&PyParams{Name: "Condition.notify_all", Method: true}).Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			c := condOf(self)
			return None, c.notify(th, int64(len(c.waiters)))
		},
		"__aenter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Obj(&syncCoro{op: opCondEnter, self: self}), nil
		},
		"__aexit__": releaseOnExit,
	})
}

// init is Condition.__init__(lock=None).
func (c *Condition) init(args []Value, kw []Kwarg) error {
	lock := None
	if err := UnpackArgs("Condition", args, kw, "lock?", &lock); err != nil {
		return err
	}
	if lock.IsNone() {
		lock = Obj(&Lock{})
	}
	c.lock, c.waiters = lock, nil
	return nil
}
