package runtime

// This file defines asyncio.timeout(), asyncio.timeout_at() and the
// Timeout context manager they return. Entered in a task, a Timeout arms
// a loop timer for its deadline; when the timer fires it cancels the
// task, and the exit turns the CancelledError that cancel caused into a
// TimeoutError, unless somebody else also asked to cancel the task.

// TimeoutType is asyncio.Timeout.
var TimeoutType = NewType("Timeout", ObjectType)

func init() { TimeoutType.Module = "asyncio.timeouts" }

// The phases of a Timeout; their names are what reprs and messages print.
const (
	timeoutCreated = iota
	timeoutActive
	timeoutExpiring
	timeoutExpired
	timeoutFinished
)

var timeoutPhaseNames = [...]string{"created", "active", "expiring", "expired", "finished"}

// Timeout is asyncio.Timeout.
type Timeout struct {
	syncHeader
	phase    uint8
	when     Value // the deadline in loop time, or None
	owner    *Task // the task it guards, once entered
	timer    *Handle
	baseline int // the owner's cancel requests when entered
}

// Type returns TimeoutType or the script's subclass.
func (t *Timeout) Type() *Type { return t.typeOr(TimeoutType) }

// Repr returns "<Timeout [active] when=12.5>".
func (t *Timeout) Repr(th *Thread) (string, error) {
	extra := ""
	if t.phase == timeoutActive {
		w := "None"
		if !t.when.IsNone() {
			r, err := builtinRound(th, None, []Value{t.when, Int(3)}, nil)
			if err != nil {
				return "", err
			}
			if w, err = Repr(th, r); err != nil {
				return "", err
			}
		}
		extra = " when=" + w
	}
	return "<Timeout [" + timeoutPhaseNames[t.phase] + "]" + extra + ">", nil
}

// reschedule moves the deadline (None: no deadline) of an entered Timeout.
func (t *Timeout) reschedule(th *Thread, when Value) error {
	switch t.phase {
	case timeoutCreated:
		return Errorf(RuntimeError, "Timeout has not been entered")
	case timeoutActive:
	default:
		return Errorf(RuntimeError, "Cannot change state of %s Timeout", timeoutPhaseNames[t.phase])
	}
	t.when = when
	t.disarm()
	if when.IsNone() {
		return nil
	}
	loop, err := RunningLoop(th)
	if err != nil {
		return err
	}
	at, err := toFloat(when)
	if err != nil {
		return err
	}
	if at <= loop.Time() {
		t.timer = loop.CallSoon(t.fire)
	} else {
		t.timer = loop.CallAt(at, t.fire, Value{}, nil)
	}
	return nil
}

// disarm cancels the pending timer, if any.
func (t *Timeout) disarm() {
	if t.timer != nil {
		t.timer.Cancel()
		t.timer = nil
	}
}

// fire is the timer: it cancels the guarded task.
func (t *Timeout) fire() error {
	if tr := t.owner.loop.th.Tracer; tr != nil {
		tr.instant(t.owner, "timeout")
	}
	t.owner.Cancel(Value{})
	t.phase = timeoutExpiring
	t.timer = nil
	return nil
}

// enter is __aenter__.
func (t *Timeout) enter(th *Thread) (Value, error) {
	if t.phase != timeoutCreated {
		return Value{}, Errorf(RuntimeError, "Timeout has already been entered")
	}
	loop, err := RunningLoop(th)
	if err != nil {
		return Value{}, err
	}
	if loop.current == nil {
		return Value{}, Errorf(RuntimeError, "Timeout should be used inside a task")
	}
	t.phase = timeoutActive
	t.owner = loop.current
	// Cancel requests already pending at entry are not the timeout's.
	t.baseline = t.owner.Cancelling()
	return Obj(t), t.reschedule(th, t.when)
}

// exit is __aexit__: an expiry that the body saw as a CancelledError
// becomes TimeoutError (chained to it) when no other cancel is pending.
func (t *Timeout) exit(th *Thread, excType, exc Value) (Value, error) {
	t.disarm()
	if t.phase != timeoutExpiring {
		t.phase = timeoutFinished
		return None, nil
	}
	t.phase = timeoutExpired
	left := t.owner.Uncancel()
	if left <= t.baseline && excType.obj == Object(CancelledError) {
		e := NewException(TimeoutError)
		if c, ok := exc.obj.(*Exception); ok {
			e.Cause, e.SuppressContext = c, true
		}
		return Value{}, e
	}
	return None, nil
}

