package dataclasses_test

// This file tests the generated __init__ through scripts: argument
// binding and its errors, defaults and factories, frozen classes and
// __post_init__ with InitVars.

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// run executes src and returns what it printed.
func run(t testing.TB, src string) string {
	t.Helper()
	var out bytes.Buffer
	in := interp.New(interp.Options{Stdout: &out})
	require.NoError(t, in.Exec(context.Background(), "main.aio", src))
	return out.String()
}

const pointClass = `
from dataclasses import dataclass, field, InitVar, KW_ONLY
@dataclass
class P:
    x: int
    y: int = 2
    _: KW_ONLY
    z: list = field(default_factory=list)
    w: int
def err(f):
    try:
        f()
    except TypeError as e:
        print(e)
`

func TestInitBindsArgumentsAsAFunction(t *testing.T) {
	out := run(t, pointClass+`
p = P(1, w=4)
print(p.x, p.y, p.z, p.w, P(5, 6, w=0, z=[1]).z)
print(P(w=1, x=3))
`)
	assert.Equal(t, "1 2 [] 4 [1]\nP(x=3, y=2, z=[], w=1)\n", out)
}

func TestInitArgumentErrors(t *testing.T) {
	out := run(t, pointClass+`
err(lambda: P())
err(lambda: P(1, 2, 3))
err(lambda: P(1, w=1, q=2))
err(lambda: P(1, x=1, w=1))
err(lambda: P(1))
`)
	assert.Equal(t, "P.__init__() missing 1 required positional argument: 'x'\n"+
		"P.__init__() takes from 2 to 3 positional arguments but 4 were given\n"+
		"P.__init__() got an unexpected keyword argument 'q'\n"+
		"P.__init__() got multiple values for argument 'x'\n"+
		"P.__init__() missing 1 required keyword-only argument: 'w'\n", out)
}

func TestInitFactoriesMakeFreshValues(t *testing.T) {
	out := run(t, pointClass+`
a, b = P(1, w=1), P(1, w=1)
a.z.append(1)
print(a.z, b.z, a.z is b.z)
`)
	assert.Equal(t, "[1] [] False\n", out)
}

func TestFrozenInitBypassesTheRefusingSetattr(t *testing.T) {
	out := run(t, `
from dataclasses import dataclass, FrozenInstanceError
@dataclass(frozen=True, slots=True)
class K:
    a: int
    b: str = "b"
k = K(1)
print(k, hash(k) == hash(K(1, "b")))
try:
    k.a = 2
except FrozenInstanceError as e:
    print(e)
`)
	assert.Equal(t, "K(a=1, b='b') True\ncannot assign to field 'a'\n", out)
}

func TestPostInitReceivesInitVars(t *testing.T) {
	out := run(t, `
from dataclasses import dataclass, field, InitVar
@dataclass
class S:
    v: int
    scale: InitVar[int] = 10
    total: int = field(init=False)
    def __post_init__(self, scale):
        self.total = self.v * scale
print(S(2), S(2, 3).total, "scale" in S(1).__dict__)
`)
	assert.Equal(t, "S(v=2, total=20) 6 False\n", out)
}

func TestInitNamesItself(t *testing.T) {
	out := run(t, `
from dataclasses import dataclass
@dataclass
class Outer:
    a: int
print(Outer.__init__.__qualname__, Outer.__init__.__name__)
o = Outer.__new__(Outer)
Outer.__init__(o, 7)
print(o.a)
`)
	assert.Equal(t, "Outer.__init__ __init__\n7\n", out)
}

// BenchmarkDataclassInit measures creating instances of a three-field
// dataclass through the generated __init__.
func BenchmarkDataclassInit(b *testing.B) {
	src := `
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
    tag: str = "p"
for i in range(N):
    Point(i, i)
`
	var out bytes.Buffer
	in := interp.New(interp.Options{Stdout: &out})
	b.ResetTimer()
	require.NoError(b, in.Exec(context.Background(), "main.aio", "N = "+itoa(b.N)+"\n"+src))
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}

// BenchmarkDataclassProgram runs bench/dataclass_create.aio once per
// iteration.
func BenchmarkDataclassProgram(b *testing.B) {
	src, err := os.ReadFile("../../bench/dataclass_create.aio")
	require.NoError(b, err)
	for i := 0; i < b.N; i++ {
		var out bytes.Buffer
		in := interp.New(interp.Options{Stdout: &out})
		require.NoError(b, in.Exec(context.Background(), "main.aio", string(src)))
	}
}

func TestGeneratedComparisonsActAsFieldTuples(t *testing.T) {
	out := run(t, `
from dataclasses import dataclass, field
@dataclass(order=True, frozen=True)
class V:
    major: int
    minor: int = 0
    note: str = field(default="", compare=False)
a, b = V(1, 2), V(1, 3, "x")
print(a < b, a <= b, a > b, a >= b, a == V(1, 2, "y"), a != b)
print(hash(a) == hash((1, 2)), V.__lt__.__qualname__, V.__eq__(a, 3))
try:
    a < 3
except TypeError as e:
    print(e)
`)
	assert.Equal(t, "True True False False True True\n"+
		"True V.__lt__ NotImplemented\n"+
		"'<' not supported between instances of 'V' and 'int'\n", out)
}
