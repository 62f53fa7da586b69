package interp

// This file compiles a def statement's annotations into the function's
// __annotations__ dict.

import (
	"strings"

	"github.com/aio-lang/aio/ast"
)

// functionAnnotations emits, with the new function on the stack, the
// building of its __annotations__ from the parameters' and the return
// annotations (in CPython's order), when there are any.
func (c *compiler) functionAnnotations(s *ast.FunctionDef) {
	var names []string
	var exprs []ast.Expr
	add := func(a *ast.Arg) {
		if a != nil && a.Annotation != nil {
			names = append(names, a.Name)
			exprs = append(exprs, a.Annotation)
		}
	}
	args := s.Args
	for _, a := range args.PosOnly {
		add(a)
	}
	for _, a := range args.Args {
		add(a)
	}
	add(args.Vararg)
	for _, a := range args.KwOnly {
		add(a)
	}
	add(args.Kwarg)
	if s.Returns != nil {
		names = append(names, "return")
		exprs = append(exprs, s.Returns)
	}
	if len(names) == 0 {
		return
	}
	c.emit(BUILD_MAP, 0) // [fn, d]
	for i, e := range exprs {
		c.annotation(e) // [fn, d, v]
		c.emit(COPY, 2) // [fn, d, v, d]
		c.emitConst(Const{Kind: ConstStr, Str: names[i]})
		c.emit(STORE_SUBSCR, 0) // d[name] = v
	}
	c.emit(COPY, 2) // [fn, d, fn]
	c.emit(STORE_ATTR, c.name("__annotations__"))
}

// annotation emits the value of an annotation: the expression, or under
// `from __future__ import annotations` its source text.
func (c *compiler) annotation(e ast.Expr) {
	if !c.futureAnnotations {
		c.expr(e)
		return
	}
	c.emitConst(Const{Kind: ConstStr, Str: sourceOf(c.src, e.NodeSpan())})
}

// futureImports checks the module's `from __future__ import` statements
// as CPython's compiler does (they must open the module, after its
// docstring, and name known features) and notes the annotations one.
func (c *compiler) futureImports(body []ast.Stmt) {
	atStart := true
	for i, st := range body {
		s, isFrom := st.(*ast.ImportFrom)
		if !isFrom || s.Module != "__future__" || s.Level != 0 {
			if e, isExpr := st.(*ast.ExprStmt); isExpr && i == 0 {
				if k, isConst := e.Value.(*ast.Constant); isConst && k.Kind == ast.ConstStr {
					continue // the docstring
				}
			}
			atStart = false
			continue
		}
		if !atStart {
			c.errorf(s, "from __future__ imports must occur at the beginning of the file")
			return
		}
		for _, a := range s.Names {
			switch {
			case a.Name == "braces":
				c.errorf(a, "not a chance")
				return
			case a.Name == "annotations":
				c.futureAnnotations = true
			case !isFutureFeature(a.Name):
				c.errorf(a, "future feature "+a.Name+" is not defined")
				return
			}
		}
	}
}

// isFutureFeature reports whether __future__ defines name.
func isFutureFeature(name string) bool {
	for _, f := range futureFeatures {
		if f.name == name {
			return true
		}
	}
	return false
}

// sourceOf returns the text of span in src (lines are 1-based, columns
// 0-based byte offsets), with line breaks inside it turned to spaces.
func sourceOf(src []byte, sp ast.Span) string {
	lines := strings.Split(string(src), "\n")
	if sp.Start.Line < 1 || sp.End.Line > len(lines) || sp.End.Line < sp.Start.Line {
		return ""
	}
	if sp.Start.Line == sp.End.Line {
		l := lines[sp.Start.Line-1]
		return l[min(sp.Start.Col, len(l)):min(sp.End.Col, len(l))]
	}
	parts := []string{lines[sp.Start.Line-1][min(sp.Start.Col, len(lines[sp.Start.Line-1])):]}
	for ln := sp.Start.Line + 1; ln < sp.End.Line; ln++ {
		parts = append(parts, strings.TrimSpace(lines[ln-1]))
	}
	last := lines[sp.End.Line-1]
	parts = append(parts, strings.TrimSpace(last[:min(sp.End.Col, len(last))]))
	return strings.Join(parts, " ")
}
