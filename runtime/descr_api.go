package runtime

// This file gives property, staticmethod and classmethod objects their
// read-only attributes (fget, fset, fdel, __doc__, __func__,
// __isabstractmethod__-free) as CPython's getset descriptors.

// getset makes a read-only attribute of a built-in class, computed from
// the object by get.
func getset(owner *Type, name string, get func(self Value) Value) {
	fn := NewBuiltin(name, func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		return get(args[0]), nil
	})
	owner.SetAttr(name, Obj(&Property{Fget: fn, Fset: None, Fdel: None, Name: name, readOnlyAttr: true}))
}

func init() {
	prop := func(self Value) *Property { return self.obj.(*Property) }
	getset(PropertyType, "fget", func(self Value) Value { return prop(self).Fget })
	getset(PropertyType, "fset", func(self Value) Value { return prop(self).Fset })
	getset(PropertyType, "fdel", func(self Value) Value { return prop(self).Fdel })
	getset(PropertyType, "__doc__", func(self Value) Value {
		if p := prop(self); p.Doc.IsValid() {
			return p.Doc
		}
		return None
	})
	getset(StaticMethodType, "__func__", func(self Value) Value { return self.obj.(*StaticMethod).Func })
	getset(MethodType, "__self__", func(self Value) Value { return self.obj.(*BoundMethod).Self })
	getset(MethodType, "__func__", func(self Value) Value { return self.obj.(*BoundMethod).Func })
	getset(ClassMethodType, "__func__", func(self Value) Value { return self.obj.(*ClassMethod).Func })
}
