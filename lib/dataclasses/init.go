// Package dataclasses is Python's dataclasses module: the decorator and
// its helpers are aio source (dataclasses.aio); the generated __init__,
// which runs once per instance and so is the hot path, is Go.
package dataclasses

// This file defines the generated __init__: a callable bound to a
// class's field list that checks the arguments as a Python function with
// the same signature would, fills in defaults and factories, sets the
// attributes and calls __post_init__.

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

//go:embed dataclasses.aio
var source []byte

func init() {
	runtime.RegisterStdModule("dataclasses", load)
	runtime.RegisterStdSource("dataclasses", source)
}

// load builds the Go part of the module: _make_init and _make_method, which the source
// calls for each class it decorates.
func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("dataclasses")
	m.Set("_make_init", runtime.NewBuiltin("_make_init", makeInit))
	m.Set("_make_method", runtime.NewBuiltin("_make_method", makeMethod))
	return m
}

// initType is the class of generated __init__ functions; they behave as
// functions (they bind to the instance they are read from).
var initType = runtime.NewType("function", runtime.ObjectType)

func init() { initType.Final = true }

// Attr gives the function's names.
func (f *initFunc) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "__qualname__":
		return runtime.Str(f.qual), true
	case "__name__":
		return runtime.Str("__init__"), true
	}
	return runtime.Value{}, false
}

// SetAttrValue refuses: the generated function has no attribute dictionary.
func (f *initFunc) SetAttrValue(name string, v runtime.Value) bool { return false }

// DelAttrValue refuses, as SetAttrValue.
func (f *initFunc) DelAttrValue(name string) bool { return false }

// initField is one field as the generated __init__ sees it.
type initField struct {
	name    string
	param   bool // a parameter of __init__ (init=True, or an InitVar)
	initVar bool // passed to __post_init__ instead of being set
	slot    int  // the parameter's index in initFunc.params
	def     runtime.Value
	factory runtime.Value
}

// initFunc is a generated __init__ for one dataclass.
type initFunc struct {
	qual     string // "Point.__init__", for error messages
	fields   []initField
	params   []int // indices into fields, positional parameters first
	npos     int   // how many of params are positional
	minPos   int   // positional parameters without a default
	postInit bool
	frozen   bool
	// names are the fields every call stores, in order, shared by the
	// attribute maps of fresh instances (nil when a call may skip one).
	names []string
	// For a frozen class: whether none of names is a data descriptor of
	// the class checked, as of class epoch checkedAt (init_fresh.go).
	checked    *runtime.Type
	checkedAt  uint64
	plainNames bool
}

// Type returns the function type of generated __init__s.
func (*initFunc) Type() *runtime.Type { return initType }

// Footprint is the size of the function and its field table.
func (f *initFunc) Footprint() int64 {
	return int64(96 + len(f.fields)*72 + len(f.params)*8 + len(f.qual))
}

// Referents are the defaults and factories.
func (f *initFunc) Referents(w *runtime.MemWalker) {
	for i := range f.fields {
		w.Value(f.fields[i].def)
		w.Value(f.fields[i].factory)
	}
}

// Call runs the unbound function: the first argument is the instance.
func (f *initFunc) Call(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s() missing 1 required positional argument: 'self'", f.qual)
	}
	return f.run(th, args[0], args[1:], kw)
}

// InitInstance runs the function on a new instance (runtime.DirectInit).
func (f *initFunc) InitInstance(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) error {
	_, err := f.run(th, self, args, kw)
	return err
}

// Get binds the function to the instance it is read from.
func (f *initFunc) Get(th *runtime.Thread, obj runtime.Value, cls *runtime.Type) (runtime.Value, error) {
	if !obj.IsValid() {
		return runtime.Obj(f), nil
	}
	return runtime.Obj(&runtime.Builtin{Name: "__init__", Fn: f.run, Self: obj}), nil
}

