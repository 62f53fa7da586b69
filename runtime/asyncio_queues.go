package runtime

// This file defines asyncio's queues in Go: Queue (first in, first out),
// LifoQueue, PriorityQueue and their exceptions QueueEmpty and QueueFull.
// A blocked put() or get() parks a future in the queue's putters or
// getters; each item put or taken wakes the first waiter of the other
// side that is still pending, as CPython 3.11's queues do.
//
// The items live in a Go slice. A script subclass that overrides one of
// the storage hooks (_init, _put, _get) or qsize/empty/full makes the
// queue go through those methods instead: then the items are the
// script's, in the attribute _queue, which the base hooks manage as a list.

import "strconv"

// The queue classes and exceptions.
var (
	QueueType         = queueClass("Queue", ObjectType)
	LifoQueueType     = queueClass("LifoQueue", QueueType)
	PriorityQueueType = queueClass("PriorityQueue", QueueType)
	QueueEmpty        = queueClass("QueueEmpty", ExceptionType)
	QueueFull         = queueClass("QueueFull", ExceptionType)
)

func queueClass(name string, base *Type) *Type {
	t := NewType(name, base)
	t.Module = "asyncio.queues"
	if base == ExceptionType {
		t.New = BaseException.New
	}
	return t
}

// queueKind is the order in which a queue hands its items out.
type queueKind uint8

const (
	fifoQueue queueKind = iota
	lifoQueue
	priorityQueue
)

// Queue is asyncio.Queue, LifoQueue or PriorityQueue.
type Queue struct {
	syncHeader
	kind    queueKind
	custom  bool  // a subclass overrides a hook: call the methods
	maxsize int64 // <= 0: unbounded
	// items are the queued values from head on (FIFO) or all of them (a
	// stack, or a binary heap ordered by <).
	items      []Value
	head       int
	getters    []*Future
	putters    []*Future
	unfinished int64
	// finished is set when every item put was marked done (join waits).
	finished Event
}

// Type returns the queue's class.
func (q *Queue) Type() *Type {
	switch q.kind {
	case lifoQueue:
		return q.typeOr(LifoQueueType)
	case priorityQueue:
		return q.typeOr(PriorityQueueType)
	}
	return q.typeOr(QueueType)
}

// queueHooks are the methods whose override by a subclass routes the
// queue's operations through method calls.
var queueHooks = []string{"_init", "_put", "_get", "qsize", "empty", "full"}

// overridesHooks reports whether a script class overrides a queue hook.
func overridesHooks(cls *Type) bool {
	if !cls.User {
		return false
	}
	for _, name := range queueHooks {
		if m, ok := cls.Lookup(name); ok {
			if _, builtin := m.obj.(*MethodDescriptor); !builtin {
				return true
			}
		}
	}
	return false
}

// init is Queue.__init__(maxsize=0).
func (q *Queue) init(th *Thread, args []Value, kw []Kwarg) error {
	maxsize := int64(0)
	if err := UnpackArgs("Queue", args, kw, "maxsize?", &maxsize); err != nil {
		return err
	}
	q.maxsize = maxsize
	q.items, q.head, q.getters, q.putters, q.unfinished = nil, 0, nil, nil, 0
	q.finished = Event{flag: true}
	if q.custom {
		_, err := callMethod1(th, Obj(q), "_init", Int(maxsize))
		return err
	}
	return nil
}

// callMethod1 calls the method name of v with one argument.
func callMethod1(th *Thread, v Value, name string, arg Value) (Value, error) {
	m, err := GetAttr(th, v, name)
	if err != nil {
		return Value{}, err
	}
	return th.Call(m, []Value{arg}, nil)
}

// size is len of the Go storage.
func (q *Queue) size() int { return len(q.items) - q.head }

// qsize is qsize(), through the subclass's methods when it has hooks.
func (q *Queue) qsize(th *Thread) (int, error) {
	if !q.custom {
		return q.size(), nil
	}
	r, err := callMethod(th, Obj(q), "qsize")
	if err != nil {
		return 0, err
	}
	n, err := ssizeIndex(th, r)
	return int(n), err
}

// baseQsize is the base class's qsize(): the length of the items.
func (q *Queue) baseQsize(th *Thread) (int, error) {
	if !q.custom {
		return q.size(), nil
	}
	store, err := GetAttr(th, Obj(q), "_queue")
	if err != nil {
		return 0, err
	}
	return Len(th, store)
}

// full reports whether put must wait.
func (q *Queue) full(th *Thread) (bool, error) {
	if q.custom {
		return q.truthOf(th, "full")
	}
	return q.maxsize > 0 && q.size() >= int(q.maxsize), nil
}

