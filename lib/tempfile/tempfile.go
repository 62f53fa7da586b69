// Package tempfile is aio's tempfile module, written in aio source (tempfile.aio) over
// the os module, and so over the file system the host granted.
package tempfile

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed tempfile.aio
var source []byte

func init() { runtime.RegisterStdSource("tempfile", source) }
