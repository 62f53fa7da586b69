package parser

// This file checks assignment and deletion targets the way CPython's
// parser does (_PyPegen_get_invalid_target) and names expressions in
// error messages (_PyPegen_get_expr_name).

import "github.com/aio-lang/aio/ast"

type targetKind int

const (
	starTargets targetKind = iota // assignment, with-item targets
	forTargets                    // for loops and comprehensions
	delTargets                    // del statements
)

// invalidTarget returns the first sub-expression of e that cannot be
// assigned to (or deleted), or nil if e is a valid target.
func invalidTarget(e ast.Expr, kind targetKind) ast.Expr {
	switch x := e.(type) {
	case *ast.List:
		for _, el := range x.Elts {
			if bad := invalidTarget(el, kind); bad != nil {
				return bad
			}
		}
		return nil
	case *ast.Tuple:
		for _, el := range x.Elts {
			if bad := invalidTarget(el, kind); bad != nil {
				return bad
			}
		}
		return nil
	case *ast.Starred:
		if kind == delTargets {
			return e
		}
		return invalidTarget(x.Value, kind)
	case *ast.Compare:
		// "for a in b" may reach here as a comparison when the target
		// list is parsed as an expression.
		if kind == forTargets {
			if x.Ops[0] == ast.In {
				return invalidTarget(x.Left, kind)
			}
			return nil
		}
		return e
	case *ast.Name, *ast.Subscript, *ast.Attribute:
		return nil
	}
	return e
}

// exprName describes e in CPython's error messages ("function call",
// "literal", ...).
func exprName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Attribute:
		return "attribute"
	case *ast.Subscript:
		return "subscript"
	case *ast.Starred:
		return "starred"
	case *ast.Name:
		return "name"
	case *ast.List:
		return "list"
	case *ast.Tuple:
		return "tuple"
	case *ast.Lambda:
		return "lambda"
	case *ast.Call:
		return "function call"
	case *ast.BoolOp, *ast.BinOp, *ast.UnaryOp:
		return "expression"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Yield, *ast.YieldFrom:
		return "yield expression"
	case *ast.Await:
		return "await expression"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	case *ast.Dict:
		return "dict literal"
	case *ast.Set:
		return "set display"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string expression"
	case *ast.Constant:
		switch x.Kind {
		case ast.ConstNone:
			return "None"
		case ast.ConstTrue:
			return "True"
		case ast.ConstFalse:
			return "False"
		case ast.ConstEllipsis:
			return "ellipsis"
		}
		return "literal"
	case *ast.Compare:
		return "comparison"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.NamedExpr:
		return "named expression"
	}
	return "expression"
}
