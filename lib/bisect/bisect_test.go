package bisect_test

// This file tests bisect against results recorded from CPython 3.11.

import (
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/lib/internal/libtest"
	"github.com/stretchr/testify/assert"
)

func TestSearchesAndInsortOnListsAndSequences(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `
import bisect
a = [1, 2, 2, 2, 4, 7]
print([bisect.bisect_left(a, x) for x in range(9)], [bisect.bisect_right(a, x) for x in range(9)])
b = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(b, x)
print(b, bisect.bisect_left((1, 3, 5), 4), bisect.bisect_right(range(0, 50, 5), 12))
recs = [("a", 1), ("b", 3)]
bisect.insort(recs, ("c", 2), key=lambda r: r[1])
print(recs)
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print(e)
`)
	assert.Equal(t, "[0, 0, 1, 4, 4, 5, 5, 5, 6] [0, 1, 4, 4, 5, 5, 5, 6, 6]\n"+
		"[1, 1, 3, 4, 5] 2 3\n[('a', 1), ('c', 2), ('b', 3)]\nlo must be non-negative\n", out)
}
