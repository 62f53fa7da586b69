// Package csv is aio's csv module: the API in aio source (csv.aio); the
// reader objects, the reader's state machine and the writer's quoting in
// Go (reader.go, parse.go).
package csv

// This file registers the module and builds its Go part.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed csv.aio
var source []byte

func init() {
	runtime.RegisterStdModule("csv", load)
	runtime.RegisterStdSource("csv", source)
}

// load builds the Go part of the csv module.
func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("csv")
	m.Set("_make_reader", runtime.NewBuiltin("_make_reader", makeReader(m)))
	m.Set("_join_row", runtime.NewBuiltin("_join_row", joinRow))
	return m
}
