package socket_test

// This file checks that every object type of the package is measured by
// the memory walker.

import (
	"testing"

	"github.com/aio-lang/aio/internal/memnodes"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryObjectIsAMemNode(t *testing.T) {
	missing, found, err := memnodes.Missing(".")
	require.NoError(t, err)
	assert.Positive(t, found, "the scan sees the object types")
	assert.Empty(t, missing, "object types without Footprint/Referents")
}
