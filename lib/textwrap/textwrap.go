// Package textwrap is aio's textwrap module: wrapping, filling, shortening,
// dedenting and indenting text, written in aio source (textwrap.aio).
package textwrap

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed textwrap.aio
var source []byte

func init() { runtime.RegisterStdSource("textwrap", source) }
