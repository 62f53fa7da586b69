package interp

// This file holds FuzzCompile: the parser, resolver and compiler on
// arbitrary bytes must return a program or a Python error, never panic
// (a Go stack overflow kills the fuzzing process: go test reports it as
// a crash, with the input).

import (
	"bytes"
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
//
// So that the mutator can reach deep and long sources, the input is
// expanded first: split at its NUL bytes, its odd-numbered parts are
// repeated times mod 2**20 times ("x = \x00(\x001\x00)\x00" with
// times 5000 is 5000 nested parentheses). An input without NUL is
// compiled as it is.
func FuzzCompile(f *testing.F) {
	for _, dir := range []string{"../tests/core", "../tests/async", "../examples"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.aio"))
		for i, p := range files {
			if i%3 != 0 {
				continue
			}
			if src, err := os.ReadFile(p); err == nil {
				f.Add(src, uint32(1))
			}
		}
	}
	for _, src := range compileSeeds {
		f.Add([]byte(src), uint32(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, times uint32) {
		src := expandRepeats(data, int(times%(1<<20)))
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

// maxExpanded bounds the size of an expanded source (8 MiB).
const maxExpanded = 8 << 20

// expandRepeats splits data at its NUL bytes and repeats the odd-numbered
// parts times times, up to maxExpanded bytes in all.
func expandRepeats(data []byte, times int) []byte {
	parts := bytes.Split(data, []byte{0})
	if len(parts) == 1 {
		return data
	}
	var out []byte
	for i, p := range parts {
		if i%2 == 0 {
			out = append(out, p...)
			continue
		}
		if len(p) > 0 {
			n := min(times, (maxExpanded-len(out))/len(p))
			out = append(out, bytes.Repeat(p, max(n, 0))...)
		}
	}
	return out
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
	// Expanded by times: nesting, chains and long lists.
	"x = \x00(\x001\x00)\x00\n",
	"x = \x00[\x00\x00]\x00\n",
	"x = \x00{1: \x001\x00}\x00\n",
	"def f():\n    return f\nx = f\x00()\x00\n",
	"a = 1\nx = a\x00.b\x00\n",
	"x = \x001+\x001\n",
	"x = \x00not \x001\n",
	"x = \x00-\x001\n",
	"f = \x00lambda: \x001\n",
	"x = \x001 if 1 else \x001\n",
	"x = \x00x = \x001\n",
	"x = [\x001,\x00]\n",
	"x = {\x001: 1,\x00}\n",
	"print(\x001,\x00)\n",
	"\x00x = 1\n\x00",
	"if 0:\n    pass\n\x00elif 0:\n    pass\n\x00",
	"x = \x00abs(\x001\x00)\x00\n",
	"x = \x00[y for y in \x00[1]\x00]\x00\n",
	"match [1]:\n    case \x00[\x00_\x00]\x00:\n        pass\n",
}
