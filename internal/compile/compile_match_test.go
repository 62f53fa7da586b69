package compile

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/aio-lang/aio/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMatchCompileErrors checks the pattern errors CPython 3.11 raises
// while compiling (testdata/match_errors, recorded by its regen.py):
// each program parses, and compiling it must fail with CPython's
// message and location.
func TestMatchCompileErrors(t *testing.T) {
	files, err := filepath.Glob("testdata/match_errors/*.aio")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 25)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".aio")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			want := map[string]string{}
			data, err := os.ReadFile(strings.TrimSuffix(f, ".aio") + ".err")
			require.NoError(t, err)
			for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				k, v, ok := strings.Cut(l, ": ")
				require.True(t, ok, "bad line %q", l)
				want[k] = v
			}
			mod, err := parser.Parse(name+".aio", src)
			require.NoError(t, err, "the program must parse: the error is the compiler's")
			_, err = Module(name+".aio", src, mod, Options{})
			var se *parser.SyntaxError
			require.True(t, errors.As(err, &se), "error is %v", err)
			assert.Equal(t, want["kind"]+": "+want["msg"], se.Kind+": "+se.Msg)
			got := []string{strconv.Itoa(se.Line), strconv.Itoa(se.Col), strconv.Itoa(se.EndLine), strconv.Itoa(se.EndCol)}
			assert.Equal(t, []string{want["line"], want["offset"], want["end_line"], want["end_offset"]}, got, "location")
		})
	}
}

// TestCompileMatchInstructions checks the instructions a match statement
// compiles to and that the stack pass accounts for them: the subject
// plus the deepest pattern's work items and captures.
func TestCompileMatchInstructions(t *testing.T) {
	src := "match p:\n    case Point(x, y=[a, *b]) | {'k': x, 'y': a, **b}:\n        pass\n    case _:\n        pass\n"
	code, err := File("t.aio", []byte(src))
	require.NoError(t, err)
	out := code.Disassemble()
	for _, want := range []string{"MATCH_CLASS 1", "MATCH_SEQUENCE\n", "GET_LEN\n", "UNPACK_EX 1\n", "MATCH_MAPPING\n", "MATCH_KEYS\n", "MATCH_REST\n"} {
		assert.Contains(t, out, want)
	}
	assert.GreaterOrEqual(t, code.MaxStack, 7, out)
}
