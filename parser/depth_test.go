package parser

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parseKind parses src and returns the kind of its error ("" for none).
func parseKind(t *testing.T, src string) string {
	t.Helper()
	_, err := Parse("t.aio", []byte(src))
	if err == nil {
		return ""
	}
	se, ok := err.(*SyntaxError)
	require.True(t, ok, "%T", err)
	return se.Kind
}

// TestRightNestingGivesUpWhereCPythonsParserDoes checks the last depth
// CPython 3.11's parser accepts and the first at which it gives up with a
// bare MemoryError (within the few levels aio's model of its rule stack
// allows).
func TestRightNestingGivesUpWhereCPythonsParserDoes(t *testing.T) {
	cases := []struct {
		name     string
		src      func(n int) string
		ok, fail int
	}{
		{"unary minus", func(n int) string { return "x = (" + strings.Repeat("-", n) + "1)" }, 5957, 5958},
		{"not", func(n int) string { return "x = (" + strings.Repeat("not ", n) + "1)" }, 5957, 5958},
		{"lambda", func(n int) string { return "x = " + strings.Repeat("lambda: ", n) + "1" }, 2979, 2984},
		{"power", func(n int) string { return "x = " + strings.TrimSuffix(strings.Repeat("1**", n), "**") }, 2980, 2985},
		{"conditional", func(n int) string { return "x = " + strings.Repeat("1 if 0 else ", n) + "1" }, 5958, 5968},
		{"elif", func(n int) string { return "if x: pass\n" + strings.Repeat("elif x: pass\n", n) }, 5966, 5967},
	}
	for _, c := range cases {
		assert.Equal(t, "", parseKind(t, c.src(c.ok)), "%s at %d", c.name, c.ok)
		assert.Equal(t, "MemoryError", parseKind(t, c.src(c.fail)), "%s at %d", c.name, c.fail)
		assert.Equal(t, "MemoryError", parseKind(t, c.src(100000)), "%s at 100000", c.name)
	}
	_, err := Parse("t.aio", []byte("x = "+strings.Repeat("-", 6000)+"1"))
	assert.EqualError(t, err, "MemoryError")
}

// TestMoreThanAMillionStatements: participle's default repetition cap
// (a million) made this a false "invalid syntax".
func TestMoreThanAMillionStatements(t *testing.T) {
	m, err := Parse("t.aio", []byte(strings.Repeat("x\n", 1_000_001)))
	require.NoError(t, err)
	assert.Len(t, m.Body, 1_000_001)
}
