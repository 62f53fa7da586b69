// Package ast defines the syntax tree of aio programs.
//
// The node set mirrors CPython's ast module (Module, FunctionDef, BinOp,
// Compare, ...) so that anyone who knows Python's grammar can read it.
// Every node records the position of its first character and the position
// just past its last character; tracebacks use both to draw carets.
//
// This package depends on nothing: the parser builds these nodes and the
// interpreter's resolver keeps its binding information in side tables.
package ast

import "fmt"

// Pos is a position in a source file. Line is 1-based; Col is the 0-based
// offset in Unicode code points from the start of the line (CPython counts
// UTF-8 bytes; aio counts characters, which is the same for ASCII).
type Pos struct {
	Line int
	Col  int
}

// String formats the position as "line:col" with a 1-based column.
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col+1) }

// IsValid reports whether the position has been set.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Span is the source range of a node: Start is its first character, End
// the position just past its last character.
type Span struct {
	Start Pos
	End   Pos
}

// NodeSpan returns the span itself; embedding Span gives every node the
// Node interface. (The method cannot be called Span: the embedded field
// of that name would hide it.)
func (s Span) NodeSpan() Span { return s }

// Node is implemented by every syntax tree node.
type Node interface {
	NodeSpan() Span
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Module is a whole source file or REPL input.
type Module struct {
	Span
	Filename string
	Body     []Stmt
}
