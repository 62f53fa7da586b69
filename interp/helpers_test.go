package interp

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runSource runs src as __main__ and returns stdout and the last line of
// the error output (the "Type: message" line), if any.
func runSource(t *testing.T, src string) (string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	in := New(Options{Stdout: &out, Stderr: &errOut})
	err := in.execMain("test.aio", []byte(src))
	in.writeExit(err, &errOut)
	lines := bytes.Split(bytes.TrimRight(errOut.Bytes(), "\n"), []byte("\n"))
	return out.String(), string(lines[len(lines)-1])
}

// expectRun checks that src runs without error and prints want.
func expectRun(t *testing.T, src, want string) {
	t.Helper()
	out, errLine := runSource(t, src)
	require.Empty(t, errLine, "unexpected error running:\n%s", src)
	assert.Equal(t, want, out)
}

// expectError checks that src fails with the given last traceback line.
func expectError(t *testing.T, src, want string) {
	t.Helper()
	_, errLine := runSource(t, src)
	assert.Equal(t, want, errLine)
}
