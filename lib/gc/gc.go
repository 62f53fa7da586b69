// Package gc is aio's gc module, written in aio source (gc.aio).
package gc

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed gc.aio
var source []byte

func init() { runtime.RegisterStdSource("gc", source) }
