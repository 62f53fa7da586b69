package runtime

// This file holds the pieces of attribute access that involve user code:
// descriptors defined by classes (__get__, __set__, __delete__), the
// __getattribute__/__setattr__/__delattr__ hooks, and object's own
// versions of those hooks, callable as object.__setattr__(self, ...).

// userHook returns an attribute hook (__getattribute__, __setattr__,
// __delattr__) that a user class defines, skipping object's built-in one.
func userHook(cls *Type, name string) (Value, bool) {
	// A class without data descriptors has no hook either, which spares
	// the lookup on most accesses; asking HasDataDescriptors (rather than
	// PlainInstances) also refreshes the flag the VM's fast paths read
	// after a class has changed.
	if !cls.User || !cls.HasDataDescriptors() {
		return Value{}, false
	}
	v, ok := cls.Lookup(name)
	if !ok {
		return Value{}, false
	}
	if _, builtin := v.obj.(*MethodDescriptor); builtin {
		return Value{}, false
	}
	return v, true
}

// callHook binds a class attribute to obj and calls it.
func callHook(th *Thread, hook, obj Value, args ...Value) (Value, error) {
	fn, err := bindAttr(th, hook, obj)
	if err != nil {
		return Value{}, err
	}
	return th.Call(fn, args, nil)
}

// isUserDataDescr reports whether attr is an instance of a user class
// that defines __set__ or __delete__, and so takes precedence over the
// instance dictionary.
func isUserDataDescr(attr Value) bool {
	t := attr.Type()
	if !t.User {
		return false
	}
	if _, ok := t.Lookup("__set__"); ok {
		return true
	}
	_, ok := t.Lookup("__delete__")
	return ok
}

// userDescrGet calls attr.__get__(obj, cls) when attr's class is a user
// class defining __get__; ok is false otherwise. obj is None for access
// through the class.
func userDescrGet(th *Thread, attr, obj Value, cls *Type) (Value, bool, error) {
	t := attr.Type()
	if !t.User {
		return Value{}, false, nil
	}
	g, ok := t.Lookup("__get__")
	if !ok {
		return Value{}, false, nil
	}
	if !obj.IsValid() {
		obj = None
	}
	r, err := callHook(th, g, attr, obj, Obj(cls))
	return r, true, err
}

func objectGetAttributeMethod(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("__getattribute__", args, nil, 1, 1); err != nil {
		return Value{}, err
	}
	name, err := biAttrName(args[0])
	if err != nil {
		return Value{}, err
	}
	if t, ok := self.obj.(*Type); ok {
		return typeGetAttr(th, t, name)
	}
	return objectGetAttribute(th, self, name)
}

func objectSetAttrMethod(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("__setattr__", args, nil, 2, 2); err != nil {
		return Value{}, err
	}
	name, err := biAttrName(args[0])
	if err != nil {
		return Value{}, err
	}
	return None, objectSetAttr(th, self, name, args[1])
}

func objectDelAttrMethod(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("__delattr__", args, nil, 1, 1); err != nil {
		return Value{}, err
	}
	name, err := biAttrName(args[0])
	if err != nil {
		return Value{}, err
	}
	return None, objectDelAttr(th, self, name)
}

func init() {
	ObjectType.Methods(map[string]BuiltinFn{
		"__getattribute__": objectGetAttributeMethod,
		"__setattr__":      objectSetAttrMethod,
		"__delattr__":      objectDelAttrMethod,
		"__hash__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := PositionalArgs("__hash__", args, nil, 0, 0); err != nil {
				return Value{}, err
			}
			return Int(IdentityHash(self)), nil
		},
	})
}

// setClass is obj.__class__ = cls, allowed between user classes whose
// instances have the same layout.
func setClass(obj, cls Value) error {
	t, ok := cls.obj.(*Type)
	if !ok {
		return Errorf(TypeError, "__class__ must be set to a class, not '%s' object", cls.Type().Name)
	}
	inst, ok := obj.obj.(*Instance)
	if !ok || !inst.Class.User || !t.User {
		return Errorf(TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses")
	}
	if solidBase(t) != solidBase(inst.Class) || t.noDict != inst.Class.noDict {
		return Errorf(TypeError, "__class__ assignment: '%s' object layout differs from '%s'", t.Name, inst.Class.Name)
	}
	inst.Class = t
	return nil
}

// typeSetAttr is type.__setattr__: a data descriptor of the metaclass
// intercepts the assignment; otherwise the class attribute is set, on
// user classes only.
func typeSetAttr(th *Thread, t *Type, name string, x Value) error {
	if meta := t.Type(); meta.User {
		if attr, ok := meta.Lookup(name); ok {
			if d, ok := attr.obj.(DataDescriptor); ok {
				return d.Set(th, Obj(t), x)
			}
			if isUserDataDescr(attr) {
				_, _, err := th.CallMethod(attr, "__set__", Obj(t), x)
				return err
			}
		}
	}
	if !t.User {
		return Errorf(TypeError, "cannot set '%s' attribute of immutable type '%s'", name, t.Name)
	}
	t.SetAttr(name, x)
	return nil
}

// typeDelAttr is type.__delattr__.
func typeDelAttr(th *Thread, t *Type, name string) error {
	if !t.User {
		return Errorf(TypeError, "cannot set '%s' attribute of immutable type '%s'", name, t.Name)
	}
	if t.DelAttr(name) {
		return nil
	}
	return Errorf(AttributeError, "type object '%s' has no attribute '%s'", t.Name, name)
}

// HasGetattribute reports whether cls defines its own __getattribute__,
// which every attribute read, method lookups included, must go through.
func HasGetattribute(cls *Type) bool {
	_, ok := userHook(cls, "__getattribute__")
	return ok
}
