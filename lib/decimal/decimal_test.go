package decimal

import (
	"testing"

	"github.com/cockroachdb/apd/v3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sciString follows the specification's to-scientific-string, including
// for zeros with negative exponents, which apd's own String prints in
// positional notation.
func TestSciString(t *testing.T) {
	for in, want := range map[string]string{
		"0E-9": "0E-9", "1.10": "1.10", "1E+3": "1E+3", "0.000001": "0.000001",
		"0.0000001": "1E-7", "-0": "-0", "123E-20": "1.23E-18", "1.230E5": "1.230E+5",
		"12345678901234567890": "12345678901234567890", "-Infinity": "-Infinity",
	} {
		d, _, err := apd.NewFromString(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, sciString(d), in)
	}
}
