package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNestCountsAndFails(t *testing.T) {
	th := NewThread()
	th.MaxDepth = 3
	for i := 0; i < 3; i++ {
		require.NoError(t, th.Nest(InRepr))
	}
	err := th.Nest(InRepr)
	require.Error(t, err)
	exc := AsException(err)
	assert.Equal(t, RecursionError, exc.Class)
	assert.Equal(t, "maximum recursion depth exceeded while getting the repr of an object", exc.Message())
	assert.Equal(t, 3, th.Depth, "a failed Nest takes no level")
	th.Unnest()
	assert.Equal(t, 2, th.Depth)
	var none *Thread
	assert.NoError(t, none.Nest(InRepr))
	none.Unnest()
}

func TestSetRecursionLimitCeiling(t *testing.T) {
	th := NewThread()
	assert.Equal(t, DefaultRecursionLimit, th.SetRecursionLimit(1<<40), "the default ceiling is CPython's default limit")
	assert.Equal(t, 10, th.SetRecursionLimit(10))
	th.DepthCeiling = MaxRecursionLimit
	assert.Equal(t, MaxRecursionLimit, th.SetRecursionLimit(1<<40))
	assert.Equal(t, DefaultRecursionLimit, ClampRecursionLimit(0))
	assert.Equal(t, MaxRecursionLimit, ClampRecursionLimit(1<<40))
	assert.Equal(t, 7, ClampRecursionLimit(7))
}

// deepList returns a list nested n deep.
func deepList(n int) Value {
	x := NewList(nil)
	for i := 0; i < n; i++ {
		x = NewList([]Value{x})
	}
	return x
}

func TestReprWithoutThreadIsBounded(t *testing.T) {
	_, err := Repr(nil, deepList(100_000))
	require.Error(t, err)
	assert.Equal(t, RecursionError, AsException(err).Class)
	s, err := Repr(nil, deepList(3))
	require.NoError(t, err)
	assert.Equal(t, "[[[[]]]]", s)
}

func TestReprDepthBalanced(t *testing.T) {
	th := NewThread()
	_, err := Repr(th, deepList(5000))
	require.Error(t, err)
	assert.Equal(t, 0, th.Depth)
	assert.Empty(t, th.reprActive, "no container stays marked as being printed")
	s, err := Repr(th, deepList(500))
	require.NoError(t, err)
	assert.Len(t, s, 1002)
}

func TestCompareDeepFails(t *testing.T) {
	th := NewThread()
	_, err := Compare(th, CmpEQ, deepList(5000), deepList(5000))
	require.Error(t, err)
	assert.Equal(t, "maximum recursion depth exceeded in comparison", AsException(err).Message())
	assert.Equal(t, 0, th.Depth)
}
