package subprocess

// This file is _settle(child, timeout, communicate, input), which the
// source calls before its blocking waits (Popen.wait, communicate). On
// the main thread it returns True at once and the blocking wait follows.
// In a green thread (asyncio.to_thread, run_in_executor) its suspending
// form waits for the child on a goroutine while the loop runs other
// tasks, returning False if the timeout came first; the blocking wait
// that follows then finds the child done.

import (
	"time"

	"github.com/aio-lang/aio/runtime"
)

// settleArgs checks _settle's arguments; timeout is nil for none.
func settleArgs(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (c *child, timeout <-chan time.Time, collect bool, input []byte, err error) {
	var childV, timeoutV, inputV runtime.Value
	if err = runtime.UnpackArgs("_settle", args, kw, "child", &childV, "timeout", &timeoutV, "communicate", &collect, "input", &inputV); err != nil {
		return
	}
	var ok bool
	if c, ok = childV.Object().(*child); !ok {
		err = runtime.Errorf(runtime.TypeError, "_settle() needs a child process")
		return
	}
	if input, err = inputBytes(inputV); err != nil {
		return
	}
	timeout, err = timeoutOf(th, timeoutV)
	return
}

// settle is the blocking form: the blocking wait that follows does the
// waiting.
func settle(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if _, _, _, _, err := settleArgs(th, args, kw); err != nil {
		return runtime.Value{}, err
	}
	return runtime.True, nil
}

// settleInThread is the suspending form: a future completed through the
// loop's inbox with True once the child has exited (and, for
// communicate, its pipes are drained), or False at the timeout. The wait
// counts as outstanding host work, as a child process is real I/O.
func settleInThread(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (*runtime.Future, error) {
	c, timeout, collect, input, err := settleArgs(th, args, kw)
	if err != nil {
		return nil, err
	}
	loop, err := runtime.RunningLoop(th)
	if err != nil {
		return nil, err
	}
	if collect {
		c.collect(input, c.keepsReadAhead(timeout == nil))
	}
	fut := runtime.NewFuture(loop)
	loop.BeginHostWork()
	go func() {
		settled := true
		if collect {
			select {
			case <-c.collecting:
			case <-timeout:
				settled = false
			}
		}
		if settled {
			settled = c.wait(timeout)
		}
		loop.Post(func() error {
			loop.EndHostWork()
			if !fut.Done() {
				fut.SetResult(runtime.MakeBool(settled))
			}
			return nil
		})
	}()
	return fut, nil
}

// inputBytes is communicate's input: bytes, or None for none.
func inputBytes(v runtime.Value) ([]byte, error) {
	if v.IsNone() {
		return nil, nil
	}
	b, ok := v.Object().(*runtime.Bytes)
	if !ok {
		return nil, runtime.Errorf(runtime.TypeError, "memoryview: a bytes-like object is required, not '%s'", v.Type().Name)
	}
	return b.B, nil
}
