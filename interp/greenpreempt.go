package interp

// This file gives green threads time slices: under the real clock, a
// thread that has run script code for greenSlice without blocking gives
// the loop a turn (a zero-delay yield), as CPython switches threads
// every 5 ms. A timer goroutine marks the slice as over and turns the
// VM's per-instruction check on; the check (stepAt) suspends the thread
// at the next instruction of its own activation. Under the virtual
// clock threads are not preempted, so that runs stay reproducible: a
// computation in a thread holds the loop until it blocks or ends.

import (
	"sync/atomic"
	"time"
)

// greenSlice is how long a green thread runs before the loop gets a turn.
const greenSlice = 5 * time.Millisecond

// greenSlicer is the preemption timer of the running green-thread step.
type greenSlicer struct {
	timer *time.Timer
	// due is set by the timer when the slice is over.
	due atomic.Bool
	in  *Interp
}

// start arms the timer for a step of a green thread.
func (s *greenSlicer) start(in *Interp) {
	if in.th.VirtualTime {
		return
	}
	s.due.Store(false)
	if s.timer == nil {
		s.in = in
		s.timer = time.AfterFunc(greenSlice, s.fire)
		return
	}
	s.timer.Reset(greenSlice)
}

// fire runs on the timer's goroutine: the check sees due at the next
// instruction.
func (s *greenSlicer) fire() {
	s.due.Store(true)
	atomic.StoreUint32(&s.in.checkOn, 1)
}

// stop disarms the timer when the step ends.
func (s *greenSlicer) stop() {
	if s.timer != nil {
		s.timer.Stop()
	}
	s.due.Store(false)
}

// preemptAt is the check's part for a slice that is over, at an
// instruction of frame f: the running green thread yields when f is in
// its own activation; in a nested activation (script code called from
// Go), which cannot be suspended, the thread gets another slice.
func (in *Interp) preemptAt(f *frame) error {
	s := &in.green.slice
	s.due.Store(false)
	g := in.green.cur
	if g == nil {
		return nil
	}
	if g.owns(f) {
		g.wait = nil
		return errGreenSwitch
	}
	if s.timer != nil {
		s.timer.Reset(greenSlice)
	}
	return nil
}
