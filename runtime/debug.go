package runtime

// This file is asyncio's debug mode (aio --debug, asyncio.run(...,
// debug=True), loop.set_debug(True)): callbacks and task steps that run
// longer than loop.slow_callback_duration are logged as CPython logs
// them, never-awaited coroutines say where they were created (see
// interp), and, an aio addition, a task that catches a cancellation and
// goes on without calling uncancel() is reported.

import (
	"io"
	"strconv"
)

// Debug reports whether the loop is in debug mode.
func (l *Loop) Debug() bool { return l.debug }

// DebugActive reports whether the running loop, or the loops th will
// make, are in debug mode.
func (th *Thread) DebugActive() bool {
	if th.Loop != nil {
		return th.Loop.debug
	}
	return th.AsyncioDebug
}

// setDebug turns debug mode on or off.
func (l *Loop) setDebug(on bool) {
	l.debug = on
	l.instrumented = on || l.th.Tracer != nil
}

// resumeInstrumented is a task step for debug mode or a tracer: it
// resumes t's coroutine, checking for a swallowed cancellation (exc is
// what the step throws in) and recording the step.
func (t *Task) resumeInstrumented(throw error, exc *Exception) CoroStep {
	loop := t.loop
	start := loop.Time()
	cancels := t.numCancels
	st := t.coro.Resume(loop.th, throw)
	if loop.debug && exc != nil && exc.Class.IsSubtype(CancelledError) {
		loop.checkSwallowed(t, st, cancels)
	}
	if tr := loop.th.Tracer; tr != nil {
		tr.stepDone(t, start, st.Done)
	}
	return st
}

// runTimed runs a ready item (or the timer h) and logs it when it took
// longer than slow_callback_duration, in CPython's words.
func (l *Loop) runTimed(it *readyItem, h *Handle) error {
	start := l.Time()
	var err error
	if it != nil {
		err = it.run(l.th)
	} else {
		err = h.run(l.th)
	}
	took := l.Time() - start
	if took >= l.slowCallback {
		var what string
		switch {
		case it != nil && it.task != nil:
			what, _ = it.task.Repr(l.th)
		case it != nil && it.h != nil:
			what = l.handleRepr(it.h)
		case it != nil && it.cb != nil && it.cb.cb.IsValid():
			what = "<Handle " + formatCallback(l.th, it.cb.cb, []Value{it.fut.Value()}) + ">"
		case h != nil:
			what = l.handleRepr(h)
		default:
			what = "<Handle>"
		}
		io.WriteString(l.th.Stderr, "Executing "+what+" took "+strconv.FormatFloat(took, 'f', 3, 64)+" seconds\n")
	}
	return err
}

// handleRepr describes a handle for the slow-callback log.
func (l *Loop) handleRepr(h *Handle) string {
	if h.sleep != nil && h.sleep.task != nil {
		s, _ := h.sleep.task.Repr(l.th)
		return s
	}
	desc := "<callback>"
	if h.script != nil {
		desc = formatCallback(l.th, h.script.cb, h.script.args)
	}
	if h.timer {
		when, _ := Repr(l.th, Float(h.when))
		return "<TimerHandle when=" + when + " " + desc + ">"
	}
	return "<Handle " + desc + ">"
}

// checkSwallowed reports a task that was thrown a CancelledError in a
// step that ended without the task being cancelled and without a call of
// uncancel(): the cancellation was caught and dropped, which breaks
// timeouts and TaskGroup (an aio addition to the debug mode).
func (l *Loop) checkSwallowed(t *Task, st CoroStep, cancels int32) {
	if st.Done && st.Err != nil && AsException(st.Err).Class.IsSubtype(CancelledError) {
		return
	}
	if t.numCancels == 0 || t.numCancels < cancels {
		return
	}
	name, _ := ToStr(l.th, t.Name())
	io.WriteString(l.th.Stderr, "Task "+name+" ("+t.coro.CoroName()+"()) swallowed a cancellation: it caught CancelledError and went on without calling uncancel() (aio debug mode)\n")
}

func init() {
	LoopType.Methods(map[string]BuiltinFn{
		"get_debug": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("get_debug", args, kw); err != nil {
				return Value{}, err
			}
			return MakeBool(loopOf(th, self).debug), nil
		},
		"set_debug": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if _, err := OneArg("set_debug", args, kw); err != nil {
				return Value{}, err
			}
			on, err := Truth(th, args[0])
			if err != nil {
				return Value{}, err
			}
			loopOf(th, self).setDebug(on)
			return None, nil
		},
	})
}

// Attr gives the loop's one data attribute, slow_callback_duration.
func (l *Loop) Attr(name string) (Value, bool) {
	if name == "slow_callback_duration" {
		return Float(l.slowCallback), true
	}
	return Value{}, false
}

// SetAttrValue sets slow_callback_duration (a number); the loop has no
// other attributes to set.
func (l *Loop) SetAttrValue(name string, v Value) bool {
	if name != "slow_callback_duration" {
		return false
	}
	switch {
	case v.IsFloat():
		l.slowCallback = v.FloatVal()
	case v.IsSmallInt():
		l.slowCallback = float64(v.SmallInt())
	default:
		return false
	}
	return true
}

// DelAttrValue refuses: the loop's attributes cannot be deleted.
func (l *Loop) DelAttrValue(name string) bool { return false }
