package parser

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/aio-lang/aio/ast"
	"github.com/alecthomas/participle/v2/lexer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustParse(t *testing.T, src string) *ast.Module {
	t.Helper()
	m, err := Parse("test.aio", []byte(src))
	require.NoError(t, err, "source:\n%s", src)
	return m
}

// kinds lists the token types of src, NEWLINE/INDENT/DEDENT by name.
func kinds(src string) string {
	tz := newTokenizer("t", normalizeNewlines([]byte(src)))
	var out []string
	for _, t := range tz.all() {
		switch t.Type {
		case tNewline:
			out = append(out, "NL")
		case tIndent:
			out = append(out, "IN")
		case tDedent:
			out = append(out, "DE")
		case tBad:
			out = append(out, "BAD")
		case lexer.EOF:
			out = append(out, "EOF")
		default:
			out = append(out, t.Value)
		}
	}
	return strings.Join(out, " ")
}

func TestTokenizer(t *testing.T) {
	tests := []struct{ src, want string }{
		{"x = 1\n", "x = 1 NL EOF"},
		{"x = 1", "x = 1 NL EOF"},
		{"", "EOF"},
		{"\n\n# c\n   \n", "EOF"},
		{"if x:\n    y\n", "if x : NL IN y NL DE EOF"},
		{"if x:\n    y", "if x : NL IN y NL DE EOF"},
		{"if x:\n  if y:\n    z\nw\n", "if x : NL IN if y : NL IN z NL DE DE w NL EOF"},
		{"if x:\n    y\n\n  # comment\n    z\n", "if x : NL IN y NL z NL DE EOF"},
		{"x = (1,\n  2)\n", "x = ( 1 , 2 ) NL EOF"},
		{"x = [\n1\n]\n", "x = [ 1 ] NL EOF"},
		{"x = 1 + \\\n  2\n", "x = 1 + 2 NL EOF"},
		{"if x:\n\ty\n\tz\n", "if x : NL IN y NL z NL DE EOF"},
		{"x\r\ny\r\n", "x NL y NL EOF"},
		{"\ufeffx\n", "x NL EOF"},
		{"x # c\n", "x NL EOF"},
		{"a...b", "a ... b NL EOF"},
		{"a**=b//=c>>=d<<=e->f:=g!=h", "a **= b //= c >>= d <<= e -> f := g != h NL EOF"},
		{"1if x else 2", "1 if x else 2 NL EOF"},
		{"x = '''a\nb'''\n", "x = '''a\nb''' NL EOF"},
		{"f'{x}' rb'y'", "f'{x}' rb'y' NL EOF"},
		{"x = (", "x = ( BAD EOF"},
		{"x = $", "x = $ NL EOF"},
		{"if x:\n  y\n z\n", "if x : NL IN y NL BAD EOF"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, kinds(tt.src), "source %q", tt.src)
	}
}

func TestTokenPositions(t *testing.T) {
	tz := newTokenizer("t", "ab = 'é' + cd  # note\n")
	toks := tz.all()
	require.Len(t, toks, 7)
	assert.Equal(t, ast.Pos{Line: 1, Col: 5}, tokStart(&toks[2]))
	assert.Equal(t, ast.Pos{Line: 1, Col: 8}, tokEnd(&toks[2]))
	assert.Equal(t, ast.Pos{Line: 1, Col: 11}, tokStart(&toks[4]))
	// NEWLINE spans the trailing comment, as in CPython.
	assert.Equal(t, ast.Pos{Line: 1, Col: 15}, tokStart(&toks[5]))
	assert.Equal(t, ast.Pos{Line: 1, Col: 21}, tokEnd(&toks[5]))
}

