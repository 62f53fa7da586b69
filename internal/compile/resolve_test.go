package compile

import (
	"testing"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// resolveSrc parses and resolves src, returning the scope of the first
// function named name (or the module scope for "").
func resolveSrc(t *testing.T, src, name string) *scope {
	t.Helper()
	mod, err := parser.Parse("t.aio", []byte(src))
	require.NoError(t, err)
	scopes, top, err := resolveModule("t.aio", []byte(src), mod)
	require.NoError(t, err)
	if name == "" {
		return top
	}
	for n, s := range scopes {
		if fd, ok := n.(*ast.FunctionDef); ok && fd.Name == name {
			return s
		}
	}
	t.Fatalf("no function %s", name)
	return nil
}

func TestResolveKinds(t *testing.T) {
	src := `
g = 1
def outer(a):
    b = 2
    c = 3
    def inner():
        nonlocal c
        c = a + b
        return g + len([])
    global h
    h = 4
    return inner
`
	outer := resolveSrc(t, src, "outer")
	assert.Equal(t, bindCell, outer.syms["a"].kind, "parameter captured by inner")
	assert.Equal(t, bindCell, outer.syms["b"].kind)
	assert.Equal(t, bindCell, outer.syms["c"].kind)
	assert.Equal(t, bindGlobalExplicit, outer.syms["h"].kind)
	assert.Equal(t, bindLocal, outer.syms["inner"].kind)
	assert.Equal(t, []string{"a", "inner"}, outer.locals)
	assert.Equal(t, []string{"a", "b", "c"}, outer.cells)

	inner := resolveSrc(t, src, "inner")
	assert.Equal(t, bindFree, inner.syms["a"].kind)
	assert.Equal(t, bindFree, inner.syms["c"].kind)
	assert.Equal(t, bindGlobalImplicit, inner.syms["g"].kind)
	assert.Equal(t, bindGlobalImplicit, inner.syms["len"].kind)
	assert.Equal(t, []string{"a", "b", "c"}, inner.frees)
}

func TestResolveAssignedAnywhereIsLocal(t *testing.T) {
	f := resolveSrc(t, "x = 1\ndef f():\n    print(x)\n    x = 2\n", "f")
	assert.Equal(t, bindLocal, f.syms["x"].kind)
	assert.Equal(t, bindGlobalImplicit, f.syms["print"].kind)
}

func TestResolveSuperNeedsClassCell(t *testing.T) {
	src := "class A:\n    def m(self):\n        return super().m()\n"
	m := resolveSrc(t, src, "m")
	assert.Equal(t, []string{"__class__"}, m.frees)
}

func TestResolveErrors(t *testing.T) {
	cases := map[string]string{
		"return 1\n":                                               "'return' outside function",
		"def f():\n    await g()\n":                                "'await' outside async function",
		"nonlocal x\n":                                             "nonlocal declaration not allowed at module level",
		"def f():\n    nonlocal y\n":                               "no binding for nonlocal 'y' found",
		"def f(a):\n    global a\n":                                "name 'a' is parameter and global",
		"def f():\n    x = 1\n    global x\n":                      "name 'x' is assigned to before global declaration",
		"def f():\n    print(x)\n    global x\n":                   "name 'x' is used prior to global declaration",
		"class C:\n    await x\n":                                  "'await' outside function",
		"def f():\n    yield 1\n    return [(yield) for x in y]\n": "'yield' inside list comprehension",
	}
	for src, want := range cases {
		mod, err := parser.Parse("t.aio", []byte(src))
		require.NoError(t, err, src)
		_, _, err = resolveModule("t.aio", []byte(src), mod)
		var se *parser.SyntaxError
		require.ErrorAs(t, err, &se, src)
		assert.Equal(t, want, se.Msg, src)
	}
}

func TestTopLevelAwaitMarksModule(t *testing.T) {
	top := resolveSrc(t, "await f()\n", "")
	assert.True(t, top.hasAwait)
	top = resolveSrc(t, "async def f():\n    await g()\n", "")
	assert.False(t, top.hasAwait)
}
