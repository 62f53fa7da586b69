package ast

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Short constructors keep the hand-built trees below readable. The parser
// does not exist yet, so every test tree is built this way.

func nm(id string) *Name         { return &Name{Id: id} }
func num(text string) *Constant  { return &Constant{Kind: ConstInt, Text: text} }
func flt(f float64) *Constant    { return &Constant{Kind: ConstFloat, Float: f} }
func strc(s string) *Constant    { return &Constant{Kind: ConstStr, Text: s} }
func kind(k ConstKind) *Constant { return &Constant{Kind: k} }
func tup(elts ...Expr) *Tuple    { return &Tuple{Elts: elts} }
func ptup(elts ...Expr) *Tuple   { return &Tuple{Elts: elts, Parens: true} }
func star(e Expr) *Starred       { return &Starred{Value: e} }
func attr(e Expr, a string) Expr { return &Attribute{Value: e, Attr: a} }
func sub(e, index Expr) Expr     { return &Subscript{Value: e, Index: index} }
func await(e Expr) Expr          { return &Await{Value: e} }
func un(op UnaryOperator, e Expr) Expr {
	return &UnaryOp{Op: op, Operand: e}
}
func bin(l Expr, op Operator, r Expr) Expr { return &BinOp{Left: l, Op: op, Right: r} }
func and(vs ...Expr) Expr                  { return &BoolOp{Op: And, Values: vs} }
func or(vs ...Expr) Expr                   { return &BoolOp{Op: Or, Values: vs} }
func cmp(l Expr, op CmpOp, r Expr) *Compare {
	return &Compare{Left: l, Ops: []CmpOp{op}, Comparators: []Expr{r}}
}
func ifexp(body, test, orelse Expr) Expr  { return &IfExp{Test: test, Body: body, OrElse: orelse} }
func call(f Expr, args ...Expr) *Call     { return &Call{Func: f, Args: args} }
func kw(name string, v Expr) *Keyword     { return &Keyword{Arg: name, Value: v} }
func lambda(a *Arguments, body Expr) Expr { return &Lambda{Args: a, Body: body} }
func args(names ...string) *Arguments     { return &Arguments{Args: argList(names...)} }
func gen(t, iter Expr, ifs ...Expr) *Comprehension {
	return &Comprehension{Target: t, Iter: iter, Ifs: ifs}
}
func fv(e Expr, conv rune, spec ...Expr) *FormattedValue {
	v := &FormattedValue{Value: e, Conversion: conv}
	if len(spec) > 0 {
		v.FormatSpec = &JoinedStr{Values: spec}
	}
	return v
}
func fstr(parts ...Expr) *JoinedStr { return &JoinedStr{Values: parts} }
func argList(names ...string) []*Arg {
	var list []*Arg
	for _, n := range names {
		list = append(list, &Arg{Name: n})
	}
	return list
}
func expr(e Expr) Stmt          { return &ExprStmt{Value: e} }
func assign(t, v Expr) Stmt     { return &Assign{Targets: []Expr{t}, Value: v} }
func body(ss ...Stmt) []Stmt    { return ss }
func module(ss ...Stmt) *Module { return &Module{Body: ss} }

type exprCase struct {
	name string
	e    Expr
	want string
}

