package heapq

// This file defines heapq.merge: a lazy iterator over several sorted
// inputs, kept as a heap of each input's next item.

import (
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// mergeEntry is the pending item of one input.
type mergeEntry struct {
	key, value runtime.Value
	order      int // the input's position, which breaks ties
	it         runtime.Iterator
}

// mergeIter is the iterator merge returns.
type mergeIter struct {
	sources []runtime.Value
	key     runtime.Value // None for the items themselves
	reverse bool
	started bool
	heap    []*mergeEntry
}

// Type returns the iterator's class.
func (m *mergeIter) Type() *runtime.Type { return runtime.IteratorType }

// Footprint implements runtime.MemNode.
func (m *mergeIter) Footprint() int64 {
	return int64(unsafe.Sizeof(*m)) + int64(cap(m.sources))*24 + int64(cap(m.heap))*int64(8+unsafe.Sizeof(mergeEntry{}))
}

// Referents implements runtime.MemNode.
func (m *mergeIter) Referents(w *runtime.MemWalker) {
	w.Values(m.sources)
	w.Value(m.key)
	for _, e := range m.heap {
		w.Value(e.key)
		w.Value(e.value)
		w.Any(e.it)
	}
}

// merge(*iterables, key=None, reverse=False)
func merge(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	key := runtime.None
	reverse := false
	if err := runtime.UnpackArgs("merge", nil, kw, "$key?", &key, "$reverse?", &reverse); err != nil {
		return runtime.Value{}, err
	}
	m := &mergeIter{key: key, reverse: reverse}
	for _, a := range args {
		m.sources = append(m.sources, a)
	}
	return runtime.Obj(m), nil
}

// fill reads the next item of e's input; ok is false when it is done.
func (m *mergeIter) fill(th *runtime.Thread, e *mergeEntry) (bool, error) {
	v, ok, err := e.it.Next(th)
	if err != nil || !ok {
		return false, err
	}
	e.value, e.key = v, v
	if !m.key.IsNone() {
		if e.key, err = th.Call(m.key, []runtime.Value{v}, nil); err != nil {
			return false, err
		}
	}
	return true, nil
}

// before orders two entries: by key (descending when reverse), then by
// input position, as comparing [key, order] lists does.
func (m *mergeIter) before(th *runtime.Thread, a, b *mergeEntry) (bool, error) {
	eq, err := runtime.Equal(th, a.key, b.key)
	if err != nil {
		return false, err
	}
	if eq {
		return a.order < b.order, nil
	}
	if m.reverse {
		return runtime.Less(th, b.key, a.key)
	}
	return runtime.Less(th, a.key, b.key)
}

// down restores the heap property below position i.
func (m *mergeIter) down(th *runtime.Thread, i int) error {
	n := len(m.heap)
	for {
		least := i
		for _, c := range [2]int{2*i + 1, 2*i + 2} {
			if c < n {
				lt, err := m.before(th, m.heap[c], m.heap[least])
				if err != nil {
					return err
				}
				if lt {
					least = c
				}
			}
		}
		if least == i {
			return nil
		}
		m.heap[i], m.heap[least] = m.heap[least], m.heap[i]
		i = least
	}
}

// start makes the iterators of the inputs and reads their first items.
func (m *mergeIter) start(th *runtime.Thread) error {
	m.started = true
	for i, src := range m.sources {
		it, err := runtime.Iter(th, src)
		if err != nil {
			return err
		}
		e := &mergeEntry{order: i, it: it}
		ok, err := m.fill(th, e)
		if err != nil {
			return err
		}
		if ok {
			m.heap = append(m.heap, e)
		}
	}
	m.sources = nil
	for i := len(m.heap)/2 - 1; i >= 0; i-- {
		if err := m.down(th, i); err != nil {
			return err
		}
	}
	return nil
}

// Next yields the smallest pending item and reads its input's next one.
func (m *mergeIter) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	if !m.started {
		if err := m.start(th); err != nil {
			return runtime.Value{}, false, err
		}
	}
	if len(m.heap) == 0 {
		return runtime.Value{}, false, nil
	}
	e := m.heap[0]
	v := e.value
	ok, err := m.fill(th, e)
	if err != nil {
		return runtime.Value{}, false, err
	}
	if !ok {
		last := len(m.heap) - 1
		m.heap[0] = m.heap[last]
		m.heap[last] = nil
		m.heap = m.heap[:last]
	}
	if len(m.heap) > 1 {
		if err := m.down(th, 0); err != nil {
			return runtime.Value{}, false, err
		}
	}
	return v, true, nil
}
