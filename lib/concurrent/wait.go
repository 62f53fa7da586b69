package concurrent

// This file is the Go part of concurrent.futures: _wait_done, which a
// Future's result() and exception() call while the future is pending.
// On the main thread nothing else can run while it waits, so the
// blocking form returns at once (and result() raises TimeoutError, as a
// wait that can never end would otherwise hang). In a green thread
// (asyncio.to_thread, run_in_executor) its suspending form lets the loop
// run until the future is done or the timeout passes: the way a thread
// waits for asyncio.run_coroutine_threadsafe's future.

import (
	"github.com/aio-lang/aio/runtime"
)

func loadFutures(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("concurrent.futures")
	b := &runtime.Builtin{Name: "_wait_done", Fn: waitDone, Suspend: waitDoneInThread}
	m.Set("_wait_done", runtime.Obj(b))
	return m
}

// waitArgs checks _wait_done(future, timeout) and returns the timeout in
// seconds (negative: none).
func waitArgs(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, float64, error) {
	var fut, timeout runtime.Value
	if err := runtime.UnpackArgs("_wait_done", args, kw, "future", &fut, "timeout", &timeout); err != nil {
		return runtime.Value{}, 0, err
	}
	if timeout.IsNone() {
		return fut, -1, nil
	}
	secs, err := runtime.AsDouble(th, timeout)
	if err != nil {
		return runtime.Value{}, 0, err
	}
	return fut, max(secs, 0), nil
}

// waitDone is the blocking form: no wait is possible on the main thread.
func waitDone(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if _, _, err := waitArgs(th, args, kw); err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, nil
}

// waitDoneInThread is the suspending form: a loop future completed by
// the Future's done callback or by the timeout's timer, whichever comes
// first.
func waitDoneInThread(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (*runtime.Future, error) {
	fut, secs, err := waitArgs(th, args, kw)
	if err != nil {
		return nil, err
	}
	loop, err := runtime.RunningLoop(th)
	if err != nil {
		return nil, err
	}
	woken := runtime.NewFuture(loop)
	wake := func() {
		if !woken.Done() {
			woken.SetResult(runtime.None)
		}
	}
	cb := runtime.NewBuiltin("_wake", func(*runtime.Thread, runtime.Value, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
		wake()
		return runtime.None, nil
	})
	add, err := runtime.GetAttr(th, fut, "add_done_callback")
	if err != nil {
		return nil, err
	}
	if _, err := th.Call(add, []runtime.Value{cb}, nil); err != nil {
		return nil, err
	}
	if secs >= 0 {
		loop.CallLater(secs, func() error { wake(); return nil }, runtime.Value{}, nil)
	}
	return woken, nil
}
