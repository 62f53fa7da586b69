// Package collectionsabc is Python's collections.abc module, written in
// aio source (abc.aio): the container ABCs, their structural checks and
// mixin methods.
package collectionsabc

// This file registers the module's source under its dotted name.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed abc.aio
var source []byte

func init() { runtime.RegisterStdSource("collections.abc", source) }
