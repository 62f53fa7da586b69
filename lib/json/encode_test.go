package pyjson

// This file tests the encoder's budget charges from inside the package.

import (
	"strings"
	"testing"

	"github.com/aio-lang/aio/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLongIndentIsChargedBeforeWriting(t *testing.T) {
	th := runtime.NewThread()
	th.Limits.MemoryLimit = 64 << 20
	e := &encoder{th: th, indent: strings.Repeat(" ", 1<<20), hasIndent: true, level: 200}
	err := e.newline()
	require.Error(t, err)
	assert.True(t, runtime.IsInstance(err, runtime.MemoryError))
	assert.Empty(t, e.buf, "nothing written past the budget")
}
