package time

// This file defines the clocks the time module reads: the real ones, and
// under --virtual-time (runtime.Thread.VirtualTime) the interpreter's
// virtual clock, so that time.time(), time.monotonic() and what is built
// on them (datetime.now()) give the same values on every run.

import (
	gotime "time"

	"github.com/aio-lang/aio/runtime"
)

// timeStart anchors the monotonic clocks. CPython's monotonic() counts
// from an unspecified point too; only differences are meaningful.
var timeStart = gotime.Now()

// virtualEpoch is the wall-clock time, in seconds since the Unix epoch, at
// which a virtual clock starts: 2000-01-01 00:00:00 UTC. Any fixed instant
// would do; a round one makes printed dates easy to check.
const virtualEpoch = 946684800

// virtualLoopStart is the time a virtual loop's clock shows when it starts
// (runtime.NewLoop).
const virtualLoopStart = 1000

// clock is one interpreter's view of time, kept with its time module.
type clock struct {
	th *runtime.Thread
}

// virtual returns the seconds elapsed on the thread's virtual clock (the
// one its event loops run on, runtime/vclock.go), and whether the
// interpreter runs on one.
func (c *clock) virtual() (float64, bool) {
	return c.th.VirtualElapsed()
}

// wallNanos is time.time_ns().
func (c *clock) wallNanos() int64 {
	if v, ok := c.virtual(); ok {
		return virtualEpoch*int64(gotime.Second) + int64(v*1e9)
	}
	return gotime.Now().UnixNano()
}

// wall is time.time().
func (c *clock) wall() float64 {
	if v, ok := c.virtual(); ok {
		return virtualEpoch + v
	}
	return float64(gotime.Now().UnixNano()) / 1e9
}

// monotonicNanos is time.monotonic_ns() (and perf_counter_ns).
func (c *clock) monotonicNanos() int64 {
	if v, ok := c.virtual(); ok {
		return int64((virtualLoopStart + v) * 1e9)
	}
	return int64(gotime.Since(timeStart)) + int64(gotime.Second)
}

// monotonic is time.monotonic() (and perf_counter).
func (c *clock) monotonic() float64 {
	if v, ok := c.virtual(); ok {
		return virtualLoopStart + v
	}
	return float64(c.monotonicNanos()) / 1e9
}

// sleep is time.sleep's wait: real, or a jump of the virtual clock.
func (c *clock) sleep(d gotime.Duration) error {
	if c.th.VirtualTime {
		c.th.AdvanceVirtual(d.Seconds())
		return c.th.Work(1)
	}
	return c.th.BlockingSleep(d)
}