// empty reports whether get must wait.
func (q *Queue) empty(th *Thread) (bool, error) {
	if q.custom {
		return q.truthOf(th, "empty")
	}
	return q.size() == 0, nil
}

func (q *Queue) truthOf(th *Thread, method string) (bool, error) {
	r, err := callMethod(th, Obj(q), method)
	if err != nil {
		return false, err
	}
	return Truth(th, r)
}

// wakeNext wakes the first waiter of the list that is still pending,
// dropping it and the done ones before it.
func wakeNext(list *[]*Future) {
	for len(*list) > 0 {
		l := *list
		f := l[0]
		copy(l, l[1:])
		l[len(l)-1] = nil
		*list = l[:len(l)-1]
		if !f.Done() {
			f.SetResult(None)
			return
		}
	}
}

// putNowait is put_nowait.
func (q *Queue) putNowait(th *Thread, item Value) error {
	full, err := q.full(th)
	if err != nil {
		return err
	}
	if full {
		return NewException(QueueFull)
	}
	if q.custom {
		_, err = callMethod1(th, Obj(q), "_put", item)
	} else {
		err = q.store(th, item)
	}
	if err != nil {
		return err
	}
	q.unfinished++
	q.finished.flag = false
	wakeNext(&q.getters)
	return nil
}

// getNowait is get_nowait.
func (q *Queue) getNowait(th *Thread) (Value, error) {
	empty, err := q.empty(th)
	if err != nil {
		return Value{}, err
	}
	if empty {
		return Value{}, NewException(QueueEmpty)
	}
	var item Value
	if q.custom {
		item, err = callMethod(th, Obj(q), "_get")
	} else {
		item, err = q.take(th)
	}
	if err != nil {
		return Value{}, err
	}
	wakeNext(&q.putters)
	return item, nil
}

// store adds an item to the Go storage (the base _put).
func (q *Queue) store(th *Thread, item Value) error {
	if err := th.Alloc(16); err != nil {
		return err
	}
	q.items = append(q.items, item)
	if q.kind == priorityQueue {
		return heapRise(th, q.items, len(q.items)-1)
	}
	return nil
}

// take removes the next item from the Go storage (the base _get).
func (q *Queue) take(th *Thread) (Value, error) {
	switch q.kind {
	case lifoQueue:
		n := len(q.items) - 1
		item := q.items[n]
		q.items[n] = Value{}
		q.items = q.items[:n]
		return item, nil
	case priorityQueue:
		var item Value
		var err error
		item, q.items, err = heapPop(th, q.items)
		return item, err
	}
	item := q.items[q.head]
	q.items[q.head] = Value{}
	q.head++
	switch {
	case q.head == len(q.items):
		q.items, q.head = q.items[:0], 0
	case q.head >= 64 && 2*q.head >= len(q.items):
		// Most of the slice is taken: move the rest down.
		n := copy(q.items, q.items[q.head:])
		clear(q.items[n:])
		q.items, q.head = q.items[:n], 0
	}
	return item, nil
}

// heapRise moves h[at] up towards the root while it is less than its
// parent (comparing with <, the new item on the left, as heapq does).
func heapRise(th *Thread, h []Value, at int) error {
	moving := h[at]
	for at > 0 {
		up := (at - 1) / 2
		less, err := Less(th, moving, h[up])
		if err != nil {
			h[at] = moving
			return err
		}
		if !less {
			break
		}
		h[at] = h[up]
		at = up
	}
	h[at] = moving
	return nil
}

// heapPop removes the smallest item: the hole left at the root walks
// down along the smaller children to a leaf, where the last item goes
// and rises, the comparisons heapq.heappop makes.
func heapPop(th *Thread, h []Value) (Value, []Value, error) {
	n := len(h) - 1
	last := h[n]
	h[n] = Value{}
	h = h[:n]
	if n == 0 {
		return last, h, nil
	}
	top := h[0]
	hole, kid := 0, 1
	for kid < n {
		if kid+1 < n {
			less, err := Less(th, h[kid], h[kid+1])
			if err != nil {
				return Value{}, h, err
			}
			if !less {
				kid++
			}
		}
		h[hole] = h[kid]
		hole = kid
		kid = 2*hole + 1
	}
	h[hole] = last
	return top, h, heapRise(th, h, hole)
}

// start runs the first step of put, get or join.
func (q *Queue) start(th *Thread, c *syncCoro) CoroStep {
	switch c.op {
	case opQueuePut:
		return q.putStep(th, c)
	case opQueueGet:
		return q.getStep(th, c)
	}
	if q.unfinished > 0 {
		return c.runInner(th, Obj(&syncCoro{op: opEventWait, self: Obj(&q.finished)}))
	}
	return CoroStep{Done: true, Value: None}
}

