package compile

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSwapAssignBuildsNoTuple(t *testing.T) {
	assert.Equal(t, `LOAD_FAST 1 (b)
LOAD_FAST 0 (a)
SWAP 2
STORE_FAST 0 (a)
STORE_FAST 1 (b)
LOAD_CONST 0 (None)
RETURN_VALUE`, disasm(t, "def f(a, b):\n    a, b = b, a\n"))
}

func TestUnpackOfOtherShapesStillUnpacks(t *testing.T) {
	// Four items, a starred target and a non-tuple value keep the tuple.
	for _, src := range []string{
		"def f(a, b, c, d):\n    a, b, c, d = d, c, b, a\n",
		"def f(a, b):\n    a, *b = b, a\n",
		"def f(a, b):\n    a, b = b\n",
	} {
		assert.Contains(t, disasm(t, src), "UNPACK_", src)
	}
}
