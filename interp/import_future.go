package interp

// This file provides the __future__ module, so that the common
// `from __future__ import annotations` works. aio's compiler needs no
// directive for any of CPython 3.11's features (annotations are never
// evaluated), so the module only names them. It is importable whatever
// Options.AllowedModules says, being part of the language rather than a
// library.

import "github.com/aio-lang/aio/runtime"

// futureFeatures are CPython 3.11's feature names with the versions in
// which each became optional and mandatory (None: not yet).
var futureFeatures = []struct {
	name                string
	optional, mandatory [3]int64
}{
	{"nested_scopes", [3]int64{2, 1, 0}, [3]int64{2, 2, 0}},
	{"generators", [3]int64{2, 2, 0}, [3]int64{2, 3, 0}},
	{"division", [3]int64{2, 2, 0}, [3]int64{3, 0, 0}},
	{"absolute_import", [3]int64{2, 5, 0}, [3]int64{3, 0, 0}},
	{"with_statement", [3]int64{2, 5, 0}, [3]int64{2, 6, 0}},
	{"print_function", [3]int64{2, 6, 0}, [3]int64{3, 0, 0}},
	{"unicode_literals", [3]int64{2, 6, 0}, [3]int64{3, 0, 0}},
	{"barry_as_FLUFL", [3]int64{3, 1, 0}, [3]int64{4, 0, 0}},
	{"generator_stop", [3]int64{3, 5, 0}, [3]int64{3, 7, 0}},
	{"annotations", [3]int64{3, 7, 0}, [3]int64{}},
}

// futureModule builds the __future__ module: each feature is the pair of
// its optional and mandatory release, as (major, minor, micro) tuples.
func futureModule() *runtime.Module {
	m := runtime.NewModule("__future__")
	m.Set("__name__", runtime.Str("__future__"))
	m.Set("__doc__", runtime.None)
	names := make([]runtime.Value, len(futureFeatures))
	version := func(v [3]int64) runtime.Value {
		if v == [3]int64{} {
			return runtime.None
		}
		return runtime.TupleOf(runtime.Int(v[0]), runtime.Int(v[1]), runtime.Int(v[2]))
	}
	for i, f := range futureFeatures {
		names[i] = runtime.Str(f.name)
		m.Set(f.name, runtime.TupleOf(version(f.optional), version(f.mandatory)))
	}
	m.Set("all_feature_names", runtime.NewList(names))
	return m
}
