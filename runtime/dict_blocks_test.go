package runtime

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDictAgainstModel drives a Dict through random inserts, updates,
// deletes and popitems across many resizes and compares its contents and
// order with a simple ordered model after every step.
func TestDictAgainstModel(t *testing.T) {
	th := NewThread()
	r := rand.New(rand.NewSource(7))
	d := NewDict()
	var order []int64
	vals := map[int64]int64{}
	check := func(step int) {
		require.Equal(t, len(order), d.Len(), "step %d", step)
		var gotKeys []int64
		d.Items(func(k, v Value) bool {
			gotKeys = append(gotKeys, k.SmallInt())
			assert.Equal(t, vals[k.SmallInt()], v.SmallInt())
			return true
		})
		require.Equal(t, order, append([]int64{}, gotKeys...), "step %d", step)
		checkDictIndex(t, d)
	}
	for step := 0; step < 6000; step++ {
		k := int64(r.Intn(700))
		switch op := r.Intn(10); {
		case op < 6:
			if _, ok := vals[k]; !ok {
				order = append(order, k)
			}
			vals[k] = int64(step)
			require.NoError(t, d.SetItem(th, Int(k), Int(int64(step))))
		case op < 9:
			_, ok, err := d.Delete(th, Int(k))
			require.NoError(t, err)
			_, had := vals[k]
			assert.Equal(t, had, ok)
			if had {
				delete(vals, k)
				for i, o := range order {
					if o == k {
						order = append(order[:i], order[i+1:]...)
						break
					}
				}
			}
		default:
			pk, _, ok := dictPopLast(d)
			assert.Equal(t, len(order) > 0, ok)
			if ok {
				last := order[len(order)-1]
				assert.Equal(t, last, pk.SmallInt())
				order = order[:len(order)-1]
				delete(vals, last)
			}
		}
		if step%97 == 0 {
			check(step)
			c := d.Copy()
			assert.Equal(t, d.Keys(), c.Keys())
		}
	}
	check(-1)
	for _, k := range order {
		v, ok, err := d.Get(th, Int(k))
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, vals[k], v.SmallInt())
	}
}

// Entries live in blocks of 8, 8, 16, 32, ...: positions map across
// block boundaries and growing never moves an entry.
func TestDictEntryBlocks(t *testing.T) {
	th := NewThread()
	d := NewDict()
	var first *dictEntry
	for i := 0; i < 5000; i++ {
		require.NoError(t, d.SetItem(th, Int(int64(i)), Int(int64(i*2))))
		if i == 0 {
			first = d.entry(0)
		}
	}
	assert.Same(t, first, d.entry(0), "growing does not move entries")
	for _, p := range []int{0, 7, 8, 15, 16, 31, 32, 4095, 4096, 4999} {
		assert.Equal(t, int64(p), d.entry(p).key().SmallInt(), "position %d", p)
	}
	assert.Equal(t, 5000, d.n)
}
