package time

// This file converts between seconds since the epoch and the broken-down
// time of C's struct tm, which the module shows as struct_time: gmtime,
// localtime and mktime, and the local time zone's names and offsets.

import (
	"math"
	gotime "time"

	"github.com/aio-lang/aio/runtime"
)

// tm is a broken-down time as struct_time holds it: Mon 1-12, Wday 0 for
// Monday, Yday 1-366.
type tm struct {
	Year, Mon, Mday, Hour, Min, Sec, Wday, Yday, Isdst int
	Zone                                               string
	Gmtoff                                             int
	HasZone                                            bool // Zone and Gmtoff are known
}

// tmOf breaks t down in its own location.
func tmOf(t gotime.Time) tm {
	name, off := t.Zone()
	isdst := 0
	if t.IsDST() {
		isdst = 1
	}
	return tm{
		Year: t.Year(), Mon: int(t.Month()), Mday: t.Day(),
		Hour: t.Hour(), Min: t.Minute(), Sec: t.Second(),
		Wday: (int(t.Weekday()) + 6) % 7, Yday: t.YearDay(), Isdst: isdst,
		Zone: name, Gmtoff: off, HasZone: true,
	}
}

// value is the 11-tuple the source part of the module turns into a
// struct_time.
func (t tm) value() runtime.Value {
	return runtime.TupleOf(
		runtime.Int(int64(t.Year)), runtime.Int(int64(t.Mon)), runtime.Int(int64(t.Mday)),
		runtime.Int(int64(t.Hour)), runtime.Int(int64(t.Min)), runtime.Int(int64(t.Sec)),
		runtime.Int(int64(t.Wday)), runtime.Int(int64(t.Yday)), runtime.Int(int64(t.Isdst)),
		runtime.Str(t.Zone), runtime.Int(int64(t.Gmtoff)))
}