// putStep puts the item, or parks in putters while the queue is full.
func (q *Queue) putStep(th *Thread, c *syncCoro) CoroStep {
	full, err := q.full(th)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	if full {
		f, err := q.newWaiter(th, Obj(q), &q.putters)
		if err != nil {
			return CoroStep{Done: true, Err: err}
		}
		return c.park(f)
	}
	return CoroStep{Done: true, Value: None, Err: q.putNowait(th, c.arg)}
}

// getStep takes an item, or parks in getters while the queue is empty.
func (q *Queue) getStep(th *Thread, c *syncCoro) CoroStep {
	empty, err := q.empty(th)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	if empty {
		f, err := q.newWaiter(th, Obj(q), &q.getters)
		if err != nil {
			return CoroStep{Done: true, Err: err}
		}
		return c.park(f)
	}
	v, err := q.getNowait(th)
	return CoroStep{Done: true, Value: v, Err: err}
}

// woken goes on with put or get after its future completed, or cleans
// up when the wait raised: a wake-up it received and will not use goes to
// the next waiter.
func (q *Queue) woken(th *Thread, c *syncCoro, throw error) CoroStep {
	list, blocked := &q.getters, q.empty
	step := q.getStep
	if c.op == opQueuePut {
		list, blocked, step = &q.putters, q.full, q.putStep
	}
	f := c.fut
	c.fut = nil
	if throw == nil {
		return step(th, c)
	}
	f.Cancel(Value{})
	removeWaiter(list, f)
	still, err := blocked(th)
	if err != nil {
		return CoroStep{Done: true, Err: err}
	}
	if !still && !f.Cancelled() {
		wakeNext(list)
	}
	return CoroStep{Done: true, Err: throw}
}

// taskDone is task_done().
func (q *Queue) taskDone() error {
	if q.unfinished <= 0 {
		return Errorf(ValueError, "task_done() called too many times")
	}
	q.unfinished--
	if q.unfinished == 0 {
		q.finished.set()
	}
	return nil
}

// describe is the part of the reprs after the class name: maxsize, the
// items, the numbers of waiters and of unfinished tasks.
func (q *Queue) describe(th *Thread) (string, error) {
	s := "maxsize=" + strconv.FormatInt(q.maxsize, 10)
	var items Value
	if q.custom {
		if v, ok := q.Attr("_queue"); ok {
			items = v
		}
	} else if q.size() > 0 {
		items = NewList(append([]Value(nil), q.items[q.head:]...))
	}
	if items.IsValid() {
		if n, err := Len(th, items); err == nil && n > 0 {
			l, err := th.Call(Obj(ListType), []Value{items}, nil)
			if err != nil {
				return "", err
			}
			r, err := Repr(th, l)
			if err != nil {
				return "", err
			}
			s += " _queue=" + r
		}
	}
	if n := len(q.getters); n > 0 {
		s += " _getters[" + strconv.Itoa(n) + "]"
	}
	if n := len(q.putters); n > 0 {
		s += " _putters[" + strconv.Itoa(n) + "]"
	}
	if q.unfinished > 0 {
		s += " tasks=" + strconv.FormatInt(q.unfinished, 10)
	}
	return s, nil
}

// Repr returns "<Queue at 0x... maxsize=0 _queue=[1, 2] tasks=2>".
func (q *Queue) Repr(th *Thread) (string, error) {
	d, err := q.describe(th)
	if err != nil {
		return "", err
	}
	return "<" + q.Type().Name + " at " + addr(Obj(q)) + " " + d + ">", nil
}

// Str returns "<Queue maxsize=0 _queue=[1, 2] tasks=2>".
func (q *Queue) Str(th *Thread) (string, error) {
	d, err := q.describe(th)
	if err != nil {
		return "", err
	}
	return "<" + q.Type().Name + " " + d + ">", nil
}