// precedenceCases pin down where parentheses go.
var precedenceCases = []exprCase{
	{"sum in product", bin(bin(nm("a"), Add, nm("b")), Mult, nm("c")), "(a + b) * c"},
	{"product in sum", bin(nm("a"), Add, bin(nm("b"), Mult, nm("c"))), "a + b * c"},
	{"left assoc", bin(bin(nm("a"), Sub, nm("b")), Sub, nm("c")), "a - b - c"},
	{"right operand same level", bin(nm("a"), Sub, bin(nm("b"), Sub, nm("c"))), "a - (b - c)"},
	{"pow right assoc", bin(nm("a"), Pow, bin(nm("b"), Pow, nm("c"))), "a ** b ** c"},
	{"pow left nested", bin(bin(nm("a"), Pow, nm("b")), Pow, nm("c")), "(a ** b) ** c"},
	{"neg of pow", un(USub, bin(nm("x"), Pow, nm("y"))), "-x ** y"},
	{"pow of neg", bin(un(USub, nm("x")), Pow, nm("y")), "(-x) ** y"},
	{"pow to neg", bin(nm("x"), Pow, un(USub, nm("y"))), "x ** -y"},
	{"double neg", un(USub, un(USub, nm("x"))), "--x"},
	{"neg sum", un(USub, bin(nm("a"), Add, nm("b"))), "-(a + b)"},
	{"invert", un(Invert, un(UAdd, nm("x"))), "~+x"},
	{"await pow", bin(await(nm("x")), Pow, num("2")), "await x ** 2"},
	{"await of sum", await(bin(nm("a"), Add, nm("b"))), "await (a + b)"},
	{"await await", await(await(nm("x"))), "await (await x)"},
	{"await call", await(call(attr(nm("a"), "b"))), "await a.b()"},
	{"attr of await", attr(await(nm("x")), "y"), "(await x).y"},
	{"not compare", un(Not, cmp(nm("a"), Eq, nm("b"))), "not a == b"},
	{"compare not", cmp(un(Not, nm("a")), Eq, nm("b")), "(not a) == b"},
	{"neg not", un(USub, un(Not, nm("a"))), "-(not a)"},
	{"and in or", or(and(nm("a"), nm("b")), nm("c")), "a and b or c"},
	{"or in and", and(or(nm("a"), nm("b")), nm("c")), "(a or b) and c"},
	{"nested and", and(and(nm("a"), nm("b")), nm("c")), "(a and b) and c"},
	{"not in and", and(un(Not, nm("a")), un(Not, nm("b"))), "not a and not b"},
	{"chain", &Compare{Left: nm("a"), Ops: []CmpOp{Lt, LtE, NotIn, IsNot}, Comparators: []Expr{nm("b"), nm("c"), nm("d"), kind(ConstNone)}}, "a < b <= c not in d is not None"},
	{"compare in compare", cmp(cmp(nm("a"), Lt, nm("b")), Lt, nm("c")), "(a < b) < c"},
	{"bitwise chain", bin(nm("a"), BitOr, bin(nm("b"), BitXor, bin(nm("c"), BitAnd, bin(nm("d"), LShift, bin(nm("e"), Add, bin(nm("f"), MatMult, nm("g"))))))), "a | b ^ c & d << e + f @ g"},
	{"bitwise inverted", bin(bin(bin(nm("a"), BitOr, nm("b")), BitAnd, nm("c")), RShift, nm("d")), "((a | b) & c) >> d"},
	{"bitor in compare", cmp(bin(nm("a"), BitOr, nm("b")), Is, nm("c")), "a | b is c"},
	{"ifexp chain", ifexp(nm("a"), nm("b"), ifexp(nm("c"), nm("d"), nm("e"))), "a if b else c if d else e"},
	{"ifexp in body", ifexp(ifexp(nm("a"), nm("b"), nm("c")), nm("d"), nm("e")), "(a if b else c) if d else e"},
	{"ifexp in test", ifexp(nm("a"), ifexp(nm("b"), nm("c"), nm("d")), nm("e")), "a if (b if c else d) else e"},
	{"lambda in orelse", ifexp(nm("a"), nm("b"), lambda(nil, nm("c"))), "a if b else lambda: c"},
	{"lambda in body", ifexp(lambda(nil, nm("a")), nm("b"), nm("c")), "(lambda: a) if b else c"},
	{"ifexp in lambda", lambda(args("x"), ifexp(nm("a"), nm("x"), nm("b"))), "lambda x: a if x else b"},
	{"or in ifexp", ifexp(or(nm("a"), nm("b")), nm("c"), nm("d")), "a or b if c else d"},
	{"lambda called", call(lambda(nil, num("1"))), "(lambda: 1)()"},
	{"int attribute", attr(num("1"), "real"), "1 .real"},
	{"float attribute", attr(flt(1), "real"), "1.0.real"},
	{"sum attribute", attr(bin(nm("a"), Add, nm("b")), "c"), "(a + b).c"},
	{"walrus", &NamedExpr{Target: nm("x"), Value: num("1")}, "(x := 1)"},
	{"walrus in call", call(nm("f"), &NamedExpr{Target: nm("x"), Value: ptup(nm("a"), nm("b"))}), "f((x := (a, b)))"},
	{"yield", &Yield{Value: tup(nm("a"), nm("b"))}, "yield a, b"},
	{"bare yield in sum", bin(&Yield{}, Add, num("1")), "(yield) + 1"},
	{"yield from in call", call(nm("f"), &YieldFrom{Value: nm("g")}), "f((yield from g))"},
	{"starred or", &List{Elts: []Expr{star(or(nm("a"), nm("b")))}}, "[*(a or b)]"},
	{"tuple in tuple", tup(tup(nm("a"), nm("b")), nm("c")), "(a, b), c"},
	{"tuple in call", call(nm("f"), tup(nm("a"))), "f((a,))"},
	{"comprehension iter", &ListComp{Elt: nm("x"), Generators: []*Comprehension{gen(nm("x"), ifexp(nm("a"), nm("b"), nm("c")), lambda(nil, nm("d")))}}, "[x for x in (a if b else c) if (lambda: d)]"},
}

