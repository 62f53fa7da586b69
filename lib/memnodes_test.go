package lib

// This file checks that every object type of the standard modules tells
// the memory budget its size.

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/aio-lang/aio/internal/memnodes"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryLibObjectIsAMemNode(t *testing.T) {
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	total := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		missing, found, err := memnodes.Missing(filepath.Join(".", e.Name()))
		require.NoError(t, err)
		total += found
		assert.Empty(t, missing, "object types of lib/%s without Footprint/Referents", e.Name())
	}
	assert.Positive(t, total, "the scan sees the modules' object types")
}
