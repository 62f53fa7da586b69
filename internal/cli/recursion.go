package cli

// This file sets the command line's recursion ceiling.

import (
	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/runtime"
)

// allowRaisingRecursionLimit keeps CPython's default limit of 1000 but,
// as CPython's command line does, lets a script raise it with
// sys.setrecursionlimit, up to the hard maximum that Go's stack holds
// (runtime.MaxRecursionLimit; a larger request is clamped to it).
func allowRaisingRecursionLimit(in *interp.Interp) {
	in.Thread().DepthCeiling = runtime.MaxRecursionLimit
}
