// Package concurrent is Python's concurrent.futures, written in aio
// source (futures.aio). aio runs one script on one goroutine, so an
// executor's submit runs each call at once in the submitting thread, in
// submission order, and hands back a finished Future (asyncio's
// run_in_executor runs a ThreadPoolExecutor's calls in green threads
// instead); the API (submit, map, shutdown, wait, as_completed, Future)
// is CPython's.
package concurrent

// This file registers the module's Go part (wait.go) and source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed futures.aio
var source []byte

func init() {
	runtime.RegisterStdModule("concurrent.futures", loadFutures)
	runtime.RegisterStdSource("concurrent.futures", source)
}
