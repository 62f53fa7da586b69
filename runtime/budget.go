package runtime

// This file implements the memory budget (Limits.MemoryLimit): a bound on
// the live data of one interpreter, not on each object.
//
// Built-ins charge the bytes they are about to allocate to a counter
// (Thread.Alloc). While the charges since the last measurement stay within
// an allowance, charging costs an add and a compare. Once they pass it, the
// thread measures its live data by walking the object graph from its roots
// (memsize.go) and restarts the counter: the allocation fails with
// MemoryError, before it happens, only if the measured live data plus the
// allocation exceed the budget. Garbage is never measured, so a script
// that builds and drops objects in a loop is never stopped.
//
// Small allocations that no built-in charges (an instance, a frame, a
// short str made by a bytecode instruction) are caught by a safety net:
// the interpreter's periodic tick, Go loops that poll (pollEvery) and
// Thread.Work compare how much the Go heap has allocated since the last
// walk with the allowance, and walk when it is exceeded.

import (
	"runtime/metrics"
)

// memState is the state of a thread's memory budget.
type memState struct {
	// live is the size of the live data at the last walk.
	live int64
	// charged counts the bytes charged by Alloc since the last walk.
	charged int64
	// allowance is how many bytes may be charged (or allocated on the
	// Go heap) before the next walk: max(budget - live, budget/8). It is
	// 0 before the first walk: the first charge walks (cheaply, as little
	// is live yet), and the heap check reads 0 as the whole budget.
	allowance int64
	// heapBase is the Go heap's cumulative allocation at the last walk.
	heapBase uint64
	// sample reads that counter without allocating.
	sample []metrics.Sample
	// ticks and work pace the safety net's reads of the heap counter.
	ticks uint32
	work  int64
	// held are data that running built-ins are building and that no root
	// reaches yet (see Thread.Hold).
	held []MemNode
	// walker is kept between walks for its buffers.
	walker *MemWalker
	// walks counts the walks (for tests and MemoryStats).
	walks int64
	// objects is how many objects the last walk visited (to size the
	// next one's visited set).
	objects int
	// over is set while the last walk found more live data than the
	// budget: the event loop then stops its pass (memoryEvery) instead of
	// running more callbacks, whose MemoryErrors tasks would swallow.
	over bool
}

// memorySlackDivisor sets the allowance's floor, budget/8: near the
// budget a walk happens at most every budget/8 bytes of charges, which
// is also how far live data may exceed the budget between two walks.
const memorySlackDivisor = 8

// budget returns the thread's memory budget, or 0 for none.
func (th *Thread) budget() int64 {
	if th == nil {
		return 0
	}
	return th.Limits.MemoryLimit
}

// Alloc charges n bytes of new live data to th's memory budget before a
// built-in allocates them, failing with MemoryError (and allocating
// nothing) when they would not fit. Without a budget it only refuses a
// single allocation larger than maxAlloc (4 GiB).
func (th *Thread) Alloc(n int64) error {
	if n <= 0 {
		return nil
	}
	limit := th.budget()
	if limit <= 0 {
		if n > maxAlloc {
			return NewException(MemoryError)
		}
		return nil
	}
	if n > limit {
		return NewException(MemoryError)
	}
	m := &th.Limits.mem
	m.charged += n
	if m.charged <= m.allowance {
		return nil
	}
	return th.collect(n)
}

// CheckAlloc is Alloc for n items of size bytes each, overflow-safe.
func (th *Thread) CheckAlloc(n, size int64) error {
	if n <= 0 || size <= 0 {
		return nil
	}
	if n > maxAlloc/size {
		return NewException(MemoryError)
	}
	return th.Alloc(n * size)
}

// collect measures the live data and decides whether n more bytes fit.
func (th *Thread) collect(n int64) error {
	limit := th.Limits.MemoryLimit
	m := &th.Limits.mem
	live := th.MeasureLive()
	m.walks++
	m.live, m.charged = live, 0
	m.allowance = max(limit-live, limit/memorySlackDivisor)
	m.heapBase = th.heapAllocated()
	m.over = live > limit
	if live+n > limit {
		return NewException(MemoryError)
	}
	m.charged = n
	return nil
}

// heapAllocated returns the Go heap's cumulative allocation in bytes.
func (th *Thread) heapAllocated() uint64 {
	m := &th.Limits.mem
	if m.sample == nil {
		m.sample = []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	}
	metrics.Read(m.sample)
	if m.sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return m.sample[0].Value.Uint64()
}

// checkHeap is the safety net: it walks when the Go heap allocated more
// than the allowance since the last walk, and fails with MemoryError when
// the live data exceed the budget.
func (th *Thread) checkHeap() error {
	m := &th.Limits.mem
	limit := th.Limits.MemoryLimit
	allowance := m.allowance
	if allowance == 0 {
		allowance = limit
	}
	if th.heapAllocated()-m.heapBase <= uint64(allowance) {
		return nil
	}
	return th.collect(0)
}

// memoryEvery is the safety net for a Go loop that runs script code or
// makes objects: it checks the heap when i, the loop's count of
// iterations, is a multiple of 4096.
func (th *Thread) memoryEvery(i int64) error {
	if i&4095 != 0 || th.budget() <= 0 {
		return nil
	}
	if th.Limits.mem.over {
		// Over the budget at the last walk: look again (the script may
		// have dropped its data since) rather than go on.
		return th.collect(0)
	}
	return th.checkHeap()
}

// MemoryTick is the safety net's entry for the interpreter's periodic
// tick (every few thousand instructions): one call in eight reads the Go
// heap counter, which costs a few hundred nanoseconds.
func (th *Thread) MemoryTick() error {
	if th.budget() <= 0 {
		return nil
	}
	m := &th.Limits.mem
	m.ticks++
	if m.ticks&7 != 0 {
		return nil
	}
	return th.checkHeap()
}

// Hold makes n a root of the memory walk until the matching Release: a
// built-in holds what it is building (the list list(iterable) fills,
// the dict dict(iterable) fills) so that a walk during the build counts
// it. Calls nest; it does nothing without a budget.
func (th *Thread) Hold(n MemNode) {
	if th.budget() > 0 {
		th.Limits.mem.held = append(th.Limits.mem.held, n)
	}
}

// Release ends the innermost Hold.
func (th *Thread) Release() {
	if th.budget() > 0 {
		m := &th.Limits.mem
		if k := len(m.held); k > 0 {
			m.held[k-1] = nil
			m.held = m.held[:k-1]
		}
	}
}

// MemoryStats returns the live size measured by the last walk (0 before
// the first) and the number of walks so far: for tests and hosts that
// report usage.
func (th *Thread) MemoryStats() (live, walks int64) {
	return th.Limits.mem.live, th.Limits.mem.walks
}

// MeasureLive walks the object graph from th's roots and returns the
// approximate size of everything reachable, in bytes.
func (th *Thread) MeasureLive() int64 {
	m := &th.Limits.mem
	w := m.walker
	if w == nil {
		w = NewMemWalker()
		m.walker = w
	}
	w.Reset()
	w.Expect(m.objects + m.objects/8)
	for _, mod := range th.Modules {
		w.Node(mod)
	}
	if th.Loop != nil {
		w.Node(th.Loop)
	}
	for _, n := range m.held {
		w.Node(n)
	}
	if th.Limits.MemoryRoots != nil {
		th.Limits.MemoryRoots(w)
	}
	total := w.Run()
	m.objects = w.Count()
	w.Reset()
	return total
}
