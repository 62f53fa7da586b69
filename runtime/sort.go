package runtime

// This file implements list.sort, sorted() and SortValues on top of our
// own adaptive merge sort. The sort is stable, which is all Python
// promises: for any consistent order the result is the one CPython
// gives. It takes the list's natural runs (ascending, or strictly
// descending and then reversed) as they come, lengthens short runs to a
// minimum by binary insertion, and merges neighbouring runs following the
// "powersort" policy of Munro and Wild, which keeps merges balanced. A
// merge trims the parts of both runs that are already in place, copies
// the shorter run aside and, when one side keeps winning, switches to
// exponential search to move whole blocks at once.
//
// Comparisons may fail (a Python __lt__ raising). The sort then stops at
// once and returns the error with the slice still holding every item
// exactly once, in some order.

import (
	"math/bits"
	"slices"
)

// sortMinBlockWins is how many consecutive wins of one side of a merge
// first make the merge look for a whole block from that side. The sort
// then adapts the threshold: block searches that find little raise it,
// ones that pay lower it.
const sortMinBlockWins = 7

// pendingRun is a sorted stretch a[start:end] waiting to be merged, with
// the powersort depth of its boundary with the run pushed before it.
type pendingRun struct {
	start, end int
	depth      int
}

// runMerger holds the state of one sort of a []T under a fallible less.
type runMerger[T any] struct {
	a     []T
	spare []T // holds the run copied aside during a merge
	less  func(x, y T) (bool, error)
	stack []pendingRun
	// blockWins is the current number of consecutive wins that starts a
	// block search.
	blockWins int
}

// blocksPaid adapts blockWins after a round of block searches that
// moved n1 and n2 items, and reports whether block searching should go
// on: it pays while either block is long.
func (m *runMerger[T]) blocksPaid(n1, n2 int) bool {
	if n1 >= sortMinBlockWins || n2 >= sortMinBlockWins {
		if m.blockWins > 1 {
			m.blockWins--
		}
		return true
	}
	m.blockWins++
	return false
}

// minRunLength picks the length short runs are extended to: between 16
// and 32 for large n, chosen so n divided by it is a power of two or just
// below one, so the final merges are between runs of similar length.
func minRunLength(n int) int {
	if n < 64 {
		return n
	}
	shift := bits.Len(uint(n)) - 6 // keep the top 6 bits of n
	m := n >> shift
	if n&(1<<shift-1) != 0 {
		m++ // round up when bits were dropped
	}
	return m
}

// insertSorted extends the sorted a[lo:mid] to a sorted a[lo:hi] by
// binary insertion of each following item. On error the item being
// placed has not moved.
func (m *runMerger[T]) insertSorted(lo, mid, hi int) error {
	a := m.a
	for i := mid; i < hi; i++ {
		x := a[i]
		// Find the first position whose item is greater than x, so x goes
		// after its equals.
		l, r := lo, i
		for l < r {
			c := int(uint(l+r) >> 1)
			lt, err := m.less(x, a[c])
			if err != nil {
				return err
			}
			if lt {
				r = c
			} else {
				l = c + 1
			}
		}
		copy(a[l+1:i+1], a[l:i])
		a[l] = x
	}
	return nil
}

// naturalRun returns the end of the run starting at lo (at most hi),
// having reversed it in place when it was strictly descending. Strictness
// matters: reversing equal items would break stability.
func (m *runMerger[T]) naturalRun(lo, hi int) (int, error) {
	a := m.a
	i := lo + 1
	if i >= hi {
		return hi, nil
	}
	down, err := m.less(a[i], a[i-1])
	if err != nil {
		return 0, err
	}
	for i++; i < hi; i++ {
		lt, err := m.less(a[i], a[i-1])
		if err != nil {
			return 0, err
		}
		if lt != down {
			break
		}
	}
	if down {
		reverseSlice(a[lo:i])
	}
	return i, nil
}

