// Package pysignal is Python's signal module. The handler table,
// raise_signal and the Signals and Handlers enumerations are aio source
// (signal.aio); the Go part subscribes to the process's real signals
// when the host granted it (Capabilities.Signals): for a Python handler
// installed with signal.signal it queues each delivery to the
// interpreter (which runs the handler between two instructions), and for
// loop.add_signal_handler it posts each delivery to the event loop that
// asked for it.
package pysignal

// This file defines the Go part: _watch and _unwatch (the loop's
// handlers), _subscribe and _unsubscribe (signal.signal's), and
// SignalSelf, os.kill's way of signalling its own process.

import (
	_ "embed"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/aio-lang/aio/runtime"
)

//go:embed signal.aio
var source []byte

func init() {
	runtime.RegisterStdModule("signal", load)
	runtime.RegisterStdSource("signal", source)
}

// watcher forwards one signal to a loop until stopped.
type watcher struct {
	ch   chan os.Signal
	stop chan struct{}
	// loop is the event loop a loop handler's deliveries go to: while
	// the handler is installed, the loop counts it as host work, since a
	// delivery may still wake a task (the loop then reports no deadlock).
	loop *runtime.Loop
}

// watchers are the signals watched per interpreter thread.
var (
	watchMu  sync.Mutex
	watchers = map[*runtime.Thread]map[int]*watcher{}
)

func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("signal")
	m.Set("_watch", runtime.NewBuiltin("_watch", watch))
	m.Set("_unwatch", runtime.NewBuiltin("_unwatch", unwatch))
	m.Set("_subscribe", runtime.NewBuiltin("_subscribe", subscribe))
	m.Set("_unsubscribe", runtime.NewBuiltin("_unsubscribe", unsubscribe))
	return m
}

// watch is _watch(signum, deliver): with the grant, each delivery of
// signum to the process calls deliver(signum) on the running loop; it
// returns whether the signal is watched.
func watch(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var signum int
	var deliver runtime.Value
	if err := runtime.UnpackArgs("_watch", args, kw, "signum", &signum, "deliver", &deliver); err != nil {
		return runtime.Value{}, err
	}
	if !runtime.SignalsGranted(th) {
		return runtime.False, nil
	}
	loop, err := runtime.RunningLoop(th)
	if err != nil {
		return runtime.Value{}, err
	}
	stopWatching(th, signum)
	w := &watcher{ch: make(chan os.Signal, 8), stop: make(chan struct{}), loop: loop}
	loop.BeginHostWork()
	signal.Notify(w.ch, syscall.Signal(signum))
	watchMu.Lock()
	if watchers[th] == nil {
		watchers[th] = map[int]*watcher{}
	}
	watchers[th][signum] = w
	watchMu.Unlock()
	countForwarder(signum, 1)
	go w.forward(signum, func() {
		loop.Post(func() error {
			_, err := th.Call(deliver, []runtime.Value{runtime.Int(int64(signum))}, nil)
			return err
		})
	})
	return runtime.True, nil
}

// unwatch is _unwatch(signum): stop forwarding signum.
func unwatch(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var signum int
	if err := runtime.UnpackArgs("_unwatch", args, kw, "signum", &signum); err != nil {
		return runtime.Value{}, err
	}
	stopWatching(th, signum)
	return runtime.None, nil
}

// forward hands each delivery of signum to deliver until stopped, and
// tells SignalSelf's waiters once it has. The caller counted it with
// countForwarder before starting it.
func (w *watcher) forward(signum int, deliver func()) {
	defer countForwarder(signum, -1)
	for {
		select {
		case <-w.stop:
			return
		case <-w.ch:
			deliver()
			delivered(signum)
		}
	}
}

func stopWatching(th *runtime.Thread, signum int) {
	watchMu.Lock()
	w := watchers[th][signum]
	delete(watchers[th], signum)
	if len(watchers[th]) == 0 {
		delete(watchers, th)
	}
	watchMu.Unlock()
	if w != nil {
		signal.Stop(w.ch)
		close(w.stop)
		w.loop.Post(func() error { w.loop.EndHostWork(); return nil })
	}
}
