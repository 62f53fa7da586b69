package interp

// This file implements green threads, the workers of the default
// executor (asyncio.to_thread, loop.run_in_executor, and a
// ThreadPoolExecutor used from async code).
//
// A green thread is the frame chain of a plain function call that the
// event loop drives step by step, as a task drives a coroutine's chain:
// the thread's root frame is the entry of a run-loop activation of its
// own. When code running straight in that activation calls a built-in
// that has a suspending form (runtime.Builtin.Suspend: time.sleep, a
// host function made with Func), the call starts the wait and the chain
// suspends until its future is done, while the loop runs other tasks;
// the result is then pushed where the call's result goes and the chain
// resumes after the call. A call that reaches script code through Go
// (a key function of sorted, a __eq__ called by list.index) runs in a
// nested activation, where the blocking form runs as on the main thread:
// a Go frame cannot be suspended.
//
// Under the real clock, a thread that runs script code for longer than
// greenSlice gives the loop a turn (greenpreempt.go), as CPython
// switches threads every 5 ms.

import (
	"errors"

	"github.com/aio-lang/aio/runtime"
)

// errGreenSwitch is returned inside the run loop of a green thread's
// activation when the thread must suspend (a suspending call started, or
// its time slice is over); the loop turns it into outAwait (vm.go). A
// script never sees it.
var errGreenSwitch = errors.New("green thread switch")

// greenThread is one call running off the main flow of the loop.
type greenThread struct {
	in    *Interp
	loop  *runtime.Loop
	entry *frame          // the root frame of the call
	fut   *runtime.Future // completed with the call's outcome
	ctx   *runtime.Context
	// wait is the future of the suspending call the thread waits on
	// (nil while it runs, or when it only gave up its time slice).
	wait *runtime.Future
	// inHost: wait belongs to a host function running on its own
	// goroutine, which the loop's shutdown does not wait for.
	inHost  bool
	started bool
}

// greenState is the interpreter's bookkeeping of its green threads.
type greenState struct {
	cur  *greenThread // the thread whose step is running, if any
	live map[*greenThread]struct{}
	// drains are the futures the loops' shutdowns wait on (see
	// shutdownFuture).
	drains map[*runtime.Loop]*runtime.Future
	// slice is the preemption timer of the running step (greenpreempt.go).
	slice greenSlicer
}

// startGreen makes a green thread calling root(*rootArgs) on loop, runs
// it until it first suspends (as a new worker thread usually gets going
// before the submitting task does), and returns the future of its
// outcome. ctx is the context it runs in (nil: a fresh one).
func (in *Interp) startGreen(loop *runtime.Loop, root *function, rootArgs []runtime.Value, ctx *runtime.Context) (*runtime.Future, error) {
	entry, err := root.newFrame(in.th, rootArgs, nil)
	if err != nil {
		return nil, err
	}
	g := &greenThread{in: in, loop: loop, entry: entry, fut: runtime.NewFuture(loop), ctx: ctx}
	gs := &in.green
	if gs.live == nil {
		gs.live = map[*greenThread]struct{}{}
		gs.drains = map[*runtime.Loop]*runtime.Future{}
	}
	gs.live[g] = struct{}{}
	if loop.ExecutorShutdown == nil {
		loop.ExecutorShutdown = func() *runtime.Future { return in.shutdownFuture(loop) }
	}
	g.step()
	return g.fut, nil
}

// owns reports whether f runs in the thread's own activation: its chain
// of callers reaches the thread's root frame. A frame of a nested
// activation (script code called from Go) has no caller in that chain:
// the entry frame of an activation started from Go has none.
func (g *greenThread) owns(f *frame) bool {
	for fr := f; fr != nil; fr = fr.back {
		if fr == g.entry {
			return true
		}
	}
	return false
}

// suspendCall is the VM's hook for a built-in with a suspending form
// called from frame f: when f runs in the current green thread's own
// activation, it starts the suspending form and returns its future (the
// caller then suspends the thread); otherwise it returns nil and the
// blocking form runs.
func (in *Interp) suspendCall(th *runtime.Thread, f *frame, b *runtime.Builtin, args []runtime.Value, kw []runtime.Kwarg) (*runtime.Future, error) {
	g := in.green.cur
	if g == nil || !g.owns(f) {
		return nil, nil
	}
	fut, err := b.Suspend(th, b.Self, args, kw)
	if err != nil || fut == nil {
		return nil, err
	}
	g.wait = fut
	return fut, nil
}

// greenSuspend suspends the chain of a green thread's activation at f,
// where the run loop met errGreenSwitch: f resumes at its next
// instruction, with the result of the suspending call pushed when there
// was one (see step).
func greenSuspend(th *runtime.Thread, f, entry *frame) (outcome, runtime.Value, error) {
	f.suspended = suspendedAwait
	entry.resumeAt = f
	uncount(th, f, entry)
	return outAwait, runtime.Value{}, nil
}

