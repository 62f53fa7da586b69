package interp

// This file is the guard the fuzz targets run scripts under: limits, a
// context that is cancelled early in part of the runs, a sampler that
// measures the Go heap while the script runs, and the checks that make a
// run fail (an *InternalError, a late return after the context is done,
// a missing context error, the heap above the budget, a leaked depth).

import (
	"context"
	"errors"
	"fmt"
	"io"
	goruntime "runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aio-lang/aio/parser"
)

const (
	// stopBound is how late after its context is done (cancelled or past
	// its deadline) a run may return. The target is 10 ms on a
	// quiet machine; fuzzing shares two cores with the fuzz coordinator,
	// the sampler's forced collections and other jobs (load averages of
	// 15 were seen), so the bound is 25 times that, and a late run fails
	// only when it is late again when run a second time (guardRetry): a
	// run later than this twice is stuck in uninterruptible work, not
	// delayed by the scheduler.
	stopBound = 250 * time.Millisecond
	// wrapGrace is how long after its context is done a run may still
	// return an error that does not wrap ctx.Err(): a run that was
	// returning just as the context fired is not a defect. A syntax error
	// is exempt (it is the program's, whenever it is found).
	wrapGrace = stopBound / 2
	// lateWait is how long a late run is waited for, to report by how
	// much it was late, before the run is abandoned as hung.
	lateWait = 5 * time.Second
	// memAllowance is the heap a run may use beyond its MemoryLimit: the
	// interpreter's own state (builtins, modules, code), the objects the
	// budget does not count, and the fuzzing engine's own allocations.
	memAllowance = 16 << 20
	// samplePeriod is how often the sampler reads the heap.
	samplePeriod = time.Millisecond
	// gcSpacing is the least time between two collections the sampler
	// forces to measure the live heap.
	gcSpacing = 5 * time.Millisecond
)

// guardLimits are the limits of one guarded run.
type guardLimits struct {
	MemoryLimit int64
	MaxSteps    int64
	MaxDepth    int
	Timeout     time.Duration // the context's deadline, from the start
	CancelAfter time.Duration // when positive, the context is cancelled then
	Modules     []string      // Options.AllowedModules
	// FreshBaseline measures the live heap before this run (by a forced
	// collection) instead of reusing a recent measure.
	FreshBaseline bool
	// Stdin and Stdout replace the end-of-file input and the discarded
	// output (a host stream that blocks, for example).
	Stdin  io.Reader
	Stdout io.Writer
}

// The sampler reads the bytes of heap objects (live or not yet
// collected), the live heap marked by the last collection, and the
// goroutine stacks (a deep Go recursion is memory too, outside the heap).
const (
	metricObjects = "/memory/classes/heap/objects:bytes"
	metricLive    = "/gc/heap/live:bytes"
	metricStacks  = "/memory/classes/heap/stacks:bytes"
	metricGoal    = "/gc/heap/goal:bytes"
)

// readMemory returns the heap metric name plus the goroutine stacks.
func readMemory(name string) uint64 {
	s := []metrics.Sample{{Name: name}, {Name: metricStacks}}
	metrics.Read(s)
	return s[0].Value.Uint64() + s[1].Value.Uint64()
}

// liveBaseline returns the live heap before a run, measured by a forced
// collection every few runs (garbage of earlier runs is not live, and a
// collection per run would slow small inputs down too much).
var baseline struct {
	sync.Mutex
	live uint64
	runs int
}

func liveBaseline(force bool) uint64 {
	baseline.Lock()
	defer baseline.Unlock()
	if force || baseline.runs%32 == 0 {
		goruntime.GC()
		baseline.live = readMemory(metricLive)
	}
	baseline.runs++
	return baseline.live
}

// memWatch samples the heap while a run goes on. The budget is the live
// baseline plus the MemoryLimit plus the allowance. When the heap objects
// pass it, the watch forces a collection (at most every gcSpacing) and
// compares the live heap with it. Heap objects far above the collector's
// goal (by more than the limit and the allowance) are a violation without
// a collection: garbage stays under the goal (the collector starts when
// the heap reaches it), so only a single allocation far past the budget
// gets there, and it may be gone by the time a collection measures.
type memWatch struct {
	budget, limit uint64
	base          uint64
	onViolation   func()

	violation atomic.Pointer[string]
	stop      chan struct{}
	done      chan struct{}
}

func startMemWatch(base, limit, allowance uint64, onViolation func()) *memWatch {
	w := &memWatch{budget: base + limit + allowance, limit: limit + allowance, base: base, onViolation: onViolation,
		stop: make(chan struct{}), done: make(chan struct{})}
	go w.loop()
	return w
}

func (w *memWatch) loop() {
	defer close(w.done)
	tick := time.NewTicker(samplePeriod)
	defer tick.Stop()
	var lastGC time.Time
	s := []metrics.Sample{{Name: metricObjects}, {Name: metricStacks}, {Name: metricGoal}}
	for {
		select {
		case <-w.stop:
			return
		case <-tick.C:
		}
		metrics.Read(s)
		objects, goal := s[0].Value.Uint64()+s[1].Value.Uint64(), s[2].Value.Uint64()
		if objects <= w.budget {
			continue
		}
		if hard := max(goal, w.budget) + w.limit; objects > hard {
			w.report(fmt.Sprintf("heap objects %d MiB above the baseline, %d MiB above the collector's goal (budget %d MiB)",
				(objects-w.base)>>20, (objects-goal)>>20, (w.budget-w.base)>>20))
			return
		}
		if time.Since(lastGC) < gcSpacing {
			continue
		}
		goruntime.GC()
		lastGC = time.Now()
		if live := readMemory(metricLive); live > w.budget {
			w.report(fmt.Sprintf("live heap %d MiB above the baseline after a collection (budget %d MiB)",
				(live-w.base)>>20, (w.budget-w.base)>>20))
			return
		}
	}
}

