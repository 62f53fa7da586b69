package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestValidAgainstCPython parses every testdata/valid program and
// compares its tree, positions included, with CPython's (stored by
// testdata/regen.py).
func TestValidAgainstCPython(t *testing.T) {
	files, err := filepath.Glob("testdata/valid/*.aio")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			want, err := os.ReadFile(strings.TrimSuffix(f, ".aio") + ".ast")
			require.NoError(t, err)
			m, err := Parse(filepath.Base(f), src)
			require.NoError(t, err)
			got := dumpModule(m)
			if dir := os.Getenv("AIO_DUMP_DIR"); dir != "" {
				_ = os.WriteFile(filepath.Join(dir, filepath.Base(f)+".got"), []byte(got), 0o644)
			}
			assert.Equal(t, string(want), got)
		})
	}
}
