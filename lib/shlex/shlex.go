// Package shlex is aio's shlex module: POSIX shell-like splitting and
// quoting, written in aio source (shlex.aio).
package shlex

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed shlex.aio
var source []byte

func init() { runtime.RegisterStdSource("shlex", source) }