// displayCases cover the node types one by one.
var displayCases = []exprCase{
	{"none", kind(ConstNone), "None"},
	{"true", kind(ConstTrue), "True"},
	{"false", kind(ConstFalse), "False"},
	{"ellipsis", kind(ConstEllipsis), "..."},
	{"int", num("123456789012345678901234567890"), "123456789012345678901234567890"},
	{"float whole", flt(1), "1.0"},
	{"float zero", flt(0), "0.0"},
	{"float frac", flt(0.1), "0.1"},
	{"float 1e15", flt(1e15), "1000000000000000.0"},
	{"float 1e16", flt(1e16), "1e+16"},
	{"float small", flt(0.0001), "0.0001"},
	{"float smaller", flt(0.00001), "1e-05"},
	{"float big", flt(1.5e300), "1.5e+300"},
	{"float tiny", flt(5e-324), "5e-324"},
	{"float digits", flt(123456789.125), "123456789.125"},
	{"float inf", flt(math.Inf(1)), "1e309"},
	{"str", strc("abc"), "'abc'"},
	{"str with single quote", strc("it's"), `"it's"`},
	{"str with double quote", strc(`say "hi"`), `'say "hi"'`},
	{"str with both quotes", strc(`'"`), `'\'"'`},
	{"str escapes", strc("\n\t\r\\\x00\x7f"), `'\n\t\r\\\x00\x7f'`},
	{"str unicode", strc("é😀\u00a0\u0085\u200b\U000e0001"), `'é😀\xa0\x85\u200b\U000e0001'`},
	{"name", nm("x"), "x"},
	{"empty tuple", tup(), "()"},
	{"one tuple", tup(nm("a")), "a,"},
	{"one tuple parens", ptup(nm("a")), "(a,)"},
	{"tuple", tup(nm("a"), star(nm("b"))), "a, *b"},
	{"tuple parens", ptup(nm("a"), nm("b")), "(a, b)"},
	{"list", &List{Elts: []Expr{nm("a"), star(nm("b")), ptup()}}, "[a, *b, ()]"},
	{"empty list", &List{}, "[]"},
	{"set", &Set{Elts: []Expr{nm("a"), star(nm("b"))}}, "{a, *b}"},
	{"empty set", &Set{}, "{*()}"},
	{"dict", &Dict{Keys: []Expr{nm("a"), nil}, Values: []Expr{nm("b"), nm("c")}}, "{a: b, **c}"},
	{"empty dict", &Dict{}, "{}"},
	{"attribute", attr(attr(nm("a"), "b"), "c"), "a.b.c"},
	{"subscript", sub(nm("a"), num("0")), "a[0]"},
	{"slice", sub(nm("a"), &Slice{Lower: num("1"), Upper: num("2")}), "a[1:2]"},
	{"slice step", sub(nm("a"), &Slice{Step: num("2")}), "a[::2]"},
	{"slice all", sub(nm("a"), &Slice{Lower: nm("i"), Upper: nm("j"), Step: nm("k")}), "a[i:j:k]"},
	{"slice empty", sub(nm("a"), &Slice{}), "a[:]"},
	{"multi slice", sub(nm("a"), tup(&Slice{}, num("1"))), "a[:, 1]"},
	{"multi slice parens", sub(nm("a"), ptup(&Slice{Lower: num("1")}, &Slice{Upper: num("2")})), "a[1:, :2]"},
	{"tuple index", sub(nm("a"), tup(nm("b"), nm("c"))), "a[b, c]"},
	{"tuple index parens", sub(nm("a"), ptup(nm("b"), nm("c"))), "a[(b, c)]"},
	{"call", &Call{Func: nm("f"), Args: []Expr{nm("a"), star(nm("b"))}, Keywords: []*Keyword{kw("c", num("1")), kw("", nm("d"))}}, "f(a, *b, c=1, **d)"},
	{"call genexp", call(nm("sum"), &GeneratorExp{Elt: nm("x"), Generators: []*Comprehension{gen(nm("x"), nm("xs"))}}), "sum(x for x in xs)"},
	{"call genexp and arg", call(nm("f"), &GeneratorExp{Elt: nm("x"), Generators: []*Comprehension{gen(nm("x"), nm("xs"))}}, nm("y")), "f((x for x in xs), y)"},
	{"call keywords only", &Call{Func: nm("f"), Keywords: []*Keyword{kw("key", lambda(args("v"), nm("v")))}}, "f(key=lambda v: v)"},
	{"listcomp", &ListComp{Elt: nm("x"), Generators: []*Comprehension{gen(nm("x"), nm("a"), nm("p"), nm("q")), gen(tup(nm("y"), nm("z")), nm("x"))}}, "[x for x in a if p if q for y, z in x]"},
	{"setcomp", &SetComp{Elt: nm("x"), Generators: []*Comprehension{gen(nm("x"), nm("a"))}}, "{x for x in a}"},
	{"dictcomp", &DictComp{Key: nm("k"), Value: nm("v"), Generators: []*Comprehension{gen(tup(nm("k"), nm("v")), call(attr(nm("d"), "items")))}}, "{k: v for k, v in d.items()}"},
	{"async genexp", &GeneratorExp{Elt: nm("x"), Generators: []*Comprehension{{Target: nm("x"), Iter: nm("a"), IsAsync: true}}}, "(x async for x in a)"},
	{"lambda no args", lambda(nil, num("0")), "lambda: 0"},
	{"lambda full", lambda(&Arguments{
		PosOnly: argList("a"), Args: argList("b", "c"), Defaults: []Expr{num("1")},
		Vararg: &Arg{Name: "args"}, KwOnly: argList("d", "e"), KwDefaults: []Expr{nil, num("2")},
		Kwarg: &Arg{Name: "kw"},
	}, nm("a")), "lambda a, /, b, c=1, *args, d, e=2, **kw: a"},
	{"lambda bare star", lambda(&Arguments{KwOnly: argList("a")}, nm("a")), "lambda *, a: a"},
	{"await", await(nm("x")), "await x"},
	{"yield bare", &Yield{}, "yield"},
	{"yield from", &YieldFrom{Value: call(nm("g"))}, "yield from g()"},
	{"ifexp", ifexp(nm("a"), nm("b"), nm("c")), "a if b else c"},
}

