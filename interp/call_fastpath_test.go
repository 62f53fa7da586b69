package interp

// This file checks the run loop's call fast paths (the call: tail shared
// by CALL, CALL_METHOD and LOAD_METHOD_CALL_METHOD_0) and its return
// (ret:) against their slow twins: each writes out frame helpers that the
// Go compiler would not inline there, so each program runs twice, once
// as compiled and once with every Code's SimpleArgs cleared so that every
// call takes the general path (in.call, function.newFrame), and both runs
// must print the same output and the same traceback.

import (
	"bytes"
	"strings"
	"testing"

	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clearSimpleArgs turns off the call fast paths for code and the code
// objects nested in it.
func clearSimpleArgs(code *compile.Code) {
	code.SimpleArgs = -1
	for _, k := range code.Consts {
		if k.Kind == compile.ConstCode {
			clearSimpleArgs(k.Code)
		}
	}
}

// countSimple counts the code objects in code (nested ones included)
// that the fast paths may call.
func countSimple(code *compile.Code) int {
	n := 0
	if code.SimpleArgs >= 0 {
		n++
	}
	for _, k := range code.Consts {
		if k.Kind == compile.ConstCode {
			n += countSimple(k.Code)
		}
	}
	return n
}

// runCallPaths runs src as __main__ and returns its output and its whole
// error output (the traceback). With slow set the call fast paths are
// off.
func runCallPaths(t *testing.T, src string, slow bool) (string, string) {
	t.Helper()
	code, err := compile.File("calls.aio", []byte(src))
	require.NoError(t, err)
	if slow {
		clearSimpleArgs(code)
	} else {
		require.Positive(t, countSimple(code), "the program has functions the fast paths call")
	}
	var out, errOut bytes.Buffer
	in := New(Options{Stdout: &out, Stderr: &errOut})
	in.sources["calls.aio"] = strings.Split(src, "\n")
	err = func() (err error) {
		defer in.recoverEntry(in.entry(), &err)
		return in.runModule(code, in.main)
	}()
	in.writeExit(err, &errOut)
	return out.String(), errOut.String()
}

func TestCallFastPathsMatchTheSlowPath(t *testing.T) {
	programs := map[string]string{
		"functions and methods": `
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

class Counter:
    def __init__(self):
        self.n = 0
    def bump(self, by):
        self.n += by
        return self.n
    def get(self):
        return self.n

c = Counter()
for i in range(5):
    c.bump(i)
print(fib(15), c.get(), Counter.bump(c, 10))
`,
		// Frames of different sizes reuse each other: a reused frame
		// must not show a local of its previous activation.
		// The stack values deep() popped stay in its slots past the
		// stack top (pop does not clear them): when many() reuses the
		// frame they lie where its locals are.
		"reused frames start with unbound locals": `
def deep(a):
    return (a, a, a, a, a, a, a)[0]

def many(a):
    if a > 100:
        b = c = d = e = f = a
    return f

print(deep("x"))
try:
    many(1)
except UnboundLocalError as e:
    print("unbound:", e)
print(deep("y"))
many(2)
`,
		// Cells: a captured parameter, a captured local, free variables.
		"closures": `
def outer(a):
    b = a + 1
    def inner(c):
        return a + b + c
    return inner

def adder(n):
    return lambda m: n + m

f = outer(1)
print(f(10), f(20), adder(5)(6))
`,
		"exceptions leave frames with their traceback": `
class Box:
    def open(self):
        return self.check(0)
    def check(self, k):
        return 10 // k

def go(b):
    return b.open()

try:
    go(Box())
except ZeroDivisionError as e:
    print("caught", e)
go(Box())
`,
		"recursion limit of plain calls": `
import sys
sys.setrecursionlimit(60)
depth = 0
def down(n):
    global depth
    depth = n
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(e, depth)
down(0)
`,
		"recursion limit of method calls": `
import sys
sys.setrecursionlimit(60)
class Walker:
    depth = 0
    def step(self, n):
        Walker.depth = n
        return self.step(n + 1)
    def again(self):
        Walker.depth += 1
        return self.again()
try:
    Walker().step(0)
except RecursionError as e:
    print(e, Walker.depth)
Walker.depth = 0
try:
    Walker().again()
except RecursionError as e:
    print(e, Walker.depth)
Walker().again()
`,
	}
	for name, src := range programs {
		t.Run(name, func(t *testing.T) {
			fastOut, fastErr := runCallPaths(t, src, false)
			slowOut, slowErr := runCallPaths(t, src, true)
			require.NotEmpty(t, fastOut)
			assert.Equal(t, slowOut, fastOut, "output")
			assert.Equal(t, slowErr, fastErr, "traceback")
		})
	}
}

// assertPooledFrameClean checks what putFrame promises of a pooled frame:
// no value of its activation is kept and its state is reset.
func assertPooledFrameClean(t *testing.T, f *frame) {
	t.Helper()
	for i, v := range f.slots[:f.sp] {
		assert.False(t, v.IsValid(), "slot %d of a pooled %s frame holds a value", i, f.code.Name)
	}
	assert.Nil(t, f.cells)
	assert.Empty(t, f.blocks)
	assert.Zero(t, f.pc)
	assert.Nil(t, f.excInfo)
	assert.Equal(t, notSuspended, f.suspended)
	assert.False(t, f.counted)
}

// The run loop's return (ret:) releases frames as putFrame does: every
// frame in the pool after returns of each kind (the superinstructions
// that end in a return among them), after an exception unwound frames,
// and after a call from Go is clean.
func TestReturnReleasesFramesAsPutFrame(t *testing.T) {
	in := New(Options{})
	require.NoError(t, in.Exec(t.Context(), "ret.aio", `
class P:
    def __init__(self):
        self.x = 1
    def get(self):
        return self.x

def cell(a):
    def f():
        return a
    return f

def guarded(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        return -1

def add(a, b):
    return a + b

def const():
    return 7

def nested(n):
    return add(n, guarded(n)) + P().get() + cell(n)() + const()

total = sum(nested(i) for i in range(4))

def fails(n):
    q = [n, n]
    return q[5]

try:
    fails(3)
except IndexError:
    pass
`))
	fn, ok := in.Global("nested")
	require.True(t, ok)
	_, err := in.Thread().Call(fn, []runtime.Value{runtime.Int(2)}, nil)
	require.NoError(t, err)
	require.Positive(t, in.pooledFrames)
	n := 0
	for f := in.framePool; f != nil; f = f.back {
		assertPooledFrameClean(t, f)
		n++
	}
	assert.Equal(t, in.pooledFrames, n, "pooledFrames counts the pool")
}
