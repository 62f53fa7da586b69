package interp

import (
	"bytes"
	"github.com/aio-lang/aio/internal/compile"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runOps lists the opcodes of the first function in src as compiled
// (Instrs) and as run (with superinstructions).
func runOps(t *testing.T, src string) (compiled, run []string) {
	t.Helper()
	code, err := compile.File("t.aio", []byte(src))
	require.NoError(t, err)
	for _, k := range code.Consts {
		if k.Kind == compile.ConstCode {
			code = k.Code
			break
		}
	}
	require.Len(t, code.Run, len(code.Instrs))
	for i := range code.Instrs {
		compiled = append(compiled, code.Instrs[i].Op().String())
		run = append(run, code.Run[i].Op().String())
		assert.Equal(t, code.Instrs[i].Arg(), code.Run[i].Arg(), "a fused instruction keeps its argument")
	}
	return compiled, run
}

func TestSuperinstructionsReplaceOnlyTheFirstOfASequence(t *testing.T) {
	compiled, run := runOps(t, "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n")
	assert.Equal(t, []string{"LOAD_FAST", "LOAD_CONST", "COMPARE_OP", "POP_JUMP_IF_FALSE"}, compiled[:4])
	assert.Equal(t, []string{"LOAD_FAST_CONST_COMPARE_JUMP", "LOAD_CONST", "COMPARE_OP_JUMP_IF_FALSE", "POP_JUMP_IF_FALSE"}, run[:4])
	// fib(n - 1): LOAD_GLOBAL, then LOAD_FAST n; LOAD_CONST 1; BINARY_OP -
	// as one instruction, the two that follow left in place.
	assert.Equal(t, []string{"LOAD_GLOBAL", "LOAD_FAST_CONST_BINARY_OP", "LOAD_CONST_BINARY_OP", "BINARY_OP", "CALL"}, run[6:11])
}

func TestSuperinstructionsComputeAsTheSequence(t *testing.T) {
	expectRun(t, `def f(a, b, c):
    x = a - 1
    y = a + b
    z = (a * 3 + b) % 7
    w = (a if c else b) - 1
    t = 0
    for i in range(a):
        t += i & 3
    s = 0
    while s < b:
        s += 2
    return x, y, z, w, t, s
print(f(10, 5, True), f(4, 9, False))
`, "(9, 15, 0, 9, 13, 6) (3, 13, 0, 8, 6, 10)\n")
	// Non-int operands take the general path.
	expectRun(t, "def g(s, n):\n    return s + 'x', n * 1.5, s < 'b'\nprint(g('a', 2))\n", "('ax', 3.0, True)\n")
}

// tracebackOf runs src and returns its whole standard error.
func tracebackOf(t *testing.T, src string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	in := New(Options{Stdout: &out, Stderr: &errOut})
	in.writeExit(in.execMain("t.aio", []byte(src)), &errOut)
	return errOut.String()
}

// The expected tracebacks are CPython 3.11's for the same programs: an
// error in any part of a fused sequence points where the unfused code
// would.
func TestSuperinstructionErrorsPointAtTheFailingPart(t *testing.T) {
	assert.Equal(t, strings.Join([]string{
		"Traceback (most recent call last):",
		`  File "t.aio", line 5, in <module>`,
		"    f(1, False)",
		`  File "t.aio", line 4, in f`,
		"    return a + b",
		"               ^",
		"UnboundLocalError: cannot access local variable 'b' where it is not associated with a value",
		""}, "\n"),
		tracebackOf(t, "def f(a, flag):\n    if flag:\n        b = 1\n    return a + b\nf(1, False)\n"))
	assert.Equal(t, strings.Join([]string{
		"Traceback (most recent call last):",
		`  File "t.aio", line 11, in <module>`,
		"    h(C(), C())",
		`  File "t.aio", line 8, in h`,
		"    if a < b:",
		"       ^^^^^",
		`  File "t.aio", line 3, in __bool__`,
		`    raise ValueError("no truth")`,
		"ValueError: no truth",
		""}, "\n"),
		tracebackOf(t, `class Weird:
    def __bool__(self):
        raise ValueError("no truth")
class C:
    def __lt__(self, other):
        return Weird()
def h(a, b):
    if a < b:
        return 1
    return 0
h(C(), C())
`))
	assert.Equal(t, strings.Join([]string{
		"Traceback (most recent call last):",
		`  File "t.aio", line 6, in <module>`,
		"    k(P())",
		`  File "t.aio", line 5, in k`,
		"    return q.missing",
		"           ^^^^^^^^^",
		"AttributeError: 'P' object has no attribute 'missing'",
		""}, "\n"),
		tracebackOf(t, "class P:\n    pass\ndef k(p):\n    q = p\n    return q.missing\nk(P())\n"))
}

func TestSuperinstructionsForAugmentedAttributeAndReturn(t *testing.T) {
	compiled, run := runOps(t, "def f(self, k):\n    self.v += k\n    return self\n")
	assert.Equal(t, []string{"LOAD_FAST", "COPY", "LOAD_ATTR", "LOAD_FAST", "INPLACE_OP", "SWAP", "STORE_ATTR", "LOAD_FAST", "RETURN_VALUE"}, compiled[:9])
	assert.Equal(t, []string{"LOAD_FAST_COPY_LOAD_ATTR", "COPY", "LOAD_ATTR", "LOAD_FAST", "INPLACE_OP_STORE_ATTR", "SWAP_STORE_ATTR", "STORE_ATTR", "LOAD_FAST_RETURN_VALUE", "RETURN_VALUE"}, run[:9])
	expectRun(t, `class C:
    def __init__(self):
        self.v = 1
    def add(self, k):
        self.v += k
        self.v *= 2
        return self.v
def pick(xs, i):
    o = xs[i]
    return o
c = C()
print(c.add(2), c.add(0.5), pick([4, 5, 6], -1), pick("abc", 1))
`, "6 13.0 6 b\n")
	// COPY of anything but the top item is not fused.
	_, run = runOps(t, "def g(a, b):\n    a[b] += 1\n")
	assert.NotContains(t, run, "LOAD_FAST_COPY")
}

func TestSuperinstructionsForLoopsAndGetters(t *testing.T) {
	_, run := runOps(t, "def h(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n")
	assert.Contains(t, run, "FOR_ITER_STORE_FAST")
	_, run = runOps(t, "def get(self):\n    return self.value\n")
	assert.Equal(t, "LOAD_FAST_ATTR_RETURN", run[0])
	expectRun(t, `class P:
    def __init__(self):
        self.value = 4
    @property
    def twice(self):
        return self.value * 2
    def get(self):
        return self.value
    def get_twice(self):
        return self.twice
def total(xs):
    t = 0
    for x in xs:
        t += x
    for x in ():
        t = -1
    return t
p = P()
print(p.get(), p.get_twice(), total([1, 2, 3]), total(range(5)))
`, "4 8 6 10\n")
}

func TestFusedCompareAndJump(t *testing.T) {
	expectRun(t, `def count(n):
    i = 0
    hits = 0
    while i < n:
        if i >= 3:
            hits += 1
        if not i != 5:
            hits += 10
        i += 1
    return hits
print(count(8), count(0), count(2.5))
def strs(a, b):
    return 1 if a < b else 2
print(strs("a", "b"), strs("b", "a"))
`, "15 0 0\n1 2\n")
	expectError(t, "def f(flag):\n    if flag:\n        m = 1\n    i = 0\n    while i < m:\n        i += 1\nf(False)\n",
		"UnboundLocalError: cannot access local variable 'm' where it is not associated with a value")
	expectError(t, "def f(a):\n    if a < 'x':\n        return 1\nf(1)\n",
		"TypeError: '<' not supported between instances of 'int' and 'str'")
}
