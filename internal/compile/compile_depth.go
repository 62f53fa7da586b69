package compile

// This file bounds how deeply a syntax tree may nest before the recursive
// passes (resolver, compiler, the ast printer) walk it.

import (
	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/parser"
)

// maxCompileDepth is how deeply statements and expressions may nest.
// CPython's compiler allows three levels per unit of the recursion limit,
// 3000 at the default limit of 1000, and raises RecursionError beyond; aio
// uses that figure whatever the interpreter's MaxDepth, since compiling
// happens before any interpreter is involved. Left-nested chains the
// parser builds with loops ("f()()()...", "a.b.b...", "1+1+...") reach
// it. The deepest accepted trees need under 2 MiB of Go stack in the
// resolver and compiler (measured by TestCompileStackPerLevelIsSmall),
// far below Go's 1 GB limit.
const maxCompileDepth = 3000

// checkNesting refuses a tree that nests deeper than maxCompileDepth with
// CPython's RecursionError (reported like a syntax error, without a
// location).
func checkNesting(filename string, src []byte, n ast.Node) error {
	// Every level of a tree takes at least one character of source, but
	// for a few wrapper nodes (a statement and its expression, an
	// f-string and its field), so a short source needs no walk (Eval and
	// REPL inputs are short).
	if len(src) <= maxCompileDepth/2 || !ast.DeeperThan(n, maxCompileDepth) {
		return nil
	}
	return &parser.SyntaxError{Kind: "RecursionError", Msg: "maximum recursion depth exceeded during compilation", Filename: filename}
}
