package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestItemFastTakesOnlyInRangeIndexes(t *testing.T) {
	l := Obj(intList(10, 20, 30))
	r, ok := ItemFast(l, Int(2))
	assert.True(t, ok)
	assert.Equal(t, int64(30), r.SmallInt())
	for _, key := range []Value{Int(3), Int(-1), Float(1), Str("a")} {
		_, ok := ItemFast(l, key)
		assert.False(t, ok, "key %v", key)
	}
	r, ok = ItemFast(Obj(&Tuple{Items: []Value{Int(5)}}), Int(0))
	assert.True(t, ok)
	assert.Equal(t, int64(5), r.SmallInt())
	_, ok = ItemFast(Str("abc"), Int(0))
	assert.False(t, ok, "a str is left to GetItem")
}

func TestSetItemFastStoresOnlyInRange(t *testing.T) {
	l := intList(1, 2)
	assert.True(t, SetItemFast(Obj(l), Int(1), Int(9)))
	assert.Equal(t, []int64{1, 9}, listInts(t, l))
	assert.False(t, SetItemFast(Obj(l), Int(2), Int(0)))
	assert.False(t, SetItemFast(Obj(l), Int(-1), Int(0)))
	assert.False(t, SetItemFast(Obj(&Tuple{Items: []Value{Int(1)}}), Int(0), Int(0)))
	assert.Equal(t, []int64{1, 9}, listInts(t, l))
}
