package runtime

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Format of bool, int and float values through the int64 and fast
// paths; expected values and errors are CPython 3.11's format(v, spec).
func TestFormatFastPaths(t *testing.T) {
	th := NewThread()
	for _, c := range []struct {
		v    Value
		spec string
		want string // or the exception, "Type: message"
	}{
		{True, "", "True"},
		{True, "d", "1"},
		{True, "5", "    1"},
		{False, ">5", "    0"},
		{True, "06.2f", "001.00"},
		{True, "+", "+1"},
		{True, "q", "ValueError: Unknown format code 'q' for object of type 'bool'"},
		{True, ".2", "ValueError: Precision not allowed in integer format specifier"},
		{Int(7), "06d", "000007"},
		{Int(-7), "06d", "-00007"},
		{Int(993), ">4", " 993"},
		{Int(math.MinInt64), ",", "-9,223,372,036,854,775,808"},
		{Int(5), "q", "ValueError: Unknown format code 'q' for object of type 'int'"},
		{Float(24999.875), ".2f", "24999.88"},
		{Float(math.Copysign(0, -1)), ".2f", "-0.00"},
		{Float(math.Inf(-1)), ".2f", "-inf"},
		{Float(1.5), "x", "ValueError: Unknown format code 'x' for object of type 'float'"},
	} {
		got, err := Format(th, c.v, c.spec)
		if err != nil {
			e, ok := err.(*Exception)
			require.True(t, ok, "%v", err)
			got = e.Class.Name + ": " + e.Message()
		}
		assert.Equal(t, c.want, got, "format(%v, %q)", c.v, c.spec)
	}
}
