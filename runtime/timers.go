package runtime

// This file is the loop's timer heap: a binary min-heap ordered by
// (deadline, sequence number), as CPython's heapq of TimerHandles (the
// sequence number keeps timers with equal deadlines in scheduling order).
// The deadline sits in the heap array beside the handle pointer, so sifting
// compares without dereferencing handles scattered over the heap (except
// on equal deadlines, to compare sequence numbers), and no
// interface calls are made (container/heap would make one per compare
// and swap). As in CPython, a cancelled timer stays in the heap until it
// reaches the top or until cancelled timers are the majority.

// timerEntry is one scheduled timer.
type timerEntry struct {
	when float64
	h    *Handle
}

func (a *timerEntry) before(b *timerEntry) bool {
	return a.when < b.when || a.when == b.when && a.h.seq < b.h.seq
}

type timerHeap []timerEntry

// push schedules h at h.when.
func (t *timerHeap) push(h *Handle) {
	h.inHeap = true
	*t = appendDoubling(*t, timerEntry{when: h.when, h: h})
	t.up(len(*t) - 1)
}

// pop removes and returns the earliest timer.
func (t *timerHeap) pop() *Handle {
	old := *t
	n := len(old) - 1
	top := old[0].h
	old[0] = old[n]
	old[n] = timerEntry{}
	*t = old[:n]
	if n > 0 {
		t.down(0)
	}
	top.inHeap = false
	return top
}

// dropCancelled removes every cancelled timer and restores the heap order.
func (t *timerHeap) dropCancelled() {
	old := *t
	live := old[:0]
	for _, e := range old {
		if e.h.cancelled {
			e.h.inHeap = false
		} else {
			live = append(live, e)
		}
	}
	clear(old[len(live):])
	*t = live
	for i := len(live)/2 - 1; i >= 0; i-- {
		t.down(i)
	}
}

func (t timerHeap) up(i int) {
	e := t[i]
	for i > 0 {
		parent := (i - 1) / 2
		if !e.before(&t[parent]) {
			break
		}
		t[i] = t[parent]
		i = parent
	}
	t[i] = e
}

func (t timerHeap) down(i int) {
	n := len(t)
	e := t[i]
	for {
		child := 2*i + 1
		if child >= n {
			break
		}
		if r := child + 1; r < n && t[r].before(&t[child]) {
			child = r
		}
		if !t[child].before(&e) {
			break
		}
		t[i] = t[child]
		i = child
	}
	t[i] = e
}
