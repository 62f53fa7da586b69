package compile

// This file holds the compiler's entry points for source text: a module,
// and a single expression (for Interp.Eval).

import (
	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/parser"
)

// File parses and compiles a module. Errors are *parser.SyntaxError.
func File(filename string, src []byte) (*Code, error) {
	mod, err := parser.Parse(filename, src)
	if err != nil {
		return nil, err
	}
	return Module(filename, src, mod, Options{})
}

// Expr compiles the expression src as the body of a module that
// returns its value (a module that awaits when the expression does).
// Errors are *parser.SyntaxError.
func Expr(filename string, src []byte) (*Code, error) {
	e, err := parser.ParseExpr(filename, src)
	if err != nil {
		return nil, err
	}
	if err := checkNesting(filename, src, e); err != nil {
		return nil, err
	}
	stmt := &ast.ExprStmt{Span: e.NodeSpan(), Value: e}
	mod := &ast.Module{Span: e.NodeSpan(), Filename: filename, Body: []ast.Stmt{stmt}}
	scopes, top, err := resolveModule(filename, src, mod)
	if err != nil {
		return nil, err
	}
	c := &compiler{filename: filename, src: src, scopes: scopes}
	c.enter(top, "<module>", "<module>", 1)
	c.u.code.Flags |= FlagModule
	if top.hasAwait {
		c.u.code.Flags |= FlagTopLevelAwait
	}
	prev := c.setSpan(stmt)
	c.expr(e)
	c.emit(RETURN_VALUE, 0)
	c.u.span = prev
	code := c.leave()
	if c.err != nil {
		return nil, c.err
	}
	return code, nil
}
