package runtime

// This file tests the C3 linearization and the checks NewClass makes on
// a class's bases.

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mroNames(t *Type) []string {
	var names []string
	for _, c := range t.MRO() {
		names = append(names, c.Name)
	}
	return names
}

func TestNewClassDiamondMRO(t *testing.T) {
	a, err := NewClass("A", nil)
	require.NoError(t, err)
	b, err := NewClass("B", []*Type{a})
	require.NoError(t, err)
	c, err := NewClass("C", []*Type{a})
	require.NoError(t, err)
	d, err := NewClass("D", []*Type{b, c})
	require.NoError(t, err)
	assert.Equal(t, []string{"D", "B", "C", "A", "object"}, mroNames(d))
	assert.Same(t, b, d.Base)
	assert.True(t, d.IsSubtype(c))
	assert.False(t, c.IsSubtype(b))
}

func TestNewClassInconsistentMRO(t *testing.T) {
	a, err := NewClass("A", nil)
	require.NoError(t, err)
	b, err := NewClass("B", []*Type{a})
	require.NoError(t, err)
	_, err = NewClass("C", []*Type{a, b})
	require.Error(t, err)
	assert.Equal(t, "Cannot create a consistent method resolution\norder (MRO) for bases A, B", err.(*Exception).Message())
}

func TestNewClassBaseChecks(t *testing.T) {
	a, err := NewClass("A", nil)
	require.NoError(t, err)
	_, err = NewClass("X", []*Type{a, a})
	require.Error(t, err)
	assert.Equal(t, "duplicate base class A", err.(*Exception).Message())
	_, err = NewClass("X", []*Type{BoolType})
	require.Error(t, err)
	assert.Equal(t, "type 'bool' is not an acceptable base type", err.(*Exception).Message())
	_, err = NewClass("X", []*Type{IntType, StrType})
	require.Error(t, err)
	assert.Equal(t, "multiple bases have instance lay-out conflict", err.(*Exception).Message())
}

func TestExceptionGroupBases(t *testing.T) {
	assert.Equal(t, []string{"ExceptionGroup", "BaseExceptionGroup", "Exception", "BaseException", "object"}, mroNames(ExceptionGroup))
	assert.False(t, BaseExceptionGroup.IsSubtype(ExceptionType))
	assert.True(t, ExceptionGroup.IsSubtype(ExceptionType))
}
