package runtime

// This file defines the event loop that asyncio's documented scheduling
// behaviour (call_soon, call_later, call_at, run_until_complete) runs on,
// without I/O: a FIFO ready queue of handles, a heap of
// timer handles ordered by (deadline, creation order), a clock that is
// real or virtual, and a goroutine-safe inbox through which work finished
// on other goroutines schedules callbacks on the loop.

import (
	"sync"
	"time"
)

// Clock tells the loop's time in seconds.
type Clock interface {
	Now() float64
}

type realClock struct{ start time.Time }

func (c realClock) Now() float64 { return time.Since(c.start).Seconds() + 1000 }

var processStart = time.Now()

// virtualClock is advanced by the loop itself: when nothing is ready it
// jumps to the next timer instead of sleeping.
type virtualClock struct{ now float64 }

func (c *virtualClock) Now() float64 { return c.now }

// HandleType and TimerHandleType are the classes of loop callbacks.
var (
	HandleType      = finalType("Handle")
	TimerHandleType = finalType("TimerHandle")
)

// Handle is a callback scheduled on the loop (call_soon), or a timer
// (call_later/call_at) when timer is set.
type Handle struct {
	loop      *Loop
	fn        func() error    // a Go callback, or
	script    *scriptCallback // a script callable with args, or
	sleep     *sleepCoro      // or a sleep's timer: fire the sleep
	when      float64
	seq       uint64
	cancelled bool
	timer     bool
	inHeap    bool // a timer still in the loop's heap
}

// Type returns HandleType or TimerHandleType.
func (h *Handle) Type() *Type {
	if h.timer {
		return TimerHandleType
	}
	return HandleType
}

// Cancel cancels the callback.
func (h *Handle) Cancel() {
	if !h.cancelled {
		h.cancelled = true
		if h.timer && h.inHeap {
			h.loop.timerCancelledCount++
		}
		h.script, h.fn = nil, nil // (a sleep stays: its task's wakeup reads it)
	}
}

func (h *Handle) run(th *Thread) error {
	if h.fn != nil {
		return h.fn()
	}
	if c := h.sleep; c != nil {
		c.fire()
		return nil
	}
	_, err := h.script.call(th)
	if err != nil {
		e := AsException(err)
		if e.Class.IsSubtype(KeyboardInterrupt) || e.Class.IsSubtype(SystemExit) {
			return e
		}
		var cb Value
		var args []Value
		if h.script != nil {
			cb, args = h.script.cb, h.script.args
		}
		h.loop.reportCallbackError(h, cb, args, e)
	}
	return nil
}

// scriptCallback is the callable and arguments of a handle made by a
// script's call_soon/call_later (kept out of line: most handles are the
// loop's own).
type scriptCallback struct {
	cb   Value
	args []Value
	ctx  *Context // the contextvars context it runs in (nil: a fresh one)
}

// LoopType is the class of event loops.
var LoopType = finalSub("_UnixSelectorEventLoop", AbstractEventLoopType)

// Loop is an event loop.
type Loop struct {
	th      *Thread
	clock   Clock
	virtual *virtualClock

	ready  readyQueue // the callbacks to run (call_soon's queue)
	due    []*Handle  // the timers a pass runs (runOnce), kept for reuse
	timers timerHeap
	seq    uint64

	timerCancelledCount int
	stopping            bool
	running             bool
	closed              bool

	current *Task
	tasks   []*Task      // tasks created on this loop, for all_tasks() (see addTask)
	runner  *runnerState // asyncio.run's SIGINT handling (sigint.go)
	// awaitedBy holds future_add_to_awaited_by's links (callgraph.go).
	awaitedBy map[*Future][]*Future

	tasksPruneAt int
	// debug is asyncio's debug mode (see debug.go); slowCallback is
	// slow_callback_duration, the run time past which it logs a callback.
	debug        bool
	slowCallback float64
	// instrumented: debug mode or a tracer wants to see each task step.
	instrumented bool
	// unretrieved are the futures that failed with an exception nobody
	// has retrieved yet, or has since (see noteUnretrieved).
	unretrieved []*Future

	// asyncgens are the asynchronous generators first iterated on this
	// loop, for shutdown_asyncgens (see asyncgen.go).
	asyncgens        []AsyncGen
	asyncgensPruneAt int

	inboxMu   sync.Mutex
	inbox     []func() error
	wake      chan struct{}
	hostWork  int64 // outstanding host operations that will post to the inbox
	hostMu    sync.Mutex
	interrupt func() error

	// ExecutorShutdown, when set, is asked at shutdown (after the tasks
	// and async generators) for a future that is done once the default
	// executor's work has ended, or nil when nothing is left to wait for.
	ExecutorShutdown func() *Future
}

