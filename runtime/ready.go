package runtime

// This file is the loop's ready queue (BaseEventLoop._ready): a FIFO of
// what to run in the next pass, in blocks of 256 items linked like
// CPython's deque, so that a burst of a hundred thousand task steps costs
// the items' 32 bytes each and nothing more: no array doubled and copied
// (whose outgrown copies would be garbage as big as the queue), no slack
// beyond one block. Emptied blocks go to a free list for reuse, so a
// loop whose passes each schedule a thousand callbacks allocates nothing
// once warm; like an array, the queue keeps the room of its longest burst.

// readyBlockLen is the number of items in a block of the ready queue.
const readyBlockLen = 256

type readyBlock struct {
	items [readyBlockLen]readyItem
	next  *readyBlock
}

// readyQueue is a FIFO of readyItems: n items, from head.items[headPos]
// on, through the blocks linked from head up to tail.items[tailPos-1].
type readyQueue struct {
	head, tail *readyBlock
	headPos    int
	tailPos    int
	n          int
	free       *readyBlock // emptied blocks, linked through next
}

// push appends it.
func (q *readyQueue) push(it readyItem) {
	if q.tail == nil || q.tailPos == readyBlockLen {
		q.addBlock()
	}
	q.tail.items[q.tailPos] = it
	q.tailPos++
	q.n++
}

// addBlock links a new tail block (push's slow path, out of line so that
// push inlines).
func (q *readyQueue) addBlock() {
	b := q.free
	if b != nil {
		q.free = b.next
		b.next = nil
	} else {
		b = new(readyBlock)
	}
	if q.tail == nil {
		q.head = b
	} else {
		q.tail.next = b
	}
	q.tail = b
	q.tailPos = 0
}

// pop removes and returns the first item; the queue must not be empty.
func (q *readyQueue) pop() readyItem {
	b := q.head
	it := b.items[q.headPos]
	b.items[q.headPos] = readyItem{}
	q.headPos++
	q.n--
	if q.headPos == readyBlockLen || q.n == 0 {
		q.advance()
	}
	return it
}

// advance moves past a head block that is used up (pop's slow path): the
// block goes to the free list; an empty queue keeps its one block.
func (q *readyQueue) advance() {
	if q.n == 0 {
		// Empty: start the head block over (it is the tail).
		q.head.next = nil
		q.tail = q.head
		q.headPos, q.tailPos = 0, 0
		return
	}
	b := q.head
	q.head = b.next
	q.headPos = 0
	b.next = q.free
	q.free = b
}

// pushReady appends to the ready queue.
func (l *Loop) pushReady(it readyItem) { l.ready.push(it) }

// requeueDue puts the due timers that a pass left unrun (a callback
// raised SystemExit or KeyboardInterrupt) back in the ready queue, after
// the k items left from the callbacks that were ready and before those
// scheduled since: where CPython's pass leaves them.
func (l *Loop) requeueDue(k int, due []*Handle) {
	if len(due) == 0 {
		return
	}
	items := make([]readyItem, 0, l.ready.n+len(due))
	for i := 0; i < k; i++ {
		items = append(items, l.ready.pop())
	}
	for i, h := range due {
		items = append(items, readyItem{h: h})
		due[i] = nil
	}
	for l.ready.n > 0 {
		items = append(items, l.ready.pop())
	}
	for _, it := range items {
		l.ready.push(it)
	}
}

// readyItem is an entry of the ready queue: a Handle, or one of the
// loop's own callbacks stored inline, so that task steps, task wakeups
// and future done-callbacks (most of what the loop runs) allocate
// nothing: a task pending its first step costs the queue 32 bytes.
type readyItem struct {
	h    *Handle         // a handle (callbacks scripts can see or cancel), or nil:
	task *Task           // a task's step, or its wakeup by fut when fut is set
	fut  *Future         // the future of a wakeup or of cb
	cb   *futureCallback // a done callback of fut (Go or script)
}

func (it *readyItem) run(th *Thread) error {
	switch {
	case it.task != nil && it.h != nil:
		// A task's wakeup from a sleep (h is the sleep's timer).
		return it.task.wakeupSleep(it.h.sleep)
	case it.h != nil:
		if it.h.cancelled {
			return nil
		}
		return it.h.run(th)
	case it.task != nil:
		if it.fut != nil {
			return it.task.wakeup(it.fut)
		}
		return it.task.step(nil)
	}
	return it.runCallback(th)
}

// runCallback runs done callback it.cb of future it.fut. A script
// callback runs as a Handle would: its exception goes to the loop's
// exception handler, except KeyboardInterrupt and SystemExit.
func (it *readyItem) runCallback(th *Thread) error {
	if it.cb.fn != nil {
		return it.cb.fn(it.fut)
	}
	_, err := th.Call(it.cb.cb, []Value{it.fut.Value()}, nil)
	if err != nil {
		e := AsException(err)
		if e.Class.IsSubtype(KeyboardInterrupt) || e.Class.IsSubtype(SystemExit) {
			return e
		}
		it.fut.loop.reportCallbackError(nil, it.cb.cb, []Value{it.fut.Value()}, e)
	}
	return nil
}

// callSoonCallback schedules done callback c of fut without allocating:
// c is an entry of the callbacks fut has just handed over, which nothing
// changes afterwards.
func (l *Loop) callSoonCallback(c *futureCallback, fut *Future) {
	l.pushReady(readyItem{cb: c, fut: fut})
}
