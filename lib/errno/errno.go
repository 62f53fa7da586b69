// Package errno is aio's errno module: the symbolic errno names of this
// platform and errorcode, the map back from numbers to names.
package errno

// This file registers and builds the module.

import "github.com/aio-lang/aio/runtime"

func init() { runtime.RegisterStdModule("errno", load) }

// load builds the errno module from runtime.Errnos.
func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("errno")
	codes := runtime.NewDict()
	for _, e := range runtime.Errnos {
		m.Set(e.Name, runtime.Int(int64(e.Code)))
		k := runtime.Int(int64(e.Code))
		if _, ok, _ := codes.Get(th, k); !ok {
			codes.SetItem(th, k, runtime.Str(e.Name))
		}
	}
	m.Set("errorcode", runtime.Obj(codes))
	return m
}
