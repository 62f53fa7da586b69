package interp

// This file runs UNPACK_SEQUENCE_STORE_FAST, the superinstruction of
// `a, b, c = seq` into locals: the items of an exact tuple or list of the
// right length go straight into their slots, without passing through the
// operand stack (one dispatch instead of n+1, no pushes and pops).

import (
	"github.com/aio-lang/aio/runtime"
)

// unpackToLocals stores the items of the tuple or list on top of f's
// stack into the locals named by the n STORE_FASTs after the current
// instruction, pops it and skips those instructions. It reports false,
// changing nothing, for any other value or a length other than n: then
// UNPACK_SEQUENCE's general path runs (with its errors) and the
// STORE_FASTs after it execute one by one.
func unpackToLocals(f *frame, n int) bool {
	var items []runtime.Value
	top := f.slots[f.sp-1]
	if t, ok := runtime.AsExact[*runtime.Tuple](top); ok {
		items = t.Items
	} else if l, ok := runtime.AsExact[*runtime.List](top); ok {
		items = l.Items
	} else {
		return false
	}
	if len(items) != n {
		return false
	}
	f.sp--
	// In order, as the STORE_FASTs would run: with a name repeated
	// (`a, a = t`) the last item wins. Storing into locals cannot change
	// the list being read.
	stores := f.code.Run[f.pc : f.pc+n]
	for i, st := range stores {
		f.slots[st.Arg()] = items[i]
	}
	f.pc += n
	return true
}

// unpackItems returns the items of v for a starred unpacking: those of an
// exact tuple or list in place (nothing runs between reading and pushing
// them, and the starred part is copied into its own list), any other
// iterable's collected.
func unpackItems(th *runtime.Thread, v runtime.Value) ([]runtime.Value, error) {
	if t, ok := runtime.AsExact[*runtime.Tuple](v); ok {
		return t.Items, nil
	}
	if l, ok := runtime.AsExact[*runtime.List](v); ok {
		return l.Items, nil
	}
	return runtime.Collect(th, v)
}
