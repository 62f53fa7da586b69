package runtime

// This file lets scripts create modules by calling the module type
// (types.ModuleType(name, doc=None)), as CPython does.

func init() {
	ModuleType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		var name Value
		doc := None
		if err := UnpackArgs("module", args, kw, "name", &name, "doc?", &doc); err != nil {
			return Value{}, err
		}
		s, ok := name.obj.(*StrObj)
		if !ok {
			return Value{}, Errorf(TypeError, "module.__init__() argument 'name' must be str, not %s", name.Type().Name)
		}
		m := NewModule(s.S)
		m.Set("__doc__", doc)
		m.Set("__package__", None)
		m.Set("__loader__", None)
		m.Set("__spec__", None)
		return Obj(m), nil
	}
}
