// Package statistics registers the statistics module, written in aio source
// (statistics.aio): exact sums over fractions, as CPython computes them, so that results agree to the last bit.
package statistics

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed statistics.aio
var source []byte

func init() { runtime.RegisterStdSource("statistics", source) }
