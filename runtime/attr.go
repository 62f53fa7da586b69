package runtime

// This file implements attribute access: Python's object.__getattribute__
// with descriptors (functions, properties, static and class methods),
// instance dictionaries and modules.

// Descriptor is implemented by class attributes that compute their value
// on access: functions bind to the instance, properties call their getter.
// obj is the zero Value when the attribute is read from the class itself.
type Descriptor interface {
	Get(th *Thread, obj Value, cls *Type) (Value, error)
}

// DataDescriptor is a Descriptor that also intercepts assignment and so
// takes precedence over the instance dictionary (a property).
type DataDescriptor interface {
	Descriptor
	Set(th *Thread, obj Value, v Value) error
}

// HasAttrs is implemented by objects with their own attribute namespace
// (instances, modules, exceptions, functions).
type HasAttrs interface {
	// Attr returns a per-object attribute, if set.
	Attr(name string) (Value, bool)
	// SetAttrValue sets a per-object attribute; it fails with an
	// AttributeError-worthy false when the object does not allow it.
	SetAttrValue(name string, v Value) bool
	// DelAttrValue deletes a per-object attribute, reporting whether it existed.
	DelAttrValue(name string) bool
}

// Instance is an instance of a user class.
type Instance struct {
	Class *Type
	Dict  AttrMap
	// Builtin is the built-in value of an instance of a class deriving
	// from a built-in value type (see derived.go); nil otherwise. A
	// pointer, so that plain instances stay in their allocation size class.
	Builtin *Value
}

// Type returns the instance's class.
func (o *Instance) Type() *Type { return o.Class }

// Attr returns an instance attribute.
func (o *Instance) Attr(name string) (Value, bool) { return o.Dict.Lookup(name) }

// SetAttrValue sets an instance attribute. Plain object() instances have
// no attribute dictionary, as in CPython.
func (o *Instance) SetAttrValue(name string, v Value) bool {
	if o.Class == ObjectType || o.Class.noDict {
		return false
	}
	o.Dict.Set(name, v)
	return true
}

// DelAttrValue deletes an instance attribute.
func (o *Instance) DelAttrValue(name string) bool {
	return o.Dict.Delete(name)
}

// bindAttr applies the descriptor protocol to a class attribute found for obj.
func bindAttr(th *Thread, attr Value, obj Value) (Value, error) {
	if d, ok := attr.obj.(Descriptor); ok {
		return d.Get(th, obj, obj.Type())
	}
	return attr, nil
}

// Get binds a built-in method to its receiver.
func (m *MethodDescriptor) Get(th *Thread, obj Value, cls *Type) (Value, error) {
	if !obj.IsValid() {
		return Obj(m), nil
	}
	if _, derived := receiverFor(obj, m.Owner); derived {
		return Obj(m.bindDerived(obj)), nil
	}
	return Obj(&Builtin{Name: m.Name, Fn: m.Fn, Self: obj, Owner: m.Owner}), nil
}

// GetAttr returns v.name: a user class's __getattribute__ when it has
// one, otherwise object.__getattribute__, then __getattr__ on an
// AttributeError.
func GetAttr(th *Thread, v Value, name string) (Value, error) {
	if t, ok := v.obj.(*Type); ok {
		return typeGetAttr(th, t, name)
	}
	if m, ok := v.obj.(*Module); ok && name == "__dict__" {
		if d, ok, err := moduleDict(th, m); ok {
			return d, err
		}
	}
	cls := v.Type()
	var r Value
	var err error
	if ga, ok := userHook(cls, "__getattribute__"); ok {
		r, err = callHook(th, ga, v, Str(name))
	} else {
		r, err = objectGetAttribute(th, v, name)
	}
	if err == nil || !cls.User {
		if m, ok := v.obj.(*Module); ok && err != nil {
			return moduleGetattr(th, m, name, err)
		}
		return r, err
	}
	if e, ok := err.(*Exception); !ok || !e.Class.IsSubtype(AttributeError) {
		return r, err
	}
	if ga, ok := cls.Lookup("__getattr__"); ok {
		return callHook(th, ga, v, Str(name))
	}
	return r, err
}

