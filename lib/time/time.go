package time

// This file defines the Go part of the time module: the clocks, sleep,
// strftime, asctime and the conversions behind gmtime, localtime and
// mktime. time.aio completes it with struct_time, strptime and
// get_clock_info.

import (
	_ "embed"
	"math"
	"strings"
	gotime "time"

	"github.com/aio-lang/aio/runtime"
)

//go:embed time.aio
var timeSource []byte

func init() {
	runtime.RegisterStdModule("time", loadTime)
	runtime.RegisterStdSource("time", timeSource)
}

// fn is the signature of the module's functions.
type fn = func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)

// noArgs wraps a clock reading as a function of no arguments.
func noArgs(name string, read func() runtime.Value) fn {
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.NoArgs("time."+name, args, kw); err != nil {
			return runtime.Value{}, err
		}
		return read(), nil
	}
}

// loadTime builds the time module for a thread; its clock is the
// thread's (virtual under --virtual-time).
func loadTime(th *runtime.Thread) *runtime.Module {
	c := &clock{th: th}
	fns := map[string]fn{
		"time":            noArgs("time", func() runtime.Value { return runtime.Float(c.wall()) }),
		"time_ns":         noArgs("time_ns", func() runtime.Value { return runtime.Int(c.wallNanos()) }),
		"monotonic":       noArgs("monotonic", func() runtime.Value { return runtime.Float(c.monotonic()) }),
		"monotonic_ns":    noArgs("monotonic_ns", func() runtime.Value { return runtime.Int(c.monotonicNanos()) }),
		"perf_counter":    noArgs("perf_counter", func() runtime.Value { return runtime.Float(c.monotonic()) }),
		"perf_counter_ns": noArgs("perf_counter_ns", func() runtime.Value { return runtime.Int(c.monotonicNanos()) }),
		"process_time":    noArgs("process_time", func() runtime.Value { return runtime.Float(float64(processNanos()) / 1e9) }),
		"process_time_ns": noArgs("process_time_ns", func() runtime.Value { return runtime.Int(processNanos()) }),
		"thread_time":     noArgs("thread_time", func() runtime.Value { return runtime.Float(float64(processNanos()) / 1e9) }),
		"thread_time_ns":  noArgs("thread_time_ns", func() runtime.Value { return runtime.Int(processNanos()) }),
		"sleep": func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			d, err := sleepLength(args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			if err := c.sleep(d); err != nil {
				return runtime.Value{}, err
			}
			return runtime.None, nil
		},
		"_gmtime":    breakDownFn(c, "gmtime", gotime.UTC),
		"_localtime": breakDownFn(c, "localtime", gotime.Local),
		"mktime": func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if _, err := runtime.OneArg("time.mktime", args, kw); err != nil {
				return runtime.Value{}, err
			}
			t, err := tmFromValue(th, "mktime", args[0])
			if err != nil {
				return runtime.Value{}, err
			}
			secs, err := mktime(t)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.Float(secs), nil
		},
		"strftime": func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.PositionalArgs("strftime", args, kw, 1, 2); err != nil {
				return runtime.Value{}, err
			}
			format, ok := args[0].Object().(*runtime.StrObj)
			if !ok {
				return runtime.Value{}, runtime.Errorf(runtime.TypeError, "strftime() argument 1 must be str, not %s", args[0].Type().Name)
			}
			t, err := tmArg(th, c, "strftime", args[1:])
			if err != nil {
				return runtime.Value{}, err
			}
			if err := t.checkRanges(); err != nil {
				return runtime.Value{}, err
			}
			if strings.ContainsRune(format.S, 0) {
				return runtime.Value{}, runtime.Errorf(runtime.ValueError, "embedded null character")
			}
			name, off := zoneFor(t)
			return runtime.Str(strftime(format.S, t, name, off)), nil
		},
		"asctime": func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.PositionalArgs("asctime", args, kw, 0, 1); err != nil {
				return runtime.Value{}, err
			}
			t, err := tmArg(th, c, "asctime", args)
			if err != nil {
				return runtime.Value{}, err
			}
			if err := t.checkRanges(); err != nil {
				return runtime.Value{}, err
			}
			return runtime.Str(asctime(t)), nil
		},
		"ctime": func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.PositionalArgs("ctime", args, kw, 0, 1); err != nil {
				return runtime.Value{}, err
			}
			secs, err := secsArg(c, args)
			if err != nil {
				return runtime.Value{}, err
			}
			t, err := breakDown(secs, gotime.Local)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.Str(asctime(t)), nil
		},
	}
	m := runtime.NewModule("time")
	for name, f := range fns {
		b := &runtime.Builtin{Name: name, Fn: f}
		if name == "sleep" {
			b.Suspend = greenSleep
		}
		m.Set(name, runtime.Obj(b))
	}
	stdName, dstName, stdOff, dstOff, daylight := localZone()
	m.Set("timezone", runtime.Int(int64(-stdOff)))
	m.Set("altzone", runtime.Int(int64(-dstOff)))
	m.Set("daylight", runtime.Int(map[bool]int64{false: 0, true: 1}[daylight]))
	m.Set("tzname", runtime.TupleOf(runtime.Str(stdName), runtime.Str(dstName)))
	return m
}

// secsArg reads the optional seconds argument of gmtime, localtime and
// ctime: now when it is absent or None.
func secsArg(c *clock, args []runtime.Value) (int64, error) {
	if len(args) == 0 || args[0].IsNone() {
		return int64(math.Floor(c.wall())), nil
	}
	return epochSeconds(args[0])
}

// breakDownFn is gmtime or localtime as an 11-tuple, for time.aio to wrap.
func breakDownFn(c *clock, name string, loc *gotime.Location) fn {
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.PositionalArgs(name, args, kw, 0, 1); err != nil {
			return runtime.Value{}, err
		}
		secs, err := secsArg(c, args)
		if err != nil {
			return runtime.Value{}, err
		}
		t, err := breakDown(secs, loc)
		if err != nil {
			return runtime.Value{}, err
		}
		return t.value(), nil
	}
}

// tmArg reads the optional time-tuple argument of strftime and asctime:
// localtime() when it is absent.
func tmArg(th *runtime.Thread, c *clock, fname string, args []runtime.Value) (tm, error) {
	if len(args) == 0 {
		return breakDown(int64(math.Floor(c.wall())), gotime.Local)
	}
	return tmFromValue(th, fname, args[0])
}

// zoneFor is the zone name and offset %Z and %z show for a time tuple
// without its own: the local zone's, standard or daylight by tm_isdst.
func zoneFor(t tm) (string, int) {
	stdName, dstName, stdOff, dstOff, _ := localZone()
	if t.Isdst > 0 {
		return dstName, dstOff
	}
	return stdName, stdOff
}

// asctime is C's asctime without its newline: "Sun Jun 20 23:21:05 1993".
func asctime(t tm) string {
	var b strings.Builder
	b.WriteString(dayNames[t.Wday][:3])
	b.WriteByte(' ')
	b.WriteString(monthNames[t.Mon-1][:3])
	pad(&b, t.Mday, 3, ' ')
	b.WriteByte(' ')
	pad(&b, t.Hour, 2, '0')
	b.WriteByte(':')
	pad(&b, t.Min, 2, '0')
	b.WriteByte(':')
	pad(&b, t.Sec, 2, '0')
	b.WriteByte(' ')
	pad(&b, t.Year, 1, '0')
	return b.String()
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
