package runtime

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestCheckAlloc(t *testing.T) {
	th := NewThread()
	assert.NoError(t, th.CheckAlloc(0, 1))
	assert.NoError(t, th.CheckAlloc(maxAlloc, 1))
	assert.True(t, IsInstance(th.CheckAlloc(maxAlloc+1, 1), MemoryError))
	// No overflow for huge counts.
	assert.True(t, IsInstance(th.CheckAlloc(math.MaxInt64, math.MaxInt64), MemoryError))
	assert.True(t, IsInstance(th.checkRepeat(3, math.MaxInt64/2), MemoryError))
	assert.True(t, IsInstance(th.checkStrRepeat(4, 1<<62), MemoryError))

	// A budget of 1000 bytes and nothing live: whatever fits is granted.
	th.Limits.MemoryLimit = 1000
	assert.NoError(t, th.CheckAlloc(1000, 1))
	assert.True(t, IsInstance(th.CheckAlloc(1001, 1), MemoryError))
	assert.True(t, IsInstance(th.checkItems(1000/valueSize+1), MemoryError))
	var nilThread *Thread
	assert.NoError(t, nilThread.Alloc(maxAlloc))
	assert.True(t, IsInstance(nilThread.Alloc(maxAlloc+1), MemoryError))
}

func TestCheckGrow(t *testing.T) {
	th := NewThread()
	th.Limits.MemoryLimit = 10 * valueSize
	items := make([]Value, 5, 20)
	assert.NoError(t, th.CheckGrow(items, 15), "fits in capacity: not charged")
	assert.Zero(t, th.Limits.mem.charged)
	items = items[:5:5]
	assert.NoError(t, th.CheckGrow(items, 5))
	assert.Equal(t, 10*valueSize, th.Limits.mem.charged)
	assert.True(t, IsInstance(th.CheckGrow(items, 6), MemoryError))
}

func TestPollAndSleep(t *testing.T) {
	th := NewThread()
	assert.NoError(t, th.pollEvery(4096))
	calls := 0
	stop := errors.New("stop")
	th.Limits.Poll = func() error { calls++; return stop }
	assert.NoError(t, th.pollEvery(4095))
	assert.Equal(t, stop, th.pollEvery(8192))
	assert.Equal(t, 1, calls)

	start := time.Now()
	assert.Equal(t, stop, th.sleep(time.Hour))
	assert.Less(t, time.Since(start), time.Second)
	th.Limits.Poll = func() error { return nil }
	assert.NoError(t, th.sleep(30*time.Millisecond))
	assert.GreaterOrEqual(t, time.Since(start), 30*time.Millisecond)
}

func TestRangeIterationPolls(t *testing.T) {
	th := NewThread()
	stop := errors.New("stop")
	th.Limits.Poll = func() error { return stop }
	it, err := Iter(th, Obj(&Range{Start: 0, Stop: 1 << 40, Step: 1}))
	assert.NoError(t, err)
	var n int
	for ; n < 1<<20; n++ {
		if _, _, err = it.Next(th); err != nil {
			break
		}
	}
	assert.Equal(t, stop, err)
	assert.Less(t, n, 8192)
}

func TestLoopInterruptHook(t *testing.T) {
	th := NewThread()
	th.VirtualTime = true
	stop := errors.New("stop")
	var seen *Loop
	th.Limits.OnNewLoop = func(l *Loop) { seen = l }
	th.Limits.Poll = func() error { return stop }
	l := NewLoop(th)
	assert.Same(t, l, seen)
	fut := NewFuture(l)
	l.CallLater(1000, func() error { return fut.SetResult(None) }, Value{}, nil)
	_, err := l.RunUntilComplete(fut)
	assert.Equal(t, stop, err)
}
