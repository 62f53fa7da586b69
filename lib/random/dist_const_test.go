package random

// This file checks the constants the distributions write out.

import (
	"math"
	"testing"

	"github.com/aio-lang/aio/internal/libm"
	"github.com/stretchr/testify/assert"
)

// The written-out ratio-of-uniforms scale is the formula's value, to the bit.
func TestRatioScaleIsTheFormula(t *testing.T) {
	assert.Equal(t, math.Float64bits(4*libm.Exp(-0.5)/math.Sqrt(2.0)), math.Float64bits(ratioScale))
}
