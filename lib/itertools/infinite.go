package itertools

// This file defines the infinite iterators (count, cycle, repeat) and
// the ones that transform a single stream: accumulate, chain, compress,
// dropwhile, takewhile, filterfalse, starmap, pairwise and islice.

import (
	"strconv"

	"github.com/aio-lang/aio/runtime"
)

// count(start=0, step=1)
func countNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	start, step := runtime.Int(0), runtime.Int(1)
	if err := runtime.UnpackArgs("count", args, kw, "start?", &start, "step?", &step); err != nil {
		return runtime.Value{}, err
	}
	for _, v := range []runtime.Value{start, step} {
		if !isNumber(v) {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "a number is required")
		}
	}
	cur := start
	o := &iterObj{cls: cls}
	o.next = func(th *runtime.Thread) (runtime.Value, bool, error) {
		v := cur
		n, err := runtime.Binary(th, runtime.OpAdd, cur, step)
		if err != nil {
			return runtime.Value{}, false, err
		}
		cur = n
		return v, true, nil
	}
	o.repr = func(th *runtime.Thread) (string, error) {
		s, err := runtime.Repr(th, cur)
		if err != nil {
			return "", err
		}
		if step.IsSmallInt() && step.SmallInt() == 1 && step.Type() == runtime.IntType {
			return "count(" + s + ")", nil
		}
		t, err := runtime.Repr(th, step)
		return "count(" + s + ", " + t + ")", err
	}
	o.refs = func(w *runtime.MemWalker) { w.Value(cur); w.Value(step) }
	return runtime.Obj(o), nil
}

// isNumber reports whether count accepts v: a number, or an object with
// __add__ such as a Fraction or a Decimal.
func isNumber(v runtime.Value) bool {
	if v.IsSmallInt() || v.IsFloat() {
		return true
	}
	_, ok := v.Type().Lookup("__add__")
	return ok && v.Type() != runtime.StrType && !v.Type().IsSubtype(runtime.ListType) && !v.Type().IsSubtype(runtime.TupleType)
}

// cycle(iterable)
func cycleNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	it, err := oneIterable(th, "cycle", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	var saved []runtime.Value
	i, replay := 0, false
	o := &iterObj{cls: cls}
	o.next = func(th *runtime.Thread) (runtime.Value, bool, error) {
		if !replay {
			v, ok, err := it.Next(th)
			if err != nil {
				return runtime.Value{}, false, err
			}
			if ok {
				// Held, so that a memory walk the charge starts counts
				// the buffer even when only Go code holds the cycle.
				th.Hold(o)
				err := th.Alloc(16)
				th.Release()
				if err != nil {
					return runtime.Value{}, false, err
				}
				saved = append(saved, v)
				return v, true, nil
			}
			replay = true
		}
		if len(saved) == 0 {
			return stop()
		}
		if err := th.Work(1); err != nil {
			return runtime.Value{}, false, err
		}
		v := saved[i]
		i = (i + 1) % len(saved)
		return v, true, nil
	}
	o.refs = func(w *runtime.MemWalker) { w.Any(it); w.Values(saved) }
	o.extra = func() int64 { return int64(cap(saved)) * 16 }
	return runtime.Obj(o), nil
}

// repeat(object[, times])
func repeatNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var obj, times runtime.Value
	if err := runtime.UnpackArgs("repeat", args, kw, "object", &obj, "times?", &times); err != nil {
		return runtime.Value{}, err
	}
	left := int64(-1)
	if times.IsValid() {
		n, err := runtime.IndexValue(times)
		if err != nil {
			return runtime.Value{}, err
		}
		left = max(n, 0)
	}
	o := &iterObj{cls: cls}
	o.next = func(th *runtime.Thread) (runtime.Value, bool, error) {
		if left == 0 {
			return stop()
		}
		if left > 0 {
			left--
		}
		if err := th.Work(1); err != nil {
			return runtime.Value{}, false, err
		}
		return obj, true, nil
	}
	o.repr = func(th *runtime.Thread) (string, error) {
		s, err := runtime.Repr(th, obj)
		if left < 0 || err != nil {
			return "repeat(" + s + ")", err
		}
		return "repeat(" + s + ", " + strconv.FormatInt(left, 10) + ")", nil
	}
	o.refs = func(w *runtime.MemWalker) { w.Value(obj) }
	return runtime.Obj(o), nil
}

