package seqops

// This file defines NewClass, how deque and array make their classes.

import "github.com/aio-lang/aio/runtime"

// NewClass makes, for one interpreter, the class of a Go sequence type
// whose special methods are built-ins: a class the generic protocols
// treat as a user class (so ==, +, len and repr reach those methods),
// which scripts may subclass, unhashable as mutable sequences are.
func NewClass(name, module string, newFn runtime.NewFunc, methods map[string]runtime.BuiltinFn) *runtime.Type {
	t, err := runtime.NewClass(name, nil)
	if err != nil {
		panic(err) // object is always an acceptable base
	}
	t.Module = module
	t.New = newFn
	t.Methods(methods)
	t.SetAttr("__hash__", runtime.None)
	return t
}