// fstringCases cover f-string quoting. Python 3.11 allows neither a
// backslash nor the f-string's own quote inside a {field}.
var fstringCases = []exprCase{
	{"plain", fstr(strc("a"), fv(nm("x"), 0), strc("b")), "f'a{x}b'"},
	{"conversion and spec", fstr(fv(nm("x"), 'r', strc(">"), fv(nm("w"), 0))), "f'{x!r:>{w}}'"},
	{"spec", fstr(fv(nm("x"), 's', strc(".2f")), fv(nm("y"), 'a')), "f'{x!s:.2f}{y!a}'"},
	{"braces", fstr(strc("{"), fv(nm("x"), 0), strc("}")), "f'{{{x}}}'"},
	{"literal escapes", fstr(strc("\n\\"), fv(nm("x"), 0)), `f'\n\\{x}'`},
	{"literal quote", fstr(strc("it's "), fv(nm("x"), 0)), `f"it's {x}"`},
	{"nested string", fstr(fv(sub(nm("d"), strc("k")), 0)), `f'{d["k"]}'`},
	{"nested string with quote", fstr(strc("'"), fv(sub(nm("d"), strc("k")), 0)), `f"'{d['k']}"`},
	{"nested needs triple", fstr(fv(strc(`a"b`), 0)), `f'{"""a"b"""}'`},
	{"outer needs triple", fstr(fv(strc(`a'b"`), 0)), `f"""{'''a'b"'''}"""`},
	{"nested fstring", fstr(fv(fstr(fv(strc("s"), 0)), 0)), `f'''{f"{'s'}"}'''`},
	{"dict field", fstr(fv(&Dict{Keys: []Expr{num("1")}, Values: []Expr{num("2")}}, 0)), "f'{ {1: 2}}'"},
	{"lambda field", fstr(fv(lambda(nil, num("1")), 0)), "f'{(lambda: 1)}'"},
	{"walrus field", fstr(fv(&NamedExpr{Target: nm("x"), Value: num("1")}, 0)), "f'{(x := 1)}'"},
	{"comparison field", fstr(fv(cmp(nm("a"), NotEq, nm("b")), 0)), "f'{a != b}'"},
	{"tuple field", fstr(fv(tup(nm("a"), nm("b")), 0)), "f'{a, b}'"},
	{"triple end quote", fstr(fv(strc(`a'b"`), 0), strc(`"`)), `f"""{'''a'b"'''}\""""`},
	// A nested string that needs a backslash has no 3.11 spelling; the
	// printer falls back to the 3.12 form.
	{"impossible in 3.11", fstr(fv(strc("\n"), 0)), `f'{"\n"}'`},
	{"lone field", fv(nm("x"), 'r'), "f'{x!r}'"},
}

