package runtime

// This file instantiates plain user classes without copying the call's
// arguments: when object.__new__ makes the instance and the __init__
// found is a script function, nothing keeps the argument slice, so the
// interpreter can pass its operand stack as it is.

import "unsafe"

// ConstructInPlace performs t(*args) when t is a user class with the
// default metaclass, no __new__ of its own, object's instance layout and
// a script-function __init__; done is false, and nothing happens, for any
// other class. args is not kept.
func (t *Type) ConstructInPlace(th *Thread, args []Value) (v Value, done bool, err error) {
	if !t.User || t.Meta != nil || !sameNewFunc(t.New, ObjectType.New) {
		return Value{}, false, nil
	}
	init, ok := t.Lookup("__init__")
	if !ok {
		return Value{}, false, nil
	}
	mc, ok := init.obj.(MethodCallable)
	if !ok {
		return Value{}, false, nil
	}
	if _, ok := userNew(t); ok {
		return Value{}, false, nil
	}
	// Instantiating a class counts a level, as in CPython (Type.Call).
	if err := th.Nest(InCall); err != nil {
		return Value{}, true, err
	}
	defer th.Unnest()
	if err := checkAbstract(th, t); err != nil {
		return Value{}, true, err
	}
	obj := Obj(newInstance(t))
	r, err := mc.CallWithSelf(th, obj, args, nil)
	if err != nil {
		return Value{}, true, err
	}
	if !r.IsNone() {
		return Value{}, true, Errorf(TypeError, "__init__() should return None, not '%s'", r.Type().Name)
	}
	return obj, true, nil
}

// sameNewFunc reports whether a and b are the same function value: a
// class inherits object's New by copying it, while classes made by the
// standard library (deque, ...) install their own. Go cannot compare
// funcs, but a func value is one pointer to its code and closure, which
// is equal for copies of one value.
func sameNewFunc(a, b NewFunc) bool {
	return *(*unsafe.Pointer)(unsafe.Pointer(&a)) == *(*unsafe.Pointer)(unsafe.Pointer(&b))
}
