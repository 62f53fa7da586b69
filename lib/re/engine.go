package re

// This file runs translated patterns on regexp2, the backtracking engine
// (a port of .NET's) that does the matching. A pattern is compiled lazily
// in up to four forms: searching, anchored at the start position (match),
// anchored at both ends (fullmatch), and searching for a match that must
// not be empty at the start position (the rule by which findall, finditer,
// sub and split move past an empty match, as Python 3.7 and later do).
//
// regexp2 cannot call back into the interpreter while it matches, so a
// runaway match is bounded by its timeout instead: a search runs with a
// short timeout; when it expires the thread is charged for the time spent
// (which raises when the step budget is exhausted or the host cancelled
// the script), and the search is run again with twice the time. The
// repeated work is at most the time of the last run.

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
	firstTimeout        = 20 * time.Millisecond
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
// there is no match.
func (e *engine) find(th *runtime.Thread, kind searchKind, text []rune, pos int, spans []int) ([]int, error) {
	r, err := e.form(kind)
	if err != nil {
		return nil, err
	}
	if err := th.Work(int64(len(text)-pos)/16 + 1); err != nil {
		return nil, err
	}
	timeout := firstTimeout
	for {
		r.MatchTimeout = timeout
		started := time.Now()
		m, err := r.FindRunesMatchStartingAt(text, pos)
		if err == nil {
			if m == nil {
				return nil, nil
			}
			return e.spans(m, spans), nil
		}
		if errors.Is(err, regexp2.ErrBacktrackingStackLimit) {
			return nil, runtime.Errorf(runtime.MemoryError, "regular expression backtracking stack exhausted")
		}
		// A timeout: charge the time spent, then try again for longer.
		ms := time.Since(started).Milliseconds() + 1
		if werr := th.Work(ms * stepsPerMillisecond); werr != nil {
			return nil, werr
		}
		timeout *= 2
	}
}

// spans extracts the group spans of m.
func (e *engine) spans(m *regexp2.Match, spans []int) []int {
	n := e.tr.groups + 1
	if cap(spans) < 2*n {
		spans = make([]int, 2*n)
	}
	spans = spans[:2*n]
	spans[0], spans[1] = m.RuneIndex, m.RuneIndex+m.RuneLength
	for g := 1; g < n; g++ {
		grp := m.GroupByNumber(g)
		if grp == nil || len(grp.Captures) == 0 {
			spans[2*g], spans[2*g+1] = -1, -1
			continue
		}
		spans[2*g], spans[2*g+1] = grp.RuneIndex, grp.RuneIndex+grp.RuneLength
	}
	return spans
}
