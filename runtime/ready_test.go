package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The ready queue is a FIFO through wraparound and through growth while
// wrapped, and reuses the slots it has run instead of growing.
func TestReadyRingIsFIFOAcrossWrapAndGrowth(t *testing.T) {
	loop := NewLoop(NewThread())
	var tasks []*Task
	mk := func() *Task {
		tk := &Task{}
		tasks = append(tasks, tk)
		return tk
	}
	next := 0 // index in tasks of the item expected next
	pop := func(n int) {
		for i := 0; i < n; i++ {
			require.Positive(t, loop.readyLen)
			it := loop.popReady()
			require.Same(t, tasks[next], it.task, "item %d", next)
			next++
		}
	}
	for i := 0; i < 40; i++ {
		loop.callSoonTask(mk(), nil)
	}
	pop(30)
	// 10 queued from slot 30 of 64: pushing 50 more wraps around.
	for i := 0; i < 50; i++ {
		loop.callSoonTask(mk(), nil)
	}
	assert.Equal(t, 64, len(loop.ready), "a ring with room wraps instead of growing")
	assert.Equal(t, 60, loop.readyLen)
	// Growing while wrapped keeps the order.
	for i := 0; i < 100; i++ {
		loop.callSoonTask(mk(), nil)
	}
	assert.Equal(t, 256, len(loop.ready))
	pop(160)
	assert.Zero(t, loop.readyLen)
	// A steady state of one pop per push never grows the ring.
	for i := 0; i < 10000; i++ {
		loop.callSoonTask(mk(), nil)
		pop(1)
	}
	assert.Equal(t, 256, len(loop.ready))
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
