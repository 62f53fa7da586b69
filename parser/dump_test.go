package parser

// A test-only dumper that renders an aio ast in the format
// testdata/regen.py gives CPython's ast, so that the two can be compared
// node by node, positions included.

import (
	"fmt"
	"math"
	"strings"

	"github.com/aio-lang/aio/ast"
)

type dumper struct {
	b strings.Builder
}

func dumpModule(m *ast.Module) string {
	d := &dumper{}
	d.line(0, "Module")
	d.stmts(1, "body", m.Body)
	return d.b.String()
}

func (d *dumper) line(indent int, s string) {
	d.b.WriteString(strings.Repeat("  ", indent))
	d.b.WriteString(s)
	d.b.WriteByte('\n')
}

func pyQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\' || r == '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r <= 0xffff:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func posOf(n ast.Node) string {
	s := n.NodeSpan()
	return fmt.Sprintf("@%d:%d-%d:%d", s.Start.Line, s.Start.Col, s.End.Line, s.End.Col)
}

func (d *dumper) scalar(indent int, field, v string) {
	d.line(indent, field+": "+v)
}

func (d *dumper) stmts(indent int, field string, l []ast.Stmt) {
	if len(l) == 0 {
		d.line(indent, field+": []")
		return
	}
	d.line(indent, field+":")
	for _, s := range l {
		d.stmt(indent+1, s)
	}
}

func (d *dumper) exprs(indent int, field string, l []ast.Expr, fs bool) {
	if len(l) == 0 {
		d.line(indent, field+": []")
		return
	}
	d.line(indent, field+":")
	for _, e := range l {
		if e == nil {
			d.line(indent+1, "None")
			continue
		}
		d.expr(indent+1, e, fs)
	}
}

func (d *dumper) optExpr(indent int, field string, e ast.Expr, fs bool) {
	if e == nil {
		d.scalar(indent, field, "None")
		return
	}
	d.line(indent, field+":")
	d.expr(indent+1, e, fs)
}

func optName(s string) string {
	if s == "" {
		return "None"
	}
	return pyQuote(s)
}

