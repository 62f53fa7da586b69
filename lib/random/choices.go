package random

// This file holds the fast paths of choices(): drawing k items from a
// plain list or tuple without a generic subscript per draw, and
// bisecting cumulative weights that are all floats (or ints a float
// holds exactly) as Go floats instead of comparing Values.

import "github.com/aio-lang/aio/runtime"

// directItems returns the items of a population that is exactly a list
// or a tuple, when no Python code can run during the draws (random()
// is not overridden, so nothing can mutate the list meanwhile); nil
// otherwise, and the caller subscripts the population as CPython does.
func directItems(pop runtime.Value, src *drawing) []runtime.Value {
	if src.override.IsValid() {
		return nil
	}
	switch pop.Type() {
	case runtime.ListType:
		return pop.Object().(*runtime.List).Items
	case runtime.TupleType:
		return pop.Object().(*runtime.Tuple).Items
	}
	return nil
}

// exactFloat is the largest magnitude up to which every int is a float.
const exactFloat = 1 << 53

// floatWeights returns the cumulative weights as floats when each is a
// float or an int that converts exactly, so comparing the floats orders
// them as Python's mixed int/float comparison would; nil otherwise.
func floatWeights(th *runtime.Thread, cum []runtime.Value) ([]float64, error) {
	if err := th.CheckAlloc(int64(len(cum)), 8); err != nil {
		return nil, err
	}
	out := make([]float64, len(cum))
	for i, v := range cum {
		switch {
		case v.IsFloat():
			out[i] = v.FloatVal()
		case v.IsSmallInt() && v.SmallInt() <= exactFloat && v.SmallInt() >= -exactFloat:
			out[i] = float64(v.SmallInt())
		default:
			return nil, nil
		}
	}
	return out, nil
}

// bisectFloats is bisect_right(a[lo:hi], x) over floats. A NaN weight
// compares false both ways, as the generic comparison would.
func bisectFloats(a []float64, x float64, lo, hi int) int {
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if x < a[mid] {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// choicesResult allocates the list of k draws, charging it first.
func choicesResult(th *runtime.Thread, k int64) ([]runtime.Value, error) {
	if k <= 0 {
		return nil, nil
	}
	if err := th.CheckAlloc(k, 16); err != nil {
		return nil, err
	}
	return make([]runtime.Value, 0, k), nil
}