// leadingNotGreater counts the items at the front of the sorted s that
// are not greater than x, probing 1, 3, 7, ... items in before a binary
// search, so a short answer costs few comparisons.
func (m *runMerger[T]) leadingNotGreater(s []T, x T) (int, error) {
	return m.leadingCount(s, func(y T) (bool, error) {
		gt, err := m.less(x, y)
		return !gt, err
	})
}

// leadingLess counts the items at the front of the sorted s that are
// less than x, with the same probing as leadingNotGreater.
func (m *runMerger[T]) leadingLess(s []T, x T) (int, error) {
	return m.leadingCount(s, func(y T) (bool, error) { return m.less(y, x) })
}

// leadingCount returns how many items at the front of s satisfy in, a
// predicate true on a prefix of s and false after it.
func (m *runMerger[T]) leadingCount(s []T, in func(T) (bool, error)) (int, error) {
	// Find a bracket (known, probe] around the answer by doubling.
	known, probe := 0, 1
	for probe <= len(s) {
		ok, err := in(s[probe-1])
		if err != nil {
			return 0, err
		}
		if !ok {
			break
		}
		known = probe
		probe = 2*probe + 1
	}
	if probe > len(s) {
		probe = len(s) + 1
	}
	// The answer n satisfies known <= n < probe.
	lo, hi := known, probe-1
	for lo < hi {
		c := int(uint(lo+hi) >> 1)
		ok, err := in(s[c])
		if err != nil {
			return 0, err
		}
		if ok {
			lo = c + 1
		} else {
			hi = c
		}
	}
	return lo, nil
}

// trailingCount returns how many items at the back of s satisfy in, a
// predicate false on a prefix of s and true after it, probing from the
// back.
func (m *runMerger[T]) trailingCount(s []T, in func(T) (bool, error)) (int, error) {
	known, probe := 0, 1
	for probe <= len(s) {
		ok, err := in(s[len(s)-probe])
		if err != nil {
			return 0, err
		}
		if !ok {
			break
		}
		known = probe
		probe = 2*probe + 1
	}
	if probe > len(s) {
		probe = len(s) + 1
	}
	lo, hi := known, probe-1
	for lo < hi {
		c := int(uint(lo+hi) >> 1)
		ok, err := in(s[len(s)-1-c])
		if err != nil {
			return 0, err
		}
		if ok {
			lo = c + 1
		} else {
			hi = c
		}
	}
	return lo, nil
}

// merge merges the adjacent sorted runs a[lo:mid] and a[mid:hi].
func (m *runMerger[T]) merge(lo, mid, hi int) error {
	a := m.a
	// Items of the left run not greater than the right run's first item
	// are already in place, as are items of the right run not less than
	// the left run's last item.
	k, err := m.leadingNotGreater(a[lo:mid], a[mid])
	if err != nil {
		return err
	}
	lo += k
	if lo == mid {
		return nil
	}
	last := a[mid-1]
	k, err = m.trailingCount(a[mid:hi], func(y T) (bool, error) {
		lt, err := m.less(y, last)
		return !lt, err
	})
	if err != nil {
		return err
	}
	hi -= k
	if mid-lo <= hi-mid {
		return m.mergeForward(lo, mid, hi)
	}
	return m.mergeBackward(lo, mid, hi)
}

// aside copies src into the spare buffer and returns the copy.
func (m *runMerger[T]) aside(src []T) []T {
	if cap(m.spare) < len(src) {
		m.spare = make([]T, len(src), max(len(src), cap(m.spare)*2))
	}
	b := m.spare[:len(src)]
	copy(b, src)
	return b
}

