package interp

// This file is the interpreter's side of the process's signals. SIGINT
// for the command line: Interrupt (called from the goroutine that
// receives the signal) raises a flag that the VM looks at with the stop
// flag (api.go), and the loop thread then acts as CPython 3.11's default
// handler and asyncio.Runner's handler do (runtime.Thread.Interrupted),
// or calls the script's own SIGINT handler if it installed one. Other
// signals: Signal queues a signal for which the script installed a
// Python handler (signal.signal; the signal module subscribes to the
// signal when the host granted Capabilities.Signals), and the handler
// runs on the interpreter's goroutine between two instructions, or at
// the event loop's next pass when the loop is idle, as CPython runs its
// handlers in the main thread. Embedded interpreters never install
// signal handlers unless granted: a host may call Interrupt or Signal
// itself.

import (
	"sync/atomic"

	"github.com/aio-lang/aio/runtime"
)

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
	if in.customSigint() {
		return in.dispatchSignal(2)
	}
	return in.th.Interrupted()
}

// Signal asks the running script to act on signal signum (1 to 64) as
// if the process had received it: the handler the script installed with
// signal.signal runs on the interpreter's goroutine at the next
// instruction, or at the event loop's next pass. It is safe to call from
// any goroutine; the signal module calls it for the signals it
// subscribed to.
func (in *Interp) Signal(signum int) {
	if signum < 1 || signum > 64 {
		return
	}
	h := &in.host
	h.signals.Or(1 << (signum - 1))
	atomic.StoreUint32(&in.checkOn, 1)
	h.loopMu.Lock()
	l := h.loop
	h.loopMu.Unlock()
	if l != nil {
		l.Post(in.takeSignals) // an idle loop runs the handlers
	}
}

// HandleSignals runs, on the interpreter's goroutine, the handlers of
// the signals Signal queued (os.kill calls it after signalling its own
// process, so that the handler runs before the next instruction); the
// error is a handler's exception.
func (in *Interp) HandleSignals() error { return in.takeSignals() }

// takeSignals runs the handlers of the signals queued by Signal, in
// signal number order, on the interpreter's goroutine. An exception
// from a handler is raised where the script was; the signals after it
// wait for the next check.
func (in *Interp) takeSignals() error {
	h := &in.host
	if h.signals.Load() == 0 {
		return nil // the common case: a plain load, no exchange
	}
	bits := h.signals.Swap(0)
	for n := 1; bits != 0; n++ {
		bit := uint64(1) << (n - 1)
		if bits&bit == 0 {
			continue
		}
		bits &^= bit
		if err := in.dispatchSignal(n); err != nil {
			if bits != 0 {
				h.signals.Or(bits)
				atomic.StoreUint32(&in.checkOn, 1)
			}
			return err
		}
	}
	return nil
}

// dispatchSignal runs the signal module's handler of signum (its
// _dispatch function); without the module nothing was installed.
func (in *Interp) dispatchSignal(signum int) error {
	m, ok := in.th.Modules["signal"]
	if !ok {
		return nil
	}
	dispatch, ok := m.Get("_dispatch")
	if !ok {
		return nil
	}
	_, err := in.th.Call(dispatch, []runtime.Value{runtime.Int(int64(signum))}, nil)
	return err
}

// customSigint reports whether the script replaced SIGINT's default
// handler (which raises KeyboardInterrupt) with signal.signal.
func (in *Interp) customSigint() bool {
	m, ok := in.th.Modules["signal"]
	if !ok {
		return false
	}
	custom, ok := m.Get("_custom_sigint")
	if !ok {
		return false
	}
	v, err := in.th.Call(custom, nil, nil)
	return err == nil && v.Is(runtime.True)
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