func TestExprString(t *testing.T) {
	for _, group := range [][]exprCase{precedenceCases, displayCases, fstringCases} {
		for _, c := range group {
			assert.Equal(t, c.want, ExprString(c.e), c.name)
		}
	}
}

type stmtCase struct {
	name string
	m    *Module
	want string
}

func ret(e Expr) Stmt { return &Return{Value: e} }

var stmtCases = []stmtCase{
	{"empty module", module(), ""},
	{"expression statements", module(
		expr(strc("doc")),
		expr(call(nm("print"), nm("x"))),
		expr(tup(nm("a"), nm("b"))),
		expr(ptup(nm("a"), nm("b"))),
		expr(tup(star(nm("a")))),
		expr(&Yield{Value: nm("x")}),
		expr(await(nm("t"))),
		expr(&NamedExpr{Target: nm("y"), Value: num("1")}),
	), "'doc'\nprint(x)\na, b\n(a, b)\n*a,\nyield x\nawait t\n(y := 1)\n"},
	{"assignments", module(
		&Assign{Targets: []Expr{nm("a"), nm("b")}, Value: num("1")},
		assign(tup(nm("a"), nm("b")), tup(nm("b"), nm("a"))),
		assign(ptup(nm("a"), star(nm("rest"))), nm("xs")),
		assign(&List{Elts: []Expr{nm("a"), tup(nm("b"), nm("c"))}}, nm("xs")),
		assign(attr(nm("self"), "x"), &Yield{}),
		assign(sub(nm("d"), strc("k")), &YieldFrom{Value: nm("g")}),
		&AugAssign{Target: nm("x"), Op: Add, Value: num("1")},
		&AugAssign{Target: attr(nm("o"), "n"), Op: FloorDiv, Value: tup(num("1"), num("2"))},
		&AugAssign{Target: nm("x"), Op: Pow, Value: num("2")},
		&AnnAssign{Target: nm("x"), Annotation: nm("int"), Value: num("1")},
		&AnnAssign{Target: attr(nm("self"), "y"), Annotation: sub(nm("list"), nm("int"))},
	), `a = b = 1
a, b = b, a
(a, *rest) = xs
[a, (b, c)] = xs
self.x = yield
d['k'] = yield from g
x += 1
o.n //= 1, 2
x **= 2
x: int = 1
self.y: list[int]
`},
	{"function", module(&FunctionDef{
		Name: "f",
		Args: &Arguments{
			PosOnly:    []*Arg{{Name: "a"}, {Name: "b", Annotation: nm("int")}},
			Args:       argList("c"),
			Defaults:   []Expr{num("1"), num("2")},
			Vararg:     &Arg{Name: "args", Annotation: nm("str")},
			KwOnly:     []*Arg{{Name: "d"}, {Name: "e", Annotation: nm("int")}},
			KwDefaults: []Expr{nil, num("3")},
			Kwarg:      &Arg{Name: "kw"},
		},
		Returns:    nm("bool"),
		Decorators: []Expr{nm("dec"), call(attr(nm("a"), "b"), num("1"))},
		Body:       body(expr(strc("Doc.")), ret(tup(nm("a"), nm("b")))),
	}), `@dec
@a.b(1)
def f(a, b: int = 1, /, c=2, *args: str, d, e: int = 3, **kw) -> bool:
    'Doc.'
    return a, b
`},
	{"async def and bare star", module(&FunctionDef{
		Name: "g", IsAsync: true,
		Args: &Arguments{KwOnly: argList("key"), KwDefaults: []Expr{kind(ConstNone)}},
		Body: body(&Return{}),
	}, &FunctionDef{Name: "h", Args: &Arguments{}, Body: body(&Pass{})}), `async def g(*, key=None):
    return
def h():
    pass
`},
	{"class", module(&ClassDef{
		Name: "A", Bases: []Expr{nm("B")}, Keywords: []*Keyword{kw("metaclass", nm("M"))},
		Decorators: []Expr{nm("dataclass")},
		Body: body(
			assign(nm("x"), num("0")),
			&FunctionDef{Name: "m", Args: args("self"), Body: body(&Pass{})},
		),
	}, &ClassDef{Name: "C", Body: body(&Pass{})}), `@dataclass
class A(B, metaclass=M):
    x = 0
    def m(self):
        pass
class C:
    pass
`},
	{"if elif else", module(&If{
		Test: nm("a"), Body: body(&Pass{}),
		OrElse: body(&If{
			Test: nm("b"), Body: body(&Pass{}),
			OrElse: body(&If{Test: nm("c"), Body: body(&Pass{}), OrElse: body(expr(nm("d")))}),
		}),
	}), `if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    d
`},
	{"else holding an if and more", module(&If{
		Test: nm("a"), Body: body(&Pass{}),
		OrElse: body(&If{Test: nm("b"), Body: body(&Pass{})}, &Pass{}),
	}), `if a:
    pass
else:
    if b:
        pass
    pass
`},
	{"loops", module(
		&While{Test: &NamedExpr{Target: nm("x"), Value: call(nm("f"))}, Body: body(&Break{}), OrElse: body(&Pass{})},
		&For{Target: tup(nm("i"), nm("x")), Iter: call(nm("enumerate"), nm("xs")), Body: body(&Continue{}), OrElse: body(&Pass{})},
		&For{Target: nm("x"), Iter: tup(nm("a"), star(nm("b"))), Body: body(&Pass{}), IsAsync: true},
	), `while (x := f()):
    break
else:
    pass
for i, x in enumerate(xs):
    continue
else:
    pass
async for x in a, *b:
    pass
`},
	{"with", module(
		&With{Items: []*WithItem{{ContextExpr: call(nm("open"), nm("p")), OptionalVars: nm("f")}, {ContextExpr: nm("lock")}}, Body: body(&Pass{})},
		&With{Items: []*WithItem{{ContextExpr: nm("a"), OptionalVars: tup(nm("b"), nm("c"))}}, Body: body(&Pass{}), IsAsync: true},
		&With{Items: []*WithItem{{ContextExpr: ptup(nm("a"), nm("b"))}}, Body: body(&Pass{})},
		&With{Items: []*WithItem{{ContextExpr: ptup(nm("a"), nm("b")), OptionalVars: nm("c")}}, Body: body(&Pass{})},
	), `with open(p) as f, lock:
    pass
async with a as (b, c):
    pass
with ((a, b)):
    pass
with (a, b) as c:
    pass
`},
	{"try", module(&Try{
		Body: body(expr(call(nm("f")))),
		Handlers: []*ExceptHandler{
			{Type: nm("ValueError"), Name: "e", Body: body(&Raise{Exc: call(nm("RuntimeError")), Cause: nm("e")})},
			{Type: ptup(nm("A"), nm("B")), Body: body(&Raise{Exc: nm("E"), Cause: kind(ConstNone)})},
			{Body: body(&Raise{})},
		},
		OrElse:    body(&Pass{}),
		Finalbody: body(expr(call(nm("g")))),
	}, &Try{Body: body(&Pass{}), Finalbody: body(&Pass{})}), `try:
    f()
except ValueError as e:
    raise RuntimeError() from e
except (A, B):
    raise E from None
except:
    raise
else:
    pass
finally:
    g()
try:
    pass
finally:
    pass
`},
	{"simple statements", module(
		&Delete{Targets: []Expr{nm("a"), sub(nm("b"), num("0")), attr(nm("c"), "d")}},
		&Delete{Targets: []Expr{ptup(nm("a"), nm("b"))}},
		&Assert{Test: cmp(nm("x"), Gt, num("0")), Msg: strc("positive")},
		&Assert{Test: nm("x")},
		&Import{Names: []*Alias{{Name: "a.b", AsName: "c"}, {Name: "d"}}},
		&ImportFrom{Module: "m", Names: []*Alias{{Name: "*"}}},
		&ImportFrom{Level: 1, Names: []*Alias{{Name: "x"}}},
		&ImportFrom{Module: "pkg.mod", Level: 2, Names: []*Alias{{Name: "a", AsName: "b"}, {Name: "c"}}},
		&FunctionDef{Name: "outer", Args: &Arguments{}, Body: body(
			&Global{Names: []string{"g1", "g2"}},
			&FunctionDef{Name: "inner", Args: &Arguments{}, Body: body(&Nonlocal{Names: []string{"n"}})},
		)},
	), `del a, b[0], c.d
del (a, b)
assert x > 0, 'positive'
assert x
import a.b as c, d
from m import *
from . import x
from ..pkg.mod import a as b, c
def outer():
    global g1, g2
    def inner():
        nonlocal n
`},
}

