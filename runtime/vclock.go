package runtime

// This file holds the one virtual clock of a thread under VirtualTime:
// the thread's event loops share it (one asyncio.run after another
// continues where the last left off), time.sleep advances it instead of
// sleeping, and the time module's clocks read it (lib/time). While host
// work (a socket, a process, a host call) is in flight the loop lets it
// run at real speed (loop.go's wait).

// virtualStart is the reading of a new virtual clock (loop.time()).
const virtualStart = 1000

// virtualClock returns the thread's virtual clock, made on first use.
func (th *Thread) virtualClock() *virtualClock {
	if th.vclock == nil {
		th.vclock = &virtualClock{now: virtualStart}
	}
	return th.vclock
}

// VirtualElapsed returns the seconds the thread's virtual clock has
// advanced since it started, and false when the thread runs on the real
// clock.
func (th *Thread) VirtualElapsed() (float64, bool) {
	if th == nil || !th.VirtualTime {
		return 0, false
	}
	return th.virtualClock().now - virtualStart, true
}

// AdvanceVirtual moves the thread's virtual clock forward by d seconds,
// as time.sleep does under VirtualTime; it reports false (and does
// nothing) when the thread runs on the real clock.
func (th *Thread) AdvanceVirtual(d float64) bool {
	if th == nil || !th.VirtualTime {
		return false
	}
	if d > 0 {
		th.virtualClock().now += d
	}
	return true
}
