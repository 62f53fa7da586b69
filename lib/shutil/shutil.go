// Package shutil is aio's shutil module, written in aio source (shutil.aio) over
// the os module, and so over the file system the host granted.
package shutil

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed shutil.aio
var source []byte

func init() { runtime.RegisterStdSource("shutil", source) }
