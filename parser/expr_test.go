package parser

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/aio-lang/aio/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sexpr renders an expression fully parenthesized, as an S-expression,
// so that tests can state precedence and associativity exactly.
func sexpr(e ast.Expr) string {
	if e == nil {
		return "_"
	}
	list := func(head string, items ...string) string {
		return "(" + strings.Join(append([]string{head}, items...), " ") + ")"
	}
	all := func(es []ast.Expr) []string {
		out := make([]string, len(es))
		for i, x := range es {
			out[i] = sexpr(x)
		}
		return out
	}
	switch x := e.(type) {
	case *ast.Name:
		return x.Id
	case *ast.Constant:
		switch x.Kind {
		case ast.ConstInt:
			return x.Text
		case ast.ConstFloat:
			return fmt.Sprint(x.Float)
		case ast.ConstStr:
			return fmt.Sprintf("%q", x.Text)
		case ast.ConstNone:
			return "None"
		case ast.ConstTrue:
			return "True"
		case ast.ConstFalse:
			return "False"
		}
		return "..."
	case *ast.BinOp:
		return list(x.Op.String(), sexpr(x.Left), sexpr(x.Right))
	case *ast.UnaryOp:
		return list(x.Op.String(), sexpr(x.Operand))
	case *ast.BoolOp:
		return list(x.Op.String(), all(x.Values)...)
	case *ast.Compare:
		items := []string{sexpr(x.Left)}
		for i, op := range x.Ops {
			items = append(items, strings.ReplaceAll(op.String(), " ", "-"), sexpr(x.Comparators[i]))
		}
		if len(x.Ops) == 1 {
			return list(items[1], items[0], items[2])
		}
		return list("cmp", items...)
	case *ast.IfExp:
		return list("if", sexpr(x.Test), sexpr(x.Body), sexpr(x.OrElse))
	case *ast.Lambda:
		var ps []string
		for _, a := range x.Args.Args {
			ps = append(ps, a.Name)
		}
		return list("lambda", "["+strings.Join(ps, " ")+"]", sexpr(x.Body))
	case *ast.Await:
		return list("await", sexpr(x.Value))
	case *ast.Yield:
		return list("yield", sexpr(x.Value))
	case *ast.YieldFrom:
		return list("yield-from", sexpr(x.Value))
	case *ast.NamedExpr:
		return list(":=", x.Target.Id, sexpr(x.Value))
	case *ast.Starred:
		return list("*", sexpr(x.Value))
	case *ast.Attribute:
		return list(".", sexpr(x.Value), x.Attr)
	case *ast.Subscript:
		return list("[]", sexpr(x.Value), sexpr(x.Index))
	case *ast.Slice:
		return list("slice", sexpr(x.Lower), sexpr(x.Upper), sexpr(x.Step))
	case *ast.Call:
		items := append([]string{sexpr(x.Func)}, all(x.Args)...)
		for _, k := range x.Keywords {
			if k.Arg == "" {
				items = append(items, list("**", sexpr(k.Value)))
			} else {
				items = append(items, list("=", k.Arg, sexpr(k.Value)))
			}
		}
		return list("call", items...)
	case *ast.Tuple:
		return list("tuple", all(x.Elts)...)
	case *ast.List:
		return list("list", all(x.Elts)...)
	case *ast.Set:
		return list("set", all(x.Elts)...)
	case *ast.Dict:
		var items []string
		for i := range x.Keys {
			if x.Keys[i] == nil {
				items = append(items, list("**", sexpr(x.Values[i])))
			} else {
				items = append(items, list(":", sexpr(x.Keys[i]), sexpr(x.Values[i])))
			}
		}
		return list("dict", items...)
	case *ast.ListComp:
		return list("listcomp", append([]string{sexpr(x.Elt)}, comps(x.Generators)...)...)
	case *ast.SetComp:
		return list("setcomp", append([]string{sexpr(x.Elt)}, comps(x.Generators)...)...)
	case *ast.GeneratorExp:
		return list("genexp", append([]string{sexpr(x.Elt)}, comps(x.Generators)...)...)
	case *ast.DictComp:
		return list("dictcomp", append([]string{sexpr(x.Key), sexpr(x.Value)}, comps(x.Generators)...)...)
	case *ast.JoinedStr:
		return list("f", all(x.Values)...)
	case *ast.FormattedValue:
		items := []string{sexpr(x.Value)}
		if x.Conversion != 0 {
			items = append(items, "!"+string(x.Conversion))
		}
		if x.FormatSpec != nil {
			items = append(items, sexpr(x.FormatSpec))
		}
		return list("fv", items...)
	}
	return fmt.Sprintf("?%T", e)
}

