package interp

// This file defines the interpreter's callable objects: functions (made by
// def and lambda), cells for closures, and argument binding with CPython's
// error messages.

import (
	"github.com/aio-lang/aio/internal/compile"
	"strconv"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// functionType is the class of script functions.
var functionType = runtime.NewType("function", runtime.ObjectType)

// cellType is the class of closure cells.
var cellType = runtime.NewType("cell", runtime.ObjectType)

// cell holds a variable shared between a function and its inner functions.
type cell struct{ v runtime.Value }

// Type returns CellType.
func (*cell) Type() *runtime.Type { return cellType }

// function is a function defined in a script.
type function struct {
	code       *compile.Code
	mod        *moduleState
	globals    *runtime.Module // mod.globals, one load nearer for LOAD_GLOBAL
	consts     []runtime.Value
	defaults   []runtime.Value
	kwdefaults map[string]runtime.Value
	closure    []*cell
	name       string
	qualname   string
	dict       map[string]runtime.Value
	// globalCache memoizes LOAD_GLOBAL per name index while the module's
	// globals and the builtins are unchanged.
	globalCache []globalEntry
	// methodCache memoizes LOAD_METHOD's class lookup per name index.
	methodCache []methodEntry
	// nativeMethodCache memoizes LOAD_METHOD's lookup of a built-in
	// method (a MethodDescriptor of a built-in class) per name index.
	nativeMethodCache []nativeMethodEntry
	// moduleAttrCache memoizes LOAD_ATTR and LOAD_METHOD on a module
	// (asyncio.sleep, math.sqrt) per name index.
	moduleAttrCache []moduleAttrEntry
}

type nativeMethodEntry struct {
	cls *runtime.Type
	m   runtime.Value
}

// moduleAttrEntry is where a module attribute lives while the module's
// set of names (its Version) is unchanged.
type moduleAttrEntry struct {
	mod     *runtime.Module
	version uint64
	slot    *runtime.GlobalSlot
}

// moduleAttr returns m.names[i] through the function's cache, reporting
// false when the general attribute lookup must decide (the name is
// missing, or is also an attribute of the module type, which may take
// precedence).
func (fn *function) moduleAttr(m *runtime.Module, i int) (runtime.Value, bool) {
	c := fn.moduleAttrCache
	if c == nil {
		c = make([]moduleAttrEntry, len(fn.code.Names))
		fn.moduleAttrCache = c
	}
	e := &c[i]
	if e.mod != m || e.version != m.Version {
		name := fn.code.Names[i]
		if _, ok := m.Get(name); !ok {
			return runtime.Value{}, false
		}
		if _, onType := runtime.ModuleType.Lookup(name); onType {
			return runtime.Value{}, false
		}
		*e = moduleAttrEntry{mod: m, version: m.Version, slot: m.Slot(name)}
	}
	v := e.slot.V
	return v, v.IsValid()
}

type methodEntry struct {
	cls   *runtime.Type
	epoch uint64
	m     *function
}

// cachedMethod is LOAD_METHOD's inline cache: the plain script method
// names[i] of inst's user class, found for the same class and class epoch
// before, or nil (not a plain method, or shadowed by an instance
// attribute).
func (fn *function) cachedMethod(inst *runtime.Instance, i int) *function {
	mc := fn.methodCache
	if mc == nil {
		mc = make([]methodEntry, 2*len(fn.code.Names))
		fn.methodCache = mc
	}
	// Two ways per name: call sites often see two classes (a base and a
	// subclass) in turn.
	epoch := runtime.ClassEpoch()
	e := &mc[2*i]
	if e.cls != inst.Class || e.epoch != epoch {
		if e2 := &mc[2*i+1]; e2.cls == inst.Class && e2.epoch == epoch {
			e = e2
		} else {
			mc[2*i+1] = *e // keep the previous class in the second way
			*e = methodEntry{}
			if m, found := inst.Class.Lookup(fn.code.Names[i]); found && !runtime.HasGetattribute(inst.Class) {
				if mf, isFn := runtime.As[*function](m); isFn {
					*e = methodEntry{cls: inst.Class, epoch: epoch, m: mf}
				}
			}
		}
	}
	if e.m == nil {
		return nil
	}
	if _, shadowed := inst.Dict.Get(fn.code.Names[i]); shadowed || inst.Dict.Live() {
		return nil
	}
	return e.m
}

type globalEntry struct {
	version  uint64
	builtins uint64
	slot     *runtime.GlobalSlot // the module global, or nil for a builtin
	v        runtime.Value       // the builtin's value
}

// Type returns FunctionType.
func (*function) Type() *runtime.Type { return functionType }

// Name returns the function's name.
func (fn *function) Name() string { return fn.name }

// Get binds the function to an instance (the descriptor protocol).
func (fn *function) Get(th *runtime.Thread, obj runtime.Value, cls *runtime.Type) (runtime.Value, error) {
	if !obj.IsValid() {
		return runtime.Obj(fn), nil
	}
	return runtime.Obj(&runtime.BoundMethod{Self: obj, Func: runtime.Obj(fn)}), nil
}

// Attr returns function attributes: __name__, __qualname__, user ones.
func (fn *function) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "__name__":
		return runtime.Str(fn.name), true
	case "__qualname__":
		return runtime.Str(fn.qualname), true
	case "__module__":
		return runtime.Str(fn.mod.name), true
	case "__doc__":
		// A docstring set by a script (functools.wraps) wins.
		if v, ok := fn.dict[name]; ok {
			return v, true
		}
		if fn.code.HasDoc {
			return runtime.Str(fn.code.Doc), true
		}
		return runtime.None, true
	case "__annotations__":
		// A function without annotations gets an empty dict on first
		// read, as in CPython, so that a script's additions persist.
		if _, ok := fn.dict[name]; !ok {
			fn.SetAttrValue(name, runtime.Obj(runtime.NewDict()))
		}
	case "__defaults__":
		if fn.defaults == nil {
			return runtime.None, true
		}
		return runtime.TupleOf(fn.defaults...), true
	case "__code__", "__kwdefaults__", "__dict__":
		return fn.codeAttr(name)
	}
	v, ok := fn.dict[name]
	return v, ok
}

