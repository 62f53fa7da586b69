package pyfmt

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// specCombos builds specs from every combination of the grammar's parts,
// valid and not, including non-ASCII fills and overlong numbers.
func specCombos() []string {
	var out []string
	for _, fa := range []string{"", "<", ">", "=", "^", "x<", "0>", "*^", "é<", "=="} {
		for _, sign := range []string{"", "+", "-", " "} {
			for _, mid := range []string{"", "z", "#", "0", "z#0"} {
				for _, width := range []string{"", "5", "12", "0", "1234567890", "٣"} {
					for _, group := range []string{"", ",", "_"} {
						for _, prec := range []string{"", ".2", ".0", ".", ".1234567890"} {
							for _, typ := range []string{"", "d", "f", "F", "s", "x", "z", "%", "dd"} {
								out = append(out, fa+sign+mid+width+group+prec+typ)
							}
						}
					}
				}
			}
		}
	}
	return out
}

func TestParseSimpleSpecMatchesGeneral(t *testing.T) {
	for _, spec := range specCombos() {
		sp, ok := parseSimpleSpec(spec)
		if !ok {
			continue
		}
		want, err := parseSpecGeneral(spec, "int")
		require.NoError(t, err, spec)
		require.Equal(t, want, sp, spec)
	}
	// The f-string specs of the benchmarks must take the fast path.
	for _, spec := range []string{"06d", ">4", ".2f", "x^+10.3f"} {
		_, ok := parseSimpleSpec(spec)
		assert.True(t, ok, spec)
	}
}

func TestFastNumbersMatchGeneral(t *testing.T) {
	ints := []int64{0, 1, -1, 7, -42, 123456, math.MinInt64, math.MaxInt64}
	floats := []float64{0, math.Copysign(0, -1), 0.125, 2.5, -2.5, 1.0 / 3, 24999.875, 0.005, 1e-10,
		-123.456, 9.999999e29, -9.999999e29, 1e30, math.Inf(1), math.Inf(-1), math.NaN()}
	fastInts, fastFloats := 0, 0
	for _, spec := range specCombos() {
		sp, err := ParseSpecFor(spec, "int")
		if err != nil {
			continue
		}
		for _, x := range ints {
			got, ok := fastInt(x, &sp)
			if !ok {
				continue
			}
			fastInts++
			want, err := formatIntSpec(intValue{small: x}, sp, "int")
			require.NoError(t, err, spec)
			require.Equal(t, want, got, "format(%d, %q)", x, spec)
		}
		for _, f := range floats {
			got, ok := fastFloat(f, &sp)
			if !ok {
				continue
			}
			fastFloats++
			fm, err := sp.resolve(0, '>')
			require.NoError(t, err, spec)
			want, err := formatFloatResolved(f, fm)
			require.NoError(t, err, spec)
			require.Equal(t, want, got, "format(%v, %q)", f, spec)
		}
	}
	assert.Greater(t, fastInts, 1000)
	assert.Greater(t, fastFloats, 1000)
}

func TestFastNumbersCPython(t *testing.T) {
	// Expected values are CPython 3.11's format(v, spec).
	for _, c := range []struct {
		v    any
		spec string
		want string
	}{
		{math.Copysign(0, -1), ".2f", "-0.00"},
		{0.125, ".2f", "0.12"},
		{2.5, ".0f", "2"},
		{int64(-5), "06d", "-00005"},
		{int64(5), "^+7d", "  +5   "},
		{int64(math.MinInt64), "d", "-9223372036854775808"},
		{int64(42), "*<6", "42****"},
		{3.14159, "=+10.3f", "+    3.142"},
		{1e29, ".1f", "99999999999999991433150857216.0"},
		{int64(-12), "x=8", "-xxxxx12"},
	} {
		var got string
		var err error
		switch v := c.v.(type) {
		case int64:
			got, err = FormatInt64(v, c.spec)
		case float64:
			got, err = FormatFloat(v, c.spec)
		}
		require.NoError(t, err)
		assert.Equal(t, c.want, got, "format(%v, %q)", c.v, c.spec)
	}
}
