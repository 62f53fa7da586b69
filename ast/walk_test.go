package ast

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// describe names a node for the expected-order lists: its type, plus the
// identifier for names and parameters.
func describe(n Node) string {
	s := strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast.")
	switch n := n.(type) {
	case *Name:
		s += ":" + n.Id
	case *Arg:
		s += ":" + n.Name
	case *Keyword:
		s += ":" + n.Arg
	}
	return s
}

// preorder lists the nodes Inspect visits, in order.
func preorder(n Node) []string {
	var got []string
	Inspect(n, func(n Node) bool {
		if n != nil {
			got = append(got, describe(n))
		}
		return true
	})
	return got
}

func TestWalkOrderFunction(t *testing.T) {
	// @dec
	// def f(a: A = d1, *args, k=d2, **kw) -> R:
	//     return x if c else y
	m := module(&FunctionDef{
		Name:       "f",
		Decorators: []Expr{nm("dec")},
		Args: &Arguments{
			Args:       []*Arg{{Name: "a", Annotation: nm("A")}},
			Defaults:   []Expr{nm("d1")},
			Vararg:     &Arg{Name: "args"},
			KwOnly:     argList("k"),
			KwDefaults: []Expr{nm("d2")},
			Kwarg:      &Arg{Name: "kw"},
		},
		Returns: nm("R"),
		Body:    body(ret(ifexp(nm("x"), nm("c"), nm("y")))),
	})
	assert.Equal(t, []string{
		"Module", "FunctionDef", "Name:dec", "Arguments",
		"Arg:a", "Name:A", "Name:d1", "Arg:args", "Arg:k", "Name:d2", "Arg:kw",
		"Name:R", "Return", "IfExp", "Name:x", "Name:c", "Name:y",
	}, preorder(m))
}

func TestWalkOrderExpressions(t *testing.T) {
	// f(a, *b, k=[x for x in y if z], **{p: q, **r}[i:j])
	e := &Call{
		Func: nm("f"),
		Args: []Expr{nm("a"), star(nm("b"))},
		Keywords: []*Keyword{
			kw("k", &ListComp{Elt: nm("x"), Generators: []*Comprehension{gen(nm("x"), nm("y"), nm("z"))}}),
			kw("", sub(&Dict{Keys: []Expr{nm("p"), nil}, Values: []Expr{nm("q"), nm("r")}}, &Slice{Lower: nm("i"), Upper: nm("j")})),
		},
	}
	assert.Equal(t, []string{
		"Call", "Name:f", "Name:a", "Starred", "Name:b",
		"Keyword:k", "ListComp", "Name:x", "Comprehension", "Name:x", "Name:y", "Name:z",
		"Keyword:", "Subscript", "Dict", "Name:p", "Name:q", "Name:r", "Slice", "Name:i", "Name:j",
	}, preorder(e))
}

func TestWalkOrderStatements(t *testing.T) {
	m := module(
		&ClassDef{Name: "C", Decorators: []Expr{nm("d")}, Bases: []Expr{nm("B")}, Keywords: []*Keyword{kw("metaclass", nm("M"))}, Body: body(&Pass{})},
		&Try{
			Body:      body(&With{Items: []*WithItem{{ContextExpr: nm("cm"), OptionalVars: nm("v")}}, Body: body(&Break{})}),
			Handlers:  []*ExceptHandler{{Type: nm("E"), Name: "e", Body: body(&Continue{})}},
			OrElse:    body(&Import{Names: []*Alias{{Name: "os"}}}),
			Finalbody: body(&ImportFrom{Module: "m", Names: []*Alias{{Name: "x"}}}),
		},
		&AnnAssign{Target: nm("t"), Annotation: nm("int"), Value: fstr(strc("a"), fv(nm("s"), 'r', strc(">"), fv(nm("w"), 0)))},
	)
	assert.Equal(t, []string{
		"Module",
		"ClassDef", "Name:d", "Name:B", "Keyword:metaclass", "Name:M", "Pass",
		"Try", "With", "WithItem", "Name:cm", "Name:v", "Break",
		"ExceptHandler", "Name:E", "Continue", "Import", "Alias", "ImportFrom", "Alias",
		"AnnAssign", "Name:t", "Name:int", "JoinedStr", "Constant", "FormattedValue", "Name:s",
		"JoinedStr", "Constant", "FormattedValue", "Name:w",
	}, preorder(m))
}

