package datetime

// This file holds the Go part of the datetime module: the calendar
// arithmetic that every construction and every addition goes through,
// which costs far less here than in aio source. Each helper handles the
// common case of plain int arguments and returns None otherwise, for
// datetime.aio's general code (bools, __index__, floats, big ints) to
// take over with the error messages it already gets right.

import (
	"fmt"

	"github.com/aio-lang/aio/runtime"
)

const (
	minYear    = 1
	maxYear    = 9999
	maxOrdinal = 3652059 // 9999-12-31
	usPerDay   = 86400 * 1000000
	maxTdDays  = 999999999
)

// daysBeforeMonth[m-1] counts the days of a common year before month m.
var daysBeforeMonth = [12]int64{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func monthLength(y, m int64) int64 {
	if m == 12 {
		return 31
	}
	n := daysBeforeMonth[m] - daysBeforeMonth[m-1]
	if m == 2 && isLeap(y) {
		n++
	}
	return n
}

// toOrdinal counts days from 0001-01-01 (day 1) in the proleptic
// Gregorian calendar.
func toOrdinal(y, m, d int64) int64 {
	p := y - 1
	n := p*365 + p/4 - p/100 + p/400 + daysBeforeMonth[m-1] + d
	if m > 2 && isLeap(y) {
		n++
	}
	return n
}

// fromOrdinal inverts toOrdinal for n >= 1: whole 400-year cycles
// (146097 days) first, then centuries, 4-year groups and years; the last
// day of a cycle or group shows up as a fifth century or year.
func fromOrdinal(n int64) (y, m, d int64) {
	days := n - 1
	cycles, days := days/146097, days%146097
	centuries, days := days/36524, days%36524
	groups, days := days/1461, days%1461
	years, days := days/365, days%365
	y = cycles*400 + centuries*100 + groups*4 + years + 1
	if years == 4 || centuries == 4 {
		return y - 1, 12, 31
	}
	leap := int64(0)
	if isLeap(y) {
		leap = 1
	}
	for m = 12; m > 1; m-- {
		before := daysBeforeMonth[m-1]
		if m > 2 {
			before += leap
		}
		if days >= before {
			return y, m, days - before + 1
		}
	}
	return y, 1, days + 1
}

func ymdTuple(y, m, d int64) runtime.Value {
	return runtime.TupleOf(runtime.Int(y), runtime.Int(m), runtime.Int(d))
}

// checkDate validates a date's fields as date() does.
func checkDate(y, m, d int64) error {
	switch {
	case y < minYear || y > maxYear:
		return runtime.Errorf(runtime.ValueError, "year %d is out of range", y)
	case m < 1 || m > 12:
		return runtime.Errorf(runtime.ValueError, "month must be in 1..12")
	case d < 1 || d > monthLength(y, m):
		return runtime.Errorf(runtime.ValueError, "day is out of range for month")
	}
	return nil
}

// intArgs takes exactly n positional arguments and returns them as
// int64s, with ok false when one is not a plain int (or, for cInt, lies
// outside a C int, whose errors datetime.aio reports). Only a wrong call
// goes through UnpackArgs, for its error message.
func intArgs(name string, args []runtime.Value, kw []runtime.Kwarg, n int, cInt bool) ([]int64, bool, error) {
	if len(args) != n || len(kw) != 0 {
		vals := make([]runtime.Value, n)
		pairs := make([]any, 0, 2*n)
		for i := range vals {
			pairs = append(pairs, fmt.Sprintf("a%d", i), &vals[i])
		}
		if err := runtime.UnpackArgs(name, args, kw, pairs...); err != nil {
			return nil, false, err
		}
		args = vals
	}
	out := make([]int64, n)
	for i, a := range args {
		if !a.IsSmallInt() {
			return nil, false, nil
		}
		out[i] = a.SmallInt()
		if cInt && out[i] != int64(int32(out[i])) {
			return nil, false, nil
		}
	}
	return out, true, nil
}

// dateFields is _date_fields(year, month, day): the validated fields as a
// tuple, or None when they are not all plain ints.
func dateFields(_ *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	n, ok, err := intArgs("_date_fields", args, kw, 3, true)
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok {
		return runtime.None, nil
	}
	if err := checkDate(n[0], n[1], n[2]); err != nil {
		return runtime.Value{}, err
	}
	return ymdTuple(n[0], n[1], n[2]), nil
}

// toOrdinalFn is _to_ordinal(year, month, day) for valid fields.
func toOrdinalFn(_ *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	n, ok, err := intArgs("_to_ordinal", args, kw, 3, false)
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok || n[1] < 1 || n[1] > 12 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "invalid date fields")
	}
	return runtime.Int(toOrdinal(n[0], n[1], n[2])), nil
}

