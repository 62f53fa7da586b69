package interp

import (
	"context"
	"fmt"
	"math"
	goruntime "runtime"
	"testing"

	"github.com/aio-lang/aio/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A coroutine that waits holds no value it has popped from its stack:
// the list made for len() here must not stay reachable from the frame
// for as long as the coroutine waits.
func TestSuspendedFrameDropsPoppedValues(t *testing.T) {
	in := New(Options{})
	require.NoError(t, in.Exec(context.Background(), "t.aio", `
async def inner(fut):
    await fut

async def outer(fut):
    n = (1, 2, 3, len([fut, fut, fut]))
    await inner(fut)
`))
	th := in.Thread()
	loop := runtime.NewLoop(th)
	fut := runtime.NewFuture(loop)
	outer, ok := in.Global("outer")
	require.True(t, ok)
	co, err := th.Call(outer, []runtime.Value{fut.Value()}, nil)
	require.NoError(t, err)
	c, ok := runtime.As[*coroutine](co)
	require.True(t, ok)
	st := c.Resume(th, nil)
	require.False(t, st.Done, "the coroutine waits on the future")
	for f := c.frame().resumeAt; f != nil; f = f.back {
		for i, v := range f.slots {
			_, isList := runtime.As[*runtime.List](v)
			assert.False(t, isList, "slot %d of %s holds the popped list", i, f.code.Name)
		}
	}
}

// allocFrame gives a frame exactly the slots asked for, zeroed, whatever
// the size (inline in the frame's allocation or not).
func TestAllocFrameSlots(t *testing.T) {
	for n := 0; n <= 40; n++ {
		f := allocFrame(n)
		require.Len(t, f.slots, n)
		for i := range f.slots {
			assert.False(t, f.slots[i].IsValid(), "slot %d of %d", i, n)
			f.slots[i] = runtime.Int(int64(i))
		}
	}
}

// Calling an async def function allocates one object: the coroutine is
// its frame, slots included.
func TestCoroutineIsOneAllocation(t *testing.T) {
	in := New(Options{})
	require.NoError(t, in.Exec(context.Background(), "t.aio", "async def job(i):\n    x = i + 1\n    return x\n"))
	job, ok := in.Global("job")
	require.True(t, ok)
	th := in.Thread()
	args := []runtime.Value{runtime.Int(7)}
	allocs := testing.AllocsPerRun(200, func() {
		co, err := th.Call(job, args, nil)
		if err != nil || !runtime.IsCoroutine(co) {
			t.Fatal("job() did not make a coroutine", err)
		}
	})
	assert.LessOrEqual(t, allocs, 1.0)
}

// `await asyncio.sleep(0)` allocates nothing: the builtin's Awaited
// variant yields through a shared marker, and the task's wakeup goes
// through the ready queue's reused blocks.
func TestAwaitSleepZeroDoesNotAllocate(t *testing.T) {
	mallocs := func(n int) uint64 {
		in := New(Options{})
		src := fmt.Sprintf(`import asyncio
async def spin(n):
    for _ in range(n):
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(spin(%d), spin(%d))
`, n, n)
		require.NoError(t, in.Exec(context.Background(), "t.aio", src))
		var before, after goruntime.MemStats
		goruntime.ReadMemStats(&before)
		require.NoError(t, in.Exec(context.Background(), "run.aio", "asyncio.run(main())\n"))
		goruntime.ReadMemStats(&after)
		return after.Mallocs - before.Mallocs
	}
	// Mallocs counts every goroutine's allocations: measure on one P and
	// keep the best of a few tries, so that other tests' leftovers do not
	// count.
	defer goruntime.GOMAXPROCS(goruntime.GOMAXPROCS(1))
	perAwait := math.Inf(1)
	for try := 0; try < 3; try++ {
		few, many := mallocs(100), mallocs(5100)
		perAwait = min(perAwait, (float64(many)-float64(few))/10000)
	}
	assert.Less(t, perAwait, 0.05, "allocations per await of sleep(0)")
}

// A task waiting in asyncio.sleep holds little memory: its coroutine is
// one object with its frame, the sleep carries its own timer. The bound
// is what a waiting task costs here (about 610 bytes, with the list that
// keeps it) plus a margin; it was over 800 before the coroutine became
// its frame.
func TestWaitingTaskMemory(t *testing.T) {
	live := func(n int) uint64 {
		in := New(Options{VirtualTime: true})
		var heap uint64
		require.NoError(t, in.Set("measure", func() {
			goruntime.GC()
			var ms goruntime.MemStats
			goruntime.ReadMemStats(&ms)
			heap = ms.HeapAlloc
		}))
		src := fmt.Sprintf(`import asyncio
async def job(i):
    await asyncio.sleep(10)
async def main():
    tasks = [asyncio.create_task(job(i)) for i in range(%d)]
    await asyncio.sleep(0)
    measure()
    for t in tasks:
        t.cancel()
asyncio.run(main())
`, n)
		require.NoError(t, in.Exec(context.Background(), "t.aio", src))
		return heap
	}
	defer goruntime.GOMAXPROCS(goruntime.GOMAXPROCS(1))
	perTask := math.Inf(1)
	for try := 0; try < 3; try++ {
		few, many := live(1000), live(21000)
		perTask = min(perTask, (float64(many)-float64(few))/20000)
	}
	t.Logf("%.0f bytes per waiting task", perTask)
	assert.Less(t, perTask, 700.0)
}
