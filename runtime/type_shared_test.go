package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The exception groups are shared between interpreters: they answer
// HasDataDescriptors from their attributes (message and exceptions are
// member descriptors) without writing to the type.
func TestSharedTypesAnswerWithoutCaching(t *testing.T) {
	for _, typ := range []*Type{BaseExceptionGroup, ExceptionGroup} {
		assert.True(t, typ.shared)
		assert.True(t, typ.HasDataDescriptors(), typ.Name)
		assert.Zero(t, typ.dataDescrEpoch, "nothing cached")
		_, ok := typ.Lookup("split")
		assert.True(t, ok)
		assert.Nil(t, typ.cache, "no lookup cache")
	}
}
