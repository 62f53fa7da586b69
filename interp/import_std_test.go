package interp

// This file tests standard modules registered by lib packages: modules
// with an aio source part, and dotted submodules of a standard package.

import (
	"bytes"
	"context"
	"testing"

	"github.com/aio-lang/aio/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func init() {
	runtime.RegisterStdModule("_stdtest", func(*runtime.Thread) *runtime.Module {
		m := runtime.NewModule("_stdtest")
		m.Set("native", runtime.Str("from Go"))
		return m
	})
	runtime.RegisterStdSource("_stdtest", []byte("def both():\n    return native + ' and source'\n"))
	runtime.RegisterStdSource("_stdtest.sub", []byte("from _stdtest import both\nvalue = both().upper()\n"))
}

func TestStdSourceModule(t *testing.T) {
	var out bytes.Buffer
	in := New(Options{Stdout: &out})
	err := in.Exec(context.Background(), "main.aio",
		"import _stdtest.sub\nimport _stdtest\nprint(_stdtest.both(), _stdtest.sub.value, _stdtest.__name__)\n"+
			"from _stdtest.sub import value\nprint(value is _stdtest.sub.value, _stdtest.__path__)\n")
	require.NoError(t, err)
	assert.Equal(t, "from Go and source FROM GO AND SOURCE _stdtest\nTrue []\n", out.String())
}

func TestStdSourceModuleNotAllowed(t *testing.T) {
	var out bytes.Buffer
	in := New(Options{Stdout: &out, AllowedModules: []string{"sys"}})
	err := in.Exec(context.Background(), "main.aio",
		"try:\n    import _stdtest.sub\nexcept ImportError as e:\n    print(type(e).__name__, e)\n")
	require.NoError(t, err)
	assert.Equal(t, "ModuleNotFoundError No module named '_stdtest'\n", out.String())
}

func TestAllowedModulesIncludeTheirOwnImports(t *testing.T) {
	var out bytes.Buffer
	in := New(Options{Stdout: &out, AllowedModules: []string{"_stdtest.sub"}})
	err := in.Exec(context.Background(), "main.aio",
		"import _stdtest.sub\nprint(_stdtest.sub.value)\ntry:\n    import math\nexcept ImportError as e:\n    print(e)\n")
	require.NoError(t, err)
	assert.Equal(t, "FROM GO AND SOURCE\nNo module named 'math'\n", out.String())
	assert.Equal(t, map[string]bool{"a": true, "b": true, "b.c": true}, stdClosure([]string{"b.c", "a"}))
}

func TestAllowingTypingAllowsWhatItImports(t *testing.T) {
	var out bytes.Buffer
	in := New(Options{Stdout: &out, AllowedModules: []string{"typing", "dataclasses"}})
	err := in.Exec(context.Background(), "main.aio",
		"from typing import Optional\nfrom dataclasses import dataclass\n@dataclass\nclass P:\n    x: Optional[int] = None\nprint(P(3))\n")
	require.NoError(t, err)
	assert.Equal(t, "P(x=3)\n", out.String())
}

func TestStdSourceCompiledOncePerProcess(t *testing.T) {
	for i := 0; i < 2; i++ {
		var out bytes.Buffer
		in := New(Options{Stdout: &out})
		require.NoError(t, in.Exec(context.Background(), "main.aio", "import _stdtest\nprint(_stdtest.both())\n"))
		assert.Equal(t, "from Go and source\n", out.String())
	}
	first, ok := stdCode.Load("_stdtest")
	require.True(t, ok, "the module's code is cached")
	code, err := compileModuleSource("_stdtest", "<_stdtest>", runtime.StdSource("_stdtest"))
	require.NoError(t, err)
	assert.Same(t, first, code)
	other, err := compileModuleSource("_stdtest", "<_stdtest>", []byte("x = 1\n"))
	require.NoError(t, err)
	assert.NotSame(t, first, other, "a file of the same name is not the standard module")
}
