package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A module global lives in its slot: rebinding writes the slot a cache
// holds, deleting unbinds it and changes the Version, and a name bound
// again gets a new slot.
func TestModuleGlobalsLiveInSlots(t *testing.T) {
	m := NewModule("m")
	assert.Nil(t, m.Slot("x"))
	m.Set("x", Int(1))
	s := m.Slot("x")
	require.NotNil(t, s)
	v0 := m.Version
	m.Set("x", Int(2))
	assert.Equal(t, v0, m.Version, "rebinding keeps the version")
	assert.Equal(t, Int(2), s.V)
	s.V = Int(3) // what STORE_GLOBAL does through a cached slot
	got, ok := m.Get("x")
	require.True(t, ok)
	assert.Equal(t, Int(3), got)
	require.True(t, m.DelAttrValue("x"))
	assert.NotEqual(t, v0, m.Version)
	assert.False(t, s.V.IsValid(), "a deleted global's slot is unbound")
	_, ok = m.Get("x")
	assert.False(t, ok)
	m.Set("y", Int(4))
	m.Set("x", Int(5))
	assert.NotSame(t, s, m.Slot("x"))
	assert.Equal(t, []string{"y", "x"}, m.Names())
}
