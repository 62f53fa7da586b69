package time

// This file holds what time.sleep's two forms share, and its suspending
// form: in a green thread (asyncio.to_thread, run_in_executor) the sleep
// is a timer on the running loop, so that the loop runs other tasks
// while the thread sleeps.

import (
	gotime "time"

	"github.com/aio-lang/aio/runtime"
)

// sleepLength checks time.sleep's argument and returns the length.
func sleepLength(args []runtime.Value, kw []runtime.Kwarg) (gotime.Duration, error) {
	if _, err := runtime.OneArg("time.sleep", args, kw); err != nil {
		return 0, err
	}
	d, err := Seconds(args[0])
	if err != nil {
		return 0, err
	}
	if d < 0 {
		return 0, runtime.Errorf(runtime.ValueError, "sleep length must be non-negative")
	}
	return d, nil
}

// greenSleep is time.sleep's suspending form (runtime.Builtin.Suspend):
// a future that a timer of the running loop completes with None. The
// loop's clock is the interpreter's, so under the virtual clock the loop
// jumps to the timer when nothing else is ready.
func greenSleep(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (*runtime.Future, error) {
	d, err := sleepLength(args, kw)
	if err != nil {
		return nil, err
	}
	loop, err := runtime.RunningLoop(th)
	if err != nil {
		return nil, err
	}
	fut := runtime.NewFuture(loop)
	loop.CallLater(d.Seconds(), func() error {
		if !fut.Done() {
			fut.SetResult(runtime.None)
		}
		return nil
	}, runtime.Value{}, nil)
	return fut, nil
}
