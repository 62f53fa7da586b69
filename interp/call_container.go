package interp

// This file names the built-in constructors that a call instruction may
// pass their arguments in place on the operand stack, as it does for
// built-in functions: set(genexp), tuple(p) and list(x) then copy nothing
// before they run.

import (
	"github.com/aio-lang/aio/runtime"
)

// collectsArgument reports whether t is a built-in container whose
// constructor only reads its argument (list(x), tuple(x), set(x),
// frozenset(x)), so a call can pass the arguments in place on the stack.
func collectsArgument(t *runtime.Type) bool {
	return t == runtime.ListType || t == runtime.TupleType || t == runtime.SetType || t == runtime.FrozenSetType
}
