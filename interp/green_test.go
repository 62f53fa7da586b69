package interp_test

// This file checks green threads (green.go): host functions passed to
// to_thread run on goroutines of their own, a blocking call reached
// through a Go frame blocks instead of suspending, the loop's shutdown
// does not wait for a host call that never returns, and a thread that
// computes without blocking is preempted under the real clock.

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aio-lang/aio/interp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each host function waits until the other has started: both finish only
// if they run at the same time, each on its own goroutine.
func TestToThreadRunsHostFunctionsInParallel(t *testing.T) {
	for _, virtual := range []bool{false, true} {
		in, out := newInterp(interp.Options{VirtualTime: virtual})
		aStarted, bStarted := make(chan struct{}), make(chan struct{})
		meet := func(mine, other chan struct{}, name string) string {
			close(mine)
			select {
			case <-other:
				return name + " met"
			case <-time.After(10 * time.Second):
				return name + " waited alone"
			}
		}
		require.NoError(t, in.Set("a", func() string { return meet(aStarted, bStarted, "a") }))
		require.NoError(t, in.Set("b", func() string { return meet(bStarted, aStarted, "b") }))
		got := run(t, in, out, `
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.gather(asyncio.to_thread(a), loop.run_in_executor(None, b)))
asyncio.run(main())
`)
		assert.Equal(t, "['a met', 'b met']\n", got, "virtual=%v", virtual)
	}
}

// A host function called by a function that runs in a thread, with the
// arguments converted on the loop and its error raised in the thread.
func TestToThreadHostFunctionErrors(t *testing.T) {
	in, out := newInterp(interp.Options{VirtualTime: true})
	require.NoError(t, in.Set("half", func(n int) (int, error) {
		if n%2 != 0 {
			return 0, errors.New("odd")
		}
		return n / 2, nil
	}))
	got := run(t, in, out, `
import asyncio
def work(n):
    return half(n) + 1
async def main():
    print(await asyncio.to_thread(work, 8))
    for bad in (3, "x"):
        try:
            await asyncio.to_thread(work, bad)
        except Exception as e:
            print(type(e).__name__, e)
asyncio.run(main())
`)
	assert.Equal(t, "5\nRuntimeError odd\nTypeError half() argument 1 must be int, not str\n", got)
}

// time.sleep in a key function runs under sorted, a Go frame: it blocks
// there (a Go frame cannot be suspended) and the thread's result is
// still right; the sleep that follows, straight in the thread's code,
// suspends the thread again.
func TestGreenThreadBlocksUnderGoFrames(t *testing.T) {
	in, out := newInterp(interp.Options{VirtualTime: true})
	got := run(t, in, out, `
import asyncio, time
log = []
def work():
    r = sorted([3, 1, 2], key=lambda x: (time.sleep(0.01), x)[1])
    log.append("sorted")
    time.sleep(0.1)
    log.append("slept")
    return r
async def watch():
    await asyncio.sleep(0.05)
    log.append("watch")
async def main():
    print(await asyncio.gather(asyncio.to_thread(work), watch()))
    print(log)
asyncio.run(main())
`)
	assert.Equal(t, "[[1, 2, 3], None]\n['sorted', 'watch', 'slept']\n", got)
}

// The script leaves a thread blocked in a host function that never
// returns: the run still ends (asyncio.run's shutdown waits for the
// threads of the default executor, but not for a host call).
func TestShutdownDoesNotWaitForAStuckHostCall(t *testing.T) {
	in, out := newInterp(interp.Options{})
	release := make(chan struct{})
	defer close(release)
	require.NoError(t, in.Set("stuck", func() { <-release }))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err := in.Exec(ctx, "test.aio", `
import asyncio, time
def sleeper():
    time.sleep(0.05)
    print("sleeper done")
async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, stuck)
    loop.run_in_executor(None, sleeper)
    print("main done")
asyncio.run(main())
print("after run")
`)
	require.NoError(t, err)
	assert.Equal(t, "main done\nsleeper done\nafter run\n", out.String())
}

// A thread that computes until another task has run three times can only
// finish if it is preempted (real clock only: the virtual clock keeps
// runs reproducible by never preempting).
func TestGreenThreadIsPreempted(t *testing.T) {
	for _, withContext := range []bool{false, true} {
		in, out := newInterp(interp.Options{})
		ctx := context.Background()
		if !withContext {
			// Without preemption the script would spin for ever: stop it
			// with a KeyboardInterrupt, which fails the test.
			in.WatchInterrupts()
			stop := time.AfterFunc(time.Minute, in.Interrupt)
			defer stop.Stop()
		} else {
			// A context turns the per-instruction check on for good.
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, time.Minute)
			defer cancel()
		}
		require.NoError(t, in.Exec(ctx, "test.aio", `
import asyncio
ticks = 0
def spin():
    while ticks < 3:
        pass
    return "spun"
async def ticker():
    global ticks
    for i in range(3):
        await asyncio.sleep(0)
        ticks += 1
async def main():
    print(await asyncio.gather(asyncio.to_thread(spin), ticker()))
asyncio.run(main())
`))
		assert.Equal(t, "['spun', None]\n", out.String(), "with a context: %v", withContext)
	}
}
