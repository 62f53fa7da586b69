package compile

// This file compiles `a, b = b, a` and `a, b, c = x, y, z` without building
// and unpacking a tuple: the values are evaluated left to right as the
// tuple's items would be, the stack is reversed with one SWAP, and the
// targets are stored left to right, which is what unpacking the tuple
// does. CPython's compiler does the same for two and three items.

import "github.com/aio-lang/aio/ast"

// swapAssign compiles s that way if it has one tuple or list target and a
// tuple value of the same length, two or three items, with no starred
// item on either side; it reports whether it did.
func (c *compiler) swapAssign(s *ast.Assign) bool {
	if len(s.Targets) != 1 {
		return false
	}
	var targets []ast.Expr
	switch t := s.Targets[0].(type) {
	case *ast.Tuple:
		targets = t.Elts
	case *ast.List:
		targets = t.Elts
	default:
		return false
	}
	value, ok := s.Value.(*ast.Tuple)
	if !ok || len(value.Elts) != len(targets) || len(targets) < 2 || len(targets) > 3 {
		return false
	}
	for i := range targets {
		if _, star := targets[i].(*ast.Starred); star {
			return false
		}
		if _, star := value.Elts[i].(*ast.Starred); star {
			return false
		}
	}
	for _, e := range value.Elts {
		c.expr(e)
	}
	c.emit(SWAP, len(targets))
	for _, t := range targets {
		c.store(t)
	}
	return true
}
