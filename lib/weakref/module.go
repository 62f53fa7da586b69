// Package weakref is Python's weakref module, written in aio
// (weakref.aio); see there for how references behave under Go's
// collector.
package weakref

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed weakref.aio
var source []byte

func init() { runtime.RegisterStdSource("weakref", source) }
