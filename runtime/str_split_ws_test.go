package runtime

import (
	"math/rand"
	"testing"

	"github.com/aio-lang/aio/internal/pyfmt"
	"github.com/stretchr/testify/assert"
)

func TestSplitWhitespaceValuesAgreesWithPyfmt(t *testing.T) {
	alphabet := []string{"a", "bc", " ", "  ", "\t", "\n", "\x1c", "é", "\u3000", "\x85", "\u2003", "\u200b", "\xa0"}
	rng := rand.New(rand.NewSource(1))
	for range 500 {
		s := ""
		for range rng.Intn(12) {
			s += alphabet[rng.Intn(len(alphabet))]
		}
		for _, ms := range []int{-1, 0, 1, 2, 5} {
			want := pyfmt.SplitWhitespace(s, ms)
			got := splitWhitespaceValues(s, ms, 0)
			parts := make([]string, len(got))
			for i, v := range got {
				parts[i] = v.obj.(*StrObj).S
			}
			if len(want) == 0 {
				assert.Empty(t, parts, "%q %d", s, ms)
			} else {
				assert.Equal(t, want, parts, "%q %d", s, ms)
			}
		}
	}
}

func TestSplitWhitespaceValuesAllocatesTheItemsAndStrsOnly(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		splitWhitespaceValues("  alpha beta\tgamma\n", -1, 3)
	})
	// One array of items, one header per word.
	assert.Equal(t, 4.0, allocs)
}
