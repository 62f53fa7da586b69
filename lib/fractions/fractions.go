// Package fractions registers the fractions module, written in aio source
// (fractions.aio): exact rational arithmetic, where the work is in int operations that run in Go.
package fractions

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed fractions.aio
var source []byte

func init() { runtime.RegisterStdSource("fractions", source) }
