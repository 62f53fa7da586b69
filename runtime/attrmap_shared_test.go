package runtime

// This file tests AttrMap.FillShared.

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two maps filled from one list of names read their own values, and
// setting, adding or deleting a name in one leaves the other and the
// shared list as they were.
func TestAttrMapFillSharedKeepsNamesIntact(t *testing.T) {
	names := []string{"x", "y", "tag"}
	var a, b AttrMap
	require.True(t, a.FillShared(names, []Value{Int(1), Int(2), Str("a")}))
	require.True(t, b.FillShared(names, []Value{Int(3), Int(4), Str("b")}))
	a.Set("y", Int(20))
	a.Set("extra", Int(5))
	assert.True(t, b.Delete("x"))
	assert.Equal(t, []string{"x", "y", "tag"}, names)
	assert.Equal(t, []string{"x", "y", "tag", "extra"}, a.Keys())
	assert.Equal(t, []string{"y", "tag"}, b.Keys())
	v, ok := a.Get("y")
	assert.True(t, ok)
	assert.Equal(t, Int(20), v)
	v, ok = b.Get("tag")
	assert.True(t, ok)
	assert.Equal(t, Str("b"), v)
	_, ok = a.Get("missing")
	assert.False(t, ok)
}

// A map that already holds attributes is not refilled.
func TestAttrMapFillSharedNeedsAnEmptyMap(t *testing.T) {
	var m AttrMap
	m.Set("x", Int(1))
	assert.False(t, m.FillShared([]string{"y"}, []Value{Int(2)}))
	assert.False(t, (&AttrMap{}).FillShared([]string{"y"}, nil))
	assert.Equal(t, []string{"x"}, m.Keys())
}
