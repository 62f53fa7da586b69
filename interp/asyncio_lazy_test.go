package interp

// This file tests that asyncio's source submodules load on first use:
// import asyncio runs none of them, and each name the asyncio module
// delegates is defined by the submodule the table names.

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// execOut runs src in a fresh interpreter granted everything and
// returns its standard output.
func execOut(t *testing.T, src string) string {
	t.Helper()
	var out bytes.Buffer
	in := New(Options{Stdout: &out, Grants: GrantAll()})
	require.NoError(t, in.Exec(context.Background(), "lazy.aio", src))
	return out.String()
}

// import asyncio runs no source submodule; the first use of a name
// imports only the submodule that defines it.
func TestAsyncioSubmodulesLoadOnFirstUse(t *testing.T) {
	out := execOut(t, `import asyncio, sys
def loaded():
    return sorted(n for n in sys.modules if n.startswith("asyncio."))
print(loaded())
asyncio.to_thread
print(loaded())
asyncio.StreamReader
print(loaded())
from asyncio import create_subprocess_exec
print(loaded())
`)
	assert.Equal(t, "[]\n['asyncio.threads']\n['asyncio.streams', 'asyncio.threads']\n"+
		"['asyncio.streams', 'asyncio.subprocess', 'asyncio.threads']\n", out)
}

// A loop method written in a submodule imports it when first called.
func TestAsyncioLoopMethodLoadsItsSubmodule(t *testing.T) {
	out := execOut(t, `import asyncio, sys
async def main():
    loop = asyncio.get_running_loop()
    print("asyncio.threads" in sys.modules)
    print(await loop.run_in_executor(None, lambda: 42))
    print("asyncio.threads" in sys.modules, "asyncio.streams" in sys.modules)
asyncio.run(main())
`)
	assert.Equal(t, "False\n42\nTrue False\n", out)
}

// Every name of the delegation table is defined by its submodule, so
// that the table sends no look-up to the wrong module.
func TestAsyncioLazyNamesAreDefined(t *testing.T) {
	names := make([]string, 0, len(asyncioLazyNames))
	for name := range asyncioLazyNames {
		names = append(names, name)
	}
	sort.Strings(names)
	src := "import asyncio, importlib\n"
	for _, name := range names {
		sub := asyncioLazyNames[name]
		src += fmt.Sprintf("m = importlib.import_module(%q)\nprint(%q, %q == 'asyncio.' + %q or hasattr(m, %q), getattr(asyncio, %q) is (m if %q == 'asyncio.' + %q else getattr(m, %q)))\n",
			sub, name, sub, name, name, name, sub, name, name)
	}
	out := execOut(t, src)
	want := ""
	for _, name := range names {
		want += name + " True True\n"
	}
	assert.Equal(t, want, out)
}
