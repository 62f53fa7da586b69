package interp

// This file holds the parts of the run loop that are too long to inline:
// calls, attribute and method lookup, unpacking, raising, with blocks,
// class creation and imports.

import (
	"github.com/aio-lang/aio/internal/compile"
	"strconv"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

func addrOf(o runtime.Object) string {
	return "0x" + strconv.FormatUint(runtime.ID(runtime.Obj(o)), 16)
}

// getAttr is LOAD_ATTR: ordinary attribute access, plus super objects.
func getAttr(th *runtime.Thread, v runtime.Value, name string) (runtime.Value, error) {
	if s, ok := runtime.As[*runtime.Super](v); ok {
		return runtime.SuperGetAttr(th, s, name)
	}
	return runtime.GetAttr(th, v, name)
}

// loadMethod is LOAD_METHOD: for a plain method found on the class it
// pushes the function and the receiver, avoiding a bound-method object;
// otherwise the attribute and an empty marker.
func loadMethod(th *runtime.Thread, f *frame, arg int) error {
	name := f.code.Names[arg]
	obj := f.top()
	cls := obj.Type()
	_, isType := runtime.As[*runtime.Type](obj)
	_, isSuper := runtime.As[*runtime.Super](obj)
	if !isType && !isSuper && !runtime.HasGetattribute(cls) {
		// Built-in classes never change, so the method a call site found
		// on one stays valid (fut.add_done_callback, parts.append).
		if !cls.User {
			c := f.fn.nativeMethodCache
			if c == nil {
				c = make([]nativeMethodEntry, len(f.code.Names))
				f.fn.nativeMethodCache = c
			}
			if e := &c[arg]; e.cls == cls {
				f.slots[f.sp-1] = e.m
				f.push(obj)
				return nil
			}
		}
		if m, ok := cls.Lookup(name); ok {
			switch m.Object().(type) {
			case *function:
				if inst, ok := runtime.As[*runtime.Instance](obj); !ok || !hasAttr(inst, name) {
					f.slots[f.sp-1] = m
					f.push(obj)
					return nil
				}
			case *runtime.MethodDescriptor:
				if !cls.User {
					f.fn.nativeMethodCache[arg] = nativeMethodEntry{cls: cls, m: m}
				}
				f.slots[f.sp-1] = m
				f.push(obj)
				return nil
			}
		}
	}
	v, err := getAttr(th, obj, name)
	if err != nil {
		return err
	}
	f.slots[f.sp-1] = v
	f.push(runtime.Value{})
	return nil
}

func hasAttr(inst *runtime.Instance, name string) bool {
	_, ok := inst.Dict.Get(name)
	return ok || inst.Dict.Live()
}

// call executes a call instruction. For a plain script function it returns
// the new frame for the loop to enter; otherwise it calls and pushes the
// result itself.
func (in *Interp) call(th *runtime.Thread, f *frame, instr compile.Instr) (*frame, error) {
	in.caller = f
	arg := instr.Arg()
	var fnv runtime.Value
	var args []runtime.Value
	var kw []runtime.Kwarg
	base := 0 // stack index of the callable
	// argAt is the stack index of args[0] when the arguments lie on the
	// stack after a slot that is free once fnv is read (the callable or
	// LOAD_METHOD's empty marker), or -1: a bound method's receiver goes
	// there instead of into a new argument slice.
	argAt := -1
	switch instr.Op() {
	case compile.CALL, compile.CALL_AWAITED:
		base = f.sp - arg - 1
		fnv = f.slots[base]
		args = f.slots[base+1 : f.sp]
		argAt = base + 1
	case compile.CALL_METHOD, compile.CALL_METHOD_AWAITED:
		base = f.sp - arg - 2
		fnv = f.slots[base]
		if f.slots[base+1].IsValid() {
			// Method with receiver: self and the arguments are contiguous.
			if md, ok := runtime.As[*runtime.MethodDescriptor](fnv); ok {
				self := f.slots[base+1]
				if !self.Type().IsSubtype(md.Owner) {
					return nil, runtime.Errorf(runtime.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", md.Name, md.Owner.Name, self.Type().Name)
				}
				r, err := md.Invoke(th, self, f.slots[base+2:f.sp], nil)
				f.popN(f.sp - base)
				if err != nil {
					return nil, err
				}
				f.push(r)
				return nil, nil
			}
			args = f.slots[base+1 : f.sp]
		} else {
			args = f.slots[base+2 : f.sp]
			argAt = base + 2
		}
	case compile.CALL_KW:
		n := arg & compile.CallKWCountMask
		names := f.code.KwNames[arg>>compile.CallKWCountBits]
		base = f.sp - n - 1
		fnv = f.slots[base]
		npos := n - len(names)
		args = f.slots[base+1 : base+1+npos]
		argAt = base + 1
		kw = make([]runtime.Kwarg, len(names))
		for i, name := range names {
			kw[i] = runtime.Kwarg{Name: name, Value: f.slots[base+1+npos+i]}
		}
	case compile.CALL_EX:
		base = f.sp - 2 - arg
		fnv = f.slots[base]
		switch o := f.slots[base+1].Object().(type) {
		case *runtime.Tuple:
			args = o.Items
		case *runtime.List:
			args = o.Items
		default:
			items, err := runtime.Collect(th, f.slots[base+1])
			if err != nil {
				if runtime.IsInstance(err, runtime.TypeError) && !isIterable(th, f.slots[base+1]) {
					err = runtime.Errorf(runtime.TypeError, "%s argument after * must be an iterable, not %s", funcStr(fnv), f.slots[base+1].Type().Name)
				}
				f.popN(f.sp - base)
				return nil, err
			}
			args = items
		}
		if arg == 1 {
			d, _ := runtime.As[*runtime.Dict](f.slots[base+2])
			var err error
			d.Items(func(k, v runtime.Value) bool {
				s, ok := runtime.As[*runtime.StrObj](k)
				if !ok {
					err = runtime.Errorf(runtime.TypeError, "keywords must be strings")
					return false
				}
				kw = append(kw, runtime.Kwarg{Name: s.S, Value: v})
				return true
			})
			if err != nil {
				f.popN(f.sp - base)
				return nil, err
			}
		}
	}
	if fn, ok := runtime.As[*function](fnv); ok {
		nf, err := fn.newFrame(th, args, kw)
		f.popN(f.sp - base)
		if err != nil {
			return nil, err
		}
		if fn.code.Flags&(compile.FlagCoroutine|compile.FlagGenerator) != 0 {
			f.push(fn.callObject(nf, instr.Op(), f))
			return nil, nil
		}
		return nf, nil
	}
	if bm, ok := runtime.As[*runtime.BoundMethod](fnv); ok {
		if fn, ok := runtime.As[*function](bm.Func); ok {
			var full []runtime.Value
			if argAt > 0 {
				f.slots[argAt-1] = bm.Self
				full = f.slots[argAt-1 : argAt+len(args)]
			} else {
				full = make([]runtime.Value, len(args)+1)
				full[0] = bm.Self
				copy(full[1:], args)
			}
			nf, err := fn.newFrame(th, full, kw)
			f.popN(f.sp - base)
			if err != nil {
				return nil, err
			}
			if fn.code.Flags&(compile.FlagCoroutine|compile.FlagGenerator) != 0 {
				f.push(fn.callObject(nf, instr.Op(), f))
				return nil, nil
			}
			return nf, nil
		}
	}
	// Built-in functions get the arguments in place on the stack: a
	// BuiltinFn must not keep its args slice (those that store arguments
	// copy them), and the stack stays untouched until it returns.
	if b, ok := runtime.As[*runtime.Builtin](fnv); ok {
		if b.Suspend != nil && in.green.cur != nil {
			// A blocking built-in called by a green thread (green.go).
			fut, err := in.suspendCall(th, f, b, args, kw)
			if err != nil || fut != nil {
				f.popN(f.sp - base)
				if err == nil {
					err = errGreenSwitch
				}
				return nil, err
			}
		}
		call := b.Fn
		if op := instr.Op(); b.Awaited != nil && (op == compile.CALL_AWAITED || op == compile.CALL_METHOD_AWAITED) {
			// `await f(...)`, marked by the compiler: the result goes
			// straight to the await.
			call = b.Awaited
		}
		// A built-in called by a script counts a level, as CPython
		// counts the C functions its bytecode calls.
		if err := th.Nest(runtime.InCall); err != nil {
			f.popN(f.sp - base)
			return nil, err
		}
		fresh := in.freshArgument(f, args)
		if fresh != nil && !consumerBuiltins[b] {
			fresh = nil // the built-in may keep it
		}
		r, err := call(th, b.Self, args, kw)
		th.Leave()
		in.recycleConsumed(fresh)
		f.popN(f.sp - base)
		if err != nil {
			return nil, err
		}
		f.push(r)
		return nil, nil
	}
	// The conversions str(x), int(x), float(x) and bool(x), and the
	// container constructors list(x), tuple(x), set(x) and frozenset(x),
	// never keep their argument slice: they are called with it in place.
	if t, ok := runtime.As[*runtime.Type](fnv); ok && len(kw) == 0 && (t == runtime.StrType || t == runtime.IntType || t == runtime.FloatType || t == runtime.BoolType || collectsArgument(t)) {
		if t == runtime.StrType && len(args) == 1 && args[0].IsSmallInt() {
			r := runtime.StrFromInt(args[0].SmallInt())
			f.popN(f.sp - base)
			f.push(r)
			return nil, nil
		}
		fresh := in.freshArgument(f, args)
		if fresh != nil && !collectsArgument(t) {
			fresh = nil
		}
		r, err := t.Call(th, args, nil)
		in.recycleConsumed(fresh)
		f.popN(f.sp - base)
		if err != nil {
			return nil, err
		}
		f.push(r)
		return nil, nil
	}
	if fb, ok := runtime.As[*frameBuiltin](fnv); ok {
		r, err := fb.fn(th, f, args, kw)
		f.popN(f.sp - base)
		if err != nil {
			return nil, err
		}
		f.push(r)
		return nil, nil
	}
	if t, ok := runtime.AsExact[*runtime.Type](fnv); ok && len(kw) == 0 {
		if r, done, err := t.ConstructInPlace(th, args); done {
			f.popN(f.sp - base)
			if err != nil {
				return nil, err
			}
			f.push(r)
			return nil, nil
		}
	}
	// Classes and other callables: call through Go with a copy, since the
	// callee may keep them.
	argsCopy := append([]runtime.Value(nil), args...)
	f.popN(f.sp - base)
	r, err := th.Call(fnv, argsCopy, kw)
	if err != nil {
		return nil, err
	}
	f.push(r)
	return nil, nil
}

func (in *Interp) makeFunction(f *frame, arg int) {
	flags := arg & compile.MakeFunctionFlagMask
	code := f.code.Consts[arg>>compile.MakeFunctionFlagBits].Code
	if in.reuseGenexpFunction(f, code, flags) {
		return
	}
	fn := &function{code: code, mod: f.fn.mod, globals: f.fn.globals, name: code.Name, qualname: code.QualName}
	fn.consts = fn.mod.constsFor(code)
	if flags&4 != 0 {
		t, _ := runtime.As[*runtime.Tuple](f.pop())
		fn.closure = make([]*cell, len(t.Items))
		for i, c := range t.Items {
			fn.closure[i], _ = runtime.As[*cell](c)
		}
	}
	if flags&8 != 0 {
		fn.dict = map[string]runtime.Value{"__annotations__": f.pop()}
	}
	if flags&2 != 0 {
		d, _ := runtime.As[*runtime.Dict](f.pop())
		fn.kwdefaults = map[string]runtime.Value{}
		d.Items(func(k, v runtime.Value) bool {
			s, _ := runtime.As[*runtime.StrObj](k)
			fn.kwdefaults[s.S] = v
			return true
		})
	}
	if flags&1 != 0 {
		t, _ := runtime.As[*runtime.Tuple](f.pop())
		fn.defaults = t.Items
	}
	f.push(runtime.Obj(fn))
}

func isIterable(th *runtime.Thread, v runtime.Value) bool {
	_, err := runtime.Iter(th, v)
	return err == nil
}

func dictMerge(th *runtime.Thread, d *runtime.Dict, m runtime.Value, noDup bool, f *frame) error {
	src, ok := runtime.As[*runtime.Dict](m)
	if !ok {
		// A mapping with keys() and __getitem__.
		if !m.Type().User {
			if noDup {
				return runtime.Errorf(runtime.TypeError, "%s argument after ** must be a mapping, not %s", calleeName(f), m.Type().Name)
			}
			return runtime.Errorf(runtime.TypeError, "'%s' object is not a mapping", m.Type().Name)
		}
		keysFn, err := runtime.GetAttr(th, m, "keys")
		if err != nil {
			return err
		}
		keys, err := th.Call(keysFn, nil, nil)
		if err != nil {
			return err
		}
		items, err := runtime.Collect(th, keys)
		if err != nil {
			return err
		}
		src = runtime.NewDict()
		for _, k := range items {
			v, err := runtime.GetItem(th, m, k)
			if err != nil {
				return err
			}
			src.SetItem(th, k, v)
		}
	}
	var err error
	src.Items(func(k, v runtime.Value) bool {
		if noDup {
			if _, dup, _ := d.Get(th, k); dup {
				s, _ := runtime.Repr(th, k)
				s = strings.Trim(s, "'")
				err = runtime.Errorf(runtime.TypeError, "%s got multiple values for keyword argument '%s'", calleeName(f), s)
				return false
			}
		}
		err = d.SetItem(th, k, v)
		return err == nil
	})
	return err
}

// calleeName finds the function being called below a DICT_MERGE, for
// CPython's "f() got multiple values" message.
func calleeName(f *frame) string {
	for i := f.sp - 1; i >= len(f.code.Locals); i-- {
		switch f.slots[i].Object().(type) {
		case *function, *runtime.Builtin, *runtime.BoundMethod, *runtime.Type:
			return funcStr(f.slots[i])
		}
	}
	return "function"
}

// funcStr names a callable as CPython's _PyObject_FunctionStr does:
// "module.qualname()" for script functions, "name()" for built-ins.
func funcStr(v runtime.Value) string {
	switch o := v.Object().(type) {
	case *function:
		return o.mod.name + "." + o.qualname + "()"
	case *runtime.Builtin:
		return o.Name + "()"
	case *runtime.BoundMethod:
		return funcStr(o.Func)
	case *runtime.Type:
		return o.Name + "()"
	}
	return v.Type().Name + " object"
}

func unpackSequence(th *runtime.Thread, f *frame, n int) error {
	v := f.pop()
	var items []runtime.Value
	switch o := v.Object().(type) {
	case *runtime.Tuple:
		items = o.Items
	case *runtime.List:
		items = o.Items
	default:
		it, err := runtime.Iter(th, v)
		if err != nil {
			if runtime.IsInstance(err, runtime.TypeError) {
				return runtime.Errorf(runtime.TypeError, "cannot unpack non-iterable %s object", v.Type().Name)
			}
			return err
		}
		for len(items) <= n {
			x, ok, err := it.Next(th)
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			items = append(items, x)
		}
	}
	if len(items) < n {
		return runtime.Errorf(runtime.ValueError, "not enough values to unpack (expected %d, got %d)", n, len(items))
	}
	if len(items) > n {
		return runtime.Errorf(runtime.ValueError, "too many values to unpack (expected %d)", n)
	}
	for i := n - 1; i >= 0; i-- {
		f.push(items[i])
	}
	return nil
}

func unpackEx(th *runtime.Thread, f *frame, before, after int) error {
	v := f.pop()
	items, err := unpackItems(th, v)
	if err != nil {
		if runtime.IsInstance(err, runtime.TypeError) && !isIterable(th, v) {
			return runtime.Errorf(runtime.TypeError, "cannot unpack non-iterable %s object", v.Type().Name)
		}
		return err
	}
	if len(items) < before+after {
		return runtime.Errorf(runtime.ValueError, "not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
	}
	for i := len(items) - 1; i >= len(items)-after; i-- {
		f.push(items[i])
	}
	mid := append([]runtime.Value(nil), items[before:len(items)-after]...)
	f.push(runtime.NewList(mid))
	for i := before - 1; i >= 0; i-- {
		f.push(items[i])
	}
	return nil
}

func checkAwaitable(v runtime.Value) error {
	switch v.Object().(type) {
	case *coroutine:
		return nil
	case runtime.Awaitable:
		return nil
	}
	return runtime.Errorf(runtime.TypeError, "object %s can't be used in 'await' expression", v.Type().Name)
}

func formatValue(th *runtime.Thread, f *frame, arg int) error {
	var spec string
	if arg&0x100 != 0 {
		s, _ := runtime.As[*runtime.StrObj](f.pop())
		spec = s.S
	}
	v := f.pop()
	var err error
	switch rune(arg & 0xff) {
	case 'r':
		var s string
		s, err = runtime.Repr(th, v)
		v = runtime.Str(s)
	case 's':
		var s string
		s, err = runtime.ToStr(th, v)
		v = runtime.Str(s)
	case 'a':
		var s string
		s, err = runtime.ASCII(th, v)
		v = runtime.Str(s)
	}
	if err != nil {
		return err
	}
	if s, ok := runtime.As[*runtime.StrObj](v); ok && spec == "" && v.Type() == runtime.StrType {
		f.push(runtime.Str(s.S))
		return nil
	}
	out, err := runtime.Format(th, v, spec)
	if err != nil {
		return err
	}
	f.push(runtime.Str(out))
	return nil
}

// asError converts an exception value back to a Go error.
func asError(v runtime.Value) error {
	if e, ok := runtime.As[*runtime.Exception](v); ok {
		return e
	}
	return runtime.Errorf(runtime.SystemError, "RERAISE of a non-exception %s", v.Type().Name)
}

// makeException turns the operand of raise into an exception instance.
func makeException(th *runtime.Thread, v runtime.Value, what string) (*runtime.Exception, error) {
	if e, ok := runtime.As[*runtime.Exception](v); ok {
		return e, nil
	}
	if t, ok := runtime.As[*runtime.Type](v); ok && t.ExcBase {
		r, err := th.Call(v, nil, nil)
		if err != nil {
			return nil, err
		}
		if e, ok := runtime.As[*runtime.Exception](r); ok {
			return e, nil
		}
		return nil, runtime.Errorf(runtime.TypeError, "calling %s should have returned an instance of BaseException, not %s", t.Name, r.Type().Name)
	}
	return nil, runtime.Errorf(runtime.TypeError, "%s", what)
}

// doRaise executes RAISE_VARARGS; the second result is true for a bare
// re-raise, which keeps the exception's context as it is.
func doRaise(th *runtime.Thread, f *frame, n int) (error, bool) {
	switch n {
	case 0:
		exc := f.currentException()
		if exc == nil {
			return runtime.Errorf(runtime.RuntimeError, "No active exception to reraise"), false
		}
		return exc, true
	case 1:
		exc, err := makeException(th, f.pop(), "exceptions must derive from BaseException")
		if err != nil {
			return err, false
		}
		return exc, false
	}
	causeV := f.pop()
	exc, err := makeException(th, f.pop(), "exceptions must derive from BaseException")
	if err != nil {
		return err, false
	}
	if causeV.IsNone() {
		exc.Cause = nil
	} else {
		cause, err := makeException(th, causeV, "exception causes must derive from BaseException")
		if err != nil {
			return err, false
		}
		exc.Cause = cause
	}
	exc.SuppressContext = true
	return exc, false
}

func excMatches(exc, typ runtime.Value) (bool, error) {
	e, _ := runtime.As[*runtime.Exception](exc)
	check := func(t runtime.Value) (bool, error) {
		cls, ok := runtime.As[*runtime.Type](t)
		if !ok || !cls.ExcBase {
			return false, runtime.Errorf(runtime.TypeError, "catching classes that do not inherit from BaseException is not allowed")
		}
		return e.Class.IsSubtype(cls), nil
	}
	if tup, ok := runtime.As[*runtime.Tuple](typ); ok {
		for _, t := range tup.Items {
			m, err := check(t)
			if err != nil || m {
				return m, err
			}
		}
		return false, nil
	}
	return check(typ)
}

// beforeWith is BEFORE_WITH and BEFORE_ASYNC_WITH: it pushes the bound
// exit method and the result of calling enter.
func beforeWith(th *runtime.Thread, f *frame, async bool) error {
	mgr := f.pop()
	enterName, exitName := "__enter__", "__exit__"
	msg := "'%s' object does not support the context manager protocol"
	if async {
		enterName, exitName = "__aenter__", "__aexit__"
		msg = "'%s' object does not support the asynchronous context manager protocol"
	}
	cls := mgr.Type()
	enter, ok := cls.Lookup(enterName)
	if !ok {
		return runtime.Errorf(runtime.TypeError, msg, cls.Name)
	}
	exit, ok := cls.Lookup(exitName)
	if !ok {
		return runtime.Errorf(runtime.TypeError, msg, cls.Name)
	}
	boundExit, err := bind(th, exit, mgr)
	if err != nil {
		return err
	}
	boundEnter, err := bind(th, enter, mgr)
	if err != nil {
		return err
	}
	r, err := th.Call(boundEnter, nil, nil)
	if err != nil {
		return err
	}
	f.push(boundExit)
	f.push(r)
	return nil
}

func bind(th *runtime.Thread, attr, obj runtime.Value) (runtime.Value, error) {
	if d, ok := runtime.As[runtime.Descriptor](attr); ok {
		return d.Get(th, obj, obj.Type())
	}
	return attr, nil
}

// buildClass runs a class body and creates the class as __build_class__
// does: it picks the metaclass (the metaclass= keyword or the bases'),
// asks its __prepare__ for the namespace, runs the body in it and calls
// the metaclass with the name, bases, namespace and remaining keywords.
func (in *Interp) buildClass(th *runtime.Thread, f *frame, arg int) error {
	n := arg & 0xfff
	var kwnames []string
	var kwvals []runtime.Value
	var bases []runtime.Value
	if k := arg >> 12; k == compile.ClassExForm {
		// The bases as a tuple and the keywords as a dict.
		t, _ := runtime.As[*runtime.Tuple](f.slots[f.sp-2])
		bases = append([]runtime.Value(nil), t.Items...)
		d, _ := runtime.As[*runtime.Dict](f.slots[f.sp-1])
		d.Items(func(k, v runtime.Value) bool {
			s, _ := runtime.As[*runtime.StrObj](k)
			kwnames = append(kwnames, s.S)
			kwvals = append(kwvals, v)
			return true
		})
	} else {
		if k > 0 {
			kwnames = f.code.KwNames[k-1]
		}
		vals := append([]runtime.Value(nil), f.slots[f.sp-n:f.sp]...)
		bases = vals[:n-len(kwnames)]
		kwvals = vals[n-len(kwnames):]
	}
	f.popN(n)
	written := bases
	bases, resolved, err := runtime.ResolveBases(th, bases)
	if err != nil {
		return err
	}
	nameV := f.pop()
	bodyV := f.pop()
	body, _ := runtime.As[*function](bodyV)
	var kw []runtime.Kwarg
	var meta runtime.Value
	for i, name := range kwnames {
		v := kwvals[i]
		if name == "metaclass" {
			meta = v
			continue
		}
		kw = append(kw, runtime.Kwarg{Name: name, Value: v})
	}
	if !meta.IsValid() {
		meta = runtime.Obj(runtime.TypeType)
		if len(bases) > 0 {
			meta = runtime.Obj(bases[0].Type())
		}
	}
	if mt, ok := runtime.As[*runtime.Type](meta); ok {
		winner, err := runtime.CalculateMeta(mt, bases)
		if err != nil {
			return err
		}
		meta = runtime.Obj(winner)
	}
	basesTuple := runtime.Obj(runtime.NewTuple(bases))
	ns, mapping, err := prepareNamespace(th, meta, nameV, basesTuple, kw)
	if err != nil {
		return err
	}
	bf := newFrame(body)
	bf.ns = ns
	bf.pinned = true
	if mapping.IsValid() {
		in.enterPrepared(bf, mapping)
		defer in.leavePrepared(bf)
	}
	bf.initCells()
	if err := th.Enter(); err != nil {
		return err
	}
	out, r, err := in.run(th, bf, bf)
	th.Leave()
	if out != outReturn {
		if err == nil {
			err = runtime.Errorf(runtime.SyntaxErrorType, "class body cannot suspend")
		}
		return err
	}
	if resolved {
		if err := ns.SetItem(th, runtime.Str("__orig_bases__"), runtime.Obj(runtime.NewTuple(written))); err != nil {
			return err
		}
	}
	nsV := runtime.Obj(ns)
	if mapping.IsValid() {
		// A __prepare__ mapping that is not a dict received the body's
		// names one assignment at a time.
		nsV = mapping
	}
	cls, err := th.Call(meta, []runtime.Value{nameV, basesTuple, nsV}, kw)
	if err != nil {
		return err
	}
	if cell, ok := runtime.As[*cell](r); ok {
		cell.v = cls
	}
	f.push(cls)
	return nil
}

// prepareNamespace calls the metaclass's __prepare__, if it has one, for
// the namespace of the class body. A dict is used as it is; another
// mapping is returned too, to be filled after the body runs.
func prepareNamespace(th *runtime.Thread, meta, name, bases runtime.Value, kw []runtime.Kwarg) (*runtime.Dict, runtime.Value, error) {
	prep, err := runtime.GetAttr(th, meta, "__prepare__")
	if err != nil {
		if runtime.IsInstance(err, runtime.AttributeError) {
			return runtime.NewDict(), runtime.Value{}, nil
		}
		return nil, runtime.Value{}, err
	}
	ns, err := th.Call(prep, []runtime.Value{name, bases}, kw)
	if err != nil {
		return nil, runtime.Value{}, err
	}
	// A dict is used directly; a subclass of dict goes through its own
	// __setitem__ and __getitem__, as any other mapping.
	if d, ok := runtime.As[*runtime.Dict](ns); ok && ns.Type() == runtime.DictType {
		return d, runtime.Value{}, nil
	}
	if _, ok := ns.Type().Lookup("__getitem__"); !ok {
		metaName := "<metaclass>"
		if t, ok := runtime.As[*runtime.Type](meta); ok {
			metaName = t.Name
		}
		return nil, runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s.__prepare__() must return a mapping, not %s", metaName, ns.Type().Name)
	}
	return runtime.NewDict(), ns, nil
}

func (in *Interp) printExpr(th *runtime.Thread, v runtime.Value) error {
	if v.IsNone() {
		return nil
	}
	s, err := runtime.Repr(th, v)
	if err != nil {
		return err
	}
	in.builtins["_"] = v
	in.builtinsVersion++
	_, err = th.Stdout.Write([]byte(s + "\n"))
	return err
}
