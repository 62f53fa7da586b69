// Package pprint is aio's pprint module, written in aio source
// (pprint.aio): formatting for display is not a hot path.
package pprint

// This file registers the source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed pprint.aio
var source []byte

func init() { runtime.RegisterStdSource("pprint", source) }
