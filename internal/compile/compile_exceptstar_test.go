package compile

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aio-lang/aio/parser"
)

// TestExceptStarExitErrors checks the SyntaxError for break, continue and
// return leaving an except* body, with the locations CPython 3.11's
// compile() reports (line, offset, end line, end offset; 1-based offsets).
func TestExceptStarExitErrors(t *testing.T) {
	cases := []struct {
		name, src string
		loc       [4]int
	}{
		{"break", "for i in x:\n  try:\n    pass\n  except* ValueError:\n    break\n", [4]int{5, 5, 5, 10}},
		{"continue", "for i in x:\n  try:\n    pass\n  except* ValueError:\n    continue\n", [4]int{5, 5, 5, 13}},
		// A constant return value is where CPython reports the error.
		{"return constant", "def f():\n  try:\n    pass\n  except* ValueError:\n    return 1\n", [4]int{5, 12, 5, 13}},
		{"bare return in finally", "def f():\n  try:\n    pass\n  finally:\n    try:\n      pass\n    except* ValueError:\n      return\n", [4]int{8, 7, 8, 13}},
		{"break through finally", "while x:\n  try:\n    pass\n  except* ValueError:\n    try:\n      pass\n    finally:\n      break\n", [4]int{8, 7, 8, 12}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := File("t.aio", []byte(tc.src))
			var se *parser.SyntaxError
			require.True(t, errors.As(err, &se), "want a SyntaxError, got %v", err)
			assert.Equal(t, "'break', 'continue' and 'return' cannot appear in an except* block", se.Msg)
			assert.Equal(t, tc.loc, [4]int{se.Line, se.Col, se.EndLine, se.EndCol})
		})
	}
}

// TestExceptStarAllowsInnerExits checks that a loop or a function inside
// an except* body may use break, continue and return.
func TestExceptStarAllowsInnerExits(t *testing.T) {
	src := "def f():\n  try:\n    pass\n  except* ValueError:\n    for i in x:\n      break\n    def g():\n      return 1\n"
	_, err := File("t.aio", []byte(src))
	assert.NoError(t, err)
}

// TestExceptStarBytecode checks the shape of a compiled except* clause:
// the types are matched with CHECK_EG_MATCH, the body runs under its own
// handler, and PREP_RERAISE_STAR decides what the statement re-raises.
func TestExceptStarBytecode(t *testing.T) {
	got := disasm(t, "def f():\n  try:\n    g()\n  except* ValueError as e:\n    h(e)\n")
	for _, want := range []string{"CHECK_EG_MATCH", "PREP_RERAISE_STAR", "LIST_APPEND 3", "LIST_APPEND 1", "RERAISE"} {
		assert.Contains(t, got, want)
	}
	assert.NotContains(t, got, "CHECK_EXC_MATCH")
}
