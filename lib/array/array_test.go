package array_test

// This file tests the array module against results recorded from
// CPython 3.11.

import (
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/lib/internal/libtest"
	"github.com/stretchr/testify/assert"
)

func TestConversionsAndBytes(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `
from array import array
a = array("h", [1, -2])
print(a, a.tobytes(), array("h", a.tobytes()) == a, array("Q", [2 ** 64 - 1]).tolist(), array("f", [0.1])[0])
for tc, v in [("b", 128), ("H", -1), ("I", -1)]:
    try:
        array(tc, [v])
    except OverflowError as e:
        print(e)
print(array("u", "hi"), array("i", [3, 1, 2])[::-1], array("d") == array("f"))
`)
	assert.Equal(t, "array('h', [1, -2]) b'\\x01\\x00\\xfe\\xff' True [18446744073709551615] 0.10000000149011612\n"+
		"signed char is greater than maximum\nunsigned short is less than minimum\ncan't convert negative value to unsigned int\n"+
		"array('u', 'hi') array('i', [2, 1, 3]) True\n", out)
}
