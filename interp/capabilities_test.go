package interp_test

// This file tests the capability model: an interpreter granted nothing
// cannot touch files or see the environment, and each grant works as
// documented.

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aio-lang/aio/interp"
)

// runScript runs src in a fresh interpreter with opts and returns what it
// printed.
func runScript(t *testing.T, opts interp.Options, src string) string {
	t.Helper()
	in, out := newInterp(opts)
	require.NoError(t, in.Exec(context.Background(), "grants.aio", src), out.String())
	return out.String()
}

func TestNoGrantDeniesFiles(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.txt")
	require.NoError(t, os.WriteFile(secret, []byte("hidden"), 0o644))
	src := `
import os
for f in [lambda: open(PATH), lambda: open('x.txt', 'w'), lambda: os.listdir('/'), lambda: os.remove(PATH)]:
    try:
        f()
        print('allowed')
    except PermissionError as e:
        print(type(e).__name__, e.errno, e)
print(len(os.environ), os.getenv('HOME'), os.getcwd())
`
	out := runScript(t, interp.Options{Globals: map[string]any{"PATH": secret}}, src)
	assert.Equal(t, "PermissionError 13 [Errno 13] Permission denied (no file system granted): '"+secret+"'\n"+
		"PermissionError 13 [Errno 13] Permission denied (no file system granted): 'x.txt'\n"+
		"PermissionError 13 [Errno 13] Permission denied (no file system granted): '/'\n"+
		"PermissionError 13 [Errno 13] Permission denied (no file system granted): '"+secret+"'\n"+
		"0 None /\n", out)
	_, err := os.Stat(secret)
	assert.NoError(t, err, "the denied remove must leave the file")
}

func TestDirGrantIsConfined(t *testing.T) {
	outer := t.TempDir()
	root := filepath.Join(outer, "root")
	require.NoError(t, os.Mkdir(root, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(outer, "outside.txt"), []byte("no"), 0o644))
	require.NoError(t, os.Symlink(filepath.Join(outer, "outside.txt"), filepath.Join(root, "link.txt")))
	src := `
import os
with open('made.txt', 'w') as f:
    f.write('inside')
print(os.getcwd(), sorted(os.listdir('/')), open('/made.txt').read())
for name in ['../outside.txt', '/../outside.txt', 'link.txt']:
    try:
        print(open(name).read())
    except OSError as e:
        print(name, type(e).__name__)
`
	out := runScript(t, interp.Options{Grants: interp.Capabilities{Dir: root}}, src)
	assert.Equal(t, "/ ['link.txt', 'made.txt'] inside\n"+
		"../outside.txt FileNotFoundError\n/../outside.txt FileNotFoundError\nlink.txt PermissionError\n", out)
	b, err := os.ReadFile(filepath.Join(root, "made.txt"))
	require.NoError(t, err)
	assert.Equal(t, "inside", string(b))
}

func TestReadOnlyFSGrant(t *testing.T) {
	fsys := fstest.MapFS{"data/a.txt": {Data: []byte("one\ntwo\n")}}
	src := `
import os
print(open('/data/a.txt').readlines(), os.listdir('data'), os.path.isfile('data/a.txt'))
try:
    open('data/b.txt', 'w')
except PermissionError as e:
    print(e)
`
	out := runScript(t, interp.Options{Grants: interp.Capabilities{FS: fsys}}, src)
	assert.Equal(t, "['one\\n', 'two\\n'] ['a.txt'] True\n"+
		"[Errno 13] Permission denied (file system is read-only): 'data/b.txt'\n", out)
}

func TestEnvGrant(t *testing.T) {
	env := map[string]string{"GREETING": "hi"}
	src := `
import os
print(os.environ['GREETING'], dict(os.environ))
os.environ['NEW'] = 'x'
print(os.getenv('NEW'))
`
	out := runScript(t, interp.Options{Grants: interp.Capabilities{Env: env}}, src)
	assert.Equal(t, "hi {'GREETING': 'hi'}\nx\n", out)
	assert.Equal(t, map[string]string{"GREETING": "hi"}, env, "the host's map is not modified")
}
