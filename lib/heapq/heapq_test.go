package heapq_test

// This file tests the heapq module against results recorded from
// CPython 3.11.

import (
	"testing"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/lib/internal/libtest"
	"github.com/stretchr/testify/assert"
)

func TestHeapLayoutMatchesCPython(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `
import heapq
h = []
for x in [5, 3, 8, 1, 9, 2, 7, 3, 3]:
    heapq.heappush(h, x)
print(h)
print(heapq.heappop(h), h)
l = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
heapq.heapify(l)
print(l, heapq.heapreplace(l, 10), heapq.heappushpop(l, 4), l)
`)
	assert.Equal(t, "[1, 3, 2, 3, 9, 8, 7, 5, 3]\n1 [2, 3, 3, 3, 9, 8, 7, 5]\n"+
		"[2, 4, 3, 6, 5, 4, 7, 9, 10, 8] 0 1 [2, 4, 3, 6, 5, 4, 7, 9, 10, 8]\n", out)
}

func TestSelectionAndMerge(t *testing.T) {
	out := libtest.Run(t, interp.Options{}, `
import heapq
print(heapq.nlargest(2, ["aa", "b", "ccc", "dd"], key=len), heapq.nsmallest(3, ["aa", "b", "ccc", "dd"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)))
try:
    heapq.heappop([])
except IndexError as e:
    print(e)
`)
	assert.Equal(t, "['ccc', 'aa'] ['b', 'aa', 'dd']\n[1, 2, 3, 4, 5, 6, 7, 8, 9] [8, 7, 5, 4, 2, 1]\nindex out of range\n", out)
}
