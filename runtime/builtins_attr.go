package runtime

// This file defines the built-in functions about attributes and classes:
// isinstance, issubclass, callable, getattr, setattr, hasattr, delattr
// and dir, and the constructors of property, staticmethod, classmethod
// and type(name, bases, dict).

import (
	"sort"
)

func builtinIsInstance(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("isinstance", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	// An object of exactly the class is an instance before any hook is
	// asked, as in CPython; this is also the common case.
	if t, ok := args[1].obj.(*Type); ok && args[0].Type() == t {
		return True, nil
	}
	if hasCheckHooks(args[1]) {
		r, err := checkHook(th, args[0], args[1], "__instancecheck__", "isinstance() arg 2 must be a type, a tuple of types, or a union")
		return MakeBool(r), err
	}
	r, err := biIsInstanceOf(th, InInstanceCheck, args[0].Type(), args[1], "isinstance() arg 2 must be a type, a tuple of types, or a union")
	return MakeBool(r), err
}

func builtinIsSubclass(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("issubclass", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	t, ok := args[0].obj.(*Type)
	if !ok {
		return Value{}, Errorf(TypeError, "issubclass() arg 1 must be a class")
	}
	if hasCheckHooks(args[1]) {
		r, err := checkHook(th, args[0], args[1], "__subclasscheck__", "issubclass() arg 2 must be a class, a tuple of classes, or a union")
		return MakeBool(r), err
	}
	r, err := biIsInstanceOf(th, InSubclassCheck, t, args[1], "issubclass() arg 2 must be a class, a tuple of classes, or a union")
	return MakeBool(r), err
}

// biIsInstanceOf reports whether t derives from cls, or from one of the
// classes of a (nested) tuple, checked in order as CPython does, so that a
// bad element after a match goes unnoticed. Each level of tuple counts in
// the recursion depth (where completes the RecursionError's message).
func biIsInstanceOf(th *Thread, where string, t *Type, cls Value, msg string) (bool, error) {
	switch c := cls.obj.(type) {
	case *Type:
		return t.IsSubtype(c), nil
	case *Tuple:
		if err := th.Nest(where); err != nil {
			return false, err
		}
		defer th.Unnest()
		for _, x := range c.Items {
			r, err := biIsInstanceOf(th, where, t, x, msg)
			if err != nil || r {
				return r, err
			}
		}
		return false, nil
	}
	return false, Errorf(TypeError, "%s", msg)
}

// IsInstanceOf reports whether v is an instance of cls (Python's isinstance).
func IsInstanceOf(v Value, cls *Type) bool { return v.Type().IsSubtype(cls) }

// IsCallable reports whether v can be called (Python's callable).
func IsCallable(v Value) bool {
	if v.Type().User {
		if _, ok := v.Type().Lookup("__call__"); ok {
			return true
		}
	}
	_, ok := v.obj.(Callable)
	return ok
}

func builtinCallable(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if _, err := OneArg("callable", args, kw); err != nil {
		return Value{}, err
	}
	return MakeBool(IsCallable(args[0])), nil
}

// biAttrName checks that an attribute name argument is a str.
func biAttrName(v Value) (string, error) {
	s, ok := As[*StrObj](v)
	if !ok {
		return "", Errorf(TypeError, "attribute name must be string, not '%s'", v.Type().Name)
	}
	return s.S, nil
}

// getattr(object, name[, default])
func builtinGetAttr(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("getattr", args, kw, 2, 3); err != nil {
		return Value{}, err
	}
	name, err := biAttrName(args[1])
	if err != nil {
		return Value{}, err
	}
	r, err := GetAttr(th, args[0], name)
	if err != nil && len(args) == 3 && IsInstance(err, AttributeError) {
		return args[2], nil
	}
	return r, err
}

func builtinSetAttr(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("setattr", args, kw, 3, 3); err != nil {
		return Value{}, err
	}
	name, err := biAttrName(args[1])
	if err != nil {
		return Value{}, err
	}
	if err := SetAttr(th, args[0], name, args[2]); err != nil {
		return Value{}, err
	}
	return None, nil
}

func builtinHasAttr(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("hasattr", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	name, err := biAttrName(args[1])
	if err != nil {
		return Value{}, err
	}
	r, err := HasAttr(th, args[0], name)
	return MakeBool(r), err
}

func builtinDelAttr(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("delattr", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	name, err := biAttrName(args[1])
	if err != nil {
		return Value{}, err
	}
	if err := DelAttr(th, args[0], name); err != nil {
		return Value{}, err
	}
	return None, nil
}

// vars([object]) is object.__dict__; without an argument it is the
// caller's locals, which only the interpreter knows (it is expected to
// wrap this built-in for that case).
func builtinVars(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("vars", args, kw, 0, 1); err != nil {
		return Value{}, err
	}
	if len(args) == 0 {
		return Value{}, Errorf(TypeError, "vars() without an argument is not supported here")
	}
	d, err := GetAttr(th, args[0], "__dict__")
	if err != nil {
		if IsInstance(err, AttributeError) {
			return Value{}, Errorf(TypeError, "vars() argument must have __dict__ attribute")
		}
		return Value{}, err
	}
	return d, nil
}

// ScopeNamer is implemented by a Thread's Host to give dir() without an
// argument the names of the running frame's scope.
type ScopeNamer interface {
	ScopeNames() []string
}

// dir([object])
func builtinDir(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("dir", args, kw, 0, 1); err != nil {
		return Value{}, err
	}
	var names []string
	if len(args) == 0 {
		if s, ok := th.Host.(ScopeNamer); ok {
			names = append(names, s.ScopeNames()...)
			sort.Strings(names)
		}
	} else {
		var err error
		if names, err = Dir(th, args[0]); err != nil {
			return Value{}, err
		}
	}
	items := make([]Value, len(names))
	for i, n := range names {
		items[i] = Str(n)
	}
	return NewList(items), nil
}

// dirObjectNames are the attributes every object has in CPython 3.11, so
// that dir() lists them although aio's object type defines few of them.
var dirObjectNames = []string{
	"__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__",
	"__ge__", "__getattribute__", "__getstate__", "__gt__", "__hash__",
	"__init__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__",
	"__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__",
	"__str__", "__subclasshook__",
}

// dirUserClassNames are added for classes made by a class statement.
var dirUserClassNames = []string{"__dict__", "__module__", "__weakref__"}

// dirExceptionNames are added for exception classes.
var dirExceptionNames = []string{
	"__cause__", "__context__", "__dict__", "__setstate__", "__suppress_context__",
	"__traceback__", "add_note", "args", "with_traceback",
}

// dirModuleNames are added for modules.
var dirModuleNames = []string{"__doc__", "__loader__", "__name__", "__package__", "__spec__"}

// Dir returns the sorted attribute names of v (Python's dir(v)): the
// result of a user __dir__, or the names of the instance, its class and
// the class's bases.
func Dir(th *Thread, v Value) ([]string, error) {
	if v.Type().User {
		if r, found, err := th.CallMethod(v, "__dir__"); found {
			if err != nil {
				return nil, err
			}
			items, err := Collect(th, r)
			if err != nil {
				return nil, err
			}
			if err := SortValues(th, items, None, false); err != nil {
				return nil, err
			}
			names := make([]string, len(items))
			for i, it := range items {
				s, ok := it.obj.(*StrObj)
				if !ok {
					return nil, Errorf(TypeError, "__dir__() must return strings, not %s", it.Type().Name)
				}
				names[i] = s.S
			}
			return names, nil
		}
	}
	seen := map[string]bool{}
	add := func(names ...string) {
		for _, n := range names {
			seen[n] = true
		}
	}
	addClass := func(t *Type) {
		for _, c := range t.MRO() {
			for n := range c.Attrs {
				seen[n] = true
			}
			if c.User {
				add(dirUserClassNames...)
			}
		}
		if t.ExcBase {
			add(dirExceptionNames...)
		}
		add(dirObjectNames...)
	}
	switch o := v.obj.(type) {
	case *Module:
		for _, n := range o.order {
			seen[n] = true
		}
		add(dirModuleNames...)
	case *Type:
		addClass(o)
	default:
		if h, ok := v.obj.(*Instance); ok {
			for _, n := range h.Dict.Keys() {
				seen[n] = true
			}
		}
		if e, ok := v.obj.(*Exception); ok {
			for n := range e.Dict {
				seen[n] = true
			}
		}
		addClass(v.Type())
		if v.Type().noDict {
			// Only the slots' member descriptors: no __dict__, no __weakref__.
			delete(seen, "__dict__")
			delete(seen, "__weakref__")
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names, nil
}

func init() {
	PropertyType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		p := &Property{Fget: None, Fset: None, Fdel: None}
		var doc Value
		if err := UnpackArgs("property", args, kw, "fget?", &p.Fget, "fset?", &p.Fset, "fdel?", &p.Fdel, "doc?", &doc); err != nil {
			return Value{}, err
		}
		if doc.IsValid() && !doc.IsNone() {
			p.Doc = doc
		}
		return Obj(p), nil
	}
	StaticMethodType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		if len(kw) > 0 {
			return Value{}, NoKeywords("staticmethod", kw)
		}
		if len(args) != 1 {
			return Value{}, Errorf(TypeError, "staticmethod expected 1 argument, got %d", len(args))
		}
		return Obj(&StaticMethod{Func: args[0]}), nil
	}
	ClassMethodType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		if len(kw) > 0 {
			return Value{}, NoKeywords("classmethod", kw)
		}
		if len(args) != 1 {
			return Value{}, Errorf(TypeError, "classmethod expected 1 argument, got %d", len(args))
		}
		return Obj(&ClassMethod{Func: args[0]}), nil
	}
	TypeType.New = biNewType
}
