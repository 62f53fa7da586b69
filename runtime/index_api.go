package runtime

// This file exports the __index__ protocol for the standard library's
// packages (operator.index, array items).

// ToIndex returns v as an int as operator.index(v) does: ints as
// themselves (a bool as a plain int), other objects through __index__,
// and CPython's TypeError for the rest.
func ToIndex(th *Thread, v Value) (Value, error) {
	if b, ok := v.obj.(*Bool); ok {
		if b.B {
			return Int(1), nil
		}
		return Int(0), nil
	}
	r, ok, err := asIndex(th, v)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return Value{}, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	return r, nil
}
