// Package lib links aio's standard library into a program: each module is
// a package lib/<module> that registers itself with the runtime in init
// (runtime.RegisterStdModule for its Go part, runtime.RegisterStdSource
// for its aio source), and this package imports them all for their
// registration. Nothing is built before a script imports it.
package lib

// This file lists the standard modules; add one blank import per module.

import (
	_ "github.com/aio-lang/aio/lib/contextvars"
)
