package runtime

// This file defines the objects of the contextvars module: Context,
// ContextVar and Token. A thread has a current context; ContextVar.set
// changes the variable in it, Context.run makes another context current
// for a call, and each asyncio task and loop callback runs in a context
// of its own (by default a copy of the one current when it was made).
//
// A context's variables are a Go map shared by its copies until one of
// them writes (copy on write), so that creating a task copies nothing.

import (
	"sync/atomic"
	"unsafe"
)

// The classes of the contextvars module.
var (
	ContextType    = cvClass("Context")
	ContextVarType = cvClass("ContextVar")
	TokenType      = cvClass("Token")
)

func cvClass(name string) *Type {
	t := NewType(name, ObjectType)
	t.Module = "_contextvars"
	t.Final = true
	return t
}

// tokenMissing is Token.MISSING, the old value of a variable that had none.
var tokenMissing = &tokenMissingMarker{}

type tokenMissingMarker struct{}

var tokenMissingType = cvClass("Token.MISSING")

// Type returns the class of Token.MISSING.
func (*tokenMissingMarker) Type() *Type { return tokenMissingType }

// Repr returns "<Token.MISSING>".
func (*tokenMissingMarker) Repr(*Thread) (string, error) { return "<Token.MISSING>", nil }

// Context is a contextvars.Context: a mapping from ContextVars to values.
type Context struct {
	vars    map[*ContextVar]Value
	shared  bool // vars is shared with a copy: clone before writing
	entered bool // current in some thread (Context.run or a task step)
}

// Type returns ContextType.
func (c *Context) Type() *Type { return ContextType }

// Repr returns "<Context object at 0x...>".
func (c *Context) Repr(th *Thread) (string, error) {
	return "<Context object at " + addr(Obj(c)) + ">", nil
}

// Copy returns a new context with the same variables.
func (c *Context) Copy() *Context {
	if len(c.vars) == 0 {
		return &Context{}
	}
	c.shared = true
	return &Context{vars: c.vars, shared: true}
}

// set gives v the value x in the context.
func (c *Context) set(v *ContextVar, x Value) {
	if c.shared || c.vars == nil {
		m := make(map[*ContextVar]Value, len(c.vars)+1)
		for k, val := range c.vars {
			m[k] = val
		}
		c.vars, c.shared = m, false
	}
	c.vars[v] = x
}

// unset removes v from the context.
func (c *Context) unset(v *ContextVar) {
	if _, ok := c.vars[v]; !ok {
		return
	}
	c.set(v, Value{})
	delete(c.vars, v)
}

