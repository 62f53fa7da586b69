// Package csv is aio's csv module, written in aio source (csv.aio):
// reading and writing delimited records is not one of the library's hot
// paths, and the state machine reads best as Python.
package csv

// This file registers the source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed csv.aio
var source []byte

func init() { runtime.RegisterStdSource("csv", source) }