// SetAttrValue sets a function attribute.
func (fn *function) SetAttrValue(name string, v runtime.Value) bool {
	switch name {
	case "__name__":
		if s, ok := runtime.As[*runtime.StrObj](v); ok {
			fn.name = s.S
			return true
		}
		return false
	case "__qualname__":
		if s, ok := runtime.As[*runtime.StrObj](v); ok {
			fn.qualname = s.S
			return true
		}
		return false
	}
	if fn.dict == nil {
		fn.dict = map[string]runtime.Value{}
	}
	fn.dict[name] = v
	return true
}

// DelAttrValue deletes a function attribute.
func (fn *function) DelAttrValue(name string) bool {
	if _, ok := fn.dict[name]; !ok {
		return false
	}
	delete(fn.dict, name)
	return true
}

// Repr returns "<function NAME at 0x...>".
func (fn *function) Repr(th *runtime.Thread) (string, error) {
	return "<function " + fn.qualname + " at " + addrOf(fn) + ">", nil
}

// Call calls the function from Go (a built-in calling back into a script):
// it runs a nested VM loop. Calls made by scripts push a frame instead.
func (fn *function) Call(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	f, err := fn.newFrame(th, args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	if fn.code.Flags&(compile.FlagCoroutine|compile.FlagGenerator) != 0 {
		return fn.wrapFrame(f), nil
	}
	if err := th.Enter(); err != nil {
		return runtime.Value{}, err
	}
	defer th.Leave()
	vm := fn.mod.vm
	out, v, err := vm.run(th, f, f)
	vm.releaseFrame(f)
	switch out {
	case outReturn:
		return v, nil
	case outRaise:
		return runtime.Value{}, err
	}
	return runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "unexpected suspension of %s()", fn.qualname)
}

// wrapFrame makes the coroutine or generator object for a fresh frame.
func (fn *function) wrapFrame(f *frame) runtime.Value {
	if fn.code.Flags&compile.FlagCoroutine != 0 {
		if fn.code.Flags&compile.FlagGenerator != 0 {
			f.pinned = true
			return runtime.Obj(&asyncGenerator{frame: f, fn: fn})
		}
		co := f.makeCoroutine()
		if in := fn.mod.vm; in.th.DebugActive() {
			in.noteOrigin(co)
		}
		return runtime.Obj(co)
	}
	g := &generator{frame: f, fn: fn}
	f.gen = g
	f.pinned = true
	return runtime.Obj(g)
}

// newFrame allocates a frame for a call and binds the arguments.
func (fn *function) newFrame(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*frame, error) {
	code := fn.code
	f := newFrame(fn, code)
	if err := fn.bindArgs(f.slots[:len(code.Locals)], args, kw); err != nil {
		return nil, err
	}
	f.initCells()
	return f, nil
}

