package interp

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// maskIDs replaces the addresses in a call graph's text.
func maskIDs(s string) string {
	return regexp.MustCompile(`id=0x[0-9a-f]+`).ReplaceAllString(s, "id=0x?")
}

// The example of Python 3.14's asyncio-graph documentation, whose output
// the documentation shows as (ids and the TaskGroup's file vary):
//
//   - Task(name='test', id=0x1039f0fe0)
//   - Call stack:
//     |   File 't2.py', line 4, in async test()
//   - Awaited by:
//   - Task(name='Task-1', id=0x103a5e060)
//   - Call stack:
//     |   File 'taskgroups.py', line 107, in async TaskGroup.__aexit__()
//     |   File 't2.py', line 7, in async main()
//
// 3.14's format_call_graph indents each section two spaces under its
// task and each awaiting task four spaces under the awaited one.
func TestCallGraphDocumentedExample(t *testing.T) {
	out, errLine := runSource(t, `import asyncio

async def test():
    asyncio.print_call_graph()

async def main():
    async with asyncio.TaskGroup() as g:
        g.create_task(test(), name='test')

asyncio.run(main())
`)
	require.Empty(t, errLine)
	out = maskIDs(out)
	assert.Equal(t, `* Task(name='test', id=0x?)
  + Call stack:
  |   File 'test.aio', line 4, in async test()
  + Awaited by:
    * Task(name='Task-1', id=0x?)
      + Call stack:
      |   File '<asyncio>', line 0, in async TaskGroup.__aexit__()
      |   File 'test.aio', line 7, in async main()
`, out)
}

func TestCaptureCallGraphObjects(t *testing.T) {
	expectRun(t, `import asyncio

async def leaf(fut):
    await fut

async def middle(fut):
    await leaf(fut)

def sync_helper():
    return asyncio.capture_call_graph()

async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(middle(fut), name='worker')
    await asyncio.sleep(0)
    g = asyncio.capture_call_graph(t)
    print(type(g).__name__, g.future is t)
    for e in g.call_stack:
        print(type(e).__name__, e.frame.f_code.co_qualname, e.frame.f_lineno)
    print(len(g.awaited_by))
    print(len(asyncio.capture_call_graph(t, limit=1).call_stack), asyncio.capture_call_graph(t, limit=1).call_stack[0].frame.f_code.co_name)
    print(asyncio.capture_call_graph(t, limit=-1).call_stack[0].frame.f_code.co_name)
    print(asyncio.capture_call_graph(t, limit=0).call_stack)
    print([e.frame.f_code.co_name for e in sync_helper().call_stack])
    print([e.frame.f_code.co_name for e in asyncio.capture_call_graph(depth=1).call_stack])
    g = asyncio.capture_call_graph(fut)
    print(type(g.future).__name__, g.call_stack, [w.future.get_name() for w in g.awaited_by])
    print(asyncio.format_call_graph(fut).splitlines()[0].startswith('* Future(id=0x'))
    try:
        asyncio.capture_call_graph(5)
    except TypeError as e:
        print(e)
    fut.set_result(None)
    await t

asyncio.run(main())
try:
    asyncio.capture_call_graph()
except RuntimeError as e:
    print("RuntimeError")
`, `FutureCallGraph True
FrameCallGraphEntry leaf 4
FrameCallGraphEntry middle 7
0
1 middle
leaf
()
['sync_helper', 'main']
['main']
Future () ['worker']
True
5 object does not appear to be compatible with asyncio.Future
RuntimeError
`)
}

func TestCallGraphGatherChildrenAreAwaitedByTheGatherer(t *testing.T) {
	out, errLine := runSource(t, `import asyncio

async def child(ev):
    await ev.wait()

async def main():
    ev = asyncio.Event()
    a = asyncio.create_task(child(ev), name='a')
    async def report():
        await asyncio.sleep(0)
        print(asyncio.format_call_graph(a))
        ev.set()
    asyncio.create_task(report())
    await asyncio.gather(a)

asyncio.run(main())
`)
	require.Empty(t, errLine)
	lines := strings.Split(maskIDs(out), "\n")
	require.GreaterOrEqual(t, len(lines), 7, out)
	assert.Equal(t, "* Task(name='a', id=0x?)", lines[0])
	assert.Contains(t, out, "  |   File 'test.aio', line 4, in async child()\n")
	assert.Contains(t, out, "  + Awaited by:\n    * Task(name='Task-1', id=0x")
	assert.Contains(t, out, "      |   File 'test.aio', line 14, in async main()")
}

