package runtime

// This file tests StrCopy.

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStrCopyDoesNotAliasItsInput(t *testing.T) {
	buf := []byte("héllo, wörld")
	v := StrCopy(string(buf[:6]))
	s := v.obj.(*StrObj)
	assert.Equal(t, "héllo", s.S)
	assert.Equal(t, 5, s.Len())
	long := make([]byte, 300)
	for i := range long {
		long[i] = 'a' + byte(i%26)
	}
	w := StrCopy(string(long)).obj.(*StrObj)
	long[0] = 'Z'
	assert.Equal(t, byte('a'), w.S[0], "the str keeps its own bytes")
	assert.True(t, w.isASCII())
}
