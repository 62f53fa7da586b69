// Package fnmatch is aio's fnmatch module: shell-style wildcard matching,
// written in aio source (fnmatch.aio) over the re module.
package fnmatch

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed fnmatch.aio
var source []byte

func init() { runtime.RegisterStdSource("fnmatch", source) }
