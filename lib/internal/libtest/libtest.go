// Package libtest runs aio programs for the tests of the standard
// library's packages.
package libtest

// This file defines Run, which executes a program in a fresh interpreter
// and returns what it printed.

import (
	"bytes"
	"context"
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/stretchr/testify/require"
)

// Run executes src as a script and returns its standard output; the
// script must not fail.
func Run(t *testing.T, src string) string {
	t.Helper()
	var out bytes.Buffer
	in := interp.New(interp.Options{Stdout: &out, Stderr: &out})
	require.NoError(t, in.Exec(context.Background(), "test.aio", src), "output so far: %s", out.String())
	return out.String()
}