func TestStatements(t *testing.T) {
	m := mustParse(t, `
import a.b as c, d
from .. import (e, f as g,)
x = y = 1
p, *q = r
s.t[0] += 2
u: int = 3
del v, w[0]
assert cond, "msg"
global G
pass; break; continue
raise E from F
return
`)
	var types []string
	for _, s := range m.Body {
		types = append(types, fmt.Sprintf("%T", s))
	}
	assert.Equal(t, []string{"*ast.Import", "*ast.ImportFrom", "*ast.Assign", "*ast.Assign", "*ast.AugAssign",
		"*ast.AnnAssign", "*ast.Delete", "*ast.Assert", "*ast.Global", "*ast.Pass", "*ast.Break",
		"*ast.Continue", "*ast.Raise", "*ast.Return"}, types)

	imp := m.Body[0].(*ast.Import)
	assert.Equal(t, "a.b", imp.Names[0].Name)
	assert.Equal(t, "c", imp.Names[0].AsName)
	from := m.Body[1].(*ast.ImportFrom)
	assert.Equal(t, 2, from.Level)
	assert.Equal(t, "", from.Module)
	assert.Equal(t, "g", from.Names[1].AsName)
	assert.Len(t, m.Body[2].(*ast.Assign).Targets, 2)
	aug := m.Body[4].(*ast.AugAssign)
	assert.Equal(t, ast.Add, aug.Op)
	assert.Len(t, m.Body[6].(*ast.Delete).Targets, 2)
	r := m.Body[12].(*ast.Raise)
	assert.Equal(t, "E", r.Exc.(*ast.Name).Id)
	assert.Equal(t, "F", r.Cause.(*ast.Name).Id)

	m = mustParse(t, `
@dec
async def f(a, /, b=1, *args, c, d=2, **kw) -> int:
    async with x as y, z:
        pass
    async for i in j:
        pass
class C(B, metaclass=M):
    def m(self): return self
try:
    pass
except (A, B) as e:
    pass
except:
    pass
else:
    pass
finally:
    pass
if a:
    pass
elif b:
    pass
else:
    pass
while c:
    pass
else:
    pass
with (open(p) as fp, q):
    pass
`)
	f := m.Body[0].(*ast.FunctionDef)
	assert.True(t, f.IsAsync)
	assert.Len(t, f.Decorators, 1)
	assert.Equal(t, "a", f.Args.PosOnly[0].Name)
	assert.Equal(t, "b", f.Args.Args[0].Name)
	assert.Len(t, f.Args.Defaults, 1)
	assert.Equal(t, "args", f.Args.Vararg.Name)
	assert.Equal(t, []ast.Expr{nil, f.Args.KwDefaults[1]}, f.Args.KwDefaults)
	assert.Equal(t, "kw", f.Args.Kwarg.Name)
	assert.Equal(t, "int", f.Returns.(*ast.Name).Id)
	assert.Equal(t, 3, f.Start.Line) // def line, not decorator line (CPython 3.8+)
	with := f.Body[0].(*ast.With)
	assert.True(t, with.IsAsync)
	assert.Len(t, with.Items, 2)
	assert.True(t, f.Body[1].(*ast.For).IsAsync)
	cls := m.Body[1].(*ast.ClassDef)
	assert.Len(t, cls.Bases, 1)
	assert.Equal(t, "metaclass", cls.Keywords[0].Arg)
	try := m.Body[2].(*ast.Try)
	assert.Len(t, try.Handlers, 2)
	assert.Equal(t, "e", try.Handlers[0].Name)
	assert.Nil(t, try.Handlers[1].Type)
	assert.Len(t, try.OrElse, 1)
	assert.Len(t, try.Finalbody, 1)
	iff := m.Body[3].(*ast.If)
	elif := iff.OrElse[0].(*ast.If)
	assert.Len(t, elif.OrElse, 1)
	assert.Equal(t, 25, iff.End.Line)
	assert.Len(t, m.Body[4].(*ast.While).OrElse, 1)
	w := m.Body[5].(*ast.With)
	assert.Len(t, w.Items, 2)
	assert.Equal(t, "fp", w.Items[0].OptionalVars.(*ast.Name).Id)

	// One-line compound bodies and trailing semicolons.
	m = mustParse(t, "if x: y; z;\nwhile 0: pass\n")
	assert.Len(t, m.Body[0].(*ast.If).Body, 2)

	// Walrus where Python allows it.
	m = mustParse(t, "if (n := 10) > 5:\n    pass\nwhile (x := f()):\n    pass\n")
	assert.IsType(t, &ast.NamedExpr{}, m.Body[1].(*ast.While).Test)

	// Yield forms.
	m = mustParse(t, "def g():\n    yield\n    x = yield 1\n    y = yield from z\n    yield a, b\n")
	body := m.Body[0].(*ast.FunctionDef).Body
	assert.Nil(t, body[0].(*ast.ExprStmt).Value.(*ast.Yield).Value)
	assert.IsType(t, &ast.YieldFrom{}, body[2].(*ast.Assign).Value)
	assert.IsType(t, &ast.Tuple{}, body[3].(*ast.ExprStmt).Value.(*ast.Yield).Value)

	// await parses anywhere; the resolver decides whether it is allowed.
	m = mustParse(t, "await x\nresult = await f(await y)\n")
	assert.IsType(t, &ast.Await{}, m.Body[0].(*ast.ExprStmt).Value)
}

