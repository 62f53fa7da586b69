package compile

// This file compiles the match statement (PEP 634).
//
// The subject stays on the stack while the cases are tried; each case
// matches a copy of it. A pattern consumes the value on top of the stack
// (its subject) and either falls through on success or jumps to a
// failure label. Captured values are not stored while matching: each is
// moved beneath the items the enclosing patterns still need ("work"
// items), and the names are bound only once the whole pattern matched,
// as CPython does. A failure therefore has to pop the captures plus the
// work items: failPop[n] is a label that pops n items and continues
// with the next case, so a jump from a point with n such items goes to
// failPop[n].
//
// The checks CPython makes while compiling patterns (unreachable
// patterns, repeated names, or-patterns binding different names) are
// made here, with CPython's messages and locations.

import (
	"fmt"
	"math/big"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/runtime"
)

// patternCtx is the state of the pattern being compiled.
type patternCtx struct {
	stores           []string        // captured names, in stack order (last on top)
	bound            map[string]bool // the names in stores
	allowIrrefutable bool            // a capture or wildcard may match anything here
	failPop          []label
	onTop            int      // work items above the captures, not counting the subject
	loc              ast.Node // the last pattern entered: CPython locates errors there
}

func (c *compiler) match(s *ast.Match) {
	c.expr(s.Subject)
	end := c.newLabel()
	for i, mc := range s.Cases {
		last := i == len(s.Cases)-1
		pc := &patternCtx{allowIrrefutable: mc.Guard != nil || last}
		if !last {
			c.emit(COPY, 1)
		}
		c.pattern(mc.Pattern, pc)
		if c.err != nil {
			return
		}
		for j := len(pc.stores) - 1; j >= 0; j-- {
			c.nameOp(pc.stores[j], ctxStore)
		}
		if mc.Guard != nil {
			c.ensureFailPop(pc, 0)
			c.jumpIf(mc.Guard, false, pc.failPop[0])
		}
		if !last {
			c.emit(POP_TOP, 0)
		}
		c.stmts(mc.Body)
		c.emitJump(JUMP, end)
		c.emitFailPops(pc)
	}
	c.bind(end)
}

func (c *compiler) ensureFailPop(pc *patternCtx, n int) {
	for len(pc.failPop) <= n {
		pc.failPop = append(pc.failPop, c.newLabel())
	}
}

// jumpToFail emits op (a conditional or plain jump) to the failure label
// that pops everything the pattern holds on the stack.
func (c *compiler) jumpToFail(pc *patternCtx, op Opcode) {
	n := len(pc.stores) + pc.onTop
	c.ensureFailPop(pc, n)
	c.emitJump(op, pc.failPop[n])
}

// emitFailPops binds the failure labels: failPop[n] pops one item and
// falls into failPop[n-1].
func (c *compiler) emitFailPops(pc *patternCtx) {
	if len(pc.failPop) == 0 {
		return
	}
	for n := len(pc.failPop) - 1; n > 0; n-- {
		c.bind(pc.failPop[n])
		c.emit(POP_TOP, 0)
	}
	c.bind(pc.failPop[0])
	pc.failPop = nil
}

// rotateDown moves the top of the stack beneath the n items below it.
func (c *compiler) rotateDown(n int) {
	switch {
	case n == 1:
		c.emit(SWAP, 2)
	case n > 1:
		c.emit(ROT_DOWN, n)
	}
}

// rotateUp moves the item at depth n (1 is the top) to the top, keeping
// the order of the others.
func (c *compiler) rotateUp(n int) {
	switch {
	case n == 2:
		c.emit(SWAP, 2)
	case n > 2:
		c.emit(ROT_UP, n)
	}
}

// storeName captures the subject on top of the stack as name ("" drops
// it): the value moves beneath the work items and is bound at the end.
func (c *compiler) storeName(name string, pc *patternCtx) {
	if name == "" {
		c.emit(POP_TOP, 0)
		return
	}
	if name == "__debug__" {
		c.errorf(pc.loc, "cannot assign to __debug__")
		return
	}
	if pc.bound[name] {
		c.errorf(pc.loc, fmt.Sprintf("multiple assignments to name '%s' in pattern", name))
		return
	}
	if pc.bound == nil {
		pc.bound = map[string]bool{}
	}
	c.rotateDown(pc.onTop)
	pc.stores = append(pc.stores, name)
	pc.bound[name] = true
}

