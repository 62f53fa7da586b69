package interp

// This file exposes Go functions to scripts: by reflection (Func), as
// async functions whose calls run in their own goroutines (AsyncFunc),
// and in the raw form of the runtime's built-ins (RawFunc).
//
// An async host function follows asyncio's protocol: calling it makes a
// coroutine; awaiting that coroutine (directly, or through a task that
// gather, wait_for or a TaskGroup made) starts the Go function in a new
// goroutine and suspends the awaiting task on a future. The goroutine
// posts its result to the event loop's inbox (Loop.Post, the loop's only
// goroutine-safe entry), where the future is completed and the task
// resumes. Cancelling the task cancels the future, which cancels the
// goroutine's context. While the goroutine runs, the loop counts it as
// outstanding host work: the virtual clock does not jump past it and the
// loop waits for it instead of reporting a deadlock.

import (
	"context"
	"fmt"
	"reflect"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	goruntime "runtime"

	"github.com/aio-lang/aio/runtime"
)

// HostFunc is a Go function prepared to be called by scripts, made by
// Func, AsyncFunc or RawFunc. Pass it to Interp.Set, Options.Globals or
// Module.Set (a plain Go func passed there is wrapped by Func). A HostFunc
// holds no interpreter state: one may be shared by many interpreters.
type HostFunc struct {
	name  string
	fn    reflect.Value
	raw   runtime.BuiltinFn
	async bool
	class *runtime.Type
	sig   *signature
	err   error
}

// Func wraps fn, which must be a Go function, so that scripts can call it
// as name. Arguments are converted with DecodeValue to the parameter
// types, and a mismatch raises a TypeError worded as CPython's
// ("name() argument 2 must be int, not str", "name() takes exactly 2
// arguments (1 given)"); a variadic function takes any number of trailing
// arguments. Keyword arguments are rejected.
//
// fn may take a context.Context as its first parameter: it receives the
// context of the Run, Eval or Call that is running the script.
//
// fn may return nothing, a value, a value and an error, or just an
// error; several values make a tuple. The values are converted with
// ToValue. A non-nil error raises an exception: RuntimeError unless the
// error says otherwise (see RaiseAs) or ErrorClass chose another class.
//
// fn runs on the interpreter's goroutine and blocks the script (and its
// event loop) while it runs; use AsyncFunc for slow work. Called by a
// green thread (a script passing it, or a function that calls it, to
// asyncio.to_thread or run_in_executor), fn runs on a goroutine of its
// own while the loop goes on, unless it takes or returns runtime.Value
// (docs/io.md).
func Func(name string, fn any) *HostFunc { return newHostFunc(name, fn, false) }

// AsyncFunc wraps fn as an async function: calling it from a script
// returns a coroutine, and awaiting the coroutine runs fn in a new
// goroutine while the event loop goes on with other tasks, so that
// `await gather(fetch(a), fetch(b), fetch(c))` runs three calls at once.
// Arguments are converted (and checked) when the script calls the
// function, the result when fn returns, as for Func.
//
// fn should take a context.Context as its first parameter: it is
// cancelled when the awaiting task is cancelled (by wait_for's timeout,
// asyncio.timeout, a failing TaskGroup, task.cancel()) or when the Run,
// Eval or Call that started it returns. The script sees the cancellation
// (CancelledError or TimeoutError) at once; fn's late result is dropped.
// fn may call Sleep to wait on the interpreter's clock (virtual or real).
//
// fn runs on another goroutine than the script, so it gets copies
// (strings, slices, maps, structs), never the script's objects: a
// parameter of type runtime.Value is refused, and an `any` parameter
// that receives a value with no Go form (a function, an instance) must
// not be used by fn.
func AsyncFunc(name string, fn any) *HostFunc { return newHostFunc(name, fn, true) }

// RawFunc wraps a function in the runtime's own calling convention: it
// gets the script's arguments unconverted and must check them itself
// (runtime.UnpackArgs words errors as CPython does). th.Host is the
// *Interp. It is the fastest form. The args slice may be the interpreter's
// stack: fn must not keep it after returning (copy what it stores).
func RawFunc(name string, fn runtime.BuiltinFn) *HostFunc {
	h := &HostFunc{name: name, raw: fn}
	if fn == nil {
		h.err = fmt.Errorf("aio: RawFunc %s: nil function", name)
	}
	return h
}

// ErrorClass makes errors returned by the function raise class instead of
// RuntimeError (errors wrapped by RaiseAs still choose their own class).
// It returns h; call it before the function is used.
func (h *HostFunc) ErrorClass(class *runtime.Type) *HostFunc {
	h.class = class
	return h
}

// Name returns the name scripts see.
func (h *HostFunc) Name() string { return h.name }

