package parser

// This file holds the one check on except* clauses that their parse
// cannot make alone: a try statement's handlers are all except clauses or
// all except* clauses.

import (
	"github.com/alecthomas/participle/v2/lexer"
)

// mixedExceptKinds raises CPython's error for a handler whose kind differs
// from the first handler's: kw is its 'except' keyword and star its '*'
// (nil for a plain except). CPython marks "except*" from the keyword to
// the star, and a plain "except" by its keyword alone.
func mixedExceptKinds(kw, star *lexer.Token) {
	end := tokEnd(kw)
	if star != nil {
		end = tokEnd(star)
	}
	start := tokStart(kw)
	panic(at(kw, &SyntaxError{
		Kind: "SyntaxError", Msg: "cannot have both 'except' and 'except*' on the same 'try'",
		Line: start.Line, Col: start.Col + 1, EndLine: end.Line, EndCol: end.Col + 1,
	}))
}
