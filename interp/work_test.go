package interp_test

// Tests of the work charged by built-ins (Limits.Work), of the rule that
// an entry whose context was done before it returned fails, and of the
// host streams: abandoned when they block, no stdin by default.

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aio-lang/aio/interp"
)

func TestBuiltinWorkCountsAsSteps(t *testing.T) {
	in, _ := newInterp(interp.Options{MaxSteps: 1_000_000})
	// One sort of two million items is a handful of instructions but
	// millions of comparisons.
	err := in.Exec(context.Background(), "sort.aio", "x = list(range(2_000_000))\nx.sort()\n")
	require.Error(t, err)
	assert.ErrorIs(t, err, interp.ErrStepLimit)
	assert.Contains(t, err.Error(), "maximum execution steps exceeded")
}

func TestBuiltinWorkWithinBudget(t *testing.T) {
	in, _ := newInterp(interp.Options{MaxSteps: 1_000_000})
	require.NoError(t, in.Exec(context.Background(), "join.aio", "s = ','.join(['ab'] * 100_000)\n"))
	// The join's items were charged beyond the handful of instructions
	// (in batches: a last partial batch may go uncounted).
	assert.Greater(t, in.Steps(), int64(90_000))
}

func TestJoinCancelledPromptly(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	err := in.Exec(ctx, "join.aio", "x = ['ab'] * 1_000_000\nwhile True:\n    s = ','.join(x)\n")
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(start), 2*time.Second)
}

func TestContextDoneBeforeReturnFails(t *testing.T) {
	// The script ends normally after a host function cancels its context:
	// the host must still learn that the call was cancelled.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in, _ := newInterp(interp.Options{Globals: map[string]any{"stop": func() { cancel() }}})
	err := in.Exec(ctx, "late.aio", "stop()\nx = 1\n")
	require.Error(t, err)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestContextDoneBeforeEvalAndCallReturn(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in, _ := newInterp(interp.Options{Globals: map[string]any{"stop": func() { cancel() }}})
	require.NoError(t, in.Exec(context.Background(), "def.aio", "def f():\n    stop()\n    return 1\n"))
	_, err := in.Call(ctx, "f")
	assert.ErrorIs(t, err, context.Canceled)

	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	require.NoError(t, in.Set("stop", func() { cancel2() }))
	_, err = in.Eval(ctx2, "stop()")
	assert.ErrorIs(t, err, context.Canceled)
	// A later call with a live context succeeds.
	v, err := in.Eval(context.Background(), "1 + 1")
	require.NoError(t, err)
	assert.Equal(t, int64(2), v)
}

func TestDeadlineWhileAsyncioShutsDownSwallowingTask(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	src := "import asyncio\nasync def t():\n    while True:\n        try:\n            await asyncio.sleep(1)\n        except asyncio.CancelledError:\n            pass\nasync def main():\n    asyncio.create_task(t())\n    await asyncio.sleep(100)\nasyncio.run(main())\n"
	start := time.Now()
	err := in.Exec(ctx, "swallow.aio", src)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 2*time.Second)
}

func TestZeroOptionsHaveNoStdin(t *testing.T) {
	// The process's stdin has a line to give; the interpreter must not
	// read it.
	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer r.Close()
	_, err = w.Write([]byte("secret\n"))
	require.NoError(t, err)
	w.Close()
	saved := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = saved }()
	in := interp.New(interp.Options{Stdout: io.Discard})
	os.Stdin = saved
	err = in.Exec(context.Background(), "input.aio", "input()\n")
	e := scriptError(t, err)
	assert.Equal(t, "EOFError", e.Type)
	assert.Equal(t, "EOF when reading a line", e.Message)
}

// stuckReader delivers nothing until released.
type stuckReader struct{ release chan struct{} }

func (r stuckReader) Read(p []byte) (int, error) {
	<-r.release
	return copy(p, "late line\n"), nil
}

// stuckWriter accepts nothing until released, then records what it got.
type stuckWriter struct {
	release chan struct{}
	got     *strings.Builder
}

func (w stuckWriter) Write(p []byte) (int, error) {
	<-w.release
	return w.got.Write(p)
}

func TestBlockedStdinAbandonedOnCancel(t *testing.T) {
	r := stuckReader{release: make(chan struct{})}
	in := interp.New(interp.Options{Stdin: r, Stdout: io.Discard})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	start := time.Now()
	err := in.Exec(ctx, "in.aio", "s = input()\n")
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(start), time.Second)
	// The abandoned read completes later; its line is not lost.
	close(r.release)
	v, err := in.Eval(context.Background(), "input()")
	require.NoError(t, err)
	assert.Equal(t, "late line", v)
}

func TestBlockedStdoutAbandonedOnCancel(t *testing.T) {
	var got strings.Builder
	w := stuckWriter{release: make(chan struct{}), got: &got}
	in := interp.New(interp.Options{Stdout: w})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	start := time.Now()
	err := in.Exec(ctx, "out.aio", "print('first')\nprint('second')\n")
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(start), time.Second)
	close(w.release)
	// The next write waits for the abandoned one: output stays in order.
	require.NoError(t, in.Exec(context.Background(), "out2.aio", "print('third')\n"))
	assert.True(t, strings.HasPrefix(got.String(), "first\n"), "output %q", got.String())
	assert.True(t, strings.HasSuffix(got.String(), "third\n"), "output %q", got.String())
}

func TestBlockingStreamsWithoutCancellableContext(t *testing.T) {
	// With a context that cannot be cancelled, host streams are used
	// directly and everything arrives.
	pr, pw := io.Pipe()
	go func() {
		pw.Write([]byte("one\ntwo\n"))
		pw.Close()
	}()
	var got strings.Builder
	in := interp.New(interp.Options{Stdin: pr, Stdout: writerFunc(got.Write)})
	require.NoError(t, in.Exec(context.Background(), "echo.aio", "print(input(), input())\n"))
	assert.Equal(t, "one two\n", got.String())
}

// writerFunc adapts a function to io.Writer (a stream that may block as
// far as the interpreter knows).
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestStepLimitErrorIsNotContextError(t *testing.T) {
	in, _ := newInterp(interp.Options{MaxSteps: 100_000})
	err := in.Exec(context.Background(), "sum.aio", "sum(range(10**9))\n")
	require.Error(t, err)
	assert.False(t, errors.Is(err, context.Canceled))
	assert.ErrorIs(t, err, interp.ErrStepLimit)
}

func TestHugeFormatAbandonedOnCancel(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	start := time.Now()
	err := in.Exec(ctx, "fmt.aio", "while True:\n    s = '{:>100000000}'.format(1)\n")
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(start), 2*time.Second)
	v, err := in.Eval(context.Background(), "len('{:>1000}'.format(1))")
	require.NoError(t, err)
	assert.Equal(t, int64(1000), v)
}

func TestIntDigitLimitIsPerInterpreter(t *testing.T) {
	a, _ := newInterp(interp.Options{})
	b, _ := newInterp(interp.Options{})
	require.NoError(t, a.Exec(context.Background(), "a.aio", "import sys\nsys.set_int_max_str_digits(0)\n"))
	v, err := a.Eval(context.Background(), "len(str(10**5000))")
	require.NoError(t, err)
	assert.Equal(t, int64(5001), v)
	_, err = b.Eval(context.Background(), "str(10**5000)")
	e := scriptError(t, err)
	assert.Equal(t, "ValueError", e.Type)
	assert.Contains(t, e.Message, "Exceeds the limit (4300 digits) for integer string conversion")
}
