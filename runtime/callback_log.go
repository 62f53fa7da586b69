package runtime

// This file logs an exception raised by a loop callback as CPython's
// default exception handler does: "Exception in callback f(1) at
// FILE:LINE", then "handle: <Handle f(1) at FILE:LINE>", then the
// traceback.

import (
	"strconv"
	"strings"
)

// FuncLocation is implemented by script functions: their qualified name
// and where they are defined, for the logs and reprs of callbacks.
type FuncLocation interface {
	FuncWhere() (qualname, file string, line int)
}

// formatCallback renders cb(args) as CPython's asyncio names a callback,
// with " at FILE:LINE" for a script function.
func formatCallback(th *Thread, cb Value, args []Value) string {
	var b strings.Builder
	loc, isFunc := cb.obj.(FuncLocation)
	if isFunc {
		name, _, _ := loc.FuncWhere()
		b.WriteString(name)
	} else if q, err := GetAttr(th, cb, "__qualname__"); err == nil {
		s, _ := ToStr(th, q)
		b.WriteString(s)
	} else {
		s, _ := Repr(th, cb)
		b.WriteString(s)
	}
	b.WriteByte('(')
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := Repr(th, a)
		if err != nil {
			s = "<?>"
		}
		b.WriteString(s)
	}
	b.WriteByte(')')
	if isFunc {
		_, file, line := loc.FuncWhere()
		b.WriteString(" at " + file + ":" + strconv.Itoa(line))
	}
	return b.String()
}

// reportCallbackError logs e, raised by callback cb(args) of handle h (nil
// for a future's done callback, which CPython runs through a handle too).
func (l *Loop) reportCallbackError(h *Handle, cb Value, args []Value, e *Exception) {
	if l.th.ReportException == nil {
		return
	}
	if !cb.IsValid() {
		l.th.ReportException("Exception in callback", e)
		return
	}
	desc := formatCallback(l.th, cb, args)
	handle := "<Handle " + desc + ">"
	if h != nil && h.timer {
		when, _ := Repr(l.th, Float(h.when))
		handle = "<TimerHandle when=" + when + " " + desc + ">"
	}
	l.th.ReportException("Exception in callback "+desc+"\nhandle: "+handle, e)
}

// callbacksInfo is the " cb=[...]" part of a pending future's repr: its
// done callbacks as CPython names them, the first and the last with the
// number of others between. Callbacks of the runtime's own (which CPython
// would name by its asyncio source) are left out.
func (f *Future) callbacksInfo(th *Thread) string {
	var names []string
	for i := range f.callbacks {
		c := &f.callbacks[i]
		switch {
		case c.wakes() != nil:
			names = append(names, "Task.task_wakeup()")
		case c.fn == nil && c.cb.IsValid():
			names = append(names, formatCallback(th, c.cb, nil))
		}
	}
	switch n := len(names); {
	case n == 0:
		return ""
	case n > 2:
		names = []string{names[0], "<" + strconv.Itoa(n-2) + " more>", names[n-1]}
	}
	return " cb=[" + strings.Join(names, ", ") + "]"
}
