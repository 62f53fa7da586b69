package hostile

// This file attacks the import system with modules supplied by the host
// (Options.ModuleSource): cycles, a module importing itself, chains of
// thousands of modules, modules that raise or reload themselves. The
// harness's children cannot be given a module source, so this file runs
// its own children (see init), with the same checks: the outcome, the
// peak RSS, and that the interpreter still evaluates code and recurses
// to 90% of its limit afterwards.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
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
	// maxRSS bounds the child's peak resident memory; 0 means the
	// memory limit's bound, rssBound(64 MiB).
	maxRSS int64
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
	// compiled: the child's peak is the host's two copies of the 72 MiB
	// source (a string, then the SourceModule's bytes), and no more.
	{name: "import_huge_module", module: func(name string) (string, bool) {
		return strings.Repeat("x = 1\n", 12<<20), name == "huge"
	}, main: "import huge\n", wantType: "MemoryError", maxRSS: 2*72<<20 + idleRSS + 32<<20},
}

// importCaseEnv names the case a child process runs (see init).
const importCaseEnv = "AIO_HOSTILE_IMPORT_CASE"

// importReport is what a child tells about its case.
type importReport struct {
	Type, Message string // the exception, "" for success
	Err           string // any other failure
	After         string // the follow-up checks' failure, "" when they passed
	Elapsed       time.Duration
}

// init runs one case and exits when the process is such a child: each
// case runs in its own process, so that its memory counts in no other
// case's peak RSS (a child's peak includes its parent's at fork).
func init() {
	name := os.Getenv(importCaseEnv)
	if name == "" {
		return
	}
	for _, c := range importCases {
		if c.name == name {
			json.NewEncoder(os.Stdout).Encode(runImportCase(c))
			os.Exit(0)
		}
	}
	fmt.Fprintf(os.Stderr, "no import case %q\n", name)
	os.Exit(2)
}

// limits returns the case's recursion and step limits.
func (c importCase) limits() (depth int, steps int64) {
	depth, steps = c.maxDepth, c.maxSteps
	if depth == 0 {
		depth = 1000
	}
	if steps == 0 {
		steps = 10_000_000
	}
	return depth, steps
}

// runImportCase runs c in this process, then checks that the same
// interpreter still evaluates code and recurses to 90% of its limit.
func runImportCase(c importCase) (r importReport) {
	source := func(name string) (*interp.SourceModule, error) {
		src, ok := c.module(name)
		if !ok {
			return nil, nil
		}
		return &interp.SourceModule{Source: []byte(src), Filename: "<" + name + ">"}, nil
	}
	depth, steps := c.limits()
	in := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard, ModuleSource: source,
		MaxDepth: depth, MaxSteps: steps, MemoryLimit: 64 << 20})
	start := time.Now()
	err := in.Exec(context.Background(), "hostile.aio", c.main)
	r.Elapsed = time.Since(start)
	var e *interp.Error
	switch {
	case errors.As(err, &e):
		r.Type, r.Message = e.Type, e.Message
	case err != nil:
		r.Err = err.Error()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if v, err := in.Eval(ctx, "sum(range(10))"); err != nil || v != int64(45) {
		r.After = fmt.Sprintf("Eval after the attack: %v, %v", v, err)
		return r
	}
	probe := fmt.Sprintf("def _probe(n):\n    return 0 if n == 0 else 1 + _probe(n - 1)\n_depth = _probe(%d)\n", depth*9/10)
	if err := in.Exec(ctx, "probe.aio", probe); err != nil {
		r.After = fmt.Sprintf("recursion to 90%% of MaxDepth after the attack: %v", err)
	}
	return r
}

func TestImportAttacks(t *testing.T) {
	for _, c := range importCases {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), importCaseEnv+"="+c.name)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			require.NoError(t, err, "child: %s", stderr.String())
			var r importReport
			require.NoError(t, json.Unmarshal(out, &r), "child output: %s", out)
			assert.Empty(t, r.Err)
			assert.Equal(t, c.wantType, r.Type, "message: %s", r.Message)
			assert.Contains(t, r.Message, c.wantMessage)
			assert.Empty(t, r.After)
			if c.maxTime > 0 {
				assert.Less(t, r.Elapsed, c.maxTime)
			}
			maxRSS := c.maxRSS
			if maxRSS == 0 {
				maxRSS = rssBound(64 << 20)
			}
			rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024
			assert.LessOrEqual(t, rss, maxRSS, "peak RSS %d MiB", rss/mib)
			t.Logf("%s: %q in %v, peak RSS %d MiB", c.name, r.Type, r.Elapsed.Round(time.Millisecond), rss/mib)
		})
	}
}
