package interp_test

import (
	"context"
	"errors"
	"io/fs"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aio-lang/aio/interp"
)

// recordingFS is an fs.FS that remembers every name opened.
type recordingFS struct {
	fs.FS
	mu     sync.Mutex
	opened []string
}

func (r *recordingFS) Open(name string) (fs.File, error) {
	r.mu.Lock()
	r.opened = append(r.opened, name)
	r.mu.Unlock()
	return r.FS.Open(name)
}

func TestImportFromFSPrefersAioOverPy(t *testing.T) {
	fsys := fstest.MapFS{
		"helper.aio":             {Data: []byte("WHO = 'aio file'\n")},
		"helper.py":              {Data: []byte("WHO = 'py file'\n")},
		"only_py.py":             {Data: []byte("WHO = 'py only'\n")},
		"pkg/__init__.aio":       {Data: []byte("from .inner import VALUE\n")},
		"pkg/inner.py":           {Data: []byte("VALUE = __name__ + ' in ' + __package__\n")},
		"lib/extra/mod.aio":      {Data: []byte("X = 7\n")},
		"lib/extra/__init__.aio": {Data: []byte("")},
	}
	in, out := newInterp(interp.Options{ModuleFS: fsys, ModulePath: []string{"", "lib"}})
	got := run(t, in, out, `
import helper, only_py, pkg
import extra.mod
print(helper.WHO, only_py.WHO, pkg.VALUE, extra.mod.X)
print(helper.__file__, pkg.__file__, pkg.__path__)
import sys
print(sys.path)
`)
	assert.Equal(t, "aio file py only pkg.inner in pkg 7\nhelper.aio pkg/__init__.aio ['pkg']\n['', 'lib']\n", got)
}

func TestImportFromFSLeadingSlashIsTheRoot(t *testing.T) {
	fsys := fstest.MapFS{"srv/app/util.aio": {Data: []byte("N = 3\n")}}
	in, out := newInterp(interp.Options{ModuleFS: fsys, ModulePath: []string{"/srv/app"}})
	assert.Equal(t, "3 /srv/app/util.aio\n", run(t, in, out, "import util\nprint(util.N, util.__file__)\n"))
}

func TestImportFromModuleSource(t *testing.T) {
	var asked []string
	source := func(name string) (*interp.SourceModule, error) {
		asked = append(asked, name)
		switch name {
		case "config":
			return &interp.SourceModule{Source: []byte("DEBUG = True\n"), Filename: "<config>"}, nil
		case "plugins":
			return &interp.SourceModule{Source: []byte("NAMES = []\n"), Filename: "<plugins>", Package: true}, nil
		case "plugins.echo":
			return &interp.SourceModule{Source: []byte("from . import NAMES\nNAMES.append('echo')\n"), Filename: "<echo>"}, nil
		case "broken":
			return nil, errors.New("the store is offline")
		}
		return nil, nil
	}
	in, out := newInterp(interp.Options{ModuleSource: source})
	got := run(t, in, out, `
import config
from plugins import echo
import plugins
print(config.DEBUG, plugins.NAMES, config.__file__)
try:
    import broken
except ImportError as e:
    print(type(e).__name__, e)
try:
    import missing
except ModuleNotFoundError as e:
    print(e)
`)
	assert.Equal(t, "True ['echo'] <config>\nImportError the store is offline\nNo module named 'missing'\n", got)
	assert.Equal(t, []string{"config", "plugins", "plugins.echo", "broken", "missing"}, asked)
}

func TestImportWithoutGrantsReadsNoFile(t *testing.T) {
	// A module file exists, but the host grants no file system: the
	// import fails as for a missing module.
	in, _ := newInterp(interp.Options{})
	err := in.Exec(context.Background(), "main.aio", "import interp_test_helper\n")
	var e *interp.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "ModuleNotFoundError", e.Type)
	assert.Equal(t, "No module named 'interp_test_helper'", e.Message)
	// A granted file system is read only at the sys.path entries.
	rec := &recordingFS{FS: fstest.MapFS{"secret/x.aio": {Data: []byte("")}}}
	in, _ = newInterp(interp.Options{ModuleFS: rec, ModulePath: []string{"app"}})
	err = in.Exec(context.Background(), "main.aio", "import x\n")
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "ModuleNotFoundError", e.Type)
	assert.Equal(t, []string{"app/x", "app/x.aio", "app/x.py"}, rec.opened)
}

func TestImportAllowedModulesStillGovernStandardModules(t *testing.T) {
	fsys := fstest.MapFS{"mine.aio": {Data: []byte("import math\n")}}
	in, _ := newInterp(interp.Options{ModuleFS: fsys, AllowedModules: []string{}})
	err := in.Exec(context.Background(), "main.aio", "import mine\n")
	var e *interp.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "No module named 'math'", e.Message)
}

func TestImportFailureLeavesNothingInSysModules(t *testing.T) {
	fsys := fstest.MapFS{"bad.aio": {Data: []byte("print('running bad')\nraise KeyError('k')\n")}}
	in, out := newInterp(interp.Options{ModuleFS: fsys})
	got := run(t, in, out, `
import sys
for _ in range(2):
    try:
        import bad
    except KeyError as e:
        print('caught', e, 'bad' in sys.modules)
`)
	assert.Equal(t, "running bad\ncaught 'k' False\nrunning bad\ncaught 'k' False\n", got)
}

func TestImportTracebackShowsModuleSource(t *testing.T) {
	fsys := fstest.MapFS{"calc.aio": {Data: []byte("def div(a, b):\n    return a / b\nX = div(1, 0)\n")}}
	in, _ := newInterp(interp.Options{ModuleFS: fsys})
	err := in.Exec(context.Background(), "main.aio", "import calc\n")
	var e *interp.Error
	require.ErrorAs(t, err, &e)
	assert.Contains(t, e.Traceback, "File \"main.aio\", line 1, in <module>\n    import calc\n")
	assert.Contains(t, e.Traceback, "File \"calc.aio\", line 3, in <module>\n    X = div(1, 0)\n")
	assert.Contains(t, e.Traceback, "File \"calc.aio\", line 2, in div\n    return a / b\n")
}
