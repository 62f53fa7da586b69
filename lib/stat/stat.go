// Package stat is aio's stat module: the file-type and permission bits
// of os.stat's st_mode and the tests on them, written in aio source.
package stat

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed stat.aio
var source []byte

func init() { runtime.RegisterStdSource("stat", source) }
