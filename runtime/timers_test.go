package runtime

import (
	"math/rand"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTimerHeapPopsInDeadlineThenSchedulingOrder(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var h timerHeap
	var all []*Handle
	for i := 0; i < 2000; i++ {
		// Few distinct deadlines, so many ties that seq must order.
		hd := &Handle{when: float64(r.Intn(50)), seq: uint64(i + 1), timer: true}
		all = append(all, hd)
		h.push(hd)
		assert.True(t, hd.inHeap)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].when < all[j].when })
	for i, want := range all {
		require.NotEmpty(t, h, "pop %d", i)
		got := h.pop()
		assert.Same(t, want, got, "pop %d", i)
		assert.False(t, got.inHeap)
	}
	assert.Empty(t, h)
}

func TestTimerHeapDropCancelledKeepsOrder(t *testing.T) {
	var h timerHeap
	var kept []*Handle
	for i := 0; i < 300; i++ {
		hd := &Handle{when: float64((i * 7919) % 301), seq: uint64(i + 1), timer: true}
		h.push(hd)
		if i%3 == 0 {
			hd.cancelled = true
		} else {
			kept = append(kept, hd)
		}
	}
	h.dropCancelled()
	require.Len(t, h, len(kept))
	sort.Slice(kept, func(i, j int) bool { return kept[i].when < kept[j].when })
	for _, want := range kept {
		assert.Same(t, want, h.pop())
	}
}

// A loop that keeps creating short tasks does not keep the finished ones.
func TestLoopForgetsFinishedTasks(t *testing.T) {
	th := NewThread()
	loop := NewLoop(th)
	for i := 0; i < 10000; i++ {
		task := &Task{}
		task.Future.loop = loop
		task.Future.task = task
		loop.addTask(task)
		task.Future.SetResult(None)
	}
	assert.Less(t, len(loop.tasks), 200, "finished tasks are pruned as the list grows")
	assert.Empty(t, loop.AllTasks())
}