// sortedVars returns the context's variables in the order they were made,
// for iteration (a Go map has no order of its own).
func (c *Context) sortedVars() []*ContextVar {
	out := make([]*ContextVar, 0, len(c.vars))
	for v := range c.vars {
		out = append(out, v)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].serial < out[j-1].serial; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// currentContext returns the thread's current context, making the
// thread's base context on first use.
func (th *Thread) currentContext() *Context {
	if th.ctx == nil {
		th.ctx = &Context{entered: true}
	}
	return th.ctx
}

// CopyContext is contextvars.copy_context(): a copy of the current context.
func (th *Thread) CopyContext() *Context { return th.currentContext().Copy() }

// enterContext makes c current and returns the context to restore, or
// fails as Context.run does when c is current somewhere already.
func (th *Thread) enterContext(c *Context) (*Context, error) {
	if c.entered {
		return nil, Errorf(RuntimeError, "cannot enter context: %s is already entered", addrRepr("Context", Obj(c)))
	}
	prev := th.currentContext()
	c.entered = true
	th.ctx = c
	return prev, nil
}

// exitContext makes prev current again after enterContext.
func (th *Thread) exitContext(prev *Context) {
	th.ctx.entered = false
	th.ctx = prev
}

func addrRepr(kind string, v Value) string { return "<" + kind + " object at " + addr(v) + ">" }

// RunInContext calls fn with c as the current context (Context.run).
func (th *Thread) RunInContext(c *Context, fn Value, args []Value, kw []Kwarg) (Value, error) {
	prev, err := th.enterContext(c)
	if err != nil {
		return Value{}, err
	}
	defer th.exitContext(prev)
	return th.Call(fn, args, kw)
}

// ContextVar is a contextvars.ContextVar.
type ContextVar struct {
	name   string
	def    Value // the default, or the zero Value
	serial uint64
}

var contextVarSerial uint64

// Type returns ContextVarType.
func (v *ContextVar) Type() *Type { return ContextVarType }

// Repr returns "<ContextVar name='x' default=1 at 0x...>".
func (v *ContextVar) Repr(th *Thread) (string, error) {
	name, _ := Repr(th, Str(v.name))
	s := "<ContextVar name=" + name
	if v.def.IsValid() {
		d, err := Repr(th, v.def)
		if err != nil {
			return "", err
		}
		s += " default=" + d
	}
	return s + " at " + addr(Obj(v)) + ">", nil
}

// get returns the variable's value in the current context, else def
// (when valid), else its own default, else a LookupError.
func (v *ContextVar) get(th *Thread, def Value) (Value, error) {
	if x, ok := th.currentContext().vars[v]; ok {
		return x, nil
	}
	if def.IsValid() {
		return def, nil
	}
	if v.def.IsValid() {
		return v.def, nil
	}
	return Value{}, NewException(LookupError, Obj(v))
}

// Token is what ContextVar.set returns, to undo the set with reset.
type Token struct {
	ctx  *Context
	v    *ContextVar
	old  Value // the previous value, or Obj(tokenMissing)
	used bool
}

// Type returns TokenType.
func (t *Token) Type() *Type { return TokenType }

// Repr returns "<Token var=<ContextVar name='x' at 0x...> at 0x...>".
func (t *Token) Repr(th *Thread) (string, error) {
	vr, err := t.v.Repr(th)
	if err != nil {
		return "", err
	}
	used := ""
	if t.used {
		used = " used"
	}
	return "<Token" + used + " var=" + vr + " at " + addr(Obj(t)) + ">", nil
}

// reset undoes the set that made token t.
func (v *ContextVar) reset(th *Thread, t *Token) error {
	tr, _ := t.Repr(th)
	if t.used {
		return Errorf(RuntimeError, "%s has already been used once", tr)
	}
	if t.v != v {
		return Errorf(ValueError, "%s was created by a different ContextVar", tr)
	}
	ctx := th.currentContext()
	if t.ctx != ctx {
		return Errorf(ValueError, "%s was created in a different Context", tr)
	}
	t.used = true
	if t.old.obj == Object(tokenMissing) {
		ctx.unset(v)
	} else {
		ctx.set(v, t.old)
	}
	return nil
}

// contextKey returns the ContextVar a context is subscripted with.
func contextKey(k Value) (*ContextVar, error) {
	v, ok := k.obj.(*ContextVar)
	if !ok {
		s, _ := Repr(nil, k)
		return nil, Errorf(TypeError, "a ContextVar key was expected, got %s", s)
	}
	return v, nil
}

func init() {
	ContextType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := UnpackArgs("Context", args, kw); err != nil {
			return Value{}, err
		}
		return Obj(&Context{}), nil
	}
	ctxOf := func(v Value) *Context { c, _ := v.obj.(*Context); return c }
	ContextType.Methods(map[string]BuiltinFn{
		"run": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if len(args) == 0 {
				return Value{}, Errorf(TypeError, "run() missing 1 required positional argument")
			}
			return th.RunInContext(ctxOf(self), args[0], args[1:], kw)
		},
		"copy": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := UnpackArgs("copy", args, kw); err != nil {
				return Value{}, err
			}
			return Obj(ctxOf(self).Copy()), nil
		},
		"get": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var key Value
			def := None
			if err := UnpackArgs("get", args, kw, "key", &key, "default?", &def); err != nil {
				return Value{}, err
			}
			v, err := contextKey(key)
			if err != nil {
				return Value{}, err
			}
			if x, ok := ctxOf(self).vars[v]; ok {
				return x, nil
			}
			return def, nil
		},
		"__getitem__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var key Value
			if err := UnpackArgs("__getitem__", args, kw, "key", &key); err != nil {
				return Value{}, err
			}
			return ctxOf(self).GetItemHook(th, key)
		},
		"__contains__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var key Value
			if err := UnpackArgs("__contains__", args, kw, "key", &key); err != nil {
				return Value{}, err
			}
			ok, err := ctxOf(self).ContainsHook(th, key)
			return MakeBool(ok), err
		},
		"__len__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Int(int64(len(ctxOf(self).vars))), nil
		},
		"__iter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Obj(ctxOf(self).IterHook()), nil
		},
		"keys": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return contextList(ctxOf(self), 'k'), nil
		},
		"values": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return contextList(ctxOf(self), 'v'), nil
		},
		"items": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return contextList(ctxOf(self), 'i'), nil
		},
	})

	ContextVarType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		var name, def Value
		if err := UnpackArgs("ContextVar", args, kw, "name", &name, "$default?", &def); err != nil {
			return Value{}, err
		}
		s, ok := name.obj.(*StrObj)
		if !ok {
			return Value{}, Errorf(TypeError, "context variable name must be a str")
		}
		// Interpreters on other goroutines make variables too.
		serial := atomic.AddUint64(&contextVarSerial, 1)
		return Obj(&ContextVar{name: s.S, def: def, serial: serial}), nil
	}
	cvOf := func(v Value) *ContextVar { c, _ := v.obj.(*ContextVar); return c }
	ContextVarType.Methods(map[string]BuiltinFn{
		"get": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var def Value
			if err := UnpackArgs("get", args, kw, "default?", &def); err != nil {
				return Value{}, err
			}
			return cvOf(self).get(th, def)
		},
		"set": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var x Value
			if err := UnpackArgs("set", args, kw, "value", &x); err != nil {
				return Value{}, err
			}
			v := cvOf(self)
			ctx := th.currentContext()
			old, ok := ctx.vars[v]
			if !ok {
				old = Obj(tokenMissing)
			}
			ctx.set(v, x)
			return Obj(&Token{ctx: ctx, v: v, old: old}), nil
		},
		"reset": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var tv Value
			if err := UnpackArgs("reset", args, kw, "token", &tv); err != nil {
				return Value{}, err
			}
			t, ok := tv.obj.(*Token)
			if !ok {
				s, err := Repr(th, tv)
				if err != nil {
					return Value{}, err
				}
				return Value{}, Errorf(TypeError, "expected an instance of Token, got %s", s)
			}
			return None, cvOf(self).reset(th, t)
		},
		"__class_getitem__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return self, nil
		},
	})
	getset(ContextVarType, "name", func(self Value) Value { return Str(cvOf(self).name) })
	tokOf := func(v Value) *Token { t, _ := v.obj.(*Token); return t }
	getset(TokenType, "var", func(self Value) Value { return Obj(tokOf(self).v) })
	getset(TokenType, "old_value", func(self Value) Value { return tokOf(self).old })
	TokenType.SetAttr("MISSING", Obj(tokenMissing))
	TokenType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		return Value{}, Errorf(RuntimeError, "Tokens can only be created by ContextVars")
	}
}

