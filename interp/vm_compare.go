package interp

// This file holds the run loop's comparison of floats, done without the
// generic dispatch of runtime.Compare.

import "github.com/aio-lang/aio/runtime"

// floatOperands returns a and b as float64s when both are floats, or one
// is a float and the other an inline int that converts exactly (below
// 2**53 in magnitude), so that comparing the float64s is comparing the
// numbers as Python does.
func floatOperands(a, b runtime.Value) (x, y float64, ok bool) {
	switch {
	case a.IsFloat() && b.IsFloat():
		return a.FloatVal(), b.FloatVal(), true
	case a.IsFloat() && b.IsSmallInt() && exactInFloat(b.SmallInt()):
		return a.FloatVal(), float64(b.SmallInt()), true
	case a.IsSmallInt() && b.IsFloat() && exactInFloat(a.SmallInt()):
		return float64(a.SmallInt()), b.FloatVal(), true
	}
	return 0, 0, false
}

// exactInFloat reports whether i converts to float64 without rounding
// (a sufficient test: |i| <= 2**53).
func exactInFloat(i int64) bool { return i >= -1<<53 && i <= 1<<53 }

// cmpFloats compares x and y; NaN compares unequal to everything, as in
// Python.
func cmpFloats(op runtime.CmpOp, x, y float64) bool {
	switch op {
	case runtime.CmpLT:
		return x < y
	case runtime.CmpLE:
		return x <= y
	case runtime.CmpEQ:
		return x == y
	case runtime.CmpNE:
		return x != y
	case runtime.CmpGT:
		return x > y
	}
	return x >= y
}
