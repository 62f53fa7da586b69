package interp

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aio-lang/aio/parser"
	"github.com/aio-lang/aio/runtime"
)

// syncBuffer is a bytes.Buffer safe for the session goroutine to write
// while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// take returns what was written since the last take.
func (b *syncBuffer) take() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.b.String()
	b.b.Reset()
	return s
}

type testSession struct {
	*Session
	out, err *syncBuffer
}

func newTestSession(t *testing.T, virtual bool) *testSession {
	t.Helper()
	ts := &testSession{out: &syncBuffer{}, err: &syncBuffer{}}
	in := New(Options{Stdout: ts.out, Stderr: ts.err, VirtualTime: virtual})
	ts.Session = in.NewSession()
	t.Cleanup(func() { assert.NoError(t, ts.Close()) })
	return ts
}

// exec runs src with a time limit and returns its error.
func (ts *testSession) exec(t *testing.T, src string) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return ts.Exec(ctx, src)
}

// eventually waits until cond holds (or fails the test after 5 seconds).
func eventually(t *testing.T, cond func() bool, msg string) {
	t.Helper()
	require.Eventually(t, cond, 5*time.Second, 5*time.Millisecond, msg)
}

func TestSessionEchoAndUnderscore(t *testing.T) {
	ts := newTestSession(t, true)
	require.NoError(t, ts.exec(t, "1 + 1\n"))
	require.NoError(t, ts.exec(t, "_ * 10\n"))
	require.NoError(t, ts.exec(t, "None\n"))
	require.NoError(t, ts.exec(t, "x = 'a'\nx\n"))
	require.NoError(t, ts.exec(t, "_\n"))
	assert.Equal(t, "2\n20\n'a'\n'a'\n", ts.out.take())
	assert.Empty(t, ts.err.String())
}

func TestSessionMultiLineBlock(t *testing.T) {
	ts := newTestSession(t, true)
	require.NoError(t, ts.exec(t, "def f(n):\n    total = 0\n    for i in range(n):\n        total += i\n    return total\n\n"))
	require.NoError(t, ts.exec(t, "f(5)\n"))
	require.NoError(t, ts.exec(t, "class P:\n    def __repr__(self):\n        return 'P!'\n\n"))
	require.NoError(t, ts.exec(t, "P()\n"))
	assert.Equal(t, "10\nP!\n", ts.out.take())
}

func TestSessionTopLevelAwait(t *testing.T) {
	ts := newTestSession(t, true)
	require.NoError(t, ts.exec(t, "loop = asyncio.get_running_loop()\nt0 = loop.time()\n"))
	require.NoError(t, ts.exec(t, "await sleep(5)\n"))
	require.NoError(t, ts.exec(t, "await asyncio.sleep(1, result='done')\n"))
	require.NoError(t, ts.exec(t, "loop.time() - t0\n"))
	require.NoError(t, ts.exec(t, "async def twice(x):\n    await sleep(0.5)\n    return 2 * x\n\n"))
	require.NoError(t, ts.exec(t, "await gather(twice(1), twice(2))\n"))
	require.NoError(t, ts.exec(t, "asyncio.current_task() is None\n"))
	assert.Equal(t, "'done'\n6.0\n[2, 4]\nTrue\n", ts.out.take())
	assert.Empty(t, ts.err.String())
}

// A task created by one input keeps running while no input runs.
func TestSessionBackgroundTaskRunsBetweenInputs(t *testing.T) {
	ts := newTestSession(t, false)
	require.NoError(t, ts.exec(t, "async def ticker():\n    n = 0\n    while True:\n        await sleep(0.01)\n        n += 1\n        print('tick', n)\n\n"))
	require.NoError(t, ts.exec(t, "bg = create_task(ticker())\n"))
	eventually(t, func() bool { return strings.Contains(ts.out.String(), "tick 3\n") }, "the ticker prints while no input runs")
	require.NoError(t, ts.exec(t, "bg.cancel()\n"))
	require.NoError(t, ts.exec(t, "await sleep(0)\nbg.cancelled()\n"))
	assert.True(t, strings.HasSuffix(ts.out.String(), "True\nTrue\n"), ts.out.String())
}

func TestSessionErrorsDoNotEndIt(t *testing.T) {
	ts := newTestSession(t, true)
	err := ts.exec(t, "undefined_name\n")
	require.Error(t, err)
	assert.Equal(t, "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nNameError: name 'undefined_name' is not defined\n", ts.err.take())

	err = ts.exec(t, "x = ]\n")
	var se *parser.SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "  File \"<stdin>\", line 1\n    x = ]\n        ^\nSyntaxError: unmatched ']'\n", ts.err.take())

	err = ts.exec(t, "async def boom():\n    await sleep(1)\n    1 / 0\n\n")
	require.NoError(t, err)
	err = ts.exec(t, "await boom()\n")
	require.Error(t, err)
	assert.Contains(t, ts.err.take(), "line 3, in boom\nZeroDivisionError: division by zero\n")

	require.NoError(t, ts.exec(t, "'still here'\n"))
	assert.Equal(t, "'still here'\n", ts.out.take())
}

