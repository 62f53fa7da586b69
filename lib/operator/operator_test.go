package operator_test

// This file tests the operator module against results recorded from
// CPython 3.11.

import (
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/lib/internal/libtest"
	"github.com/stretchr/testify/assert"
)

func TestFunctionsAndGetters(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `
import operator as op
print(op.add(1, 2), op.__mul__("ab", 2), op.iadd([1], [2]), op.not_(0), op.countOf([1, 2, 1], 1), op.index(True))
rows = [("bob", 30), ("al", 25), ("cy", 30)]
print(sorted(rows, key=op.itemgetter(1, 0)), op.itemgetter(0, 1), op.attrgetter("a.b"), op.methodcaller("f", 1, k=2))
print(op.methodcaller("split", ",")("a,b"), op.attrgetter("real", "imag")(3))
try:
    op.concat(1, 2)
except TypeError as e:
    print(e)
`)
	assert.Equal(t, "3 abab [1, 2] True 2 1\n"+
		"[('al', 25), ('bob', 30), ('cy', 30)] operator.itemgetter(0, 1) operator.attrgetter('a.b') operator.methodcaller('f', 1, k=2)\n"+
		"['a', 'b'] (3, 0)\n'int' object can't be concatenated\n", out)
}
