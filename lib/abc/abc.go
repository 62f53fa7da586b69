// Package abc is Python's abc module, written in aio source (abc.aio):
// ABCMeta computes __abstractmethods__, which the runtime checks when a
// class is instantiated (runtime/abstract.go).
package abc

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed abc.aio
var source []byte

func init() { runtime.RegisterStdSource("abc", source) }
