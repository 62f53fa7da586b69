package runtime

// This file defines built-in functions and methods, bound methods, and
// the helpers that give a type its method table.

// BuiltinFn is the one signature of every built-in function and method.
// self is the receiver for methods and the zero Value for functions. The
// args slice may be the interpreter's stack: a BuiltinFn must not keep it
// after returning (copy what it stores).
type BuiltinFn func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error)

// Builtin is a built-in function, or a built-in method not yet bound.
type Builtin struct {
	Name  string
	Fn    BuiltinFn
	Self  Value // bound receiver, if any
	Owner *Type // the type a method belongs to, for repr
	// Awaited, if set, replaces Fn when the caller awaits the result at
	// once (`await f(...)`), so that the result is seen by nothing but
	// that await: it may then be a shared object where Fn must make a
	// fresh one (see asyncio.sleep).
	Awaited BuiltinFn
	// Suspend, if set, is the built-in's suspending form for a green
	// thread (asyncio.to_thread, run_in_executor): instead of blocking
	// the loop's goroutine, it checks the arguments, starts the wait and
	// returns a future of the call's result; the thread sleeps until the
	// future is done while the loop runs other tasks. The interpreter
	// uses it only for calls made straight from the thread's own
	// bytecode; elsewhere Fn runs as usual.
	Suspend SuspendFn
}

// SuspendFn is the suspending form of a blocking built-in (see
// Builtin.Suspend).
type SuspendFn func(th *Thread, self Value, args []Value, kw []Kwarg) (*Future, error)

// Type returns BuiltinFunctionType.
func (*Builtin) Type() *Type { return BuiltinFunctionType }

// Call runs the built-in.
func (b *Builtin) Call(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	return b.Fn(th, b.Self, args, kw)
}

// NewBuiltin returns a built-in function value.
func NewBuiltin(name string, fn BuiltinFn) Value { return Obj(&Builtin{Name: name, Fn: fn}) }

// MethodDescriptor is a built-in method stored in a type's attributes; it
// binds to the instance on attribute access.
type MethodDescriptor struct {
	Name  string
	Fn    BuiltinFn
	Owner *Type
}

// Type returns BuiltinFunctionType.
func (*MethodDescriptor) Type() *Type { return BuiltinFunctionType }

// Call calls the unbound method: the first argument is the receiver.
func (m *MethodDescriptor) Call(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if len(args) == 0 {
		return Value{}, Errorf(TypeError, "unbound method %s.%s() needs an argument", m.Owner.Name, m.Name)
	}
	if !args[0].Type().IsSubtype(m.Owner) {
		return Value{}, Errorf(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m.Name, m.Owner.Name, args[0].Type().Name)
	}
	return m.Invoke(th, args[0], args[1:], kw)
}

// Methods installs built-in methods on t.
func (t *Type) Methods(m map[string]BuiltinFn) {
	for name, fn := range m {
		t.SetAttr(name, Obj(&MethodDescriptor{Name: name, Fn: fn, Owner: t}))
	}
}

// BoundMethod is a function bound to its receiver (`obj.method`).
type BoundMethod struct {
	Self Value
	Func Value
}

// Type returns MethodType.
func (*BoundMethod) Type() *Type { return MethodType }

// Call calls the function with Self prepended.
func (m *BoundMethod) Call(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	full := make([]Value, 0, len(args)+1)
	full = append(full, m.Self)
	full = append(full, args...)
	return th.Call(m.Func, full, kw)
}
