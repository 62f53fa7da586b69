package interp

// This file gives the runtime's call-graph backport (runtime/callgraph.go)
// the frames of coroutines, and gives hosts the deadlock report: a Go
// error type listing the stuck tasks, and the text the CLI and the REPL
// print before a deadlock's traceback.

import (
	"fmt"
	"io"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// stackFrame describes f for a call graph.
func stackFrame(f *frame) runtime.StackFrame {
	e := f.traceEntry()
	return runtime.StackFrame{File: e.Filename, Line: e.Line, Func: f.fn.qualname, Async: f.isCoro}
}

// CallStack lists the frames the coroutine's chain is suspended in, the
// innermost first (runtime.CallStacker). A coroutine not started yet is
// at its first line; a running or finished one has no suspended frames
// beyond its own.
func (co *coroutine) CallStack() []runtime.StackFrame {
	entry := co.frame()
	if co.state != coroSuspended || entry.resumeAt == nil {
		if co.state == coroClosed {
			return nil
		}
		return []runtime.StackFrame{stackFrame(entry)}
	}
	chain := frameChain(entry.resumeAt, entry)
	if nf, ok := nativeAwaited(entry.resumeAt); ok {
		chain = append([]runtime.StackFrame{nf}, chain...)
	}
	return chain
}

// nativeAwaited describes the coroutine implemented in Go (a TaskGroup's
// __aexit__, a Queue's get, ...) that suspended frame f awaits, if any:
// it stands for the frame CPython's library code would have there.
func nativeAwaited(f *frame) (runtime.StackFrame, bool) {
	if f.sp <= len(f.code.Locals) || f.sp > len(f.slots) {
		return runtime.StackFrame{}, false
	}
	aw := f.top()
	if _, ok := runtime.As[*coroutine](aw); ok {
		return runtime.StackFrame{}, false
	}
	c, ok := aw.Object().(runtime.Coro)
	if !ok {
		return runtime.StackFrame{}, false
	}
	return runtime.StackFrame{File: "<asyncio>", Func: c.CoroName(), Async: true}, true
}

// frameChain lists the frames from f out to entry through their callers;
// if entry is not among them, the frames up to the outermost.
func frameChain(f, entry *frame) []runtime.StackFrame {
	var out []runtime.StackFrame
	for i := 0; f != nil && i < 10000; i++ {
		out = append(out, stackFrame(f))
		if f == entry {
			break
		}
		f = f.back
	}
	return out
}

// LiveStack lists the frames of the running task t, from the frame that
// called the running built-in out to t's coroutine (runtime.LiveStacker).
func (in *Interp) LiveStack(t *runtime.Task) []runtime.StackFrame {
	co, ok := t.Coro().(*coroutine)
	if !ok {
		return nil
	}
	entry := co.frame()
	for f := in.caller; f != nil; f = f.back {
		if f == entry {
			return frameChain(in.caller, entry)
		}
	}
	return []runtime.StackFrame{stackFrame(entry)}
}

// WriteTaskDump writes what every pending task of the running event loop
// waits on to w, in the deadlock report's layout. Call it on the loop's
// goroutine (the CLI posts it to the loop on SIGQUIT).
func (in *Interp) WriteTaskDump(w io.Writer) {
	l := in.th.Loop
	if l == nil {
		io.WriteString(w, "aio: no event loop is running\n")
		return
	}
	tasks := l.AllTasks()
	fmt.Fprintf(w, "aio: %d pending task(s):\n%s", len(tasks), l.TaskDump())
}

// DeadlockError is the Go error behind an event loop deadlock: an *Error
// for `RuntimeError: event loop deadlock` unwraps to it (use errors.As).
type DeadlockError struct {
	// Tasks are the tasks that were pending, in creation order.
	Tasks []runtime.StuckTask
	// Report is the text the aio command prints before the traceback.
	Report string
}

// Error returns a one-line summary naming the stuck tasks.
func (e *DeadlockError) Error() string {
	names := make([]string, len(e.Tasks))
	for i, t := range e.Tasks {
		names[i] = t.Name + " (" + t.Coro + ")"
	}
	return "event loop deadlock: stuck tasks: " + strings.Join(names, ", ")
}

// deadlockError is the DeadlockError an embedder sees for the report d.
func deadlockError(d *runtime.Deadlock) error {
	return &DeadlockError{Tasks: d.Tasks, Report: d.Header() + d.Text}
}

// writeDeadlockReport writes the report of a deadlock in exc's chain, if
// any, to w (before the traceback).
func writeDeadlockReport(w io.Writer, exc *runtime.Exception) {
	for i := 0; exc != nil && i < 64; i++ {
		if d := runtime.DeadlockOf(exc); d != nil {
			io.WriteString(w, d.Header()+d.Text)
			return
		}
		if exc.Cause != nil {
			exc = exc.Cause
		} else {
			exc = exc.Context
		}
	}
}