func comps(gs []*ast.Comprehension) []string {
	var out []string
	for _, g := range gs {
		head := "for"
		if g.IsAsync {
			head = "async-for"
		}
		items := []string{sexpr(g.Target), sexpr(g.Iter)}
		for _, c := range g.Ifs {
			items = append(items, "(if "+sexpr(c)+")")
		}
		out = append(out, "("+head+" "+strings.Join(items, " ")+")")
	}
	return out
}

func mustExpr(t *testing.T, src string) ast.Expr {
	t.Helper()
	e, err := ParseExpr("<test>", []byte(src))
	require.NoError(t, err, "source: %s", src)
	return e
}

func TestPrecedence(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a or b or c", "(or a b c)"},
		{"a or b and c", "(or a (and b c))"},
		{"a and b or c", "(or (and a b) c)"},
		{"not a or b", "(or (not a) b)"},
		{"not not a", "(not (not a))"},
		{"not a == b", "(not (== a b))"},
		{"a == b and c", "(and (== a b) c)"},
		{"a < b < c", "(cmp a < b < c)"},
		{"a == b != c <= d", "(cmp a == b != c <= d)"},
		{"a in b not in c", "(cmp a in b not-in c)"},
		{"a is b is not c", "(cmp a is b is-not c)"},
		{"a < b | c", "(< a (| b c))"},
		{"a | b ^ c", "(| a (^ b c))"},
		{"a ^ b & c", "(^ a (& b c))"},
		{"a & b << c", "(& a (<< b c))"},
		{"a << b + c", "(<< a (+ b c))"},
		{"a >> b >> c", "(>> (>> a b) c)"},
		{"a + b * c", "(+ a (* b c))"},
		{"a - b - c", "(- (- a b) c)"},
		{"a * b / c // d % e @ f", "(@ (% (// (/ (* a b) c) d) e) f)"},
		{"-a * b", "(* (- a) b)"},
		{"-a ** b", "(- (** a b))"},
		{"-2 ** 2", "(- (** 2 2))"},
		{"2 ** -1", "(** 2 (- 1))"},
		{"a ** b ** c", "(** a (** b c))"},
		{"a ** -b ** c", "(** a (- (** b c)))"},
		{"~a + +b - -c", "(- (+ (~ a) (+ b)) (- c))"},
		{"await a ** b", "(** (await a) b)"},
		{"-await a", "(- (await a))"},
		{"await a.b(c)[d]", "(await ([] (call (. a b) c) d))"},
		{"a.b.c", "(. (. a b) c)"},
		{"a(b)(c)", "(call (call a b) c)"},
		{"a[b][c]", "([] ([] a b) c)"},
		{"~a.b[c](d)", "(~ (call ([] (. a b) c) d))"},
		{"a if b else c", "(if b a c)"},
		{"a if b else c if d else e", "(if b a (if d c e))"},
		{"a or b if c and d else e", "(if (and c d) (or a b) e)"},
		{"lambda: a if b else c", "(lambda [] (if b a c))"},
		{"lambda x, y: x + y", "(lambda [x y] (+ x y))"},
		{"(a := 1) + 2", "(+ (:= a 1) 2)"},
		{"a, b", "(tuple a b)"},
		{"(a, b), c", "(tuple (tuple a b) c)"},
		{"a,", "(tuple a)"},
		{"()", "(tuple)"},
		{"(a)", "a"},
		{"x[1:2, ::3]", "([] x (tuple (slice 1 2 _) (slice _ _ 3)))"},
		{"x[a:b:c]", "([] x (slice a b c))"},
		{"x[::2]", "([] x (slice _ _ 2))"},
		{"x[:]", "([] x (slice _ _ _))"},
		{"x[1:]", "([] x (slice 1 _ _))"},
		{"x[a, b]", "([] x (tuple a b))"},
		{"x[a,]", "([] x (tuple a))"},
		{"x[*a]", "([] x (* a))"},
		{"f(a, *b, c=1, **d)", "(call f a (* b) (= c 1) (** d))"},
		{"f(x for x in y)", "(call f (genexp x (for x y)))"},
		{"f(a := 1)", "(call f (:= a 1))"},
		{"[x for x in a if x for y in b if y if z]", "(listcomp x (for x a (if x)) (for y b (if y) (if z)))"},
		{"{k: v for k, v in d}", "(dictcomp k v (for (tuple k v) d))"},
		{"{x for x in s}", "(setcomp x (for x s))"},
		{"[x async for x in a]", "(listcomp x (async-for x a))"},
		{"[*a, *b]", "(list (* a) (* b))"},
		{"{*a, 1}", "(set (* a) 1)"},
		{"{**a, 'b': 1}", `(dict (** a) (: "b" 1))`},
		{"{}", "(dict)"},
		{"[x for x in a if b or c]", "(listcomp x (for x a (if (or b c))))"},
		{"a if b else lambda: c", "(if b a (lambda [] c))"},
		{"not a in b", "(not (in a b))"},
		{"a + (b + c)", "(+ a (+ b c))"},
		{"1 + 2 * 3 ** 4", "(+ 1 (* 2 (** 3 4)))"},
		{"x.y[z](w).v", "(. (call ([] (. x y) z) w) v)"},
		{`f"{a!r:>{w}}"`, `(f (fv a !r (f ">" (fv w))))`},
		{`"a" 'b' "c"`, `"abc"`},
		{"...", "..."},
		{"None, True, False", "(tuple None True False)"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			assert.Equal(t, tt.want, sexpr(mustExpr(t, tt.src)))
		})
	}
}

