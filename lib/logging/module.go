// Package logging is Python's logging module, written in aio
// (logging.aio).
package logging

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed logging.aio
var source []byte

func init() { runtime.RegisterStdSource("logging", source) }
