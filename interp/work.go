package interp

// This file charges the work built-ins do to the entry's step budget
// (runtime.Limits.Work) and makes an entry whose context was done fail
// even when the script finished first.
//
// A unit of work is about what one bytecode instruction costs (10-20ns):
// a comparison in a sort, an item of a repr, 64 bytes copied or scanned.
// Built-ins call Thread.Work every few thousand units, so a stop is seen
// within tens of microseconds of work; work that one Go call cannot split
// (a multiplication of huge ints) runs on a goroutine the built-in stops
// waiting for (runtime.Abandonable).

import (
	"context"
	"fmt"
)

// work is runtime.Limits.Work while an entry has limits: n units come off
// the current batch of steps, and the stop flag is looked at every call
// (an atomic load), so that a built-in's long loop stops at once.
func (in *Interp) work(n int64) error {
	h := &in.host
	h.left -= n
	if h.left > 0 && h.stop.Load() == nil {
		return nil
	}
	return in.slowTick()
}

// lateStop returns the error of an entry that ended without an error
// after its context was done (the cancel came while a built-in that does
// not look at it was running, or during the last instructions), or nil.
func (in *Interp) lateStop() error {
	h := &in.host
	if h.depth != 1 || h.ctx == nil {
		return nil
	}
	if h.ctx.Err() == nil {
		return nil
	}
	return in.ctxStop()
}

// ctxStop returns the interrupt of an entry whose context is done.
func (in *Interp) ctxStop() error {
	h := &in.host
	cerr := h.ctx.Err()
	s := h.stop.Load()
	if s == nil {
		// The context's AfterFunc has not run yet: describe the stop as
		// it would.
		s = &stopState{cause: cerr, msg: cerr.Error()}
		if c := context.Cause(h.ctx); c != nil && c != cerr {
			s.cause = fmt.Errorf("%w: %w", cerr, c)
		}
		h.stop.CompareAndSwap(nil, s)
		s = h.stop.Load()
	}
	return newInterrupted(s)
}
