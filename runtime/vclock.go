package runtime

// This file makes every clock a script can read follow the virtual one
// under VirtualTime: the thread's event loops share one virtual clock,
// time.sleep advances it instead of sleeping, and time.time(),
// monotonic() and perf_counter() read it (the wall clock as the real
// time the clock started at plus the virtual time elapsed since).

import "time"

// virtualStart is the reading of a new virtual clock (loop.time()).
const virtualStart = 1000

// virtualClock returns the thread's virtual clock, made on first use.
func (th *Thread) virtualClock() *virtualClock {
	if th.vclock == nil {
		th.vclock = &virtualClock{now: virtualStart, wallStart: time.Now()}
	}
	return th.vclock
}

// wallNanos is time.time_ns(): real, or the virtual clock's wall time.
func (th *Thread) wallNanos() int64 {
	if th == nil || !th.VirtualTime {
		return time.Now().UnixNano()
	}
	c := th.virtualClock()
	return c.wallStart.UnixNano() + int64((c.now-virtualStart)*1e9)
}

// monoNanos is time.monotonic_ns() and perf_counter_ns(): real, or the
// virtual clock's reading.
func (th *Thread) monoNanos() int64 {
	if th == nil || !th.VirtualTime {
		return timeMonotonicNanos()
	}
	return int64(th.virtualClock().now * 1e9)
}

// WallTime is the current time of th's clock (virtual under
// VirtualTime), for modules such as datetime.
func (th *Thread) WallTime() time.Time {
	return time.Unix(0, th.wallNanos())
}
