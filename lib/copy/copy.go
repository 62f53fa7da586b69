// Package copy is Python's copy module, written in aio source: copying
// is dominated by the calls it makes to the objects' own hooks, so Go
// would gain little.
package copy

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed copy.aio
var source []byte

func init() { runtime.RegisterStdSource("copy", source) }