func TestNumbers(t *testing.T) {
	ints := map[string]string{
		"0": "0", "00": "0", "0_0": "0", "7": "7", "1_000": "1000", "0x1F": "31",
		"0X_ff": "255", "0o17": "15", "0b101": "5", "0B_1_0": "2",
		"123456789012345678901234567890": "123456789012345678901234567890",
		"0xFFFFFFFFFFFFFFFFFFFFFFFF":     "79228162514264337593543950335",
		"0b" + strings.Repeat("1", 70):   "1180591620717411303423",
	}
	for src, want := range ints {
		c, ok := mustExpr(t, src).(*ast.Constant)
		require.True(t, ok, src)
		assert.Equal(t, ast.ConstInt, c.Kind, src)
		assert.Equal(t, want, c.Text, src)
	}
	floats := map[string]float64{
		"1.5": 1.5, ".5": 0.5, "1e-3": 0.001, "1_000.5": 1000.5, "1.": 1, "1E10": 1e10,
		"0.0": 0, "00.5": 0.5, "09.5": 9.5, "1_0.0_1e1_0": 10.01e10, "1e400": math.Inf(1), "0e0": 0,
	}
	for src, want := range floats {
		c, ok := mustExpr(t, src).(*ast.Constant)
		require.True(t, ok, src)
		assert.Equal(t, ast.ConstFloat, c.Kind, src)
		assert.Equal(t, want, c.Float, src)
	}
	imags := map[string]float64{"1j": 1, "2.5J": 2.5, "1_0j": 10, ".5j": 0.5, "1e3j": 1000, "0j": 0}
	for src, want := range imags {
		c, ok := mustExpr(t, src).(*ast.Constant)
		require.True(t, ok, src)
		assert.Equal(t, ast.ConstImag, c.Kind, src)
		assert.Equal(t, want, c.Float, src)
	}
}

func TestStrings(t *testing.T) {
	strs := map[string]string{
		`"abc"`:                      "abc",
		`'a' "b" '''c'''`:            "abc",
		`"\n\t\r\0\\\'\"\a\b\f\v"`:   "\n\t\r\x00\\'\"\a\b\f\v",
		`"\101\x41\u0041\U00000041"`: "AAAA",
		`"\u00e9\U0001F600"`:         "é😀",
		`"\d\q"`:                     `\d\q`,
		`r"\n\d"`:                    `\n\d`,
		`R'\x'`:                      `\x`,
		`u"x"`:                       "x",
		"'''a\nb'''":                 "a\nb",
		"'a\\\nb'":                   "ab",
		`"\777"`:                     "\u01ff",
		`"é"`:                        "é",
	}
	for src, want := range strs {
		c, ok := mustExpr(t, src).(*ast.Constant)
		require.True(t, ok, src)
		assert.Equal(t, ast.ConstStr, c.Kind, src)
		assert.Equal(t, want, c.Text, src)
	}
	byteStrs := map[string]string{
		`b"x"`: "x", `rb"\x41"`: `\x41`, `BR'\n'`: `\n`, `b"\x41\101\n"`: "AA\n",
		`b"\xff\u1234"`: "\xff\\u1234", `b"a" rb"\0" B'c'`: `a\0c`, `b"\400"`: "\x00",
	}
	for src, want := range byteStrs {
		c, ok := mustExpr(t, src).(*ast.Constant)
		require.True(t, ok, src)
		assert.Equal(t, ast.ConstBytes, c.Kind, src)
		assert.Equal(t, want, c.Text, src)
	}
	badBytes := map[string]string{
		`b"é"`:       "bytes can only contain ASCII literal characters",
		`"a" b"x"`:   "cannot mix bytes and nonbytes literals",
		`b"x" f"y"`:  "cannot mix bytes and nonbytes literals",
		`b"\x4"`:     "(value error) invalid \\x escape at position 0",
		`f"{a[" b""`: "f-string: unmatched '['",
	}
	for src, want := range badBytes {
		_, err := ParseExpr("x", []byte(src))
		require.Error(t, err, src)
		assert.Equal(t, want, err.(*SyntaxError).Msg, src)
	}
}

