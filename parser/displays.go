package parser

// This file parses the bracketed atoms: parenthesized expressions and
// tuples, lists, dicts, sets, comprehensions and generator expressions,
// plus the assignment targets of for clauses.

import (
	"github.com/aio-lang/aio/ast"
)

// isCompFor reports whether a comprehension clause starts here.
func (p *exprParser) isCompFor() bool {
	return p.tok.Type == kwFor || p.tok.Type == kwAsync && p.peek2().Type == kwFor
}

// parenAtom parses '(' ... ')': an empty tuple, a group, a tuple, a
// generator expression or a parenthesized yield.
func (p *exprParser) parenAtom() ast.Expr {
	open := p.next()
	s := tokStart(open)
	switch p.tok.Type {
	case opRParen:
		p.next()
		return &ast.Tuple{Span: span(s, p.prevEnd()), Parens: true}
	case kwYield:
		y := p.yieldExpr()
		p.expect(opRParen)
		return y
	}
	first := p.starNamedExpression()
	if p.isCompFor() {
		if st, ok := first.(*ast.Starred); ok {
			p.errNode(st, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.forIfClauses()
		p.expect(opRParen)
		return &ast.GeneratorExp{Span: span(s, p.prevEnd()), Elt: first, Generators: gens}
	}
	if p.tok.Type == opRParen {
		p.next()
		if st, ok := first.(*ast.Starred); ok {
			p.errNode(st, "cannot use starred expression here")
		}
		if p.grouped == nil {
			p.grouped = map[ast.Expr]bool{}
		}
		p.grouped[first] = true
		return first // a group keeps the inner node and its position
	}
	if p.tok.Type != opComma {
		p.unexpected()
	}
	elts := []ast.Expr{first}
	for p.tok.Type == opComma {
		p.next()
		if p.tok.Type == opRParen {
			break
		}
		elts = append(elts, p.starNamedExpression())
	}
	p.expect(opRParen)
	return &ast.Tuple{Span: span(s, p.prevEnd()), Elts: elts, Parens: true}
}

// listAtom parses a list display or list comprehension.
func (p *exprParser) listAtom() ast.Expr {
	open := p.next()
	s := tokStart(open)
	if p.tok.Type == opRBrack {
		p.next()
		return &ast.List{Span: span(s, p.prevEnd())}
	}
	first := p.starNamedExpression()
	if p.isCompFor() {
		if st, ok := first.(*ast.Starred); ok {
			p.errNode(st, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.forIfClauses()
		p.expect(opRBrack)
		return &ast.ListComp{Span: span(s, p.prevEnd()), Elt: first, Generators: gens}
	}
	elts := p.displayRest(first)
	p.expect(opRBrack)
	return &ast.List{Span: span(s, p.prevEnd()), Elts: elts}
}

// displayRest parses the remaining ", item" elements of a list or set.
func (p *exprParser) displayRest(first ast.Expr) []ast.Expr {
	elts := []ast.Expr{first}
	for p.tok.Type == opComma {
		comma := p.next()
		if p.tok.Type == opRBrack || p.tok.Type == opRBrace {
			break
		}
		if p.isCompFor() {
			p.errRange(startOf(elts[0]), tokEnd(comma), "did you forget parentheses around the comprehension target?")
		}
		elts = append(elts, p.starNamedExpression())
	}
	if len(elts) > 1 && p.isCompFor() {
		p.errRange(startOf(elts[0]), endOf(elts[len(elts)-1]), "did you forget parentheses around the comprehension target?")
	}
	return elts
}

// braceAtom parses a dict or set display or comprehension.
func (p *exprParser) braceAtom() ast.Expr {
	open := p.next()
	s := tokStart(open)
	if p.tok.Type == opRBrace {
		p.next()
		return &ast.Dict{Span: span(s, p.prevEnd())}
	}
	if p.tok.Type == opDStar {
		star := p.next()
		v := p.bitwiseOr()
		if p.isCompFor() {
			p.errRange(tokStart(star), tokEnd(star), "dict unpacking cannot be used in dict comprehension")
		}
		return p.dictRest(s, []ast.Expr{nil}, []ast.Expr{v})
	}
	first := p.starNamedExpression()
	if _, starred := first.(*ast.Starred); !starred && p.tok.Type == opColon {
		colon := p.next()
		if p.tok.Type == opRBrace || p.tok.Type == opComma {
			p.errRange(tokStart(colon), tokEnd(colon), "expression expected after dictionary key and ':'")
		}
		if p.tok.Type == opStar {
			star := p.next()
			v := p.bitwiseOr()
			p.errRange(tokStart(star), endOf(v), "cannot use a starred expression in a dictionary value")
		}
		v := p.expression()
		if p.isCompFor() {
			gens := p.forIfClauses()
			p.expect(opRBrace)
			return &ast.DictComp{Span: span(s, p.prevEnd()), Key: first, Value: v, Generators: gens}
		}
		return p.dictRest(s, []ast.Expr{first}, []ast.Expr{v})
	}
	if p.isCompFor() {
		if st, ok := first.(*ast.Starred); ok {
			p.errNode(st, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.forIfClauses()
		p.expect(opRBrace)
		return &ast.SetComp{Span: span(s, p.prevEnd()), Elt: first, Generators: gens}
	}
	elts := p.displayRest(first)
	p.expect(opRBrace)
	return &ast.Set{Span: span(s, p.prevEnd()), Elts: elts}
}

// dictRest parses the items after the first one of a dict display.
func (p *exprParser) dictRest(s ast.Pos, keys, vals []ast.Expr) ast.Expr {
	for p.tok.Type == opComma {
		p.next()
		if p.tok.Type == opRBrace {
			break
		}
		if p.tok.Type == opDStar {
			p.next()
			keys = append(keys, nil)
			vals = append(vals, p.bitwiseOr())
			continue
		}
		k := p.expression()
		if p.tok.Type != opColon {
			if p.tok.Type == tBad {
				p.unexpected()
			}
			// CPython's invalid_kvpair: the caret sits on the key's
			// last character and there is no end.
			e := endOf(k)
			panic(&parseFailure{err: &SyntaxError{Kind: "SyntaxError", Msg: "':' expected after dictionary key",
				Line: startOf(k).Line, Col: e.Col, EndLine: e.Line, EndCol: 0}})
		}
		colon := p.next()
		if p.tok.Type == opRBrace || p.tok.Type == opComma {
			p.errRange(tokStart(colon), tokEnd(colon), "expression expected after dictionary key and ':'")
		}
		keys = append(keys, k)
		vals = append(vals, p.expression())
	}
	p.expect(opRBrace)
	return &ast.Dict{Span: span(s, p.prevEnd()), Keys: keys, Values: vals}
}

// forIfClauses parses one or more "[async] for targets in iter [if cond]*".
func (p *exprParser) forIfClauses() []*ast.Comprehension {
	var gens []*ast.Comprehension
	for p.isCompFor() {
		s := tokStart(p.tok)
		isAsync := false
		if p.tok.Type == kwAsync {
			p.next()
			isAsync = true
		}
		p.next() // for
		target := p.starTargets()
		if bad := invalidTarget(target, forTargets); bad != nil {
			p.errNode(bad, "cannot assign to %s", exprName(bad))
		}
		p.expect(kwIn)
		iter := p.disjunction()
		var ifs []ast.Expr
		for p.tok.Type == kwIf {
			p.next()
			ifs = append(ifs, p.disjunction())
		}
		// These are disjunctions, not expressions: CPython's
		// missing-comma check does not apply after them.
		p.lastDisj = nil
		gens = append(gens, &ast.Comprehension{Span: span(s, p.prevEnd()), Target: target, Iter: iter, Ifs: ifs, IsAsync: isAsync})
	}
	return gens
}

// starTargets parses assignment targets of a for clause: star_targets,
// parsed as bitwise_or expressions (so that "x in y" is not swallowed)
// and checked by the caller.
func (p *exprParser) starTargets() ast.Expr { return p.tupleOf(p.starTarget) }

func (p *exprParser) starTarget() ast.Expr {
	if p.tok.Type == opStar {
		s := p.next()
		v := p.bitwiseOr()
		return &ast.Starred{Span: span(tokStart(s), p.prevEnd()), Value: v}
	}
	if !startsExpr(p.tok.Type) {
		p.unexpected()
	}
	e := p.bitwiseOr()
	p.lastDisj, p.lastDisjEnd = e, p.prev
	return e
}
