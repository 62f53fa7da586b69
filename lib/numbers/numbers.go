// Package numbers is aio's numbers module, written in aio source
// (numbers.aio).
package numbers

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed numbers.aio
var source []byte

func init() { runtime.RegisterStdSource("numbers", source) }