// step runs the thread until it suspends or ends. It runs as a loop
// callback (or at once from startGreen) in the thread's context.
func (g *greenThread) step() error {
	in, th := g.in, g.in.th
	top := g.entry
	var throw error
	if g.started {
		top = g.entry.resumeAt
		if err := recount(th, top, g.entry); err != nil {
			throw = err
		}
		top.suspended = notSuspended
		if w := g.wait; w != nil {
			g.wait, g.inHost = nil, false
			v, err := w.Result()
			switch {
			case throw != nil:
			case err != nil:
				throw = err
			default:
				top.push(v)
			}
		}
	}
	g.started = true
	outerCtx := th.SwapContext(g.ctx)
	prev := in.green.cur
	in.green.cur = g
	var out outcome
	var v runtime.Value
	err := th.Enter()
	if err == nil {
		in.green.slice.start(in)
		out, v, err = in.resume(th, top, g.entry, throw)
		in.green.slice.stop()
		th.Leave()
	} else {
		out = outRaise
	}
	in.green.cur = prev
	if prev != nil {
		// A thread started by another one's code ran its first step
		// inside that thread's step, which gets a new slice.
		in.green.slice.start(in)
	}
	g.ctx = th.SwapContext(outerCtx)
	switch out {
	case outAwait:
		if w := g.wait; w != nil {
			w.AddDoneCallback(func(*runtime.Future) error { return g.step() })
			if g.inHost {
				in.checkDrain(g.loop)
			}
		} else {
			g.loop.CallSoon(g.step)
		}
		return nil
	case outReturn:
		g.finish(v, nil)
	case outRaise:
		g.finish(runtime.Value{}, err)
	default:
		g.finish(runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "yield in a thread's call"))
	}
	in.putFrame(g.entry)
	return nil
}

// finish completes the thread's future with its outcome, unless the
// future was cancelled (the awaiting task gave up: the outcome is
// dropped, as a worker's late result is).
func (g *greenThread) finish(v runtime.Value, err error) {
	in := g.in
	delete(in.green.live, g)
	if !g.fut.Done() {
		if err != nil {
			g.fut.SetException(runtime.AsException(err))
		} else {
			g.fut.SetResult(v)
		}
	}
	in.checkDrain(g.loop)
}

// busy reports whether a green thread of loop is running script code or
// waiting on something other than a host function's goroutine.
func (in *Interp) busy(loop *runtime.Loop) bool {
	for g := range in.green.live {
		if g.loop == loop && !g.inHost {
			return true
		}
	}
	return false
}

// shutdownFuture is the loop's ExecutorShutdown: the loop's shutdown
// waits for its green threads to end, as shutdown_default_executor
// joins the worker threads, except for threads blocked in a host
// function: a host call may never return, and the loop must end.
func (in *Interp) shutdownFuture(loop *runtime.Loop) *runtime.Future {
	if !in.busy(loop) {
		return nil
	}
	f := runtime.NewFuture(loop)
	in.green.drains[loop] = f
	return f
}

// checkDrain completes the shutdown's wait on loop once no thread of it
// is left but those blocked in host functions.
func (in *Interp) checkDrain(loop *runtime.Loop) {
	f := in.green.drains[loop]
	if f == nil || in.busy(loop) {
		return
	}
	delete(in.green.drains, loop)
	if !f.Done() {
		f.SetResult(runtime.None)
	}
}

// memoryRoots visits the frames of suspended green threads for the
// memory budget's walk.
func (gs *greenState) memoryRoots(w *runtime.MemWalker) {
	for g := range gs.live {
		if g.entry.resumeAt != nil {
			w.Node(g.entry.resumeAt)
		}
		w.Node(g.entry)
	}
}

// greenStartBuiltin is the asyncio source's entry point to green
// threads: _green_start(loop, root, args, context) runs root(*args) in a
// green thread of loop and returns the asyncio future of its outcome.
// The thread runs in context when it is a contextvars.Context, in a copy
// of the current context when it is True (to_thread), in a fresh one
// otherwise.
func (in *Interp) greenStartBuiltin() runtime.Value {
	return runtime.NewBuiltin("_green_start", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var loopv, rootv, rootArgs, ctxv runtime.Value
		if err := runtime.UnpackArgs("_green_start", args, kw, "loop", &loopv, "root", &rootv, "args", &rootArgs, "context", &ctxv); err != nil {
			return runtime.Value{}, err
		}
		loop, ok := runtime.As[*runtime.Loop](loopv)
		root, isFn := runtime.As[*function](rootv)
		t, isTuple := runtime.As[*runtime.Tuple](rootArgs)
		if !ok || !isFn || !isTuple {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "_green_start() needs a loop, a function and a tuple")
		}
		ctx, _ := runtime.As[*runtime.Context](ctxv)
		if b, isBool := ctxv.BoolVal(); isBool && b {
			ctx = th.CopyContext()
		}
		fut, err := in.startGreen(loop, root, t.Items, ctx)
		if err != nil {
			return runtime.Value{}, err
		}
		return fut.Value(), nil
	})
}
