// Package datetime registers the datetime module, written in aio source
// (datetime.aio) over the time module: its clock (so that now() and
// today() follow the interpreter's virtual clock), its broken-down times
// and its strftime/strptime.
package datetime

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed datetime.aio
var source []byte

func init() {
	runtime.RegisterStdModule("datetime", load)
	runtime.RegisterStdSource("datetime", source)
}
