package runtime

// This file implements the class-creation protocol: type(name, bases,
// ns) and type.__new__ with __init_subclass__, __set_name__ and the
// implicit static/class methods; calling a class (type.__call__: __new__
// then __init__, or a metaclass's own __call__); object.__new__ and its
// argument rules.

import "reflect"

// sameNew reports whether two constructors are the same function.
func sameNew(a, b NewFunc) bool {
	return reflect.ValueOf(a).Pointer() == reflect.ValueOf(b).Pointer()
}

// implicitClassMethods are the names a class body binds to plain functions
// that type.__new__ makes class methods, as CPython does.
var implicitClassMethods = map[string]bool{"__init_subclass__": true, "__class_getitem__": true}

// isPlainFunction reports whether v is a function defined by def or lambda.
func isPlainFunction(v Value) bool {
	t := v.Type()
	return t.Name == "function" && t.Module == "builtins"
}

// biNewType is type(name, bases, dict) and type.__new__(mcs, name, bases,
// dict, **kw): it makes the class, then runs __set_name__ and the parent's
// __init_subclass__ with the keywords. (type(x) with one argument is
// handled by Type.Call.)
func biNewType(th *Thread, mcs *Type, args []Value, kw []Kwarg) (Value, error) {
	if len(args) != 3 {
		if mcs == TypeType && len(args) != 1 {
			return Value{}, Errorf(TypeError, "type() takes 1 or 3 arguments")
		}
		return Value{}, Errorf(TypeError, "type.__new__() takes exactly 3 arguments (%d given)", len(args))
	}
	name, ok := args[0].obj.(*StrObj)
	if !ok {
		return Value{}, Errorf(TypeError, "type.__new__() argument 1 must be str, not %s", args[0].Type().Name)
	}
	basesT, ok := args[1].obj.(*Tuple)
	if !ok {
		return Value{}, Errorf(TypeError, "type.__new__() argument 2 must be tuple, not %s", args[1].Type().Name)
	}
	ns, ok := As[*Dict](args[2]) // a dict subclass from __prepare__ too
	if !ok {
		return Value{}, Errorf(TypeError, "type.__new__() argument 3 must be dict, not %s", args[2].Type().Name)
	}
	bases := make([]*Type, len(basesT.Items))
	for i, b := range basesT.Items {
		t, ok := b.obj.(*Type)
		if !ok {
			// CPython derives the metaclass from each base's class first.
			return Value{}, metaConflict()
		}
		bases[i] = t
	}
	meta, err := CalculateMeta(mcs, basesT.Items)
	if err != nil {
		return Value{}, err
	}
	t, err := NewClass(name.S, bases)
	if err != nil {
		return Value{}, err
	}
	if meta != TypeType {
		t.Meta = meta
	}
	t.Module = "__main__"
	var keys []string
	ns.Items(func(k, v Value) bool {
		s, ok := k.obj.(*StrObj)
		if !ok {
			err = Errorf(TypeError, "type.__new__() namespace keys must be str")
			return false
		}
		switch s.S {
		case "__module__":
			if m, ok := v.obj.(*StrObj); ok {
				t.Module = m.S
			}
		case "__qualname__":
			if q, ok := v.obj.(*StrObj); ok {
				t.Qual = q.S
				return true
			}
			err = Errorf(TypeError, "type __qualname__ must be a str, not %s", v.Type().Name)
			return false
		case "__new__":
			if isPlainFunction(v) {
				v = Obj(&StaticMethod{Func: v})
			}
		default:
			if implicitClassMethods[s.S] && isPlainFunction(v) {
				v = Obj(&ClassMethod{Func: v})
			}
		}
		t.SetAttr(s.S, v)
		keys = append(keys, s.S)
		return true
	})
	if err != nil {
		return Value{}, err
	}
	// A class that defines __eq__ but not __hash__ is unhashable, and
	// every class has a __doc__.
	if _, eq := t.Attrs["__eq__"]; eq {
		if _, h := t.Attrs["__hash__"]; !h {
			t.SetAttr("__hash__", None)
		}
	}
	if _, ok := t.Attrs["__doc__"]; !ok {
		t.SetAttr("__doc__", None)
	}
	if err := setupSlots(th, t); err != nil {
		return Value{}, err
	}
	// __set_name__ on each attribute that has it, in definition order.
	for _, k := range keys {
		v := t.Attrs[k]
		if p, ok := v.obj.(*Property); ok && p.Name == "" {
			p.Name = k
			continue
		}
		if !v.Type().User {
			continue
		}
		if _, found, err := th.CallMethod(v, "__set_name__", Obj(t), Str(k)); found && err != nil {
			// Python 3.11 reports the failure as a RuntimeError caused by it.
			cause, ok := err.(*Exception)
			if !ok {
				return Value{}, err
			}
			re := Errorf(RuntimeError, "Error calling __set_name__ on '%s' instance '%s' in '%s'", v.Type().Name, k, t.Name)
			re.Cause, re.Context, re.SuppressContext = cause, cause, true
			return Value{}, re
		}
	}
	if err := initSubclass(th, t, kw); err != nil {
		return Value{}, err
	}
	return Obj(t), nil
}

// initSubclass calls __init_subclass__ of t's parent in the MRO with the
// class keywords; object's accepts none.
func initSubclass(th *Thread, t *Type, kw []Kwarg) error {
	for _, c := range t.mro[1:] {
		v, ok := c.Attrs["__init_subclass__"]
		if !ok {
			continue
		}
		if cm, ok := v.obj.(*ClassMethod); ok {
			_, err := th.Call(cm.Func, []Value{Obj(t)}, kw)
			return err
		}
		break
	}
	if len(kw) > 0 {
		return NoKeywords(t.Name+".__init_subclass__", kw)
	}
	return nil
}