func TestSessionExit(t *testing.T) {
	ts := newTestSession(t, true)
	var exit *SessionExit
	require.ErrorAs(t, ts.exec(t, "exit(3)\n"), &exit)
	assert.Equal(t, 3, exit.Code)
	require.ErrorAs(t, ts.exec(t, "await sleep(1)\nquit()\n"), &exit)
	assert.Equal(t, 0, exit.Code)
	require.ErrorAs(t, ts.exec(t, "raise SystemExit('bye')\n"), &exit)
	assert.Equal(t, 1, exit.Code)
	assert.Equal(t, "bye\n", ts.err.take())
}

// A background task's SystemExit ends the session.
func TestSessionBackgroundExit(t *testing.T) {
	ts := newTestSession(t, false)
	require.NoError(t, ts.exec(t, "async def later():\n    await sleep(0.01)\n    exit(4)\n\n"))
	require.NoError(t, ts.exec(t, "t = create_task(later())\n"))
	select {
	case <-ts.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the session did not end")
	}
	code, ok := ts.ExitCode()
	assert.True(t, ok)
	assert.Equal(t, 4, code)
	var exit *SessionExit
	require.ErrorAs(t, ts.exec(t, "1\n"), &exit)
	assert.Equal(t, 4, exit.Code)
}

// execAsync starts an input and returns a channel with its error.
func (ts *testSession) execAsync(src string) <-chan error {
	ch := make(chan error, 1)
	go func() { ch <- ts.Exec(context.Background(), src) }()
	return ch
}

func waitErr(t *testing.T, ch <-chan error) error {
	t.Helper()
	select {
	case err := <-ch:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("the input did not end")
		return nil
	}
}

// Interrupting an input that awaits cancels its task only: a background
// task goes on, and so does the session.
func TestSessionInterruptAwait(t *testing.T) {
	ts := newTestSession(t, false)
	require.NoError(t, ts.exec(t, "async def ticker():\n    while True:\n        await sleep(0.01)\n        print('tick')\n\n"))
	require.NoError(t, ts.exec(t, "bg = create_task(ticker())\n"))
	done := ts.execAsync("print('waiting')\nawait sleep(100)\nprint('not reached')\n")
	eventually(t, func() bool { return strings.Contains(ts.out.String(), "waiting") }, "the input starts")
	ts.Interrupt()
	err := waitErr(t, done)
	require.True(t, runtime.IsInstance(err, runtime.KeyboardInterrupt), "error %v", err)
	assert.Equal(t, "KeyboardInterrupt\n", ts.err.take())
	ts.out.take()
	eventually(t, func() bool { return strings.Contains(ts.out.String(), "tick") }, "the background task still runs")
	require.NoError(t, ts.exec(t, "bg.done()\n"))
	assert.True(t, strings.HasSuffix(ts.out.String(), "False\n"))
	assert.NotContains(t, ts.out.String(), "not reached")
}

// Interrupting an input that never yields raises KeyboardInterrupt in it.
func TestSessionInterruptBusyLoop(t *testing.T) {
	ts := newTestSession(t, true)
	done := ts.execAsync("print('spinning')\nwhile True:\n    pass\n")
	eventually(t, func() bool { return strings.Contains(ts.out.String(), "spinning") }, "the input starts")
	ts.Interrupt()
	err := waitErr(t, done)
	require.True(t, runtime.IsInstance(err, runtime.KeyboardInterrupt), "error %v", err)
	assert.Regexp(t, `^Traceback \(most recent call last\):\n  File "<stdin>", line [123], in <module>\nKeyboardInterrupt\n$`, ts.err.take())

	// The same inside a task.
	done = ts.execAsync("await sleep(1)\nprint('spinning again')\nwhile True:\n    pass\n")
	eventually(t, func() bool { return strings.Contains(ts.out.String(), "spinning again") }, "the input starts")
	ts.Interrupt()
	err = waitErr(t, done)
	require.True(t, runtime.IsInstance(err, runtime.KeyboardInterrupt), "error %v", err)
	assert.Contains(t, ts.err.take(), "KeyboardInterrupt\n")
	require.NoError(t, ts.exec(t, "'alive'\n"))
}

// When a background task holds the loop, an interrupt waits a moment for
// the input to run, then raises KeyboardInterrupt in that task.
func TestSessionInterruptBusyBackgroundTask(t *testing.T) {
	ts := newTestSession(t, false)
	require.NoError(t, ts.exec(t, "async def spin():\n    print('spin starts')\n    while True:\n        pass\n\n"))
	require.NoError(t, ts.exec(t, "s = create_task(spin())\n"))
	eventually(t, func() bool { return strings.Contains(ts.out.String(), "spin starts") }, "the task starts")
	done := ts.execAsync("'never run'\n")
	eventually(t, ts.Interrupt, "the input is submitted")
	err := waitErr(t, done)
	require.True(t, runtime.IsInstance(err, runtime.KeyboardInterrupt), "error %v", err)
	assert.Regexp(t, `^Traceback \(most recent call last\):\n  File "<stdin>", line \d, in spin\nKeyboardInterrupt\nKeyboardInterrupt\n$`, ts.err.take())
	require.NoError(t, ts.exec(t, "s.done(), type(s.exception()).__name__\n"))
	assert.Equal(t, "spin starts\n(True, 'KeyboardInterrupt')\n", ts.out.take())
}