// accumulate(iterable[, func, *, initial=None])
func accumulateNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var iterable, fn, initial runtime.Value
	if err := runtime.UnpackArgs("accumulate", args, kw, "iterable", &iterable, "func?", &fn, "$initial?", &initial); err != nil {
		return runtime.Value{}, err
	}
	it, err := runtime.Iter(th, iterable)
	if err != nil {
		return runtime.Value{}, err
	}
	if fn.IsValid() && fn.IsNone() {
		fn = runtime.Value{}
	}
	var total runtime.Value
	pending := initial.IsValid() && !initial.IsNone()
	if pending {
		total = initial
	}
	o := &iterObj{cls: cls}
	o.next = func(th *runtime.Thread) (runtime.Value, bool, error) {
		if pending {
			pending = false
			return total, true, nil
		}
		v, ok, err := it.Next(th)
		if !ok || err != nil {
			return runtime.Value{}, false, err
		}
		switch {
		case !total.IsValid():
			total = v
		case fn.IsValid():
			if total, err = th.Call(fn, []runtime.Value{total, v}, nil); err != nil {
				return runtime.Value{}, false, err
			}
		default:
			if total, err = runtime.Binary(th, runtime.OpAdd, total, v); err != nil {
				return runtime.Value{}, false, err
			}
		}
		return total, true, nil
	}
	o.refs = func(w *runtime.MemWalker) { w.Any(it); w.Value(fn); w.Value(total) }
	return runtime.Obj(o), nil
}

// chainOf chains the iterables that src yields, calling iter() on each
// only when the previous one is exhausted.
func chainOf(cls *runtime.Type, src runtime.Iterator) *iterObj {
	var cur runtime.Iterator
	o := &iterObj{cls: cls}
	o.next = func(th *runtime.Thread) (runtime.Value, bool, error) {
		for {
			if cur == nil {
				if src == nil {
					return stop()
				}
				iterable, ok, err := src.Next(th)
				if err != nil {
					return runtime.Value{}, false, err
				}
				if !ok {
					src = nil
					return stop()
				}
				if cur, err = runtime.Iter(th, iterable); err != nil {
					return runtime.Value{}, false, err
				}
			}
			v, ok, err := cur.Next(th)
			if err != nil {
				return runtime.Value{}, false, err
			}
			if ok {
				return v, true, nil
			}
			cur = nil
		}
	}
	o.refs = func(w *runtime.MemWalker) { w.Any(src); w.Any(cur) }
	return o
}

// chain(*iterables)
func chainNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.NoKeywords("chain", kw); err != nil {
		return runtime.Value{}, err
	}
	src, err := runtime.Iter(th, runtime.TupleOf(args...))
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(chainOf(cls, src)), nil
}

// chain.from_iterable(iterable)
func chainFromIterable(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var iterable runtime.Value
	if err := runtime.UnpackArgs("from_iterable", args, kw, "iterable", &iterable); err != nil {
		return runtime.Value{}, err
	}
	src, err := runtime.Iter(th, iterable)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(chainOf(chainType, src)), nil
}

