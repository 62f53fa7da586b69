package runtime

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConcatLoopAppendsInPlace(t *testing.T) {
	// s += piece in a loop: once s is long, each step reuses the buffer
	// s owns, so the bytes are not copied again.
	s := Str(strings.Repeat("a", 300))
	piece := strOf(t, Str("xyz"))
	s = ConcatStr(strOf(t, s), piece)
	s = ConcatStr(strOf(t, s), piece) // the first append gets spare room
	base := unsafe.StringData(strOf(t, s).S)
	for i := 0; i < 50; i++ {
		s = ConcatStr(strOf(t, s), piece)
	}
	assert.Equal(t, base, unsafe.StringData(strOf(t, s).S), "the loop copied the str")
	assert.Equal(t, strings.Repeat("a", 300)+strings.Repeat("xyz", 52), strOf(t, s).S)
}

func TestConcatInPlaceAllocatesOnlyTheHeader(t *testing.T) {
	s := ConcatStr(strOf(t, Str(strings.Repeat("b", 400))), strOf(t, Str("c")))
	s = ConcatStr(strOf(t, s), strOf(t, Str("c")))
	piece := strOf(t, Str("d"))
	allocs := testing.AllocsPerRun(100, func() {
		s = ConcatStr(s.obj.(*StrObj), piece)
	})
	assert.LessOrEqual(t, allocs, 1.1)
}

func TestConcatOntoAnEarlierPrefixCopies(t *testing.T) {
	// Two strs extend the same prefix: the second must not overwrite the
	// bytes the first one appended.
	p := ConcatStr(strOf(t, Str(strings.Repeat("p", 300))), strOf(t, Str("q")))
	p = ConcatStr(strOf(t, p), strOf(t, Str("q")))
	a := ConcatStr(strOf(t, p), strOf(t, Str("AAAA")))
	b := ConcatStr(strOf(t, p), strOf(t, Str("BB")))
	prefix := strings.Repeat("p", 300) + "qq"
	assert.Equal(t, prefix+"AAAA", strOf(t, a).S)
	assert.Equal(t, prefix+"BB", strOf(t, b).S)
	assert.Equal(t, prefix, strOf(t, p).S)
}

func TestGrowingStrKeepsRunesAndHash(t *testing.T) {
	long := strings.Repeat("é", 200)
	s := ConcatStr(strOf(t, Str(long)), strOf(t, Str("ü")))
	s = ConcatStr(strOf(t, s), strOf(t, Str("x")))
	o := strOf(t, s)
	require.NotZero(t, o.meta&strGrowSlot)
	assert.False(t, o.isASCII())
	assert.Equal(t, o.Hash(), strOf(t, Str(long+"üx")).Hash())
	assert.Greater(t, o.Footprint(), int64(len(o.S)))
}
