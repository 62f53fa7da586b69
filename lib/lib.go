// Package lib links aio's standard library into a program: each module is
// a package lib/<module> that registers itself with the runtime in init
// (runtime.RegisterStdModule for its Go part, runtime.RegisterStdSource
// for its aio source), and this package imports them all for their
// registration. Nothing is built before a script imports it.
package lib

// This file lists the standard modules; add one blank import per module.

import (
	_ "github.com/aio-lang/aio/lib/calendar"
	_ "github.com/aio-lang/aio/lib/datetime"
	_ "github.com/aio-lang/aio/lib/decimal"
	_ "github.com/aio-lang/aio/lib/fractions"
	_ "github.com/aio-lang/aio/lib/math"
	_ "github.com/aio-lang/aio/lib/random"
	_ "github.com/aio-lang/aio/lib/statistics"
	_ "github.com/aio-lang/aio/lib/time"
	_ "github.com/aio-lang/aio/lib/zoneinfo"
)
