// Package pathlib is aio's pathlib module, written in aio source (pathlib.aio) over
// the os module, and so over the file system the host granted.
package pathlib

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed pathlib.aio
var source []byte

func init() { runtime.RegisterStdSource("pathlib", source) }