// Type returns LoopType.
func (l *Loop) Type() *Type { return LoopType }

// NewLoop makes an event loop for th, on a virtual clock if th.VirtualTime.
func NewLoop(th *Thread) *Loop {
	l := &Loop{th: th, wake: make(chan struct{}, 1), slowCallback: 0.1}
	l.setDebug(th.AsyncioDebug)
	if th.VirtualTime {
		l.virtual = th.virtualClock() // shared with time.sleep and friends (vclock.go)
		l.clock = l.virtual
	} else {
		l.clock = realClock{start: processStart}
	}
	th.attachLoop(l)
	return l
}

// Time returns the loop's current time (loop.time()).
func (l *Loop) Time() float64 { return l.clock.Now() }

// IsVirtual reports whether the loop runs on a virtual clock.
func (l *Loop) IsVirtual() bool { return l.virtual != nil }

// CallSoon schedules a Go callback for the next loop pass.
func (l *Loop) CallSoon(fn func() error) *Handle {
	h := &Handle{loop: l, fn: fn}
	l.pushReady(readyItem{h: h})
	return h
}

// callSoonSleep schedules task t's wakeup from sleep c (fired or
// cancelled).
func (l *Loop) callSoonSleep(t *Task, c *sleepCoro) {
	l.pushReady(readyItem{h: &c.timer, task: t})
}

// callSoonTask schedules a task's step, or its wakeup by fut when fut is
// not nil, without allocating.
func (l *Loop) callSoonTask(t *Task, fut *Future) {
	l.pushReady(readyItem{task: t, fut: fut})
}

// CallSoonValue schedules a script callback (call_soon).
func (l *Loop) CallSoonValue(cb Value, args []Value) *Handle {
	h := &Handle{loop: l, script: &scriptCallback{cb: cb, args: args, ctx: l.th.callbackContext()}}
	l.pushReady(readyItem{h: h})
	return h
}

// CallAt schedules a callback at a loop time.
func (l *Loop) CallAt(when float64, fn func() error, cb Value, args []Value) *Handle {
	h := &Handle{fn: fn}
	if cb.IsValid() {
		h.script = &scriptCallback{cb: cb, args: args, ctx: l.th.callbackContext()}
	}
	l.schedule(h, when)
	return h
}

// schedule makes h a timer of the loop due at when.
func (l *Loop) schedule(h *Handle, when float64) {
	l.seq++
	h.loop, h.timer, h.when, h.seq = l, true, when, l.seq
	l.timers.push(h)
}

// CallLater schedules a callback after delay seconds.
func (l *Loop) CallLater(delay float64, fn func() error, cb Value, args []Value) *Handle {
	return l.CallAt(l.Time()+delay, fn, cb, args)
}

