package interp

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runWithStderr(t *testing.T, opts Options, src string) (string, string) {
	var out, errOut bytes.Buffer
	opts.Stdout, opts.Stderr = &out, &errOut
	in := New(opts)
	require.NoError(t, in.Exec(context.Background(), "prog.aio", src))
	return out.String(), errOut.String()
}

const stubbornTask = `
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("caught")
    return "kept going"

async def polite():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        asyncio.current_task().uncancel()
    return "uncancelled"

async def main():
    for f in (stubborn, polite):
        t = asyncio.create_task(f())
        await asyncio.sleep(0)
        t.cancel()
        print(await t)

asyncio.run(main())
`

func TestDebugReportsSwallowedCancellation(t *testing.T) {
	out, errOut := runWithStderr(t, Options{Debug: true, VirtualTime: true}, stubbornTask)
	assert.Equal(t, "caught\nkept going\nuncancelled\n", out)
	assert.Equal(t, "Task Task-2 (stubborn()) swallowed a cancellation: it caught CancelledError and went on without calling uncancel() (aio debug mode)\n", errOut)

	// Not in debug mode.
	_, errOut = runWithStderr(t, Options{VirtualTime: true}, stubbornTask)
	assert.Equal(t, "", errOut)
}

func TestWarningsOption(t *testing.T) {
	src := "import warnings\nwarnings.warn('w', DeprecationWarning)\nprint('ok')\n"
	_, errOut := runWithStderr(t, Options{}, src)
	assert.Equal(t, "prog.aio:2: DeprecationWarning: w\n  warnings.warn('w', DeprecationWarning)\n", errOut)
	_, errOut = runWithStderr(t, Options{Warnings: []string{"ignore::DeprecationWarning"}}, src)
	assert.Equal(t, "", errOut)
	in := New(Options{Warnings: []string{"error"}, Stderr: &bytes.Buffer{}, Stdout: &bytes.Buffer{}})
	err := in.Exec(context.Background(), "prog.aio", src)
	var scriptErr *Error
	require.ErrorAs(t, err, &scriptErr)
	assert.Equal(t, "DeprecationWarning", scriptErr.Type)
}
