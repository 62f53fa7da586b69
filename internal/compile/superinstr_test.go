package compile

// This file checks the table of superinstructions.

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSuperLength(t *testing.T) {
	assert.Equal(t, 3, superLength(LOAD_FAST_CONST_BINARY_OP))
	assert.Equal(t, 1, superLength(CALL))
}
