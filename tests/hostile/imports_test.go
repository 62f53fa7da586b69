package hostile

// This file attacks the import system with modules supplied by the host
// (Options.ModuleSource): cycles, a module importing itself, chains of
// thousands of modules, modules that raise or reload themselves. The
// harness's child processes cannot be given a module source, so these
// cases run in this process; each still checks that the interpreter
// evaluates code and recurses to 90% of its limit afterwards.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aio-lang/aio/interp"
)

// importCase is one attack: a main script and the modules it may import.
type importCase struct {
	name string
	// module returns the source of the module name, or false.
	module   func(name string) (string, bool)
	main     string
	maxDepth int // 0: the default (1000)
	maxSteps int64
	// wantType is the exception the script must end with, "" for success.
	wantType, wantMessage string
	maxTime               time.Duration
}

// chainModule makes m0 import m1, ... up to m<n-1>.
func chainModule(n int) func(string) (string, bool) {
	return func(name string) (string, bool) {
		i, err := strconv.Atoi(strings.TrimPrefix(name, "m"))
		if !strings.HasPrefix(name, "m") || err != nil || i >= n {
			return "", false
		}
		if i == n-1 {
			return "DONE = True\n", true
		}
		return fmt.Sprintf("import m%d\n", i+1), true
	}
}

// fixedModules serves the modules of a map.
func fixedModules(mods map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		src, ok := mods[name]
		return src, ok
	}
}

var importCases = []importCase{
	{name: "import_cycle", module: fixedModules(map[string]string{
		"a": "import b\nA = 1\n", "b": "import a\nB = 2\n",
	}), main: "import a, b\nassert a.b is b and b.a is a and a.A + b.B == 3\n"},
	{name: "import_self", module: fixedModules(map[string]string{
		"me": "import me\nimport me\nfrom me import me as again\nassert again is me\n",
	}), main: "import me\nassert me.me is me\n"},
	{name: "import_chain_10000", module: chainModule(10000), main: "import m0\n",
		wantType: "RecursionError", wantMessage: "maximum recursion depth exceeded", maxTime: 10 * time.Second},
	{name: "import_chain_at_max_depth", module: chainModule(100000), main: "import m0\n", maxDepth: 50000,
		wantType: "RecursionError", wantMessage: "maximum recursion depth exceeded", maxTime: 20 * time.Second},
	// CPython 3.11 imports a chain of 140 modules within its default
	// recursion limit (and fails at 142).
	{name: "import_chain_140_fits", module: chainModule(140), main: "import m0, m139\nassert m139.DONE\n"},
	{name: "import_raises", module: fixedModules(map[string]string{
		"bad": "import good\nraise ValueError('refused')\n", "good": "G = 1\n",
	}), main: "import sys\nfor _ in range(3):\n    try:\n        import bad\n    except ValueError:\n        pass\n" +
		"assert 'bad' not in sys.modules and 'good' in sys.modules\nimport bad\n",
		wantType: "ValueError", wantMessage: "refused"},
	{name: "import_reload_self", module: fixedModules(map[string]string{
		"again": "import importlib, sys\nimportlib.reload(sys.modules[__name__])\n",
	}), main: "import again\n", wantType: "RecursionError"},
	{name: "import_many_modules_steps", module: func(name string) (string, bool) { return "X = 1\n", strings.HasPrefix(name, "n") },
		maxSteps: 200_000, main: "import importlib\nfor i in range(10**9):\n    importlib.import_module(f'n{i}')\n",
		wantType: "RuntimeError", wantMessage: "maximum execution steps exceeded", maxTime: 20 * time.Second},
	// A module bigger than the memory limit is refused before it is
	// compiled.
	{name: "import_huge_module", module: func(name string) (string, bool) {
		return strings.Repeat("x = 1\n", 12<<20), name == "huge"
	}, main: "import huge\n", wantType: "MemoryError"},
}

func TestImportAttacks(t *testing.T) {
	for _, c := range importCases {
		t.Run(c.name, func(t *testing.T) {
			source := func(name string) (*interp.SourceModule, error) {
				src, ok := c.module(name)
				if !ok {
					return nil, nil
				}
				return &interp.SourceModule{Source: []byte(src), Filename: "<" + name + ">"}, nil
			}
			depth := c.maxDepth
			if depth == 0 {
				depth = 1000
			}
			steps := c.maxSteps
			if steps == 0 {
				steps = 10_000_000
			}
			in := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard, ModuleSource: source,
				MaxDepth: depth, MaxSteps: steps, MemoryLimit: 64 << 20})
			start := time.Now()
			err := in.Exec(context.Background(), "hostile.aio", c.main)
			elapsed := time.Since(start)
			if c.wantType == "" {
				require.NoError(t, err)
			} else {
				var e *interp.Error
				require.True(t, errors.As(err, &e), "want %s, got %v", c.wantType, err)
				assert.Equal(t, c.wantType, e.Type, "%v", err)
				assert.Contains(t, e.Message, c.wantMessage)
			}
			if c.maxTime > 0 {
				assert.Less(t, elapsed, c.maxTime)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			v, err := in.Eval(ctx, "sum(range(10))")
			require.NoError(t, err)
			assert.Equal(t, int64(45), v)
			probe := fmt.Sprintf("def _probe(n):\n    return 0 if n == 0 else 1 + _probe(n - 1)\n_depth = _probe(%d)\n", depth*9/10)
			assert.NoError(t, in.Exec(ctx, "probe.aio", probe), "recursion to 90%% of MaxDepth after the attack")
		})
	}
}
