package ast

import "fmt"

// This file implements a go/ast style traversal of the syntax tree.

// A Visitor's Visit method is invoked for each node encountered by Walk.
// If the result visitor w is not nil, Walk visits each of the children of
// the node with w, followed by a call of w.Visit(nil).
type Visitor interface {
	Visit(n Node) (w Visitor)
}

// Walk traverses a syntax tree in depth-first order: it calls v.Visit(n);
// if the visitor it returns is not nil, Walk visits each non-nil child of
// n with that visitor, in source order, and then calls its Visit(nil).
//
// Walk(v, nil) does nothing, so callers need not test optional children.
//
// Source order means the order in which the children's text appears, so
// an IfExp visits Body before Test, a FunctionDef visits its decorators
// first, and each parameter is followed by its default value.
func Walk(v Visitor, n Node) {
	if n == nil {
		return
	}
	if v = v.Visit(n); v == nil {
		return
	}
	switch n := n.(type) {
	case *Module:
		walkStmts(v, n.Body)

	// Statements.
	case *ExprStmt:
		walkExpr(v, n.Value)
	case *Assign:
		walkExprs(v, n.Targets)
		walkExpr(v, n.Value)
	case *AugAssign:
		walkExpr(v, n.Target)
		walkExpr(v, n.Value)
	case *AnnAssign:
		walkExpr(v, n.Target)
		walkExpr(v, n.Annotation)
		walkExpr(v, n.Value)
	case *FunctionDef:
		walkExprs(v, n.Decorators)
		if n.Args != nil {
			Walk(v, n.Args)
		}
		walkExpr(v, n.Returns)
		walkStmts(v, n.Body)
	case *ClassDef:
		walkExprs(v, n.Decorators)
		walkExprs(v, n.Bases)
		walkKeywords(v, n.Keywords)
		walkStmts(v, n.Body)
	case *Return:
		walkExpr(v, n.Value)
	case *Delete:
		walkExprs(v, n.Targets)
	case *If:
		walkExpr(v, n.Test)
		walkStmts(v, n.Body)
		walkStmts(v, n.OrElse)
	case *While:
		walkExpr(v, n.Test)
		walkStmts(v, n.Body)
		walkStmts(v, n.OrElse)
	case *For:
		walkExpr(v, n.Target)
		walkExpr(v, n.Iter)
		walkStmts(v, n.Body)
		walkStmts(v, n.OrElse)
	case *With:
		for _, item := range n.Items {
			if item != nil {
				Walk(v, item)
			}
		}
		walkStmts(v, n.Body)
	case *Raise:
		walkExpr(v, n.Exc)
		walkExpr(v, n.Cause)
	case *Try:
		walkStmts(v, n.Body)
		for _, h := range n.Handlers {
			if h != nil {
				Walk(v, h)
			}
		}
		walkStmts(v, n.OrElse)
		walkStmts(v, n.Finalbody)
	case *Assert:
		walkExpr(v, n.Test)
		walkExpr(v, n.Msg)
	case *Import:
		walkAliases(v, n.Names)
	case *ImportFrom:
		walkAliases(v, n.Names)
	case *Global, *Nonlocal, *Pass, *Break, *Continue:
		// No children.
	case *Match, *MatchCase, *MatchValue, *MatchSingleton, *MatchSequence,
		*MatchMapping, *MatchClass, *MatchStar, *MatchAs, *MatchOr:
		walkMatch(v, n)

	// Statement parts.
	case *Arguments:
		walkArguments(v, n)
	case *Arg:
		walkExpr(v, n.Annotation)
	case *WithItem:
		walkExpr(v, n.ContextExpr)
		walkExpr(v, n.OptionalVars)
	case *ExceptHandler:
		walkExpr(v, n.Type)
		walkStmts(v, n.Body)
	case *Alias:
		// No children.

	// Expressions.
	case *Constant, *Name:
		// No children.
	case *JoinedStr:
		walkExprs(v, n.Values)
	case *FormattedValue:
		walkExpr(v, n.Value)
		if n.FormatSpec != nil {
			Walk(v, n.FormatSpec)
		}
	case *BinOp:
		walkExpr(v, n.Left)
		walkExpr(v, n.Right)
	case *UnaryOp:
		walkExpr(v, n.Operand)
	case *BoolOp:
		walkExprs(v, n.Values)
	case *Compare:
		walkExpr(v, n.Left)
		walkExprs(v, n.Comparators)
	case *Call:
		walkExpr(v, n.Func)
		walkExprs(v, n.Args)
		walkKeywords(v, n.Keywords)
	case *Keyword:
		walkExpr(v, n.Value)
	case *Attribute:
		walkExpr(v, n.Value)
	case *Subscript:
		walkExpr(v, n.Value)
		walkExpr(v, n.Index)
	case *Slice:
		walkExpr(v, n.Lower)
		walkExpr(v, n.Upper)
		walkExpr(v, n.Step)
	case *Starred:
		walkExpr(v, n.Value)
	case *Tuple:
		walkExprs(v, n.Elts)
	case *List:
		walkExprs(v, n.Elts)
	case *Set:
		walkExprs(v, n.Elts)
	case *Dict:
		// Keys and values interleave in the source; a nil key is `**value`.
		for i, val := range n.Values {
			if i < len(n.Keys) {
				walkExpr(v, n.Keys[i])
			}
			walkExpr(v, val)
		}
	case *ListComp:
		walkExpr(v, n.Elt)
		walkComprehensions(v, n.Generators)
	case *SetComp:
		walkExpr(v, n.Elt)
		walkComprehensions(v, n.Generators)
	case *GeneratorExp:
		walkExpr(v, n.Elt)
		walkComprehensions(v, n.Generators)
	case *DictComp:
		walkExpr(v, n.Key)
		walkExpr(v, n.Value)
		walkComprehensions(v, n.Generators)
	case *Comprehension:
		walkExpr(v, n.Target)
		walkExpr(v, n.Iter)
		walkExprs(v, n.Ifs)
	case *IfExp:
		walkExpr(v, n.Body)
		walkExpr(v, n.Test)
		walkExpr(v, n.OrElse)
	case *Lambda:
		if n.Args != nil {
			Walk(v, n.Args)
		}
		walkExpr(v, n.Body)
	case *Await:
		walkExpr(v, n.Value)
	case *Yield:
		walkExpr(v, n.Value)
	case *YieldFrom:
		walkExpr(v, n.Value)
	case *NamedExpr:
		if n.Target != nil {
			Walk(v, n.Target)
		}
		walkExpr(v, n.Value)

	default:
		panic(fmt.Sprintf("ast.Walk: unexpected node type %T", n))
	}
	v.Visit(nil)
}

