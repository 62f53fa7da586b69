// Package pysignal is Python's signal module. The handler table,
// raise_signal and the Signals and Handlers enumerations are aio source
// (signal.aio); the Go part watches real signals of the process for
// loop.add_signal_handler when the host granted it (Capabilities.Signals), and
// posts each delivery to the event loop that asked for it.
package pysignal

// This file defines the Go part: _watch and _unwatch.

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
	w := &watcher{ch: make(chan os.Signal, 8), stop: make(chan struct{})}
	signal.Notify(w.ch, syscall.Signal(signum))
	watchMu.Lock()
	if watchers[th] == nil {
		watchers[th] = map[int]*watcher{}
	}
	watchers[th][signum] = w
	watchMu.Unlock()
	go func() {
		for {
			select {
			case <-w.stop:
				return
			case <-w.ch:
				loop.Post(func() error {
					_, err := th.Call(deliver, []runtime.Value{runtime.Int(int64(signum))}, nil)
					return err
				})
			}
		}
	}()
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
	}
}
