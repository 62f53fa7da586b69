package runtime

// This file tests attribute shapes: sharing between instances, private
// shapes after deletions and past the per-class limit, and instances
// allocated with their storage.

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newTestClass(t *testing.T) *Type {
	cls, err := NewClass("C", nil)
	require.NoError(t, err)
	return cls
}

// Instances that set the same names in the same order share one shape;
// another order makes another shape, and each keeps its own values.
func TestAttrShapesSharedByInstances(t *testing.T) {
	cls := newTestClass(t)
	a, b, c := newInstance(cls), newInstance(cls), newInstance(cls)
	a.Dict.Set("x", Int(1))
	a.Dict.Set("y", Int(2))
	b.Dict.Set("x", Int(3))
	b.Dict.Set("y", Int(4))
	c.Dict.Set("y", Int(5))
	c.Dict.Set("x", Int(6))
	assert.Same(t, a.Dict.shape, b.Dict.shape)
	assert.NotSame(t, a.Dict.shape, c.Dict.shape)
	assert.Equal(t, []string{"y", "x"}, c.Dict.Keys())
	v, ok := b.Dict.Get("y")
	assert.True(t, ok)
	assert.Equal(t, Int(4), v)
	assert.Equal(t, 2, cls.shapes.widest)
}

// Deleting an attribute gives that instance a private shape and leaves
// the shared one, and the other instances, as they were.
func TestAttrShapeDeleteIsPrivate(t *testing.T) {
	cls := newTestClass(t)
	a, b := newInstance(cls), newInstance(cls)
	for _, m := range []*AttrMap{&a.Dict, &b.Dict} {
		m.Set("x", Int(1))
		m.Set("y", Int(2))
		m.Set("z", Int(3))
	}
	shared := b.Dict.shape
	require.True(t, a.Dict.Delete("y"))
	assert.Nil(t, a.Dict.shape.tree, "private after a deletion")
	assert.Equal(t, []string{"x", "z"}, a.Dict.Keys())
	assert.Equal(t, []string{"x", "y", "z"}, b.Dict.Keys())
	assert.Same(t, shared, b.Dict.shape)
	v, ok := a.Dict.Get("z")
	assert.True(t, ok)
	assert.Equal(t, Int(3), v)
	a.Dict.Set("w", Int(4))
	assert.Equal(t, []string{"x", "z", "w"}, a.Dict.Keys())
	assert.Equal(t, []string{"x", "y", "z"}, shared.keys)
}

// Past maxShapesPerClass shapes a class's tree stops growing: further
// layouts are private, and still behave as attribute maps.
func TestAttrShapesBoundedPerClass(t *testing.T) {
	cls := newTestClass(t)
	var last *Instance
	for i := 0; i < 3*maxShapesPerClass; i++ {
		last = newInstance(cls)
		last.Dict.Set(fmt.Sprintf("n%d", i), Int(int64(i)))
	}
	assert.Equal(t, maxShapesPerClass, cls.shapes.count)
	assert.Nil(t, last.Dict.shape.tree)
	v, ok := last.Dict.Get(fmt.Sprintf("n%d", 3*maxShapesPerClass-1))
	assert.True(t, ok)
	assert.Equal(t, Int(int64(3*maxShapesPerClass-1)), v)
}

// Wide layouts are indexed, and the index follows deletions.
func TestAttrShapeIndexedWhenWide(t *testing.T) {
	cls := newTestClass(t)
	inst := newInstance(cls)
	for i := 0; i < 2*attrMapIndexAt; i++ {
		inst.Dict.Set(fmt.Sprintf("f%d", i), Int(int64(i)))
	}
	require.NotNil(t, inst.Dict.shape.index)
	require.True(t, inst.Dict.Delete("f3"))
	_, ok := inst.Dict.Get("f3")
	assert.False(t, ok)
	v, ok := inst.Dict.Get("f20")
	assert.True(t, ok)
	assert.Equal(t, Int(20), v)
}

// Once a class has had an instance with three attributes, a new instance
// and its three attributes are a single allocation.
func TestNewInstanceAllocatesOnce(t *testing.T) {
	cls := newTestClass(t)
	fill := func() *Instance {
		inst := newInstance(cls)
		inst.Dict.Set("x", Float(1))
		inst.Dict.Set("y", Float(2))
		inst.Dict.Set("z", Float(3))
		return inst
	}
	fill()
	var keep *Instance
	allocs := testing.AllocsPerRun(100, func() { keep = fill() })
	assert.Equal(t, 1.0, allocs)
	assert.Equal(t, []string{"x", "y", "z"}, keep.Dict.Keys())
}

// A subclass shares its base's shapes: instances of both that set the
// same names in the same order have one layout.
func TestAttrShapesSharedWithSubclasses(t *testing.T) {
	base := newTestClass(t)
	sub, err := NewClass("D", []*Type{base})
	require.NoError(t, err)
	a, b := newInstance(base), newInstance(sub)
	for _, m := range []*AttrMap{&a.Dict, &b.Dict} {
		m.Set("x", Int(1))
		m.Set("y", Int(2))
	}
	assert.Same(t, a.Dict.shape, b.Dict.shape)
}
