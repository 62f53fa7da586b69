// Package argparse is aio's argparse module: command-line parsing with
// CPython 3.11's behaviour, help layout and messages, written in aio
// source (argparse.aio).
package argparse

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed argparse.aio
var source []byte

func init() { runtime.RegisterStdSource("argparse", source) }
