package interp

// This file is the embedding API: programs compiled once and run in many
// interpreters, Run/Exec/Eval/Call under a context, globals, and the
// limits (steps, memory) with the interrupt machinery behind them.
//
// Interruption. While a Run, Exec, Eval or Call runs with a context that
// can be cancelled, or with Options.MaxSteps set, the VM calls in.tick
// before every instruction: a counter decrement, and every checkEvery
// instructions a look at the stop flag (an atomic pointer that the
// context's AfterFunc sets from another goroutine) and at the step count.
// Once the flag is set the VM raises InterruptedType at every instruction,
// so no handler runs for long. The event loop polls the same flag once
// per pass and while it waits (runtime.Limits.Poll), and the AfterFunc
// posts an empty callback to the loop so that a loop asleep on a timer or
// on host work wakes up at once; range iteration inside built-ins polls
// it too, and built-ins charge their work through runtime.Limits.Work
// (work.go), which looks at it on every call. The loop then stops with the exception; asyncio.run's shutdown
// cancels the remaining tasks (which cancels the contexts of async host
// calls), and the entry returns an *Error that unwraps to ctx.Err().

import (
	"context"
	"errors"
	"fmt"
	"github.com/aio-lang/aio/internal/compile"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/aio-lang/aio/runtime"
)

const (
	// checkEvery is how many instructions run between two looks at the
	// stop flag: about 10-20µs of work.
	checkEvery = 1024
	// stepGrace is how many instructions a script may run after catching
	// the step-limit RuntimeError (to report it) before it is stopped.
	stepGrace = 10000
)

// hostState is the embedding API's part of an Interp.
type hostState struct {
	initErr error // a bad Options.Globals or HostModules entry

	maxSteps int64
	steps    int64 // instructions counted in finished batches
	batch    int64 // size of the current batch
	left     int64 // instructions left in the current batch
	stepExc  *runtime.Exception
	graceEnd int64

	// stop is set (from any goroutine) when the running entry must stop.
	stop atomic.Pointer[stopState]
	// sigint is set by Interrupt (signals.go) until the loop thread takes
	// it at its next look at the stop flag.
	sigint atomic.Bool
	// watching is set by WatchInterrupts: Interrupt then turns the VM's
	// check on.
	watching bool
	// signals has bit n-1 set for each signal n delivered (Signal,
	// signals.go) whose Python handler has not run yet.
	signals atomic.Uint64

	ctx   context.Context // the running entry's context
	depth int             // nesting of entries (host functions calling back)
	// asyncCtx is the parent of async host calls' contexts, made on first
	// use and cancelled when the entry ends.
	asyncCtx    context.Context
	asyncCancel context.CancelFunc

	// calls counts the goroutines of async host calls still running.
	calls sync.WaitGroup

	// What begin installed, for end.
	prevCheck, prevPoll func() error
	prevWork            func(n int64) error
	stopWatch           func() bool
	fired               chan struct{}

	loopMu sync.Mutex
	loop   *runtime.Loop // the newest event loop, to wake it

	// tick is the VM's per-instruction check while an entry has limits
	// (a countdown to slowTick); poll is in.poll; work is
	// runtime.Limits.Work (work.go). All are made once.
	tick, poll func() error
	work       func(n int64) error

	// writers are the output streams that buffer while an entry runs
	// (streams.go).
	writers []*hostWriter
}

// stopState says why a script is being stopped.
type stopState struct {
	cause error
	msg   string
}

