package zoneinfo

import (
	"testing"
	gotime "time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidKey(t *testing.T) {
	for _, key := range []string{"UTC", "America/New_York", "Etc/GMT+5"} {
		assert.True(t, validKey(key), key)
	}
	for _, key := range []string{"", "/etc/localtime", "../etc", "a//b", "a/./b", "Local", "a\\b"} {
		assert.False(t, validKey(key), key)
	}
}

// The daylight saving part of an offset is measured against the standard
// offset of the neighbouring period.
func TestStandardOffset(t *testing.T) {
	ny, err := gotime.LoadLocation("America/New_York")
	require.NoError(t, err)
	summer := gotime.Date(2024, 7, 1, 12, 0, 0, 0, ny)
	assert.True(t, summer.IsDST())
	assert.Equal(t, -5*3600, standardOffset(summer))
	sydney, err := gotime.LoadLocation("Australia/Sydney")
	require.NoError(t, err)
	assert.Equal(t, 10*3600, standardOffset(gotime.Date(2024, 1, 1, 0, 0, 0, 0, sydney)))
}