// fromOrdinalFn is _from_ordinal(n): (year, month, day) of day n >= 1.
func fromOrdinalFn(_ *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var n int64
	if err := runtime.UnpackArgs("_from_ordinal", args, kw, "n", &n); err != nil {
		return runtime.Value{}, err
	}
	if n < 1 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "ordinal must be >= 1")
	}
	y, m, d := fromOrdinal(n)
	return ymdTuple(y, m, d), nil
}

// addDays is _add_days(year, month, day, days): the date days later, as a
// tuple; OverflowError outside years 1..9999.
func addDays(_ *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	n, ok, err := intArgs("_add_days", args, kw, 4, false)
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok || n[1] < 1 || n[1] > 12 {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "date value out of range")
	}
	ord := toOrdinal(n[0], n[1], n[2])
	if n[3] < 1-ord || n[3] > maxOrdinal-ord {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "date value out of range")
	}
	y, m, d := fromOrdinal(ord + n[3])
	return ymdTuple(y, m, d), nil
}

// timedeltaMicros is _td_micros(days, seconds, microseconds, milliseconds,
// minutes, hours, weeks): the total in microseconds when every component
// is a plain int and nothing overflows, else None.
func timedeltaMicros(_ *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	n, ok, err := intArgs("_td_micros", args, kw, 7, false)
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok {
		return runtime.None, nil
	}
	scales := [7]int64{usPerDay, 1000000, 1, 1000, 60 * 1000000, 3600 * 1000000, 7 * usPerDay}
	// Seven terms each within 2**60 cannot overflow an int64 sum.
	const bound = 1 << 60
	var total int64
	for i, v := range n {
		if v > bound/scales[i] || v < -bound/scales[i] {
			return runtime.None, nil
		}
		total += v * scales[i]
	}
	days := floorDiv(total, usPerDay)
	if days < -maxTdDays || days > maxTdDays {
		return runtime.None, nil // the general code reports it
	}
	return runtime.Int(total), nil
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// timeLimits are the upper bounds of hour, minute, second and
// microsecond, with their names for the error messages.
var timeLimits = [4]struct {
	name string
	top  int64
}{{"hour", 23}, {"minute", 59}, {"second", 59}, {"microsecond", 999999}}

// dtFields is _dt_fields(year, month, day, hour, minute, second,
// microsecond, fold): the validated fields (less fold) as a tuple, or None
// when they are not all plain ints.
func dtFields(_ *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	n, ok, err := intArgs("_dt_fields", args, kw, 8, true)
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok {
		return runtime.None, nil
	}
	if err := checkDate(n[0], n[1], n[2]); err != nil {
		return runtime.Value{}, err
	}
	for i, lim := range timeLimits {
		if v := n[3+i]; v < 0 || v > lim.top {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "%s must be in 0..%d", lim.name, lim.top)
		}
	}
	if n[7] != 0 && n[7] != 1 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "fold must be either 0 or 1")
	}
	out := make([]runtime.Value, 7)
	for i := range out {
		out[i] = runtime.Int(n[i])
	}
	return runtime.TupleOf(out...), nil
}

// dtMicros is _dt_micros(year, month, day, hour, minute, second,
// microsecond) for valid fields: microseconds since 0001-01-01 00:00.
func dtMicros(_ *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	n, ok, err := intArgs("_dt_micros", args, kw, 7, false)
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok || n[1] < 1 || n[1] > 12 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "invalid datetime fields")
	}
	days := toOrdinal(n[0], n[1], n[2]) - 1
	secs := (days*24+n[3])*3600 + n[4]*60 + n[5]
	return runtime.Int(secs*1000000 + n[6]), nil
}

// dtFromMicros is _dt_from_micros(us), inverting _dt_micros: (year,
// month, day, hour, minute, second, microsecond); OverflowError outside
// years 1..9999.
func dtFromMicros(_ *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	n, ok, err := intArgs("_dt_from_micros", args, kw, 1, false)
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "date value out of range")
	}
	days := floorDiv(n[0], usPerDay)
	if days < 0 || days >= maxOrdinal {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "date value out of range")
	}
	rest := n[0] - days*usPerDay
	y, m, d := fromOrdinal(days + 1)
	secs, us := rest/1000000, rest%1000000
	return runtime.TupleOf(runtime.Int(y), runtime.Int(m), runtime.Int(d),
		runtime.Int(secs/3600), runtime.Int(secs/60%60), runtime.Int(secs%60), runtime.Int(us)), nil
}

// coreFuncs are the helpers datetime.aio calls.
var coreFuncs = map[string]runtime.BuiltinFn{
	"_date_fields":    dateFields,
	"_to_ordinal":     toOrdinalFn,
	"_from_ordinal":   fromOrdinalFn,
	"_add_days":       addDays,
	"_td_micros":      timedeltaMicros,
	"_dt_fields":      dtFields,
	"_dt_micros":      dtMicros,
	"_dt_from_micros": dtFromMicros,
}

// load builds the Go part of the module, before datetime.aio runs in it.
func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("datetime")
	for name, fn := range coreFuncs {
		m.Set(name, runtime.NewBuiltin(name, fn))
	}
	return m
}
