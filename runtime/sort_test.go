package runtime

import (
	"errors"
	"math"
	"math/rand"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ctKey wraps a Go function as a key= callable.
func ctKey(f func(th *Thread, v Value) (Value, error)) Value {
	return NewBuiltin("key", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return f(th, args[0])
	})
}

// ctSorted is sorted(list, key=key, reverse=reverse) rendered as repr.
func ctSorted(t *testing.T, th *Thread, lit string, key Value, reverse bool) string {
	t.Helper()
	l := ctVal(t, lit)
	items := append([]Value(nil), l.obj.(*List).Items...)
	err := SortValues(th, items, key, reverse)
	return ctOut(th, NewList(items), err)
}

// Expected values below were printed by CPython 3.11.
func TestSortKeyStability(t *testing.T) {
	th := NewThread()
	mod3 := ctKey(func(th *Thread, v Value) (Value, error) { return Binary(th, OpMod, v, Int(3)) })
	assert.Equal(t, "[3, 9, 6, 0, 1, 7, 4, 5, 8, 2]", ctSorted(t, th, "[5,3,8,1,9,2,7,6,4,0]", mod3, false))
	assert.Equal(t, "[5, 8, 2, 1, 7, 4, 3, 9, 6, 0]", ctSorted(t, th, "[5,3,8,1,9,2,7,6,4,0]", mod3, true))
	first := ctKey(func(th *Thread, v Value) (Value, error) { return GetItem(th, v, Int(0)) })
	assert.Equal(t, "[(1, 'b'), (1, 'a'), (0, 'a'), (0, 'b')]",
		ctSorted(t, th, "[(1,'b'),(0,'a'),(1,'a'),(0,'b')]", first, true))
	// Equal elements keep their order under reverse=True too.
	assert.Equal(t, "[1, 1.0, True, 0, False, 0.0]", ctSorted(t, th, "[1,1.0,True,0,False,0.0]", None, true))
}

func TestSortInconsistentOrders(t *testing.T) {
	th := NewThread()
	nan := math.NaN()
	for _, tt := range []struct {
		in   []float64
		want string
	}{
		{[]float64{3, nan, 1, 2}, "[3.0, nan, 1.0, 2.0]"},
		{[]float64{nan, 3, 1, 2, nan, 0}, "[nan, 0.0, 1.0, 2.0, 3.0, nan]"},
		{[]float64{3, 2, 1, nan, 5, 4}, "[1.0, 2.0, 3.0, nan, 4.0, 5.0]"},
	} {
		items := make([]Value, len(tt.in))
		for i, f := range tt.in {
			items[i] = Float(f)
		}
		require.NoError(t, SortValues(th, items, Value{}, false))
		assert.Equal(t, tt.want, ctRepr(t, th, NewList(items)))
	}
}

func TestSortComparisonErrorLeavesCPythonState(t *testing.T) {
	th := NewThread()
	l := ctVal(t, "[3,1,'a',2]")
	_, err := ctCall(th, l, "sort", nil)
	assert.EqualError(t, err, "TypeError: '<' not supported between instances of 'str' and 'int'")
	assert.Equal(t, "[3, 1, 'a', 2]", ctRepr(t, th, l))

	l = ctVal(t, "[79, 32, 94, 45, 88, 94, 83, 67, 3, 59, 99, 31, 83, 6, 20, 14, 47, 60, 31, 48, 69, 13, 73, 31, 1, 93, 27, 52, 35, 23, 98, 49, 20, 97, 9, 17, 79, 79, 56, 16, 16, 0, 0, 26, 99, 27, 21, 21, 37, 40, 'x', 69, 86, 80, 26, 23, 88, 25, 49, 38, 2, 46, 53, 21, 18, 33, 8, 42, 38, 77, 75, 0, 76, 86, 90, 43, 8, 39, 45, 39]")
	_, err = ctCall(th, l, "sort", nil)
	assert.EqualError(t, err, "TypeError: '<' not supported between instances of 'str' and 'int'")
	assert.Equal(t, "[1, 3, 6, 9, 13, 14, 16, 17, 20, 20, 23, 27, 31, 31, 31, 32, 35, 45, 47, 48, 49, 52, 56, 59, 60, 67, 69, 73, 79, 79, 79, 83, 83, 88, 93, 94, 94, 97, 98, 99, 0, 0, 16, 21, 21, 26, 27, 37, 40, 99, 'x', 69, 86, 80, 26, 23, 88, 25, 49, 38, 2, 46, 53, 21, 18, 33, 8, 42, 38, 77, 75, 0, 76, 86, 90, 43, 8, 39, 45, 39]", ctRepr(t, th, l))
}

func TestSortListLooksEmptyDuringSort(t *testing.T) {
	th := NewThread()
	l := ctVal(t, "[3,1,2]")
	lenKey := ctKey(func(th *Thread, v Value) (Value, error) {
		n, err := Len(th, l)
		return Int(int64(n)), err
	})
	r, err := ctCall(th, l, "sort", nil, Kwarg{"key", lenKey})
	require.NoError(t, err)
	assert.True(t, r.IsNone())
	assert.Equal(t, "[3, 1, 2]", ctRepr(t, th, l))

	appendKey := ctKey(func(th *Thread, v Value) (Value, error) {
		_, err := ctCall(th, l, "append", []Value{v})
		return v, err
	})
	_, err = ctCall(th, l, "sort", nil, Kwarg{"key", appendKey})
	assert.EqualError(t, err, "ValueError: list modified during sort")
	assert.Equal(t, "[1, 2, 3]", ctRepr(t, th, l))

	l = ctVal(t, "[3,1,2]")
	failKey := ctKey(func(th *Thread, v Value) (Value, error) {
		if v.SmallInt() == 1 {
			return Value{}, NewException(KeyError, v)
		}
		return v, nil
	})
	_, err = ctCall(th, l, "sort", nil, Kwarg{"key", failKey})
	assert.EqualError(t, err, "KeyError: 1")
	assert.Equal(t, "[3, 1, 2]", ctRepr(t, th, l))
}