// nester renders the tree's shape: each node opens a bracket that the
// closing Visit(nil) shuts, which checks that the nil call comes after
// the children.
type nester struct{ b *strings.Builder }

func (v nester) Visit(n Node) Visitor {
	if n == nil {
		v.b.WriteString(")")
		return nil
	}
	v.b.WriteString(describe(n) + "(")
	return v
}

func TestWalkClosesAfterChildren(t *testing.T) {
	var b strings.Builder
	Walk(nester{&b}, bin(nm("a"), Add, un(USub, nm("b"))))
	assert.Equal(t, "BinOp(Name:a()UnaryOp(Name:b()))", b.String())
}

func TestInspectPrunes(t *testing.T) {
	// x = lambda: y; z — Inspect must not enter the lambda.
	m := module(assign(nm("x"), lambda(args("p"), nm("y"))), expr(nm("z")))
	var got []string
	nils := 0
	Inspect(m, func(n Node) bool {
		if n == nil {
			nils++
			return true
		}
		got = append(got, describe(n))
		_, isLambda := n.(*Lambda)
		return !isLambda
	})
	assert.Equal(t, []string{"Module", "Assign", "Name:x", "Lambda", "ExprStmt", "Name:z"}, got)
	// Every node entered except the pruned lambda gets its closing call.
	assert.Equal(t, len(got)-1, nils)
}

func TestWalkSkipsNilChildren(t *testing.T) {
	m := module(
		&Raise{},
		&Return{},
		&AnnAssign{Target: nm("a"), Annotation: nm("int")},
		&FunctionDef{Name: "f", Body: body(expr(&Yield{}))},
		&FunctionDef{Name: "g", Args: &Arguments{KwOnly: argList("k"), KwDefaults: []Expr{nil}}, Body: body(&Pass{})},
		&Try{Body: body(&Pass{}), Handlers: []*ExceptHandler{{Body: body(&Pass{})}}},
		&With{Items: []*WithItem{{ContextExpr: nm("c")}}, Body: body(&Pass{})},
		&Assert{Test: nm("t")},
		expr(sub(nm("a"), &Slice{})),
		expr(lambda(nil, &Dict{Keys: []Expr{nil}, Values: []Expr{nm("d")}})),
		expr(&Call{Func: nm("f"), Keywords: []*Keyword{nil}}),
	)
	entered, closed := 0, 0
	Inspect(m, func(n Node) bool {
		if n == nil {
			closed++
			return true
		}
		entered++
		// A nil pointer wrapped in a non-nil interface must not get here.
		require.False(t, reflect.ValueOf(n).IsNil(), "typed nil %T", n)
		return true
	})
	assert.Equal(t, entered, closed)
	assert.Equal(t, 34, entered)
}

func TestWalkNil(t *testing.T) {
	called := false
	Inspect(nil, func(Node) bool { called = true; return true })
	assert.False(t, called)
}

// TestWalkCoversEveryNodeType walks all the printer test trees, which
// between them hold every node type, and checks each type is reached.
func TestWalkCoversEveryNodeType(t *testing.T) {
	seen := map[string]bool{}
	record := func(n Node) bool {
		if n != nil {
			seen[strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast.")] = true
		}
		return true
	}
	for _, group := range [][]exprCase{precedenceCases, displayCases, fstringCases} {
		for _, c := range group {
			Inspect(c.e, record)
		}
	}
	for _, c := range stmtCases {
		Inspect(c.m, record)
	}
	all := []string{
		"Module", "ExprStmt", "Assign", "AugAssign", "AnnAssign", "FunctionDef", "ClassDef",
		"Return", "Delete", "If", "While", "For", "With", "WithItem", "Raise", "Try",
		"ExceptHandler", "Assert", "Import", "ImportFrom", "Alias", "Global", "Nonlocal",
		"Pass", "Break", "Continue", "Arguments", "Arg", "Keyword", "Comprehension",
		"Constant", "Name", "JoinedStr", "FormattedValue", "BinOp", "UnaryOp", "BoolOp",
		"Compare", "Call", "Attribute", "Subscript", "Slice", "Starred", "Tuple", "List",
		"Set", "Dict", "ListComp", "SetComp", "DictComp", "GeneratorExp", "IfExp", "Lambda",
		"Await", "Yield", "YieldFrom", "NamedExpr",
	}
	for _, name := range all {
		assert.True(t, seen[name], "walk never reached a %s", name)
	}
	assert.Len(t, seen, len(all))
}
