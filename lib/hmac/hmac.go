// Package hmac is aio's hmac module, written in aio source (hmac.aio).
package hmac

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed hmac.aio
var source []byte

func init() { runtime.RegisterStdSource("hmac", source) }
