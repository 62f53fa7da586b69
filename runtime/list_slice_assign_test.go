package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func intList(xs ...int64) *List {
	items := make([]Value, len(xs))
	for i, x := range xs {
		items[i] = Int(x)
	}
	return &List{Items: items}
}

func listInts(t *testing.T, l *List) []int64 {
	t.Helper()
	out := make([]int64, len(l.Items))
	for i, v := range l.Items {
		require.True(t, v.IsSmallInt())
		out[i] = v.SmallInt()
	}
	return out
}

func TestSameLengthSliceAssignDoesNotAllocate(t *testing.T) {
	l := intList(1, 2, 3, 4, 5, 6)
	src := Obj(&Tuple{Items: []Value{Int(9), Int(8), Int(7)}})
	s := &Slice{Start: Int(1), Stop: Int(4), Step: None}
	allocs := testing.AllocsPerRun(100, func() {
		if err := listSetSlice(nil, l, s, src); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
	assert.Equal(t, []int64{1, 9, 8, 7, 5, 6}, listInts(t, l))
}

func TestSliceAssignGrowsAndShrinksInPlace(t *testing.T) {
	l := intList(1, 2, 3, 4, 5)
	require.NoError(t, listSetSlice(nil, l, &Slice{Start: Int(1), Stop: Int(2), Step: None}, Obj(intList(7, 7, 7))))
	assert.Equal(t, []int64{1, 7, 7, 7, 3, 4, 5}, listInts(t, l))
	require.NoError(t, listSetSlice(nil, l, &Slice{Start: Int(0), Stop: Int(5), Step: None}, Obj(intList(0))))
	assert.Equal(t, []int64{0, 4, 5}, listInts(t, l))
	assert.False(t, l.Items[:cap(l.Items)][3].IsValid(), "a dropped item is still referenced")
	// Assigning a list to a slice of itself reads the items before moving.
	require.NoError(t, listSetSlice(nil, l, &Slice{Start: Int(1), Stop: Int(1), Step: None}, Obj(l)))
	assert.Equal(t, []int64{0, 0, 4, 5, 4, 5}, listInts(t, l))
}
