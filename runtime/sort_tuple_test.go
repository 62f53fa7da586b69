package runtime

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tup(items ...Value) Value { return Obj(&Tuple{Items: items}) }

func reprOf(v Value) string {
	s, _ := Repr(nil, v)
	return s
}

func TestTupleSortLessAgreesWithTupleLessThan(t *testing.T) {
	nan := Float(math.NaN())
	values := []Value{
		tup(), tup(Int(1)), tup(Int(1), Str("a")), tup(Int(1), Str("b")),
		tup(Int(2), Str("a")), tup(Float(1.0), Str("a")), tup(Float(0.5)),
		tup(Float(0.0), Int(2)), tup(Float(math.Copysign(0, -1)), Int(1)),
		tup(nan, Int(1)), tup(nan, Int(2)), tup(Float(math.NaN()), Int(0)),
		tup(Str("abc"), Int(1)), tup(Str("abd")), tup(True, Int(3)),
		tup(tup(Int(1), Str("x")), Int(0)), tup(tup(Int(1), Str("w")), Int(9)),
	}
	for _, x := range values {
		for _, y := range values {
			want, wantErr := Less(nil, x, y)
			got, err := sortLess(nil, x, y)
			if wantErr != nil {
				require.Error(t, err, "%s < %s", reprOf(x), reprOf(y))
				assert.Equal(t, wantErr.Error(), err.Error())
				continue
			}
			require.NoError(t, err)
			assert.Equal(t, want, got, "%s < %s", reprOf(x), reprOf(y))
		}
	}
}

func TestTupleSortLessReportsUnorderableItems(t *testing.T) {
	_, err := sortLess(nil, tup(Int(1), Str("a")), tup(Int(1), Int(2)))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "'<' not supported between instances of 'str' and 'int'")
}

// BenchmarkSortTupleKeys sorts 10,000 (int, str) tuples, the shape of
// `sorted(rows, key=lambda r: (r.a, r.b))`.
func BenchmarkSortTupleKeys(b *testing.B) {
	src := make([]Value, 10000)
	for i := range src {
		src[i] = tup(Int(int64(i*7919%97)), Str(string(rune('a'+i*31%26))+"key"))
	}
	items := make([]Value, len(src))
	b.ReportAllocs()
	for b.Loop() {
		copy(items, src)
		if err := SortValues(nil, items, None, false); err != nil {
			b.Fatal(err)
		}
	}
}
