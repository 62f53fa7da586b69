package runtime

// This file writes a timeline of the event loops' tasks in the Trace
// Event format (the JSON array form that ui.perfetto.dev and
// chrome://tracing open): a track per task, a slice per step a task runs
// between two suspensions, a flow arrow from the task that created a task
// to it, instants for cancellations, and a counter of the ready queue.
// Timestamps are the loop's clock in microseconds, so that a run on the
// virtual clock gives the same trace every time.

import (
	"encoding/json"
	"io"
	"strconv"
)

// Tracer records trace events to a writer. The loop calls it only when
// one is installed (Thread.Tracer), so that tracing costs nothing when
// off but a nil check per task step.
type Tracer struct {
	w       io.Writer
	err     error
	started bool
	tasks   map[*Task]*traceTask
	nextID  int64
	ready   int // the ready queue length last recorded, -1 before any
	buf     []byte
}

// traceClockOrigin is the loop clocks' start (see realClock): traces
// begin near 0.
const traceClockOrigin = 1000

// NewTracer returns a tracer writing to w. Call Finish when done to end
// the JSON array (Perfetto and chrome://tracing also open a trace whose
// array was never closed, as after a crash).
func NewTracer(w io.Writer) *Tracer {
	return &Tracer{w: w, tasks: map[*Task]*traceTask{}, ready: -1}
}

// traceTask is what the tracer knows of a task that has not finished.
type traceTask struct {
	id int64 // its track
	// flowIn: a flow arrow from its creator waits for its first step.
	flowIn bool
	named  bool // its track's name was written
}

// Finish ends the trace and returns the first write error, if any.
func (tr *Tracer) Finish() error {
	if !tr.started {
		tr.emitRaw("[")
	}
	tr.emitRaw("\n]\n")
	tr.started = false
	return tr.err
}

func (tr *Tracer) emitRaw(s string) {
	if tr.err == nil {
		_, tr.err = io.WriteString(tr.w, s)
	}
}

// event writes one event: fields is the JSON members after "ph" and "ts".
func (tr *Tracer) event(ph string, when float64, tid int64, fields string) {
	b := tr.buf[:0]
	if !tr.started {
		b = append(b, "[\n"...)
		tr.started = true
	} else {
		b = append(b, ",\n"...)
	}
	b = append(b, `{"ph":"`...)
	b = append(b, ph...)
	b = append(b, `","ts":`...)
	b = strconv.AppendFloat(b, traceMicros(when), 'f', 3, 64)
	b = append(b, `,"pid":1,"tid":`...)
	b = strconv.AppendInt(b, tid, 10)
	b = append(b, fields...)
	b = append(b, '}')
	tr.buf = b
	if tr.err == nil {
		_, tr.err = tr.w.Write(b)
	}
}

func traceMicros(t float64) float64 { return (t - traceClockOrigin) * 1e6 }

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// task returns what the tracer knows of t, giving it a track when new.
func (tr *Tracer) task(t *Task) *traceTask {
	if tt, ok := tr.tasks[t]; ok {
		return tt
	}
	tr.nextID++
	tt := &traceTask{id: tr.nextID}
	tr.tasks[t] = tt
	return tt
}

// named returns what the tracer knows of t, naming its track first if
// needed: at its first step or mark rather than at its creation, since
// create_task(name=...) names a task once made.
func (tr *Tracer) named(t *Task, when float64) *traceTask {
	tt := tr.task(t)
	if !tt.named {
		tt.named = true
		name, _ := ToStr(t.loop.th, t.Name())
		tr.event("M", when, tt.id, `,"name":"thread_name","args":{"name":`+jsonString(name)+`}`)
		tr.event("M", when, tt.id, `,"name":"thread_sort_index","args":{"sort_index":`+strconv.FormatInt(tt.id, 10)+`}`)
	}
	return tt
}

// taskCreated records a new task and, when a task created it, the start
// of the flow arrow from the creator (its end is the new task's first
// step).
func (tr *Tracer) taskCreated(t *Task, creator *Task) {
	now := t.loop.Time()
	tt := tr.task(t)
	if creator != nil {
		from := tr.named(creator, now)
		tt.flowIn = true
		tr.event("s", now, from.id, `,"name":"create","cat":"task","id":`+strconv.FormatInt(tt.id, 10))
	}
}

// stepDone records a step of t that ran from start to now (the last when
// done), and, for its first step, the end of its creation flow.
func (tr *Tracer) stepDone(t *Task, start float64, done bool) {
	tt := tr.named(t, start)
	id := strconv.FormatInt(tt.id, 10)
	if tt.flowIn {
		tt.flowIn = false
		tr.event("f", start, tt.id, `,"name":"create","cat":"task","bp":"e","id":`+id)
	}
	dur := traceMicros(t.loop.Time()) - traceMicros(start)
	if dur < 0 {
		dur = 0
	}
	tr.event("X", start, tt.id, `,"name":`+jsonString(t.coro.CoroName())+`,"cat":"step","dur":`+strconv.FormatFloat(dur, 'f', 3, 64))
	if done {
		delete(tr.tasks, t) // a finished task never runs again
	}
}

// instant records a mark on t's track (a cancellation, a timeout).
func (tr *Tracer) instant(t *Task, name string) {
	now := t.loop.Time()
	tr.event("i", now, tr.named(t, now).id, `,"name":`+jsonString(name)+`,"s":"t"`)
}

// readyLength records the length of the loop's ready queue when changed.
func (tr *Tracer) readyLength(l *Loop) {
	if n := l.ready.n; n != tr.ready {
		tr.ready = n
		tr.event("C", l.Time(), 0, `,"name":"ready queue","args":{"callbacks":`+strconv.Itoa(n)+`}`)
	}
}

// TraceInstantBuiltin is _trace_instant(task, name), with which asyncio's
// source marks a moment on a task's track (a timeout expiring) when a
// tracer is installed; task None means the running task.
var TraceInstantBuiltin = NewBuiltin("_trace_instant", func(th *Thread, _ Value, args []Value, _ []Kwarg) (Value, error) {
	if th.Tracer == nil || len(args) != 2 {
		return None, nil
	}
	t, ok := args[0].obj.(*Task)
	if args[0].IsNone() && th.Loop != nil && th.Loop.current != nil {
		t, ok = th.Loop.current, true
	}
	name, isStr := args[1].obj.(*StrObj)
	if ok && isStr && !t.Done() {
		th.Tracer.instant(t, name.S)
	}
	return None, nil
})
