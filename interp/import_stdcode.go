package interp

// This file keeps the compiled code of the standard modules written in
// aio source, once per process: code is immutable, so every interpreter
// that imports json or typing runs the same Code instead of parsing and
// compiling the module's source again.

import (
	"sync"

	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

// stdCode maps a standard module's name to its compiled source.
var stdCode sync.Map // string → *compile.Code

// compileModuleSource compiles the source of the module name, from the
// process-wide cache when src is the registered source of a standard
// module.
func compileModuleSource(name, filename string, src []byte) (*compile.Code, error) {
	std := runtime.StdSource(name)
	if len(src) == 0 || len(std) != len(src) || &std[0] != &src[0] {
		return compile.File(filename, src)
	}
	if c, ok := stdCode.Load(name); ok {
		return c.(*compile.Code), nil
	}
	code, err := compileStd(name, filename, src)
	if err != nil {
		return nil, err
	}
	c, _ := stdCode.LoadOrStore(name, code)
	return c.(*compile.Code), nil
}