// mergeForward merges with the left run a[lo:mid] copied aside, filling
// a from lo upward. The hole left by the copy always sits just below the
// unmerged right items, so on error putting the copy's remaining items
// back into the hole restores a permutation.
func (m *runMerger[T]) mergeForward(lo, mid, hi int) (err error) {
	a := m.a
	left := m.aside(a[lo:mid])
	i, j, out := 0, mid, lo
	defer func() {
		if err != nil {
			copy(a[out:], left[i:])
		}
	}()
	leftWins, rightWins := 0, 0
	for i < len(left) && j < hi {
		var rightFirst bool
		if rightFirst, err = m.less(a[j], left[i]); err != nil {
			return err
		}
		if rightFirst {
			a[out] = a[j]
			out, j = out+1, j+1
			rightWins, leftWins = rightWins+1, 0
		} else {
			a[out] = left[i]
			out, i = out+1, i+1
			leftWins, rightWins = leftWins+1, 0
		}
		if leftWins < m.blockWins && rightWins < m.blockWins {
			continue
		}
		// One side is winning steadily: move whole blocks, alternating
		// sides, for as long as the blocks stay long.
		for i < len(left) && j < hi {
			var n1, n2 int
			if n1, err = m.leadingNotGreater(left[i:], a[j]); err != nil {
				return err
			}
			copy(a[out:], left[i:i+n1])
			out, i = out+n1, i+n1
			if i == len(left) {
				break
			}
			if n2, err = m.leadingLess(a[j:hi], left[i]); err != nil {
				return err
			}
			copy(a[out:], a[j:j+n2])
			out, j = out+n2, j+n2
			if !m.blocksPaid(n1, n2) {
				break
			}
		}
		leftWins, rightWins = 0, 0
	}
	copy(a[out:], left[i:])
	return nil
}

// mergeBackward merges with the right run a[mid:hi] copied aside,
// filling a from hi downward; the mirror image of mergeForward, with the
// hole just above the unmerged left items.
func (m *runMerger[T]) mergeBackward(lo, mid, hi int) (err error) {
	a := m.a
	right := m.aside(a[mid:hi])
	// Unmerged: a[lo:i] on the left, right[:j]; the output fills a[:out]
	// downward, and out-i == j.
	i, j, out := mid, len(right), hi
	defer func() {
		if err != nil {
			copy(a[i:out], right[:j])
		}
	}()
	leftWins, rightWins := 0, 0
	for i > lo && j > 0 {
		var rightFirst bool
		if rightFirst, err = m.less(right[j-1], a[i-1]); err != nil {
			return err
		}
		if rightFirst {
			// The left item is the greater: it goes last.
			a[out-1] = a[i-1]
			out, i = out-1, i-1
			leftWins, rightWins = leftWins+1, 0
		} else {
			a[out-1] = right[j-1]
			out, j = out-1, j-1
			rightWins, leftWins = rightWins+1, 0
		}
		if leftWins < m.blockWins && rightWins < m.blockWins {
			continue
		}
		for i > lo && j > 0 {
			// Left items greater than the right run's last item.
			x := right[j-1]
			var n1, n2 int
			if n1, err = m.trailingCount(a[lo:i], func(y T) (bool, error) { return m.less(x, y) }); err != nil {
				return err
			}
			copy(a[out-n1:out], a[i-n1:i])
			out, i = out-n1, i-n1
			if i == lo {
				break
			}
			// Right items not less than the left run's last item.
			y := a[i-1]
			if n2, err = m.trailingCount(right[:j], func(x T) (bool, error) {
				lt, err := m.less(x, y)
				return !lt, err
			}); err != nil {
				return err
			}
			copy(a[out-n2:out], right[j-n2:j])
			out, j = out-n2, j-n2
			if !m.blocksPaid(n1, n2) {
				break
			}
		}
		leftWins, rightWins = 0, 0
	}
	copy(a[i:out], right[:j])
	return nil
}

