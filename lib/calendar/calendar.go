// Package calendar registers the calendar module, written in aio source
// (calendar.aio): month layouts and text calendars over the datetime module.
package calendar

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed calendar.aio
var source []byte

func init() { runtime.RegisterStdSource("calendar", source) }
