// Package glob is aio's glob module, written in aio source (glob.aio) over
// the os module, and so over the file system the host granted.
package glob

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed glob.aio
var source []byte

func init() { runtime.RegisterStdSource("glob", source) }
