package ast

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// negations is -(-(...(-x))) n levels deep inside an expression statement.
func negations(n int) *Module {
	var e Expr = &Name{Id: "x"}
	for i := 0; i < n; i++ {
		e = &UnaryOp{Op: USub, Operand: e}
	}
	return &Module{Body: []Stmt{&ExprStmt{Value: e}}}
}

func TestDeeperThanCountsStatementsAndExpressions(t *testing.T) {
	// The statement, n unary operations and the name: n+2 levels.
	assert.False(t, DeeperThan(negations(8), 10))
	assert.True(t, DeeperThan(negations(9), 10))
	assert.False(t, DeeperThan(&Module{}, 0))
}

func TestDeeperThanSkipsOtherNodes(t *testing.T) {
	// f(k=x): a call, then a keyword (not counted), then the name.
	call := &Call{Func: &Name{Id: "f"}, Keywords: []*Keyword{{Arg: "k", Value: &Name{Id: "x"}}}}
	assert.False(t, DeeperThan(call, 2))
	assert.True(t, DeeperThan(call, 1))
}

func TestDeeperThanMeasuresAnyDepthWithoutRecursion(t *testing.T) {
	// Walk would need gigabytes of Go stack for this tree.
	var e Expr = &Name{Id: "f"}
	for i := 0; i < 3_000_000; i++ {
		e = &Attribute{Value: e, Attr: "b"}
	}
	assert.True(t, DeeperThan(e, 3000))
	assert.False(t, DeeperThan(e, 3_000_001))
}
