package interp

import (
	"context"
	"testing"

	"github.com/aio-lang/aio/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allocsPerCall defines src in a fresh interpreter and returns the
// average number of Go allocations of calling the function name with
// args from Go. The functions under test loop 1,000 times, so a result of
// a few allocations means none per iteration.
func allocsPerCall(t *testing.T, src, name string, args ...runtime.Value) float64 {
	t.Helper()
	in := New(Options{})
	require.NoError(t, in.Exec(context.Background(), "t.aio", src))
	fn, ok := in.Global(name)
	require.True(t, ok)
	th := in.Thread()
	if _, err := th.Call(fn, args, nil); err != nil {
		require.NoError(t, err)
	}
	return testing.AllocsPerRun(20, func() {
		if _, err := th.Call(fn, args, nil); err != nil {
			t.Fatal(err)
		}
	})
}

// Unpacking an exact tuple or list into locals allocates nothing.
func TestUnpackIntoLocalsDoesNotAllocate(t *testing.T) {
	src := "def f(t, l):\n    s = 0\n    for _ in range(1000):\n        a, b, c = t\n        x, y, z = l\n        s += a + z\n    return s\n"
	tup := runtime.TupleOf(runtime.Int(1), runtime.Int(2), runtime.Int(3))
	lst := runtime.NewList([]runtime.Value{runtime.Int(4), runtime.Int(5), runtime.Int(6)})
	assert.LessOrEqual(t, allocsPerCall(t, src, "f", tup, lst), 3.0)
}

// A starred unpacking of a tuple allocates the starred list and nothing
// else: the tuple's items are read in place, not collected into a copy.
func TestStarredUnpackAllocatesOnlyTheList(t *testing.T) {
	src := "def f(t):\n    n = 0\n    for _ in range(1000):\n        first, *rest = t\n        n += len(rest)\n    return n\n"
	tup := runtime.TupleOf(runtime.Int(1), runtime.Int(2), runtime.Int(3))
	assert.LessOrEqual(t, allocsPerCall(t, src, "f", tup), 2*1000+3.0)
}

// `a, b, c = seq` into locals runs as one superinstruction, which falls
// back to the general unpacking (iterators, errors) for anything but an
// exact tuple or list of the right length.
func TestUnpackIntoLocalsSuperinstruction(t *testing.T) {
	compiled, run := runOps(t, "def f(t):\n    a, b, c = t\n    return a\n")
	assert.Equal(t, []string{"LOAD_FAST", "UNPACK_SEQUENCE", "STORE_FAST", "STORE_FAST", "STORE_FAST"}, compiled[:5])
	assert.Equal(t, []string{"LOAD_FAST", "UNPACK_SEQUENCE_STORE_FAST", "STORE_FAST", "STORE_FAST"}, run[:4])
	expectRun(t, `def f(t):
    a, b, a = t
    return a, b
print(f((1, 2, 3)), f([4, 5, 6]), f(range(3)), f("xyz"))
class T(tuple):
    pass
print(f(T((7, 8, 9))))
`, "(3, 2) (6, 5) (2, 1) ('z', 'y')\n(9, 8)\n")
	expectError(t, "def f(t):\n    a, b = t\nf((1, 2, 3))\n", "ValueError: too many values to unpack (expected 2)")
	expectError(t, "def f(t):\n    a, b = t\nf([1])\n", "ValueError: not enough values to unpack (expected 2, got 1)")
}

// `await f(...)` of a plain coroutine allocates nothing per call once the
// frame pool is warm: the awaited coroutine's frame goes back to the pool
// when it returns. fib(15) makes 1,973 such calls.
func TestAwaitedCoroutineCallDoesNotAllocate(t *testing.T) {
	src := `async def fib(n):
    if n < 2:
        return n
    return await fib(n - 1) + await fib(n - 2)

def drive():
    c = fib(15)
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
`
	assert.LessOrEqual(t, allocsPerCall(t, src, "drive"), 20.0)
}

// A generator that runs to its end gives its frame back to the pool:
// making and exhausting one with tuple() allocates the generator object
// and the tuple (its Go slice grown twice), not a frame each time.
func TestFinishedGeneratorFrameIsReused(t *testing.T) {
	src := `def pair(a):
    yield a
    yield a + 1

def drive():
    t = 0
    for i in range(1000):
        t += len(tuple(pair(i)))
    return t
`
	assert.LessOrEqual(t, allocsPerCall(t, src, "drive"), 5*1000+5.0)
}

// A generator made for a for loop or a yield from, and referenced by
// nothing else, is reused once exhausted: walking a tree of generators
// with yield from, or looping over a fresh generator, allocates nothing
// per generator.
func TestLoopOwnedGeneratorIsReused(t *testing.T) {
	src := `def pair(a):
    yield a
    yield a + 1

def walk(n):
    if n:
        yield from walk(n - 1)
        yield n

def drive():
    t = 0
    for i in range(1000):
        for x in pair(i):
            t += x
    for x in walk(50):
        t += x
    return t
`
	assert.LessOrEqual(t, allocsPerCall(t, src, "drive"), 10.0)
}

// `seq[a:b]` of a list allocates the new list and its items, not a slice
// object besides; list(x) of a tuple allocates the list and its items,
// not a copy of its argument slice.
func TestSliceAndListCallAllocateOnlyTheResult(t *testing.T) {
	src := `def f(items, t):
    n = 0
    for i in range(1000):
        n += len(items[1:i])
    for i in range(1000):
        n += len(list(t))
    return n
`
	items := runtime.NewList([]runtime.Value{runtime.Int(1), runtime.Int(2), runtime.Int(3), runtime.Int(4)})
	tup := runtime.TupleOf(runtime.Int(1), runtime.Int(2))
	assert.LessOrEqual(t, allocsPerCall(t, src, "f", items, tup), 4*1000+5.0)
}

// The fused `seq[a:b]` gives the results of the two instructions it
// replaces, for every kind of bound and sequence.
func TestSliceSuperinstruction(t *testing.T) {
	_, run := runOps(t, "def f(s, i):\n    return s[:i]\n")
	assert.Contains(t, run, "BUILD_SLICE_SUBSCR")
	expectRun(t, `a = [1, 2, 3, 4, 5]
t = (1, 2, 3)
class I:
    def __index__(self):
        return 1
class L(list):
    pass
def f(s, lo, hi):
    return s[lo:hi]
print(f(a, None, 2), f(a, -2, None), f(a, 3, 1), f(a, -9, 99), f(t, 1, -1), f(t, 2**70, None))
print(f(a, I(), True), f("hello", 1, 3), type(f(L(a), 0, 1)).__name__, f(range(9), 2, 4))
`, "[1, 2] [4, 5] [] [1, 2, 3, 4, 5] (2,) ()\n[] el list range(2, 4)\n")
	expectError(t, "def f(s):\n    return s['x':]\nf([1])\n", "TypeError: slice indices must be integers or None or have an __index__ method")
}

// A generator expression passed straight to sum() or set() is reused once
// they have exhausted it, with its function object: each evaluation
// allocates two objects fewer than it did (sum's evaluation allocates the
// tuple's iterator and one more).
func TestConsumedGeneratorExpressionIsReused(t *testing.T) {
	src := `def f(t):
    n = 0
    for i in range(1000):
        n += sum(x for x in t)
    return n

def g(t):
    n = 0
    for i in range(1000):
        n += len(set(x for x in t))
    return n
`
	tup := runtime.TupleOf(runtime.Int(1), runtime.Int(2))
	sumAllocs := allocsPerCall(t, src, "f", tup)
	setAllocs := allocsPerCall(t, src, "g", tup)
	assert.LessOrEqual(t, sumAllocs, 2*1000+5.0)
	assert.LessOrEqual(t, setAllocs, 4*1000+5.0)
}