func TestFStrings(t *testing.T) {
	tests := []struct{ src, want string }{
		{`f"{x}"`, `(f (fv x))`},
		{`f"a{x}b"`, `(f "a" (fv x) "b")`},
		{`f"{x!r}{y!s}{z!a}"`, `(f (fv x !r) (fv y !s) (fv z !a))`},
		{`f"{x=}"`, `(f "x=" (fv x !r))`},
		{`f"{x = }"`, `(f "x = " (fv x !r))`},
		{`f"{x=!s}"`, `(f "x=" (fv x !s))`},
		{`f"{x=:>4}"`, `(f "x=" (fv x (f ">4")))`},
		{`f"{x:>8}"`, `(f (fv x (f ">8")))`},
		{`f"{x:.2f}"`, `(f (fv x (f ".2f")))`},
		{`f"{x:,}"`, `(f (fv x (f ",")))`},
		{`f"{x:08.3f}"`, `(f (fv x (f "08.3f")))`},
		{`f"{x:{w}.{p}f}"`, `(f (fv x (f (fv w) "." (fv p) "f")))`},
		{`f"{{}}"`, `(f "{}")`},
		{`f"{{{x}}}"`, `(f "{" (fv x) "}")`},
		{`f""`, `(f)`},
		{`f"" "a"`, `(f "a")`},
		{`"a" f"{x}" "b"`, `(f "a" (fv x) "b")`},
		{`f"{'q'}" f'{"q"}'`, `(f (fv "q") (fv "q"))`},
		{`f"{a, b}"`, `(f (fv (tuple a b)))`},
		{`f"{x:}"`, `(f (fv x (f)))`},
		{`f"{f'{x}'}"`, `(f (fv (f (fv x))))`},
		{`rf"\d{x}"`, `(f "\\d" (fv x))`},
		{`f"\n{x}"`, `(f "\n" (fv x))`},
		{`f"{a if b else c}"`, `(f (fv (if b a c)))`},
		{`f"{d['k']}"`, `(f (fv ([] d "k")))`},
		{`f"{x!r:^10}"`, `(f (fv x !r (f "^10")))`},
		{`f"{x == y}"`, `(f (fv (== x y)))`},
		{`f"{x != y}"`, `(f (fv (!= x y)))`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			assert.Equal(t, tt.want, sexpr(mustExpr(t, tt.src)))
		})
	}
	// The expression in a field has its real position in the file.
	e := mustExpr(t, `f"ab{ x + y }"`)
	bin := e.(*ast.JoinedStr).Values[1].(*ast.FormattedValue).Value
	assert.Equal(t, ast.Span{Start: ast.Pos{Line: 1, Col: 6}, End: ast.Pos{Line: 1, Col: 11}}, bin.NodeSpan())
}

func TestParseExprErrors(t *testing.T) {
	for src, msg := range map[string]string{
		"":        "invalid syntax",
		"*a":      "invalid syntax",
		"a b":     "invalid syntax",
		"x = 1":   "invalid syntax",
		"(a":      "'(' was never closed",
		"f(a b)":  "invalid syntax. Perhaps you forgot a comma?",
		"1 +":     "invalid syntax",
		"a\nb":    "invalid syntax",
		"lambda":  "invalid syntax",
		"1abc":    "invalid decimal literal",
		`f"{}"`:   "f-string: empty expression not allowed",
		"yield x": "invalid syntax",
	} {
		_, err := ParseExpr("<string>", []byte(src))
		require.Error(t, err, src)
		assert.Equal(t, msg, err.(*SyntaxError).Msg, src)
	}
	e := mustExpr(t, "  a + b\n\n")
	assert.Equal(t, "(+ a b)", sexpr(e))
}