// subpattern compiles a pattern nested in another, where a capture may
// match anything.
func (c *compiler) subpattern(p ast.Pattern, pc *patternCtx) {
	saved := pc.allowIrrefutable
	pc.allowIrrefutable = true
	c.pattern(p, pc)
	pc.allowIrrefutable = saved
}

func (c *compiler) pattern(p ast.Pattern, pc *patternCtx) {
	if c.err != nil {
		return
	}
	c.setSpan(p)
	pc.loc = p
	switch p := p.(type) {
	case *ast.MatchValue:
		c.expr(p.Value)
		c.setSpan(p)
		c.emit(COMPARE_OP, int(runtime.CmpEQ))
		c.jumpToFail(pc, POP_JUMP_IF_FALSE)
	case *ast.MatchSingleton:
		c.emitConst(constOf(p.Value))
		c.emit(IS_OP, 0)
		c.jumpToFail(pc, POP_JUMP_IF_FALSE)
	case *ast.MatchAs:
		if p.Pattern == nil {
			if !pc.allowIrrefutable {
				if p.Name == "" {
					c.errorf(p, "wildcard makes remaining patterns unreachable")
				} else {
					c.errorf(p, fmt.Sprintf("name capture '%s' makes remaining patterns unreachable", p.Name))
				}
				return
			}
			c.storeName(p.Name, pc)
			return
		}
		pc.onTop++
		c.emit(COPY, 1)
		c.pattern(p.Pattern, pc)
		pc.onTop--
		c.storeName(p.Name, pc)
	case *ast.MatchStar:
		c.storeName(p.Name, pc)
	case *ast.MatchSequence:
		c.sequencePattern(p, pc)
	case *ast.MatchMapping:
		c.mappingPattern(p, pc)
	case *ast.MatchClass:
		c.classPattern(p, pc)
	case *ast.MatchOr:
		c.orPattern(p, pc)
	}
}

func (c *compiler) sequencePattern(p *ast.MatchSequence, pc *patternCtx) {
	size, star := len(p.Patterns), -1
	for i, q := range p.Patterns {
		if _, ok := q.(*ast.MatchStar); ok {
			if star >= 0 {
				c.errorf(p, "multiple starred names in sequence pattern")
				return
			}
			star = i
		}
	}
	c.emit(MATCH_SEQUENCE, 0)
	pc.onTop++
	c.jumpToFail(pc, POP_JUMP_IF_FALSE)
	c.emit(GET_LEN, 0)
	if star < 0 {
		c.emitConst(Const{Kind: ConstInt, Int: int64(size)})
		c.emit(COMPARE_OP, int(runtime.CmpEQ))
	} else {
		c.emitConst(Const{Kind: ConstInt, Int: int64(size - 1)})
		c.emit(COMPARE_OP, int(runtime.CmpGE))
	}
	c.jumpToFail(pc, POP_JUMP_IF_FALSE)
	onlyWildcards := true
	for _, q := range p.Patterns {
		onlyWildcards = onlyWildcards && isWildcard(q)
	}
	switch {
	case onlyWildcards:
		// The length said it all: [_, _] and [*_] read no item.
		pc.onTop--
		c.emit(POP_TOP, 0)
	case star >= 0 && isWildcard(p.Patterns[star]):
		// [a, *_, b] indexes the items it needs (a[0], a[-1]) instead
		// of copying the middle of a possibly long sequence.
		for i, q := range p.Patterns {
			if isWildcard(q) {
				continue
			}
			c.emit(COPY, 1)
			idx := i
			if i > star {
				idx = i - size
			}
			c.emitConst(Const{Kind: ConstInt, Int: int64(idx)})
			c.emit(BINARY_SUBSCR, 0)
			c.subpattern(q, pc)
		}
		pc.onTop--
		c.emit(POP_TOP, 0)
	default:
		pc.onTop--
		if star < 0 {
			c.emit(UNPACK_SEQUENCE, size)
		} else {
			c.emit(UNPACK_EX, star|(size-1-star)<<8)
		}
		pc.onTop += size
		for _, q := range p.Patterns {
			pc.onTop--
			c.subpattern(q, pc)
		}
	}
}