func newHostFunc(name string, fn any, async bool) *HostFunc {
	h := &HostFunc{name: name, async: async}
	rv := reflect.ValueOf(fn)
	if rv.Kind() != reflect.Func || rv.IsNil() {
		h.err = fmt.Errorf("aio: host function %s: %T is not a function", name, fn)
		return h
	}
	h.fn = rv
	h.sig, h.err = newSignature(name, rv.Type())
	if h.err == nil && async {
		// The function runs on another goroutine than the script: it
		// must not get the script's objects.
		for i, p := range h.sig.params {
			if containsValueType(p, 0) {
				h.err = fmt.Errorf("aio: async host function %s: parameter %d: runtime.Value cannot be used off the interpreter's goroutine", name, i+1)
			}
		}
	}
	return h
}

// goFuncName names a Go function for scripts when no name was given.
func goFuncName(rv reflect.Value) string {
	name := "<go func>"
	if f := goruntime.FuncForPC(rv.Pointer()); f != nil {
		name = f.Name()
		name = name[strings.LastIndex(name, ".")+1:]
	}
	return name
}

// value makes the script value of the function; name, when not empty,
// overrides the name it was made with (Set("x", Func("", f))).
func (h *HostFunc) value(name string) (runtime.Value, error) {
	if h.err != nil {
		return runtime.Value{}, h.err
	}
	if h.name != "" || name == "" {
		name = h.name
	}
	if h.raw != nil {
		return runtime.NewBuiltin(name, h.raw), nil
	}
	if h.async {
		return runtime.NewBuiltin(name, func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return h.callAsync(th, name, args, kw)
		}), nil
	}
	b := &runtime.Builtin{Name: name, Fn: func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return h.call(th, name, args, kw)
	}}
	if h.offLoopSafe() {
		b.Suspend = func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (*runtime.Future, error) {
			return h.callInGoroutine(th, name, args, kw)
		}
	}
	return runtime.Obj(b), nil
}

// signature is a Go function's calling convention, analysed once.
type signature struct {
	ctx      bool           // first parameter is a context.Context
	params   []reflect.Type // the converted parameters (after ctx)
	variadic bool           // the last of params is ...T
	nres     int            // results before the optional error
	lastErr  bool           // the last result is an error
}

var contextType = reflect.TypeOf((*context.Context)(nil)).Elem()

func newSignature(name string, t reflect.Type) (*signature, error) {
	s := &signature{variadic: t.IsVariadic()}
	for i := 0; i < t.NumIn(); i++ {
		p := t.In(i)
		if i == 0 && p == contextType {
			s.ctx = true
			continue
		}
		if i == t.NumIn()-1 && s.variadic {
			p = p.Elem()
		}
		if err := checkConvertible(p, 0); err != nil {
			return nil, fmt.Errorf("aio: host function %s: parameter %d: %w", name, i+1, err)
		}
		s.params = append(s.params, t.In(i))
	}
	s.nres = t.NumOut()
	if s.nres > 0 && t.Out(s.nres-1) == errorType {
		s.lastErr = true
		s.nres--
	}
	for i := 0; i < s.nres; i++ {
		if err := checkConvertible(t.Out(i), 0); err != nil {
			return nil, fmt.Errorf("aio: host function %s: result %d: %w", name, i+1, err)
		}
	}
	return s, nil
}

// checkConvertible reports types that can never be converted either way.
func checkConvertible(t reflect.Type, depth int) error {
	if depth > 20 {
		return nil // recursive types: checked when converting
	}
	switch t {
	case valueType, bigIntType, durationType, hostFuncType, contextType:
		return nil
	}
	switch t.Kind() {
	case reflect.Chan, reflect.Complex64, reflect.Complex128, reflect.UnsafePointer:
		return fmt.Errorf("unsupported type %s", t)
	case reflect.Slice, reflect.Array, reflect.Pointer:
		return checkConvertible(t.Elem(), depth+1)
	case reflect.Map:
		if err := checkConvertible(t.Key(), depth+1); err != nil {
			return err
		}
		return checkConvertible(t.Elem(), depth+1)
	}
	return nil
}

// containsValueType reports whether t is or contains runtime.Value.
func containsValueType(t reflect.Type, depth int) bool {
	if t == valueType {
		return true
	}
	if depth > 20 {
		return false
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Pointer:
		return containsValueType(t.Elem(), depth+1)
	case reflect.Map:
		return containsValueType(t.Key(), depth+1) || containsValueType(t.Elem(), depth+1)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if containsValueType(t.Field(i).Type, depth+1) {
				return true
			}
		}
	}
	return false
}