// makeInit is _make_init(qualname, fields, post_init, frozen): fields is
// a sequence of (name, param, kw_only, initvar, default, factory) tuples
// in declaration order, where a missing default or factory is None and
// has_default/has_factory flags say which are given.
func makeInit(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var qual string
	var spec runtime.Value
	var postInit, frozen bool
	if err := runtime.UnpackArgs("_make_init", args, kw, "qualname", &qual, "fields", &spec, "post_init", &postInit, "frozen", &frozen); err != nil {
		return runtime.Value{}, err
	}
	rows, ok := runtime.As[*runtime.Tuple](spec)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "_make_init() fields must be a tuple")
	}
	f := &initFunc{qual: qual + ".__init__", postInit: postInit, frozen: frozen}
	var kwOnly []int
	for _, r := range rows.Items {
		row, ok := runtime.As[*runtime.Tuple](r)
		if !ok || len(row.Items) != 8 {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "_make_init() wants 8-tuples")
		}
		name, ok := runtime.As[*runtime.StrObj](row.Items[0])
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "_make_init() field names must be str")
		}
		flag := func(i int) bool { b, _ := row.Items[i].BoolVal(); return b }
		fd := initField{name: name.S, param: flag(1), initVar: flag(3)}
		if flag(5) {
			fd.def = row.Items[4]
		}
		if flag(7) {
			fd.factory = row.Items[6]
		}
		f.fields = append(f.fields, fd)
		if !fd.param {
			continue
		}
		if flag(2) {
			kwOnly = append(kwOnly, len(f.fields)-1)
			continue
		}
		f.params = append(f.params, len(f.fields)-1)
		if !fd.def.IsValid() && !fd.factory.IsValid() {
			f.minPos = len(f.params)
		}
	}
	f.npos = len(f.params)
	f.params = append(f.params, kwOnly...)
	for p, fi := range f.params {
		f.fields[fi].slot = p
	}
	f.names = storedNames(f.fields)
	return runtime.Obj(f), nil
}