// applyOptions sets up the embedding API's options (called by New).
func (in *Interp) applyOptions(opts Options) {
	h := &in.host
	h.maxSteps = opts.MaxSteps
	h.tick = func() error {
		h.left--
		if h.left > 0 {
			return nil
		}
		return in.slowTick()
	}
	h.poll = in.poll
	h.work = in.work
	in.enableMemory(opts.MemoryLimit)
	in.th.Limits.OnNewLoop = func(l *runtime.Loop) {
		h.loopMu.Lock()
		h.loop = l
		h.loopMu.Unlock()
	}
	if report := in.th.ReportException; report != nil {
		// A script being stopped leaves tasks ending with the interrupt;
		// that is no news for the host.
		in.th.ReportException = func(msg string, exc *runtime.Exception) {
			if h.stop.Load() == nil {
				report(msg, exc)
			}
		}
	}
	if opts.AllowedModules != nil {
		allowed := stdClosure(append([]string{"asyncio"}, opts.AllowedModules...))
		for _, name := range asyncioSubmodules {
			allowed[name] = true // part of asyncio, which is always allowed
		}
		for name := range in.th.ModuleLoaders {
			if !allowed[name] {
				delete(in.th.ModuleLoaders, name)
			}
		}
	}
	for _, m := range opts.HostModules {
		if err := in.RegisterModule(m); err != nil && h.initErr == nil {
			h.initErr = err
		}
	}
	names := make([]string, 0, len(opts.Globals))
	for name := range opts.Globals {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := in.Set(name, opts.Globals[name]); err != nil && h.initErr == nil {
			h.initErr = fmt.Errorf("aio: Options.Globals[%q]: %w", name, err)
		}
	}
}

func (in *Interp) slowTick() error {
	h := &in.host
	if err := in.memoryTick(); err != nil {
		return err
	}
	// left is 0 after instructions, and may be below (a built-in charged
	// a large amount of work) or above (the stop flag was seen early).
	h.steps += h.batch - h.left
	if s := h.stop.Load(); s != nil {
		h.batch, h.left = 1, 1
		return newInterrupted(s)
	}
	next := int64(checkEvery)
	if h.maxSteps > 0 {
		limit := h.maxSteps
		if h.stepExc != nil {
			limit = h.graceEnd
		}
		if h.steps >= limit {
			if h.stepExc == nil {
				h.stepExc = runtime.Errorf(runtime.RuntimeError, "maximum execution steps exceeded (limit is %d)", h.maxSteps)
				h.graceEnd = h.steps + stepGrace
				h.batch, h.left = min(checkEvery, stepGrace), min(checkEvery, stepGrace)
				return h.stepExc
			}
			s := &stopState{cause: ErrStepLimit, msg: fmt.Sprintf("execution step limit exceeded (limit is %d)", h.maxSteps)}
			h.stop.CompareAndSwap(nil, s)
			h.batch, h.left = 1, 1
			return newInterrupted(h.stop.Load())
		}
		next = min(next, limit-h.steps)
	}
	h.batch, h.left = next, next
	if h.sigint.Load() {
		return in.takeInterrupt()
	}
	return in.takeSignals()
}

// poll is runtime.Limits.Poll: the event loop's and range iteration's
// look at the stop flag.
func (in *Interp) poll() error {
	if s := in.host.stop.Load(); s != nil {
		return newInterrupted(s)
	}
	if in.host.sigint.Load() {
		return in.takeInterrupt()
	}
	return in.takeSignals()
}

func newInterrupted(s *stopState) *runtime.Exception {
	return runtime.NewException(InterruptedType, runtime.Str(s.msg))
}