// isWildcard reports whether p is `_` or `*_`, which match without
// looking at their subject.
func isWildcard(p ast.Pattern) bool {
	switch p := p.(type) {
	case *ast.MatchAs:
		return p.Pattern == nil && p.Name == ""
	case *ast.MatchStar:
		return p.Name == ""
	}
	return false
}

func (c *compiler) mappingPattern(p *ast.MatchMapping, pc *patternCtx) {
	size := len(p.Keys)
	c.emit(MATCH_MAPPING, 0)
	pc.onTop++
	c.jumpToFail(pc, POP_JUMP_IF_FALSE)
	if size == 0 && p.Rest == "" {
		pc.onTop--
		c.emit(POP_TOP, 0)
		return
	}
	if size > 0 {
		c.emit(GET_LEN, 0)
		c.emitConst(Const{Kind: ConstInt, Int: int64(size)})
		c.emit(COMPARE_OP, int(runtime.CmpGE))
		c.jumpToFail(pc, POP_JUMP_IF_FALSE)
	}
	var seen []keyConst
	for _, k := range p.Keys {
		if kc, ok := literalKey(k); ok {
			for _, s := range seen {
				if s.equal(kc) {
					c.errorf(p, fmt.Sprintf("mapping pattern checks duplicate key (%s)", ast.ExprString(k)))
					return
				}
			}
			seen = append(seen, kc)
		}
		c.expr(k)
	}
	c.setSpan(p)
	c.emit(BUILD_TUPLE, size)
	c.emit(MATCH_KEYS, 0)
	pc.onTop += 2
	c.jumpToFail(pc, POP_JUMP_IF_FALSE)
	c.emit(UNPACK_SEQUENCE, size)
	pc.onTop += size - 1
	for _, q := range p.Patterns {
		pc.onTop--
		c.subpattern(q, pc)
	}
	c.setSpan(p)
	if p.Rest != "" {
		c.emit(MATCH_REST, 0)
		pc.onTop -= 2
		c.storeName(p.Rest, pc)
		return
	}
	c.emit(POP_TOP, 0)
	c.emit(POP_TOP, 0)
	pc.onTop -= 2
}

// keyConst is a literal mapping key, compared as Python compares the
// constants (1, 1.0 and True are the same key).
type keyConst struct {
	num   *big.Rat // numbers and booleans
	str   *string
	none  bool
	float float64 // a float that is not finite
	nan   bool
}

func (a keyConst) equal(b keyConst) bool {
	switch {
	case a.num != nil && b.num != nil:
		return a.num.Cmp(b.num) == 0
	case a.str != nil && b.str != nil:
		return *a.str == *b.str
	case a.none && b.none:
		return true
	}
	return !a.nan && a.float != 0 && a.float == b.float
}

// literalKey returns the value of a literal key, or false for a value
// pattern (a dotted name), whose duplicates are found at run time.
func literalKey(e ast.Expr) (keyConst, bool) {
	neg := false
	if u, ok := e.(*ast.UnaryOp); ok && u.Op == ast.USub {
		neg, e = true, u.Operand
	}
	k, ok := e.(*ast.Constant)
	if !ok {
		return keyConst{}, false
	}
	var r keyConst
	switch k.Kind {
	case ast.ConstNone:
		r.none = true
	case ast.ConstTrue:
		r.num = big.NewRat(1, 1)
	case ast.ConstFalse:
		r.num = new(big.Rat)
	case ast.ConstInt:
		r.num, _ = new(big.Rat).SetString(k.Text)
	case ast.ConstFloat:
		f := k.Float
		if neg {
			f = -f
		}
		if x := new(big.Rat).SetFloat64(f); x != nil {
			return keyConst{num: x}, true
		}
		return keyConst{float: f, nan: f != f}, true
	case ast.ConstStr:
		s := k.Text
		r.str = &s
	default:
		return keyConst{}, false
	}
	if neg && r.num != nil {
		r.num.Neg(r.num)
	}
	return r, true
}

