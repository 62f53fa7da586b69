package interp

import (
	"context"
	goruntime "runtime"
	"testing"

	"github.com/aio-lang/aio/internal/memnodes"
	"github.com/aio-lang/aio/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every object type of the package tells the walker its size.
func TestEveryObjectIsAMemNode(t *testing.T) {
	missing, found, err := memnodes.Missing(".")
	require.NoError(t, err)
	assert.GreaterOrEqual(t, found, 5, "the scan sees the object types")
	assert.Empty(t, missing, "object types without Footprint/Referents (memsize.go)")
}

// The walk's measure of a script's data agrees with what the Go heap
// grew by when the script built it (within 15%).
func TestMeasuredLiveMatchesHeap(t *testing.T) {
	progs := map[string]string{
		"objects":    "l = []\nfor i in range(50000):\n    l.append(object())\nMARK()",
		"instances":  "class A:\n    def __init__(self, i):\n        self.i = i\n        self.s = str(i)\nl = [A(i) for i in range(50000)]\nMARK()",
		"chain":      "x = None\nfor i in range(50000):\n    x = {1: [x, (x,)]}\nMARK()",
		"generators": "l = []\ng = iter([])\nfor i in range(20000):\n    g = (x for x in g)\n    l.append(g)\nMARK()",
		"closures":   "def mk(i):\n    return lambda: i\nl = [mk(i) for i in range(50000)]\nMARK()",
		"tracebacks": "def f(n):\n    if n == 0:\n        raise ValueError(n)\n    f(n - 1)\nl = []\nfor i in range(1000):\n    try:\n        f(30)\n    except ValueError as e:\n        l.append(e)\nMARK()",
		"tasks":      "import asyncio\nasync def f():\n    await asyncio.sleep(1000)\nasync def main():\n    ts = [asyncio.ensure_future(f()) for i in range(20000)]\n    await asyncio.sleep(0)\n    MARK()\nasyncio.run(main())",
		"frames":     "def f(n):\n    x = [n] * 1000\n    if n == 0:\n        MARK()\n        return\n    f(n - 1)\nf(300)",
	}
	for name, src := range progs {
		t.Run(name, func(t *testing.T) {
			in := New(Options{MemoryLimit: 1 << 40, MaxDepth: 1000})
			var ms goruntime.MemStats
			goruntime.GC()
			goruntime.ReadMemStats(&ms)
			before := ms.HeapAlloc
			var live, grew int64
			in.builtins["MARK"] = runtime.NewBuiltin("MARK", func(th *runtime.Thread, _ runtime.Value, _ []runtime.Value, _ []runtime.Kwarg) (runtime.Value, error) {
				goruntime.GC()
				goruntime.ReadMemStats(&ms)
				grew = int64(ms.HeapAlloc - before)
				live = th.MeasureLive()
				return runtime.None, nil
			})
			require.NoError(t, in.Exec(context.Background(), "x.aio", src))
			require.Greater(t, grew, int64(1<<20), "the program builds at least a MiB")
			assert.InDelta(t, 1, float64(live)/float64(grew), 0.15, "measured %d, heap grew %d", live, grew)
		})
	}
}

func TestMemoryErrorThenUsable(t *testing.T) {
	in := New(Options{MemoryLimit: 16 << 20})
	err := in.Exec(context.Background(), "x.aio", "l = []\nwhile True:\n    l.append([0] * 1000)")
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "MemoryError", e.Type)
	// Dropping the data makes room again.
	require.NoError(t, in.Exec(context.Background(), "y.aio", "l = None\nm = [[0] * 1000 for i in range(400)]"))
	live, _ := in.th.MemoryStats()
	assert.Less(t, live, int64(16<<20))
}
