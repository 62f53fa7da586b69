package interp

// This file provides the __future__ module, so that the common
// `from __future__ import annotations` works. aio's compiler needs no
// directive for any of CPython 3.11's features (annotations are never
// evaluated), so the module only names them. It is importable whatever
// Options.AllowedModules says, being part of the language rather than a
// library.

import (
	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

// futureModule builds the __future__ module: each feature is the pair of
// its optional and mandatory release, as (major, minor, micro) tuples.
func futureModule() *runtime.Module {
	m := runtime.NewModule("__future__")
	m.Set("__name__", runtime.Str("__future__"))
	m.Set("__doc__", runtime.None)
	names := make([]runtime.Value, len(compile.FutureFeatures))
	version := func(v [3]int64) runtime.Value {
		if v == [3]int64{} {
			return runtime.None
		}
		return runtime.TupleOf(runtime.Int(v[0]), runtime.Int(v[1]), runtime.Int(v[2]))
	}
	for i, f := range compile.FutureFeatures {
		names[i] = runtime.Str(f.Name)
		m.Set(f.Name, runtime.TupleOf(version(f.Optional), version(f.Mandatory)))
	}
	m.Set("all_feature_names", runtime.NewList(names))
	return m
}
