package cli

// The tests here start the aio command as a child process (this test
// binary re-run as the aio command, see TestMain in tmux_test.go),
// send it signals, and check what it printed and how it exited. The
// expected outputs were recorded by running the same programs under
// CPython 3.11.7 and sending SIGINT the same way (aio has no signal
// module to raise the signal from inside the program); CPython dies of
// the re-raised SIGINT, which a shell reports as status 130, the status
// aio exits with.

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// childRun is a running aio child process.
type childRun struct {
	cmd    *exec.Cmd
	out    *bufio.Reader
	stdout bytes.Buffer // what was read after the marker line
	stderr lockedBuffer
}

// lockedBuffer is a buffer that the child's stderr copier writes while
// the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startChild runs src as a script in a child aio process and waits for
// it to print the line marker (flushed) on standard output.
func startChild(t *testing.T, src, marker string) *childRun {
	t.Helper()
	path := filepath.Join(t.TempDir(), "prog.py")
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	exe, err := os.Executable()
	require.NoError(t, err)
	c := &childRun{cmd: exec.Command(exe, path)}
	c.cmd.Env = append(os.Environ(), asAioEnv+"=1")
	c.cmd.Stderr = &c.stderr
	pipe, err := c.cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, c.cmd.Start())
	t.Cleanup(func() { c.cmd.Process.Kill() })
	c.out = bufio.NewReader(pipe)
	lineCh := make(chan string, 1)
	go func() {
		line, _ := c.out.ReadString('\n')
		lineCh <- line
	}()
	select {
	case line := <-lineCh:
		require.Equal(t, marker+"\n", line, "stderr: %s", c.stderr.String())
	case <-time.After(20 * time.Second):
		t.Fatalf("the child never printed %q; stderr: %s", marker, c.stderr.String())
	}
	return c
}

// wait collects the rest of the child's output and its exit status.
func (c *childRun) wait(t *testing.T) (stdout, stderr string, code int) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		io.Copy(&c.stdout, c.out)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		c.cmd.Process.Kill()
		t.Fatalf("the child did not exit; stderr: %s", c.stderr.String())
	}
	c.cmd.Wait()
	return c.stdout.String(), c.stderr.String(), c.cmd.ProcessState.ExitCode()
}

// lastStderrLine is the last non-blank line of s.
func lastStderrLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestSIGINTInSyncCodeRaisesKeyboardInterrupt(t *testing.T) {
	c := startChild(t, `try:
    print("start", flush=True)
    while True:
        pass
finally:
    print("cleanup")
`, "start")
	require.NoError(t, c.cmd.Process.Signal(syscall.SIGINT))
	out, errOut, code := c.wait(t)
	// CPython 3.11.7: stdout "start\ncleanup\n", a traceback ending in
	// KeyboardInterrupt, killed by SIGINT (130).
	assert.Equal(t, "cleanup\n", out)
	assert.True(t, strings.HasPrefix(errOut, "Traceback (most recent call last):\n"), errOut)
	assert.Equal(t, "KeyboardInterrupt", lastStderrLine(errOut))
	assert.Equal(t, 130, code)
}

func TestSIGINTInSyncCodeCanBeCaught(t *testing.T) {
	c := startChild(t, `import time
try:
    print("start", flush=True)
    time.sleep(30)
except KeyboardInterrupt:
    print("caught")
print("after")
`, "start")
	require.NoError(t, c.cmd.Process.Signal(syscall.SIGINT))
	out, errOut, code := c.wait(t)
	// CPython 3.11.7: "caught\nafter\n", nothing on stderr, status 0.
	assert.Equal(t, "caught\nafter\n", out)
	assert.Equal(t, "", errOut)
	assert.Equal(t, 0, code)
}

func TestSIGINTUnderAsyncioRunCancelsAndCleansUp(t *testing.T) {
	c := startChild(t, `import asyncio
async def child(n):
    try:
        await asyncio.sleep(100)
    finally:
        print("child cleanup", n)
async def other():
    try:
        await asyncio.sleep(100)
    finally:
        print("other cleanup")
async def main():
    asyncio.create_task(other())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(1))
            tg.create_task(child(2))
            await asyncio.sleep(0)
            print("ready", flush=True)
            await asyncio.sleep(100)
    finally:
        print("main cleanup")
asyncio.run(main())
`, "ready")
	require.NoError(t, c.cmd.Process.Signal(syscall.SIGINT))
	out, errOut, code := c.wait(t)
	// CPython 3.11.7: the TaskGroup cancels its children, main's finally
	// runs, then asyncio.run cancels the remaining task, and raises
	// KeyboardInterrupt; killed by SIGINT (130).
	assert.Equal(t, "child cleanup 1\nchild cleanup 2\nmain cleanup\nother cleanup\n", out)
	assert.Equal(t, "KeyboardInterrupt", lastStderrLine(errOut))
	assert.Contains(t, errOut, "CancelledError", "KeyboardInterrupt is raised while handling the main task's cancellation")
	assert.Equal(t, 130, code)
}

func TestSIGINTMainTaskSwallowingCancellationEndsNormally(t *testing.T) {
	c := startChild(t, `import asyncio
async def main():
    try:
        print("ready", flush=True)
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("swallowed")
    return 5
print(asyncio.run(main()))
`, "ready")
	require.NoError(t, c.cmd.Process.Signal(syscall.SIGINT))
	out, errOut, code := c.wait(t)
	// CPython 3.11.7: "swallowed\n5\n", status 0.
	assert.Equal(t, "swallowed\n5\n", out)
	assert.Equal(t, "", errOut)
	assert.Equal(t, 0, code)
}

func TestSIGINTWithTopLevelAwait(t *testing.T) {
	// Top-level await is an aio extension; the CPython program it stands
	// for wraps the body in an async def run by asyncio.run, whose
	// outcome (cleanup, then KeyboardInterrupt, 130) this matches.
	c := startChild(t, `import asyncio
async def worker():
    try:
        await asyncio.sleep(100)
    finally:
        print("worker cleanup")
t = asyncio.create_task(worker())
try:
    await asyncio.sleep(0)
    print("ready", flush=True)
    await asyncio.sleep(100)
finally:
    print("top cleanup")
`, "ready")
	require.NoError(t, c.cmd.Process.Signal(syscall.SIGINT))
	out, errOut, code := c.wait(t)
	assert.Equal(t, "top cleanup\nworker cleanup\n", out)
	assert.Equal(t, "KeyboardInterrupt", lastStderrLine(errOut))
	assert.Equal(t, 130, code)
}

func TestSIGQUITDumpsTasksAndGoesOn(t *testing.T) {
	c := startChild(t, `import asyncio
async def stuck(ev):
    await ev.wait()
async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(stuck(ev), name="sleeper")
    await asyncio.sleep(0)
    print("ready", flush=True)
    for i in range(100):
        await asyncio.sleep(0.02)
        if ev.is_set():
            break
    print("went on")
    t.cancel()
asyncio.run(main())
`, "ready")
	require.NoError(t, c.cmd.Process.Signal(syscall.SIGQUIT))
	out, errOut, code := c.wait(t)
	assert.Equal(t, "went on\n", out)
	assert.Equal(t, 0, code)
	assert.Contains(t, errOut, "aio: 2 pending task(s):\n")
	assert.Contains(t, errOut, "* Task(name='sleeper', id=0x")
	assert.Contains(t, errOut, "prog.py', line 3, in async stuck()\n")
	assert.Contains(t, errOut, "* Task(name='Task-1', id=0x")
	assert.Contains(t, errOut, "prog.py', line 10, in async main()\n")
}
