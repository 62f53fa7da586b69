package interp

// This file finds where to put the `^` of a traceback line when the
// failing expression is a binary operation or a subscript: CPython 3.11
// draws the operands with `~` and the operator (or the brackets) with
// `^`, as in
//
//	    return a / b
//	           ~~^~~
//
// The segment under the carets is parsed again as an expression; any
// other kind of expression, or a segment that does not parse alone, gets
// the plain run of `^`.

import (
	"unicode"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/parser"
)

// caretAnchors returns, in characters from the start of segment, where
// the `^` part begins and ends; ok is false when segment has none.
func caretAnchors(segment []rune) (lo, hi int, ok bool) {
	e, err := parser.ParseExpr("<segment>", []byte(string(segment)))
	if err != nil {
		return 0, 0, false
	}
	// A position inside the segment: the parser saw it as line 1.
	at := func(p ast.Pos) (int, bool) { return p.Col, p.Line == 1 && p.Col <= len(segment) }
	switch x := e.(type) {
	case *ast.BinOp:
		leftEnd, ok1 := at(x.Left.NodeSpan().End)
		rightStart, ok2 := at(x.Right.NodeSpan().Start)
		if !ok1 || !ok2 || rightStart < leftEnd {
			return 0, 0, false
		}
		// The operator is the first non-blank text after the left
		// operand; it is two characters wide when the one after its
		// first is not blank (**, //, <<, >>).
		lo = leftEnd
		for lo < rightStart && unicode.IsSpace(segment[lo]) {
			lo++
		}
		hi = lo + 1
		if lo+1 < rightStart && !unicode.IsSpace(segment[lo+1]) {
			hi++
		}
		// A parenthesized left operand ends before its `)`: both marks
		// move past closing parentheses, blanks and comments, which
		// keeps the operator's width found above (CPython does the same,
		// so `(a) ** b` marks one `*`).
		for lo < len(segment) && (unicode.IsSpace(segment[lo]) || segment[lo] == ')' || segment[lo] == '#') {
			lo++
			hi++
		}
		return lo, min(hi, len(segment)), true
	case *ast.Subscript:
		valueEnd, ok1 := at(x.Value.NodeSpan().End)
		indexEnd, ok2 := at(x.Index.NodeSpan().End)
		if !ok1 || !ok2 {
			return 0, 0, false
		}
		// From the opening bracket through the closing one.
		lo, hi = valueEnd, indexEnd+1
		for lo < len(segment) && segment[lo] != '[' {
			lo++
		}
		for hi < len(segment) && segment[hi] != ']' {
			hi++
		}
		if hi < len(segment) {
			hi++
		}
		return lo, hi, true
	}
	return 0, 0, false
}
