// Package contextlib is Python's contextlib module, written in aio source
// (contextlib.aio): context managers from generators, exit stacks and the
// small ready-made managers.
package contextlib

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed contextlib.aio
var source []byte

func init() { runtime.RegisterStdSource("contextlib", source) }
