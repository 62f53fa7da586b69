package runtime

// This file compares tuples for sorting without going through Compare's
// dispatch for each item: sorting by tuple keys (`key=lambda r: (r.a,
// r.b)`) spent most of its time in the generic comparison path, looking
// up each item's type twice per position. Items that are small ints,
// floats or strs on both sides are compared directly; any other pair
// falls back to Equal and Less, so the result is the one tuple's `<`
// gives.

import "strings"

// tupleSortLess reports whether the exact tuples xs and ys compare
// less, as `xs < ys` does: the first position whose items differ
// decides, and a tuple that is a prefix of the other is less.
func tupleSortLess(th *Thread, xs, ys []Value) (bool, error) {
	n := min(len(xs), len(ys))
	for i := 0; i < n; i++ {
		a, b := xs[i], ys[i]
		if a.IsSmallInt() && b.IsSmallInt() {
			if x, y := a.SmallInt(), b.SmallInt(); x != y {
				return x < y, nil
			}
			continue
		}
		if sa, ok := a.obj.(*StrObj); ok {
			if sb, ok := b.obj.(*StrObj); ok {
				// One three-way comparison: != then < would scan
				// equal-length strs twice.
				if c := strings.Compare(sa.S, sb.S); c != 0 {
					return c < 0, nil
				}
				continue
			}
		}
		if a.IsFloat() && b.IsFloat() {
			x, y := a.FloatVal(), b.FloatVal()
			if x < y {
				return true, nil
			}
			if x > y {
				return false, nil
			}
			if x == y {
				continue
			}
			// A NaN: equal only to itself, as Equal decides.
		}
		eq, err := Equal(th, a, b)
		if err != nil {
			return false, err
		}
		if !eq {
			return Less(th, a, b)
		}
	}
	return len(xs) < len(ys), nil
}