// userNew returns the user-defined __new__ t inherits, if any.
func userNew(t *Type) (Value, bool) {
	if !t.User {
		return Value{}, false
	}
	v, ok := t.Lookup("__new__")
	if !ok {
		return Value{}, false
	}
	if sm, ok := v.obj.(*StaticMethod); ok {
		v = sm.Func
	}
	switch v.obj.(type) {
	case *MethodDescriptor, *Builtin:
		return Value{}, false
	}
	return v, true
}

// metaCall returns the __call__ a user metaclass of t defines, if any.
func metaCall(t *Type) (Value, bool) {
	m := t.Meta
	if m == nil || !m.User {
		return Value{}, false
	}
	for _, c := range m.mro {
		if c == TypeType {
			return Value{}, false
		}
		if v, ok := c.Attrs["__call__"]; ok {
			return v, true
		}
	}
	return Value{}, false
}

// objectNew is object.__new__(cls, *args, **kw), also reached as
// int.__new__, type.__new__ and so on (their MROs end in object): it
// makes an instance with cls's built-in constructor.
func objectNew(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if len(args) == 0 {
		return Value{}, Errorf(TypeError, "object.__new__(): not enough arguments")
	}
	cls, ok := args[0].obj.(*Type)
	if !ok {
		return Value{}, Errorf(TypeError, "object.__new__(X): X is not a type object (%s)", args[0].Type().Name)
	}
	if cls.New == nil {
		return Value{}, Errorf(TypeError, "cannot create '%s' instances", cls.QualName())
	}
	rest := args[1:]
	if sameNew(cls.New, ObjectType.New) && (len(rest) > 0 || len(kw) > 0) {
		if _, ok := userNew(cls); ok {
			return Value{}, Errorf(TypeError, "object.__new__() takes exactly one argument (the type to instantiate)")
		}
		if !hasUserInit(cls) {
			return Value{}, Errorf(TypeError, "%s() takes no arguments", cls.Name)
		}
		rest, kw = nil, nil
	}
	return cls.New(th, cls, rest, kw)
}

// objectInit is object.__init__, which takes no arguments unless the
// class overrides __new__ and not __init__.
func objectInit(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	// Built-in classes whose constructor takes the arguments (Future,
	// exceptions) have no __init__ of their own here: object's stands in.
	if t := self.Type(); (len(args) > 0 || len(kw) > 0) && solidBase(t) == ObjectType && !t.ExcBase {
		if hasUserInit(t) {
			return Value{}, Errorf(TypeError, "object.__init__() takes exactly one argument (the instance to initialize)")
		}
		if _, ok := userNew(t); !ok {
			return Value{}, Errorf(TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)", t.Name)
		}
	}
	return None, nil
}

// typeCallMethod is type.__call__(cls, *args, **kw): what calling a class
// does when its metaclass does not override __call__.
func typeCallMethod(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	t, ok := self.obj.(*Type)
	if !ok {
		return Value{}, Errorf(TypeError, "descriptor '__call__' requires a 'type' object but received a '%s'", self.Type().Name)
	}
	return t.construct(th, args, kw)
}

// typeMroMethod is type.mro(): the MRO as a list.
func typeMroMethod(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	t, ok := self.obj.(*Type)
	if !ok {
		return Value{}, Errorf(TypeError, "descriptor 'mro' for 'type' objects doesn't apply to a '%s' object", self.Type().Name)
	}
	if err := PositionalArgs("mro", args, nil, 0, 0); err != nil {
		return Value{}, err
	}
	return NewList(typesTuple(t.mro).Items), nil
}

// typeSubclassesMethod is type.__subclasses__: the live direct
// subclasses, in creation order (user classes only; see Type.subclasses).
func typeSubclassesMethod(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	t, ok := self.obj.(*Type)
	if !ok {
		return Value{}, Errorf(TypeError, "descriptor '__subclasses__' for 'type' objects doesn't apply to a '%s' object", self.Type().Name)
	}
	if err := PositionalArgs("__subclasses__", args, nil, 0, 0); err != nil {
		return Value{}, err
	}
	var out []Value
	live := t.subclasses[:0]
	for _, w := range t.subclasses {
		if c := w.Value(); c != nil {
			out = append(out, Obj(c))
			live = append(live, w)
		}
	}
	t.subclasses = live
	return NewList(out), nil
}

// typeInit is type.__init__, which checks only the argument count: the
// class was made by __new__.
func typeInit(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if len(args) != 1 && len(args) != 3 {
		return Value{}, Errorf(TypeError, "type.__init__() takes 1 or 3 arguments")
	}
	return None, nil
}

// typePrepare is type.__prepare__: a fresh dict for the class body.
func typePrepare(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	return Obj(NewDict()), nil
}

func init() {
	ObjectType.SetAttr("__new__", Obj(&StaticMethod{Func: (NewBuiltin("__new__", objectNew))}))
	ObjectType.Methods(map[string]BuiltinFn{"__init__": objectInit})
	ObjectType.SetAttr("__init_subclass__", Obj(&ClassMethod{Func: (NewBuiltin("__init_subclass__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if len(kw) > 0 {
			return Value{}, NoKeywords(args[0].obj.(*Type).Name+".__init_subclass__", kw)
		}
		return None, nil
	}))}))
	TypeType.Methods(map[string]BuiltinFn{
		"__call__":       typeCallMethod,
		"mro":            typeMroMethod,
		"__init__":       typeInit,
		"__subclasses__": typeSubclassesMethod,
	})
	TypeType.SetAttr("__prepare__", Obj(&ClassMethod{Func: (NewBuiltin("__prepare__", typePrepare))}))
}
