package tests

// This file compares the whole standard error of a few programs with
// CPython's (NAME.stderr, recorded by regen_stderr.sh): warnings, the
// loop's logs and collapsed tracebacks must match line for line, where
// the conformance suite compares only the last line.

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var addressPattern = regexp.MustCompile(`0x[0-9a-f]+`)

func TestWholeStderr(t *testing.T) {
	files, err := filepath.Glob("*/*.stderr")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, want := range files {
		prog := strings.TrimSuffix(want, ".stderr") + ".aio"
		t.Run(prog, func(t *testing.T) {
			t.Parallel()
			expected, err := os.ReadFile(want)
			require.NoError(t, err)
			args := []string{prog}
			if strings.HasPrefix(prog, "async"+string(filepath.Separator)) {
				args = []string{"--virtual-time", prog}
			}
			got, ok := runMain(args, programTimeout)
			require.True(t, ok, "%s timed out", prog)
			require.Empty(t, got.panicked)
			stderr := strings.ReplaceAll(got.stderr, filepath.Dir(prog)+string(filepath.Separator), "")
			stderr = addressPattern.ReplaceAllString(stderr, "0x?")
			assert.Equal(t, string(expected), stderr, "standard error of %s", prog)
		})
	}
}