// contextList lists a context's keys ('k'), values ('v') or items ('i').
func contextList(c *Context, what byte) Value {
	vars := c.sortedVars()
	out := make([]Value, len(vars))
	for i, v := range vars {
		switch what {
		case 'k':
			out[i] = Obj(v)
		case 'v':
			out[i] = c.vars[v]
		default:
			out[i] = Obj(NewTuple([]Value{Obj(v), c.vars[v]}))
		}
	}
	return NewList(out)
}

// ContextVarNames returns the names the contextvars module defines.
func ContextVarNames() map[string]Value {
	return map[string]Value{
		"Context":    Obj(ContextType),
		"ContextVar": Obj(ContextVarType),
		"Token":      Obj(TokenType),
		"copy_context": NewBuiltin("copy_context", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if err := UnpackArgs("copy_context", args, kw); err != nil {
				return Value{}, err
			}
			return Obj(th.CopyContext()), nil
		}),
	}
}

// callbackContext is the context a loop callback or a task made now runs
// in: a copy of the current one, or nil (a fresh empty context, made
// when first needed) while the current one has no variables.
func (th *Thread) callbackContext() *Context {
	if th.ctx == nil || len(th.ctx.vars) == 0 {
		return nil
	}
	return th.ctx.Copy()
}

// swapContext makes c (nil: none yet) the current context and returns
// the one that was current.
func (th *Thread) swapContext(c *Context) *Context {
	prev := th.ctx
	if prev != nil {
		prev.entered = false
	}
	if c != nil {
		c.entered = true
	}
	th.ctx = c
	return prev
}