// moduleGetattr is PEP 562's fallback: a module attribute not found
// (err) is asked of the module's own __getattr__ function, if it has one.
func moduleGetattr(th *Thread, m *Module, name string, err error) (Value, error) {
	if !IsInstance(err, AttributeError) {
		return Value{}, err
	}
	ga, ok := m.Get("__getattr__")
	if !ok {
		return Value{}, err
	}
	return th.Call(ga, []Value{Str(name)}, nil)
}

// objectGetAttribute is object.__getattribute__: data descriptors of the
// class, then the object's own attributes, then other class attributes.
func objectGetAttribute(th *Thread, v Value, name string) (Value, error) {
	cls := v.Type()
	attr, found := cls.Lookup(name)
	if found {
		if d, ok := attr.obj.(DataDescriptor); ok {
			return d.Get(th, v, cls)
		}
		if isUserDataDescr(attr) {
			if r, ok, err := userDescrGet(th, attr, v, cls); ok {
				return r, err
			}
		}
	}
	if h, ok := v.obj.(HasAttrs); ok {
		if r, ok := h.Attr(name); ok {
			return r, nil
		}
	}
	if found {
		if r, ok, err := userDescrGet(th, attr, v, cls); ok {
			return r, err
		}
		return bindAttr(th, attr, v)
	}
	if r, ok, err := specialAttr(th, v, name); ok || err != nil {
		return r, err
	}
	return Value{}, attributeError(v, name)
}

// attributeError builds CPython's AttributeError for a missing attribute,
// remembering the object and name so the traceback can suggest a fix.
func attributeError(v Value, name string) *Exception {
	var e *Exception
	if m, ok := v.obj.(*Module); ok && m.Initializing {
		e = Errorf(AttributeError, "partially initialized module '%s' has no attribute '%s' (most likely due to a circular import)", m.Name, name)
	} else if ok {
		e = Errorf(AttributeError, "module '%s' has no attribute '%s'", m.Name, name)
	} else {
		e = Errorf(AttributeError, "'%s' object has no attribute '%s'", v.Type().Name, name)
	}
	e.Name = name
	e.Obj = v
	return e
}

// typeGetAttr looks an attribute up on a class (`Foo.x`, `int.__name__`).
func typeGetAttr(th *Thread, t *Type, name string) (Value, error) {
	meta := t.Type()
	var metaAttr Value
	metaFound := false
	if meta != TypeType {
		// A data descriptor of a user metaclass comes before the class's
		// own attributes.
		metaAttr, metaFound = meta.Lookup(name)
		if d, ok := metaAttr.obj.(DataDescriptor); metaFound && ok {
			return d.Get(th, Obj(t), meta)
		}
	}
	if name == "__annotations__" && t.User {
		return classAnnotations(t), nil
	}
	if attr, ok := t.Lookup(name); ok {
		if d, ok := attr.obj.(Descriptor); ok {
			return d.Get(th, Value{}, t)
		}
		if r, ok, err := userDescrGet(th, attr, Value{}, t); ok {
			return r, err
		}
		return attr, nil
	}
	switch name {
	case "__name__":
		return Str(t.Name), nil
	case "__qualname__":
		if t.Qual != "" {
			return Str(t.Qual), nil
		}
		return Str(t.Name), nil
	case "__module__":
		return Str(t.Module), nil
	case "__base__":
		if t.Base == nil {
			return None, nil
		}
		return Obj(t.Base), nil
	case "__bases__":
		return Obj(typesTuple(t.Bases)), nil
	case "__mro__":
		return Obj(typesTuple(t.mro)), nil
	case "__class__":
		return Obj(t.Type()), nil
	case "__doc__":
		return None, nil
	case "__dict__":
		d := NewDict()
		for _, k := range t.order {
			if err := d.SetItem(th, Str(k), t.Attrs[k]); err != nil {
				return Value{}, err
			}
		}
		return Obj(d), nil
	}
	if !metaFound {
		metaAttr, metaFound = meta.Lookup(name)
	}
	if metaFound {
		if d, ok := metaAttr.obj.(Descriptor); ok {
			return d.Get(th, Obj(t), meta)
		}
		return metaAttr, nil
	}
	if meta.User {
		if ga, ok := meta.Lookup("__getattr__"); ok {
			return callHook(th, ga, Obj(t), Str(name))
		}
	}
	e := Errorf(AttributeError, "type object '%s' has no attribute '%s'", t.Name, name)
	e.Name, e.Obj = name, Obj(t)
	return Value{}, e
}

