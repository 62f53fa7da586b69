package interp

// This file runs BUILD_SLICE_SUBSCR, the superinstruction of `seq[a:b]`
// (BUILD_SLICE 2; BINARY_SUBSCR): an exact list or tuple sliced by int or
// None bounds is copied at once, without the slice object the two
// instructions would allocate for every subscript (`items[:i] +
// items[i + 1:]` made two per evaluation).

import (
	"github.com/aio-lang/aio/runtime"
)

// sliceFast returns seq[lo:hi] when seq is an exact list or tuple and lo
// and hi are ints that fit a machine word or None; ok is false for
// anything else, which the general instructions then handle.
func sliceFast(th *runtime.Thread, seq, lo, hi runtime.Value) (r runtime.Value, ok bool, err error) {
	var items []runtime.Value
	l, isList := runtime.AsExact[*runtime.List](seq)
	if isList {
		items = l.Items
	} else if t, isTuple := runtime.AsExact[*runtime.Tuple](seq); isTuple {
		items = t.Items
	} else {
		return runtime.Value{}, false, nil
	}
	n := len(items)
	start, ok1 := sliceBoundFast(lo, 0, n)
	stop, ok2 := sliceBoundFast(hi, n, n)
	if !ok1 || !ok2 {
		return runtime.Value{}, false, nil
	}
	if stop < start {
		stop = start
	}
	if err := th.CheckAlloc(int64(stop-start), sliceValueBytes); err != nil {
		return runtime.Value{}, true, err
	}
	out := make([]runtime.Value, stop-start)
	copy(out, items[start:stop])
	if isList {
		return runtime.NewList(out), true, nil
	}
	return runtime.Obj(runtime.NewTuple(out)), true, nil
}

// sliceValueBytes is what a slice charges the memory budget per item.
const sliceValueBytes = 24

// sliceBoundFast clamps a slice bound of a sequence of length n as a step
// of 1 does: None is def, a negative int counts from the end. ok is false
// for a bound that is neither a small int nor None.
func sliceBoundFast(v runtime.Value, def, n int) (int, bool) {
	if v.IsNone() {
		return def, true
	}
	if !v.IsSmallInt() {
		return 0, false
	}
	x := v.SmallInt()
	if x < 0 {
		x += int64(n)
		if x < 0 {
			x = 0
		}
	} else if x > int64(n) {
		x = int64(n)
	}
	return int(x), true
}
