package runtime

import (
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkDictIndex verifies the index encoding: every occupied slot holds
// pos+1 of a live entry and that entry's tag, every live entry has
// exactly one slot, and the entry is found from its own hash.
func checkDictIndex(t *testing.T, d *Dict) {
	t.Helper()
	if d.index == nil {
		require.Zero(t, d.used)
		return
	}
	require.Equal(t, len(d.index), 1<<d.shift)
	mask := uint64(len(d.index) - 1)
	seen := map[int]bool{}
	for i, ix := range d.index {
		if ix <= 0 {
			require.Contains(t, []int32{ixEmpty, ixDeleted}, ix, "slot %d", i)
			continue
		}
		p := int(uint64(ix)&mask) - 1
		require.Less(t, p, d.n, "slot %d", i)
		require.False(t, seen[p], "position %d in two slots", p)
		seen[p] = true
		e := d.entry(p)
		require.True(t, e.live(), "slot %d points at a deleted entry", i)
		require.Equal(t, tag(e.hash(), d.shift), ix>>d.shift, "slot %d tag", i)
		require.Equal(t, i, d.slotOf(p, e.hash()), "position %d", p)
	}
	require.Equal(t, d.used, len(seen))
	require.LessOrEqual(t, d.n, len(d.index)*2/3)
}

func TestDictTag(t *testing.T) {
	for shift := uint8(3); shift <= 31; shift++ {
		for _, h := range []int64{0, 1, -2, 42, math.MaxInt64, math.MinInt64, 1 << 40, 0x5555555555555555} {
			g := tag(h, shift)
			require.GreaterOrEqual(t, g, int32(0))
			// With pos+1 below it, the slot stays a positive int32.
			require.Less(t, int64(g)<<shift|int64(1<<shift-1), int64(1)<<31, "shift %d hash %d", shift, h)
		}
	}
	assert.Zero(t, tag(-1, 31), "no room for a tag in the biggest table")
	// Hashes that agree in their low bits (ints, which hash to
	// themselves, a multiple of the table size apart) mostly differ in
	// their tags, which is what saves loading their entries.
	tags := map[int32]bool{}
	for k := int64(0); k < 64; k++ {
		tags[tag(5+k<<10, 10)] = true
	}
	assert.Greater(t, len(tags), 48)
}

// The index is sized as CPython's: a resize makes room for three times
// the items, rounded up to a power of two, at least 8.
func TestDictIndexSize(t *testing.T) {
	th := NewThread()
	d := NewDict()
	want := func(used int) int {
		n := 8
		for n < used*3 {
			n *= 2
		}
		return n
	}
	size := 0
	for i := 0; i < 3000; i++ {
		before := d.used
		require.NoError(t, d.SetItem(th, Int(int64(i)), None))
		if len(d.index) != size {
			assert.Equal(t, want(before), len(d.index), "resize at insert %d", i)
			size = len(d.index)
		}
	}
	assert.Equal(t, 8192, len(d.index))
	checkDictIndex(t, d)
}

// Keys whose hashes share every low bit sit on one probe sequence and
// are told apart by their tags and then their full hashes; deleting and
// reinserting them keeps the index consistent through resizes.
func TestDictCollidingKeys(t *testing.T) {
	th := NewThread()
	d := NewDict()
	const n = 3000
	key := func(i int) Value { return Int(int64(i) << 20) }
	for i := 0; i < n; i++ {
		require.NoError(t, d.SetItem(th, key(i), Int(int64(i))))
	}
	checkDictIndex(t, d)
	for i := 0; i < n; i += 3 {
		_, ok, err := d.Delete(th, key(i))
		require.NoError(t, err)
		require.True(t, ok)
	}
	checkDictIndex(t, d)
	for i := 0; i < n; i++ {
		v, ok, err := d.Get(th, key(i))
		require.NoError(t, err)
		require.Equal(t, i%3 != 0, ok, "key %d", i)
		if ok {
			require.Equal(t, int64(i), v.SmallInt())
		}
		_, ok, err = d.Get(th, Int(int64(i)<<20+1))
		require.NoError(t, err)
		require.False(t, ok)
	}
	for i := 0; i < n; i += 3 {
		require.NoError(t, d.SetItem(th, key(i), Int(-1)))
	}
	checkDictIndex(t, d)
	require.Equal(t, n, d.Len())
	keys := d.Keys()
	assert.Equal(t, key(1), keys[0], "survivors keep their order")
	assert.Equal(t, key(0), keys[2*n/3], "reinserted keys go last")
}

// A mixed workload of str and int keys against a Go map, checking the
// index after every batch.
func TestDictStrKeysAgainstMap(t *testing.T) {
	th := NewThread()
	r := rand.New(rand.NewSource(11))
	d := NewDict()
	model := map[string]int64{}
	for step := 0; step < 20000; step++ {
		name := fmt.Sprintf("k%d", r.Intn(4000))
		k := Str(name)
		switch r.Intn(4) {
		case 0, 1:
			model[name] = int64(step)
			require.NoError(t, d.SetItem(th, k, Int(int64(step))))
		case 2:
			_, ok, err := d.Delete(th, k)
			require.NoError(t, err)
			_, had := model[name]
			require.Equal(t, had, ok)
			delete(model, name)
		default:
			v, ok, err := d.Get(th, k)
			require.NoError(t, err)
			want, had := model[name]
			require.Equal(t, had, ok, name)
			if ok {
				require.Equal(t, want, v.SmallInt())
			}
		}
		if step%1000 == 0 {
			checkDictIndex(t, d)
		}
	}
	checkDictIndex(t, d)
	require.Equal(t, len(model), d.Len())
}

// Entries store an int or float key's payload in place of its hash, and
// any other key's hash: both come back out unchanged.
func TestDictEntryKeys(t *testing.T) {
	th := NewThread()
	huge := BigInt(new(big.Int).Lsh(big.NewInt(3), 80))
	keys := []Value{
		Int(0), Int(-1), Int(-2), Int(math.MaxInt64), Int(math.MinInt64),
		Float(-0.5), Float(2.5), Float(math.Inf(-1)), Float(1e300),
		Str(""), Str("a"), Str("héllo"), huge, True, None,
		TupleOf(Int(1), Str("x")),
	}
	d := NewDict()
	for i, k := range keys {
		require.NoError(t, d.SetItem(th, k, Int(int64(i))))
	}
	require.Equal(t, len(keys), d.Len(), "no two of the keys are equal")
	for p := 0; p < d.n; p++ {
		e := d.entry(p)
		h, err := Hash(th, keys[p])
		require.NoError(t, err)
		assert.Equal(t, h, e.hash(), "key %d", p)
		assert.True(t, e.key().Is(keys[p]), "key %d", p)
	}
	checkDictIndex(t, d)
	h1, _ := Hash(th, Int(-1))
	h2, _ := Hash(th, Int(-2))
	require.Equal(t, h1, h2, "-1 and -2 share a hash (-1 is reserved)")
	for _, k := range []int64{-1, -2} {
		v, ok, err := d.Get(th, Int(k))
		require.NoError(t, err)
		require.True(t, ok)
		assert.True(t, d.entry(int(v.SmallInt())).key().Is(Int(k)))
	}
	// Equal keys of other types find the stored key, which stays.
	for i, c := range []struct{ probe, stored Value }{
		{Float(0), Int(0)},
		{False, Int(0)},
		{Int(-1), Int(-1)},
		{Float(-1), Int(-1)},
		{Float(2.5), Float(2.5)},
	} {
		marker := Str(fmt.Sprint("new", i))
		require.NoError(t, d.SetItem(th, c.probe, marker))
		found := false
		d.Items(func(k, v Value) bool {
			if v.Is(marker) {
				assert.True(t, k.Is(c.stored), "%v replaced the key", c.probe)
				found = true
				return false
			}
			return true
		})
		require.True(t, found)
	}
	assert.Equal(t, len(keys), d.Len())
	checkDictIndex(t, d)
}

// Copy (which squeezes out deleted entries) and popitem keep the index
// valid. (A table changed by __eq__ during a lookup needs Python code:
// the conformance program dict_hash_eq_calls covers it.)
func TestDictCopyAndPopKeepIndex(t *testing.T) {
	th := NewThread()
	d := NewDict()
	for i := 0; i < 200; i++ {
		require.NoError(t, d.SetItem(th, Str(fmt.Sprint("s", i)), Int(int64(i))))
	}
	for i := 0; i < 200; i += 2 {
		_, _, err := d.Delete(th, Str(fmt.Sprint("s", i)))
		require.NoError(t, err)
	}
	c := d.Copy()
	checkDictIndex(t, c)
	assert.Equal(t, d.Keys(), c.Keys())
	for i := 0; i < 30; i++ {
		_, _, ok := dictPopLast(d)
		require.True(t, ok)
		checkDictIndex(t, d)
	}
	assert.Equal(t, 70, d.Len())
}
