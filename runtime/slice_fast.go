package runtime

// This file lets the VM slice without a slice object. `a[i:j]` compiles
// to BUILD_SLICE then BINARY_SUBSCR (or STORE_SUBSCR), and the slice
// object BUILD_SLICE made was garbage at once: in fannkuch's
// `perm[:k+1] = perm[k::-1]` the two slice objects were half of all the
// bytes allocated. For an exact list, tuple or str the VM passes the
// bounds here instead and the Slice lives on this function's stack; any
// other object gets a real slice object, since its __getitem__ may keep
// it, and so do bounds other than small ints and None (their __index__
// runs where GetItem runs it).

// plainBounds reports whether every bound is a small int or None.
func plainBounds(start, stop, step Value) bool {
	return plainBound(start) && plainBound(stop) && plainBound(step)
}

func plainBound(v Value) bool { return v.IsSmallInt() || v.IsNone() }

// GetSliceFast returns v[start:stop:step] when v is exactly a list,
// tuple or str and the bounds are small ints or None; ok is false (and
// nothing is done) otherwise.
func GetSliceFast(th *Thread, v, start, stop, step Value) (r Value, ok bool, err error) {
	if !plainBounds(start, stop, step) {
		return Value{}, false, nil
	}
	s := Slice{Start: start, Stop: stop, Step: step}
	switch o := v.obj.(type) {
	case *List:
		items, err := sliceValues(th, o.Items, &s)
		if err != nil {
			return Value{}, true, err
		}
		return NewList(items), true, nil
	case *Tuple:
		items, err := sliceValues(th, o.Items, &s)
		if err != nil {
			return Value{}, true, err
		}
		return Obj(NewTuple(items)), true, nil
	case *StrObj:
		r, err := strGetSlice(o, &s)
		return r, true, err
	}
	return Value{}, false, nil
}

// SetSliceFast does v[start:stop:step] = x when v is exactly a list and
// the bounds are small ints or None, and reports whether it did.
func SetSliceFast(th *Thread, v, start, stop, step, x Value) (ok bool, err error) {
	l, isList := v.obj.(*List)
	if !isList || !plainBounds(start, stop, step) {
		return false, nil
	}
	s := Slice{Start: start, Stop: stop, Step: step}
	return true, listSetSlice(th, l, &s, x)
}
