package runtime

// This file defines a Thread's resource limits, set by an embedding host:
// the memory budget (budget.go implements it; the helpers here size the
// allocations of lists, tuples and strs for it), and an interrupt check
// that long-running loops implemented in Go (the event loop, range
// iteration) poll.

import (
	"time"
	"unsafe"
)

// valueSize approximates the bytes one slot of a list or tuple takes.
const valueSize = int64(unsafe.Sizeof(Value{}))

// Limits are a Thread's resource limits. The zero Limits means aio's
// defaults: no memory budget (single allocations up to maxAlloc bytes),
// nothing polled.
type Limits struct {
	// MemoryLimit, when positive, is the memory budget in bytes: the
	// live data of the thread's scripts may not exceed it (budget.go says
	// exactly what counts and how closely). Without it, only a single
	// allocation larger than 4 GiB fails.
	MemoryLimit int64
	// MemoryRoots, when set, visits the roots the interpreter holds
	// beyond the thread's modules and event loop (its builtins, the
	// frames of the running code) for the memory walk.
	MemoryRoots func(w *MemWalker)
	// Poll, when set, is called by the event loop once per pass and while
	// it waits, and by range iteration every few thousand items; an error
	// it returns stops the loop or the iteration (a host uses it to
	// cancel a script promptly).
	Poll func() error
	// Work, when set, is called by Thread.Work with the units of work a
	// built-in did; an error it returns stops the built-in.
	Work func(n int64) error
	// OnNewLoop, when set, is told about every event loop created on the
	// thread, before it runs (a host records it to wake it up).
	OnNewLoop func(*Loop)

	// mem is the state of the memory budget (budget.go).
	mem memState
}

// checkItems charges n list or tuple slots.
func (th *Thread) checkItems(n int64) error { return th.CheckAlloc(n, valueSize) }

// copyValues returns a copy of items, charged to the budget.
func (th *Thread) copyValues(items []Value) ([]Value, error) {
	if err := th.checkItems(int64(len(items))); err != nil {
		return nil, err
	}
	return append([]Value(nil), items...), nil
}

// checkRepeat charges seq * n for a sequence of length m.
func (th *Thread) checkRepeat(m int, n int64) error {
	if m == 0 || n <= 0 {
		return nil
	}
	if n > maxAlloc/valueSize/int64(m) {
		return NewException(MemoryError)
	}
	return th.checkItems(int64(m) * n)
}

// checkStrRepeat charges s * n for a str of m bytes.
func (th *Thread) checkStrRepeat(m int, n int64) error {
	if m == 0 || n <= 0 {
		return nil
	}
	if n > maxAlloc/int64(m) {
		return NewException(MemoryError)
	}
	return th.Alloc(int64(m)*n + strHeaderSize)
}

// CheckGrow charges appending extra items to items: only when the slice
// is full (append will reallocate) does it charge the new backing array
// (the doubled capacity appendDoubling or append will allocate), so that
// it costs a comparison per append.
func (th *Thread) CheckGrow(items []Value, extra int) error {
	if len(items)+extra <= cap(items) {
		return nil
	}
	n := int64(len(items)) + int64(extra)
	return th.checkItems(max(n, 2*int64(cap(items))))
}

// pollEvery calls the Poll hook when i is a multiple of 4096 (i counts
// iterations of a Go loop that a script can make arbitrarily long).
func (th *Thread) pollEvery(i int64) error {
	if i&4095 != 0 || th == nil {
		return nil
	}
	if err := th.memoryEvery(i); err != nil {
		return err
	}
	if th.Limits.Poll == nil {
		return nil
	}
	return th.Limits.Poll()
}

// attachLoop installs the thread's hooks on a new event loop.
func (th *Thread) attachLoop(l *Loop) {
	if th.Limits.Poll != nil {
		l.interrupt = th.Limits.Poll
	}
	if th.Limits.OnNewLoop != nil {
		th.Limits.OnNewLoop(l)
	}
}

// sleep blocks for d (time.sleep), waking every 20ms to call the Poll
// hook so that a host can interrupt a long sleep.
func (th *Thread) sleep(d time.Duration) error {
	if th == nil || th.Limits.Poll == nil {
		time.Sleep(d)
		return nil
	}
	deadline := time.Now().Add(d)
	for {
		if err := th.Limits.Poll(); err != nil {
			return err
		}
		left := time.Until(deadline)
		if left <= 0 {
			return nil
		}
		time.Sleep(min(left, 20*time.Millisecond))
	}
}

// Work charges n units of work done inside a built-in to the step budget
// (a unit is about what one bytecode instruction costs) and reports a
// stop: a built-in whose work grows with its input calls it every few
// thousand units, so that MaxSteps counts that work and a cancelled
// context stops it promptly.
func (th *Thread) Work(n int64) error {
	if th == nil {
		return nil
	}
	if th.Limits.MemoryLimit > 0 {
		// The safety net of the memory budget: a built-in's loop may make
		// many small objects that nothing charges.
		m := &th.Limits.mem
		if m.work += n; m.work >= 4096 {
			m.work = 0
			if err := th.checkHeap(); err != nil {
				return err
			}
		}
	}
	if th.Limits.Work == nil {
		return nil
	}
	return th.Limits.Work(n)
}
