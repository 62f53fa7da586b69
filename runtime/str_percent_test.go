package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStrPercent checks printf-style formatting (str % args) against
// CPython (testdata/strnum_gen.py), through the % operator.
func TestStrPercent(t *testing.T) { snRun(t, "percent") }

func TestStrPercentInPlace(t *testing.T) {
	th := NewThread()
	v, err := InPlace(th, OpMod, Str("%d-%s"), TupleOf(Int(1), Str("a")))
	require.NoError(t, err)
	assert.Equal(t, "'1-a'", snOutcome(th, v, nil))
}

func BenchmarkStrPercent(b *testing.B) {
	th := NewThread()
	args := TupleOf(Str("world"), Int(42), Float(2.5))
	for i := 0; i < b.N; i++ {
		if _, err := StrPercent(th, "hello %s %5d %.2f", args); err != nil {
			b.Fatal(err)
		}
	}
}