// Post schedules fn on the loop from any goroutine; it wakes the loop if
// it is waiting. It is the only method of Loop that is goroutine-safe.
func (l *Loop) Post(fn func() error) {
	l.inboxMu.Lock()
	l.inbox = append(l.inbox, fn)
	l.inboxMu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// BeginHostWork records that a host goroutine will Post a result later,
// so that the loop waits for it instead of reporting a deadlock (and the
// virtual clock does not jump past it). EndHostWork balances it.
func (l *Loop) BeginHostWork() {
	l.hostMu.Lock()
	l.hostWork++
	l.hostMu.Unlock()
}

// EndHostWork marks the end of a host operation started by BeginHostWork.
func (l *Loop) EndHostWork() {
	l.hostMu.Lock()
	l.hostWork--
	l.hostMu.Unlock()
}

func (l *Loop) outstandingHostWork() bool {
	l.hostMu.Lock()
	defer l.hostMu.Unlock()
	return l.hostWork > 0
}

func (l *Loop) drainInbox() {
	l.inboxMu.Lock()
	items := l.inbox
	l.inbox = nil
	l.inboxMu.Unlock()
	for _, fn := range items {
		l.CallSoon(fn)
	}
}

// SetInterrupt installs a check called once per loop pass (context
// cancellation by an embedding host).
func (l *Loop) SetInterrupt(f func() error) { l.interrupt = f }

// errDeadlock is returned when no callback, timer or host work can ever
// make the awaited future complete.
func (l *Loop) deadlockError() error {
	exc := Errorf(RuntimeError, "event loop deadlock: no task can make progress (every task waits on something that nothing will complete)")
	exc.GoErr = l.deadlockReport() // deadlock.go
	return exc
}

// runOnce is one pass of the loop: prune cancelled timers, wait if
// nothing is ready, then run what was ready plus the timers now due.
func (l *Loop) runOnce() error {
	// Drop cancelled timers from the head of the heap (or rebuild the heap
	// when too many are cancelled, as CPython does).
	if len(l.timers) > 100 && float64(l.timerCancelledCount)/float64(len(l.timers)) > 0.5 {
		l.timers.dropCancelled()
		l.timerCancelledCount = 0
	} else {
		for len(l.timers) > 0 && l.timers[0].h.cancelled {
			l.timerCancelledCount--
			l.timers.pop()
		}
	}
	l.drainInbox()
	if l.ready.n == 0 && !l.stopping {
		// Nothing to run now: wait for the next timer or host result.
		if err := l.wait(); err != nil {
			return err
		}
		l.drainInbox()
	}
	// The timers due now run after the callbacks that are ready, as in
	// CPython, which appends them to the ready queue. They wait in l.due
	// instead, 8 bytes a timer where a ready item takes 32: bursts of a
	// hundred thousand timers expiring together are common.
	endTime := l.Time() + 1e-9
	due := l.due[:0]
	for len(l.timers) > 0 && l.timers[0].when < endTime {
		due = appendDoubling(due, l.timers.pop())
	}
	if tr := l.th.Tracer; tr != nil {
		tr.readyLength(l)
	}
	// Run only the callbacks that were ready when this pass started.
	ntodo := l.ready.n
	for i := 0; i < ntodo; i++ {
		it := l.ready.pop()
		var err error
		if l.debug {
			err = l.runTimed(&it, nil)
		} else {
			err = it.run(l.th)
		}
		if err == nil {
			// A pass may run a hundred thousand callbacks.
			err = l.th.memoryEvery(int64(i + 1))
		}
		if err != nil {
			l.requeueDue(ntodo-i-1, due)
			return err
		}
	}
	for i, h := range due {
		due[i] = nil
		if h.cancelled {
			continue
		}
		var err error
		if l.debug {
			err = l.runTimed(nil, h)
		} else {
			err = h.run(l.th)
		}
		if err != nil {
			l.requeueDue(0, due[i+1:])
			return err
		}
	}
	l.due = due[:0]
	if l.interrupt != nil {
		return l.interrupt()
	}
	return nil
}

// wait blocks until the next timer is due or a host result arrives. The
// virtual clock jumps to the next timer instead, unless host work is
// outstanding (its result may arrive before that timer would fire): then
// it follows real time until the result or the timer comes.
func (l *Loop) wait() error {
	for {
		l.inboxMu.Lock()
		pending := len(l.inbox) > 0
		l.inboxMu.Unlock()
		if pending {
			return nil
		}
		host := l.outstandingHostWork()
		if len(l.timers) == 0 {
			if !host {
				return l.deadlockError()
			}
			if err := l.block(-1); err != nil {
				return err
			}
			continue
		}
		when := l.timers[0].when
		if l.virtual != nil && !host {
			if when > l.virtual.now {
				l.virtual.now = when
			}
			return nil
		}
		delay := when - l.Time()
		if delay <= 0 {
			return nil
		}
		if l.virtual != nil {
			// Host work (a host call, a socket, a process) outstanding
			// under a virtual clock: the clock runs at real speed, so
			// that its result lands before the timers that are due after
			// it, and a timeout on I/O that never comes still fires.
			woken, err := l.blockWoken(when - l.virtual.now)
			if err == nil && !woken && when > l.virtual.now {
				l.virtual.now = when
			}
			return err
		}
		return l.block(delay)
	}
}

// block waits for a wake-up (or delay seconds when delay >= 0), checking
// the interrupt hook periodically.
func (l *Loop) block(delay float64) error {
	_, err := l.blockWoken(delay)
	return err
}

// blockWoken is block, reporting whether a wake-up (rather than the
// delay) ended the wait.
func (l *Loop) blockWoken(delay float64) (bool, error) {
	var timeout <-chan time.Time
	if delay >= 0 {
		t := time.NewTimer(time.Duration(delay * float64(time.Second)))
		defer t.Stop()
		timeout = t.C
	}
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-l.wake:
			return true, nil
		case <-timeout:
			return false, nil
		case <-tick.C:
			if l.interrupt != nil {
				if err := l.interrupt(); err != nil {
					return false, err
				}
			}
		}
	}
}

