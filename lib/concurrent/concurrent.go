// Package concurrent is Python's concurrent.futures, written in aio
// source (futures.aio). aio runs one script on one goroutine, so an
// executor runs each submitted call at once in the submitting thread, in
// submission order, and hands back a finished Future; the API (submit,
// map, shutdown, wait, as_completed, Future) is CPython's.
package concurrent

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed futures.aio
var source []byte

func init() { runtime.RegisterStdSource("concurrent.futures", source) }
