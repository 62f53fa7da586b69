package compile

import (
	"errors"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/aio-lang/aio/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// deepestSources are the deepest trees of each shape that still compile:
// 3000 levels of statements and expressions, or the parser's own limit.
func deepestSources() map[string]string {
	return map[string]string{
		"calls":         "x = f" + strings.Repeat("()", 2998),
		"attributes":    "x = a" + strings.Repeat(".b", 2998),
		"subscripts":    "x = a" + strings.Repeat("[0]", 2998),
		"sum":           "x = " + strings.TrimSuffix(strings.Repeat("1+", 2999), "+"),
		"negations":     "x = " + strings.Repeat("-", 2998) + "1",
		"lambdas":       "f = " + strings.Repeat("lambda: ", 1490) + "1",
		"conditionals":  "x = " + strings.Repeat("1 if 0 else ", 2998) + "1",
		"elifs":         "if x: pass\n" + strings.Repeat("elif x: pass\n", 2997),
		"comprehension": "x = " + strings.Repeat("[y for y in ", 199) + "z" + strings.Repeat("]", 199),
		"parser limit":  "x = " + strings.Repeat("-", 5957) + "1",
	}
}

// TestCompileStackPerLevelIsSmall compiles the deepest accepted trees on a
// goroutine whose stack may not exceed 16 MiB, eight times what they need
// (under 2 MiB, less than 700 bytes per level), so Go's default 1 GB
// maximum has a margin of several hundred. (A regression kills the test
// binary with a stack overflow.)
func TestCompileStackPerLevelIsSmall(t *testing.T) {
	prev := debug.SetMaxStack(16 << 20)
	defer debug.SetMaxStack(prev)
	for name, src := range deepestSources() {
		done := make(chan error)
		go func() {
			_, err := File("deep.aio", []byte(src))
			done <- err
		}()
		err := <-done
		if name == "parser limit" {
			assert.EqualError(t, err, "RecursionError: maximum recursion depth exceeded during compilation", name)
		} else {
			assert.True(t, err == nil, "%s: %.300v", name, err)
		}
	}
}

func TestCompileDepthLimitIsCPythons(t *testing.T) {
	cases := map[string]string{
		"calls":      "x = f" + strings.Repeat("()", 2999),
		"attributes": "x = a" + strings.Repeat(".b", 2999),
		"sum":        "x = " + strings.TrimSuffix(strings.Repeat("1+", 3000), "+"),
		"negations":  "x = " + strings.Repeat("-", 2999) + "1",
		"elifs":      "if x: pass\n" + strings.Repeat("elif x: pass\n", 2999),
		"huge":       "x = f" + strings.Repeat("()", 200000),
	}
	for name, src := range cases {
		_, err := File("deep.aio", []byte(src))
		var se *parser.SyntaxError
		require.True(t, errors.As(err, &se), "%s: %.300v", name, err)
		assert.Equal(t, "RecursionError", se.Kind, name)
		assert.Equal(t, "RecursionError: maximum recursion depth exceeded during compilation", se.Error(), name)
	}
	_, err := Expr("<string>", []byte(strings.Repeat("-", 3000)+"1"))
	assert.EqualError(t, err, "RecursionError: maximum recursion depth exceeded during compilation")
	_, err = Expr("<string>", []byte(strings.Repeat("-", 2999)+"1"))
	assert.NoError(t, err)
}
