// Package typing is Python's typing module, written in aio source
// (typing.aio): the special forms, generic aliases, TypeVar and its
// relatives, Generic, Protocol, NamedTuple, TypedDict and the helpers.
// Built-in generics (list[int]) and X | Y unions are the runtime's
// (runtime/generic.go).
package typing

// This file registers the module's source.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed typing.aio
var source []byte

func init() { runtime.RegisterStdSource("typing", source) }
