package time

// This file defines the time module: the wall clock, the monotonic and
// performance counters, and sleep (which blocks the calling goroutine, as
// time.sleep blocks CPython's event loop).

import (
	"math"
	gotime "time"

	"github.com/aio-lang/aio/runtime"
)

// timeStart anchors the monotonic clocks. CPython's monotonic() counts
// from an unspecified point too; only differences are meaningful.
var timeStart = gotime.Now()

// timeMonotonicNanos reads the monotonic clock in nanoseconds.
func timeMonotonicNanos() int64 { return int64(gotime.Since(timeStart)) + int64(gotime.Second) }

var timeFuncs = map[string]runtime.BuiltinFn{
	"time": func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.ArgCount("time.time", args, kw, 0, 0); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Float(float64(gotime.Now().UnixNano()) / 1e9), nil
	},
	"time_ns": func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.ArgCount("time.time_ns", args, kw, 0, 0); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Int(gotime.Now().UnixNano()), nil
	},
	"monotonic": func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.ArgCount("time.monotonic", args, kw, 0, 0); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Float(float64(timeMonotonicNanos()) / 1e9), nil
	},
	"monotonic_ns": func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.ArgCount("time.monotonic_ns", args, kw, 0, 0); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Int(timeMonotonicNanos()), nil
	},
	"perf_counter": func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.ArgCount("time.perf_counter", args, kw, 0, 0); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Float(float64(timeMonotonicNanos()) / 1e9), nil
	},
	"perf_counter_ns": func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.ArgCount("time.perf_counter_ns", args, kw, 0, 0); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Int(timeMonotonicNanos()), nil
	},
	"sleep": timeSleep,
}

// timeSleep is time.sleep(secs).
func timeSleep(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.ArgCount("time.sleep", args, kw, 1, 1); err != nil {
		return runtime.Value{}, err
	}
	d, err := Seconds(args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	if d < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "sleep length must be non-negative")
	}
	if err := th.BlockingSleep(d); err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, nil
}

// Seconds converts a number of seconds (int or float) to a Duration with
// the errors of CPython's _PyTime_FromSecondsObject, for time.sleep and
// the asyncio timeouts.
func Seconds(v runtime.Value) (gotime.Duration, error) {
	const tooLarge = "timestamp too large to convert to C _PyTime_t"
	var f float64
	switch {
	case v.IsFloat():
		f = v.FloatVal()
		if math.IsNaN(f) {
			return 0, runtime.Errorf(runtime.ValueError, "Invalid value NaN (not a number)")
		}
	case runtime.IsIntLike(v):
		n, ok := runtime.AsInt64(v)
		if !ok || n > math.MaxInt64/int64(gotime.Second) || n < math.MinInt64/int64(gotime.Second) {
			return 0, runtime.Errorf(runtime.OverflowError, tooLarge)
		}
		return gotime.Duration(n) * gotime.Second, nil
	default:
		return 0, runtime.Errorf(runtime.TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	ns := math.Round(f * 1e9)
	if ns >= math.MaxInt64 || ns < math.MinInt64 {
		return 0, runtime.Errorf(runtime.OverflowError, tooLarge)
	}
	return gotime.Duration(ns), nil
}

func init() { runtime.RegisterStdModule("time", loadTime) }

// loadTime builds the time module for a thread.
func loadTime(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("time")
	for name, fn := range timeFuncs {
		m.Set(name, runtime.NewBuiltin(name, fn))
	}
	return m
}
