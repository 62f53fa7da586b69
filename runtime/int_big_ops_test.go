package runtime

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func bigFromString(t *testing.T, s string) Value {
	t.Helper()
	x, ok := new(big.Int).SetString(s, 10)
	require.True(t, ok)
	return BigInt(x)
}

func TestBigArithmeticAllocatesOnlyTheResult(t *testing.T) {
	x := bigFromString(t, "123456789012345678901234567890123456789")
	for _, op := range []Op{OpAdd, OpSub, OpMul, OpFloorDiv, OpMod} {
		// The result's header and big.Int are one object, its digits the
		// other; the inline operand 7 costs nothing.
		allocs := testing.AllocsPerRun(100, func() {
			if _, err := Binary(nil, op, x, Int(7)); err != nil {
				t.Fatal(err)
			}
		})
		if op == OpFloorDiv || op == OpMod {
			// Division also makes the discarded quotient or remainder.
			assert.LessOrEqual(t, allocs, 3.0, "op %v", op)
		} else {
			assert.LessOrEqual(t, allocs, 2.0, "op %v", op)
		}
	}
}

func TestBigFloorDivisionFollowsTheDivisorsSign(t *testing.T) {
	x := bigFromString(t, "100000000000000000000000000000")
	negX := bigFromString(t, "-100000000000000000000000000000")
	cases := []struct {
		a, b Value
		q, m string
	}{
		{a: x, b: Int(7), q: "14285714285714285714285714285", m: "5"},
		{a: negX, b: Int(7), q: "-14285714285714285714285714286", m: "2"},
		{a: x, b: Int(-7), q: "-14285714285714285714285714286", m: "-2"},
		{a: negX, b: Int(-7), q: "14285714285714285714285714285", m: "-5"},
		{a: Int(-5), b: x, q: "-1", m: "99999999999999999999999999995"},
	}
	for _, c := range cases {
		q, err := Binary(nil, OpFloorDiv, c.a, c.b)
		require.NoError(t, err)
		m, err := Binary(nil, OpMod, c.a, c.b)
		require.NoError(t, err)
		qb, _ := toBig(q)
		mb, _ := toBig(m)
		assert.Equal(t, c.q, qb.String())
		assert.Equal(t, c.m, mb.String())
	}
}

func TestBigResultThatFitsIsInline(t *testing.T) {
	x := bigFromString(t, "100000000000000000000000000000")
	v, err := Binary(nil, OpSub, x, x)
	require.NoError(t, err)
	assert.True(t, v.IsSmallInt())
	_, err = Binary(nil, OpFloorDiv, x, Int(0))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "integer division or modulo by zero")
	_, err = Binary(nil, OpMod, x, Int(0))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "integer modulo by zero")
}
