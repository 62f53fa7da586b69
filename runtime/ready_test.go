package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The ready queue is a FIFO across its blocks, and reuses them: a steady
// state of one pop per push, or bursts no longer than an earlier one,
// make no new block.
func TestReadyQueueIsFIFOAcrossBlocks(t *testing.T) {
	var q readyQueue
	var tasks []*Task
	mk := func() readyItem {
		tk := &Task{}
		tasks = append(tasks, tk)
		return readyItem{task: tk}
	}
	next := 0 // index in tasks of the item expected next
	pop := func(n int) {
		for i := 0; i < n; i++ {
			require.Positive(t, q.n)
			it := q.pop()
			require.Same(t, tasks[next], it.task, "item %d", next)
			next++
		}
	}
	blocks := func() int {
		n := 0
		for b := q.head; b != nil; b = b.next {
			n++
		}
		return n
	}
	for i := 0; i < 1000; i++ {
		q.push(mk())
	}
	assert.Equal(t, 4, blocks(), "1000 items in blocks of 256")
	pop(300)
	for i := 0; i < 500; i++ {
		q.push(mk())
	}
	assert.Equal(t, 1200, q.n)
	pop(1200)
	assert.Zero(t, q.n)
	assert.Equal(t, 1, blocks(), "an empty queue keeps one block")
	head := q.head
	for i := 0; i < 10000; i++ {
		q.push(mk())
		pop(1)
	}
	assert.Same(t, head, q.head, "a queue that never holds more than an item stays in its block")
	for round := 0; round < 3; round++ {
		for i := 0; i < 600; i++ {
			q.push(mk())
		}
		pop(600)
	}
	assert.Equal(t, 1, blocks())
	free := 0
	for b := q.free; b != nil; b = b.next {
		free++
	}
	assert.Equal(t, 4, free, "the blocks of the longest burst are kept for reuse")
	allocs := testing.AllocsPerRun(10, func() {
		for i := 0; i < 1000; i++ {
			q.push(readyItem{})
		}
		for q.n > 0 {
			q.pop()
		}
	})
	assert.Zero(t, allocs, "bursts no longer than the longest so far allocate nothing")
}

// A pass runs the callbacks already ready, then the timers due, in
// deadline order; what they schedule waits for the next pass. When a
// callback raises SystemExit mid-pass, the rest of the pass (ready
// callbacks, then due timers) stays queued ahead of what was scheduled
// since, and the next pass runs it in that order.
func TestLoopPassOrderAndRequeueAfterSystemExit(t *testing.T) {
	th := NewThread()
	th.VirtualTime = true
	loop := NewLoop(th)
	var got []string
	note := func(s string) func() error {
		return func() error { got = append(got, s); return nil }
	}
	now := loop.Time()
	loop.CallAt(now-2, note("timer1"), Value{}, nil)
	loop.CallAt(now-1, func() error {
		got = append(got, "timer2")
		loop.CallSoon(note("late"))
		return nil
	}, Value{}, nil)
	loop.CallAt(now-3, note("timer0"), Value{}, nil)
	loop.CallAt(now+5, note("future timer"), Value{}, nil)
	loop.CallSoon(note("ready1"))
	loop.CallSoon(func() error {
		got = append(got, "ready2")
		loop.CallSoon(note("scheduled"))
		return NewException(SystemExit)
	})
	loop.CallSoon(note("ready3"))

	err := loop.runOnce()
	require.Error(t, err)
	assert.Equal(t, []string{"ready1", "ready2"}, got)
	got = nil
	require.NoError(t, loop.runOnce())
	assert.Equal(t, []string{"ready3", "timer0", "timer1", "timer2", "scheduled"}, got)
	got = nil
	require.NoError(t, loop.runOnce())
	assert.Equal(t, []string{"late"}, got)
}

// gather() skips its dict only for distinct coroutines and built-in
// futures and tasks, whose equality is identity.
func TestDistinctAwaitables(t *testing.T) {
	loop := NewLoop(NewThread())
	c1, c2 := Obj(newSleep(0, None)), Obj(newSleep(1, None))
	f := NewFuture(loop)
	task := &Task{}
	task.Future.loop, task.Future.task = loop, task
	assert.True(t, distinctAwaitables(nil))
	assert.True(t, distinctAwaitables([]Value{c1, c2, f.Value(), task.Value()}))
	assert.False(t, distinctAwaitables([]Value{c1, c2, c1}), "a coroutine twice")
	assert.False(t, distinctAwaitables([]Value{f.Value(), c1, f.Value()}), "a future twice")
	assert.False(t, distinctAwaitables([]Value{c1, Int(3)}), "not awaitable")
	sub := NewFuture(loop)
	sub.more().class = NewType("MyFuture", FutureType)
	assert.False(t, distinctAwaitables([]Value{c1, sub.Value()}), "a subclass may define __eq__")
}

// asyncio.sleep awaited at once with a delay <= 0 yields through a shared
// marker (no allocation); called otherwise it makes a fresh coroutine.
// Suspending on the marker turns it into the marker that finishes.
func TestSleepAwaitedAtOnceSharesItsMarker(t *testing.T) {
	th := NewThread()
	a, err := sleepAwaited(th, Value{}, []Value{Int(0)}, nil)
	require.NoError(t, err)
	b, err := sleepAwaited(th, Value{}, []Value{Float(-1)}, nil)
	require.NoError(t, err)
	assert.Same(t, a.obj, b.obj)
	c, err := sleepFn(th, Value{}, []Value{Int(0)}, nil)
	require.NoError(t, err)
	d, err := sleepFn(th, Value{}, []Value{Int(0)}, nil)
	require.NoError(t, err)
	assert.NotSame(t, c.obj, d.obj, "a sleep that may be kept is an object of its own")
	r, err := sleepAwaited(th, Value{}, []Value{Float(0.5)}, nil)
	require.NoError(t, err)
	assert.NotSame(t, a.obj, r.obj, "a real sleep needs its timer")

	st := AwaitStepOf(th, a, nil)
	assert.False(t, st.Done, "the first step yields")
	after := AfterSuspend(a)
	st = AwaitStepOf(th, after, nil)
	assert.True(t, st.Done)
	assert.True(t, st.Value.IsNone())
	st = AwaitStepOf(th, after, NewException(CancelledError))
	assert.True(t, st.Done)
	assert.Error(t, st.Err, "a thrown exception ends the await")
	assert.Equal(t, r, AfterSuspend(r))
}
