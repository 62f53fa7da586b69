package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSetSliceFastAllocatesNoSliceObject(t *testing.T) {
	l := intList(1, 2, 3, 4, 5, 6)
	src := Obj(&Tuple{Items: []Value{Int(9), Int(8), Int(7)}})
	allocs := testing.AllocsPerRun(100, func() {
		ok, err := SetSliceFast(nil, Obj(l), Int(1), Int(4), None, src)
		if !ok || err != nil {
			t.Fatal(ok, err)
		}
	})
	assert.Zero(t, allocs)
	assert.Equal(t, []int64{1, 9, 8, 7, 5, 6}, listInts(t, l))
}

func TestGetSliceFastAllocatesOnlyTheResult(t *testing.T) {
	l := Obj(intList(1, 2, 3, 4, 5, 6))
	allocs := testing.AllocsPerRun(100, func() {
		if _, ok, err := GetSliceFast(nil, l, Int(4), None, Int(-1)); !ok || err != nil {
			t.Fatal(ok, err)
		}
	})
	// The new list's header and its items.
	assert.Equal(t, 2.0, allocs)
	r, ok, err := GetSliceFast(nil, l, Int(4), None, Int(-1))
	require.True(t, ok)
	require.NoError(t, err)
	assert.Equal(t, []int64{5, 4, 3, 2, 1}, listInts(t, r.obj.(*List)))
}

func TestSliceFastLeavesOtherObjectsAndBoundsToTheSlowPath(t *testing.T) {
	d := Obj(NewDict())
	_, ok, err := GetSliceFast(nil, d, Int(1), Int(2), None)
	assert.False(t, ok)
	assert.NoError(t, err)
	// A float bound takes the path that reports its TypeError.
	_, ok, _ = GetSliceFast(nil, Obj(intList(1, 2)), Float(1.5), None, None)
	assert.False(t, ok)
	ok, _ = SetSliceFast(nil, Obj(&Tuple{}), Int(0), Int(1), None, Obj(intList()))
	assert.False(t, ok)
}
