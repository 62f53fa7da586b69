package compile

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// binaryOpFlags compiles the first function of src and returns the
// temporary-operand flags of its BINARY_OPs, in order.
func binaryOpFlags(t *testing.T, src string) []uint8 {
	t.Helper()
	code, err := File("t.aio", []byte(src))
	require.NoError(t, err)
	for _, k := range code.Consts {
		if k.Kind == ConstCode {
			code = k.Code
			break
		}
	}
	var out []uint8
	for pc, in := range code.Instrs {
		if in.Op() == BINARY_OP {
			var fl uint8
			if code.TempOps != nil {
				fl = code.TempOps[pc]
			}
			out = append(out, fl)
		}
	}
	return out
}

func TestTempOperandsOfNestedArithmetic(t *testing.T) {
	// 10 * (r - n * t): n*t is the right operand of -, whose result is the
	// right operand of *.
	assert.Equal(t, []uint8{TempResult, TempRight | TempResult, TempRight},
		binaryOpFlags(t, "def f(r, n, t):\n    return 10 * (r - n * t)\n"))
	// (a*b) + (c*d): the left product is found past the loads and the
	// right product.
	assert.Equal(t, []uint8{TempResult, TempResult, TempLeft | TempRight},
		binaryOpFlags(t, "def f(a, b, c, d):\n    return (a * b) + (c * d)\n"))
	// Attribute loads and subscripts above the operand do not see it.
	assert.Equal(t, []uint8{TempResult, TempLeft},
		binaryOpFlags(t, "def f(a, b, o, v):\n    return (a * b) + o.x[v]\n"))
}

func TestNoTempOperandsWhereTheValueIsSeenOrJoinsPaths(t *testing.T) {
	for _, src := range []string{
		// The walrus stores the product too.
		"def f(a, b, c):\n    return (x := a * b) + c\n",
		// A call in between might be anything.
		"def f(a, b, g):\n    return (a * b) + g()\n",
		// The right operand comes from either branch.
		"def f(a, b, c, k):\n    return a * (b if k else b * c)\n",
		// Stored, then loaded.
		"def f(a, b):\n    x = a * b\n    return x + 1\n",
	} {
		for _, fl := range binaryOpFlags(t, src) {
			assert.Zero(t, fl&(TempLeft|TempRight), src)
		}
	}
}
