package pyrand

import (
	"errors"
	"math/big"
	"testing"

	"github.com/aio-lang/aio/internal/pyfmt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every expected value below was printed by CPython 3.11.7
// (/root/.pyenv/versions/3.11.7/bin/python3); the one-liner is in the
// comment above each check.

func seeded(x int64) *Random { return NewSeeded(big.NewInt(x)) }

func bigStr(t *testing.T, s string) *big.Int {
	x, ok := new(big.Int).SetString(s, 10)
	require.True(t, ok)
	return x
}

func TestRandom(t *testing.T) {
	// random.seed(42); print([random.random() for _ in range(3)])
	r := seeded(42)
	assert.Equal(t, []float64{0.6394267984578837, 0.025010755222666936, 0.27502931836911926},
		[]float64{r.Random(), r.Random(), r.Random()})
	// random.seed(0); print([random.random() for _ in range(2)])
	r = seeded(0)
	assert.Equal(t, []float64{0.8444218515250481, 0.7579544029403025}, []float64{r.Random(), r.Random()})
	// random.seed('hello'); print([random.random() for _ in range(2)])
	r = &Random{}
	r.SeedString("hello")
	assert.Equal(t, []float64{0.3537754404730722, 0.6631985810268619}, []float64{r.Random(), r.Random()})
	// random.seed(7); print([random.uniform(1.5, 2.5) for _ in range(2)])
	r = seeded(7)
	assert.Equal(t, []float64{1.8238327648331625, 1.650849173924502}, []float64{r.Uniform(1.5, 2.5), r.Uniform(1.5, 2.5)})
}

func TestRandInt(t *testing.T) {
	// random.seed(42); print([random.randint(1,100) for _ in range(10)])
	r := seeded(42)
	var got []int64
	for i := 0; i < 10; i++ {
		x, err := r.RandInt64(1, 100)
		require.NoError(t, err)
		got = append(got, x)
	}
	assert.Equal(t, []int64{82, 15, 4, 95, 36, 32, 29, 18, 95, 14}, got)

	// random.seed(-5); print([random.randint(0, 10**6) for _ in range(3)])
	r = seeded(-5)
	got = nil
	for i := 0; i < 3; i++ {
		x, err := r.RandInt(big.NewInt(0), big.NewInt(1000000))
		require.NoError(t, err)
		got = append(got, x.Int64())
	}
	assert.Equal(t, []int64{653159, 267853, 777820}, got)
}

func TestSeedWords(t *testing.T) {
	// random.seed(2**100); print([random.getrandbits(32) for _ in range(3)])
	r := NewSeeded(new(big.Int).Lsh(big.NewInt(1), 100))
	assert.Equal(t, []uint32{3258412053, 345648520, 969030735}, []uint32{r.Uint32(), r.Uint32(), r.Uint32()})
	// random.seed(2**32); print([random.getrandbits(32) for _ in range(3)])
	r = NewSeeded(new(big.Int).Lsh(big.NewInt(1), 32))
	assert.Equal(t, []uint32{485306839, 1508871100, 1794561286}, []uint32{r.Uint32(), r.Uint32(), r.Uint32()})
}

func TestGetRandBits(t *testing.T) {
	// random.seed(7); print([random.getrandbits(k) for k in [0, 1, 31, 32, 33, 64, 65, 100, 200]])
	want := []string{"0", "0", "2035525362", "647892279", "5990721294", "1336213610742710224",
		"9885278224986867748", "1113789423298541461217551960568",
		"109335638675460665076458783937903718599063216319774180462325"}
	r := seeded(7)
	for i, k := range []int{0, 1, 31, 32, 33, 64, 65, 100, 200} {
		assert.Equal(t, want[i], r.GetRandBits(k).String(), "k=%d", k)
	}
	// The uint64 path draws the same words.
	r = seeded(7)
	for i, k := range []int{0, 1, 31, 32, 33, 64} {
		assert.Equal(t, want[i], new(big.Int).SetUint64(r.GetRandBits64(k)).String(), "k=%d", k)
	}
}

func TestShuffle(t *testing.T) {
	// random.seed(42); x=list(range(10)); random.shuffle(x); print(x)
	r := seeded(42)
	x := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	r.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
	assert.Equal(t, []int{7, 3, 2, 8, 5, 6, 9, 4, 0, 1}, x)
}

func TestSample(t *testing.T) {
	// random.seed(42); print(random.sample(range(100), 5))
	r := seeded(42)
	s, err := r.Sample(100, 5)
	require.NoError(t, err)
	assert.Equal(t, []int{81, 14, 3, 94, 35}, s)

	// random.seed(7); print(random.sample(range(10000), 10), random.sample(range(30), 25))
	r = seeded(7)
	s, _ = r.Sample(10000, 10)
	assert.Equal(t, []int{5305, 2471, 6468, 791, 1186, 8779, 1542, 5991, 9548, 950}, s)
	s, _ = r.Sample(30, 25)
	assert.Equal(t, []int{29, 16, 6, 1, 2, 13, 24, 25, 7, 22, 17, 23, 26, 3, 21, 10, 14, 9, 0, 12, 18, 27, 11, 19, 15}, s)

	// Pool/set boundaries (setsize 85 for k=6, 21 for k<=5):
	// random.seed(7); print(random.sample(range(85), 6), random.sample(range(86), 6),
	//     random.sample(range(21), 3), random.sample(range(22), 3))
	r = seeded(7)
	want := [][]int{{41, 19, 50, 6, 9, 68}, {12, 46, 74, 7, 64, 27}, {1, 2, 13}, {13, 2, 7}}
	for i, c := range [][2]int{{85, 6}, {86, 6}, {21, 3}, {22, 3}} {
		s, err := r.Sample(c[0], c[1])
		require.NoError(t, err)
		assert.Equal(t, want[i], s, "sample(range(%d), %d)", c[0], c[1])
	}
}

func TestChoice(t *testing.T) {
	// random.seed(42); print([random.choice(range(7)) for _ in range(8)])
	r := seeded(42)
	var got []int
	for i := 0; i < 8; i++ {
		j, err := r.Choice(7)
		require.NoError(t, err)
		got = append(got, j)
	}
	assert.Equal(t, []int{5, 0, 0, 5, 2, 1, 1, 1}, got)
}

func TestRandRange(t *testing.T) {
	// random.seed(7); print([random.randrange(0, 100, 7), random.randrange(100, 0, -3),
	//     random.randrange(10**30), random.randrange(-5, 5), random.randrange(-2**63, 2**63-1),
	//     random.randrange(7, -20, -4)])
	r := seeded(7)
	a, err := r.RandRange64(0, 100, 7)
	require.NoError(t, err)
	assert.Equal(t, int64(35), a)
	a, err = r.RandRange64(100, 0, -3)
	require.NoError(t, err)
	assert.Equal(t, int64(73), a)
	b, err := r.RandRange(bigStr(t, "1000000000000000000000000000000"), nil, nil)
	require.NoError(t, err)
	assert.Equal(t, "83053807396998737775543133966", b.String())
	a, err = r.RandRange64(-5, 5, 1)
	require.NoError(t, err)
	assert.Equal(t, int64(3), a)
	a, err = r.RandRange64(-1<<63, 1<<63-1, 1)
	require.NoError(t, err)
	assert.Equal(t, int64(-2477602152590546927), a)
	a, err = r.RandRange64(7, -20, -4)
	require.NoError(t, err)
	assert.Equal(t, int64(-9), a)

	// random.seed(123456789); print([random.randrange(2**64+5) for _ in range(3)])
	r = seeded(123456789)
	n := bigStr(t, "18446744073709551621")
	for _, w := range []string{"14716515354589055359", "436823802026979806", "3407639424778161673"} {
		x, err := r.RandRange(n, nil, nil)
		require.NoError(t, err)
		assert.Equal(t, w, x.String())
	}
}

func TestErrors(t *testing.T) {
	// for f in [lambda: random.randrange(5,5), ...]: print(type(e).__name__, str(e))
	check := func(err error, typ, msg string) {
		t.Helper()
		var pe *pyfmt.Error
		require.True(t, errors.As(err, &pe), "%v", err)
		assert.Equal(t, typ, pe.Type)
		assert.Equal(t, msg, pe.Msg)
	}
	r := seeded(1)
	_, err := r.RandRange64(5, 5, 1)
	check(err, "ValueError", "empty range for randrange() (5, 5, 0)")
	_, err = r.RandRange(big.NewInt(0), nil, nil)
	check(err, "ValueError", "empty range for randrange()")
	_, err = r.RandRange64(0, 10, 0)
	check(err, "ValueError", "zero step for randrange()")
	_, err = r.RandRange64(10, 0, 2)
	check(err, "ValueError", "empty range for randrange()")
	_, err = r.RandInt64(5, 1)
	check(err, "ValueError", "empty range for randrange() (5, 2, -3)")
	_, err = r.Choice(0)
	check(err, "IndexError", "Cannot choose from an empty sequence")
	_, err = r.Sample(3, 5)
	check(err, "ValueError", "Sample larger than population or is negative")
	_, err = r.Sample(3, -1)
	check(err, "ValueError", "Sample larger than population or is negative")
}

func TestUnseeded(t *testing.T) {
	r := New()
	f := r.Random()
	assert.True(t, f >= 0 && f < 1)
	r2 := New()
	assert.NotEqual(t, r.GetRandBits(128).String(), r2.GetRandBits(128).String())
}
