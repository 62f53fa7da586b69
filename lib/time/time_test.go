package time_test

// This file checks the time module's clocks and sleep.

import (
	"strconv"
	"testing"

	"github.com/aio-lang/aio/internal/modtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTimeSleepErrors(t *testing.T) {
	modtest.Run(t, "import time", []modtest.Case{
		{`time.sleep(-1)`, `ValueError: sleep length must be non-negative`},
		{`time.sleep('a')`, `TypeError: 'str' object cannot be interpreted as an integer`},
		{`time.sleep()`, `TypeError: time.sleep() takes exactly one argument (0 given)`},
		{`time.sleep(x=1)`, `TypeError: time.sleep() takes no keyword arguments`},
		{`time.sleep(float('nan'))`, `ValueError: Invalid value NaN (not a number)`},
		{`time.sleep(10**30)`, `OverflowError: timestamp too large to convert to C _PyTime_t`},
		{`time.sleep(0)`, `None`},
		{`time.sleep(0.001)`, `None`},
		{`time.time(1)`, `TypeError: time.time() takes no arguments (1 given)`},
	})
}

func TestTimeClocksAdvance(t *testing.T) {
	s := modtest.New(t, "import time")
	float := func(expr string) float64 {
		f, err := strconv.ParseFloat(s.Repr(expr), 64)
		require.NoError(t, err, expr)
		return f
	}
	for _, name := range []string{"time", "monotonic", "perf_counter"} {
		a := float("time." + name + "()")
		s.Exec("time.sleep(0.002)")
		d := float("time."+name+"()") - a
		assert.True(t, d >= 0.002 && d < 1, "%s advanced by %v", name, d)
	}
	for _, name := range []string{"time_ns", "monotonic_ns", "perf_counter_ns"} {
		assert.Equal(t, "True", s.Repr("type(time."+name+"()) is int and time."+name+"() > 0"), name)
	}
	assert.Greater(t, float("time.time()"), 1.7e9, "seconds since the epoch")
}
