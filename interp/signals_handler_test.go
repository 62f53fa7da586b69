package interp

// This file tests the interpreter's side of signals: a SIGINT handler a
// script installed replaces KeyboardInterrupt, Signal runs a handler
// between two instructions, and os.kill needs the signal grant.

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// signalInterp makes an interpreter whose script can call poke(n): the
// host then interrupts it (n == 2) or queues signal n, as the goroutine
// receiving a real signal would.
func signalInterp(t *testing.T, grants Capabilities) (*Interp, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	in := New(Options{Stdout: &out, Grants: grants})
	in.WatchInterrupts()
	require.NoError(t, in.Set("poke", Func("poke", func(n int) {
		if n == 2 {
			in.Interrupt()
		} else {
			in.Signal(n)
		}
	})))
	return in, &out
}

// With a SIGINT handler installed, an interrupt calls it instead of
// raising KeyboardInterrupt; restoring the default raises again.
func TestCustomSigintHandler(t *testing.T) {
	in, out := signalInterp(t, Capabilities{})
	err := in.Exec(context.Background(), "sigint.aio", `import signal
def on_int(signum, frame):
    print("handler", signum)
signal.signal(signal.SIGINT, on_int)
poke(2)
print("went on")
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    poke(2)
    for i in range(10): pass
except KeyboardInterrupt:
    print("KeyboardInterrupt")
`)
	require.NoError(t, err)
	assert.Equal(t, "handler 2\nwent on\nKeyboardInterrupt\n", out.String())
}

// A queued signal's handler runs before the next instruction, and an
// exception it raises comes out where the script was.
func TestSignalRunsHandlerBetweenInstructions(t *testing.T) {
	in, out := signalInterp(t, Capabilities{})
	err := in.Exec(context.Background(), "usr1.aio", `import signal
def on_usr1(signum, frame):
    print("handler", signum)
signal.signal(signal.SIGUSR1, on_usr1)
poke(10)
print("after")
def on_term(signum, frame):
    raise RuntimeError("stop")
signal.signal(signal.SIGTERM, on_term)
try:
    poke(15)
    print("not reached")
except RuntimeError as e:
    print("caught", e)
`)
	require.NoError(t, err)
	assert.Equal(t, "handler 10\nafter\ncaught stop\n", out.String())
}

// os.kill without the signal grant raises PermissionError.
func TestKillNeedsSignalGrant(t *testing.T) {
	in, out := signalInterp(t, Capabilities{})
	err := in.Exec(context.Background(), "kill.aio", `import os, signal
try:
    os.kill(os.getpid(), signal.SIGUSR1)
except PermissionError as e:
    print(e)
`)
	require.NoError(t, err)
	assert.Contains(t, out.String(), "signal delivery denied: kill")
	assert.Contains(t, out.String(), "with signal 10 (not granted)")
}