func (d *dumper) stmt(in int, s ast.Stmt) {
	p := posOf(s)
	switch x := s.(type) {
	case *ast.FunctionDef:
		name := "FunctionDef"
		if x.IsAsync {
			name = "AsyncFunctionDef"
		}
		d.line(in, name+p)
		d.scalar(in+1, "name", pyQuote(x.Name))
		d.line(in+1, "args:")
		d.arguments(in+2, x.Args)
		d.stmts(in+1, "body", x.Body)
		d.exprs(in+1, "decorator_list", x.Decorators, false)
		d.optExpr(in+1, "returns", x.Returns, false)
	case *ast.ClassDef:
		d.line(in, "ClassDef"+p)
		d.scalar(in+1, "name", pyQuote(x.Name))
		d.exprs(in+1, "bases", x.Bases, false)
		d.keywords(in+1, x.Keywords)
		d.stmts(in+1, "body", x.Body)
		d.exprs(in+1, "decorator_list", x.Decorators, false)
	case *ast.Return:
		d.line(in, "Return"+p)
		d.optExpr(in+1, "value", x.Value, false)
	case *ast.Delete:
		d.line(in, "Delete"+p)
		d.exprs(in+1, "targets", x.Targets, false)
	case *ast.Assign:
		d.line(in, "Assign"+p)
		d.exprs(in+1, "targets", x.Targets, false)
		d.optExpr(in+1, "value", x.Value, false)
	case *ast.AugAssign:
		d.line(in, "AugAssign"+p)
		d.optExpr(in+1, "target", x.Target, false)
		d.line(in+1, "op:")
		d.line(in+2, opName(x.Op))
		d.optExpr(in+1, "value", x.Value, false)
	case *ast.AnnAssign:
		d.line(in, "AnnAssign"+p)
		d.optExpr(in+1, "target", x.Target, false)
		d.optExpr(in+1, "annotation", x.Annotation, false)
		d.optExpr(in+1, "value", x.Value, false)
	case *ast.For:
		name := "For"
		if x.IsAsync {
			name = "AsyncFor"
		}
		d.line(in, name+p)
		d.optExpr(in+1, "target", x.Target, false)
		d.optExpr(in+1, "iter", x.Iter, false)
		d.stmts(in+1, "body", x.Body)
		d.stmts(in+1, "orelse", x.OrElse)
	case *ast.While:
		d.line(in, "While"+p)
		d.optExpr(in+1, "test", x.Test, false)
		d.stmts(in+1, "body", x.Body)
		d.stmts(in+1, "orelse", x.OrElse)
	case *ast.If:
		d.line(in, "If"+p)
		d.optExpr(in+1, "test", x.Test, false)
		d.stmts(in+1, "body", x.Body)
		d.stmts(in+1, "orelse", x.OrElse)
	case *ast.With:
		name := "With"
		if x.IsAsync {
			name = "AsyncWith"
		}
		d.line(in, name+p)
		d.line(in+1, "items:")
		for _, it := range x.Items {
			d.line(in+2, "withitem")
			d.optExpr(in+3, "context_expr", it.ContextExpr, false)
			d.optExpr(in+3, "optional_vars", it.OptionalVars, false)
		}
		d.stmts(in+1, "body", x.Body)
	case *ast.Raise:
		d.line(in, "Raise"+p)
		d.optExpr(in+1, "exc", x.Exc, false)
		d.optExpr(in+1, "cause", x.Cause, false)
	case *ast.Try:
		kind := "Try"
		if x.Star {
			kind = "TryStar"
		}
		d.line(in, kind+p)
		d.stmts(in+1, "body", x.Body)
		if len(x.Handlers) == 0 {
			d.line(in+1, "handlers: []")
		} else {
			d.line(in+1, "handlers:")
			for _, h := range x.Handlers {
				d.line(in+2, "ExceptHandler"+posOf(h))
				d.optExpr(in+3, "type", h.Type, false)
				d.scalar(in+3, "name", optName(h.Name))
				d.stmts(in+3, "body", h.Body)
			}
		}
		d.stmts(in+1, "orelse", x.OrElse)
		d.stmts(in+1, "finalbody", x.Finalbody)
	case *ast.Assert:
		d.line(in, "Assert"+p)
		d.optExpr(in+1, "test", x.Test, false)
		d.optExpr(in+1, "msg", x.Msg, false)
	case *ast.Import:
		d.line(in, "Import"+p)
		d.aliases(in+1, x.Names)
	case *ast.ImportFrom:
		d.line(in, "ImportFrom"+p)
		d.scalar(in+1, "module", optName(x.Module))
		d.aliases(in+1, x.Names)
		d.scalar(in+1, "level", fmt.Sprint(x.Level))
	case *ast.Global:
		d.line(in, "Global"+p)
		d.names(in+1, x.Names)
	case *ast.Nonlocal:
		d.line(in, "Nonlocal"+p)
		d.names(in+1, x.Names)
	case *ast.ExprStmt:
		d.line(in, "Expr"+p)
		d.optExpr(in+1, "value", x.Value, false)
	case *ast.Pass:
		d.line(in, "Pass"+p)
	case *ast.Break:
		d.line(in, "Break"+p)
	case *ast.Continue:
		d.line(in, "Continue"+p)
	default:
		d.line(in, fmt.Sprintf("?%T", s))
	}
}

func (d *dumper) names(in int, names []string) {
	d.line(in, "names:")
	for _, n := range names {
		d.line(in+1, pyQuote(n))
	}
}

func (d *dumper) aliases(in int, l []*ast.Alias) {
	d.line(in, "names:")
	for _, a := range l {
		d.line(in+1, "alias"+posOf(a))
		d.scalar(in+2, "name", pyQuote(a.Name))
		d.scalar(in+2, "asname", optName(a.AsName))
	}
}

func (d *dumper) keywords(in int, l []*ast.Keyword) {
	if len(l) == 0 {
		d.line(in, "keywords: []")
		return
	}
	d.line(in, "keywords:")
	for _, k := range l {
		d.line(in+1, "keyword"+posOf(k))
		d.scalar(in+2, "arg", optName(k.Arg))
		d.optExpr(in+2, "value", k.Value, false)
	}
}

func (d *dumper) args(in int, field string, l []*ast.Arg) {
	if len(l) == 0 {
		d.line(in, field+": []")
		return
	}
	d.line(in, field+":")
	for _, a := range l {
		d.arg(in+1, a)
	}
}

