// Package inspect is the basics of Python's inspect module, written in
// aio (inspect.aio) over the interpreter's __code__ objects.
package inspect

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed inspect.aio
var source []byte

func init() { runtime.RegisterStdSource("inspect", source) }
