package compile

// This file checks the shape of the code compiled for loops whose
// iterator the loop owns: async for, and for over a fresh iterator.

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCompileAsyncForLoopShape(t *testing.T) {
	out := disasm(t, "async def f(xs):\n    async for x in xs:\n        pass\n")
	// The loop awaits __anext__ inside a handler whose target ends the loop.
	assert.Equal(t, `LOAD_FAST 0 (xs)
GET_AITER 0
SETUP_FINALLY 9 (to 9)
GET_ANEXT
AWAIT
POP_BLOCK
STORE_FAST 1 (x)
NOP
JUMP 2 (to 2)
END_ASYNC_FOR
LOAD_CONST 0 (None)
RETURN_VALUE`, out)
}

func TestCompileForOverCallDropsIteratorOnBreak(t *testing.T) {
	out := disasm(t, "def f(g):\n    for x in g():\n        break\n")
	assert.Contains(t, out, "DROP_ITER")
	out = disasm(t, "def f(g):\n    for x in g:\n        break\n")
	assert.NotContains(t, out, "DROP_ITER", "a named iterable may be referenced elsewhere")
	out = disasm(t, "def f(g):\n    for x in iter(g):\n        break\n")
	assert.NotContains(t, out, "DROP_ITER", "iter() returns its argument")
}