func TestEmptyAndComments(t *testing.T) {
	for _, src := range []string{"", "\n", "# only a comment", "\n\n  \n# c\n\t\n"} {
		m := mustParse(t, src)
		assert.Empty(t, m.Body)
		assert.Equal(t, "test.aio", m.Filename)
	}
}

func TestParseInput(t *testing.T) {
	tests := []struct {
		src  string
		want InputStatus
	}{
		{"x = 1\n", Complete},
		{"x = 1", Complete},
		{"", Complete},
		{"# c\n", Complete},
		{"print(1)\nprint(2)\n", Complete},
		{"x = (1,\n", Incomplete},
		{"f(\n\n", Incomplete},
		{"if x:\n", Incomplete},
		{"if x:\n\n", Incomplete},
		{"if x:\n    y\n", Incomplete},
		{"if x:\n    y\n\n", Complete},
		{"if x:\n    y\n   \n", Complete},
		{"if x: y\n", Incomplete},
		{"if x: y\n\n", Complete},
		{"if x:\n  y\nelse:\n", Incomplete},
		{"def f():\n", Incomplete},
		{"def f():\n    return 1\n", Incomplete},
		{"def f():\n    return 1\n\n", Complete},
		{"class A:\n  def f(self):\n    pass\n", Incomplete},
		{"try:\n  x\n\n", Incomplete},
		{"@dec\n", Incomplete},
		{"'''abc\n", Incomplete},
		{"x = '''", Incomplete},
		{"x = 1 \\\n", Incomplete},
		{"x = \\", Incomplete},
		{"x +\n", Invalid},
		{"x = ]", Invalid},
		{"if x\n", Invalid},
		{"for x in", Invalid},
		{"  x = 1\n", Invalid},
		{"'abc\n", Invalid},
		{"lambda:", Invalid},
	}
	for _, tt := range tests {
		m, status, err := ParseInput("<stdin>", []byte(tt.src))
		assert.Equal(t, tt.want, status, "input %q (err %v)", tt.src, err)
		switch status {
		case Complete:
			assert.NoError(t, err)
			assert.NotNil(t, m)
		case Incomplete:
			assert.NoError(t, err)
			assert.Nil(t, m)
		case Invalid:
			assert.IsType(t, &SyntaxError{}, err)
		}
	}
	assert.Equal(t, "Incomplete", Incomplete.String())
}

func TestSyntaxErrorRendering(t *testing.T) {
	_, err := Parse("x.aio", []byte("a = 1\nb = 2\nx = = 1\n"))
	require.Error(t, err)
	assert.Equal(t, `  File "x.aio", line 3
    x = = 1
        ^
SyntaxError: invalid syntax`, err.Error())

	_, err = Parse("y.aio", []byte("if x:\n    print(f(x) for x in y, 1)\n"))
	require.Error(t, err)
	assert.Equal(t, `  File "y.aio", line 2
    print(f(x) for x in y, 1)
          ^^^^^^^^^^^^^^^
SyntaxError: Generator expression must be parenthesized`, err.Error())

	// Indentation errors show one caret, or none when it would point
	// into the indentation.
	_, err = Parse("z.aio", []byte("x = 1\n  y = 2\n"))
	require.Error(t, err)
	assert.Equal(t, `  File "z.aio", line 2
    y = 2
IndentationError: unexpected indent`, err.Error())
}

