package datetime_test

// This file checks that datetime reads the interpreter's clock: under the
// virtual clock, now() and today() are the same on every run and move with
// time.sleep and the event loop.

import (
	"testing"

	"github.com/aio-lang/aio/internal/modtest"
)

func TestNowFollowsTheVirtualClock(t *testing.T) {
	s := modtest.NewVirtual(t, "import datetime, time, asyncio")
	s.Check([]modtest.Case{
		{"datetime.datetime.now(datetime.timezone.utc)", "datetime.datetime(2000, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)"},
		{"datetime.datetime.utcnow()", "datetime.datetime(2000, 1, 1, 0, 0)"},
		{"time.sleep(90.5)", "None"},
		{"datetime.datetime.utcnow()", "datetime.datetime(2000, 1, 1, 0, 1, 30, 500000)"},
	})
	s.Exec(`
async def later():
    await asyncio.sleep(86400)
    return datetime.datetime.utcnow()
when = asyncio.run(later())
`)
	s.Check([]modtest.Case{{"when", "datetime.datetime(2000, 1, 2, 0, 1, 30, 500000)"}})
}

func TestTimeFollowsTheVirtualClock(t *testing.T) {
	modtest.NewVirtual(t, "import time").Check([]modtest.Case{
		{"time.time(), time.monotonic(), time.time_ns()", "(946684800.0, 1000.0, 946684800000000000)"},
		{"time.sleep(2.5)", "None"},
		{"time.time(), time.perf_counter(), time.monotonic_ns()", "(946684802.5, 1002.5, 1002500000000)"},
		{"time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime())", "'2000-01-01 00:00:02'"},
	})
}
