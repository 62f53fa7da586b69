package compile

import (
	"errors"
	"strings"
	"testing"

	"github.com/aio-lang/aio/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAsyncCompileErrors checks the SyntaxErrors of async iteration and
// async generators against what CPython 3.11's compile() raises for the
// same sources (message, line, offset, end line, end offset, recorded
// from CPython).
func TestAsyncCompileErrors(t *testing.T) {
	cases := []struct {
		src                        string
		msg                        string
		line, col, endLine, endCol int
	}{
		{"async def f():\n    yield from x\n", "'yield from' inside async function", 2, 5, 2, 17},
		{"async def f():\n    return 1\n    yield\n", "'return' with value in async generator", 2, 5, 2, 13},
		{"async def f():\n    yield\n    if x:\n        return 2\n", "'return' with value in async generator", 4, 9, 4, 17},
		{"def f():\n    async for x in y:\n        pass\n", "'async for' outside async function", 2, 5, 3, 13},
		{"def f():\n    return [x async for x in y]\n", "asynchronous comprehension outside of an asynchronous function", 2, 12, 2, 32},
		{"def f():\n    return [await x for x in y]\n", "asynchronous comprehension outside of an asynchronous function", 2, 12, 2, 32},
		{"def f():\n    return {k: v async for k, v in y}\n", "asynchronous comprehension outside of an asynchronous function", 2, 12, 2, 38},
		{"class C:\n    async for x in y:\n        pass\n", "'async for' outside async function", 2, 5, 3, 13},
		{"async def f():\n    return [(yield x) async for x in y]\n", "'yield' inside list comprehension", 2, 14, 2, 21},
		{"class C:\n    async with x:\n        pass\n", "'async with' outside async function", 2, 5, 3, 13},
		{"class C:\n    z = [x async for x in y]\n", "asynchronous comprehension outside of an asynchronous function", 2, 9, 2, 29},
		{"class C:\n    await x\n", "'await' outside function", 2, 5, 2, 12},
		{"def f():\n    return [[await x for x in y] for z in w]\n", "asynchronous comprehension outside of an asynchronous function", 2, 12, 2, 45},
	}
	for _, c := range cases {
		_, err := File("t.aio", []byte(c.src))
		var se *parser.SyntaxError
		if !assert.True(t, errors.As(err, &se), "%q: error is %v", c.src, err) {
			continue
		}
		assert.Equal(t, c.msg, se.Msg, c.src)
		assert.Equal(t, [4]int{c.line, c.col, c.endLine, c.endCol}, [4]int{se.Line, se.Col, se.EndLine, se.EndCol}, "%q: location", c.src)
	}
}

// TestAsyncGeneratorExpressionsCompileAnywhere checks the async forms
// CPython accepts outside async functions: an async generator expression
// (which may hold an async comprehension), and yield from in a lambda
// inside an async def.
func TestAsyncGeneratorExpressionsCompileAnywhere(t *testing.T) {
	for _, src := range []string{
		"def f():\n    return ([z async for z in x] for x in y)\n",
		"def f():\n    return (x async for x in y)\n",
		"async def f():\n    async def g():\n        yield 1\n    return g\n",
		"async def f():\n    lambda: (yield from x)\n",
	} {
		_, err := File("t.aio", []byte(src))
		require.NoError(t, err, src)
	}
}

// The call whose result an await takes at once is marked when compiling
// (CALL_AWAITED, CALL_METHOD_AWAITED); a call awaited later, or an await
// of something other than a call, keeps the plain form.
func TestAwaitedCallIsMarked(t *testing.T) {
	ops := func(src string) string {
		var names []string
		for _, line := range strings.Split(disasm(t, src), "\n") {
			names = append(names, strings.Fields(line)[0])
		}
		return strings.Join(names, " ")
	}
	assert.Contains(t, ops("async def f(g):\n    await g(1)\n"), "LOAD_FAST LOAD_CONST CALL_AWAITED GET_AWAITABLE")
	assert.Contains(t, ops("async def f(o):\n    await o.m()\n"), "LOAD_FAST LOAD_METHOD CALL_METHOD_AWAITED GET_AWAITABLE")
	later := ops("async def f(g):\n    c = g(1)\n    await c\n")
	assert.Contains(t, later, "CALL STORE_FAST")
	assert.NotContains(t, later, "AWAITED")
	assert.NotContains(t, ops("async def f(g):\n    await (g(1) or g(2))\n"), "AWAITED")
	assert.NotContains(t, ops("async def f(o):\n    x = o.m()\n    await x\n"), "AWAITED")
}
