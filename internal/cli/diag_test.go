package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const warnProgram = "import warnings\nwarnings.warn(\"careful\")\nprint(\"after\")\n"

const unawaitedProgram = `import asyncio
async def save(x):
    pass
async def main():
    save(1)
    print("after")
asyncio.run(main())
`

// The expectations below are CPython 3.11's for the same options.
func TestWarningOptions(t *testing.T) {
	out, errOut, code := runCLI(t, "", "-W", "error", "-c", warnProgram)
	assert.Equal(t, 1, code)
	assert.Equal(t, "", out)
	assert.Contains(t, errOut, "\nUserWarning: careful\n")

	out, errOut, code = runCLI(t, "", "-W", "ignore", "-c", warnProgram)
	assert.Equal(t, 0, code)
	assert.Equal(t, "after\n", out)
	assert.Equal(t, "", errOut)

	_, errOut, code = runCLI(t, "", "-Werror::UserWarning", "-c", warnProgram)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "UserWarning: careful")

	// A later option wins.
	out, errOut, code = runCLI(t, "", "-W", "ignore::UserWarning", "-W", "always", "-c", warnProgram)
	assert.Equal(t, 0, code)
	assert.Equal(t, "after\n", out)
	assert.Equal(t, "<string>:2: UserWarning: careful\n", errOut)

	_, errOut, _ = runCLI(t, "", "-W", "bogus", "-c", warnProgram)
	assert.Contains(t, errOut, "Invalid -W option ignored: invalid action: 'bogus'\n")

	_, _, code = runCLI(t, "", "-W")
	assert.Equal(t, 2, code)
}

func TestWarningOptionsFromEnvironment(t *testing.T) {
	t.Setenv("AIO_WARNINGS", "error")
	_, _, code := runCLI(t, "", "-c", warnProgram)
	assert.Equal(t, 1, code)
	// The command line's options come after the environment's and win.
	out, _, code := runCLI(t, "", "-W", "ignore", "-c", warnProgram)
	assert.Equal(t, 0, code)
	assert.Equal(t, "after\n", out)
}

func TestNeverAwaitedWarningOptions(t *testing.T) {
	out, errOut, code := runCLI(t, "", "-c", unawaitedProgram)
	assert.Equal(t, 0, code)
	assert.Equal(t, "after\n", out)
	assert.Equal(t, "<string>:5: RuntimeWarning: coroutine 'save' was never awaited\n"+
		"RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n", errOut)

	_, errOut, code = runCLI(t, "", "-W", "ignore::RuntimeWarning", "-c", unawaitedProgram)
	assert.Equal(t, 0, code)
	assert.Equal(t, "", errOut)

	// Escalated, the warning is raised where the coroutine is dropped,
	// which (as in a finalizer) prints it as ignored and goes on.
	out, errOut, code = runCLI(t, "", "-W", "error", "-c", unawaitedProgram)
	assert.Equal(t, 0, code)
	assert.Equal(t, "after\n", out)
	assert.Contains(t, errOut, "Exception ignored in: <coroutine object save at 0x")
	assert.Contains(t, errOut, "\nRuntimeWarning: coroutine 'save' was never awaited\n")
}

func TestDebugOption(t *testing.T) {
	out, errOut, code := runCLI(t, "", "--debug", "-c", `import asyncio, time
async def save(x):
    pass
async def work():
    time.sleep(0.15)
async def main():
    print(asyncio.get_running_loop().get_debug())
    save(1)
    await asyncio.create_task(work())
asyncio.run(main())
`)
	assert.Equal(t, 0, code)
	assert.Equal(t, "True\n", out)
	assert.Contains(t, errOut, "<string>:8: RuntimeWarning: coroutine 'save' was never awaited\n"+
		"Coroutine created at (most recent call last)\n"+
		"  File \"<string>\", line 8, in main\n")
	assert.Regexp(t, `Executing <Task finished name='Task-2' coro=<work\(\) done, defined at <string>:4> result=None> took 0\.1[5-9]\d seconds`, errOut)
}

func TestTraceOption(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trace.json")
	out, _, code := runCLI(t, "", "--virtual-time", "--trace", path, "-c", `import asyncio
async def child(i):
    await asyncio.sleep(i)
async def main():
    await asyncio.gather(*(child(i) for i in range(3)))
asyncio.run(main())
print("ok")
`)
	require.Equal(t, 0, code)
	assert.Equal(t, "ok\n", out)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var events []map[string]any
	require.NoError(t, json.Unmarshal(data, &events))
	tracks := 0
	for _, e := range events {
		if e["ph"] == "M" && e["name"] == "thread_name" {
			tracks++
		}
	}
	// main, three children and the two shutdown steps of asyncio.run.
	assert.Equal(t, 6, tracks)

	_, _, code = runCLI(t, "", "--trace", filepath.Join(path, "no", "such"), "-c", "pass")
	assert.Equal(t, 2, code)
}
