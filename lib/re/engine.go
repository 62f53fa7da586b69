package re

// This file runs translated patterns on regexp2, the backtracking engine
// (a port of .NET's) that does the matching. A pattern is compiled lazily
// in up to four forms: searching, anchored at the start position (match),
// anchored at both ends (fullmatch), and searching for a match that must
// not be empty at the start position (the rule by which findall, finditer,
// sub and split move past an empty match, as Python 3.7 and later do).
//
// regexp2 cannot call back into the interpreter while it matches, so,
// when the thread runs under limits, a runaway match is bounded by its
// timeout instead: a search runs with a
// short timeout (50 ms on a clock that ticks every 10 ms: a shorter one
// fires falsely when a loaded machine delays the clock's goroutine, and
// each timeout costs a copy of the text in the engine's error message);
// when it expires the thread is charged for the time spent (which raises
// when the step budget is exhausted or the host cancelled the script),
// and the search is run again from where it stopped with twice the time.
// The repeated work is at most the time of the last run.

import (
	"errors"
	"time"

	"github.com/aio-lang/aio/runtime"
	"github.com/dlclark/regexp2/v2"
)

// searchKind selects a compiled form of a pattern.
type searchKind int

const (
	kindSearch searchKind = iota
	kindMatch
	kindFull
	kindAdvance
	numKinds
)

// firstTimeout is the time a search may take before it is checked against
// the thread's limits; stepsPerMillisecond converts search time into the
// steps charged to the thread's budget.
const (
	firstTimeout        = 50 * time.Millisecond
	clockPeriod         = 10 * time.Millisecond
	stepsPerMillisecond = 10_000
	// maxBacktrack bounds the engine's backtracking stack (in ints).
	maxBacktrack = 1 << 26
)

// engine holds the compiled forms of one translated pattern.
type engine struct {
	tr    *translation
	forms [numKinds]*regexp2.Regexp
}

// form returns the compiled form kind, compiling it on first use.
func (e *engine) form(kind searchKind) (*regexp2.Regexp, error) {
	if r := e.forms[kind]; r != nil {
		return r, nil
	}
	expr := e.tr.expr
	switch kind {
	case kindMatch:
		expr = `\G(?:` + expr + `)`
	case kindFull:
		expr = `\G(?:` + expr + `)\z`
	case kindAdvance:
		expr = `(?:` + expr + `)(?!\G)`
	}
	r, err := regexp2.Compile(expr, regexp2.OptionMaxBacktrackingStackSize(maxBacktrack))
	if err != nil {
		return nil, runtime.Errorf(runtime.RuntimeError, "re: internal translation error: %v", err)
	}
	r.MatchTimeout = firstTimeout
	e.forms[kind] = r
	return r, nil
}

// find runs form kind on text from pos, returning the spans of every group
// (start, end pairs; -1 for a group that did not take part), or nil when
// there is no match. spans is reused when large enough.
func (e *engine) find(th *runtime.Thread, kind searchKind, text []rune, pos int, spans []int) ([]int, error) {
	var found []int
	err := e.each(th, kind, text, pos, 1, spans, func(s []int) error {
		found = s
		return nil
	})
	return found, err
}

// each calls fn with the spans of each successive match of the pattern in
// text from pos (at most limit matches when limit > 0): the first with
// form kind, the following ones with Python's rule that a match found
// right after an empty match must not be empty at the same position. The
// spans slice passed to fn is reused for the next match.
func (e *engine) each(th *runtime.Thread, kind searchKind, text []rune, pos, limit int, spans []int, fn func(spans []int) error) error {
	// The text scanned is charged as the search goes: up to each match,
	// and to the end when no match remains (an anchored form scans
	// little).
	timeout := firstTimeout
	if !limited(th) {
		// Nothing could stop the script: no need to watch the clock.
		timeout = regexp2.DefaultMatchTimeout
	}
	count := 0
	for {
		r, err := e.form(kind)
		if err != nil {
			return err
		}
		r.MatchTimeout = timeout
		var cbErr error
		stopped, lastEmpty, got := false, false, false
		started := time.Now()
		err = r.FindRunesMatches(text, pos, func(v regexp2.MatchView) bool {
			spans = e.viewSpans(v, spans)
			count++
			got = true
			if cbErr = th.Work(int64(spans[1]-pos)/16 + 1); cbErr != nil {
				stopped = true
				return false
			}
			if cbErr = fn(spans); cbErr != nil {
				stopped = true
				return false
			}
			pos = spans[1]
			lastEmpty = spans[0] == spans[1]
			if limit > 0 && count >= limit {
				stopped = true
				return false
			}
			// After an empty match, and after the one match of the
			// advancing form, the iteration continues below.
			return !lastEmpty && kind != kindAdvance && kind != kindMatch && kind != kindFull
		})
		if cbErr != nil {
			return cbErr
		}
		if err != nil {
			if errors.Is(err, regexp2.ErrBacktrackingStackLimit) {
				return runtime.Errorf(runtime.MemoryError, "regular expression backtracking stack exhausted")
			}
			// A timeout: charge the time spent, then go on from the last
			// match with more time.
			ms := time.Since(started).Milliseconds() + 1
			if werr := th.Work(ms * stepsPerMillisecond); werr != nil {
				return werr
			}
			if th.Limits.Poll != nil {
				if perr := th.Limits.Poll(); perr != nil {
					return perr
				}
			}
			timeout *= 2
			if got && kind == kindSearch && lastEmpty {
				kind = kindAdvance
			}
			continue
		}
		if stopped || kind == kindMatch || kind == kindFull {
			return nil
		}
		if !got || (!lastEmpty && kind != kindAdvance) {
			if err := th.Work(int64(len(text)-pos)/16 + 1); err != nil {
				return err
			}
		}
		if kind != kindAdvance && !lastEmpty {
			return nil // the iteration ran out of matches
		}
		if kind == kindAdvance && !got {
			return nil
		}
		if lastEmpty {
			kind = kindAdvance
		} else {
			kind = kindSearch
		}
		if pos > len(text) {
			return nil
		}
	}
}

// viewSpans extracts the group spans of a match.
func (e *engine) viewSpans(v regexp2.MatchView, spans []int) []int {
	n := e.tr.groups + 1
	if cap(spans) < 2*n {
		spans = make([]int, 2*n)
	}
	spans = spans[:2*n]
	for g := 0; g < n; g++ {
		i, l, ok := v.GroupRange(g)
		if !ok {
			spans[2*g], spans[2*g+1] = -1, -1
			continue
		}
		spans[2*g], spans[2*g+1] = i, i+l
	}
	return spans
}

// limited reports whether th runs under a limit that a long match must
// check: a step budget, a cancellable context or a memory budget.
func limited(th *runtime.Thread) bool {
	return th != nil && (th.Limits.Work != nil || th.Limits.Poll != nil || th.Limits.MemoryLimit > 0)
}