func (c *compiler) classPattern(p *ast.MatchClass, pc *patternCtx) {
	for i, name := range p.KwdAttrs {
		if name == "__debug__" {
			c.errorf(p.KwdPatterns[i], "cannot assign to __debug__")
			return
		}
		for j := i + 1; j < len(p.KwdAttrs); j++ {
			if p.KwdAttrs[j] == name {
				c.errorf(p.KwdPatterns[j], "attribute name repeated in class pattern: "+name)
				return
			}
		}
	}
	c.expr(p.Cls)
	names := make([]Const, len(p.KwdAttrs))
	for i, n := range p.KwdAttrs {
		names[i] = Const{Kind: ConstStr, Str: n}
	}
	c.emitConst(Const{Kind: ConstTuple, Tuple: names})
	c.setSpan(p)
	c.emit(MATCH_CLASS, len(p.Patterns))
	pc.onTop++
	c.jumpToFail(pc, POP_JUMP_IF_FALSE)
	n := len(p.Patterns) + len(p.KwdPatterns)
	c.emit(UNPACK_SEQUENCE, n)
	pc.onTop += n - 1
	for _, q := range append(append([]ast.Pattern(nil), p.Patterns...), p.KwdPatterns...) {
		pc.onTop--
		c.subpattern(q, pc)
	}
}

// orPattern tries each alternative on a copy of the subject. The
// alternatives' captures are put in the first one's order, so that the
// code after the pattern finds them in one layout whichever matched.
func (c *compiler) orPattern(p *ast.MatchOr, pc *patternCtx) {
	end := c.newLabel()
	old := *pc
	var control []string
	for i, alt := range p.Patterns {
		pc.stores, pc.bound = nil, nil
		pc.allowIrrefutable = i == len(p.Patterns)-1 && old.allowIrrefutable
		pc.failPop = nil
		pc.onTop = 0
		c.emit(COPY, 1)
		c.pattern(alt, pc)
		if c.err != nil {
			return
		}
		k := len(pc.stores)
		if i == 0 {
			control = pc.stores
		} else {
			if k != len(control) {
				c.errorf(pc.loc, "alternative patterns bind different names")
				return
			}
			for _, name := range control {
				if !pc.bound[name] {
					c.errorf(pc.loc, "alternative patterns bind different names")
					return
				}
			}
			// Bring the captures into the first alternative's order,
			// moving each in turn to the top.
			cur := append([]string(nil), pc.stores...)
			for _, name := range control {
				idx := 0
				for cur[idx] != name {
					idx++
				}
				c.rotateUp(len(cur) - idx)
				cur = append(append(cur[:idx:idx], cur[idx+1:]...), name)
			}
		}
		// Drop this alternative's subject from beneath its captures.
		c.rotateUp(k + 1)
		c.emit(POP_TOP, 0)
		c.emitJump(JUMP, end)
		c.emitFailPops(pc)
	}
	// No alternative matched.
	loc := pc.loc
	*pc = old
	pc.loc = loc
	c.emit(POP_TOP, 0)
	c.jumpToFail(pc, JUMP)
	c.bind(end)
	// The captures sit above the enclosing work items: move those up.
	k := len(control)
	for range pc.onTop {
		c.rotateUp(k + pc.onTop)
	}
	for _, name := range control {
		if pc.bound[name] {
			c.errorf(pc.loc, fmt.Sprintf("multiple assignments to name '%s' in pattern", name))
			return
		}
	}
	bound := make(map[string]bool, len(pc.bound)+len(control))
	for name := range pc.bound {
		bound[name] = true
	}
	for _, name := range control {
		bound[name] = true
	}
	pc.bound = bound
	pc.stores = append(append([]string(nil), pc.stores...), control...)
}
