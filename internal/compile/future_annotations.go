package compile

// This file implements postponed evaluation of annotations (PEP 563,
// `from __future__ import annotations`): a class body then records each
// annotation as its source text instead of its value, so that it may
// name classes defined later (dataclasses and typing read them back);
// function annotations likewise.

import "github.com/aio-lang/aio/ast"

// postponesAnnotations reports whether the module's leading future
// imports (after an optional docstring) include annotations.
func postponesAnnotations(mod *ast.Module) bool {
	for i, s := range mod.Body {
		switch s := s.(type) {
		case *ast.ExprStmt:
			if c, ok := s.Value.(*ast.Constant); i == 0 && ok && c.Kind == ast.ConstStr {
				continue
			}
		case *ast.ImportFrom:
			if s.Module == "__future__" && s.Level == 0 {
				for _, a := range s.Names {
					if a.Name == "annotations" {
						return true
					}
				}
				continue
			}
		}
		return false
	}
	return false
}

// annotation compiles an annotation: its value, or its source text when
// the module postpones annotations.
func (c *compiler) annotation(e ast.Expr) {
	if c.postponed {
		c.emitConst(Const{Kind: ConstStr, Str: ast.ExprString(e)})
		return
	}
	c.expr(e)
}