// arityError words a wrong argument count as CPython's built-ins do.
func (s *signature) arityError(name string, given int) error {
	n := len(s.params)
	if s.variadic {
		min := n - 1
		return runtime.Errorf(runtime.TypeError, "%s() takes at least %d argument%s (%d given)", name, min, plural(min), given)
	}
	switch n {
	case 0:
		return runtime.Errorf(runtime.TypeError, "%s() takes no arguments (%d given)", name, given)
	case 1:
		return runtime.Errorf(runtime.TypeError, "%s() takes exactly one argument (%d given)", name, given)
	}
	return runtime.Errorf(runtime.TypeError, "%s() takes exactly %d arguments (%d given)", name, n, given)
}

// bind converts script arguments to the function's parameters, leaving
// room for the context in ins[0] when the function takes one.
func (s *signature) bind(name string, args []runtime.Value, kw []runtime.Kwarg, buf []reflect.Value) ([]reflect.Value, error) {
	if len(kw) > 0 {
		return nil, runtime.NoKeywords(name, kw)
	}
	n := len(s.params)
	if s.variadic && len(args) < n-1 || !s.variadic && len(args) != n {
		return nil, s.arityError(name, len(args))
	}
	off := 0
	if s.ctx {
		off = 1
	}
	ins := buf[:0]
	if cap(ins) < off+len(args) {
		ins = make([]reflect.Value, 0, off+len(args))
	}
	ins = ins[:off+len(args)]
	for i, a := range args {
		t := s.params[min(i, n-1)]
		if s.variadic && i >= n-1 {
			t = t.Elem()
		}
		v, err := decodeArg(a, t)
		if err != nil {
			return nil, err.asArgError(name, i+1)
		}
		ins[off+i] = v
	}
	return ins, nil
}

// decodeArg converts one argument, with fast paths for the common types.
func decodeArg(a runtime.Value, t reflect.Type) (reflect.Value, *decodeError) {
	switch t.Kind() {
	case reflect.String:
		if s, ok := runtime.As[*runtime.StrObj](a); ok && t == stringType {
			return reflect.ValueOf(s.S), nil
		}
	case reflect.Int:
		if a.IsSmallInt() && t == intType {
			return reflect.ValueOf(int(a.SmallInt())), nil
		}
	case reflect.Float64:
		if a.IsFloat() && t == float64Type {
			return reflect.ValueOf(a.FloatVal()), nil
		}
	}
	v := reflect.New(t).Elem()
	if err := decodeValue(a, v, 0); err != nil {
		return reflect.Value{}, err
	}
	return v, nil
}

var (
	stringType  = reflect.TypeOf("")
	intType     = reflect.TypeOf(0)
	float64Type = reflect.TypeOf(0.0)
)

// results converts what the function returned.
func (s *signature) results(name string, outs []reflect.Value, class *runtime.Type) (runtime.Value, error) {
	if s.lastErr {
		if e := outs[s.nres]; !e.IsNil() {
			return runtime.Value{}, exceptionFromError(e.Interface().(error), class)
		}
	}
	switch s.nres {
	case 0:
		return runtime.None, nil
	case 1:
		v, err := goToValue(outs[0], "", 0)
		if err != nil {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s() returned a value aio cannot convert: %s", name, err)
		}
		return v, nil
	}
	items := make([]runtime.Value, s.nres)
	for i := range items {
		v, err := goToValue(outs[i], "", 0)
		if err != nil {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s() returned a value aio cannot convert: %s", name, err)
		}
		items[i] = v
	}
	return runtime.TupleOf(items...), nil
}

// hostContext returns the context host functions called on th receive.
func hostContext(th *runtime.Thread) context.Context {
	if in, ok := th.Host.(*Interp); ok && in.host.ctx != nil {
		return in.host.ctx
	}
	return context.Background()
}

// call runs a synchronous host function.
func (h *HostFunc) call(th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var buf [4]reflect.Value
	ins, err := h.sig.bind(name, args, kw, buf[:])
	if err != nil {
		return runtime.Value{}, err
	}
	if h.sig.ctx {
		ins[0] = reflect.ValueOf(hostContext(th))
	}
	return h.sig.results(name, h.fn.Call(ins), h.class)
}

// callAsync checks and converts the arguments and returns the coroutine
// that runs the function when awaited.
func (h *HostFunc) callAsync(th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	ins, err := h.sig.bind(name, args, kw, nil)
	if err != nil {
		return runtime.Value{}, err
	}
	c := &asyncCall{h: h, name: name, ins: ins}
	return runtime.Obj(runtime.NewNativeCoro(name, c.step)), nil
}

