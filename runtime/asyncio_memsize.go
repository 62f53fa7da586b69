package runtime

// This file makes asyncio's primitives, queues and their coroutines
// MemNodes, so that the memory budget counts what scripts keep in them.

import "unsafe"

const futurePtrSize = int64(unsafe.Sizeof((*Future)(nil)))

// Footprint implements MemNode.
func (l *Lock) Footprint() int64 {
	return int64(unsafe.Sizeof(*l)) + int64(cap(l.waiters))*futurePtrSize + sizeOfMap(l.dict)
}

// Referents implements MemNode.
func (l *Lock) Referents(w *MemWalker) {
	l.referents(w)
	walkWaiters(w, l.waiters)
}

// Footprint implements MemNode.
func (e *Event) Footprint() int64 {
	return int64(unsafe.Sizeof(*e)) + int64(cap(e.waiters))*futurePtrSize + sizeOfMap(e.dict)
}

// Referents implements MemNode.
func (e *Event) Referents(w *MemWalker) {
	e.referents(w)
	walkWaiters(w, e.waiters)
}

// Footprint implements MemNode.
func (s *Semaphore) Footprint() int64 {
	return int64(unsafe.Sizeof(*s)) + int64(cap(s.waiters))*futurePtrSize + sizeOfMap(s.dict)
}

// Referents implements MemNode.
func (s *Semaphore) Referents(w *MemWalker) {
	s.referents(w)
	walkWaiters(w, s.waiters)
}

// Footprint implements MemNode.
func (c *Condition) Footprint() int64 {
	return int64(unsafe.Sizeof(*c)) + int64(cap(c.waiters))*futurePtrSize + sizeOfMap(c.dict)
}

// Referents implements MemNode.
func (c *Condition) Referents(w *MemWalker) {
	c.referents(w)
	w.Value(c.lock)
	walkWaiters(w, c.waiters)
}

// Footprint implements MemNode.
func (q *Queue) Footprint() int64 {
	return int64(unsafe.Sizeof(*q)) + int64(cap(q.items))*int64(unsafe.Sizeof(Value{})) +
		int64(cap(q.getters)+cap(q.putters)+cap(q.finished.waiters))*futurePtrSize + sizeOfMap(q.dict)
}

// Referents implements MemNode.
func (q *Queue) Referents(w *MemWalker) {
	q.referents(w)
	for _, v := range q.items[q.head:] {
		w.Value(v)
	}
	walkWaiters(w, q.getters)
	walkWaiters(w, q.putters)
	walkWaiters(w, q.finished.waiters)
}

// Footprint implements MemNode.
func (c *syncCoro) Footprint() int64 { return int64(unsafe.Sizeof(*c)) }

// Referents implements MemNode.
func (c *syncCoro) Referents(w *MemWalker) {
	w.Value(c.self)
	w.Value(c.arg)
	w.Value(c.inner)
	if c.fut != nil {
		w.Node(c.fut)
	}
}
