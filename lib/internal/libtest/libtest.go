// Package libtest runs aio programs for the tests of the lib modules.
package libtest

// This file has the helper; only _test files import this package.

import (
	"bytes"
	"context"
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/stretchr/testify/require"
)

// Run executes src with opts (Stdout is set here) and returns its
// standard output, failing the test if the program fails.
func Run(t *testing.T, opts interp.Options, src string) string {
	t.Helper()
	var out bytes.Buffer
	opts.Stdout = &out
	in := interp.New(opts)
	require.NoError(t, in.Exec(context.Background(), "main.aio", src))
	return out.String()
}
