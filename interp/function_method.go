package interp

// This file lets the runtime call a script function as a method with the
// receiver given apart (runtime.MethodCallable): dunder methods, __init__
// and the hooks the runtime calls by name then need no bound method and
// no argument slice with the receiver in front.

import (
	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

// CallWithSelf calls fn with self as its first argument, as the bound
// method of fn on self would be called.
func (fn *function) CallWithSelf(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	code := fn.code
	if len(kw) != 0 || len(args)+1 != code.ArgCount || code.Flags&(compile.FlagVarargs|compile.FlagVarkw) != 0 || code.KwOnlyCount != 0 {
		full := make([]runtime.Value, len(args)+1)
		full[0] = self
		copy(full[1:], args)
		return fn.Call(th, full, kw)
	}
	// Exactly the positional parameters: bound in place, as bindArgs'
	// fast path would.
	f := newFrame(fn)
	f.slots[0] = self
	for i := range args {
		f.slots[i+1] = args[i]
	}
	f.initCells()
	return fn.runFrame(th, f)
}

var _ runtime.MethodCallable = (*function)(nil)
