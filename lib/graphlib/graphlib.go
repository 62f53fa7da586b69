// Package graphlib is Python's graphlib module (TopologicalSorter and
// CycleError), written in aio source.
package graphlib

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed graphlib.aio
var source []byte

func init() { runtime.RegisterStdSource("graphlib", source) }
