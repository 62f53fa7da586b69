package interp

// This file tests sys.executable as the host sets it.

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSysExecutableIsTheHostsChoice(t *testing.T) {
	in := New(Options{Executable: "/opt/aio/bin/aio"})
	v, err := in.Eval(context.Background(), "__import__('sys').executable")
	require.NoError(t, err)
	assert.Equal(t, "/opt/aio/bin/aio", v)

	// A host that says nothing gives the empty string, as CPython does
	// when it cannot tell.
	v, err = New(Options{}).Eval(context.Background(), "__import__('sys').executable")
	require.NoError(t, err)
	assert.Equal(t, "", v)
}
