// Package heapq is Python's heapq module: a binary min-heap kept in a
// list, with the same sift algorithms as CPython so that the list's
// layout after every operation (which scripts print) is CPython's.
package heapq

// This file defines the module, the heap primitives over a list, and
// nlargest/nsmallest.

import (
	"github.com/aio-lang/aio/runtime"
)

func init() { runtime.RegisterStdModule("heapq", load) }

// load builds the heapq module.
func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("heapq")
	for name, fn := range map[string]runtime.BuiltinFn{
		"heappush":         heapPush,
		"heappop":          heapPop,
		"heapify":          heapify,
		"heapreplace":      heapReplace,
		"heappushpop":      heapPushPop,
		"_heappop_max":     heapPopMax,
		"_heapify_max":     heapifyMax,
		"_heapreplace_max": heapReplaceMax,
		"nlargest":         nLargest,
		"nsmallest":        nSmallest,
		"merge":            merge,
	} {
		m.Set(name, runtime.NewBuiltin(name, fn))
	}
	m.Set("__all__", runtime.NewList([]runtime.Value{
		runtime.Str("heappush"), runtime.Str("heappop"), runtime.Str("heapify"),
		runtime.Str("heapreplace"), runtime.Str("merge"), runtime.Str("nlargest"),
		runtime.Str("nsmallest"), runtime.Str("heappushpop"),
	}))
	return m
}

// heap is a list being worked on as a heap; max flips the order.
type heap struct {
	th  *runtime.Thread
	l   *runtime.List
	max bool
}

// errChanged is CPython's complaint when a comparison resized the list.
func errChanged() error {
	return runtime.Errorf(runtime.RuntimeError, "list changed size during iteration")
}

// before reports whether a sorts before b in the heap's order.
func (h *heap) before(a, b runtime.Value) (bool, error) {
	if h.max {
		a, b = b, a
	}
	return less(h.th, a, b)
}

// less is a < b, without the generic dispatch for the common keys: ints
// and floats of the same kind.
func less(th *runtime.Thread, a, b runtime.Value) (bool, error) {
	switch {
	case a.IsSmallInt() && b.IsSmallInt():
		return a.SmallInt() < b.SmallInt(), nil
	case a.IsFloat() && b.IsFloat():
		return a.FloatVal() < b.FloatVal(), nil
	}
	return runtime.Less(th, a, b)
}

// siftDown moves the item at pos towards the root (not above start)
// while it sorts before its parent.
func (h *heap) siftDown(start, pos int) error {
	n := len(h.l.Items)
	item := h.l.Items[pos]
	for pos > start {
		parentPos := (pos - 1) >> 1
		parent := h.l.Items[parentPos]
		lt, err := h.before(item, parent)
		if err != nil {
			return err
		}
		if len(h.l.Items) != n {
			return errChanged()
		}
		if !lt {
			break
		}
		h.l.Items[pos] = parent
		pos = parentPos
	}
	h.l.Items[pos] = item
	return nil
}

// siftUp fills the hole at pos by moving the smaller child up until it
// reaches a leaf, then puts the item that was at pos there and lets it
// settle back up: fewer comparisons than stopping early, the layout
// CPython's heapq produces.
func (h *heap) siftUp(pos int) error {
	n := len(h.l.Items)
	start := pos
	item := h.l.Items[pos]
	child := 2*pos + 1
	for child < n {
		right := child + 1
		if right < n {
			lt, err := h.before(h.l.Items[child], h.l.Items[right])
			if err != nil {
				return err
			}
			if len(h.l.Items) != n {
				return errChanged()
			}
			if !lt {
				child = right
			}
		}
		h.l.Items[pos] = h.l.Items[child]
		pos = child
		child = 2*pos + 1
	}
	h.l.Items[pos] = item
	return h.siftDown(start, pos)
}

// heapArg unpacks a function's heap argument, which must be a list.
func heapArg(th *runtime.Thread, fname string, args []runtime.Value, kw []runtime.Kwarg, max bool, names ...string) (*heap, []runtime.Value, error) {
	if err := runtime.PositionalArgs(fname, nil, kw, 0, -1); err != nil {
		return nil, nil, err
	}
	if len(args) != len(names) {
		if len(names) == 1 {
			return nil, nil, runtime.Errorf(runtime.TypeError, "_heapq.%s() takes exactly one argument (%d given)", fname, len(args))
		}
		return nil, nil, runtime.Errorf(runtime.TypeError, "%s expected %d arguments, got %d", fname, len(names), len(args))
	}
	l, ok := runtime.As[*runtime.List](args[0])
	if !ok {
		which := "argument 1"
		if len(names) == 1 {
			which = "argument"
		}
		return nil, nil, runtime.Errorf(runtime.TypeError, "%s() %s must be list, not %s", fname, which, args[0].Type().Name)
	}
	return &heap{th: th, l: l, max: max}, args[1:], nil
}

