package collectionsabc_test

// This file tests collections.abc: the built-in types' answers, the
// structural checks, and the mixin methods of Mapping and Sequence.

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

func TestBuiltinsAgainstTheABCs(t *testing.T) {
	out := run(t, `
from collections.abc import Sequence, MutableSequence, Mapping, Hashable, Iterable, Set
print(isinstance([], MutableSequence), isinstance((), MutableSequence), isinstance("", Sequence))
print(isinstance({}, Mapping), isinstance([], Hashable), isinstance(3, Hashable), isinstance(3, Iterable))
print(isinstance(frozenset(), Set), isinstance({}.keys(), Set))
`)
	assert.Equal(t, "True False True\nTrue False True False\nTrue True\n", out)
}

func TestMixinsFromTheAbstractMethods(t *testing.T) {
	out := run(t, `
from collections.abc import Mapping, Sequence
class M(Mapping):
    def __getitem__(self, k): return {"a": 1}[k]
    def __len__(self): return 1
    def __iter__(self): return iter(["a"])
class S(Sequence):
    def __getitem__(self, i):
        if i > 2: raise IndexError(i)
        return i
    def __len__(self): return 3
m, s = M(), S()
print(list(m.items()), m.get("b", 0), "a" in m, m == {"a": 1})
print(list(s), list(reversed(s)), s.index(2), 1 in s)
`)
	assert.Equal(t, "[('a', 1)] 0 True True\n[0, 1, 2] [2, 1, 0] 2 True\n", out)
}