// begin starts an entry (Run, Exec, Eval, Call): it installs the limits
// and the context watcher; end undoes it. An entry made while another
// runs (a host function calling back into the script) shares the outer
// entry's context and limits.
func (in *Interp) begin(ctx context.Context) error {
	h := &in.host
	if h.initErr != nil {
		return h.initErr
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if h.depth > 0 {
		h.depth++
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	h.depth = 1
	in.resetMemoryRecords()
	h.stop.Store(nil)
	h.steps, h.batch, h.left, h.stepExc, h.graceEnd = 0, 0, 0, nil, 0
	h.ctx = ctx
	h.prevCheck, h.prevPoll, h.prevWork = in.checkInterrupt, in.th.Limits.Poll, in.th.Limits.Work
	cancellable := ctx.Done() != nil
	if cancellable || h.maxSteps > 0 || in.mem.on {
		h.batch = checkEvery
		if h.maxSteps > 0 && h.maxSteps < checkEvery {
			h.batch = h.maxSteps
		}
		h.left = h.batch
		in.setCheck(h.tick)
		in.ticking = true
		in.th.Limits.Poll = h.poll
		in.th.Limits.Work = h.work
	}
	if cancellable {
		fired := make(chan struct{})
		h.fired = fired
		h.stopWatch = context.AfterFunc(ctx, func() {
			defer close(fired)
			cause := ctx.Err()
			if c := context.Cause(ctx); c != nil && c != cause {
				cause = fmt.Errorf("%w: %w", cause, c)
			}
			h.stop.CompareAndSwap(nil, &stopState{cause: cause, msg: ctx.Err().Error()})
			h.loopMu.Lock()
			l := h.loop
			h.loopMu.Unlock()
			if l != nil {
				l.Post(func() error { return nil }) // wake the loop
			}
		})
	}
	return nil
}

// end ends the entry that begin started.
func (in *Interp) end() {
	h := &in.host
	if h.depth > 1 {
		h.depth--
		return
	}
	in.flushWriters()
	if h.stopWatch != nil && !h.stopWatch() {
		<-h.fired // the watcher is running: let it finish
	}
	h.stopWatch, h.fired = nil, nil
	if h.asyncCancel != nil {
		h.asyncCancel()
		h.asyncCtx, h.asyncCancel = nil, nil
	}
	in.th.Limits.Poll, in.th.Limits.Work = h.prevPoll, h.prevWork
	in.setCheck(h.prevCheck)
	h.prevCheck, h.prevPoll, h.prevWork = nil, nil, nil
	h.loopMu.Lock()
	h.loop = nil
	h.loopMu.Unlock()
	h.ctx = nil
	h.depth = 0
}

// finish converts an entry's error for the API (see apiError); when the
// entry was stopped, the error unwraps to the reason. An entry whose
// context was done before it returned fails even when the script ended
// first: the host must not take a late result for a timely one.
func (in *Interp) finish(err error) error {
	if in.host.depth == 1 {
		// The output is written before the entry's outcome is decided:
		// a write that blocks past a cancel makes it fail.
		in.flushWriters()
	}
	if err == nil {
		err = in.lateStop()
		if err == nil {
			return nil
		}
	}
	err = in.apiError(err)
	if s := in.host.stop.Load(); s != nil {
		var e *Error
		if errors.As(err, &e) && (e.cause == nil || !errors.Is(e.cause, s.cause)) {
			e.cause = s.cause
		}
	}
	return err
}

// Steps returns the number of instructions the current or last Run,
// Exec, Eval or Call executed. Instructions are counted only while a
// limit is in force (Options.MaxSteps, or a context that can be
// cancelled); otherwise it returns 0.
func (in *Interp) Steps() int64 {
	h := &in.host
	return h.steps + h.batch - h.left
}

// Program is a compiled module: immutable, holding no runtime values, so
// that it can be run by any number of interpreters, concurrently.
type Program struct {
	filename string
	code     *compile.Code
	lines    []string
}

// CompileProgram parses and compiles src as a module named filename (the
// name tracebacks show). Errors are *parser.SyntaxError.
func CompileProgram(filename string, src []byte) (*Program, error) {
	code, err := compile.File(filename, src)
	if err != nil {
		return nil, err
	}
	return &Program{filename: filename, code: code, lines: strings.Split(string(src), "\n")}, nil
}

// Filename returns the name the program was compiled with.
func (p *Program) Filename() string { return p.filename }

// Run runs the program as the interpreter's __main__ module (its globals
// persist for later Get, Eval and Call). A program with top-level await
// runs as the main task of a fresh event loop, as asyncio.run would.
//
// When ctx is cancelled or its deadline passes, the script stops promptly
// (within about a thousand instructions, at once when it waits on the
// event loop or on a blocking host stream, and within a few thousand
// units of work inside a built-in: milliseconds), its pending tasks are
// cancelled (and with them the contexts of the async host functions they
// await), and Run returns an *Error for which errors.Is(err,
// context.Canceled) (or context.DeadlineExceeded) holds. This holds
// whenever the context was done before Run returned, even if the script
// finished first: a host never takes a late result for a timely one. An uncaught exception is returned as
// *Error, a syntax error as *parser.SyntaxError.
//
// Run, Exec, Eval and Call may be called by a host function while the
// interpreter runs a script (a callback); the nested call then runs
// under the outer call's context and limits.
func (in *Interp) Run(ctx context.Context, p *Program) (err error) {
	if err := in.begin(ctx); err != nil {
		return err
	}
	defer in.end()
	defer in.recoverEntry(in.entry(), &err)
	in.sources[p.filename] = p.lines
	return in.finish(in.runModule(p.code, in.main))
}

// Exec compiles src and runs it as Run does.
func (in *Interp) Exec(ctx context.Context, filename, src string) error {
	p, err := CompileProgram(filename, []byte(src))
	if err != nil {
		return err
	}
	return in.Run(ctx, p)
}

// Eval evaluates a Python expression in the __main__ module's globals
// and returns its value converted by FromValue. The expression may await
// (`await fetch(1)`): it then runs as the main task of a fresh event
// loop. Errors are as for Run.
func (in *Interp) Eval(ctx context.Context, expr string) (any, error) {
	v, err := in.EvalValue(ctx, expr)
	if err != nil {
		return nil, err
	}
	return FromValue(v)
}

// EvalValue is Eval returning the aio value itself.
func (in *Interp) EvalValue(ctx context.Context, expr string) (v runtime.Value, err error) {
	code, err := compile.Expr("<string>", []byte(expr))
	if err != nil {
		return runtime.Value{}, err
	}
	if err := in.begin(ctx); err != nil {
		return runtime.Value{}, err
	}
	defer in.end()
	defer in.recoverEntry(in.entry(), &err)
	defer in.forgetCode(code)
	in.sources["<string>"] = strings.Split(expr, "\n")
	v, err = in.evalCode(code)
	if err = in.finish(err); err != nil {
		return runtime.Value{}, err
	}
	return v, nil
}

// evalCode runs a module body made by CompileExpr and returns its value.
func (in *Interp) evalCode(code *compile.Code) (runtime.Value, error) {
	if usesAsyncioBuiltins(code) {
		if err := in.installAsyncioBuiltins(); err != nil {
			return runtime.Value{}, err
		}
	}
	fn := &function{code: code, mod: in.main, globals: in.main.globals, name: code.Name, qualname: code.QualName}
	fn.consts = in.constsFor(code)
	f := newFrame(fn, code)
	if code.Flags&compile.FlagTopLevelAwait != 0 {
		co := f.makeCoroutine()
		if in.th.Loop != nil {
			return co.RunSync(in.th)
		}
		return runtime.RunMain(in.th, runtime.Obj(co))
	}
	out, v, err := in.run(in.th, f, f)
	if out == outRaise {
		return runtime.Value{}, err
	}
	return v, nil
}

// forgetCode drops the constants cached for a code object and the code
// nested in it (each Eval compiles new code).
func (in *Interp) forgetCode(code *compile.Code) {
	delete(in.consts, code)
	for _, k := range code.Consts {
		if k.Kind == compile.ConstCode && k.Code != nil {
			in.forgetCode(k.Code)
		}
	}
}

// Kwargs passes keyword arguments to Call: make it the last argument.
type Kwargs map[string]any

// Call calls a script function and returns its result converted by
// FromValue. fn is the name of a global of __main__, a runtime.Value
// (as Get or EvalValue return for functions), or a *Function. args are
// converted with ToValue; a last argument of type Kwargs passes keyword
// arguments. An async function's coroutine is run to completion as the
// main task of a fresh event loop (asyncio.run semantics). Errors and
// cancellation are as for Run.
func (in *Interp) Call(ctx context.Context, fn any, args ...any) (any, error) {
	callee, err := in.callee(fn)
	if err != nil {
		return nil, err
	}
	vals := make([]runtime.Value, 0, len(args))
	var kw []runtime.Kwarg
	for i, a := range args {
		if k, ok := a.(Kwargs); ok && i == len(args)-1 {
			names := make([]string, 0, len(k))
			for name := range k {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				v, err := toValue(k[name], name)
				if err != nil {
					return nil, fmt.Errorf("aio: keyword argument %s: %w", name, err)
				}
				kw = append(kw, runtime.Kwarg{Name: name, Value: v})
			}
			continue
		}
		v, err := ToValue(a)
		if err != nil {
			return nil, fmt.Errorf("aio: argument %d: %w", i+1, err)
		}
		vals = append(vals, v)
	}
	r, err := in.CallValue(ctx, callee, vals, kw)
	if err != nil {
		return nil, err
	}
	return FromValue(r)
}

// CallValue is Call with aio values: the fastest way to call a script
// function from Go.
func (in *Interp) CallValue(ctx context.Context, fn runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (result runtime.Value, err error) {
	if err := in.begin(ctx); err != nil {
		return runtime.Value{}, err
	}
	defer in.end()
	defer in.recoverEntry(in.entry(), &err)
	r, err := in.th.Call(fn, args, kw)
	if err == nil {
		if _, isCoro := runtime.As[runtime.Coro](r); isCoro {
			if in.th.Loop != nil {
				return runtime.Value{}, in.finish(runtime.Errorf(runtime.RuntimeError, "asyncio.run() cannot be called from a running event loop"))
			}
			r, err = runtime.RunMain(in.th, r)
		}
	}
	if err = in.finish(err); err != nil {
		return runtime.Value{}, err
	}
	return r, nil
}

// callee resolves Call's fn argument.
func (in *Interp) callee(fn any) (runtime.Value, error) {
	switch f := fn.(type) {
	case string:
		v, ok := in.Global(f)
		if !ok {
			return runtime.Value{}, fmt.Errorf("aio: name %q is not defined", f)
		}
		return v, nil
	case runtime.Value:
		if !f.IsValid() {
			return runtime.Value{}, errors.New("aio: Call of the zero Value")
		}
		return f, nil
	case *function:
		return runtime.Obj(f), nil
	case *HostFunc:
		return f.value("")
	}
	return runtime.Value{}, fmt.Errorf("aio: cannot call %T (want a global's name, a runtime.Value or a *Function)", fn)
}

// Set binds a global of the __main__ module to v converted by ToValue (a
// Go func becomes a function named name).
func (in *Interp) Set(name string, v any) error {
	val, err := toValue(v, name)
	if err != nil {
		return err
	}
	in.main.globals.Set(name, val)
	return nil
}

// Get returns a global of the __main__ module converted by FromValue.
func (in *Interp) Get(name string) (any, error) {
	v, ok := in.Global(name)
	if !ok {
		return nil, fmt.Errorf("aio: name %q is not defined", name)
	}
	return FromValue(v)
}

// Global returns a global of the __main__ module as an aio value.
func (in *Interp) Global(name string) (runtime.Value, bool) {
	return in.main.globals.Attr(name)
}

// InterpOf returns the interpreter running on th (for RawFunc functions),
// or nil.
func InterpOf(th *runtime.Thread) *Interp {
	in, _ := th.Host.(*Interp)
	return in
}

// Wait blocks until the goroutines of every async host function call
// made by the interpreter have returned. Run and its siblings return as
// soon as the script is done; the goroutines of calls the script
// abandoned (a timeout, a cancelled task) may still be finishing then,
// with their contexts cancelled. Call Wait after Run returns, from the
// goroutine that uses the interpreter.
func (in *Interp) Wait() { in.host.calls.Wait() }

// asyncParent returns the context that async host calls derive theirs
// from: the entry's, cancelled when the entry ends.
func (in *Interp) asyncParent() context.Context {
	h := &in.host
	if h.ctx == nil {
		return context.Background()
	}
	if h.asyncCtx == nil {
		h.asyncCtx, h.asyncCancel = context.WithCancel(h.ctx)
	}
	return h.asyncCtx
}

// ContextOf returns the context of the Run, Exec, Eval or Call running on
// th (for RawFunc functions): the one Func passes to a function that takes
// a context.Context. It is context.Background() outside those calls.
func ContextOf(th *runtime.Thread) context.Context { return hostContext(th) }
