package ast

// This file measures how deeply statements and expressions nest, without
// recursion, so that a tree too deep for the recursive passes (Walk, the
// printer, the resolver and compiler) is refused before they run.

// childLister collects the direct children of one node: Walk calls Visit
// first for the node itself (which continues the walk) and then for each
// child (which stops it there), so Walk never goes more than one level down.
type childLister struct {
	started bool
	kids    []Node
}

func (c *childLister) Visit(n Node) Visitor {
	if n == nil {
		return nil
	}
	if !c.started {
		c.started = true
		return c
	}
	c.kids = append(c.kids, n)
	return nil
}

// DeeperThan reports whether statements and expressions nest more than
// limit levels deep in the tree rooted at n. Each statement and each
// expression on a path from n counts one level (n itself included when it
// is one); other nodes (a Module, arguments, keywords, comprehension
// clauses, handlers, ...) count none, as in CPython's compiler, whose
// limit on this depth is three times the recursion limit.
//
// It uses memory proportional to the size of the tree and no recursion,
// so any tree can be measured.
func DeeperThan(n Node, limit int) bool {
	type item struct {
		n     Node
		depth int
	}
	stack := []item{{n, 0}}
	c := &childLister{}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		d := it.depth
		switch it.n.(type) {
		case Stmt, Expr:
			d++
			if d > limit {
				return true
			}
		}
		c.started, c.kids = false, c.kids[:0]
		Walk(c, it.n)
		for _, k := range c.kids {
			stack = append(stack, item{k, d})
		}
	}
	return false
}
