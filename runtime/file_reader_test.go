package runtime

// This file tests the shared reading core: the line splitter and the
// cost of reading a text file line by line.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLineEndModes(t *testing.T) {
	text := []byte("a\r\nb\rc\nd")
	cases := []struct {
		mode  int
		lines []string
	}{
		{splitLF, []string{"a\r\n", "b\rc\n", "d"}},
		{splitCR, []string{"a\r", "\nb\r", "c\nd"}},
		{splitCRLF, []string{"a\r\n", "b\rc\nd"}},
		{splitUniversal, []string{"a\r\n", "b\r", "c\n", "d"}},
	}
	for _, c := range cases {
		var got []string
		for rest := text; len(rest) > 0; {
			end, ok := lineEnd(rest, 0, c.mode, true)
			if !ok {
				end = len(rest)
			}
			got = append(got, string(rest[:end]))
			rest = rest[end:]
		}
		assert.Equal(t, c.lines, got, "mode %d", c.mode)
	}
}

func TestLineEndWaitsForTheLFOfCRLF(t *testing.T) {
	_, ok := lineEnd([]byte("abc\r"), 0, splitUniversal, false)
	assert.False(t, ok, "a final \\r may be half of \\r\\n while more input may follow")
	end, ok := lineEnd([]byte("abc\r"), 0, splitUniversal, true)
	assert.True(t, ok)
	assert.Equal(t, 4, end)
	end, ok = lineEnd([]byte("abc\r\nx"), 3, splitUniversal, false)
	assert.True(t, ok, "a search resumed at the undecided \\r finds \\r\\n")
	assert.Equal(t, 5, end)
	end, ok = lineEnd([]rune("é\r\nx"), 0, splitCRLF, false)
	assert.True(t, ok)
	assert.Equal(t, 3, end)
}

// TestTextFileLineCostsOneAllocation guards the speed of "for line in f":
// each line of a UTF-8 text file is one allocation, its str.
func TestTextFileLineCostsOneAllocation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lines.txt")
	const line = "00000042 the quick brown fox jumps over the lazy dog 42\n"
	require.NoError(t, os.WriteFile(path, []byte(strings.Repeat(line, 5000)), 0o600))
	h, err := os.Open(path)
	require.NoError(t, err)
	defer h.Close()
	th := NewThread()
	f := &TextFile{b: &BinaryFile{c: &fileCore{h: h, readable: true}, text: true}, codec: "utf-8", errors: "strict"}
	require.NoError(t, f.setNewline(None))
	_, ok, err := f.Next(th) // fills the read-ahead buffer
	require.NoError(t, err)
	require.True(t, ok)
	var last Value
	allocs := testing.AllocsPerRun(1000, func() {
		last, ok, err = f.Next(th)
	})
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, line, last.obj.(*StrObj).S)
	assert.LessOrEqual(t, allocs, 1.0)
}
