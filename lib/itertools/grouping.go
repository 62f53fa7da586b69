package itertools

// This file defines the iterators that share one source between several
// consumers: groupby and its groups, tee, and zip_longest.

import (
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// groupby is the state shared by a groupby iterator and its groups: the
// current item and its key, the key of the current group, and which
// group may still read (a group stops once the groupby moves on).
type groupby struct {
	it               runtime.Iterator
	keyfn            runtime.Value
	tgtKey, currKey  runtime.Value
	currValue        runtime.Value
	haveKey, haveVal bool
	current          *iterObj // the group that may still yield
}

// step reads the next item and computes its key.
func (g *groupby) step(th *runtime.Thread) (bool, error) {
	v, ok, err := g.it.Next(th)
	if !ok || err != nil {
		return false, err
	}
	k := v
	if g.keyfn.IsValid() && !g.keyfn.IsNone() {
		if k, err = th.Call(g.keyfn, []runtime.Value{v}, nil); err != nil {
			return false, err
		}
	}
	g.currValue, g.currKey, g.haveVal, g.haveKey = v, k, true, true
	return true, nil
}

// walk visits what the groupby keeps alive.
func (g *groupby) walk(w *runtime.MemWalker) {
	w.Any(g.it)
	w.Value(g.keyfn)
	w.Value(g.tgtKey)
	w.Value(g.currKey)
	w.Value(g.currValue)
}

// groupby(iterable, key=None)
func groupbyNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var iterable, key runtime.Value
	if err := runtime.UnpackArgs("groupby", args, kw, "iterable", &iterable, "key?", &key); err != nil {
		return runtime.Value{}, err
	}
	it, err := runtime.Iter(th, iterable)
	if err != nil {
		return runtime.Value{}, err
	}
	g := &groupby{it: it, keyfn: key}
	started := false
	o := &iterObj{cls: cls}
	o.next = func(th *runtime.Thread) (runtime.Value, bool, error) {
		g.current = nil
		// Skip what is left of the current group.
		for {
			if g.haveKey && started {
				eq, err := runtime.Equal(th, g.tgtKey, g.currKey)
				if err != nil {
					return runtime.Value{}, false, err
				}
				if !eq {
					break
				}
			} else if g.haveKey {
				break
			}
			ok, err := g.step(th)
			if !ok || err != nil {
				return runtime.Value{}, false, err
			}
		}
		started = true
		g.tgtKey = g.currKey
		grp := newGroup(g, g.tgtKey)
		g.current = grp
		return runtime.TupleOf(g.tgtKey, runtime.Obj(grp)), true, nil
	}
	o.refs = g.walk
	return runtime.Obj(o), nil
}

// newGroup is one group of a groupby: it yields while the groupby's
// current key equals its own and it is still the groupby's current group.
func newGroup(g *groupby, key runtime.Value) *iterObj {
	o := &iterObj{cls: grouperType}
	o.next = func(th *runtime.Thread) (runtime.Value, bool, error) {
		if g.current != o {
			return stop()
		}
		if !g.haveVal {
			ok, err := g.step(th)
			if !ok || err != nil {
				return runtime.Value{}, false, err
			}
		}
		eq, err := runtime.Equal(th, key, g.currKey)
		if err != nil || !eq {
			return runtime.Value{}, false, err
		}
		v := g.currValue
		g.currValue, g.haveVal = runtime.Value{}, false
		return v, true, nil
	}
	o.refs = func(w *runtime.MemWalker) { w.Value(key); g.walk(w) }
	return o
}

// teeLink is one item of a tee's shared buffer; the last link of the
// buffer is empty, waiting for the source's next item.
type teeLink struct {
	v    runtime.Value
	next *teeLink
}

// teeSource is the iterator the tees of one tee() call share; busy is
// set while it runs, since a tee must not be advanced from inside it.
type teeSource struct {
	it   runtime.Iterator
	done bool
	busy bool
}

// teeObj is one of tee()'s iterators: a position in the shared buffer.
type teeObj struct {
	src *teeSource
	at  *teeLink
}

// Type returns itertools._tee.
func (t *teeObj) Type() *runtime.Type { return teeType }

