package contextlib_test

// This file tests contextlib's generator managers and exit stacks, and
// that print honours a replaced sys.stdout (redirect_stdout).

import (
	"bytes"
	"context"
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// run executes src and returns what it printed.
func run(t *testing.T, src string) string {
	t.Helper()
	var out bytes.Buffer
	in := interp.New(interp.Options{Stdout: &out})
	require.NoError(t, in.Exec(context.Background(), "main.aio", src))
	return out.String()
}

func TestContextManagerThrowsIntoTheGenerator(t *testing.T) {
	out := run(t, `
from contextlib import contextmanager
@contextmanager
def guard():
    try:
        yield "v"
    except KeyError:
        print("caught")
with guard() as v:
    raise KeyError(v)
@contextmanager
def twice():
    yield
    yield
try:
    with twice():
        pass
except RuntimeError as e:
    print(e)
`)
	assert.Equal(t, "caught\ngenerator didn't stop\n", out)
}

func TestExitStackChainsCallbackErrors(t *testing.T) {
	out := run(t, `
from contextlib import ExitStack
def boom(m):
    raise ValueError(m)
try:
    with ExitStack() as s:
        s.callback(boom, "first")
        s.callback(boom, "second")
        raise KeyError("body")
except ValueError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
`)
	assert.Equal(t, "ValueError('first') ValueError('second') KeyError('body')\n", out)
}

func TestRedirectStdout(t *testing.T) {
	out := run(t, `
from contextlib import redirect_stdout
class Sink:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
sink = Sink()
with redirect_stdout(sink):
    print("hidden")
print(sink.parts)
`)
	assert.Equal(t, "['hidden', '\\n']\n", out)
}

func TestAsyncContextManagerUnderAsyncio(t *testing.T) {
	out := run(t, `
import asyncio
from contextlib import asynccontextmanager, AsyncExitStack
@asynccontextmanager
async def res(n):
    print("open", n)
    yield n
    print("close", n)
async def main():
    async with AsyncExitStack() as st:
        a = await st.enter_async_context(res(1))
        b = await st.enter_async_context(res(2))
        print(a + b)
asyncio.run(main())
`)
	assert.Equal(t, "open 1\nopen 2\n3\nclose 2\nclose 1\n", out)
}
