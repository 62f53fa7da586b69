package runtime

// This file lets scripts create modules and bound methods by calling
// their types (types.ModuleType(name, doc=None), types.MethodType(func,
// obj)), as CPython does.

func init() {
	MethodType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("method", nil, kw, 0, -1); err != nil {
			return Value{}, err
		}
		if len(args) != 2 {
			return Value{}, Errorf(TypeError, "method expected 2 arguments, got %d", len(args))
		}
		if !IsCallable(args[0]) {
			return Value{}, Errorf(TypeError, "first argument must be callable")
		}
		if args[1].IsNone() {
			return Value{}, Errorf(TypeError, "instance must not be None")
		}
		return Obj(&BoundMethod{Func: args[0], Self: args[1]}), nil
	}
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