// run is the body of __init__ for the instance self.
func (f *initFunc) run(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var buf [12]runtime.Value
	var vals []runtime.Value
	if len(f.params) <= len(buf) {
		vals = buf[:len(f.params)]
	} else {
		vals = make([]runtime.Value, len(f.params))
	}
	if len(args) > f.npos {
		return runtime.Value{}, f.tooMany(len(args))
	}
	copy(vals, args)
	for _, k := range kw {
		i := f.paramIndex(k.Name)
		if i < 0 {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s() got an unexpected keyword argument '%s'", f.qual, k.Name)
		}
		if vals[i].IsValid() {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s() got multiple values for argument '%s'", f.qual, k.Name)
		}
		vals[i] = k.Value
	}
	if err := f.checkMissing(vals); err != nil {
		return runtime.Value{}, err
	}
	var initVars []runtime.Value
	inst, fresh := f.freshInstance(self)
	var stored []runtime.Value
	mode := storeDirect
	if fresh {
		stored = make([]runtime.Value, 0, len(f.names))
	} else {
		mode = f.storeMode(self)
	}
	for i := range f.fields {
		fd := &f.fields[i]
		var v runtime.Value
		if fd.param {
			v = vals[fd.slot]
		}
		if !v.IsValid() {
			switch {
			case fd.factory.IsValid():
				r, err := th.Call(fd.factory, nil, nil)
				if err != nil {
					return runtime.Value{}, err
				}
				v = r
			case fd.param && fd.def.IsValid():
				v = fd.def
			default:
				// init=False without a factory: the class attribute stands in.
				continue
			}
		}
		if fd.initVar {
			initVars = append(initVars, v)
			continue
		}
		if fresh {
			stored = append(stored, v)
			continue
		}
		if err := store(th, mode, self, fd.name, v); err != nil {
			return runtime.Value{}, err
		}
	}
	if fresh {
		f.fill(inst, stored)
	}
	if f.postInit {
		pi, err := runtime.GetAttr(th, self, "__post_init__")
		if err != nil {
			return runtime.Value{}, err
		}
		if _, err := th.Call(pi, initVars, nil); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.None, nil
}

// paramIndex is the slot of the parameter called name, or -1.
func (f *initFunc) paramIndex(name string) int {
	for p, fi := range f.params {
		if f.fields[fi].name == name {
			return p
		}
	}
	return -1
}

// How the generated __init__ stores attributes on the instance.
const (
	storeDirect = iota // straight into the instance dictionary
	storeObject        // through object.__setattr__ (frozen classes)
	storeAssign        // by ordinary assignment
)

// storeMode picks how attributes are stored on self: straight into the
// instance dictionary when the class has no descriptors or hooks, through
// object.__setattr__ for a frozen class (whose own __setattr__ refuses),
// and by ordinary assignment otherwise.
func (f *initFunc) storeMode(self runtime.Value) int {
	if inst, ok := self.Object().(*runtime.Instance); ok && !inst.Class.HasDataDescriptors() {
		inst.Dict.Reserve(len(f.fields))
		return storeDirect
	}
	if f.frozen {
		return storeObject
	}
	return storeAssign
}

// store sets self.name = v in the given mode.
func store(th *runtime.Thread, mode int, self runtime.Value, name string, v runtime.Value) error {
	switch mode {
	case storeDirect:
		if self.Object().(*runtime.Instance).SetAttrValue(name, v) {
			return nil
		}
	case storeObject:
		set, _ := runtime.ObjectType.Lookup("__setattr__")
		_, err := th.Call(set, []runtime.Value{self, runtime.Str(name), v}, nil)
		return err
	}
	return runtime.SetAttr(th, self, name, v)
}

// tooMany is the error for n positional arguments (self not counted).
func (f *initFunc) tooMany(n int) error {
	given := "were"
	if n+1 == 1 {
		given = "was"
	}
	switch {
	case f.minPos == f.npos && f.npos == 0:
		return runtime.Errorf(runtime.TypeError, "%s() takes 1 positional argument but %d %s given", f.qual, n+1, given)
	case f.minPos == f.npos:
		return runtime.Errorf(runtime.TypeError, "%s() takes %d positional arguments but %d %s given", f.qual, f.npos+1, n+1, given)
	}
	return runtime.Errorf(runtime.TypeError, "%s() takes from %d to %d positional arguments but %d %s given", f.qual, f.minPos+1, f.npos+1, n+1, given)
}

// checkMissing reports required parameters left without a value:
// positional ones first, as Python does.
func (f *initFunc) checkMissing(vals []runtime.Value) error {
	var pos, kwo []string
	for p, fi := range f.params {
		fd := &f.fields[fi]
		if vals[p].IsValid() || fd.def.IsValid() || fd.factory.IsValid() {
			continue
		}
		if p < f.npos {
			pos = append(pos, fd.name)
		} else {
			kwo = append(kwo, fd.name)
		}
	}
	if len(pos) > 0 {
		return runtime.Errorf(runtime.TypeError, "%s() %s", f.qual, missingText(pos, "positional"))
	}
	if len(kwo) > 0 {
		return runtime.Errorf(runtime.TypeError, "%s() %s", f.qual, missingText(kwo, "keyword-only"))
	}
	return nil
}

// missingText words the missing parameters as Python does:
// "missing 2 required positional arguments: 'x' and 'y'".
func missingText(names []string, kind string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + n + "'"
	}
	var list string
	switch len(quoted) {
	case 1:
		return "missing 1 required " + kind + " argument: " + quoted[0]
	case 2:
		list = quoted[0] + " and " + quoted[1]
	default:
		list = strings.Join(quoted[:len(quoted)-1], ", ") + ", and " + quoted[len(quoted)-1]
	}
	return "missing " + strconv.Itoa(len(names)) + " required " + kind + " arguments: " + list
}