// walkArguments visits parameters in source order, each followed by its
// default. Defaults belong to the last len(Defaults) positional parameters.
func walkArguments(v Visitor, a *Arguments) {
	npos := len(a.PosOnly) + len(a.Args)
	firstDefault := npos - len(a.Defaults)
	for i := 0; i < npos; i++ {
		var arg *Arg
		if i < len(a.PosOnly) {
			arg = a.PosOnly[i]
		} else {
			arg = a.Args[i-len(a.PosOnly)]
		}
		if arg != nil {
			Walk(v, arg)
		}
		if i >= firstDefault {
			walkExpr(v, a.Defaults[i-firstDefault])
		}
	}
	if a.Vararg != nil {
		Walk(v, a.Vararg)
	}
	for i, arg := range a.KwOnly {
		if arg != nil {
			Walk(v, arg)
		}
		if i < len(a.KwDefaults) {
			walkExpr(v, a.KwDefaults[i])
		}
	}
	if a.Kwarg != nil {
		Walk(v, a.Kwarg)
	}
}

// walkExpr visits e unless it is absent. The check matters because an
// optional child stored in an interface field is a nil interface, which
// Walk would otherwise hand to the visitor.
func walkExpr(v Visitor, e Expr) {
	if e != nil {
		Walk(v, e)
	}
}

func walkExprs(v Visitor, list []Expr) {
	for _, e := range list {
		walkExpr(v, e)
	}
}

func walkStmts(v Visitor, list []Stmt) {
	for _, s := range list {
		if s != nil {
			Walk(v, s)
		}
	}
}

// The typed walkers below exist because a nil *Keyword (say) converted to
// Node is a non-nil interface; they test the pointer before converting.

func walkKeywords(v Visitor, list []*Keyword) {
	for _, k := range list {
		if k != nil {
			Walk(v, k)
		}
	}
}

func walkAliases(v Visitor, list []*Alias) {
	for _, a := range list {
		if a != nil {
			Walk(v, a)
		}
	}
}

func walkComprehensions(v Visitor, list []*Comprehension) {
	for _, c := range list {
		if c != nil {
			Walk(v, c)
		}
	}
}

// inspector adapts a plain function to the Visitor interface for Inspect.
type inspector func(Node) bool

// Visit calls the function and keeps descending while it returns true.
func (f inspector) Visit(n Node) Visitor {
	if f(n) {
		return f
	}
	return nil
}

// Inspect traverses a syntax tree in depth-first, source order: it starts
// by calling f(n) (a nil n is a no-op, as for Walk). If f returns true, Inspect invokes f
// recursively for each of the non-nil children of n, followed by a call
// of f(nil).
func Inspect(n Node, f func(Node) bool) {
	Walk(inspector(f), n)
}
