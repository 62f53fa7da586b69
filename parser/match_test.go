package parser

import (
	"fmt"
	"testing"

	"github.com/aio-lang/aio/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMatchPositions checks the node spans of a match statement against
// those of CPython 3.11's ast.parse (line, col_offset, end_lineno,
// end_col_offset), listed here in ast.walk's breadth-first order.
func TestMatchPositions(t *testing.T) {
	src := "match = 1\nmatch p, *q:\n    case [1, *r] | {\"k\": _, **kw} if r:\n        pass\n    case Point(x=-1.5) as pt:\n        pass\n"
	m, err := Parse("t.aio", []byte(src))
	require.NoError(t, err)
	require.Len(t, m.Body, 2)
	_, isAssign := m.Body[0].(*ast.Assign)
	assert.True(t, isAssign, "match = 1 is an assignment")
	want := []string{
		"Match 2 0 6 12", "Tuple 2 6 2 11", "Name 2 6 2 7", "Starred 2 9 2 11",
		"MatchOr 3 9 3 33", "Name 3 37 3 38", "Pass 4 8 4 12", "MatchAs 5 9 5 28", "Pass 6 8 6 12",
		"Name 2 10 2 11", "MatchSequence 3 9 3 16", "MatchMapping 3 19 3 33", "MatchClass 5 9 5 22",
		"MatchValue 3 10 3 11", "MatchStar 3 13 3 15", "Constant 3 20 3 23", "MatchAs 3 25 3 26",
		"Name 5 9 5 14", "MatchValue 5 17 5 21", "Constant 3 10 3 11", "UnaryOp 5 17 5 21", "Constant 5 18 5 21",
	}
	assert.Equal(t, want, breadthFirst(m.Body[1]))
}

// breadthFirst lists the nodes under n as CPython's ast.walk does, with
// their spans, leaving out match_case (which has no position).
func breadthFirst(n ast.Node) []string {
	var out []string
	queue := []ast.Node{n}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		var kids []ast.Node
		ast.Inspect(n, func(c ast.Node) bool {
			if c == nil || c == n {
				return c == n
			}
			kids = append(kids, c)
			return false
		})
		if _, isCase := n.(*ast.MatchCase); !isCase {
			sp := n.NodeSpan()
			out = append(out, fmt.Sprintf("%s %d %d %d %d", typeName(n), sp.Start.Line, sp.Start.Col, sp.End.Line, sp.End.Col))
		}
		queue = append(queue, kids...)
	}
	return out
}

func typeName(n ast.Node) string {
	s := fmt.Sprintf("%T", n)
	return s[len("*ast."):]
}

// TestMatchInputIsIncomplete checks that the REPL waits for the rest of
// a match statement.
func TestMatchInputIsIncomplete(t *testing.T) {
	for _, src := range []string{"match x:\n", "match x:\n    case 1:\n", "match x:\n    case 1:\n        pass\n"} {
		_, status, err := ParseInput("<stdin>", []byte(src))
		require.NoError(t, err, src)
		assert.Equal(t, Incomplete, status, src)
	}
	_, status, err := ParseInput("<stdin>", []byte("match x:\n    case 1:\n        pass\n\n"))
	require.NoError(t, err)
	assert.Equal(t, Complete, status)
}