const deadlockProgram = `import asyncio

async def wait_event(ev):
    await ev.wait()

async def inner(fut):
    return await fut

async def main():
    ev = asyncio.Event()
    asyncio.create_task(wait_event(ev), name='event-waiter')
    fut = asyncio.get_running_loop().create_future()
    await inner(fut)

asyncio.run(main())
`

func TestDeadlockReportPrecedesTraceback(t *testing.T) {
	var out, errOut bytes.Buffer
	in := New(Options{Stdout: &out, Stderr: &errOut})
	code := in.writeExit(in.execMain("prog.py", []byte(deadlockProgram)), &errOut)
	assert.Equal(t, 1, code)
	text := maskIDs(errOut.String())
	report, tb, found := strings.Cut(text, "Traceback (most recent call last):\n")
	require.True(t, found, text)
	assert.Equal(t, `aio: event loop deadlock: 2 tasks wait on something that nothing will complete:
* Task(name='Task-1', id=0x?)
  + Call stack:
  |   File 'prog.py', line 7, in async inner()
  |   File 'prog.py', line 13, in async main()
  + Waiting on: <Future pending cb=[Task.task_wakeup()]>
* Task(name='event-waiter', id=0x?)
  + Call stack:
  |   File '<asyncio>', line 0, in async Event.wait()
  |   File 'prog.py', line 4, in async wait_event()
  + Waiting on: <Future pending cb=[Task.task_wakeup()]>
`, report)
	assert.True(t, strings.HasSuffix(tb, "RuntimeError: event loop deadlock: no task can make progress (every task waits on something that nothing will complete)\n"), tb)
}

func TestDeadlockErrorForEmbedders(t *testing.T) {
	in := New(Options{})
	err := in.Exec(context.Background(), "prog.py", deadlockProgram)
	var ie *Error
	require.True(t, errors.As(err, &ie), "%v", err)
	assert.Equal(t, "RuntimeError", ie.Type)
	var dl *DeadlockError
	require.True(t, errors.As(err, &dl), "%v", err)
	require.Len(t, dl.Tasks, 2)
	assert.Equal(t, "Task-1", dl.Tasks[0].Name)
	assert.Equal(t, "main", dl.Tasks[0].Coro)
	require.Len(t, dl.Tasks[0].Stack, 2)
	assert.Equal(t, "prog.py", dl.Tasks[0].Stack[0].File)
	assert.Equal(t, 7, dl.Tasks[0].Stack[0].Line)
	assert.Equal(t, "inner", dl.Tasks[0].Stack[0].Func)
	assert.Equal(t, 13, dl.Tasks[0].Stack[1].Line)
	assert.Equal(t, "<Future pending cb=[Task.task_wakeup()]>", dl.Tasks[0].Awaiting)
	assert.Equal(t, "event-waiter", dl.Tasks[1].Name)
	assert.Equal(t, "wait_event", dl.Tasks[1].Coro)
	last := dl.Tasks[1].Stack[len(dl.Tasks[1].Stack)-1]
	assert.Equal(t, "wait_event", last.Func)
	assert.Equal(t, 4, last.Line)
	assert.Contains(t, dl.Report, "* Task(name='event-waiter', id=0x")
	assert.Equal(t, "event loop deadlock: stuck tasks: Task-1 (main), event-waiter (wait_event)", dl.Error())
}

func TestDeadlockReportWithTopLevelAwait(t *testing.T) {
	var out, errOut bytes.Buffer
	in := New(Options{Stdout: &out, Stderr: &errOut})
	code := in.writeExit(in.execMain("top.py", []byte("import asyncio\nasync def inner(f):\n    await f\nf = asyncio.get_running_loop().create_future()\nawait inner(f)\n")), &errOut)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut.String(), "  |   File 'top.py', line 3, in async inner()\n  |   File 'top.py', line 5, in async <module>()\n  + Waiting on: <Future pending cb=[Task.task_wakeup()]>\n")
}

func TestSessionDeadlockReport(t *testing.T) {
	ts := newTestSession(t, false)
	require.NoError(t, ts.exec(t, "async def inner(f):\n    await f\n\n"))
	ts.err.take()
	err := ts.exec(t, "await inner(asyncio.get_running_loop().create_future())\n")
	require.Error(t, err)
	text := ts.err.take()
	assert.Contains(t, text, "aio: event loop deadlock: 1 task waits on something that nothing will complete:\n")
	assert.Contains(t, text, "  |   File '<stdin>', line 2, in async inner()\n")
	assert.Contains(t, text, "RuntimeError: event loop deadlock")
}