// onceCoro is a coroutine that runs a Go function when first resumed and
// finishes with its result: the `async def` methods that never suspend.
type onceCoro struct {
	name string
	fn   func(th *Thread) (Value, error)
	done bool
}

// Type returns CoroutineType.
func (c *onceCoro) Type() *Type { return CoroutineType }

// CoroName returns the method's qualified name.
func (c *onceCoro) CoroName() string { return c.name }

// Repr returns "<coroutine object NAME at 0x...>".
func (c *onceCoro) Repr(th *Thread) (string, error) {
	return "<coroutine object " + c.name + " at " + addr(Obj(c)) + ">", nil
}

// AwaitStep runs the coroutine when awaited inline.
func (c *onceCoro) AwaitStep(th *Thread, throw error) CoroStep { return c.Resume(th, throw) }

// Resume runs the function (or raises what is thrown in).
func (c *onceCoro) Resume(th *Thread, throw error) CoroStep {
	if c.done {
		return CoroStep{Done: true, Err: Errorf(RuntimeError, reuseMessage)}
	}
	c.done = true
	if throw != nil {
		return CoroStep{Done: true, Err: throw}
	}
	v, err := c.fn(th)
	return CoroStep{Done: true, Value: v, Err: err}
}

// Footprint implements MemNode.
func (c *onceCoro) Footprint() int64 { return 48 }

// Referents implements MemNode (its state is in the closure).
func (c *onceCoro) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (t *Timeout) Footprint() int64 { return 96 + sizeOfMap(t.dict) }

// Referents implements MemNode.
func (t *Timeout) Referents(w *MemWalker) {
	t.referents(w)
	w.Value(t.when)
	if t.owner != nil {
		w.Node(t.owner)
	}
}

func init() {
	TimeoutType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		t := &Timeout{}
		t.setClass(cls, TimeoutType)
		return newSyncObject(th, cls, args, kw, t, func(args []Value, kw []Kwarg) error {
			return t.init(args, kw)
		})
	}
	tOf := func(v Value) *Timeout { t, _ := v.obj.(*Timeout); return t }
	TimeoutType.Methods(map[string]BuiltinFn{
		"__init__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return None, tOf(self).init(args, kw)
		},
		"when": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := UnpackArgs("when", args, kw); err != nil {
				return Value{}, err
			}
			return tOf(self).when, nil
		},
		"expired": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := UnpackArgs("expired", args, kw); err != nil {
				return Value{}, err
			}
			p := tOf(self).phase
			return MakeBool(p == timeoutExpiring || p == timeoutExpired), nil
		},
		"reschedule": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var when Value
			if err := UnpackArgs("reschedule", args, kw, "when", &when); err != nil {
				return Value{}, err
			}
			return None, tOf(self).reschedule(th, when)
		},
		"__aenter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			t := tOf(self)
			return Obj(&onceCoro{name: "Timeout.__aenter__", fn: t.enter}), nil
		},
		"__aexit__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var et, exc, tb Value
			if err := UnpackArgs("__aexit__", args, kw, "exc_type", &et, "exc_val", &exc, "exc_tb", &tb); err != nil {
				return Value{}, err
			}
			t := tOf(self)
			return Obj(&onceCoro{name: "Timeout.__aexit__", fn: func(th *Thread) (Value, error) {
				return t.exit(th, et, exc)
			}}), nil
		},
	})
}

// init is Timeout.__init__(when).
func (t *Timeout) init(args []Value, kw []Kwarg) error {
	var when Value
	if err := UnpackArgs("Timeout", args, kw, "when", &when); err != nil {
		return err
	}
	t.when = when
	return nil
}

// timeoutNames are asyncio's timeout functions.
func timeoutNames() map[string]Value {
	return map[string]Value{
		"Timeout": Obj(TimeoutType),
		"timeout": NewBuiltin("timeout", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var delay Value
			if err := UnpackArgs("timeout", args, kw, "delay", &delay); err != nil {
				return Value{}, err
			}
			loop, err := RunningLoop(th)
			if err != nil {
				return Value{}, err
			}
			when := None
			if !delay.IsNone() {
				if when, err = Binary(th, OpAdd, Float(loop.Time()), delay); err != nil {
					return Value{}, err
				}
			}
			return Obj(&Timeout{when: when}), nil
		}),
		"timeout_at": NewBuiltin("timeout_at", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var when Value
			if err := UnpackArgs("timeout_at", args, kw, "when", &when); err != nil {
				return Value{}, err
			}
			return Obj(&Timeout{when: when}), nil
		}),
	}
}
