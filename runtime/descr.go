package runtime

// This file defines property, staticmethod, classmethod and super.

// Property is a property object (`@property`, with .setter/.deleter).
type Property struct {
	Fget, Fset, Fdel Value
	// Doc is the doc argument, or the zero Value.
	Doc Value
	// Name is the class attribute the property was assigned to in a class
	// body (Python's __set_name__), used in error messages.
	Name string
	// readOnlyAttr marks a read-only attribute of a built-in type (a
	// getset descriptor in CPython), which words its errors differently.
	readOnlyAttr bool
}

// Type returns PropertyType.
func (*Property) Type() *Type { return PropertyType }

// Get calls the getter.
func (p *Property) Get(th *Thread, obj Value, cls *Type) (Value, error) {
	if !obj.IsValid() {
		return Obj(p), nil
	}
	if !p.Fget.IsValid() || p.Fget.IsNone() {
		return Value{}, Errorf(AttributeError, "property object has no getter")
	}
	if _, goFn := p.Fget.obj.(*Builtin); goFn && p.readOnlyAttr {
		// A built-in type's attribute (complex.real) of a subclass
		// instance reads its built-in value.
		obj = BuiltinValue(obj)
	}
	return th.Call(p.Fget, []Value{obj}, nil)
}

// Set calls the setter.
func (p *Property) Set(th *Thread, obj Value, v Value) error {
	if p.readOnlyAttr {
		return p.notWritable(obj)
	}
	if !p.Fset.IsValid() || p.Fset.IsNone() {
		return Errorf(AttributeError, "property %sof '%s' object has no setter", p.name(), obj.Type().Name)
	}
	_, err := th.Call(p.Fset, []Value{obj, v}, nil)
	return err
}

// Delete calls the deleter.
func (p *Property) Delete(th *Thread, obj Value) error {
	if p.readOnlyAttr {
		return p.notWritable(obj)
	}
	if !p.Fdel.IsValid() || p.Fdel.IsNone() {
		return Errorf(AttributeError, "property %sof '%s' object has no deleter", p.name(), obj.Type().Name)
	}
	_, err := th.Call(p.Fdel, []Value{obj}, nil)
	return err
}

// notWritable is CPython's error for setting or deleting a read-only
// attribute of a built-in type.
func (p *Property) notWritable(obj Value) error {
	return Errorf(AttributeError, "attribute '%s' of '%s' objects is not writable", p.Name, obj.Type().Name)
}

// name returns "'NAME' " for error messages, or "" for a property that
// was never assigned in a class body.
func (p *Property) name() string {
	if p.Name == "" {
		return ""
	}
	return "'" + p.Name + "' "
}

// StaticMethod wraps a function so that it does not bind.
type StaticMethod struct{ Func Value }

// Type returns StaticMethodType.
func (*StaticMethod) Type() *Type { return StaticMethodType }

// Get returns the function unbound.
func (s *StaticMethod) Get(th *Thread, obj Value, cls *Type) (Value, error) { return s.Func, nil }

// Call calls the wrapped function (staticmethod objects are callable in 3.10+).
func (s *StaticMethod) Call(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	// Counted: s.Func may be a staticmethod too, a million deep.
	if err := th.Nest(InCall); err != nil {
		return Value{}, err
	}
	defer th.Unnest()
	return th.Call(s.Func, args, kw)
}

// ClassMethod wraps a function so that it binds to the class.
type ClassMethod struct{ Func Value }

// Type returns ClassMethodType.
func (*ClassMethod) Type() *Type { return ClassMethodType }

// Get binds the function to the class.
func (c *ClassMethod) Get(th *Thread, obj Value, cls *Type) (Value, error) {
	if obj.IsValid() {
		cls = obj.Type()
	}
	return Obj(&BoundMethod{Self: Obj(cls), Func: c.Func}), nil
}

// Super is the object returned by super(): attribute lookup starts after
// Start in the MRO of ObjType, which is Obj's class or, when Obj is a
// class deriving from Start, Obj itself.
type Super struct {
	Start   *Type
	Obj     Value
	ObjType *Type
}

// Type returns SuperType.
func (*Super) Type() *Type { return SuperType }

// Repr is CPython's "<super: <class 'A'>, <B object>>".
func (s *Super) Repr(th *Thread) (string, error) {
	objType := s.ObjType
	if objType == nil {
		objType = s.Obj.Type()
	}
	return "<super: <class '" + s.Start.Name + "'>, <" + objType.Name + " object>>", nil
}

// SuperGetAttr looks name up in the bases of s.Start and binds it to s.Obj.
func SuperGetAttr(th *Thread, s *Super, name string) (Value, error) {
	objType := s.ObjType
	if objType == nil {
		objType = s.Obj.Type()
	}
	mro := objType.MRO()
	i := 0
	for i < len(mro) && mro[i] != s.Start {
		i++
	}
	for _, c := range mro[min(i+1, len(mro)):] {
		if v, ok := c.Attrs[name]; ok {
			if d, ok := v.obj.(Descriptor); ok {
				if t, isType := s.Obj.obj.(*Type); isType && t == objType {
					if cm, ok := v.obj.(*ClassMethod); ok {
						return Obj(&BoundMethod{Self: Obj(t), Func: cm.Func}), nil
					}
					return d.Get(th, Value{}, t)
				}
				return d.Get(th, s.Obj, objType)
			}
			return v, nil
		}
	}
	switch name {
	case "__thisclass__":
		return Obj(s.Start), nil
	case "__self__":
		return s.Obj, nil
	case "__self_class__":
		return Obj(objType), nil
	case "__class__":
		return Obj(SuperType), nil
	}
	return Value{}, Errorf(AttributeError, "'super' object has no attribute '%s'", name)
}

func init() {
	PropertyType.Methods(map[string]BuiltinFn{
		"setter": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			p := self.obj.(*Property)
			if len(args) != 1 {
				return Value{}, Errorf(TypeError, "setter() takes exactly one argument (%d given)", len(args))
			}
			return Obj(&Property{Fget: p.Fget, Fset: args[0], Fdel: p.Fdel, Doc: p.Doc, Name: p.Name}), nil
		},
		"getter": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			p := self.obj.(*Property)
			if len(args) != 1 {
				return Value{}, Errorf(TypeError, "getter() takes exactly one argument (%d given)", len(args))
			}
			return Obj(&Property{Fget: args[0], Fset: p.Fset, Fdel: p.Fdel, Doc: p.Doc, Name: p.Name}), nil
		},
		"deleter": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			p := self.obj.(*Property)
			if len(args) != 1 {
				return Value{}, Errorf(TypeError, "deleter() takes exactly one argument (%d given)", len(args))
			}
			return Obj(&Property{Fget: p.Fget, Fset: p.Fset, Fdel: args[0], Doc: p.Doc, Name: p.Name}), nil
		},
	})
}
