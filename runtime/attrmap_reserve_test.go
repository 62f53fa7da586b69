package runtime

// This file tests AttrMap.Reserve.

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Reserving room keeps the attributes and their order, and the reserved
// number of new attributes fits without growing the storage again.
func TestAttrMapReserveSizesOnce(t *testing.T) {
	var m AttrMap
	m.Set("a", Int(1))
	m.Reserve(3)
	vals := &m.vals[:1][0]
	m.Set("b", Int(2))
	m.Set("c", Int(3))
	m.Set("d", Int(4))
	assert.Same(t, vals, &m.vals[0], "no reallocation after Reserve")
	assert.Equal(t, []string{"a", "b", "c", "d"}, m.Keys())
	v, ok := m.Get("c")
	assert.True(t, ok)
	assert.Equal(t, Int(3), v)
}