func (d *dumper) arg(in int, a *ast.Arg) {
	d.line(in, "arg"+posOf(a))
	d.scalar(in+1, "arg", pyQuote(a.Name))
	d.optExpr(in+1, "annotation", a.Annotation, false)
}

func (d *dumper) optArg(in int, field string, a *ast.Arg) {
	if a == nil {
		d.scalar(in, field, "None")
		return
	}
	d.line(in, field+":")
	d.arg(in+1, a)
}

func (d *dumper) arguments(in int, a *ast.Arguments) {
	d.line(in, "arguments")
	d.args(in+1, "posonlyargs", a.PosOnly)
	d.args(in+1, "args", a.Args)
	d.optArg(in+1, "vararg", a.Vararg)
	d.args(in+1, "kwonlyargs", a.KwOnly)
	d.exprs(in+1, "kw_defaults", a.KwDefaults, false)
	d.optArg(in+1, "kwarg", a.Kwarg)
	d.exprs(in+1, "defaults", a.Defaults, false)
}

func opName(op ast.Operator) string {
	return [...]string{"Add", "Sub", "Mult", "MatMult", "Div", "FloorDiv", "Mod", "Pow", "LShift", "RShift", "BitOr", "BitXor", "BitAnd"}[op]
}

func unaryName(op ast.UnaryOperator) string {
	return [...]string{"UAdd", "USub", "Invert", "Not"}[op]
}

func cmpName(op ast.CmpOp) string {
	return [...]string{"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"}[op]
}

func (d *dumper) comprehensions(in int, l []*ast.Comprehension) {
	d.line(in, "generators:")
	for _, c := range l {
		d.line(in+1, "comprehension")
		d.optExpr(in+2, "target", c.Target, false)
		d.optExpr(in+2, "iter", c.Iter, false)
		d.exprs(in+2, "ifs", c.Ifs, false)
		isAsync := 0
		if c.IsAsync {
			isAsync = 1
		}
		d.scalar(in+2, "is_async", fmt.Sprint(isAsync))
	}
}

