package runtime

// This file has the VM's inline paths for the commonest subscripts, a list
// or tuple indexed by a small int in range, small enough for the Go
// compiler to inline into the dispatch loop; everything else (negative
// indexes too) goes through GetItem and SetItem, which give the errors.

// ItemFast returns v[key] when v is exactly a list or tuple and key a
// small int in 0 <= key < len(v); ok is false otherwise.
func ItemFast(v, key Value) (r Value, ok bool) {
	if _, isInt := key.obj.(intTag); !isInt {
		return Value{}, false
	}
	var items []Value
	switch o := v.obj.(type) {
	case *List:
		items = o.Items
	case *Tuple:
		items = o.Items
	default:
		return Value{}, false
	}
	if key.bits < uint64(len(items)) {
		return items[key.bits], true
	}
	return Value{}, false
}

// SetItemFast does v[key] = x when v is exactly a list and key a small int
// in 0 <= key < len(v), and reports whether it did.
func SetItemFast(v, key, x Value) bool {
	if _, isInt := key.obj.(intTag); !isInt {
		return false
	}
	if l, isList := v.obj.(*List); isList && key.bits < uint64(len(l.Items)) {
		l.Items[key.bits] = x
		return true
	}
	return false
}
