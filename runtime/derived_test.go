package runtime

// This file tests instances of classes deriving from built-in value types.

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDerivedListIsAListForGoCode(t *testing.T) {
	th := NewThread()
	cls, err := NewClass("L", []*Type{ListType})
	require.NoError(t, err)
	v, err := cls.Call(th, []Value{NewList([]Value{Int(1), Int(2)})}, nil)
	require.NoError(t, err)
	assert.Same(t, cls, v.Type(), "the instance's class is the subclass")
	l, ok := As[*List](v)
	require.True(t, ok, "As finds the list a list subclass instance extends")
	assert.Equal(t, []Value{Int(1), Int(2)}, l.Items)
	_, isInst := As[*Instance](v)
	assert.True(t, isInst)
	n, err := Len(th, v)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
}

func TestDerivedIntHashesAndComparesAsItsValue(t *testing.T) {
	th := NewThread()
	cls, err := NewClass("I", []*Type{IntType})
	require.NoError(t, err)
	v, err := cls.Call(th, []Value{Int(7)}, nil)
	require.NoError(t, err)
	h, err := Hash(th, v)
	require.NoError(t, err)
	assert.Equal(t, hashInt64(7), h)
	eq, err := Equal(th, v, Int(7))
	require.NoError(t, err)
	assert.True(t, eq)
	sum, err := Binary(th, OpAdd, v, Int(1))
	require.NoError(t, err)
	assert.Equal(t, Int(8), sum, "int operators on a subclass give a plain int")
	assert.Equal(t, Int(7), BuiltinValue(v))
}

func TestDerivedInstanceChargesItsValue(t *testing.T) {
	th := NewThread()
	cls, err := NewClass("L", []*Type{ListType})
	require.NoError(t, err)
	items := make([]Value, 1000)
	for i := range items {
		items[i] = Int(int64(i))
	}
	v, err := cls.Call(th, []Value{NewList(items)}, nil)
	require.NoError(t, err)
	var w MemWalker
	w.Value(v)
	assert.Greater(t, w.Run(), 1000*valueSize, "the list's items count toward the instance")
}
