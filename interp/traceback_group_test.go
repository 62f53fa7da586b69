package interp

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGroupTracebacksMatchCPython runs each testdata/tracebacks program
// and compares the whole of its standard error with CPython 3.11's
// (recorded by testdata/tracebacks/regen.sh with the directory left out
// of file paths): the box layout of exception groups, their truncation,
// chained exceptions inside boxes, and notes.
func TestGroupTracebacksMatchCPython(t *testing.T) {
	files, err := filepath.Glob("testdata/tracebacks/*.aio")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 10)
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(strings.TrimSuffix(name, ".aio"), func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			want, err := os.ReadFile(strings.TrimSuffix(f, ".aio") + ".stderr")
			require.NoError(t, err, "run testdata/tracebacks/regen.sh")
			var out, errOut bytes.Buffer
			in := New(Options{Stdout: &out, Stderr: &errOut})
			err = in.execMain(name, src)
			require.Error(t, err)
			in.writeExit(err, &errOut)
			assert.Equal(t, string(want), errOut.String())
		})
	}
}
