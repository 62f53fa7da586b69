// Package collections is Python's collections module: deque in Go, the
// dict and tuple based classes (Counter, OrderedDict, defaultdict,
// namedtuple, ChainMap, UserDict, UserList, UserString) in aio source
// over Go helpers for their hot paths.
package collections

// This file registers the module and builds its Go part.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed collections.aio
var source []byte

func init() {
	runtime.RegisterStdModule("collections", load)
	runtime.RegisterStdSource("collections", source)
}

// load builds the Go part of the module; the source adds the rest.
func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("collections")
	m.Set("deque", runtime.Obj(newDequeType()))
	m.Set("_count_elements", runtime.NewBuiltin("_count_elements", countElements))
	m.Set("_tuplegetter", runtime.NewBuiltin("_tuplegetter", newTupleGetter))
	m.Set("_namedtuple_new", runtime.NewBuiltin("_namedtuple_new", newNTNew))
	return m
}