// Next yields the item at the tee's position, reading it from the source
// when no other tee has yet.
func (t *teeObj) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	if t.at.next == nil {
		if t.src.done {
			return stop()
		}
		if t.src.busy {
			return runtime.Value{}, false, runtime.Errorf(runtime.RuntimeError, "cannot re-enter the tee iterator")
		}
		t.src.busy = true
		v, ok, err := t.src.it.Next(th)
		t.src.busy = false
		if err != nil {
			return runtime.Value{}, false, err
		}
		if !ok {
			t.src.done = true
			return stop()
		}
		th.Hold(t)
		err = th.Alloc(int64(unsafe.Sizeof(teeLink{})))
		th.Release()
		if err != nil {
			return runtime.Value{}, false, err
		}
		t.at.v, t.at.next = v, &teeLink{}
	}
	v := t.at.v
	t.at = t.at.next
	return v, true, nil
}

// Footprint is the size of the tee.
func (t *teeObj) Footprint() int64 { return int64(unsafe.Sizeof(*t)) }

// Referents visits the source and the buffer from the tee's position on.
func (t *teeObj) Referents(w *runtime.MemWalker) {
	w.Any(t.src.it)
	w.Node(t.at)
}

// Footprint is the size of one buffered item.
func (l *teeLink) Footprint() int64 { return int64(unsafe.Sizeof(*l)) }

// Referents visits the item and the rest of the buffer (the walk is
// iterative, and each link is counted once for all the tees).
func (l *teeLink) Referents(w *runtime.MemWalker) {
	w.Value(l.v)
	if l.next != nil {
		w.Node(l.next)
	}
}

// tee(iterable, n=2)
func tee(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var iterable runtime.Value
	n := int64(2)
	if err := runtime.UnpackArgs("tee", args, kw, "iterable", &iterable, "n?", &n); err != nil {
		return runtime.Value{}, err
	}
	if n < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "n must be >= 0")
	}
	if err := th.Alloc(n * 32); err != nil {
		return runtime.Value{}, err
	}
	out := make([]runtime.Value, n)
	if n == 0 {
		return runtime.Obj(runtime.NewTuple(out)), nil
	}
	it, err := runtime.Iter(th, iterable)
	if err != nil {
		return runtime.Value{}, err
	}
	// A tee of a tee is that tee itself and copies of it, as CPython
	// copies an iterator that can be copied.
	first, ok := it.(*teeObj)
	if !ok {
		first = &teeObj{src: &teeSource{it: it}, at: &teeLink{}}
	}
	out[0] = runtime.Obj(first)
	for i := 1; i < len(out); i++ {
		out[i] = runtime.Obj(&teeObj{src: first.src, at: first.at})
	}
	return runtime.Obj(runtime.NewTuple(out)), nil
}

// teeCopy is _tee.__copy__: another tee at the same position.
func teeCopy(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("__copy__", args, kw); err != nil {
		return runtime.Value{}, err
	}
	t := self.Object().(*teeObj)
	return runtime.Obj(&teeObj{src: t.src, at: t.at}), nil
}

// zip_longest(*iterables, fillvalue=None)
func zipLongestNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	fill := runtime.None
	for _, k := range kw {
		if k.Name != "fillvalue" {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "zip_longest() got an unexpected keyword argument")
		}
		fill = k.Value
	}
	its, err := iters(th, args)
	if err != nil {
		return runtime.Value{}, err
	}
	live := len(its)
	o := &iterObj{cls: cls}
	o.next = func(th *runtime.Thread) (runtime.Value, bool, error) {
		if live == 0 {
			return stop()
		}
		items := make([]runtime.Value, len(its))
		for i, it := range its {
			if it == nil {
				items[i] = fill
				continue
			}
			v, ok, err := it.Next(th)
			if err != nil {
				return runtime.Value{}, false, err
			}
			if !ok {
				its[i] = nil
				live--
				if live == 0 {
					return stop()
				}
				v = fill
			}
			items[i] = v
		}
		return runtime.Obj(runtime.NewTuple(items)), true, nil
	}
	o.refs = func(w *runtime.MemWalker) { walkIters(w, its); w.Value(fill) }
	return runtime.Obj(o), nil
}