// A context cancelled while the input runs interrupts it.
func TestSessionExecContext(t *testing.T) {
	ts := newTestSession(t, false)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := ts.Exec(ctx, "await sleep(100)\n")
	require.True(t, runtime.IsInstance(err, runtime.KeyboardInterrupt), "error %v", err)
}

// An input that nothing can finish is reported instead of hanging.
func TestSessionDeadlock(t *testing.T) {
	ts := newTestSession(t, false)
	err := ts.exec(t, "await asyncio.get_running_loop().create_future()\n")
	require.Error(t, err)
	assert.Contains(t, ts.err.take(), "RuntimeError: event loop deadlock")
	require.NoError(t, ts.exec(t, "await sleep(0.01)\n'ok'\n"))
	assert.Equal(t, "'ok'\n", ts.out.take())
}

func TestSessionCompleteNames(t *testing.T) {
	ts := newTestSession(t, true)
	require.NoError(t, ts.exec(t, "counter = 1\ndef compute(): pass\n"))
	got, n := ts.Complete("x = co")
	assert.Equal(t, 2, n)
	assert.Equal(t, []string{"compile(", "complex(", "compute(", "continue", "counter"}, got)
	got, n = ts.Complete("pri")
	assert.Equal(t, 3, n)
	assert.Equal(t, []string{"print("}, got)
	got, _ = ts.Complete("asy")
	assert.Equal(t, []string{"async ", "asyncio"}, got)
	got, _ = ts.Complete("Tr")
	assert.Equal(t, []string{"True"}, got)
	got, _ = ts.Complete("create_t")
	assert.Equal(t, []string{"create_task("}, got)
	got, _ = ts.Complete("  ")
	assert.Empty(t, got)
	got, _ = ts.Complete("f(1).")
	assert.Empty(t, got)
	got, _ = ts.Complete("1.")
	assert.Empty(t, got)
}

func TestSessionCompleteAttributes(t *testing.T) {
	ts := newTestSession(t, true)
	got, n := ts.Complete("await asyncio.sl")
	assert.Equal(t, 2, n)
	assert.Equal(t, []string{"sleep("}, got)
	got, _ = ts.Complete("asyncio.Queue")
	assert.Contains(t, got, "QueueEmpty(")
	require.NoError(t, ts.exec(t, `
calls = []
class Node:
    kind = 'leaf'
    def __init__(self):
        self.value = 42
        self.child = None
    @property
    def costly(self):
        calls.append('costly')
        return self
    def __getattr__(self, name):
        calls.append(name)
        return self
    def visit(self):
        pass

n = Node()
n.child = Node()
`))
	got, n = ts.Complete("print(n.")
	assert.Equal(t, 0, n)
	assert.Equal(t, []string{"child", "costly", "kind", "value", "visit("}, got)
	got, _ = ts.Complete("n.child.va")
	assert.Equal(t, []string{"value"}, got)
	got, _ = ts.Complete("n.costly.")
	assert.Empty(t, got, "a property is not evaluated")
	got, _ = ts.Complete("n.missing.")
	assert.Empty(t, got, "__getattr__ is not called")
	got, _ = ts.Complete("n.__i")
	assert.Equal(t, []string{"__init__(", "__init_subclass__("}, got)
	got, _ = ts.Complete("Node.vi")
	assert.Equal(t, []string{"visit("}, got)
	got, _ = ts.Complete("'abc'.up")
	assert.Empty(t, got)
	require.NoError(t, ts.exec(t, "calls\n"))
	assert.Equal(t, "[]\n", ts.out.take())
}

// Close stops a loop held by a task that never yields.
func TestSessionCloseBusy(t *testing.T) {
	out := &syncBuffer{}
	in := New(Options{Stdout: out, Stderr: &syncBuffer{}})
	s := in.NewSession()
	require.NoError(t, s.Exec(context.Background(), "async def spin():\n    print('spin')\n    while True:\n        try:\n            pass\n        except BaseException:\n            pass\n\ncreate_task(spin())\n"))
	eventually(t, func() bool { return strings.Contains(out.String(), "spin") }, "the task starts")
	require.NoError(t, s.Close())
}

func TestSessionClose(t *testing.T) {
	in := New(Options{Stdout: &syncBuffer{}, Stderr: &syncBuffer{}})
	s := in.NewSession()
	require.NoError(t, s.Exec(context.Background(), "x = 1\n"))
	require.NoError(t, s.Close())
	require.NoError(t, s.Close())
	err := s.Exec(context.Background(), "x\n")
	assert.True(t, errors.Is(err, ErrSessionClosed))
	assert.Nil(t, in.checkInterrupt)
}
