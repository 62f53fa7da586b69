// Package pystring is aio's string module: the character-class
// constants, capwords, Template and Formatter, written in aio source
// (string.aio). The package is named pystring so that it does not shadow
// Go's strings-related names in readers' minds; the directory is lib/string.
package pystring

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed string.aio
var source []byte

func init() { runtime.RegisterStdSource("string", source) }
