// Package colorsys is aio's colorsys module, written in aio source (colorsys.aio).
package colorsys

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed colorsys.aio
var source []byte

func init() { runtime.RegisterStdSource("colorsys", source) }