// asyncCall is one await of an async host function. Its fields other
// than h, name and ins belong to the loop's goroutine.
type asyncCall struct {
	h    *HostFunc
	name string
	ins  []reflect.Value

	state    int // 0 not started, 1 running, 2 done
	loop     *runtime.Loop
	fut      *runtime.Future
	cancel   context.CancelFunc
	holding  bool            // counted as outstanding host work
	finished bool            // result delivered, or abandoned
	sleep    *runtime.Handle // the timer of a Sleep in progress
}

type asyncCallKey struct{}

// step is the coroutine: start the goroutine and wait on the future.
func (c *asyncCall) step(th *runtime.Thread, throw error) runtime.CoroStep {
	switch c.state {
	case 0:
		if throw != nil {
			c.state = 2
			return runtime.CoroStep{Done: true, Err: throw}
		}
		loop, err := runtime.RunningLoop(th)
		if err != nil {
			c.state = 2
			return runtime.CoroStep{Done: true, Err: err}
		}
		c.start(th, loop)
		c.state = 1
		return runtime.CoroStep{Awaiting: runtime.Obj(c.fut)}
	case 1:
		st := c.fut.AwaitStep(th, throw)
		if st.Done {
			c.state = 2
			c.abandon()
		}
		return st
	}
	return runtime.CoroStep{Done: true, Err: runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")}
}

// start launches the goroutine.
func (c *asyncCall) start(th *runtime.Thread, loop *runtime.Loop) {
	c.loop = loop
	c.fut = runtime.NewFuture(loop)
	parent := context.Background()
	if in := InterpOf(th); in != nil {
		parent = in.asyncParent()
	}
	ctx, cancel := context.WithCancel(parent)
	c.cancel = cancel
	ctx = context.WithValue(ctx, asyncCallKey{}, c)
	c.fut.AddDoneCallback(func(f *runtime.Future) error {
		if f.Cancelled() {
			c.abandon()
		}
		return nil
	})
	c.acquire()
	ins := c.ins
	c.ins = nil
	if c.h.sig.ctx {
		ins[0] = reflect.ValueOf(ctx)
	}
	fn, sig, class, name := c.h.fn, c.h.sig, c.h.class, c.name
	var calls *sync.WaitGroup
	if in := InterpOf(th); in != nil {
		calls = &in.host.calls
		calls.Add(1)
	}
	go func() {
		if calls != nil {
			defer calls.Done()
		}
		defer func() {
			if r := recover(); r != nil {
				stack := string(debug.Stack())
				loop.Post(func() error {
					panic(fmt.Sprintf("async host function %s panicked: %v\n%s", name, r, stack))
				})
			}
		}()
		outs := fn.Call(ins)
		loop.Post(func() error {
			c.release()
			if c.finished {
				return nil
			}
			c.finished = true
			cancel()
			v, err := sig.results(name, outs, class)
			if c.fut.Done() {
				return nil
			}
			if err != nil {
				c.fut.SetException(runtime.AsException(err))
			} else {
				c.fut.SetResult(v)
			}
			return nil
		})
	}()
}

// acquire and release count the call as outstanding host work.
func (c *asyncCall) acquire() {
	if !c.holding {
		c.holding = true
		c.loop.BeginHostWork()
	}
}

func (c *asyncCall) release() {
	if c.holding {
		c.holding = false
		c.loop.EndHostWork()
	}
}

// abandon ends the call on the script's side (the task was cancelled or
// stopped waiting): the goroutine's context is cancelled and its result
// will be dropped.
func (c *asyncCall) abandon() {
	if c.finished {
		return
	}
	c.finished = true
	c.cancel()
	c.release()
	if c.sleep != nil {
		c.sleep.Cancel()
		c.sleep = nil
	}
	if !c.fut.Done() {
		c.fut.Cancel(runtime.Value{})
	}
}

// Sleep pauses for d. Called by an async host function (with the context
// it received), it waits on the interpreter's event-loop clock: with
// Options.VirtualTime the clock jumps instead of waiting, so a host can
// simulate latency deterministically and instantly. Elsewhere it is a
// plain sleep. It returns ctx.Err() if the context is cancelled first.
//
// Call it from the goroutine running the async function, not from
// goroutines that function starts.
func Sleep(ctx context.Context, d time.Duration) error {
	c, _ := ctx.Value(asyncCallKey{}).(*asyncCall)
	if c == nil {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	done := make(chan struct{})
	c.loop.Post(func() error {
		if c.finished {
			close(done)
			return nil
		}
		// While asleep the call is not running host work: the loop's
		// (virtual) clock may advance to the wake-up timer.
		c.release()
		c.sleep = c.loop.CallLater(d.Seconds(), func() error {
			c.sleep = nil
			if !c.finished {
				c.acquire()
			}
			close(done)
			return nil
		}, runtime.Value{}, nil)
		return nil
	})
	select {
	case <-done:
	case <-ctx.Done():
	}
	return ctx.Err()
}
