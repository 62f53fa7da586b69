package cli

// This file installs the command line's signal handlers while a program
// runs (never for embedded interpreters): SIGINT raises KeyboardInterrupt
// as in CPython 3.11 (interp.Interp.Interrupt), and SIGQUIT (Ctrl-\)
// prints what every task of the running event loop waits on to standard
// error, and the program goes on.

import (
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/aio-lang/aio/interp"
)

// handleSignals starts forwarding SIGINT and SIGQUIT to in; the function
// it returns stops it.
func handleSignals(in *interp.Interp, stderr io.Writer) (stop func()) {
	in.WatchInterrupts()
	ch := make(chan os.Signal, 4)
	signal.Notify(ch, os.Interrupt, syscall.SIGQUIT)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for {
			select {
			case <-done:
				return
			case sig := <-ch:
				if sig == syscall.SIGQUIT {
					dumpTasks(in, stderr)
				} else {
					in.Interrupt()
				}
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
		<-finished
	}
}

// dumpTasks has the loop thread write every task's await chain to
// stderr at its next pass; with no event loop running it says so.
func dumpTasks(in *interp.Interp, stderr io.Writer) {
	if !in.PostToLoop(func() { in.WriteTaskDump(stderr) }) {
		io.WriteString(stderr, "aio: SIGQUIT: no event loop is running\n")
	}
}
