package seqops

// This file defines BareGeneric, the __class_getitem__ of deque and array.

import "github.com/aio-lang/aio/runtime"

// BareGeneric is a __class_getitem__ (installed as a classmethod) making
// C[X] the class C itself, as aio's built-in generics (list[int]) are,
// so that annotations such as deque[int] evaluate.
func BareGeneric(_ *runtime.Thread, _ runtime.Value, args []runtime.Value, _ []runtime.Kwarg) (runtime.Value, error) {
	if len(args) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "__class_getitem__ expects a class")
	}
	return args[0], nil
}
