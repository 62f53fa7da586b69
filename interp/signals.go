package interp

// This file is the interpreter's side of SIGINT for the command line:
// Interrupt (called from the goroutine that receives the signal) raises a
// flag that the VM looks at with the stop flag (api.go), and the loop
// thread then acts as CPython 3.11's default handler and asyncio.Runner's
// handler do (runtime.Thread.Interrupted). Embedded interpreters never
// install signal handlers: a host calls Interrupt itself if it wants
// KeyboardInterrupt semantics.

import "sync/atomic"

// WatchInterrupts makes Interrupt act on Run: the VM then acts on
// an interrupt at its next instruction, and the event loop, time.sleep
// and long built-in iterations look at the flag while they wait or
// work. It costs nothing while no interrupt arrives: the VM's check
// before every instruction is the flag it already tests for an installed
// check (checkOn), which Interrupt sets. The command line calls it before
// Run; without it Interrupt has no effect on a script run without a
// context.
func (in *Interp) WatchInterrupts() {
	h := &in.host
	if h.depth > 0 || in.th.Limits.Poll != nil {
		return
	}
	in.th.Limits.Poll = h.poll
	h.watching = true
}

// Interrupt asks the running script to act on a SIGINT: in synchronous
// code KeyboardInterrupt is raised at the next look at the flag; while
// asyncio.run (or a script's top-level await) runs its main task, the
// first interrupt cancels that task and asyncio.run raises
// KeyboardInterrupt once the task has ended. It is safe to call from any
// goroutine.
func (in *Interp) Interrupt() {
	h := &in.host
	h.sigint.Store(true)
	if h.watching {
		atomic.StoreUint32(&in.checkOn, 1)
	}
	h.loopMu.Lock()
	l := h.loop
	h.loopMu.Unlock()
	if l != nil {
		l.Post(func() error { return nil }) // wake a waiting loop
	}
}

// takeInterrupt consumes a pending interrupt on the interpreter's
// goroutine.
func (in *Interp) takeInterrupt() error {
	if !in.host.sigint.CompareAndSwap(true, false) {
		return nil
	}
	return in.th.Interrupted()
}

// PostToLoop runs fn on the goroutine of the newest event loop, at its
// next pass, and reports whether a loop was there to take it. It is safe
// to call from any goroutine (the CLI's SIGQUIT handler uses it).
func (in *Interp) PostToLoop(fn func()) bool {
	h := &in.host
	h.loopMu.Lock()
	l := h.loop
	h.loopMu.Unlock()
	if l == nil {
		return false
	}
	l.Post(func() error { fn(); return nil })
	return true
}