// runUntilStopped runs passes of the loop, as the thread's running loop,
// until one ends with stop() called (by a callback, or by fut's done
// callback in RunUntilComplete).
func (l *Loop) runUntilStopped() error {
	l.running = true
	prev := l.th.Loop
	l.th.Loop = l
	defer func() {
		l.running = false
		l.stopping = false
		l.th.Loop = prev
	}()
	for {
		if err := l.runOnce(); err != nil {
			return err
		}
		if l.stopping {
			return nil
		}
	}
}

// RunUntilComplete runs the loop until fut is done and returns its result
// (loop.run_until_complete).
func (l *Loop) RunUntilComplete(fut *Future) (Value, error) {
	if l.running {
		return Value{}, Errorf(RuntimeError, "This event loop is already running")
	}
	stopped := false
	fut.addCallback(func(*Future) error {
		l.stopping = true
		stopped = true
		return nil
	})
	if err := l.runUntilStopped(); err != nil {
		return Value{}, err
	}
	if !stopped || !fut.Done() {
		return Value{}, Errorf(RuntimeError, "Event loop stopped before Future completed.")
	}
	return fut.Result()
}

// addTask records a new task for all_tasks(). CPython keeps a weak set;
// here finished tasks are dropped whenever the list has doubled since the
// last pruning, so a loop that runs forever, creating tasks as it goes,
// holds on only to those still running (amortized O(1) per task).
func (l *Loop) addTask(t *Task) {
	if len(l.tasks) >= l.tasksPruneAt {
		l.pruneTasks()
		l.tasksPruneAt = 2*len(l.tasks) + 64
	}
	l.tasks = appendDoubling(l.tasks, t)
}

// pruneTasks drops finished tasks from l.tasks, keeping creation order.
func (l *Loop) pruneTasks() {
	live := l.tasks[:0]
	for _, t := range l.tasks {
		if !t.Done() {
			live = append(live, t)
		}
	}
	clear(l.tasks[len(live):])
	l.tasks = live
}

// AllTasks returns the loop's tasks that are not done, in creation order.
func (l *Loop) AllTasks() []*Task {
	l.pruneTasks()
	return append([]*Task(nil), l.tasks...)
}

// Current returns the running task, or nil.
func (l *Loop) Current() *Task { return l.current }
