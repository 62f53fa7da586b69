package runtime

// This file defines a Thread's resource limits, set by an embedding host:
// the largest object a script may build (so that `"x" * 10**10` or
// `[0] * 10**9` raise MemoryError instead of exhausting the host's
// memory), and an interrupt check that long-running loops implemented in
// Go (the event loop, range iteration) poll.

import (
	"time"
	"unsafe"
)

// valueSize approximates the bytes one slot of a list or tuple takes.
const valueSize = int64(unsafe.Sizeof(Value{}))

// Limits are a Thread's resource limits. The zero Limits means aio's
// defaults: objects up to maxAlloc bytes, nothing polled.
type Limits struct {
	// MaxAlloc, when positive, is the size in bytes (approximate: a list
	// slot counts as the size of a Value, a str as its UTF-8 length) that
	// no single str, list or tuple a script builds may exceed; building
	// a larger one raises MemoryError. It never exceeds maxAlloc.
	MaxAlloc int64
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
}

// allocLimit returns the largest object size, in bytes, allowed on th.
func (th *Thread) allocLimit() int64 {
	if th != nil && th.Limits.MaxAlloc > 0 && th.Limits.MaxAlloc < maxAlloc {
		return th.Limits.MaxAlloc
	}
	return maxAlloc
}

// CheckAlloc fails with MemoryError when an object of n items of size
// bytes each would exceed th's allocation limit. It is overflow-safe.
func (th *Thread) CheckAlloc(n, size int64) error {
	if n <= 0 || size <= 0 {
		return nil
	}
	if n > th.allocLimit()/size {
		return NewException(MemoryError)
	}
	return nil
}

// checkItems is CheckAlloc for n list or tuple slots.
func (th *Thread) checkItems(n int64) error { return th.CheckAlloc(n, valueSize) }

// checkRepeat checks seq * n for a sequence of length m.
func (th *Thread) checkRepeat(m int, n int64) error {
	if m == 0 || n <= 0 {
		return nil
	}
	if n > th.allocLimit()/valueSize/int64(m) {
		return NewException(MemoryError)
	}
	return nil
}

// checkStrRepeat checks s * n for a str of m bytes.
func (th *Thread) checkStrRepeat(m int, n int64) error {
	if m == 0 || n <= 0 {
		return nil
	}
	if n > th.allocLimit()/int64(m) {
		return NewException(MemoryError)
	}
	return nil
}

// CheckGrow checks appending extra items to items: only when the slice
// is full (append will reallocate) does it compare the new length with
// the limit, so that it costs a comparison per append.
func (th *Thread) CheckGrow(items []Value, extra int) error {
	if len(items)+extra <= cap(items) {
		return nil
	}
	return th.checkItems(int64(len(items)) + int64(extra))
}

// pollEvery calls the Poll hook when i is a multiple of 4096 (i counts
// iterations of a Go loop that a script can make arbitrarily long).
func (th *Thread) pollEvery(i int64) error {
	if i&4095 != 0 || th == nil || th.Limits.Poll == nil {
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

// Alloc charges n bytes of new live data to th's memory budget before a
// built-in allocates them, failing with MemoryError (and allocating
// nothing) when they would not fit. Today it checks n against the
// per-object cap; the interpreter-wide budget replaces its body.
func (th *Thread) Alloc(n int64) error { return th.CheckAlloc(n, 1) }

// Work charges n units of work done inside a built-in to the step budget
// (a unit is about what one bytecode instruction costs) and reports a
// stop: a built-in whose work grows with its input calls it every few
// thousand units, so that MaxSteps counts that work and a cancelled
// context stops it promptly.
func (th *Thread) Work(n int64) error {
	if th == nil || th.Limits.Work == nil {
		return nil
	}
	return th.Limits.Work(n)
}
