package lib

// This file checks that linking the standard library costs a process
// little before any module is imported: every lib package's
// initialisation only registers the module (and builds its types), so
// an interpreter pays for a module's tables, compiled source and
// objects when a script imports it, not at startup.

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// initBudget is the most a lib package's initialisation may allocate.
// Registering a module and building a few types takes a few KiB; work in
// proportion to a module's size (tables, compiled patterns, parsed
// source) is far above it.
const initBudget = 32 << 10

// initCost is what the Go runtime's init trace reports for one package.
type initCost struct {
	bytes, allocs int64
}

// libInitCosts runs this test binary again with GODEBUG=inittrace=1 (and
// no tests) and returns the allocations of each aio lib package's init.
func libInitCosts(t *testing.T) map[string]initCost {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Run())
	costs := map[string]initCost{}
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		// init PKG @T ms, C ms clock, B bytes, A allocs
		f := strings.Fields(sc.Text())
		if len(f) != 11 || f[0] != "init" || !strings.HasPrefix(f[1], "github.com/aio-lang/aio/lib/") {
			continue
		}
		b, errB := strconv.ParseInt(f[7], 10, 64)
		a, errA := strconv.ParseInt(f[9], 10, 64)
		require.NoError(t, errB, sc.Text())
		require.NoError(t, errA, sc.Text())
		costs[strings.TrimPrefix(f[1], "github.com/aio-lang/aio/")] = initCost{b, a}
	}
	return costs
}

func TestLibPackagesInitCheaply(t *testing.T) {
	costs := libInitCosts(t)
	require.NotEmpty(t, costs, "the init trace names lib packages")
	for pkg, c := range costs {
		assert.LessOrEqual(t, c.bytes, int64(initBudget), "%s allocates %d bytes in %d allocations at init", pkg, c.bytes, c.allocs)
	}
}
