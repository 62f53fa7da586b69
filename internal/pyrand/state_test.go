package pyrand

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStateRoundTrip(t *testing.T) {
	r := NewSeeded(big.NewInt(7))
	r.Random()
	words, pos := r.State()
	a, b := r.Random(), r.Random()
	var other Random
	other.SetState(words, pos)
	assert.Equal(t, a, other.Random())
	assert.Equal(t, b, other.Random())
}
