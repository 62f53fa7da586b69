package interp

// This file runs `obj[a:b]` and `obj[a:b] = x` without a slice object
// when obj is an exact list, tuple or str (see runtime.GetSliceFast):
// BUILD_SLICE looks at the instruction after it and does the subscript
// itself. The slice object was garbage the moment the subscript
// returned, and in slice-heavy loops (fannkuch) it was half of all the
// bytes allocated.

import (
	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

// sliceDirect runs BUILD_SLICE (arg bounds on the stack) together with a
// BINARY_SUBSCR or STORE_SUBSCR right after it, and reports whether it
// did; when it did not, the stack is unchanged. A failure leaves pc past
// the subscript, where the unfused instruction would have raised.
func sliceDirect(th *runtime.Thread, f *frame, arg int) (bool, error) {
	next := f.code.Run[f.pc].Op()
	if next != compile.BINARY_SUBSCR && next != compile.STORE_SUBSCR {
		return false, nil
	}
	start, stop, step := f.slots[f.sp-arg], f.slots[f.sp-arg+1], runtime.None
	if arg == 3 {
		step = f.slots[f.sp-1]
	}
	obj := f.slots[f.sp-arg-1]
	if next == compile.BINARY_SUBSCR {
		r, ok, err := runtime.GetSliceFast(th, obj, start, stop, step)
		if !ok {
			return false, nil
		}
		f.sp -= arg
		f.slots[f.sp-1] = r
		f.pc++
		return true, err
	}
	ok, err := runtime.SetSliceFast(th, obj, start, stop, step, f.slots[f.sp-arg-2])
	if !ok {
		return false, nil
	}
	f.sp -= arg + 2
	f.pc++
	return true, err
}
