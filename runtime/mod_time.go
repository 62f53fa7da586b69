package runtime

// This file defines the time module: the wall clock, the monotonic and
// performance counters, and sleep (which blocks the calling goroutine, as
// time.sleep blocks CPython's event loop).

import (
	"math"
	"time"
)

// timeStart anchors the monotonic clocks. CPython's monotonic() counts
// from an unspecified point too; only differences are meaningful.
var timeStart = time.Now()

// timeMonotonicNanos reads the monotonic clock in nanoseconds.
func timeMonotonicNanos() int64 { return int64(time.Since(timeStart)) + int64(time.Second) }

var timeFuncs = map[string]BuiltinFn{
	"time": func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("time.time", args, kw, 0, 0); err != nil {
			return Value{}, err
		}
		return Float(float64(th.wallNanos()) / 1e9), nil
	},
	"time_ns": func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("time.time_ns", args, kw, 0, 0); err != nil {
			return Value{}, err
		}
		return Int(th.wallNanos()), nil
	},
	"monotonic": func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("time.monotonic", args, kw, 0, 0); err != nil {
			return Value{}, err
		}
		return Float(float64(th.monoNanos()) / 1e9), nil
	},
	"monotonic_ns": func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("time.monotonic_ns", args, kw, 0, 0); err != nil {
			return Value{}, err
		}
		return Int(th.monoNanos()), nil
	},
	"perf_counter": func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("time.perf_counter", args, kw, 0, 0); err != nil {
			return Value{}, err
		}
		return Float(float64(th.monoNanos()) / 1e9), nil
	},
	"perf_counter_ns": func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("time.perf_counter_ns", args, kw, 0, 0); err != nil {
			return Value{}, err
		}
		return Int(th.monoNanos()), nil
	},
	"sleep": timeSleep,
}

// timeSleep is time.sleep(secs).
func timeSleep(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := biOneArg("time.sleep", args, kw); err != nil {
		return Value{}, err
	}
	d, err := Seconds(args[0])
	if err != nil {
		return Value{}, err
	}
	if d < 0 {
		return Value{}, Errorf(ValueError, "sleep length must be non-negative")
	}
	if th.VirtualTime {
		th.virtualClock().now += d.Seconds() // vclock.go
		return None, nil
	}
	if err := th.sleep(d); err != nil {
		return Value{}, err
	}
	return None, nil
}

// Seconds converts a number of seconds (int or float) to a Duration with
// the errors of CPython's _PyTime_FromSecondsObject, for time.sleep and
// the asyncio timeouts.
func Seconds(v Value) (time.Duration, error) {
	const tooLarge = "timestamp too large to convert to C _PyTime_t"
	var f float64
	switch {
	case v.IsFloat():
		f = v.FloatVal()
		if math.IsNaN(f) {
			return 0, Errorf(ValueError, "Invalid value NaN (not a number)")
		}
	case isIntLike(v):
		n, ok := asInt64(v)
		if !ok || n > math.MaxInt64/int64(time.Second) || n < math.MinInt64/int64(time.Second) {
			return 0, Errorf(OverflowError, tooLarge)
		}
		return time.Duration(n) * time.Second, nil
	default:
		return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	ns := math.Round(f * 1e9)
	if ns >= math.MaxInt64 || ns < math.MinInt64 {
		return 0, Errorf(OverflowError, tooLarge)
	}
	return time.Duration(ns), nil
}

func init() { RegisterStdModule("time", loadTime) }

// loadTime builds the time module for a thread.
func loadTime(th *Thread) *Module {
	m := NewModule("time")
	for name, fn := range timeFuncs {
		m.Set(name, NewBuiltin(name, fn))
	}
	return m
}
