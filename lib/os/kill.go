package os

// This file defines os.kill, which needs the host's grant of signals
// (Capabilities.Signals). A signal the process sends itself is handed to
// the signal module, which waits until a handler the script installed
// has it queued, so that the handler runs before the next instruction,
// as in CPython.

import (
	goos "os"
	"syscall"

	pysignal "github.com/aio-lang/aio/lib/signal"
	"github.com/aio-lang/aio/runtime"
)

// kill is os.kill(pid, signal, /).
func kill(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var pid, sig int
	if err := runtime.UnpackArgs("kill", args, kw, "/pid", &pid, "/signal", &sig); err != nil {
		return runtime.Value{}, err
	}
	if !runtime.SignalsGranted(th) {
		return runtime.Value{}, runtime.Errorf(runtime.PermissionError, "signal delivery denied: kill %d with signal %d (not granted)", pid, sig)
	}
	var err error
	if pid == goos.Getpid() {
		err = pysignal.SignalSelf(th, sig)
	} else {
		err = syscall.Kill(pid, syscall.Signal(sig))
	}
	if err != nil {
		return runtime.Value{}, runtime.OSErrorFrom(err, runtime.None)
	}
	return runtime.None, nil
}