// epochSeconds converts a timestamp argument to whole seconds, rounding
// towards minus infinity as CPython's gmtime and localtime do.
func epochSeconds(v runtime.Value) (int64, error) {
	const outOfRange = "timestamp out of range for platform time_t"
	if v.IsFloat() {
		f := v.FloatVal()
		if math.IsNaN(f) {
			return 0, runtime.Errorf(runtime.ValueError, "Invalid value NaN (not a number)")
		}
		f = math.Floor(f)
		if f < -(1<<62) || f > 1<<62 {
			return 0, runtime.Errorf(runtime.OverflowError, outOfRange)
		}
		return int64(f), nil
	}
	if runtime.IsIntLike(v) {
		n, ok := runtime.AsInt64(v)
		if !ok {
			return 0, runtime.Errorf(runtime.OverflowError, outOfRange)
		}
		return n, nil
	}
	return 0, runtime.Errorf(runtime.TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// maxYear bounds the years a broken-down time may have, as a 32-bit
// tm_year does in C.
const maxYear = 1<<31 - 1 + 1900

// breakDown is gmtime (loc UTC) or localtime (loc Local) of secs.
func breakDown(secs int64, loc *gotime.Location) (tm, error) {
	t := gotime.Unix(secs, 0).In(loc)
	if t.Year() > maxYear || t.Year() < -maxYear {
		return tm{}, runtime.Errorf(runtime.OverflowError, "timestamp out of range for platform time_t")
	}
	r := tmOf(t)
	if loc == gotime.UTC {
		r.Zone = "GMT" // what C's gmtime names UTC
	}
	return r, nil
}

// tmFromValue reads a struct_time or a 9-sequence, with the errors of
// CPython's gettmarg; zone and offset come from a struct_time's
// tm_zone/tm_gmtoff when it has them.
func tmFromValue(th *runtime.Thread, fname string, v runtime.Value) (tm, error) {
	// struct_time is a class of time.aio, recognised by its name.
	isStruct := v.Type().User && v.Type().Name == "struct_time"
	if _, ok := v.Object().(*runtime.Tuple); !ok && !isStruct {
		return tm{}, runtime.Errorf(runtime.TypeError, "Tuple or struct_time argument required")
	}
	items, err := runtime.Collect(th, v)
	if err != nil {
		return tm{}, err
	}
	if len(items) != 9 {
		return tm{}, runtime.Errorf(runtime.TypeError, "%s(): illegal time tuple argument", fname)
	}
	var f [9]int
	for i, it := range items {
		n, err := runtime.IndexValue(it)
		if err != nil {
			return tm{}, err
		}
		if n > math.MaxInt32 || n < math.MinInt32 {
			return tm{}, runtime.Errorf(runtime.OverflowError, "Python int too large to convert to C int")
		}
		f[i] = int(n)
	}
	t := tm{Year: f[0], Mon: f[1], Mday: f[2], Hour: f[3], Min: f[4], Sec: f[5],
		Wday: f[6], Yday: f[7], Isdst: f[8]}
	if isStruct {
		if z, err := runtime.GetAttr(th, v, "tm_zone"); err == nil && !z.IsNone() {
			if s, ok := z.Object().(*runtime.StrObj); ok {
				t.Zone, t.HasZone = s.S, true
			}
		}
		if g, err := runtime.GetAttr(th, v, "tm_gmtoff"); err == nil && !g.IsNone() {
			if n, ok := runtime.AsInt64(g); ok {
				t.Gmtoff = int(n)
			} else {
				t.HasZone = false
			}
		}
	}
	return t, nil
}

// checkRanges validates a broken-down time for strftime and asctime as
// CPython's checktm does, after mapping the zeros it allows (month, day
// of month, day of year) to their first valid value.
func (t *tm) checkRanges() error {
	if t.Mon == 0 {
		t.Mon = 1
	}
	if t.Mday == 0 {
		t.Mday = 1
	}
	if t.Yday == 0 {
		t.Yday = 1
	}
	t.Wday = floorMod(t.Wday+1, 7) - 1 // Python's modulo: -1 is Sunday
	if t.Wday < 0 {
		t.Wday = 6
	}
	switch {
	case t.Mon < 1 || t.Mon > 12:
		return runtime.Errorf(runtime.ValueError, "month out of range")
	case t.Mday < 1 || t.Mday > 31:
		return runtime.Errorf(runtime.ValueError, "day of month out of range")
	case t.Hour < 0 || t.Hour > 23:
		return runtime.Errorf(runtime.ValueError, "hour out of range")
	case t.Min < 0 || t.Min > 59:
		return runtime.Errorf(runtime.ValueError, "minute out of range")
	case t.Sec < 0 || t.Sec > 61:
		return runtime.Errorf(runtime.ValueError, "seconds out of range")
	case t.Yday < 1 || t.Yday > 366:
		return runtime.Errorf(runtime.ValueError, "day of year out of range")
	}
	return nil
}

// mktime is the inverse of localtime; out-of-range fields carry into the
// next ones as C's mktime normalises them.
func mktime(t tm) (float64, error) {
	if t.Year > maxYear || t.Year < -maxYear {
		return 0, runtime.Errorf(runtime.OverflowError, "mktime argument out of range")
	}
	d := gotime.Date(t.Year, gotime.Month(t.Mon), t.Mday, t.Hour, t.Min, t.Sec, 0, gotime.Local)
	return float64(d.Unix()), nil
}

// localZone describes the local time zone as the module's timezone,
// altzone, daylight and tzname do: from the offsets in January and July
// of the current year.
func localZone() (stdName, dstName string, stdOff, dstOff int, daylight bool) {
	year := gotime.Now().Year()
	jan := gotime.Date(year, 1, 1, 0, 0, 0, 0, gotime.Local)
	jul := gotime.Date(year, 7, 1, 0, 0, 0, 0, gotime.Local)
	janName, janOff := jan.Zone()
	julName, julOff := jul.Zone()
	if janOff == julOff {
		return janName, janName, janOff, janOff, false
	}
	// Standard time has the smaller offset, in either hemisphere.
	if janOff < julOff {
		return janName, julName, janOff, julOff, true
	}
	return julName, janName, julOff, janOff, true
}
