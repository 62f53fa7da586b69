package runtime

// This file helps built-ins charge the work they do to the step budget
// (Thread.Work) and stay interruptible.
//
// A unit of work is about one bytecode instruction's cost: an item of a
// loop in Go (a comparison of a sort, an item of sum or repr), or
// bytesPerUnit bytes copied or scanned. Loops charge through a workMeter,
// which calls Thread.Work every workBatch units (tens of microseconds),
// so a cancelled context stops them promptly.
//
// Some work is one Go call that cannot be split: strings.Repeat or
// strings.Replace of hundreds of megabytes, the multiplication or
// conversion of a huge int. Thread.abandonable runs such a call on its own
// goroutine while the interpreter's goroutine waits, looking at the stop
// flag every millisecond; when the script is stopped the built-in returns
// at once and the goroutine finishes its (already charged, bounded) work
// in the background, its result dropped. The call must only read values
// nothing else changes (Go strings, big.Ints no one mutates).

import (
	"strings"
	"time"
)

const (
	// bytesPerUnit is how many bytes copied or scanned cost one unit.
	bytesPerUnit = 64
	// workBatch is how many units a workMeter gathers before it charges
	// them (about 40-80µs of work).
	workBatch = 4096
	// abandonBytes is the size of output above which a single Go call
	// producing it runs on a goroutine that cancellation can abandon
	// (below it the call takes well under a millisecond).
	abandonBytes = 1 << 20
	// abandonPoll is how often a built-in waiting for such a goroutine
	// looks at the stop flag.
	abandonPoll = time.Millisecond
)

// workMeter gathers the units of work of a Go loop and charges them to
// its thread in batches.
type workMeter struct {
	th *Thread
	n  int64
}

// add records units of work, charging them once a batch has gathered.
func (m *workMeter) add(units int64) error {
	m.n += units
	if m.n < workBatch {
		return nil
	}
	n := m.n
	m.n = 0
	return m.th.Work(n)
}

// bytesWork returns the units of work of copying or scanning n bytes.
func bytesWork(n int64) int64 { return n/bytesPerUnit + 1 }

// workBytes charges the work of copying or scanning n bytes.
func (th *Thread) workBytes(n int64) error {
	if n < workBatch*bytesPerUnit/4 {
		// Small work is the instruction's own cost.
		return nil
	}
	return th.Work(bytesWork(n))
}

// interruptible reports whether a host watches th for a stop (a
// cancellable context or a step budget), so that long Go calls are worth
// moving to an abandonable goroutine.
func (th *Thread) interruptible() bool { return th != nil && th.Limits.Work != nil }

// abandonable runs f, on another goroutine when th can be stopped, and
// returns early with the stop's error when th is stopped first (f then
// finishes unobserved). f must not touch th or any mutable runtime value.
func (th *Thread) abandonable(f func()) error {
	if !th.interruptible() {
		f()
		return nil
	}
	done := make(chan struct{})
	var panicked any
	go func() {
		defer close(done)
		defer func() { panicked = recover() }()
		f()
	}()
	t := time.NewTicker(abandonPoll)
	defer t.Stop()
	for {
		select {
		case <-done:
			if panicked != nil {
				panic(panicked) // on the interpreter's goroutine, where it is recovered
			}
			return nil
		case <-t.C:
			if err := th.Work(0); err != nil {
				return err
			}
		}
	}
}

// bigOutput charges an output of n bytes (memory and work) and produces
// it with make, on an abandonable goroutine when it is large.
func (th *Thread) bigOutput(n int64, make func()) error {
	if err := th.Alloc(n); err != nil {
		return err
	}
	if err := th.workBytes(n); err != nil {
		return err
	}
	if n < abandonBytes {
		make()
		return nil
	}
	return th.abandonable(make)
}

// plainValue reports whether v is an int, bool, float or str: formatting
// one calls no Python code, so it may run on another goroutine.
func plainValue(v Value) bool {
	switch v.obj.(type) {
	case intTag, floatTag, *Big, *Bool, *StrObj:
		return true
	}
	return false
}

// scanAbandonBytes is the length of str above which a search in it runs
// on an abandonable goroutine (searches run at gigabytes a second).
const scanAbandonBytes = 2 << 20

// scan charges the work of scanning n bytes and runs f, which reads only
// Go strings, abandonably when n is large.
func (th *Thread) scan(n int, f func()) error {
	if err := th.workBytes(int64(n)); err != nil {
		return err
	}
	if n < scanAbandonBytes {
		f()
		return nil
	}
	return th.abandonable(f)
}

// copyChunk is how many bytes a long copy moves between two charges.
const copyChunk = 1 << 20

// writeChunked appends s to b a chunk at a time, charging the copying to
// m, so that a copy of hundreds of megabytes stays interruptible.
func writeChunked(b *strings.Builder, s string, m *workMeter) error {
	for len(s) > copyChunk {
		b.WriteString(s[:copyChunk])
		s = s[copyChunk:]
		if err := m.add(bytesWork(copyChunk)); err != nil {
			return err
		}
	}
	b.WriteString(s)
	return m.add(bytesWork(int64(len(s))))
}

// countFields returns how many parts a split of s on whitespace with
// maxsplit ms makes at most (the number of runs of non-space bytes, an
// upper bound when s has non-ASCII spaces).
func countFields(s string, ms int) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r') || (s[i] >= 0x1c && s[i] <= 0x1f)
		if !space && !in {
			n++
		}
		in = !space
	}
	if ms >= 0 {
		n = min(n, ms+1)
	}
	return n
}

// countLines returns an upper bound of the number of lines splitlines
// makes of s: one more than its line-break bytes (for the non-ASCII
// breaks, the bytes 0x85 and 0xE2 that their encodings contain).
func countLines(s string) int {
	n := 1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\n' || c == '\r' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0xe2:
			n++
		}
	}
	return n
}

// reprAppend appends the repr of an item to the repr of a container
// being built in b: the output is charged as it grows (the memory of each
// larger buffer before it is allocated, failing with MemoryError past
// the limit on a single str) and so is the work, an item plus its bytes.
func reprAppend(b *strings.Builder, s string, m *workMeter) error {
	th := m.th
	if th == nil {
		b.WriteString(s)
		return nil
	}
	if need := b.Len() + len(s); need > b.Cap() {
		if err := th.CheckAlloc(int64(need), 1); err != nil {
			return err
		}
		grown := max(2*b.Cap(), need)
		if err := th.Alloc(int64(grown)); err != nil {
			return err
		}
		b.Grow(grown - b.Len())
	}
	if len(s) > copyChunk {
		return writeChunked(b, s, m)
	}
	b.WriteString(s)
	return m.add(1 + int64(len(s))/bytesPerUnit)
}

// rangeWork charges a batch of range items, or only looks for a stop
// when no step budget is installed.
func (th *Thread) rangeWork() error {
	if th.interruptible() {
		return th.Work(workBatch)
	}
	return th.pollEvery(0)
}
