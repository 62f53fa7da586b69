package interp

// This file holds FuzzCompile: the parser, resolver and compiler on
// arbitrary bytes must return a program or a Python error, never panic
// (a Go stack overflow kills the fuzzing process: go test reports it as
// a crash, with the input).

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aio-lang/aio/parser"
)

// FuzzCompile compiles arbitrary bytes with CompileProgram. The only
// errors allowed are a *parser.SyntaxError (whose rendering must not
// panic either) and the Python errors CPython's compiler raises on
// sources too deep or too large (RecursionError, MemoryError).
func FuzzCompile(f *testing.F) {
	for _, dir := range []string{"../tests/core", "../tests/async", "../examples"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.aio"))
		for i, p := range files {
			if i%3 != 0 {
				continue
			}
			if src, err := os.ReadFile(p); err == nil {
				f.Add(src)
			}
		}
	}
	for _, src := range compileSeeds {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := CompileProgram("fuzz.aio", src)
		if err == nil {
			return
		}
		var se *parser.SyntaxError
		if errors.As(err, &se) {
			_ = se.Error()
			return
		}
		if !isCompileLimitError(err) {
			t.Fatalf("CompileProgram returned %T: %v", err, err)
		}
	})
}

// isCompileLimitError reports whether err is the RecursionError or
// MemoryError a compiler may raise on a source too deep or too large
// (an *Error, or any error rendered as that exception).
func isCompileLimitError(err error) bool {
	var e *Error
	if errors.As(err, &e) {
		return e.Type == "RecursionError" || e.Type == "MemoryError"
	}
	msg := err.Error()
	if i := strings.LastIndexByte(strings.TrimRight(msg, "\n"), '\n'); i >= 0 {
		msg = msg[i+1:]
	}
	return strings.HasPrefix(msg, "RecursionError") || strings.HasPrefix(msg, "MemoryError")
}

// compileSeeds are small sources of the shapes that stress the parser,
// resolver and compiler (nesting, chains, many items), for the mutator
// to grow.
var compileSeeds = []string{
	"x = ((((((((((1))))))))))\n",
	"x = [[[[[[[[[[]]]]]]]]]]\n",
	"x = {1: {1: {1: {1: {}}}}}\n",
	"def f():\n    return f\nx = f()()()()()()()()\n",
	"a = 1\nx = a.b.b.b.b.b.b.b.b\n",
	"x = 1+1+1+1+1+1+1+1+1+1+1+1\n",
	"x = not not not not not 1\n",
	"x = - - - - ~ ~ + + 1\n",
	"f = lambda: lambda: lambda: lambda: 1\n",
	"x = 1 if 1 else 1 if 1 else 1 if 1 else 1\n",
	"x = [1, 2, 3][0][0][0]\n",
	"if 1:\n if 1:\n  if 1:\n   if 1:\n    pass\n",
	"x = 1 < 2 < 3 < 4 < 5 < 6\n",
	"x = 1 or 2 or 3 and 4 and 5\n",
	"x = y = z = w = 1\n",
	"@a\n@b\n@c\ndef f(): pass\n",
	"x = f'{1:{2}}' f'{x!r:>{10}}'\n",
	"print(1, 2, 3, *[4], **{})\n",
	"x = 'a' 'b' 'c' 'd'\n",
	"class A:\n class B:\n  class C:\n   def f(self):\n    def g():\n     nonlocal x\n",
	"async def f():\n    async with a as b:\n        async for c in d:\n            await e\n",
	"match x:\n    case [1, [2, [3, {'k': (4, *r)}]]] | {'a': 1} if y:\n        pass\n",
	"try:\n    pass\nexcept* ValueError:\n    pass\n",
	"x = 99999999999999999999999999999999999999999999\n",
}
