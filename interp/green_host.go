package interp

// This file is the suspending form of synchronous host functions (Func):
// called by a green thread (asyncio.to_thread, run_in_executor), the Go
// function runs on a goroutine of its own and the thread waits for its
// result while the loop runs other tasks, so that host functions passed
// to to_thread run in parallel with each other and with the loop.

import (
	"fmt"
	"reflect"
	"runtime/debug"

	"github.com/aio-lang/aio/runtime"
)

// offLoopSafe reports whether the function may run off the
// interpreter's goroutine: it gets and returns only copies, never the
// script's objects (runtime.Value).
func (h *HostFunc) offLoopSafe() bool {
	t := h.fn.Type()
	for i := 0; i < t.NumIn(); i++ {
		if containsValueType(t.In(i), 0) {
			return false
		}
	}
	for i := 0; i < t.NumOut(); i++ {
		if containsValueType(t.Out(i), 0) {
			return false
		}
	}
	return true
}

// callInGoroutine converts the arguments on the loop's goroutine, runs
// the function on a new goroutine and returns the future of its result,
// which the loop's inbox completes. The call counts as outstanding host
// work, so that the loop waits for it (and the virtual clock runs at real
// speed meanwhile) instead of reporting a deadlock. The loop's shutdown
// does not wait for it: a host call may never return.
func (h *HostFunc) callInGoroutine(th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) (*runtime.Future, error) {
	loop, err := runtime.RunningLoop(th)
	if err != nil {
		return nil, err
	}
	ins, err := h.sig.bind(name, args, kw, nil)
	if err != nil {
		return nil, err
	}
	if h.sig.ctx {
		ins[0] = reflect.ValueOf(hostContext(th))
	}
	if in := InterpOf(th); in != nil && in.green.cur != nil {
		in.green.cur.inHost = true
	}
	fut := runtime.NewFuture(loop)
	fn, sig, class := h.fn, h.sig, h.class
	loop.BeginHostWork()
	go func() {
		defer func() {
			if r := recover(); r != nil {
				stack := string(debug.Stack())
				loop.Post(func() error {
					panic(fmt.Sprintf("host function %s panicked: %v\n%s", name, r, stack))
				})
			}
		}()
		outs := fn.Call(ins)
		loop.Post(func() error {
			loop.EndHostWork()
			v, err := sig.results(name, outs, class)
			switch {
			case fut.Done():
			case err != nil:
				fut.SetException(runtime.AsException(err))
			default:
				fut.SetResult(v)
			}
			return nil
		})
	}()
	return fut, nil
}