// bindArgs assigns call arguments to parameter slots, applying defaults;
// its TypeErrors are CPython's.
func (fn *function) bindArgs(locals []runtime.Value, args []runtime.Value, kw []runtime.Kwarg) error {
	code := fn.code
	nargs := code.ArgCount
	// Fast path: exactly the positional parameters.
	if len(kw) == 0 && len(args) == nargs && code.Flags&(compile.FlagVarargs|compile.FlagVarkw) == 0 && code.KwOnlyCount == 0 {
		for i := range args { // a plain loop: copy calls typedslicecopy
			locals[i] = args[i]
		}
		return nil
	}
	slot := nargs + code.KwOnlyCount
	var extra []runtime.Value
	if len(args) > nargs {
		if code.Flags&compile.FlagVarargs == 0 {
			return fn.tooManyPositional(len(args), kw)
		}
		extra = args[nargs:]
		args = args[:nargs]
	}
	copy(locals, args)
	if code.Flags&compile.FlagVarargs != 0 {
		locals[slot] = runtime.TupleOf(append([]runtime.Value(nil), extra...)...)
		slot++
	}
	var kwdict *runtime.Dict
	if code.Flags&compile.FlagVarkw != 0 {
		kwdict = runtime.NewDict()
		locals[slot] = runtime.Obj(kwdict)
	}
	for _, k := range kw {
		i := -1
		for j := code.PosOnlyCount; j < nargs+code.KwOnlyCount; j++ {
			if code.Locals[j] == k.Name {
				i = j
				break
			}
		}
		if i < 0 {
			if kwdict == nil {
				if names := fn.posOnlyByKeyword(kw); names != "" {
					return runtime.Errorf(runtime.TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'", fn.qualname, names)
				}
				return runtime.Errorf(runtime.TypeError, "%s() got an unexpected keyword argument '%s'", fn.qualname, k.Name)
			}
			kwdict.SetItem(nil, runtime.Str(k.Name), k.Value)
			continue
		}
		if locals[i].IsValid() {
			return runtime.Errorf(runtime.TypeError, "%s() got multiple values for argument '%s'", fn.qualname, k.Name)
		}
		locals[i] = k.Value
	}
	// Defaults for missing positional parameters.
	ndef := len(fn.defaults)
	var missing []string
	for i := len(args); i < nargs; i++ {
		if locals[i].IsValid() {
			continue
		}
		if d := i - (nargs - ndef); d >= 0 {
			locals[i] = fn.defaults[d]
		} else {
			missing = append(missing, code.Locals[i])
		}
	}
	if len(missing) > 0 {
		return runtime.Errorf(runtime.TypeError, "%s() missing %d required positional argument%s: %s", fn.qualname, len(missing), plural(len(missing)), runtime.QuotedNames(missing))
	}
	for i := nargs; i < nargs+code.KwOnlyCount; i++ {
		if locals[i].IsValid() {
			continue
		}
		if d, ok := fn.kwdefaults[code.Locals[i]]; ok {
			locals[i] = d
		} else {
			missing = append(missing, code.Locals[i])
		}
	}
	if len(missing) > 0 {
		return runtime.Errorf(runtime.TypeError, "%s() missing %d required keyword-only argument%s: %s", fn.qualname, len(missing), plural(len(missing)), runtime.QuotedNames(missing))
	}
	return nil
}

func (fn *function) tooManyPositional(given int, kw []runtime.Kwarg) error {
	code := fn.code
	nargs := code.ArgCount
	ndef := len(fn.defaults)
	takes := ""
	if ndef > 0 {
		takes = itoa(nargs-ndef) + " to " + itoa(nargs)
		takes = "from " + takes + " positional arguments"
	} else {
		takes = itoa(nargs) + " positional argument" + plural(nargs)
	}
	kwGiven := 0
	for _, k := range kw {
		for j := nargs; j < nargs+code.KwOnlyCount; j++ {
			if code.Locals[j] == k.Name {
				kwGiven++
			}
		}
	}
	was := "were"
	if given == 1 {
		was = "was"
	}
	if kwGiven > 0 {
		kwPart := itoa(kwGiven) + " keyword-only argument"
		if kwGiven > 1 {
			kwPart += "s"
		}
		return runtime.Errorf(runtime.TypeError, "%s() takes %s but %d positional argument%s (and %s) were given", fn.qualname, takes, given, plural(given), kwPart)
	}
	return runtime.Errorf(runtime.TypeError, "%s() takes %s but %d %s given", fn.qualname, takes, given, was)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func itoa(n int) string {
	return strconv.Itoa(n)
}

// posOnlyByKeyword returns the positional-only parameters that kw names,
// joined with ", " ("" for none), for the error CPython raises.
func (fn *function) posOnlyByKeyword(kw []runtime.Kwarg) string {
	var names []string
	for _, name := range fn.code.Locals[:fn.code.PosOnlyCount] {
		for _, k := range kw {
			if k.Name == name {
				names = append(names, name)
				break
			}
		}
	}
	return strings.Join(names, ", ")
}
