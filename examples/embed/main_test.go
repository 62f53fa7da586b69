package main

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const want = `pen       1.50
desk   timed out
ink       7.25
chair  unknown item
pad       3.10
lamp   timed out
stamp     0.95
4 of 7 prices in 0.5s, total 12.80 EUR
Go side: 7 calls, 4 completed, 2 cancelled by the script, 1 unknown
`

func TestEmbedVirtualClock(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, true))
	assert.Equal(t, want, out.String())
}

// On the real clock the latencies are real; they are far enough from the
// timeout for the output to be the same, but for the elapsed time, which
// is the timeout plus however long the machine took: at least 0.5s.
func TestEmbedRealClock(t *testing.T) {
	if testing.Short() {
		t.Skip("takes half a second")
	}
	var out bytes.Buffer
	require.NoError(t, run(&out, false))
	elapsed := regexp.MustCompile(`in (\d+\.\d)s,`)
	m := elapsed.FindStringSubmatch(out.String())
	require.NotNil(t, m, out.String())
	secs, err := strconv.ParseFloat(m[1], 64)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, secs, 0.5)
	assert.Equal(t, want, elapsed.ReplaceAllString(out.String(), "in 0.5s,"))
}
