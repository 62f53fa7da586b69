package runtime

// This file assigns to contiguous list slices (l[i:j] = x) in place: the
// source's items are read where they are when that is safe, and the list
// moves its tail within its own storage, so that a same-length
// replacement (fannkuch's perm[:k+1] = perm[k::-1]) allocates nothing.

import "slices"

// sliceSource returns the items to assign to a slice of l from x. A list
// other than l or a tuple lends its own items (they are only read, before
// any user code can run); anything else, and l itself, is collected into
// a new slice.
func sliceSource(th *Thread, l *List, x Value) ([]Value, error) {
	switch o := x.obj.(type) {
	case *List:
		if o != l {
			return o.Items, nil
		}
	case *Tuple:
		return o.Items, nil
	}
	return Collect(th, x)
}

// listReplaceRange replaces l.Items[start:stop] with items, moving the
// tail in place.
func listReplaceRange(th *Thread, l *List, start, stop int, items []Value) error {
	old := l.Items
	n, k := stop-start, len(items)
	switch {
	case k == n:
		copy(old[start:stop], items)
	case k < n:
		copy(old[start:], items)
		m := copy(old[start+k:], old[stop:])
		end := start + k + m
		clear(old[end:]) // drop references the list no longer holds
		l.Items = old[:end]
	default:
		if err := th.CheckGrow(old, k-n); err != nil {
			return err
		}
		// items may be a slice of a list being reallocated here only if it
		// is l's own, which sliceSource never lends.
		grown := slices.Grow(old, k-n)[:len(old)+k-n]
		copy(grown[start+k:], grown[stop:len(old)])
		copy(grown[start:], items)
		l.Items = grown
	}
	return nil
}
