package interp

import (
	"context"
	"github.com/aio-lang/aio/internal/compile"
	"io"
	"os"
	"sync"
	"testing"

	"github.com/aio-lang/aio/runtime"
	"github.com/stretchr/testify/require"
)

// benchProgram runs a bench/ program once per iteration.
func benchProgram(b *testing.B, name string) {
	src, err := os.ReadFile("../bench/" + name)
	if err != nil {
		b.Skip("bench program missing")
	}
	code, err := compile.File(name, src)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		in := New(Options{Stdout: io.Discard, Stderr: io.Discard})
		if err := in.runModule(code, in.main); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFib(b *testing.B)   { benchProgram(b, "fib.aio") }
func BenchmarkLoop(b *testing.B)  { benchProgram(b, "loop.aio") }
func BenchmarkCalls(b *testing.B) { benchProgram(b, "calls.aio") }

func BenchmarkAsyncSwitch(b *testing.B) { benchProgram(b, "async_switch.aio") }
func BenchmarkAsyncSpawn(b *testing.B)  { benchProgram(b, "async_spawn.aio") }

func BenchmarkStrings(b *testing.B) { benchProgram(b, "strings.aio") }
func BenchmarkDicts(b *testing.B)   { benchProgram(b, "dicts.aio") }

// BenchmarkArithmeticLoop runs an int and float arithmetic loop of 1,000
// iterations per op: allocs/op stays a small constant (the range object
// and its iterator), showing that arithmetic on ints and floats does not
// allocate.
func BenchmarkArithmeticLoop(b *testing.B) {
	src := "def f(n):\n    x = 0\n    y = 0.5\n    for i in range(n):\n        x = (x * 31 + i) % 1000003\n        y = y * 0.5 + i / 3\n    return x, y\n"
	in := New(Options{Stdout: io.Discard})
	require.NoError(b, in.execMain("bench.aio", []byte(src)))
	fn, _ := in.main.globals.Get("f")
	args := []runtime.Value{runtime.Int(1000)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := in.th.Call(fn, args, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFibSequential2 and BenchmarkFibParallel2 run fib(25) in two
// interpreters, one after the other and on two goroutines at once: their
// ratio shows how well interpreters scale across cores.
func BenchmarkFibSequential2(b *testing.B) { benchFibPair(b, false) }

// BenchmarkFibParallel2 is the parallel half of the pair above.
func BenchmarkFibParallel2(b *testing.B) { benchFibPair(b, true) }

func benchFibPair(b *testing.B, parallel bool) {
	prog, err := CompileProgram("fib.aio", []byte("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nfib(25)\n"))
	require.NoError(b, err)
	run := func() {
		in := New(Options{Stdout: io.Discard})
		if err := in.Run(context.Background(), prog); err != nil {
			b.Error(err)
		}
	}
	for b.Loop() {
		if !parallel {
			run()
			run()
			continue
		}
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); run() }()
		go func() { defer wg.Done(); run() }()
		wg.Wait()
	}
}

// benchScriptFunc calls the script function fname(n) once per iteration
// and reports the time per unit of work (n units per call).
func benchScriptFunc(b *testing.B, src, fname string, n int64, unit string) {
	in := New(Options{Stdout: io.Discard})
	require.NoError(b, in.execMain("bench.aio", []byte(src)))
	fn, _ := in.main.globals.Get(fname)
	args := []runtime.Value{runtime.Int(n)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := in.th.Call(fn, args, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(int64(b.N)*n), "ns/"+unit)
}

// BenchmarkAttributeAccess reads and writes instance attributes: three
// reads and one write per unit.
func BenchmarkAttributeAccess(b *testing.B) {
	benchScriptFunc(b, `class P:
    def __init__(self):
        self.x = 1
        self.y = 2
def f(n):
    p = P()
    for _ in range(n):
        p.x = p.y + p.x & 1023
    return p.x
`, "f", 1000, "access")
}

// BenchmarkMethodCall calls a method of a user class once per unit.
func BenchmarkMethodCall(b *testing.B) {
	benchScriptFunc(b, `class C:
    def __init__(self):
        self.v = 0
    def bump(self, k):
        self.v += k
def f(n):
    c = C()
    for i in range(n):
        c.bump(i)
    return c.v
`, "f", 1000, "call")
}

// BenchmarkEventLoopStep runs 10 tasks that each await sleep(0) n/10
// times: one unit is one task step through the ready queue.
func BenchmarkEventLoopStep(b *testing.B) {
	benchScriptFunc(b, `import asyncio
async def spin(k):
    for _ in range(k):
        await asyncio.sleep(0)
async def main(n):
    await asyncio.gather(*[spin(n // 10) for _ in range(10)])
def f(n):
    asyncio.run(main(n))
`, "f", 1000, "step")
}