// expr dumps e; fs is true for the parts of an f-string, whose positions
// the dump leaves out (see regen.py).
func (d *dumper) expr(in int, e ast.Expr, fs bool) {
	p := posOf(e)
	switch x := e.(type) {
	case *ast.Constant:
		if fs {
			p = ""
		}
		d.line(in, "Constant"+p)
		var v string
		switch x.Kind {
		case ast.ConstNone:
			v = "None"
		case ast.ConstTrue:
			v = "True"
		case ast.ConstFalse:
			v = "False"
		case ast.ConstEllipsis:
			v = "..."
		case ast.ConstInt:
			v = x.Text
		case ast.ConstFloat:
			v = fmt.Sprintf("f%d", int64(math.Float64bits(x.Float)))
		case ast.ConstStr:
			v = pyQuote(x.Text)
		}
		d.scalar(in+1, "value", v)
	case *ast.Name:
		d.line(in, "Name"+p)
		d.scalar(in+1, "id", pyQuote(x.Id))
	case *ast.JoinedStr:
		if fs {
			p = ""
		}
		d.line(in, "JoinedStr"+p)
		d.exprs(in+1, "values", x.Values, true)
	case *ast.FormattedValue:
		if fs {
			p = ""
		}
		d.line(in, "FormattedValue"+p)
		d.optExpr(in+1, "value", x.Value, false)
		conv := -1
		if x.Conversion != 0 {
			conv = int(x.Conversion)
		}
		d.scalar(in+1, "conversion", fmt.Sprint(conv))
		if x.FormatSpec == nil {
			d.scalar(in+1, "format_spec", "None")
		} else {
			d.line(in+1, "format_spec:")
			d.expr(in+2, x.FormatSpec, true)
		}
	case *ast.BinOp:
		d.line(in, "BinOp"+p)
		d.optExpr(in+1, "left", x.Left, false)
		d.line(in+1, "op:")
		d.line(in+2, opName(x.Op))
		d.optExpr(in+1, "right", x.Right, false)
	case *ast.UnaryOp:
		d.line(in, "UnaryOp"+p)
		d.line(in+1, "op:")
		d.line(in+2, unaryName(x.Op))
		d.optExpr(in+1, "operand", x.Operand, false)
	case *ast.BoolOp:
		d.line(in, "BoolOp"+p)
		d.line(in+1, "op:")
		if x.Op == ast.And {
			d.line(in+2, "And")
		} else {
			d.line(in+2, "Or")
		}
		d.exprs(in+1, "values", x.Values, false)
	case *ast.Compare:
		d.line(in, "Compare"+p)
		d.optExpr(in+1, "left", x.Left, false)
		d.line(in+1, "ops:")
		for _, op := range x.Ops {
			d.line(in+2, cmpName(op))
		}
		d.exprs(in+1, "comparators", x.Comparators, false)
	case *ast.Call:
		d.line(in, "Call"+p)
		d.optExpr(in+1, "func", x.Func, false)
		d.exprs(in+1, "args", x.Args, false)
		d.keywords(in+1, x.Keywords)
	case *ast.Attribute:
		d.line(in, "Attribute"+p)
		d.optExpr(in+1, "value", x.Value, false)
		d.scalar(in+1, "attr", pyQuote(x.Attr))
	case *ast.Subscript:
		d.line(in, "Subscript"+p)
		d.optExpr(in+1, "value", x.Value, false)
		d.optExpr(in+1, "slice", x.Index, false)
	case *ast.Slice:
		d.line(in, "Slice"+p)
		d.optExpr(in+1, "lower", x.Lower, false)
		d.optExpr(in+1, "upper", x.Upper, false)
		d.optExpr(in+1, "step", x.Step, false)
	case *ast.Starred:
		d.line(in, "Starred"+p)
		d.optExpr(in+1, "value", x.Value, false)
	case *ast.Tuple:
		d.line(in, "Tuple"+p)
		d.exprs(in+1, "elts", x.Elts, false)
	case *ast.List:
		d.line(in, "List"+p)
		d.exprs(in+1, "elts", x.Elts, false)
	case *ast.Set:
		d.line(in, "Set"+p)
		d.exprs(in+1, "elts", x.Elts, false)
	case *ast.Dict:
		d.line(in, "Dict"+p)
		d.exprs(in+1, "keys", x.Keys, false)
		d.exprs(in+1, "values", x.Values, false)
	case *ast.ListComp:
		d.line(in, "ListComp"+p)
		d.optExpr(in+1, "elt", x.Elt, false)
		d.comprehensions(in+1, x.Generators)
	case *ast.SetComp:
		d.line(in, "SetComp"+p)
		d.optExpr(in+1, "elt", x.Elt, false)
		d.comprehensions(in+1, x.Generators)
	case *ast.GeneratorExp:
		d.line(in, "GeneratorExp"+p)
		d.optExpr(in+1, "elt", x.Elt, false)
		d.comprehensions(in+1, x.Generators)
	case *ast.DictComp:
		d.line(in, "DictComp"+p)
		d.optExpr(in+1, "key", x.Key, false)
		d.optExpr(in+1, "value", x.Value, false)
		d.comprehensions(in+1, x.Generators)
	case *ast.IfExp:
		d.line(in, "IfExp"+p)
		d.optExpr(in+1, "test", x.Test, false)
		d.optExpr(in+1, "body", x.Body, false)
		d.optExpr(in+1, "orelse", x.OrElse, false)
	case *ast.Lambda:
		d.line(in, "Lambda"+p)
		d.line(in+1, "args:")
		d.arguments(in+2, x.Args)
		d.optExpr(in+1, "body", x.Body, false)
	case *ast.Await:
		d.line(in, "Await"+p)
		d.optExpr(in+1, "value", x.Value, false)
	case *ast.Yield:
		d.line(in, "Yield"+p)
		d.optExpr(in+1, "value", x.Value, false)
	case *ast.YieldFrom:
		d.line(in, "YieldFrom"+p)
		d.optExpr(in+1, "value", x.Value, false)
	case *ast.NamedExpr:
		d.line(in, "NamedExpr"+p)
		d.optExpr(in+1, "target", x.Target, false)
		d.optExpr(in+1, "value", x.Value, false)
	default:
		d.line(in, fmt.Sprintf("?%T", e))
	}
}
