package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCLI runs Main with the given arguments and standard input.
func runCLI(t *testing.T, stdin string, args ...string) (out, errOut string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = Main(args, strings.NewReader(stdin), &o, &e)
	return o.String(), e.String(), code
}

func TestCommandRunsCode(t *testing.T) {
	out, _, code := runCLI(t, "", "-c", "import sys; print(sys.argv)", "a", "b")
	assert.Equal(t, 0, code)
	assert.Equal(t, "['-c', 'a', 'b']\n", out)
}

func TestFileArgumentsBecomeArgv(t *testing.T) {
	path := filepath.Join(t.TempDir(), "prog.aio")
	require.NoError(t, os.WriteFile(path, []byte("import sys\nprint(sys.argv[1:])\nsys.exit(3)\n"), 0o644))
	out, _, code := runCLI(t, "", path, "x", "--y")
	assert.Equal(t, 3, code)
	assert.Equal(t, "['x', '--y']\n", out)
}

func TestDashReadsProgramFromStdin(t *testing.T) {
	out, _, code := runCLI(t, "import sys\nprint(sys.argv, 1 + 1)\n", "-", "z")
	assert.Equal(t, 0, code)
	assert.Equal(t, "['-', 'z'] 2\n", out)
}

func TestUncaughtExceptionExitsOne(t *testing.T) {
	_, errOut, code := runCLI(t, "", "-c", "def f():\n    1/0\nf()")
	assert.Equal(t, 1, code)
	assert.True(t, strings.HasPrefix(errOut, "Traceback (most recent call last):\n"), errOut)
	assert.True(t, strings.HasSuffix(errOut, "ZeroDivisionError: division by zero\n"), errOut)
}

func TestSyntaxErrorShowsCaret(t *testing.T) {
	_, errOut, code := runCLI(t, "", "-c", "x = = 1")
	assert.Equal(t, 1, code)
	assert.Equal(t, "  File \"<string>\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n", errOut)
}

func TestVersionHelpAndBadUsage(t *testing.T) {
	out, _, code := runCLI(t, "", "--version")
	assert.Equal(t, 0, code)
	assert.Equal(t, "aio "+Version+"\n", out)
	out, _, code = runCLI(t, "", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "--virtual-time")
	_, errOut, code := runCLI(t, "", "--bogus")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "unknown option --bogus")
	_, errOut, code = runCLI(t, "", filepath.Join(t.TempDir(), "missing.aio"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "can't open file")
	assert.Contains(t, errOut, "[Errno 2] No such file or directory")
}

// Under --virtual-time the program's clocks follow the virtual one: a
// 30 s sleep moves time.monotonic() by 30 s and takes no real time.
func TestVirtualTimeFlag(t *testing.T) {
	start := time.Now()
	out, _, code := runCLI(t, "", "--virtual-time", "-c", "import asyncio, time\nt = time.monotonic()\nasyncio.run(asyncio.sleep(30))\nprint(round(time.monotonic() - t))")
	assert.Equal(t, 0, code)
	assert.Equal(t, "30\n", out)
	assert.Less(t, time.Since(start), 5*time.Second)
}