// boundaryDepth is the powersort depth of the boundary between the runs
// [s1, s2) and [s2, e2) of an n-item slice: the number of leading binary
// digits that the runs' midpoints, as fractions of n, share, plus one.
// Boundaries between runs far apart in a balanced merge tree get small
// depths and are merged last.
func boundaryDepth(s1, s2, e2, n int) int {
	// The midpoints are (s1+s2)/2n and (s2+e2)/2n, fractions in [0, 1):
	// scale both by 2**64, that is compute (s1+s2) * 2**63 / n, and
	// compare their bits.
	d := uint64(n)
	fa, _ := bits.Div64(uint64(s1+s2)>>1, uint64(s1+s2)<<63, d)
	fb, _ := bits.Div64(uint64(s2+e2)>>1, uint64(s2+e2)<<63, d)
	return bits.LeadingZeros64(fa^fb) + 1
}

// push adds the run a[start:end] to the stack, first merging the runs
// whose boundaries are deeper than the new boundary.
func (m *runMerger[T]) push(start, end int) error {
	if len(m.stack) > 0 {
		top := m.stack[len(m.stack)-1]
		depth := boundaryDepth(top.start, start, end, len(m.a))
		for len(m.stack) > 1 && m.stack[len(m.stack)-1].depth > depth {
			if err := m.mergeTop(); err != nil {
				return err
			}
		}
		m.stack = append(m.stack, pendingRun{start, end, depth})
		return nil
	}
	m.stack = append(m.stack, pendingRun{start: start, end: end})
	return nil
}

// mergeTop merges the two runs on top of the stack into one.
func (m *runMerger[T]) mergeTop() error {
	n := len(m.stack)
	left, right := m.stack[n-2], m.stack[n-1]
	if err := m.merge(left.start, left.end, right.end); err != nil {
		return err
	}
	m.stack[n-2].end = right.end
	m.stack = m.stack[:n-1]
	return nil
}

func reverseSlice[T any](a []T) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

// stableSort sorts a in place, stably, under less. If less fails the
// sort stops and returns the error, a then holding its items in some
// order.
func stableSort[T any](a []T, less func(x, y T) (bool, error)) error {
	n := len(a)
	if n < 2 {
		return nil
	}
	m := &runMerger[T]{a: a, less: less, blockWins: sortMinBlockWins}
	minRun := minRunLength(n)
	for lo := 0; lo < n; {
		end, err := m.naturalRun(lo, n)
		if err != nil {
			return err
		}
		if end-lo < minRun {
			short := end
			end = min(lo+minRun, n)
			if err := m.insertSorted(lo, short, end); err != nil {
				return err
			}
		}
		if err := m.push(lo, end); err != nil {
			return err
		}
		lo = end
	}
	for len(m.stack) > 1 {
		if err := m.mergeTop(); err != nil {
			return err
		}
	}
	return nil
}

// sortLess is the comparison of list.sort: Python's <, with fast paths
// for the homogeneous cases CPython also specializes.
func sortLess(th *Thread, x, y Value) (bool, error) {
	if x.IsSmallInt() && y.IsSmallInt() {
		return x.SmallInt() < y.SmallInt(), nil
	}
	if x.IsFloat() && y.IsFloat() {
		return x.FloatVal() < y.FloatVal(), nil
	}
	if a, ok := x.obj.(*StrObj); ok {
		if b, ok := y.obj.(*StrObj); ok {
			return a.S < b.S, nil
		}
	}
	if a, ok := x.obj.(*Tuple); ok {
		if b, ok := y.obj.(*Tuple); ok {
			return tupleSortLess(th, a.Items, b.Items)
		}
	}
	return Less(th, x, y)
}

// allSmallInts reports whether every item is a small int.
func allSmallInts(items []Value) bool {
	for _, v := range items {
		if !v.IsSmallInt() {
			return false
		}
	}
	return true
}

