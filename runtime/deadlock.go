package runtime

// This file builds the report attached to the event loop's deadlock
// error: for every pending task, its name, its coroutine, the frames its
// coroutine chain is suspended in (FILE:LINE, innermost first) and the
// future it waits on. The report rides in the exception's GoErr field
// so that the CLI, the REPL and embedders can print it or inspect it; the
// exception itself is the plain RuntimeError scripts can catch.

import (
	"strconv"
	"strings"
)

// StuckTask is a task that was waiting when the loop found a deadlock.
type StuckTask struct {
	Name     string       // the task's name
	Coro     string       // its coroutine's qualified name
	Stack    []StackFrame // where its coroutine chain is suspended, innermost first
	Awaiting string       // repr of the future (or task) it waits on; "" if unknown
}

// Deadlock is the report of an event loop deadlock.
type Deadlock struct {
	Tasks []StuckTask
	// Text is the report as the CLI prints it (see Format).
	Text string
}

// Error returns the report's header line, so that a Deadlock can ride in
// an exception's GoErr field.
func (d *Deadlock) Error() string { return strings.TrimSuffix(d.Header(), "\n") }

// DeadlockOf returns the report attached to a deadlock exception, or nil.
func DeadlockOf(exc *Exception) *Deadlock {
	d, _ := exc.GoErr.(*Deadlock)
	return d
}

// deadlockReport lists the loop's pending tasks and what each waits on.
func (l *Loop) deadlockReport() *Deadlock {
	d := &Deadlock{}
	var b strings.Builder
	for _, t := range l.AllTasks() {
		st := StuckTask{Coro: t.coro.CoroName(), Stack: taskStack(l.th, t)}
		st.Name, _ = ToStr(l.th, t.Name())
		if w := t.waitingOn; w != nil {
			st.Awaiting = safeRepr(l.th, w.waitValue())
		}
		d.Tasks = append(d.Tasks, st)
		formatStuck(l.th, &b, t, st)
	}
	d.Text = b.String()
	return d
}

// safeRepr is repr(v), or a placeholder when repr fails (the report must
// not raise).
func safeRepr(th *Thread, v Value) string {
	s, err := Repr(th, v)
	if err != nil {
		return "<" + v.Type().Name + " object>"
	}
	return s
}

// formatStuck writes one task of the report in the call-graph layout,
// with a last line saying what the task waits on.
func formatStuck(th *Thread, b *strings.Builder, t *Task, st StuckTask) {
	formatGraph(th, b, &CallGraph{Future: &t.Future, Stack: st.Stack}, 0)
	if st.Awaiting != "" {
		b.WriteString("  + Waiting on: " + st.Awaiting + "\n")
	}
}

// Header returns the line the CLI prints before the report.
func (d *Deadlock) Header() string {
	n := len(d.Tasks)
	s := "s wait"
	if n == 1 {
		s = " waits"
	}
	return "aio: event loop deadlock: " + strconv.Itoa(n) + " task" + s + " on something that nothing will complete:\n"
}

// TaskDump returns every pending task of the loop in the deadlock
// report's layout (the CLI's SIGQUIT dump).
func (l *Loop) TaskDump() string {
	return l.deadlockReport().Text
}
