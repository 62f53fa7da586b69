package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A list growing by append allocates at most about 4n slots in all on its
// way to n items (Go's append: about 5n to 6n), and keeps its items.
func TestListAppendDoubles(t *testing.T) {
	l := &List{}
	allocated := 0
	const n = 100_000
	for i := 0; i < n; i++ {
		before := cap(l.Items)
		l.Append(Int(int64(i)))
		if cap(l.Items) != before {
			allocated += cap(l.Items)
			assert.GreaterOrEqual(t, cap(l.Items), 2*before, "grows by doubling")
		}
	}
	require.Len(t, l.Items, n)
	for i, v := range l.Items {
		require.Equal(t, Int(int64(i)), v, "item %d", i)
	}
	assert.LessOrEqual(t, allocated, 4*n)
}
