package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeFiles creates files (path relative to dir → contents).
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
	}
}

func TestScriptImportsFromItsDirectoryPreferringAio(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"main.aio":   "import helper, shared\nprint(helper.KIND, shared.KIND, __file__ == helper.__file__.replace('helper.aio', 'main.aio'))\n",
		"helper.aio": "KIND = 'aio'\n",
		"helper.py":  "KIND = 'py'\n",
		"shared.py":  "KIND = 'py only'\n",
	})
	out, errOut, code := runCLI(t, "", filepath.Join(dir, "main.aio"))
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "aio py only True\n", out)
}

func TestAioPathDirectoriesFollowTheScriptDirectory(t *testing.T) {
	dir, lib1, lib2 := t.TempDir(), t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{
		"main.aio":  "import sys, first, second, local\nprint(first.WHERE, second.WHERE, local.WHERE, sys.path[1:] == LIBS)\n",
		"local.aio": "WHERE = 'script dir'\n",
	})
	writeFiles(t, lib1, map[string]string{"first.aio": "WHERE = 'lib1'\n", "local.aio": "WHERE = 'lib1 shadowed'\n"})
	writeFiles(t, lib2, map[string]string{"first.aio": "WHERE = 'lib2 shadowed'\n", "second/__init__.aio": "WHERE = 'lib2 package'\n"})
	t.Setenv("AIO_PATH", lib1+string(os.PathListSeparator)+lib2)
	src, err := os.ReadFile(filepath.Join(dir, "main.aio"))
	require.NoError(t, err)
	src = append([]byte("LIBS = ["+quote(lib1)+", "+quote(lib2)+"]\n"), src...)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.aio"), src, 0o644))
	out, errOut, code := runCLI(t, "", filepath.Join(dir, "main.aio"))
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "lib1 lib2 package script dir True\n", out)
}

// quote is a Python string literal for a path.
func quote(s string) string { return "'" + filepath.ToSlash(s) + "'" }

func TestCommandImportsFromTheCurrentDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"here.aio": "X = 5\n"})
	t.Chdir(dir)
	out, errOut, code := runCLI(t, "", "-c", "import here; print(here.X)")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "5\n", out)
	out, errOut, code = runCLI(t, "import here\nprint(here.X * 2)\n", "-")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "10\n", out)
}
