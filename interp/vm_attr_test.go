package interp

// This file tests the instance-attribute caches of vm_attr.go and the
// allocation-free paths they make: attribute reads and writes on plain
// instances, method calls that check for shadowing, and instantiation.

import (
	"context"
	"testing"

	"github.com/aio-lang/aio/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One load and one store site meet instances whose layouts put the name
// at different positions, private layouts (after a deletion), a live
// __dict__ and a shadowing instance attribute: each read and write finds
// the instance's own attribute.
func TestAttrCacheAcrossLayouts(t *testing.T) {
	expectRun(t, `class C:
    def m(self):
        return "method"
def read(o):
    return o.x
def write(o, v):
    o.x = v
def call(o):
    return o.m()
a = C(); a.x = 1; a.y = 2
b = C(); b.y = 3; b.x = 4
c = C(); c.x = 5; c.z = 0; del c.z
d = C(); d.y = 0; d.x = 6; d.__dict__["x"] = 7
out = []
for o in [a, b, c, d, a, b, c, d]:
    out.append(read(o))
    write(o, read(o) * 10)
print(out, [read(o) for o in [a, b, c, d]])
e = C(); f = C()
write(e, 1); write(f, 2); e.w = 0; write(e, 3)
print(vars(e), vars(f), call(e), call(f))
f.m = lambda: "shadow"
print(call(e), call(f), call(C()))
`, "[1, 4, 5, 7, 10, 40, 50, 70] [100, 400, 500, 700]\n{'x': 3, 'w': 0} {'x': 2} method method\nmethod shadow method\n")
}

// callAllocs returns the allocations of one call of the script function
// name with args, on interpreter in after warming its caches.
func callAllocs(t *testing.T, in *Interp, name string, args ...runtime.Value) float64 {
	t.Helper()
	fn, ok := in.Global(name)
	require.True(t, ok)
	th := in.Thread()
	_, err := th.Call(fn, args, nil)
	require.NoError(t, err)
	return testing.AllocsPerRun(20, func() {
		if _, err := th.Call(fn, args, nil); err != nil {
			t.Fatal(err)
		}
	})
}

// Reading and writing attributes of plain instances, and calling their
// methods, allocates nothing per operation: the cost of a loop does not
// grow with its length.
func TestInstanceAttributeLoopDoesNotAllocate(t *testing.T) {
	in := New(Options{})
	require.NoError(t, in.Exec(context.Background(), "t.aio", `class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return self.x * self.x + self.y * self.y
p = P(1.5, 2.5)
def spin(n):
    q = p
    for _ in range(n):
        q.x = q.y + 1.0
        q.y = q.x - 1.0
        q.x += q.norm()
`))
	short := callAllocs(t, in, "spin", runtime.Int(10))
	long := callAllocs(t, in, "spin", runtime.Int(1000))
	assert.Equal(t, short, long, "allocations of 10 and 1000 iterations")
}

// Instantiating a plain class allocates the instance and nothing else:
// its attributes share the class's layout and live in the instance's
// allocation, and the arguments reach __init__ without a copy.
func TestPlainInstantiationAllocatesOnlyTheInstance(t *testing.T) {
	in := New(Options{})
	require.NoError(t, in.Exec(context.Background(), "t.aio", `class V:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
def make(n):
    v = None
    for i in range(n):
        v = V(1.0, 2.0, 3.0)
    return v
`))
	short := callAllocs(t, in, "make", runtime.Int(100))
	long := callAllocs(t, in, "make", runtime.Int(1100))
	assert.Equal(t, 1000.0, long-short, "allocations per instance")
}
