package interp

// Tests of the VM's inline caches and call fast paths.

import (
	"github.com/aio-lang/aio/internal/compile"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One call site meets several built-in types in turn: the method cached
// for one type must not be used for another.
func TestNativeMethodCachePerType(t *testing.T) {
	expectRun(t, `def counts(xs):
    out = []
    for x in xs:
        out.append(x.count(1))
    return out
print(counts([[1, 1], (1, 2, 1, 1), [0], (1,), [1, 1, 1]]))
`, "[2, 3, 0, 1, 3]\n")
}

// A bound method called through every call instruction receives its
// receiver in front of the positional arguments.
func TestBoundMethodCalls(t *testing.T) {
	expectRun(t, `class C:
    def __init__(self, v):
        self.v = v
    def m(self, a, b=10, *rest, k=0):
        return (self.v, a, b, rest, k)
c = C(1)
m = c.m
print(m(2))
print(m(2, 3, 4, k=5))
print(m(2, k=6))
print(m(*[7, 8]))
holder = [m]
print(holder[0](9))
`, "(1, 2, 10, (), 0)\n(1, 2, 3, (4,), 5)\n(1, 2, 10, (), 6)\n(1, 7, 8, (), 0)\n(1, 9, 10, (), 0)\n")
}

// STORE_GLOBAL through the cached slot keeps the module dictionary, other
// functions' caches and deletion consistent.
func TestStoreGlobalThroughCache(t *testing.T) {
	expectRun(t, `counter = 0
def bump():
    global counter
    counter += 1
def read():
    return counter
for _ in range(3):
    bump()
print(counter, read(), counter + 0)
def drop():
    global counter
    del counter
drop()
try:
    read()
except NameError as e:
    print(e)
bump_fails = False
try:
    bump()
except NameError:
    bump_fails = True
def reset():
    global counter
    counter = 10
reset()
bump()
print(bump_fails, counter, read())
`, "3 3 3\nname 'counter' is not defined\nTrue 11 11\n")
}

// Names are interned across compilations, so attribute maps match a name
// set by one code object and read by another by pointer.
func TestCompiledNamesAreInterned(t *testing.T) {
	name := func(src string) string {
		code, err := compile.File("t.aio", []byte(src))
		require.NoError(t, err)
		for _, n := range code.Names {
			if n == "somename" {
				return n
			}
		}
		require.Fail(t, "name not compiled")
		return ""
	}
	a, b := name("x.somename = 1\n"), name("y = x.somename\n")
	assert.Same(t, unsafe.StringData(a), unsafe.StringData(b))
}
