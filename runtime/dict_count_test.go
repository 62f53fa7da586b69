package runtime

// This file tests Dict.CountUp.

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Counting inserts 1 for a new key and adds one to an int count; a count
// that is not a small int, or that would overflow int64, is left to the
// caller untouched.
func TestDictCountUp(t *testing.T) {
	d := NewDict()
	for _, w := range []string{"a", "b", "a", "a"} {
		ok, err := d.CountUp(nil, Str(w))
		require.NoError(t, err)
		assert.True(t, ok)
	}
	require.NoError(t, d.SetItem(nil, Str("f"), Float(1.5)))
	require.NoError(t, d.SetItem(nil, Str("max"), Int(math.MaxInt64)))
	for _, k := range []string{"f", "max"} {
		ok, err := d.CountUp(nil, Str(k))
		require.NoError(t, err)
		assert.False(t, ok, k)
	}
	want := map[string]Value{"a": Int(3), "b": Int(1), "f": Float(1.5), "max": Int(math.MaxInt64)}
	for k, v := range want {
		got, found, err := d.Get(nil, Str(k))
		require.NoError(t, err)
		require.True(t, found, k)
		assert.Equal(t, v, got, k)
	}
	_, err := d.CountUp(nil, NewList(nil))
	assert.Error(t, err, "an unhashable key fails as a lookup does")
}
