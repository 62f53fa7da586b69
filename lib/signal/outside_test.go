package pysignal_test

// This file tests signals sent from outside: a child process (this test
// binary, re-run) runs an interpreter whose script installs Python
// handlers, and the test sends it real signals with syscall.Kill.

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aio-lang/aio/interp"
)

// signalChildEnv names the script a re-run test binary executes as the
// child of TestSignalsFromOutside.
const signalChildEnv = "AIO_SIGNAL_CHILD_SCRIPT"

// signalChildScripts are the child's scripts: each prints "ready" once
// its handlers are installed, reports each signal, and ends with status
// 7 on SIGTERM.
var signalChildScripts = map[string]string{
	"sync": `import signal, sys, time
def usr1(signum, frame):
    print("got", signal.Signals(signum).name, flush=True)
def term(signum, frame):
    print("terminating", flush=True)
    sys.exit(7)
signal.signal(signal.SIGUSR1, usr1)
signal.signal(signal.SIGTERM, term)
print("ready", flush=True)
while True:
    time.sleep(0.01)
`,
	"loop": `import asyncio, signal, sys
async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGUSR1, lambda: print("got SIGUSR1", flush=True))
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    print("ready", flush=True)
    await stop.wait()
    print("terminating", flush=True)
    sys.exit(7)
asyncio.run(main())
`,
}

// TestMain runs the child's side when the test binary is re-run as the
// child of TestSignalsFromOutside, and the tests otherwise.
func TestMain(m *testing.M) {
	if name := os.Getenv(signalChildEnv); name != "" {
		os.Exit(runSignalChild(name))
	}
	os.Exit(m.Run())
}

// runSignalChild runs the child's script in an interpreter granted
// signals and returns the process's exit status.
func runSignalChild(name string) int {
	in := interp.New(interp.Options{Stdout: os.Stdout, Stderr: os.Stderr, Grants: interp.Capabilities{Signals: true}})
	err := in.Exec(context.Background(), "child.aio", signalChildScripts[name])
	var e *interp.Error
	if errors.As(err, &e) {
		if code, ok := e.ExitCode(); ok {
			return code
		}
	}
	fmt.Fprintln(os.Stderr, "child ended:", err)
	return 1
}

// A script's Python handlers run when another process signals it
// (signal.signal in synchronous code, loop.add_signal_handler on the
// loop), and a handler's SystemExit ends the program with its status.
func TestSignalsFromOutside(t *testing.T) {
	for _, name := range []string{"sync", "loop"} {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), signalChildEnv+"="+name)
			stdout, err := cmd.StdoutPipe()
			require.NoError(t, err)
			require.NoError(t, cmd.Start())
			defer cmd.Process.Kill()
			lines := make(chan string, 16)
			go func() {
				sc := bufio.NewScanner(stdout)
				for sc.Scan() {
					lines <- sc.Text()
				}
				close(lines)
			}()
			next := func() string {
				select {
				case l := <-lines:
					return l
				case <-time.After(20 * time.Second):
					return "(no line within 20s)"
				}
			}
			require.Equal(t, "ready", next())
			require.NoError(t, syscall.Kill(cmd.Process.Pid, syscall.SIGUSR1))
			assert.Equal(t, "got SIGUSR1", next())
			require.NoError(t, syscall.Kill(cmd.Process.Pid, syscall.SIGUSR1))
			assert.Equal(t, "got SIGUSR1", next())
			require.NoError(t, syscall.Kill(cmd.Process.Pid, syscall.SIGTERM))
			assert.Equal(t, "terminating", next())
			io.Copy(io.Discard, stdout)
			err = cmd.Wait()
			var exit *exec.ExitError
			require.True(t, errors.As(err, &exit), "child status: %v", err)
			assert.Equal(t, 7, exit.ExitCode())
			for l := range lines {
				assert.False(t, strings.TrimSpace(l) != "", "unexpected output %q", l)
			}
		})
	}
}
