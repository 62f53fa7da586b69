package itertools

// This file defines the combinatoric iterators: product, permutations,
// combinations and combinations_with_replacement. Each keeps a vector of
// indices into its pool and advances it to the next one in
// lexicographic order, building the result tuple from the pool.

import (
	"github.com/aio-lang/aio/runtime"
)

// pool collects an iterable's items, charging the memory budget.
func pool(th *runtime.Thread, v runtime.Value) ([]runtime.Value, error) {
	items, err := runtime.Collect(th, v)
	if err != nil {
		return nil, err
	}
	return items, th.Alloc(int64(len(items)) * 16)
}

// indexIter makes an iterator over the index vectors that advance
// produces, starting at first (nil: no results at all), each mapped to a
// tuple of pool items by pick.
func indexIter(cls *runtime.Type, first []int, advance func(idx []int) bool, pick func(idx []int) []runtime.Value, keep []runtime.Value) *iterObj {
	idx := first
	started := false
	o := &iterObj{cls: cls}
	o.next = func(th *runtime.Thread) (runtime.Value, bool, error) {
		if idx == nil {
			return stop()
		}
		if started && !advance(idx) {
			idx = nil
			return stop()
		}
		started = true
		if err := th.Work(int64(len(idx)) + 1); err != nil {
			return runtime.Value{}, false, err
		}
		return runtime.Obj(runtime.NewTuple(pick(idx))), true, nil
	}
	o.refs = func(w *runtime.MemWalker) { w.Values(keep) }
	return o
}

// firstSelection is the first index vector of r distinct positions out
// of n (0, 1, ..., r-1), or nil when there is none.
func firstSelection(r, n int) []int {
	if r > n {
		return nil
	}
	first := make([]int, r)
	for i := range first {
		first[i] = i
	}
	return first
}

// pickFrom maps an index vector to the items of one pool.
func pickFrom(items []runtime.Value) func(idx []int) []runtime.Value {
	return func(idx []int) []runtime.Value {
		out := make([]runtime.Value, len(idx))
		for i, j := range idx {
			out[i] = items[j]
		}
		return out
	}
}

// product(*iterables, repeat=1)
func productNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	repeat := int64(1)
	for _, k := range kw {
		if k.Name != "repeat" {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' is an invalid keyword argument for product()", k.Name)
		}
		n, err := runtime.IndexValue(k.Value)
		if err != nil {
			return runtime.Value{}, err
		}
		if n < 0 {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "repeat argument cannot be negative")
		}
		repeat = n
	}
	base := make([][]runtime.Value, len(args))
	var all []runtime.Value
	for i, a := range args {
		p, err := pool(th, a)
		if err != nil {
			return runtime.Value{}, err
		}
		base[i] = p
		all = append(all, p...)
	}
	if err := th.Alloc(int64(len(base)) * repeat * 8); err != nil {
		return runtime.Value{}, err
	}
	var pools [][]runtime.Value
	for r := int64(0); r < repeat; r++ {
		pools = append(pools, base...)
	}
	first := make([]int, len(pools))
	for _, p := range pools {
		if len(p) == 0 {
			first = nil
		}
	}
	advance := func(idx []int) bool {
		for i := len(idx) - 1; i >= 0; i-- {
			idx[i]++
			if idx[i] < len(pools[i]) {
				return true
			}
			idx[i] = 0
		}
		return false
	}
	pick := func(idx []int) []runtime.Value {
		out := make([]runtime.Value, len(idx))
		for i, j := range idx {
			out[i] = pools[i][j]
		}
		return out
	}
	return runtime.Obj(indexIter(cls, first, advance, pick, all)), nil
}

// poolAndR reads the (iterable, r) arguments of the selection iterators;
// r < 0 means r was None or absent.
func poolAndR(th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg, rRequired bool) ([]runtime.Value, int, error) {
	var iterable, rv runtime.Value
	rName := "r?"
	if rRequired {
		rName = "r"
	}
	if err := runtime.UnpackArgs(name, args, kw, "iterable", &iterable, rName, &rv); err != nil {
		return nil, 0, err
	}
	items, err := pool(th, iterable)
	if err != nil {
		return nil, 0, err
	}
	r := -1
	if rv.IsValid() && !rv.IsNone() {
		n, err := runtime.IndexValue(rv)
		if err != nil {
			return nil, 0, err
		}
		if n < 0 {
			return nil, 0, runtime.Errorf(runtime.ValueError, "r must be non-negative")
		}
		r = int(min(n, 1<<40))
	}
	return items, r, nil
}

// permutations(iterable, r=None)
func permutationsNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	items, r, err := poolAndR(th, "permutations", args, kw, false)
	if err != nil {
		return runtime.Value{}, err
	}
	n := len(items)
	if r < 0 {
		r = n
	}
	first := firstSelection(r, n)
	used := make([]bool, n)
	for _, j := range first {
		used[j] = true
	}
	// advance finds the rightmost position that can take a larger unused
	// index, then fills the positions after it with the smallest unused
	// indices in increasing order.
	advance := func(idx []int) bool {
		for i := len(idx) - 1; i >= 0; i-- {
			used[idx[i]] = false
			for j := idx[i] + 1; j < n; j++ {
				if !used[j] {
					idx[i] = j
					used[j] = true
					k := i + 1
					for m := 0; k < len(idx); m++ {
						if !used[m] {
							idx[k] = m
							used[m] = true
							k++
						}
					}
					return true
				}
			}
		}
		return false
	}
	return runtime.Obj(indexIter(cls, first, advance, pickFrom(items), items)), nil
}

// combinations(iterable, r)
func combinationsNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	items, r, err := poolAndR(th, "combinations", args, kw, true)
	if err != nil {
		return runtime.Value{}, err
	}
	n := len(items)
	first := firstSelection(r, n)
	advance := func(idx []int) bool {
		for i := len(idx) - 1; i >= 0; i-- {
			if idx[i] != i+n-len(idx) {
				idx[i]++
				for j := i + 1; j < len(idx); j++ {
					idx[j] = idx[j-1] + 1
				}
				return true
			}
		}
		return false
	}
	return runtime.Obj(indexIter(cls, first, advance, pickFrom(items), items)), nil
}

// combinations_with_replacement(iterable, r)
func cwrNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	items, r, err := poolAndR(th, "combinations_with_replacement", args, kw, true)
	if err != nil {
		return runtime.Value{}, err
	}
	n := len(items)
	var first []int
	if n > 0 || r == 0 {
		if err := th.Alloc(int64(r) * 8); err != nil {
			return runtime.Value{}, err
		}
		first = make([]int, r)
	}
	advance := func(idx []int) bool {
		for i := len(idx) - 1; i >= 0; i-- {
			if idx[i] != n-1 {
				idx[i]++
				for j := i + 1; j < len(idx); j++ {
					idx[j] = idx[i]
				}
				return true
			}
		}
		return false
	}
	return runtime.Obj(indexIter(cls, first, advance, pickFrom(items), items)), nil
}
