package runtime

// This file reports the exceptions of futures and tasks that nobody
// retrieved, as CPython logs "Task exception was never retrieved" when it
// collects such a task. Collection times are not deterministic, so aio
// reports at the latest moment CPython can: when the loop is closed (the
// end of asyncio.run or of a script with top-level await). A task
// nothing refers to is collected by CPython as soon as it finishes, so
// the report comes earlier there, but with the same text.

// noteUnretrieved remembers f, which just failed, until the loop closes.
// Futures whose exception was retrieved meanwhile are dropped whenever
// the list has doubled, so a long-running loop holds only the others.
func (l *Loop) noteUnretrieved(f *Future) {
	if l == nil {
		return
	}
	if n := len(l.unretrieved); n >= 64 && n&(n-1) == 0 {
		live := l.unretrieved[:0]
		for _, g := range l.unretrieved {
			if g.logTraceback {
				live = append(live, g)
			}
		}
		clear(l.unretrieved[len(live):])
		l.unretrieved = live
	}
	l.unretrieved = append(l.unretrieved, f)
}

// reportUnretrieved logs every exception still unretrieved, in the order
// the futures failed, and forgets them.
func (l *Loop) reportUnretrieved() {
	pending := l.unretrieved
	l.unretrieved = nil
	for _, f := range pending {
		if !f.logTraceback {
			continue
		}
		f.logTraceback = false
		if l.th.ReportException == nil {
			continue
		}
		what := "Future"
		var s string
		if f.task != nil {
			what = "Task"
			s, _ = f.task.Repr(l.th)
		} else {
			s, _ = Repr(l.th, f.Value())
		}
		l.th.ReportException(what+" exception was never retrieved\nfuture: "+s, f.exc)
	}
}
