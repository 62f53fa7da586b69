// Package modtest is the test harness of the standard modules under lib/:
// it evaluates Python expressions in a real interpreter and renders each
// outcome as CPython would show it (the repr of the value, or
// "Type: message" for an exception), so that a module's tests read as the
// Python they check, with the answers CPython gave.
package modtest

// This file defines Session and Run.

import (
	"context"
	"errors"
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Case is an expression and its expected rendering, as a pair so that
// tables stay one line per case.
type Case = [2]string

// Session is one interpreter in which expressions are evaluated in turn,
// sharing globals and module state.
type Session struct {
	t  testing.TB
	in *interp.Interp
}

// New starts a session and runs setup (statements, e.g. imports) in it.
func New(t testing.TB, setup string) *Session {
	t.Helper()
	s := &Session{t: t, in: interp.New(interp.Options{})}
	s.Exec(setup)
	return s
}

// NewVirtual is New for an interpreter on the virtual clock
// (interp.Options.VirtualTime).
func NewVirtual(t testing.TB, setup string) *Session {
	t.Helper()
	s := &Session{t: t, in: interp.New(interp.Options{VirtualTime: true})}
	s.Exec(setup)
	return s
}

// Exec runs statements, failing the test if they raise.
func (s *Session) Exec(src string) {
	s.t.Helper()
	require.NoError(s.t, s.in.Exec(context.Background(), "<test>", src))
}

// Repr evaluates expr and renders its outcome: repr of the value, or
// "Type: message" when it raises.
func (s *Session) Repr(expr string) string {
	s.t.Helper()
	v, err := s.in.Eval(context.Background(), "repr(("+expr+"))")
	if err != nil {
		var e *interp.Error
		if errors.As(err, &e) {
			if e.Message == "" {
				return e.Type
			}
			return e.Type + ": " + e.Message
		}
		return "error: " + err.Error()
	}
	str, ok := v.(string)
	require.True(s.t, ok, "repr(%s) gave %T", expr, v)
	return str
}

// Check evaluates each case in the session, in order.
func (s *Session) Check(cases []Case) {
	s.t.Helper()
	for _, c := range cases {
		assert.Equal(s.t, c[1], s.Repr(c[0]), c[0])
	}
}

// Run evaluates cases in a new session started with setup.
func Run(t testing.TB, setup string, cases []Case) {
	t.Helper()
	New(t, setup).Check(cases)
}
