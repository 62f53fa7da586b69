package runtime

// This file is what happens on the loop's goroutine when SIGINT arrives
// (interp.Interp.Interrupt): CPython 3.11's default handler raises
// KeyboardInterrupt where the program is, and asyncio.Runner, while it
// runs the main task, replaces it with a handler whose first call cancels
// the main task; asyncio.run then raises KeyboardInterrupt when the task
// ends cancelled, after the program's cleanup has run.

// runnerState is the part of asyncio.Runner that handles SIGINT, kept on
// the loop while RunMain runs its main task.
type runnerState struct {
	main       *Task
	interrupts int
}

// Interrupted acts on a SIGINT: it cancels the main task the first time
// one arrives while asyncio.run runs it, and otherwise returns
// KeyboardInterrupt to be raised at once.
func (th *Thread) Interrupted() error {
	if l := th.Loop; l != nil && l.running && l.runner != nil {
		r := l.runner
		r.interrupts++
		if r.interrupts == 1 && !r.main.Done() {
			r.main.Cancel(Value{})
			return nil
		}
	}
	return NewException(KeyboardInterrupt)
}

// runMainTask runs the main task as Runner.run does: with the SIGINT
// handler installed, and turning the main task's cancellation caused by
// an interrupt into KeyboardInterrupt.
func (l *Loop) runMainTask(task *Task) (Value, error) {
	prev := l.runner
	r := &runnerState{main: task}
	l.runner = r
	result, err := l.RunUntilComplete(&task.Future)
	l.runner = prev
	if err != nil && r.interrupts > 0 {
		if e, ok := err.(*Exception); ok && e.Class.IsSubtype(CancelledError) && task.Uncancel() == 0 {
			ki := NewException(KeyboardInterrupt)
			ki.Context = e // raised while the cancellation was handled
			return Value{}, ki
		}
	}
	return result, err
}