// sortSmallInts sorts small ints without calling back into Python. Equal
// small ints are the same value, so stability is moot and an unstable
// sort gives the same list.
func sortSmallInts(th *Thread, items []Value, reverse bool) error {
	n := int64(len(items))
	if err := th.Work(n * int64(bits.Len64(uint64(n)))); err != nil {
		return err
	}
	if reverse {
		slices.SortFunc(items, func(x, y Value) int { return cmpInt64(y.SmallInt(), x.SmallInt()) })
	} else {
		slices.SortFunc(items, func(x, y Value) int { return cmpInt64(x.SmallInt(), y.SmallInt()) })
	}
	return nil
}

func cmpInt64(x, y int64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// keyedValue pairs an item with its sort key.
type keyedValue struct{ key, value Value }

// SortValues sorts items in place as list.sort(key=key, reverse=reverse)
// does; key may be None or the zero Value. If the key function fails the
// items are unchanged; if a comparison fails they are left permuted as
// CPython leaves them. sorted() uses it.
func SortValues(th *Thread, items []Value, key Value, reverse bool) error {
	if !key.IsValid() || key.IsNone() {
		if allSmallInts(items) {
			return sortSmallInts(th, items, reverse)
		}
		if reverse {
			reverseValues(items)
		}
		// Each comparison is a unit of work, charged in batches.
		m := workMeter{th: th}
		err := stableSort(items, func(x, y Value) (bool, error) {
			if err := m.add(1); err != nil {
				return false, err
			}
			return sortLess(th, x, y)
		})
		if reverse {
			reverseValues(items)
		}
		return err
	}
	if err := th.Alloc(int64(len(items)) * 2 * valueSize); err != nil {
		return err
	}
	pairs := make([]keyedValue, len(items))
	arg := make([]Value, 1)
	for i, v := range items {
		arg[0] = v
		k, err := th.Call(key, arg, nil)
		if err != nil {
			return err
		}
		pairs[i] = keyedValue{k, v}
	}
	if reverse {
		reverseSlice(pairs)
	}
	m := workMeter{th: th}
	err := stableSort(pairs, func(x, y keyedValue) (bool, error) {
		if err := m.add(1); err != nil {
			return false, err
		}
		return sortLess(th, x.key, y.key)
	})
	for i := range pairs {
		items[i] = pairs[i].value
	}
	if reverse {
		reverseValues(items)
	}
	return err
}

// sortReverseArg converts reverse= as CPython's bool(accept={int}): an int
// that fits a C int.
func sortReverseArg(v Value) (bool, error) {
	n, ok := asInt64(v)
	if !ok {
		if isIntLike(v) {
			return false, Errorf(OverflowError, "Python int too large to convert to C int")
		}
		return false, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	if n < -1<<31 || n >= 1<<31 {
		return false, Errorf(OverflowError, "Python int too large to convert to C int")
	}
	return n != 0, nil
}

// listSort is list.sort(*, key=None, reverse=False). As in CPython the
// list looks empty while it is being sorted, and a change made meanwhile
// by a key function or comparison raises ValueError.
func listSort(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if len(args) > 0 {
		return Value{}, Errorf(TypeError, "sort() takes no positional arguments")
	}
	key := None
	reverse := false
	for _, k := range kw {
		switch k.Name {
		case "key":
			key = k.Value
		case "reverse":
			r, err := sortReverseArg(k.Value)
			if err != nil {
				return Value{}, err
			}
			reverse = r
		default:
			return Value{}, Errorf(TypeError, "'%s' is an invalid keyword argument for sort()", k.Name)
		}
	}
	l := asList(self)
	items := l.Items
	sentinel := make([]Value, 0, 1)
	l.Items = sentinel
	err := SortValues(th, items, key, reverse)
	modified := len(l.Items) != 0 || cap(l.Items) != 1 || &l.Items[:1][0] != &sentinel[:1][0]
	l.Items = items
	if err != nil {
		return Value{}, err
	}
	if modified {
		return Value{}, Errorf(ValueError, "list modified during sort")
	}
	return None, nil
}
