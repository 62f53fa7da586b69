package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runAioChild runs the test binary as the aio command (see TestMain) with
// the given arguments and standard input, and returns the last line of its
// standard error, its exit status and how long it took. A child still
// running after 20 s is killed and fails the test.
func runAioChild(t *testing.T, stdin *os.File, args ...string) (lastErr string, code int, took time.Duration) {
	t.Helper()
	self, err := os.Executable()
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, self, args...)
	cmd.Env = append(os.Environ(), asAioEnv+"=1")
	if stdin != nil {
		cmd.Stdin = stdin
	}
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	start := time.Now()
	runErr := cmd.Run()
	took = time.Since(start)
	require.NoError(t, ctx.Err(), "the command did not finish")
	var exitErr *exec.ExitError
	if runErr != nil {
		require.True(t, errors.As(runErr, &exitErr), "%v", runErr)
		code = exitErr.ExitCode()
	}
	lines := strings.Split(strings.TrimRight(errOut.String(), "\n"), "\n")
	return lines[len(lines)-1], code, took
}

func TestDevZeroIsRejectedAtOnce(t *testing.T) {
	last, code, took := runAioChild(t, nil, "/dev/zero")
	assert.Equal(t, "SyntaxError: source code cannot contain null bytes", last)
	assert.Equal(t, 1, code)
	assert.Less(t, took, 5*time.Second)
}

func TestDevZeroOnStdinIsRejectedAtOnce(t *testing.T) {
	zero, err := os.Open("/dev/zero")
	require.NoError(t, err)
	defer zero.Close()
	last, code, took := runAioChild(t, zero, "-")
	assert.Equal(t, "SyntaxError: source code cannot contain null bytes", last)
	assert.Equal(t, 1, code)
	assert.Less(t, took, 5*time.Second)
}

func TestNulByteLaterInFileShowsItsLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nul.aio")
	require.NoError(t, os.WriteFile(path, []byte("print(1)\nx = 1\x00\nprint(2)\n"), 0o644))
	_, errOut, code := runCLI(t, "", path)
	assert.Equal(t, 1, code)
	assert.Equal(t, "  File \""+path+"\", line 2\n    x = 1\nSyntaxError: source code cannot contain null bytes\n", errOut)
}

// endless is an input that never ends and never holds a NUL byte.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "y\n"[i%2]
	}
	return len(p), nil
}

func TestEndlessSourceStopsAtTheSizeLimit(t *testing.T) {
	var o, e bytes.Buffer
	code := Main([]string{"-"}, endless{}, &o, &e)
	assert.Equal(t, 1, code)
	assert.Equal(t, "MemoryError: source code larger than 128 MiB\n", e.String())
}

func TestReadSourceStopsAfterTheFirstNul(t *testing.T) {
	src, err := readSource(strings.NewReader("a = 1\nb\x00c"+strings.Repeat("x", 1<<20)), 1<<30)
	require.NoError(t, err)
	assert.Equal(t, "a = 1\nb\x00", string(src))
	src, err = readSource(strings.NewReader(strings.Repeat("x", 300<<10)), 1<<30)
	require.NoError(t, err)
	assert.Len(t, src, 300<<10)
	_, err = readSource(strings.NewReader(strings.Repeat("x", 1000)), 999)
	assert.ErrorIs(t, err, errSourceTooLarge)
}