// specialAttr handles attributes every object has: __class__, and the
// names of functions.
func specialAttr(th *Thread, v Value, name string) (Value, bool, error) {
	switch name {
	case "__class__":
		return Obj(v.Type()), true, nil
	case "__dict__":
		if inst, ok := v.obj.(*Instance); ok && !inst.Class.noDict && inst.Class != ObjectType {
			d, err := inst.Dict.AsDict(th, func(k string) bool { return isSlot(inst.Class, k) })
			if err != nil {
				return Value{}, true, err
			}
			return Obj(d), true, nil
		}
	case "__name__", "__qualname__":
		if b, ok := v.obj.(*Builtin); ok {
			return Str(b.Name), true, nil
		}
	}
	return Value{}, false, nil
}

// SetAttr performs v.name = x, through a user class's __setattr__ when
// it has one.
func SetAttr(th *Thread, v Value, name string, x Value) error {
	if sa, ok := userHook(v.Type(), "__setattr__"); ok {
		_, err := callHook(th, sa, v, Str(name), x)
		return err
	}
	return objectSetAttr(th, v, name, x)
}

// objectSetAttr is object.__setattr__: a data descriptor of the class
// intercepts the assignment, otherwise it goes to the object's own
// attributes.
func objectSetAttr(th *Thread, v Value, name string, x Value) error {
	if t, ok := v.obj.(*Type); ok {
		return typeSetAttr(th, t, name, x)
	}
	if name == "__class__" {
		return setClass(v, x)
	}
	cls := v.Type()
	attr, found := cls.Lookup(name)
	if found {
		if d, ok := attr.obj.(DataDescriptor); ok {
			return d.Set(th, v, x)
		}
		if isUserDataDescr(attr) {
			if _, ok, err := th.CallMethod(attr, "__set__", v, x); ok {
				return err
			}
			return Errorf(AttributeError, "__set__")
		}
	}
	if h, ok := v.obj.(HasAttrs); ok && h.SetAttrValue(name, x) {
		return nil
	}
	if found && !cls.noDict {
		return Errorf(AttributeError, "'%s' object attribute '%s' is read-only", cls.Name, name)
	}
	return attributeError(v, name)
}

// DelAttr performs del v.name, through a user class's __delattr__ when it
// has one.
func DelAttr(th *Thread, v Value, name string) error {
	if da, ok := userHook(v.Type(), "__delattr__"); ok {
		_, err := callHook(th, da, v, Str(name))
		return err
	}
	return objectDelAttr(th, v, name)
}

// objectDelAttr is object.__delattr__.
func objectDelAttr(th *Thread, v Value, name string) error {
	if t, ok := v.obj.(*Type); ok {
		return typeDelAttr(th, t, name)
	}
	if attr, ok := v.Type().Lookup(name); ok {
		switch d := attr.obj.(type) {
		case *Property:
			return d.Delete(th, v)
		case *slotDescriptor:
			return d.Delete(th, v)
		}
		if isUserDataDescr(attr) {
			if _, ok, err := th.CallMethod(attr, "__delete__", v); ok {
				return err
			}
			return Errorf(AttributeError, "__delete__")
		}
	}
	if h, ok := v.obj.(HasAttrs); ok && h.DelAttrValue(name) {
		return nil
	}
	return attributeError(v, name)
}

// HasAttr reports whether v.name exists, propagating errors other than
// AttributeError.
func HasAttr(th *Thread, v Value, name string) (bool, error) {
	_, err := GetAttr(th, v, name)
	if err == nil {
		return true, nil
	}
	if e, ok := err.(*Exception); ok && e.Class.IsSubtype(AttributeError) {
		return false, nil
	}
	return false, err
}