func TestPrint(t *testing.T) {
	for _, c := range stmtCases {
		assert.Equal(t, c.want, Print(c.m), c.name)
	}
}

// TestPrintEmptyBody checks the fallback for a body no parser would build.
func TestPrintEmptyBody(t *testing.T) {
	assert.Equal(t, "while x:\n    pass\n", Print(module(&While{Test: nm("x")})))
}

// TestTupleParensRoundTrip checks that Parens survives printing wherever
// the grammar lets a tuple go bare.
func TestTupleParensRoundTrip(t *testing.T) {
	bare, paren := tup(nm("a"), nm("b")), ptup(nm("a"), nm("b"))
	assert.Equal(t, "x = a, b\n", Print(module(assign(nm("x"), bare))))
	assert.Equal(t, "x = (a, b)\n", Print(module(assign(nm("x"), paren))))
	assert.Equal(t, "return a, b\n", Print(module(ret(bare))))
	assert.Equal(t, "return (a, b)\n", Print(module(ret(paren))))
	assert.Equal(t, "a[a, b]", ExprString(sub(nm("a"), bare)))
	assert.Equal(t, "a[(a, b)]", ExprString(sub(nm("a"), paren)))
	// Where a bare tuple is not allowed it gains parentheses either way.
	assert.Equal(t, "[(a, b)]", ExprString(&List{Elts: []Expr{bare}}))
}