func TestNonUTF8(t *testing.T) {
	_, err := Parse("bad.aio", []byte("x = 1\ny = \"\xff\"\n"))
	require.Error(t, err)
	assert.Equal(t, `SyntaxError: Non-UTF-8 code starting with '\xff' in file bad.aio on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details`, err.Error())
	_, err = ParseExpr("bad", []byte("\xc3"))
	assert.IsType(t, &SyntaxError{}, err)
}

func TestNewSyntaxError(t *testing.T) {
	src := []byte("def f():\n    pass\n\nreturn 42\n")
	e := NewSyntaxError("r.aio", src, "SyntaxError", "'return' outside function",
		ast.Pos{Line: 4, Col: 0}, ast.Pos{Line: 4, Col: 9})
	assert.Equal(t, 4, e.Line)
	assert.Equal(t, 1, e.Col)
	assert.Equal(t, 10, e.EndCol)
	assert.Equal(t, "return 42", e.Text)
	assert.Equal(t, `  File "r.aio", line 4
    return 42
    ^^^^^^^^^
SyntaxError: 'return' outside function`, e.Error())
}

// TestNeverPanics feeds hostile inputs; each must give a module or a
// *SyntaxError.
func TestNeverPanics(t *testing.T) {
	inputs := []string{
		"(", ")", "[", "{", "}", "\\", "'", "\"\"\"", "f'{", "f'{x!", "f'{x:{y:{z}}}'",
		"\x00", "\xff\xfe", "é", "if", "if:", "def", "def f(", "class", "lambda", "@", "*", "**",
		"x" + strings.Repeat("(", 300), strings.Repeat("-", 10000) + "1", strings.Repeat("not ", 5000) + "x",
		strings.Repeat("[", 150) + strings.Repeat("]", 150), "\t\t\tx\n  y", "if x:\n\tpass\n        pass",
		"from", "from .", "import", "global", "del", "with", "with (", "try:\n  pass\nexcept",
		"x = yield", "async", "await", "f(**)", "a[::", "{**}", "{*}", "f'{x=!r:>{y}}'", "x\f= 1",
	}
	for _, src := range inputs {
		assert.NotPanics(t, func() {
			m, err := Parse("p.aio", []byte(src))
			if err != nil {
				assert.IsType(t, &SyntaxError{}, err, "input %q", src)
			} else {
				assert.NotNil(t, m)
			}
			_, _ = ParseExpr("p", []byte(src))
			_, _, _ = ParseInput("p", []byte(src))
		}, "input %q", src)
	}
}

func TestDeepNesting(t *testing.T) {
	for _, tc := range []struct{ head, rep, tail string }{
		{"", "-", "1"}, {"", "not ", "x"}, {"", "lambda: ", "1"}, {"", "a if b else ", "c"},
		{"1", " ** 1", ""}, {"", "~", "1"}, {"x", ".a", ""}, {"x", "()", ""}, {"x", " + 1", ""},
	} {
		ok := tc.head + strings.Repeat(tc.rep, 500) + tc.tail
		_, err := ParseExpr("d", []byte(ok))
		assert.NoError(t, err, tc.rep)
		deep := tc.head + strings.Repeat(tc.rep, 100000) + tc.tail
		_, err = Parse("d", []byte(deep))
		if err != nil {
			assert.IsType(t, &SyntaxError{}, err, tc.rep)
		}
	}
}

func TestConcurrentParse(t *testing.T) {
	src := benchSource(300)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := Parse("c.aio", src)
			assert.NoError(t, err)
			_, err = Parse("c.aio", []byte("x = = 1"))
			assert.Error(t, err)
		}()
	}
	wg.Wait()
}

func TestBuildIsCheap(t *testing.T) {
	buildParser()
	// Build runs once per process; the benchmark measures it, this just
	// guards against a grammar that stops building.
	assert.NotNil(t, theParser)
	assert.Less(t, buildTime.Milliseconds(), int64(500))
}

func TestNulByte(t *testing.T) {
	_, err := Parse("nul.aio", []byte("x = 1\ny = 2\x00\n"))
	require.Error(t, err)
	assert.Equal(t, "  File \"nul.aio\", line 2\n    y = 2\nSyntaxError: source code cannot contain null bytes", err.Error())
	_, err = ParseExpr("nul", []byte("1\x00"))
	assert.IsType(t, &SyntaxError{}, err)
}