// compress(data, selectors)
func compressNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var data, selectors runtime.Value
	if err := runtime.UnpackArgs("compress", args, kw, "data", &data, "selectors", &selectors); err != nil {
		return runtime.Value{}, err
	}
	its, err := iters(th, []runtime.Value{data, selectors})
	if err != nil {
		return runtime.Value{}, err
	}
	o := &iterObj{cls: cls}
	o.next = func(th *runtime.Thread) (runtime.Value, bool, error) {
		for {
			v, ok, err := its[0].Next(th)
			if !ok || err != nil {
				return runtime.Value{}, false, err
			}
			s, ok, err := its[1].Next(th)
			if !ok || err != nil {
				return runtime.Value{}, false, err
			}
			if keep, err := truth(th, s); err != nil || keep {
				return v, err == nil, err
			}
		}
	}
	o.refs = func(w *runtime.MemWalker) { walkIters(w, its) }
	return runtime.Obj(o), nil
}

// predicateIter builds dropwhile, takewhile and filterfalse, which apply
// a predicate to each item of one iterable.
func predicateIter(name string, step func(th *runtime.Thread, pred runtime.Value, it runtime.Iterator) (runtime.Value, bool, error)) func(*runtime.Thread, *runtime.Type, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
	return func(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.NoKeywords(name, kw); err != nil {
			return runtime.Value{}, err
		}
		if err := runtime.PositionalArgs(name, args, nil, 2, 2); err != nil {
			return runtime.Value{}, err
		}
		it, err := runtime.Iter(th, args[1])
		if err != nil {
			return runtime.Value{}, err
		}
		pred := args[0]
		o := &iterObj{cls: cls}
		o.next = func(th *runtime.Thread) (runtime.Value, bool, error) { return step(th, pred, it) }
		o.refs = func(w *runtime.MemWalker) { w.Value(pred); w.Any(it) }
		return runtime.Obj(o), nil
	}
}

// test applies pred to v (v itself when pred is None).
func test(th *runtime.Thread, pred, v runtime.Value) (bool, error) {
	if pred.IsNone() {
		return truth(th, v)
	}
	r, err := th.Call(pred, []runtime.Value{v}, nil)
	if err != nil {
		return false, err
	}
	return truth(th, r)
}

// dropwhileStep skips items while the predicate holds, then yields all.
func dropwhileStep() func(*runtime.Thread, runtime.Value, runtime.Iterator) (runtime.Value, bool, error) {
	dropping := true
	return func(th *runtime.Thread, pred runtime.Value, it runtime.Iterator) (runtime.Value, bool, error) {
		for {
			v, ok, err := it.Next(th)
			if !ok || err != nil || !dropping {
				return v, ok, err
			}
			t, err := test(th, pred, v)
			if err != nil {
				return runtime.Value{}, false, err
			}
			if !t {
				dropping = false
				return v, true, nil
			}
		}
	}
}

// takewhileStep yields items while the predicate holds.
func takewhileStep() func(*runtime.Thread, runtime.Value, runtime.Iterator) (runtime.Value, bool, error) {
	done := false
	return func(th *runtime.Thread, pred runtime.Value, it runtime.Iterator) (runtime.Value, bool, error) {
		if done {
			return stop()
		}
		v, ok, err := it.Next(th)
		if !ok || err != nil {
			return v, ok, err
		}
		t, err := test(th, pred, v)
		if err != nil {
			return runtime.Value{}, false, err
		}
		if !t {
			done = true
			return stop()
		}
		return v, true, nil
	}
}

// filterfalseStep yields the items for which the predicate is false.
func filterfalseStep(th *runtime.Thread, pred runtime.Value, it runtime.Iterator) (runtime.Value, bool, error) {
	for {
		v, ok, err := it.Next(th)
		if !ok || err != nil {
			return v, ok, err
		}
		t, err := test(th, pred, v)
		if err != nil {
			return runtime.Value{}, false, err
		}
		if !t {
			return v, true, nil
		}
	}
}

