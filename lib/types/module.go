// Package types is Python's types module, written in aio (types.aio).
package types

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed types.aio
var source []byte

func init() { runtime.RegisterStdSource("types", source) }
