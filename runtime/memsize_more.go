package runtime

// This file gives the memory walker (memsize.go) the footprints and
// referents of iterators and of the asyncio objects: futures, tasks,
// event loops and their handles.

import "unsafe"

// Footprint implements MemNode.
func (it *sliceIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode. The sequence is captured by a closure;
// what the iterator has not reached yet is seen through it.
func (it *sliceIter) Referents(w *MemWalker) {
	if it.items != nil {
		w.Values(it.items())
	}
}

// Footprint implements MemNode.
func (it *strIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode.
func (it *strIter) Referents(w *MemWalker) {
	if it.s != nil {
		w.Node(it.s)
	}
}

// Footprint implements MemNode.
func (it *rangeIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode.
func (*rangeIter) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (it *bigRangeIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) + 2*64 }

// Referents implements MemNode.
func (it *bigRangeIter) Referents(w *MemWalker) {
	if it.r != nil {
		w.Node(it.r)
	}
}

// Footprint implements MemNode.
func (it *dictIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode.
func (it *dictIter) Referents(w *MemWalker) {
	if it.d != nil {
		w.Node(it.d)
	}
}

// Footprint implements MemNode.
func (it *dictRevIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode.
func (it *dictRevIter) Referents(w *MemWalker) {
	if it.d != nil {
		w.Node(it.d)
	}
}

// Footprint implements MemNode.
func (it *userIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode.
func (it *userIter) Referents(w *MemWalker) { w.Value(it.obj) }

// Footprint implements MemNode.
func (it *getitemIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode.
func (it *getitemIter) Referents(w *MemWalker) { w.Value(it.obj) }

// Footprint implements MemNode.
func (v *DictView) Footprint() int64 { return int64(unsafe.Sizeof(*v)) }

// Referents implements MemNode.
func (v *DictView) Referents(w *MemWalker) {
	if v.D != nil {
		w.Node(v.D)
	}
}

// Footprint implements MemNode.
func (it *enumerateIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode.
func (it *enumerateIter) Referents(w *MemWalker) {
	w.Any(it.it)
	w.Value(it.count)
}

// Footprint implements MemNode.
func (it *zipIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) + int64(cap(it.its))*16 }

// Referents implements MemNode.
func (it *zipIter) Referents(w *MemWalker) {
	for _, x := range it.its {
		w.Any(x)
	}
}

// Footprint implements MemNode.
func (it *mapIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) + int64(cap(it.its))*16 }

// Referents implements MemNode.
func (it *mapIter) Referents(w *MemWalker) {
	w.Value(it.fn)
	for _, x := range it.its {
		w.Any(x)
	}
}

// Footprint implements MemNode.
func (it *filterIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode.
func (it *filterIter) Referents(w *MemWalker) {
	w.Value(it.fn)
	w.Any(it.it)
}

// Footprint implements MemNode.
func (it *listRevIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode.
func (it *listRevIter) Referents(w *MemWalker) {
	if it.l != nil {
		w.Node(it.l)
	}
}

// Footprint implements MemNode.
func (it *seqRevIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode.
func (it *seqRevIter) Referents(w *MemWalker) { w.Value(it.seq) }

// Footprint implements MemNode.
func (it *callableIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode.
func (it *callableIter) Referents(w *MemWalker) {
	w.Value(it.fn)
	w.Value(it.sentinel)
}

// Footprint implements MemNode.
func (it *setIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements MemNode.
func (it *setIter) Referents(w *MemWalker) {
	if it.s != nil {
		w.Node(it.s)
	}
}

// Footprint implements MemNode.
func (c *NativeCoro) Footprint() int64 { return int64(unsafe.Sizeof(*c)) }

// Referents implements MemNode. Its state lives in the step closure.
func (*NativeCoro) Referents(*MemWalker) {}

// Footprint implements MemNode.
func (f *Future) Footprint() int64 {
	n := int64(unsafe.Sizeof(*f)) + int64(cap(f.callbacks))*int64(unsafe.Sizeof(futureCallback{}))
	if f.extra != nil {
		n += int64(unsafe.Sizeof(*f.extra)) + sizeOfMap(f.extra.dict)
	}
	return n
}

// Referents implements MemNode.
func (f *Future) Referents(w *MemWalker) {
	w.Value(f.result)
	if f.exc != nil {
		w.Node(f.exc)
	}
	for i := range f.callbacks {
		w.Value(f.callbacks[i].cb)
	}
	if f.task != nil {
		w.Node(f.task)
	}
	if x := f.extra; x != nil {
		w.Value(x.cancelMsg)
		if x.cancelledExc != nil {
			w.Node(x.cancelledExc)
		}
		if x.class != nil {
			w.Node(x.class)
		}
		visitMap(w, x.dict)
		w.Value(x.taskName)
		if x.ctx != nil {
			w.Node(x.ctx)
		}
		if g := x.gather; g != nil {
			for _, c := range g.children {
				w.Node(c)
			}
		}
	}
}

// Footprint implements MemNode.
func (t *Task) Footprint() int64 {
	return t.Future.Footprint() + int64(unsafe.Sizeof(*t)-unsafe.Sizeof(t.Future))
}

// Referents implements MemNode.
func (t *Task) Referents(w *MemWalker) {
	t.Future.Referents(w)
	w.Any(t.coro)
	if t.waitingOn != nil {
		w.Node(t.waitingOn)
	}
}

// Footprint implements MemNode.
func (h *Handle) Footprint() int64 {
	n := int64(unsafe.Sizeof(*h))
	if h.script != nil {
		n += int64(unsafe.Sizeof(*h.script)) + sizeOfValues(h.script.args)
	}
	return n
}

// Referents implements MemNode.
func (h *Handle) Referents(w *MemWalker) {
	if h.script != nil {
		w.Value(h.script.cb)
		w.Values(h.script.args)
	}
	if h.sleep != nil {
		w.Node(h.sleep)
	}
}

// Footprint implements MemNode.
func (l *Loop) Footprint() int64 {
	n := int64(unsafe.Sizeof(*l)) + int64(cap(l.due))*8 + int64(cap(l.timers))*int64(unsafe.Sizeof(timerEntry{})) +
		int64(cap(l.tasks))*8
	for b := l.ready.head; b != nil; b = b.next {
		n += int64(unsafe.Sizeof(*b))
	}
	return n
}

// Referents implements MemNode: the ready queue, the timers and the
// tasks.
func (l *Loop) Referents(w *MemWalker) {
	for b := l.ready.head; b != nil; b = b.next {
		for i := range b.items {
			it := &b.items[i]
			if it.h != nil {
				w.Node(it.h)
			}
			if it.task != nil {
				w.Node(it.task)
			}
			if it.fut != nil {
				w.Node(it.fut)
			}
			if it.cb != nil {
				w.Value(it.cb.cb)
			}
		}
	}
	for _, t := range l.timers {
		if t.h != nil {
			w.Node(t.h)
		}
	}
	for _, t := range l.tasks {
		if t != nil {
			w.Node(t)
		}
	}
	if l.current != nil {
		w.Node(l.current)
	}
}

// Footprint implements MemNode.
func (s *sleepCoro) Footprint() int64 { return int64(unsafe.Sizeof(*s)) + 24 }

// Referents implements MemNode.
func (s *sleepCoro) Referents(w *MemWalker) {
	if s.result != nil {
		w.Value(*s.result)
	}
	if s.task != nil {
		w.Node(s.task)
	}
}

// Footprint implements MemNode.
func (s *yieldSleep) Footprint() int64 { return int64(unsafe.Sizeof(*s)) }

// Referents implements MemNode.
func (s *yieldSleep) Referents(w *MemWalker) { w.Value(s.result) }

// Footprint implements MemNode.
func (s *otherDelaySleep) Footprint() int64 { return int64(unsafe.Sizeof(*s)) }

// Referents implements MemNode.
func (s *otherDelaySleep) Referents(w *MemWalker) {
	w.Value(s.delay)
	w.Value(s.result)
	w.Any(s.inner)
}

// Footprint implements MemNode.
func (m *yieldMarker) Footprint() int64 { return 0 }

// Referents implements MemNode.
func (*yieldMarker) Referents(*MemWalker) {}