func init() {
	for _, t := range []*Type{QueueType, LifoQueueType, PriorityQueueType} {
		kind := fifoQueue
		switch t {
		case LifoQueueType:
			kind = lifoQueue
		case PriorityQueueType:
			kind = priorityQueue
		}
		def := t
		t.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
			q := &Queue{kind: kind, custom: overridesHooks(cls)}
			if cls.IsSubtype(PriorityQueueType) {
				q.kind = priorityQueue
			} else if cls.IsSubtype(LifoQueueType) {
				q.kind = lifoQueue
			}
			q.setClass(cls, def)
			if q.kind != kind {
				q.class = cls
			}
			return newSyncObject(th, cls, args, kw, q, func(args []Value, kw []Kwarg) error {
				return q.init(th, args, kw)
			})
		}
	}
	qOf := func(v Value) *Queue { q, _ := v.obj.(*Queue); return q }
	// The methods of asyncio.Queue are Python functions in CPython.
	queueMethod := func(name string, fn func(th *Thread, q *Queue) (Value, error)) BuiltinFn {
		params := &PyParams{Name: "Queue." + name, Method: true}
		return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := params.Bind(args, kw, nil); err != nil {
				return Value{}, err
			}
			return fn(th, qOf(self))
		}
	}
	QueueType.Methods(map[string]BuiltinFn{
		"__init__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return None, qOf(self).init(th, args, kw)
		},
		"__str__": queueMethod("__str__", func(th *Thread, q *Queue) (Value, error) {
			s, err := q.Str(th)
			return Str(s), err
		}),
		"qsize": queueMethod("qsize", func(th *Thread, q *Queue) (Value, error) {
			n, err := q.baseQsize(th)
			return Int(int64(n)), err
		}),
		"empty": queueMethod("empty", func(th *Thread, q *Queue) (Value, error) {
			if !q.custom {
				return MakeBool(q.size() == 0), nil
			}
			n, err := q.qsize(th)
			return MakeBool(n == 0), err
		}),
		"full": queueMethod("full", func(th *Thread, q *Queue) (Value, error) {
			if q.maxsize <= 0 {
				return False, nil
			}
			n, err := q.qsize(th)
			return MakeBool(n >= int(q.maxsize)), err
		}),
		"put_nowait": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var item Value
			if err := UnpackArgs("put_nowait", args, kw, "item", &item); err != nil {
				return Value{}, err
			}
			return None, qOf(self).putNowait(th, item)
		},
		"get_nowait": queueMethod("get_nowait", func(th *Thread, q *Queue) (Value, error) {
			return q.getNowait(th)
		}),
		"put": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var item Value
			if err := UnpackArgs("put", args, kw, "item", &item); err != nil {
				return Value{}, err
			}
			return Obj(&syncCoro{op: opQueuePut, self: self, arg: item}), nil
		},
		"get": queueMethod("get", func(th *Thread, q *Queue) (Value, error) {
			return Obj(&syncCoro{op: opQueueGet, self: Obj(q)}), nil
		}),
		"join": queueMethod("join", func(th *Thread, q *Queue) (Value, error) {
			return Obj(&syncCoro{op: opQueueJoin, self: Obj(q)}), nil
		}),
		"task_done": queueMethod("task_done", func(th *Thread, q *Queue) (Value, error) {
			return None, q.taskDone()
		}),
		"_init": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var maxsize Value
			if err := UnpackArgs("_init", args, kw, "maxsize", &maxsize); err != nil {
				return Value{}, err
			}
			q := qOf(self)
			if q.custom {
				q.SetAttrValue("_queue", NewList(nil))
			}
			return None, nil
		},
		"_put": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var item Value
			if err := UnpackArgs("_put", args, kw, "item", &item); err != nil {
				return Value{}, err
			}
			q := qOf(self)
			if !q.custom {
				return None, q.store(th, item)
			}
			l, err := q.scriptList(th)
			if err != nil {
				return Value{}, err
			}
			l.Append(item)
			if q.kind == priorityQueue {
				return None, heapRise(th, l.Items, len(l.Items)-1)
			}
			return None, nil
		},
		"_get": queueMethod("_get", func(th *Thread, q *Queue) (Value, error) {
			if !q.custom {
				return q.take(th)
			}
			l, err := q.scriptList(th)
			if err != nil {
				return Value{}, err
			}
			if len(l.Items) == 0 {
				return Value{}, Errorf(IndexError, "pop from empty list")
			}
			switch q.kind {
			case lifoQueue:
				n := len(l.Items) - 1
				item := l.Items[n]
				l.Items = l.Items[:n]
				return item, nil
			case priorityQueue:
				item, rest, err := heapPop(th, l.Items)
				l.Items = rest
				return item, err
			}
			item := l.Items[0]
			l.Items = append(l.Items[:0], l.Items[1:]...)
			return item, nil
		}),
	})
	QueueType.SetAttr("maxsize", Obj(&Property{Fget: NewBuiltin("maxsize", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		return Int(qOf(args[0]).maxsize), nil
	}), Name: "maxsize"}))
}

// scriptList returns the list in _queue that the base hooks manage for a
// queue whose subclass overrides some of them.
func (q *Queue) scriptList(th *Thread) (*List, error) {
	v, err := GetAttr(th, Obj(q), "_queue")
	if err != nil {
		return nil, err
	}
	l, ok := v.obj.(*List)
	if !ok {
		return nil, Errorf(TypeError, "the queue's _queue is a '%s', not a list", v.Type().Name)
	}
	return l, nil
}
