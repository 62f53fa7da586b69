// Package platform is aio's platform module, written in aio source (platform.aio).
package platform

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed platform.aio
var source []byte

func init() { runtime.RegisterStdSource("platform", source) }