// SwapContext makes c (nil: a fresh one, made when first needed) the
// current context and returns the one that was current: a green thread
// (interp/green.go) runs each of its steps in its own context.
func (th *Thread) SwapContext(c *Context) *Context { return th.swapContext(c) }

// call calls the callback in its context.
func (s *scriptCallback) call(th *Thread) (Value, error) {
	outer := th.swapContext(s.ctx)
	r, err := th.Call(s.cb, s.args, nil)
	th.swapContext(outer)
	return r, err
}

// context returns the task's context (nil until it needs one).
func (t *Task) context() *Context {
	if t.extra == nil {
		return nil
	}
	return t.extra.ctx
}

// SetContext makes c the context the task runs in (Task(context=c)).
func (t *Task) SetContext(c *Context) { t.more().ctx = c }

// Footprint implements MemNode.
func (c *Context) Footprint() int64 {
	if c.shared {
		return int64(unsafe.Sizeof(*c))
	}
	return int64(unsafe.Sizeof(*c)) + int64(len(c.vars))*48
}

// Referents implements MemNode.
func (c *Context) Referents(w *MemWalker) {
	for k, v := range c.vars {
		w.Node(k)
		w.Value(v)
	}
}

// Footprint implements MemNode.
func (v *ContextVar) Footprint() int64 { return int64(unsafe.Sizeof(*v)) + int64(len(v.name)) }

// Referents implements MemNode.
func (v *ContextVar) Referents(w *MemWalker) { w.Value(v.def) }

// Footprint implements MemNode.
func (t *Token) Footprint() int64 { return int64(unsafe.Sizeof(*t)) }

// Referents implements MemNode.
func (t *Token) Referents(w *MemWalker) {
	w.Node(t.ctx)
	w.Node(t.v)
	w.Value(t.old)
}

// Footprint implements MemNode.
func (*tokenMissingMarker) Footprint() int64 { return 0 }

// Referents implements MemNode.
func (*tokenMissingMarker) Referents(*MemWalker) {}

// setTaskContext applies the context= argument of create_task or Task:
// None (or absent) keeps the copy the task was made with.
func setTaskContext(task Value, ctx Value) error {
	if !ctx.IsValid() || ctx.IsNone() {
		return nil
	}
	c, ok := ctx.obj.(*Context)
	if !ok {
		return Errorf(TypeError, "an instance of Context was expected, got %s", ctx.Type().Name)
	}
	if t, ok := task.obj.(*Task); ok {
		t.SetContext(c)
	}
	return nil
}

// withContext applies the context= keyword of call_soon, call_later and
// call_at to the handle they made.
func withContext(h *Handle, kw []Kwarg) (Value, error) {
	for _, k := range kw {
		if k.Name != "context" || k.Value.IsNone() {
			continue
		}
		c, ok := k.Value.obj.(*Context)
		if !ok {
			h.Cancel()
			return Value{}, Errorf(TypeError, "an instance of Context was expected, got %s", k.Value.Type().Name)
		}
		h.script.ctx = c
	}
	return Obj(h), nil
}

// Len is len(context).
func (c *Context) Len() int { return len(c.vars) }

// GetItemHook is context[var].
func (c *Context) GetItemHook(th *Thread, key Value) (Value, error) {
	v, err := contextKey(key)
	if err != nil {
		return Value{}, err
	}
	if x, ok := c.vars[v]; ok {
		return x, nil
	}
	return Value{}, NewException(KeyError, key)
}

// ContainsHook is `var in context`.
func (c *Context) ContainsHook(th *Thread, key Value) (bool, error) {
	v, err := contextKey(key)
	if err != nil {
		return false, err
	}
	_, ok := c.vars[v]
	return ok, nil
}

// IterHook iterates over the context's variables.
func (c *Context) IterHook() Iterator {
	it, _ := Iter(nil, contextList(c, 'k'))
	return it
}
