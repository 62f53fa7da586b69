package runtime

import (
	"math/big"
	"testing"
	"unsafe"

	"github.com/aio-lang/aio/internal/memnodes"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every object type of the package tells the walker its size.
func TestEveryObjectIsAMemNode(t *testing.T) {
	missing, found, err := memnodes.Missing(".", "intTag", "floatTag", "Value")
	require.NoError(t, err)
	assert.GreaterOrEqual(t, found, 50, "the scan sees the object types")
	assert.Empty(t, missing, "object types without Footprint/Referents (memsize.go)")
}

func measure(roots ...MemNode) int64 {
	w := NewMemWalker()
	for _, r := range roots {
		w.Node(r)
	}
	return w.Run()
}

func TestWalkSizesOfKnownStructures(t *testing.T) {
	listHeader := int64(unsafe.Sizeof(List{}))
	s := Str("hello, world").obj.(*StrObj)
	strSize := measure(s)
	// The header and the bytes (and a rune-cache pointer when the str was
	// allocated with one).
	assert.GreaterOrEqual(t, strSize, strHeaderSize+12)
	assert.LessOrEqual(t, strSize, strHeaderSize+12+8)

	// A list of three ints: the header and three slots, ints inline.
	l := &List{Items: []Value{Int(1), Int(2), Int(3)}}
	assert.Equal(t, listHeader+3*valueSize, measure(l))

	// The same str twice counts once.
	l2 := &List{Items: []Value{Obj(s), Obj(s)}}
	assert.Equal(t, listHeader+2*valueSize+strSize, measure(l2))

	// A big int counts its words.
	x := new(big.Int).Lsh(big.NewInt(1), 64*100)
	b := BigInt(x).obj.(*Big)
	assert.GreaterOrEqual(t, measure(b), int64(101*8))

	// A dict counts its entries, its index and what its keys and values
	// refer to.
	th := NewThread()
	d := NewDict()
	for i := 0; i < 100; i++ {
		require.NoError(t, d.SetItem(th, Int(int64(i)), Obj(l)))
	}
	assert.Equal(t, d.Footprint()+l.Footprint(), measure(d))
	assert.GreaterOrEqual(t, d.Footprint(), int64(100*unsafe.Sizeof(dictEntry{})))

	// A set's table.
	st := NewSet()
	for i := 0; i < 100; i++ {
		require.NoError(t, st.Add(th, Str(string(rune('a'+i%26))+"x")))
	}
	assert.GreaterOrEqual(t, measure(st), 128*setEntryBytes)

	// An exception counts its args, cause and context.
	big1 := Str(string(make([]byte, 1000)))
	e := NewException(ValueError, big1)
	e.Context = NewException(TypeError, Str(string(make([]byte, 2000))))
	assert.Greater(t, measure(e), int64(3000))
}

func TestWalkCountsCyclesOnce(t *testing.T) {
	a := &List{}
	b := &List{Items: []Value{Obj(a)}}
	a.Items = []Value{Obj(b), Obj(a)}
	assert.Equal(t, a.Footprint()+b.Footprint(), measure(a))
}

func TestWalkDeepChainIsIterative(t *testing.T) {
	// A million nested lists, tuples and dicts: a recursive walk would
	// need a Go stack frame per level.
	th := NewThread()
	x := None
	for i := 0; i < 1_000_000; i++ {
		switch i % 3 {
		case 0:
			x = NewList([]Value{x})
		case 1:
			x = TupleOf(x)
		default:
			d := NewDict()
			require.NoError(t, d.SetItem(th, Int(1), x))
			x = Obj(d)
		}
	}
	w := NewMemWalker()
	w.Value(x)
	total := w.Run()
	assert.Greater(t, total, int64(1_000_000*48))
	assert.Less(t, cap(w.stack), 64, "the walk's stack stays small on a chain")
}

func TestWalkWideListKeepsStackSmall(t *testing.T) {
	items := make([]Value, 100_000)
	for i := range items {
		items[i] = Obj(&Instance{Class: ObjectType})
	}
	w := NewMemWalker()
	w.Node(&List{Items: items})
	total := w.Run()
	assert.Equal(t, int64(unsafe.Sizeof(List{}))+100_000*valueSize+100_000*int64(unsafe.Sizeof(Instance{})), total)
	assert.Less(t, cap(w.stack), 64)
}

func TestBudgetRefusesOnlyLiveData(t *testing.T) {
	th := NewThread()
	th.Limits.MemoryLimit = 1 << 20
	// Garbage: charges far beyond the budget, nothing live.
	for i := 0; i < 100; i++ {
		require.NoError(t, th.Alloc(512<<10))
	}
	live, walks := th.MemoryStats()
	assert.Less(t, live, int64(1<<20))
	assert.Greater(t, walks, int64(0))
	assert.Less(t, walks, int64(100), "walks are amortized")

	// Live data held by a module: the charge that would pass the budget
	// fails, and succeeds again once the data is dropped.
	m := NewModule("m")
	th.Modules["m"] = m
	m.Set("keep", NewList(make([]Value, (900<<10)/valueSize)))
	var err error
	for i := 0; i < 10 && err == nil; i++ {
		err = th.Alloc(200 << 10)
	}
	assert.True(t, IsInstance(err, MemoryError))
	m.Set("keep", None)
	assert.NoError(t, th.Alloc(200<<10))
	assert.NoError(t, th.Alloc(900<<10))
}

func TestHoldCountsDataBeingBuilt(t *testing.T) {
	th := NewThread()
	th.Limits.MemoryLimit = 1 << 20
	var out []Value
	th.HoldValues(&out)
	out = make([]Value, 0, (700<<10)/valueSize)
	assert.GreaterOrEqual(t, th.MeasureLive(), int64(700<<10)-valueSize)
	th.Release()
	assert.Less(t, th.MeasureLive(), int64(700<<10))
}
