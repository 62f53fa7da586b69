package pysignal

// This file subscribes to the process's signals for the Python handlers
// of signal.signal: while a script's handler (or SIG_IGN) is installed
// for a signal and the host granted signals, each delivery is queued to
// the interpreter (Signal), which runs the handler between two
// instructions. SIG_DFL unsubscribes, so that the signal's default
// action applies again. SignalSelf lets os.kill wait until a signal it
// sent to its own process has been queued, so that the handler runs
// right after the call as in CPython.

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/aio-lang/aio/runtime"
)

// signalTarget is the interpreter that owns a thread (interp.Interp).
type signalTarget interface {
	// Signal queues a delivery (from any goroutine).
	Signal(signum int)
	// HandleSignals runs the handlers of the queued deliveries.
	HandleSignals() error
}

// routable are the signals whose delivery a script may subscribe to:
// SIGINT and SIGQUIT are the command line's, and the Go runtime needs
// SIGPIPE, SIGURG, SIGPROF and the fault signals for itself.
var routable = map[int]bool{1: true, 10: true, 12: true, 14: true, 15: true, 17: true, 18: true,
	20: true, 21: true, 22: true, 26: true, 28: true, 29: true, 30: true}

// subscribers are the signals subscribed to per interpreter thread.
var subscribers = map[*runtime.Thread]map[int]*watcher{}

// subscribe is _subscribe(signum): with the grant, each delivery of
// signum to the process is queued to the interpreter; it returns whether
// the signal is subscribed to.
func subscribe(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var signum int
	if err := runtime.UnpackArgs("_subscribe", args, kw, "signum", &signum); err != nil {
		return runtime.Value{}, err
	}
	target, ok := th.Host.(signalTarget)
	if !ok || !runtime.SignalsGranted(th) || !(routable[signum] || signum >= 34 && signum <= 64) {
		return runtime.False, nil
	}
	watchMu.Lock()
	if subscribers[th][signum] != nil {
		watchMu.Unlock()
		return runtime.True, nil
	}
	w := &watcher{ch: make(chan os.Signal, 8), stop: make(chan struct{})}
	if subscribers[th] == nil {
		subscribers[th] = map[int]*watcher{}
	}
	subscribers[th][signum] = w
	watchMu.Unlock()
	signal.Notify(w.ch, syscall.Signal(signum))
	countForwarder(signum, 1)
	go w.forward(signum, func() { target.Signal(signum) })
	return runtime.True, nil
}

// unsubscribe is _unsubscribe(signum): deliveries of signum no longer
// reach the interpreter (and, when nothing else in the process watches
// it, the signal's default action applies again).
func unsubscribe(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var signum int
	if err := runtime.UnpackArgs("_unsubscribe", args, kw, "signum", &signum); err != nil {
		return runtime.Value{}, err
	}
	watchMu.Lock()
	w := subscribers[th][signum]
	delete(subscribers[th], signum)
	if len(subscribers[th]) == 0 {
		delete(subscribers, th)
	}
	watchMu.Unlock()
	if w != nil {
		signal.Stop(w.ch)
		close(w.stop)
	}
	return runtime.None, nil
}

// The count of goroutines forwarding each signal, and the count of
// deliveries each has forwarded, for SignalSelf.
var (
	deliveryMu sync.Mutex
	forwarders = map[int]int{}
	deliveries = map[int]uint64{}
	deliveryCh = map[int]chan struct{}{} // closed at the next delivery
)

// countForwarder adds d to the goroutines forwarding signum.
func countForwarder(signum, d int) {
	deliveryMu.Lock()
	forwarders[signum] += d
	deliveryMu.Unlock()
}

// delivered records that a delivery of signum has been forwarded.
func delivered(signum int) {
	deliveryMu.Lock()
	deliveries[signum]++
	if ch := deliveryCh[signum]; ch != nil {
		close(ch)
		delete(deliveryCh, signum)
	}
	deliveryMu.Unlock()
}

// SignalSelf sends signum to the process itself (os.kill(os.getpid(),
// signum)) on th's goroutine and, when the process forwards that signal
// to scripts' handlers, waits (a second at most) until every forwarder
// has handed the delivery on, then runs th's queued handlers, so that
// they run before the script's next instruction as in CPython.
func SignalSelf(th *runtime.Thread, signum int) error {
	if err := sendSelf(signum); err != nil {
		return err
	}
	if target, ok := th.Host.(signalTarget); ok {
		return target.HandleSignals()
	}
	return nil
}

// sendSelf sends signum to the process and waits for its forwarders.
func sendSelf(signum int) error {
	deliveryMu.Lock()
	watched := forwarders[signum] > 0
	want := deliveries[signum] + uint64(forwarders[signum])
	ch := deliveryCh[signum]
	if watched && ch == nil {
		ch = make(chan struct{})
		deliveryCh[signum] = ch
	}
	deliveryMu.Unlock()
	if err := syscall.Kill(os.Getpid(), syscall.Signal(signum)); err != nil {
		return err
	}
	if !watched {
		return nil
	}
	timeout := time.NewTimer(time.Second)
	defer timeout.Stop()
	for {
		select {
		case <-ch:
		case <-timeout.C:
			return nil
		}
		deliveryMu.Lock()
		done := deliveries[signum] >= want
		if !done {
			if ch = deliveryCh[signum]; ch == nil {
				ch = make(chan struct{})
				deliveryCh[signum] = ch
			}
		}
		deliveryMu.Unlock()
		if done {
			return nil
		}
	}
}
