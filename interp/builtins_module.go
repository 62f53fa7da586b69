package interp

// This file makes the built-in namespace importable as the builtins
// module (import builtins; builtins.print, builtins.len, ...), which
// scripts use to reach a built-in they shadow.

import (
	"sort"

	"github.com/aio-lang/aio/runtime"
)

// loadBuiltinsModule builds the builtins module from the interpreter's
// built-ins at first import. It is a copy: assigning builtins.x does not
// add a built-in name.
func (in *Interp) loadBuiltinsModule(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("builtins")
	m.Set("__name__", runtime.Str("builtins"))
	m.Set("__doc__", runtime.None)
	names := make([]string, 0, len(in.builtins))
	for k := range in.builtins {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		m.Set(k, in.builtins[k])
	}
	return m
}