// starmap(function, iterable)
func starmapNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.NoKeywords("starmap", kw); err != nil {
		return runtime.Value{}, err
	}
	if err := runtime.PositionalArgs("starmap", args, nil, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	fn := args[0]
	it, err := runtime.Iter(th, args[1])
	if err != nil {
		return runtime.Value{}, err
	}
	o := &iterObj{cls: cls}
	o.next = func(th *runtime.Thread) (runtime.Value, bool, error) {
		v, ok, err := it.Next(th)
		if !ok || err != nil {
			return v, ok, err
		}
		callArgs, err := runtime.Collect(th, v)
		if err != nil {
			return runtime.Value{}, false, err
		}
		r, err := th.Call(fn, callArgs, nil)
		return r, err == nil, err
	}
	o.refs = func(w *runtime.MemWalker) { w.Value(fn); w.Any(it) }
	return runtime.Obj(o), nil
}

// pairwise(iterable)
func pairwiseNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	it, err := oneIterable(th, "pairwise", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	var prev runtime.Value
	o := &iterObj{cls: cls}
	o.next = func(th *runtime.Thread) (runtime.Value, bool, error) {
		src := it
		if src == nil {
			return stop()
		}
		if !prev.IsValid() {
			v, ok, err := src.Next(th)
			if !ok || err != nil {
				it = nil
				return v, false, err
			}
			prev = v
		}
		v, ok, err := src.Next(th)
		if !ok || err != nil {
			it = nil
			return v, false, err
		}
		pair := runtime.TupleOf(prev, v)
		prev = v
		return pair, true, nil
	}
	o.refs = func(w *runtime.MemWalker) { w.Any(it); w.Value(prev) }
	return runtime.Obj(o), nil
}

// isliceIndex checks one of islice's bounds: None or an int in
// [0, sys.maxsize]; -1 stands for None.
func isliceIndex(v runtime.Value, what string) (int64, error) {
	if v.IsNone() {
		return -1, nil
	}
	n, err := runtime.IndexValue(v)
	if err != nil || n < 0 {
		return 0, runtime.Errorf(runtime.ValueError, "%s for islice() must be None or an integer: 0 <= x <= sys.maxsize.", what)
	}
	return n, nil
}

// islice(iterable, stop) or islice(iterable, start, stop[, step])
func isliceNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.NoKeywords("islice", kw); err != nil {
		return runtime.Value{}, err
	}
	if len(args) < 2 || len(args) > 4 {
		if len(args) < 2 {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "islice expected at least 2 arguments, got %d", len(args))
		}
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "islice expected at most 4 arguments, got %d", len(args))
	}
	start, step := int64(0), int64(1)
	var end int64
	var err error
	if len(args) == 2 {
		if end, err = isliceIndex(args[1], "Stop argument"); err != nil {
			return runtime.Value{}, err
		}
	} else {
		if start, err = isliceIndex(args[1], "Indices"); err != nil {
			return runtime.Value{}, err
		}
		if end, err = isliceIndex(args[2], "Stop argument"); err != nil {
			return runtime.Value{}, err
		}
		start = max(start, 0)
		if len(args) == 4 && !args[3].IsNone() {
			step, err = runtime.IndexValue(args[3])
			if err != nil || step < 1 {
				return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Step for islice() must be a positive integer or None.")
			}
		}
	}
	it, err := runtime.Iter(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	// pos is the index of the next item it yields; next the index of the
	// next item to return, never past end.
	var pos int64
	next := start
	if end >= 0 && next > end {
		next = end
	}
	o := &iterObj{cls: cls}
	o.next = func(th *runtime.Thread) (runtime.Value, bool, error) {
		src := it
		if src == nil {
			return stop()
		}
		for pos < next {
			_, ok, err := src.Next(th)
			if !ok || err != nil {
				it = nil
				return runtime.Value{}, false, err
			}
			pos++
		}
		if end >= 0 && pos >= end {
			it = nil
			return stop()
		}
		v, ok, err := src.Next(th)
		if !ok || err != nil {
			it = nil
			return runtime.Value{}, false, err
		}
		pos++
		next += step
		if end >= 0 && next > end {
			next = end
		}
		return v, true, nil
	}
	o.refs = func(w *runtime.MemWalker) { w.Any(it) }
	return runtime.Obj(o), nil
}