// heappush(heap, item)
func heapPush(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	h, rest, err := heapArg(th, "heappush", args, kw, false, "heap", "item")
	if err != nil {
		return runtime.Value{}, err
	}
	if err := th.CheckGrow(h.l.Items, 1); err != nil {
		return runtime.Value{}, err
	}
	h.l.Append(rest[0])
	return runtime.None, h.siftDown(0, len(h.l.Items)-1)
}

// pop removes and returns the heap's first item.
func (h *heap) pop() (runtime.Value, error) {
	n := len(h.l.Items)
	if n == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.IndexError, "index out of range")
	}
	last := h.l.Items[n-1]
	h.l.Items[n-1] = runtime.Value{}
	h.l.Items = h.l.Items[:n-1]
	if n == 1 {
		return last, nil
	}
	first := h.l.Items[0]
	h.l.Items[0] = last
	return first, h.siftUp(0)
}

// heappop(heap)
func heapPop(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	h, _, err := heapArg(th, "heappop", args, kw, false, "heap")
	if err != nil {
		return runtime.Value{}, err
	}
	return h.pop()
}

// _heappop_max(heap)
func heapPopMax(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	h, _, err := heapArg(th, "_heappop_max", args, kw, true, "heap")
	if err != nil {
		return runtime.Value{}, err
	}
	return h.pop()
}

// replace swaps item in for the first item and returns the old one.
func (h *heap) replace(item runtime.Value) (runtime.Value, error) {
	if len(h.l.Items) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.IndexError, "index out of range")
	}
	first := h.l.Items[0]
	h.l.Items[0] = item
	return first, h.siftUp(0)
}

// heapreplace(heap, item)
func heapReplace(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	h, rest, err := heapArg(th, "heapreplace", args, kw, false, "heap", "item")
	if err != nil {
		return runtime.Value{}, err
	}
	return h.replace(rest[0])
}

// _heapreplace_max(heap, item)
func heapReplaceMax(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	h, rest, err := heapArg(th, "_heapreplace_max", args, kw, true, "heap", "item")
	if err != nil {
		return runtime.Value{}, err
	}
	return h.replace(rest[0])
}

// heappushpop(heap, item)
func heapPushPop(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	h, rest, err := heapArg(th, "heappushpop", args, kw, false, "heap", "item")
	if err != nil {
		return runtime.Value{}, err
	}
	item := rest[0]
	if len(h.l.Items) == 0 {
		return item, nil
	}
	lt, err := less(th, h.l.Items[0], item)
	if err != nil || !lt {
		return item, err
	}
	if len(h.l.Items) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.IndexError, "index out of range")
	}
	return h.replace(item)
}

// heapifyList rearranges the list into a heap in place.
func (h *heap) heapify() error {
	n := len(h.l.Items)
	for i := n/2 - 1; i >= 0; i-- {
		if err := h.siftUp(i); err != nil {
			return err
		}
		if err := h.th.Work(int64(1 + n/(i+1)/8)); err != nil {
			return err
		}
	}
	return nil
}

// heapify(x)
func heapify(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	h, _, err := heapArg(th, "heapify", args, kw, false, "heap")
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, h.heapify()
}

// _heapify_max(x)
func heapifyMax(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	h, _, err := heapArg(th, "_heapify_max", args, kw, true, "heap")
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, h.heapify()
}

// nLargest is nlargest(n, iterable, key=None): the n largest items,
// largest first, ties in their order in iterable (as a stable reverse
// sort gives them).
func nLargest(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return selectN(th, "nlargest", args, kw, true)
}

// nSmallest is nsmallest(n, iterable, key=None).
func nSmallest(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return selectN(th, "nsmallest", args, kw, false)
}

// selectN sorts a copy of the items stably and keeps the first n: the
// result CPython's heap-based selection defines.
func selectN(th *runtime.Thread, fname string, args []runtime.Value, kw []runtime.Kwarg, largest bool) (runtime.Value, error) {
	var nv, iterable runtime.Value
	key := runtime.None
	if err := runtime.UnpackArgs(fname, args, kw, "n", &nv, "iterable", &iterable, "key?", &key); err != nil {
		return runtime.Value{}, err
	}
	n, err := runtime.IndexValue(nv)
	if err != nil {
		return runtime.Value{}, err
	}
	if n <= 0 {
		// Nothing is read, but the argument must still be iterable.
		_, err := runtime.Iter(th, iterable)
		return runtime.NewList(nil), err
	}
	var items []runtime.Value
	if l, ok := runtime.As[*runtime.List](iterable); ok && n*8 < int64(len(l.Items)) {
		// Read the list in place: keepBest copies only what it keeps.
		items = l.Items
	} else if items, err = runtime.Collect(th, iterable); err != nil {
		return runtime.Value{}, err
	}
	if n*8 < int64(len(items)) {
		// Few of many: keep the best n in a bounded heap, then sort those.
		if items, err = keepBest(th, items, key, int(n), largest); err != nil {
			return runtime.Value{}, err
		}
	}
	if err := runtime.SortValues(th, items, key, largest); err != nil {
		return runtime.Value{}, err
	}
	if int64(len(items)) > n {
		items = append([]runtime.Value(nil), items[:n]...)
	}
	return runtime.NewList(items), nil
}
