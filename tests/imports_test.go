package tests

// This file runs the multi-file suite tests/imports: each program is a
// directory NAME holding main.aio, the modules it imports and main.out,
// main.err and main.code recorded from CPython by regen.sh, which writes
// the program directory's absolute path as {dir}.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestImports runs every tests/imports/NAME/main.aio as the subtest NAME.
func TestImports(t *testing.T) {
	mains, err := filepath.Glob("imports/*/main.aio")
	require.NoError(t, err)
	require.NotEmpty(t, mains, "no imports/*/main.aio programs found")
	for _, path := range mains {
		dir := filepath.Dir(path)
		p := program{suite: "imports", name: filepath.Base(dir), path: path}
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			want := readExpectation(t, p)
			abs, err := filepath.Abs(dir)
			require.NoError(t, err)
			got, ok := runMain([]string{path}, programTimeout)
			require.True(t, ok, "%s did not finish within %v", path, programTimeout)
			require.Empty(t, got.panicked, "cli.Main panicked running %s", path)
			stdout := strings.ReplaceAll(got.stdout, abs, "{dir}")
			stderr := strings.ReplaceAll(got.stderr, abs, "{dir}")
			okOut := want.stdout == stdout
			if !okOut {
				assert.Fail(t, "stdout differs", "stdout of %s (-CPython +aio):\n%s", path, lineDiff(want.stdout, stdout))
			}
			okCode := assert.Equal(t, want.code, got.code, "exit status of %s", path)
			okErr := assert.Equal(t, want.errLine, lastNonBlankLine(stderr), "last line of stderr of %s", path)
			if !(okOut && okCode && okErr) && stderr != "" {
				t.Logf("full stderr of %s:\n%s", path, indent(stderr))
			}
		})
	}
}

// TestImportsHaveNoBytecode guards the suite against CPython's caches:
// regen.sh runs CPython without writing __pycache__ directories, which
// would otherwise be committed beside the modules.
func TestImportsHaveNoBytecode(t *testing.T) {
	err := filepath.WalkDir("imports", func(path string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		assert.NotEqual(t, "__pycache__", d.Name(), "%s should not exist", path)
		return nil
	})
	require.NoError(t, err)
}
