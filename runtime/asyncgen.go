package runtime

// This file is the event loop's side of asynchronous generators: the
// registry that asyncio's firstiter hook keeps (loop._asyncgens) and
// loop.shutdown_asyncgens(), which asyncio.run awaits before closing the
// loop so that a generator left suspended runs its finally blocks.

// AsyncGen is an asynchronous generator as the event loop sees it.
type AsyncGen interface {
	Object
	// AgenFinished reports whether the generator can no longer run.
	AgenFinished() bool
	// Aclose returns the awaitable of agen.aclose(), which a task can run.
	Aclose() Coro
}

// AddAsyncGen records g, an asynchronous generator iterated for the first
// time while the loop runs (the loop's firstiter hook). Finished
// generators are dropped now and then, so that a loop running millions
// of short-lived generators keeps a short list.
func (l *Loop) AddAsyncGen(g AsyncGen) {
	if len(l.asyncgens) >= l.asyncgensPruneAt {
		live := l.asyncgens[:0]
		for _, a := range l.asyncgens {
			if !a.AgenFinished() {
				live = append(live, a)
			}
		}
		clear(l.asyncgens[len(live):])
		l.asyncgens = live
		l.asyncgensPruneAt = 2*len(live) + 16
	}
	l.asyncgens = append(l.asyncgens, g)
}

// shutdownAsyncGens is loop.shutdown_asyncgens(): it closes every
// registered generator that has not finished, each aclose() in a task of
// its own as gather would run them, and reports those that fail through
// the loop's exception handler.
func (l *Loop) shutdownAsyncGens() *NativeCoro {
	var closing []AsyncGen
	var tasks []*Task
	started := false
	return NewNativeCoro("BaseEventLoop.shutdown_asyncgens", func(th *Thread, throw error) CoroStep {
		if throw != nil {
			return CoroStep{Done: true, Err: throw}
		}
		if !started {
			started = true
			for _, g := range l.asyncgens {
				if !g.AgenFinished() {
					closing = append(closing, g)
				}
			}
			l.asyncgens = nil
			if len(closing) == 0 {
				return CoroStep{Done: true, Value: None}
			}
			outer := NewFuture(l)
			remaining := len(closing)
			for _, g := range closing {
				t, err := NewTask(l, Obj(g.Aclose()), Value{})
				if err != nil {
					return CoroStep{Done: true, Err: err}
				}
				tasks = append(tasks, t)
				t.addCallback(func(*Future) error {
					remaining--
					if remaining == 0 && !outer.Done() {
						outer.SetResult(None)
					}
					return nil
				})
			}
			return CoroStep{Awaiting: Obj(outer)}
		}
		for i, t := range tasks {
			if t.Cancelled() || t.exc == nil || !t.exc.Class.IsSubtype(ExceptionType) {
				continue
			}
			if th.ReportException != nil {
				s, err := Repr(th, Obj(closing[i]))
				if err != nil {
					s = "<async_generator>"
				}
				th.ReportException("an error occurred during closing of asynchronous generator "+s, t.exc)
			}
		}
		return CoroStep{Done: true, Value: None}
	})
}

func init() {
	LoopType.Methods(map[string]BuiltinFn{
		"shutdown_asyncgens": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := UnpackArgs("shutdown_asyncgens", args, kw); err != nil {
				return Value{}, err
			}
			l, _ := self.obj.(*Loop)
			return Obj(l.shutdownAsyncGens()), nil
		},
	})
}
