// Package enum is Python's enum module, written in aio (enum.aio): the
// classes are class-heavy and speed matters little there.
package enum

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed enum.aio
var source []byte

func init() { runtime.RegisterStdSource("enum", source) }
