package runtime

// This file calls methods found on a class without binding them first:
// the interpreter's functions take the receiver apart from the arguments,
// so a dunder method (a + b on instances), an __init__ or any method the
// runtime calls by name costs no bound-method object and no argument
// slice with the receiver prepended.

// MethodCallable is implemented by functions that, stored in a class, bind
// to an instance as a plain bound method (a `def` in a class body):
// CallWithSelf(self, args) is then the call of that bound method.
type MethodCallable interface {
	Callable
	CallWithSelf(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error)
}

// callClassAttr calls attr, an attribute found on v's class, as a method
// of v: functions directly with v as self, anything else through the
// descriptor protocol.
func callClassAttr(th *Thread, attr Value, v Value, args []Value, kw []Kwarg) (Value, error) {
	if mc, ok := attr.obj.(MethodCallable); ok {
		return mc.CallWithSelf(th, v, args, kw)
	}
	bound, err := bindAttr(th, attr, v)
	if err != nil {
		return Value{}, err
	}
	return th.Call(bound, args, kw)
}

// Dunder names of the binary operators, made once rather than
// concatenated on every operation.
var opMethodNames, opReflectedNames, opInPlaceNames = func() (m, r, i [len(opDunders)]string) {
	for op, d := range opDunders {
		m[op] = "__" + d + "__"
		r[op] = "__r" + d + "__"
		i[op] = "__i" + d + "__"
	}
	return
}()
