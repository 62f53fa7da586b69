package runtime

import (
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNumMethods checks int(), float(), bool(), round, abs, divmod, pow
// and the int and float methods against CPython (testdata/strnum_gen.py).
func TestNumMethods(t *testing.T) { snRun(t, "num") }

func TestToIntToFloat(t *testing.T) {
	th := NewThread()
	v, err := ToInt(th, Float(-2.5))
	require.NoError(t, err)
	assert.True(t, v.IsSmallInt())
	assert.Equal(t, int64(-2), v.SmallInt())

	v, err = ToInt(th, True)
	require.NoError(t, err)
	assert.True(t, v.IsSmallInt(), "int(True) is a plain int")

	f, err := ToFloat(th, Str(" 1_000.5 "))
	require.NoError(t, err)
	assert.Equal(t, 1000.5, f)

	_, err = ToFloat(th, Float(math.NaN()))
	assert.NoError(t, err)
}

// TestIntModPowAgreesWithBig cross-checks the int64 fast path of
// three-argument pow against the math/big path.
func TestIntModPowAgreesWithBig(t *testing.T) {
	for _, c := range [][3]int64{
		{2, 10, 1000}, {-2, 3, 7}, {2, 3, -7}, {-2, 3, -7}, {123456789, 987654321, 1<<62 + 11},
		{-1, 5, math.MaxInt64}, {math.MinInt64, 3, 1000000007}, {7, 0, 1}, {0, 0, 5},
	} {
		fast, err := intModPow(Int(c[0]), Int(c[1]), Int(c[2]))
		require.NoError(t, err)
		slow, err := bigModPow(big.NewInt(c[0]), big.NewInt(c[1]), big.NewInt(c[2]))
		require.NoError(t, err)
		assert.True(t, slow.Is(fast), "pow%v: %v != %v", c, slow, fast)
	}
}
