package interp

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAsyncGeneratorSyntaxErrors(t *testing.T) {
	expectError(t, "async def f():\n    yield from [1]\n", "SyntaxError: 'yield from' inside async function")
	expectError(t, "async def f():\n    return 1\n    yield 2\n", "SyntaxError: 'return' with value in async generator")
}

func TestAsyncGeneratorProtocol(t *testing.T) {
	expectRun(t, `import asyncio
async def g():
    try:
        x = yield 1
        yield x
    except KeyError:
        yield "caught"
    finally:
        print("finally")
async def main():
    a = g()
    print(await a.asend(None), await a.asend("sent"))
    print(await a.athrow(KeyError))
    print(await a.aclose(), a.ag_running, await anext(a, "default"))
asyncio.run(main())
`, "1 sent\ncaught\nfinally\nNone False default\n")
}

func TestAsyncGeneratorLeftUnfinishedClosedAtShutdown(t *testing.T) {
	expectRun(t, `import asyncio
keep = []
async def g():
    try:
        yield 1
    finally:
        print("closed at shutdown")
async def main():
    a = g()
    keep.append(a)
    await anext(a)
    print("main done")
asyncio.run(main())
print("after run")
`, "main done\nclosed at shutdown\nafter run\n")
}

func TestAsyncGeneratorMisuseErrors(t *testing.T) {
	out, errLine := runSource(t, `import asyncio
async def g():
    yield 1
    await asyncio.sleep(0)
    yield 2
async def main():
    a = g()
    aw = a.__anext__()
    await aw
    try:
        await aw
    except RuntimeError as e:
        print(e)
    t = asyncio.ensure_future(anext(a))
    await asyncio.sleep(0)
    try:
        await anext(a)
    except RuntimeError as e:
        print(e)
    await t
    try:
        await a.asend(1)
        await a.asend(2)
    except StopAsyncIteration:
        print("stop")
asyncio.run(main())
`)
	require.Empty(t, errLine)
	assert.Equal(t, "cannot reuse already awaited __anext__()/asend()\nanext(): asynchronous generator is already running\nstop\n", out)
}

func TestGeneratorThrowAndCloseDelegate(t *testing.T) {
	expectRun(t, `def inner():
    try:
        yield 1
    except ValueError:
        yield "inner caught"
    finally:
        print("inner closed")
def outer():
    yield from inner()
g = outer()
next(g)
print(g.throw(ValueError))
g.close()
print(g.gi_frame)
`, "inner caught\ninner closed\nNone\n")
}

func TestCoroutineCloseThrowsGeneratorExit(t *testing.T) {
	expectRun(t, `import asyncio
async def c():
    try:
        await asyncio.sleep(1)
    finally:
        print("finally")
async def main():
    co = c()
    co.send(None)
    co.close()
    print(co.cr_frame)
asyncio.run(main())
`, "finally\nNone\n")
}

func TestTopLevelAsyncForAndComprehension(t *testing.T) {
	// aio extension: a module whose top level has async for runs as the
	// main task of an event loop.
	expectRun(t, `async def g():
    yield 1
    yield 2
async for x in g():
    print(x)
else:
    print("else")
print([y * 10 async for y in g()])
`, "1\n2\nelse\n[10, 20]\n")
}