func (w *memWatch) report(msg string) {
	w.violation.Store(&msg)
	w.onViolation()
}

// finish stops the sampler and returns the violation it saw, if any.
func (w *memWatch) finish() string {
	close(w.stop)
	<-w.done
	if v := w.violation.Load(); v != nil {
		return *v
	}
	return ""
}

// newGuardedInterp makes the interpreter a guarded run uses.
func newGuardedInterp(lim guardLimits) *Interp {
	opts := Options{Stdout: discard{}, Stderr: discard{}, Stdin: eofReader{}, VirtualTime: true,
		MaxSteps: lim.MaxSteps, MaxDepth: lim.MaxDepth, MemoryLimit: lim.MemoryLimit,
		AllowedModules: lim.Modules}
	if lim.Stdin != nil {
		opts.Stdin = lim.Stdin
	}
	if lim.Stdout != nil {
		opts.Stdout = lim.Stdout
	}
	return New(opts)
}

// guardRetry makes an interpreter for lim and guards the run that
// prepare makes for it. A run that returned late (but returned) is run
// once more on a new interpreter, and fails only if late again: one
// late return may be the machine's load, two in a row are the script's.
// It returns the interpreter and the run's error.
func guardRetry(t *testing.T, lim guardLimits, prepare func(in *Interp) func(ctx context.Context) error) (*Interp, error) {
	t.Helper()
	in := newGuardedInterp(lim)
	err, late := guard(t, in, lim, prepare(in))
	if late == "" {
		return in, err
	}
	in = newGuardedInterp(lim)
	err, late2 := guard(t, in, lim, prepare(in))
	if late2 != "" {
		t.Fatalf("%s; run again: %s", late, late2)
	}
	return in, err
}

// guard runs run (an Exec or Run of in) under lim and fails t on an
// *InternalError, a run still going lateWait after the context is done,
// the heap above the budget, or a depth counter not back to its value
// before the run. It returns run's error, and a description of the
// lateness when the run returned more than stopBound after the context
// was done or, more than wrapGrace after it, with an error that does not
// wrap ctx.Err().
func guard(t *testing.T, in *Interp, lim guardLimits, run func(ctx context.Context) error) (error, string) {
	t.Helper()
	base := liveBaseline(lim.FreshBaseline)
	ctx, cancelCtx := context.WithTimeout(context.Background(), lim.Timeout)
	defer cancelCtx()
	start := time.Now()
	deadline, _ := ctx.Deadline()

	// stopAt is when the context was done (ns since start), the earliest
	// of the deadline and an explicit cancel.
	var stopAt atomic.Int64
	stopAt.Store(int64(deadline.Sub(start)))
	var cancelOnce sync.Once
	cancel := func() {
		cancelOnce.Do(func() {
			if at := int64(time.Since(start)); at < stopAt.Load() {
				stopAt.Store(at)
			}
			cancelCtx()
		})
	}
	if lim.CancelAfter > 0 {
		timer := time.AfterFunc(lim.CancelAfter, cancel)
		defer timer.Stop()
	}
	watch := startMemWatch(base, uint64(lim.MemoryLimit), memAllowance, cancel)

	depth := in.th.Depth
	type result struct {
		err error
		at  time.Duration
	}
	done := make(chan result, 1)
	go func() {
		err := run(ctx)
		done <- result{err, time.Since(start)}
	}()

	var res result
	wait := time.NewTimer(time.Until(deadline.Add(stopBound)))
	defer wait.Stop()
	select {
	case res = <-done:
	case <-wait.C:
		select {
		case res = <-done:
		case <-time.After(lateWait):
			violation := watch.finish()
			t.Fatalf("still running %v after the context was done (stopped at %v)%s",
				time.Since(start)-time.Duration(stopAt.Load()), time.Duration(stopAt.Load()), memNote(violation))
		}
	}
	violation := watch.finish()

	var ie *InternalError
	if errors.As(res.err, &ie) {
		t.Fatalf("internal error: %v\n%s", ie.Value, ie.Stack)
	}
	if violation != "" {
		t.Fatalf("memory above the budget (MemoryLimit %d MiB): %s; run returned %v", lim.MemoryLimit>>20, violation, res.err)
	}
	if in.th.Depth != depth {
		t.Fatalf("depth counter is %d after the run, %d before (error %v)", in.th.Depth, depth, res.err)
	}
	stop := time.Duration(stopAt.Load())
	if late := res.at - stop; late > stopBound {
		return res.err, fmt.Sprintf("returned %v after the context was done (at %v; bound %v): %v", late, stop, stopBound, res.err)
	} else if late > wrapGrace && !errors.Is(res.err, ctx.Err()) && !errors.As(res.err, new(*parser.SyntaxError)) {
		return res.err, fmt.Sprintf("returned %v after the context was done, with an error that does not wrap %v: %v", late, ctx.Err(), res.err)
	}
	return res.err, ""
}

func memNote(violation string) string {
	if violation == "" {
		return ""
	}
	return "; memory above the budget: " + violation
}

// discard is io.Discard without its ReaderFrom fast path (output is
// written as a script would write it).
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
