package datetime

// This file checks the calendar arithmetic of core.go against dates whose
// ordinals CPython 3.11 printed, and that the two conversions invert each
// other on every day of the supported range.

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOrdinalsOfKnownDates(t *testing.T) {
	for _, c := range []struct{ y, m, d, ord int64 }{
		{2000, 2, 29, 730179}, {1, 1, 1, 1}, {9999, 12, 31, 3652059},
		{2024, 12, 31, 739251}, {1900, 3, 1, 693655},
		{400, 12, 31, 146097}, {4, 12, 31, 1461},
	} {
		assert.Equal(t, c.ord, toOrdinal(c.y, c.m, c.d), "%d-%d-%d", c.y, c.m, c.d)
		y, m, d := fromOrdinal(c.ord)
		assert.Equal(t, [3]int64{c.y, c.m, c.d}, [3]int64{y, m, d}, "day %d", c.ord)
	}
}

func TestOrdinalRoundTripOverTheWholeRange(t *testing.T) {
	want := int64(1)
	for y := int64(minYear); y <= maxYear; y++ {
		for m := int64(1); m <= 12; m++ {
			for d := int64(1); d <= monthLength(y, m); d++ {
				require.Equal(t, want, toOrdinal(y, m, d), "%d-%d-%d", y, m, d)
				gy, gm, gd := fromOrdinal(want)
				require.Equal(t, [3]int64{y, m, d}, [3]int64{gy, gm, gd}, "day %d", want)
				want++
			}
		}
	}
	assert.Equal(t, int64(maxOrdinal+1), want)
}

func TestCheckDateMessages(t *testing.T) {
	assert.NoError(t, checkDate(2024, 2, 29))
	assert.ErrorContains(t, checkDate(2023, 2, 29), "day is out of range for month")
	assert.ErrorContains(t, checkDate(2023, 13, 1), "month must be in 1..12")
	assert.ErrorContains(t, checkDate(0, 1, 1), "year 0 is out of range")
}