func TestSortRandomAgainstGoSort(t *testing.T) {
	th := NewThread()
	r := rand.New(rand.NewSource(1))
	for _, n := range []int{0, 1, 2, 63, 64, 65, 1000, 5000} {
		items := make([]Value, n)
		want := make([]int, n)
		for i := range items {
			x := r.Intn(n/2 + 1)
			if r.Intn(4) == 0 {
				x = i // runs
			}
			items[i], want[i] = Int(int64(x)), x
		}
		require.NoError(t, SortValues(th, items, None, false))
		sort.Ints(want)
		for i := range want {
			if !assert.Equal(t, int64(want[i]), items[i].SmallInt(), "n=%d i=%d", n, i) {
				break
			}
		}
	}
}

// TestStableSortShapes checks stableSort against Go's stable sort on
// inputs whose runs exercise insertion, both merge directions, block
// moves and the trimming of runs already in place, with many equal keys
// so that stability is visible.
func TestStableSortShapes(t *testing.T) {
	type item struct{ key, pos int }
	r := rand.New(rand.NewSource(3))
	shapes := map[string]func(i, n int) int{
		"random":     func(i, n int) int { return r.Intn(n/3 + 1) },
		"ascending":  func(i, n int) int { return i / 3 },
		"descending": func(i, n int) int { return n - i },
		"saw":        func(i, n int) int { return i % 37 },
		"blocks":     func(i, n int) int { return (i / 500) % 2 * i },
		"organ":      func(i, n int) int { return min(i, n-i) },
	}
	for name, shape := range shapes {
		for _, n := range []int{0, 1, 2, 31, 64, 65, 200, 1000, 4097, 20000} {
			a := make([]item, n)
			for i := range a {
				a[i] = item{shape(i, n), i}
			}
			want := append([]item{}, a...)
			sort.SliceStable(want, func(i, j int) bool { return want[i].key < want[j].key })
			err := stableSort(a, func(x, y item) (bool, error) { return x.key < y.key, nil })
			require.NoError(t, err)
			require.Equal(t, want, a, "%s n=%d", name, n)
		}
	}
	assert.Equal(t, 32, minRunLength(1024))
	assert.Equal(t, 33, minRunLength(1025))
	assert.Equal(t, 50, minRunLength(200))
}

// TestStableSortErrorKeepsItems makes the k-th comparison fail for many k
// and checks the error is returned and no item was lost or duplicated.
func TestStableSortErrorKeepsItems(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	boom := errors.New("boom")
	for _, n := range []int{10, 100, 3000} {
		src := make([]int, n)
		for i := range src {
			src[i] = r.Intn(n)
			if i%50 < 20 {
				src[i] = i // long runs, so merges gallop
			}
		}
		for k := 1; k < 40*n; k = k*3/2 + 1 {
			a := append([]int(nil), src...)
			calls := 0
			err := stableSort(a, func(x, y int) (bool, error) {
				calls++
				if calls == k {
					return false, boom
				}
				return x < y, nil
			})
			if calls < k {
				require.NoError(t, err)
				require.True(t, sort.IntsAreSorted(a))
				break
			}
			require.ErrorIs(t, err, boom)
			got := append([]int(nil), a...)
			want := append([]int(nil), src...)
			sort.Ints(got)
			sort.Ints(want)
			require.Equal(t, want, got, "n=%d k=%d", n, k)
		}
	}
}

func TestSortArgumentErrors(t *testing.T) {
	th := NewThread()
	l := ctVal(t, "[3,1,2]")
	_, err := ctCall(th, l, "sort", ctInts(1))
	assert.EqualError(t, err, "TypeError: sort() takes no positional arguments")
	_, err = ctCall(th, l, "sort", nil, Kwarg{"key", Int(1)})
	assert.EqualError(t, err, "TypeError: 'int' object is not callable")
	assert.Equal(t, "[3, 1, 2]", ctRepr(t, th, l))
}

// benchSortInput builds n ints in one of a few shapes: random, already
// sorted with a few swaps, and sawtooth (many short ascending runs).
func benchSortInput(shape string, n int) []Value {
	r := rand.New(rand.NewSource(7))
	items := make([]Value, n)
	for i := range items {
		switch shape {
		case "random":
			items[i] = Int(int64(r.Intn(n)))
		case "nearly":
			items[i] = Int(int64(i))
		case "saw":
			items[i] = Int(int64(i % 100))
		}
	}
	if shape == "nearly" {
		for k := 0; k < n/100; k++ {
			i, j := r.Intn(n), r.Intn(n)
			items[i], items[j] = items[j], items[i]
		}
	}
	return items
}

func BenchmarkSort(b *testing.B) {
	th := NewThread()
	for _, shape := range []string{"random", "nearly", "saw"} {
		for _, keyed := range []bool{false, true} {
			name := shape
			key := None
			if keyed {
				name += "-key"
				key = ctKey(func(th *Thread, v Value) (Value, error) { return Binary(th, OpSub, Int(0), v) })
			}
			b.Run(name, func(b *testing.B) {
				src := benchSortInput(shape, 100000)
				items := make([]Value, len(src))
				for i := 0; i < b.N; i++ {
					copy(items, src)
					if err := SortValues(th, items, key, false); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
