// Package difflib is aio's difflib module: sequence matching and text diffs,
// written in aio source (difflib.aio).
package difflib

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed difflib.aio
var source []byte

func init() { runtime.RegisterStdSource("difflib", source) }
