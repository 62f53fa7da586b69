package parser

// This file is the hand-written expression parser: precedence climbing
// (Pratt) over participle's token stream, producing ast nodes directly.
// It is reached from the statement grammar through participle's
// ParseTypeWith (see grammar.go) and from the f-string lowering.
//
// The function names follow CPython's grammar (disjunction, inversion,
// star_expressions, ...), so each can be checked against python.gram.
// Errors panic with *parseFailure; the entry points in parse.go recover.

import (
	"github.com/aio-lang/aio/ast"
	"github.com/alecthomas/participle/v2/lexer"
)

// exprParser parses expressions from a PeekingLexer. It holds no state
// beyond the current parse, so one is made per call.
type exprParser struct {
	lex  *lexer.PeekingLexer
	tok  *lexer.Token // the next token
	prev *lexer.Token // the last consumed token

	// The last completed disjunction and the token it ended with: when an
	// expression is directly followed by another inside brackets, CPython
	// says "Perhaps you forgot a comma?" and underlines both.
	lastDisj    ast.Expr
	lastDisjEnd *lexer.Token

	far *lexer.Token // the furthest token looked at (see touch)

	// grouped holds the expressions written in parentheses: an atom
	// for CPython's grammar whatever node it holds.
	grouped map[ast.Expr]bool

	depth int // recursion depth, bounded by maxDepth
}

// maxDepth bounds the recursion of right-nested expressions ("- - - 1",
// "not not x", "lambda: lambda: ...", "a if b else c if d else ...").
// CPython's parser gives up on such input with a bare MemoryError when
// its own stack of rule calls passes 6000 levels; the costs given to
// enter model how many of those levels each construct takes (a lambda
// or a ** takes two), so that aio gives up within a few levels of where
// CPython does. Deeper trees that still parse are refused by the
// compiler's depth check (a RecursionError, as in CPython). The bound
// also keeps the Go stack small: a level is a few hundred bytes.
const maxDepth = 5959

// enter counts cost levels of recursion and gives up with CPython's
// parser MemoryError past maxDepth.
func (p *exprParser) enter(cost int) {
	p.depth += cost
	if p.depth > maxDepth {
		panic(&parseFailure{err: &SyntaxError{Kind: "MemoryError"}, noOverride: true})
	}
}

func newExprParser(lex *lexer.PeekingLexer) *exprParser {
	return &exprParser{lex: lex, tok: lex.Peek()}
}

func (p *exprParser) next() *lexer.Token {
	t := p.lex.Next()
	p.prev = t
	p.tok = p.lex.Peek()
	return t
}

// peek2 returns the token after the next one.
func (p *exprParser) peek2() *lexer.Token {
	cp := p.lex.MakeCheckpoint()
	p.lex.Next()
	t := p.lex.Peek()
	p.lex.LoadCheckpoint(cp)
	p.touch(t)
	return t
}

func (p *exprParser) prevEnd() ast.Pos { return tokEnd(p.prev) }

// tokStart is the position of the first character of t.
func tokStart(t *lexer.Token) ast.Pos {
	return ast.Pos{Line: t.Pos.Line, Col: t.Pos.Column - 1}
}

// tokEnd is the position just past the last character of t.
func tokEnd(t *lexer.Token) ast.Pos {
	v := t.Value
	for i := len(v) - 1; i >= 0; i-- {
		if v[i] == '\n' {
			n := 0
			for j := 0; j < len(v); j++ {
				if v[j] == '\n' {
					n++
				}
			}
			return ast.Pos{Line: t.Pos.Line + n, Col: runeLen(v[i+1:])}
		}
	}
	return ast.Pos{Line: t.Pos.Line, Col: t.Pos.Column - 1 + runeLen(v)}
}

func span(s, e ast.Pos) ast.Span { return ast.Span{Start: s, End: e} }

func startOf(e ast.Node) ast.Pos { return e.NodeSpan().Start }
func endOf(e ast.Node) ast.Pos   { return e.NodeSpan().End }

func (p *exprParser) expect(typ lexer.TokenType) *lexer.Token {
	if p.tok.Type != typ {
		p.unexpected()
	}
	return p.next()
}

// startsExpr reports whether t can begin an expression.
func startsExpr(t lexer.TokenType) bool {
	switch t {
	case tName, tNumber, tString, opLParen, opLBrack, opLBrace, opMinus, opPlus,
		opTilde, kwNot, kwLambda, kwAwait, kwNone, kwTrue, kwFalse, opEllipsis:
		return true
	}
	return false
}

func startsStarExpr(t lexer.TokenType) bool { return t == opStar || startsExpr(t) }

// startsJuxtaposed reports whether t, right after a complete expression,
// must begin a second expression (a syntax error everywhere).
func startsJuxtaposed(t lexer.TokenType) bool {
	switch t {
	case tName, tNumber, tString, opLBrace, opTilde, kwNot, kwLambda, kwAwait,
		kwNone, kwTrue, kwFalse, opEllipsis:
		return true
	}
	return false
}

// finish is called at the end of every entry point: two expressions side
// by side are an error whatever the statement grammar expects next.
func (p *exprParser) finish() {
	if startsJuxtaposed(p.tok.Type) || p.tok.Type == tBad {
		p.unexpected()
	}
}

// unexpected raises the error for the current token, which cannot
// continue the parse. It follows CPython's second pass: a legacy print
// statement, a missing comma between two expressions in brackets, or
// plain "invalid syntax" at the token.
func (p *exprParser) unexpected() {
	t := p.tok
	if t.Type == tBad {
		atBad()
	}
	// CPython reports a plain syntax error at the furthest token its
	// first pass looked at, before the speculative checks below.
	loc := t
	if p.far != nil && p.far.Pos.Offset > t.Pos.Offset {
		loc = p.far
	}
	if startsJuxtaposed(t.Type) && p.lastDisj != nil && p.lastDisjEnd == p.prev && p.prev != nil {
		a := p.lastDisj
		if n, ok := a.(*ast.Name); ok && (n.Id == "print" || n.Id == "exec") {
			if b := p.try(p.starExpressions); b != nil {
				p.errRange(startOf(a), endOf(b), "Missing parentheses in call to '%s'. Did you mean %s(...)?", n.Id, n.Id)
			}
		}
		skip := false
		if n, ok := a.(*ast.Name); ok && (t.Type == tString || n.Id == "match" || n.Id == "case" || n.Id == "_") {
			skip = true // CPython's !(NAME STRING | SOFT_KEYWORD)
		}
		if !skip && p.level() > 0 {
			if b := p.try(p.expressionNoInvalid); b != nil {
				p.errRange(startOf(a), endOf(b), "invalid syntax. Perhaps you forgot a comma?")
			}
		}
	}
	p.errToken(loc, "invalid syntax")
}

// errToken raises an error located at token t.
func (p *exprParser) errToken(t *lexer.Token, msg string) {
	switch t.Type {
	case tBad:
		atBad()
	case lexer.EOF:
		panic(&parseFailure{eofMsg: msg})
	case tIndent:
		p.touch(t)
		panic(&parseFailure{err: &SyntaxError{Kind: "IndentationError", Msg: "unexpected indent",
			Line: t.Pos.Line, Col: t.Pos.Column - 1, EndLine: t.Pos.Line, EndCol: -1}, noOverride: true})
	}
	p.errRange(tokStart(t), tokEnd(t), "%s", msg)
}

// level returns the bracket nesting at the current token, as CPython's
// tokenizer counts it. It is only needed on error paths, so it recounts.
func (p *exprParser) level() int {
	n := 0
	for _, t := range p.lex.Range(0, p.lex.RawCursor()) {
		switch t.Type {
		case opLParen, opLBrack, opLBrace:
			n++
		case opRParen, opRBrack, opRBrace:
			n--
		}
	}
	return n
}

// try runs f speculatively and restores the position afterwards; it
// returns nil if f fails.
func (p *exprParser) try(f func() ast.Expr) (e ast.Expr) {
	cp := p.lex.MakeCheckpoint()
	tok, prev, ld, lde := p.tok, p.prev, p.lastDisj, p.lastDisjEnd
	defer func() {
		if r := recover(); r != nil {
			if pf, ok := r.(*parseFailure); !ok || pf.atBad {
				panic(r) // reaching a tokenizer error ends everything
			}
			e = nil
		}
		p.lex.LoadCheckpoint(cp)
		p.tok, p.prev, p.lastDisj, p.lastDisjEnd = tok, prev, ld, lde
	}()
	e = f()
	// CPython looks at the token after e; if it is the bad one, the
	// tokenizer's error wins.
	p.touch(p.tok)
	if p.tok.Type == tBad {
		atBad()
	}
	return e
}

// expressionNoInvalid stands for CPython's expression_without_invalid in
// the missing-comma check; it runs under try, so its errors only mean
// "no expression here".
func (p *exprParser) expressionNoInvalid() ast.Expr {
	if !startsExpr(p.tok.Type) {
		p.unexpected()
	}
	e := p.expression()
	return e
}

// starExpressions is star_expressions: a tuple without parentheses when
// there is a comma.
func (p *exprParser) starExpressions() ast.Expr { return p.tupleOf(p.starExpression) }

// tupleOf parses item (',' item)* [','] as a tuple without parentheses,
// or returns the lone item when no comma follows it.
func (p *exprParser) tupleOf(item func() ast.Expr) ast.Expr {
	s := tokStart(p.tok)
	first := item()
	if p.tok.Type != opComma {
		return first
	}
	elts := []ast.Expr{first}
	for p.tok.Type == opComma {
		p.next()
		if !startsStarExpr(p.tok.Type) {
			break
		}
		elts = append(elts, item())
	}
	return &ast.Tuple{Span: span(s, p.prevEnd()), Elts: elts}
}

// starExpression is star_expression: '*' bitwise_or | expression.
func (p *exprParser) starExpression() ast.Expr {
	if p.tok.Type == opStar {
		s := p.next()
		v := p.bitwiseOr()
		return &ast.Starred{Span: span(tokStart(s), p.prevEnd()), Value: v}
	}
	return p.expression()
}

// starNamedExpression is star_named_expression, the element of displays.
func (p *exprParser) starNamedExpression() ast.Expr {
	if p.tok.Type == opStar {
		s := p.next()
		v := p.bitwiseOr()
		return &ast.Starred{Span: span(tokStart(s), p.prevEnd()), Value: v}
	}
	return p.namedExpression()
}

// namedExpression is named_expression: NAME ':=' expression | expression.
func (p *exprParser) namedExpression() ast.Expr {
	if p.tok.Type == tName && p.peek2().Type == opWalrus {
		nt := p.next()
		p.next()
		target := &ast.Name{Span: span(tokStart(nt), tokEnd(nt)), Id: nt.Value}
		v := p.expression()
		return &ast.NamedExpr{Span: span(tokStart(nt), p.prevEnd()), Target: target, Value: v}
	}
	e := p.expression()
	switch p.tok.Type {
	case opWalrus:
		p.errNode(e, "cannot use assignment expressions with %s", exprName(e))
	case opAssign:
		p.invalidNamedAssign(e)
	}
	return e
}

// invalidNamedAssign reports `a = b` where a named expression was
// expected (CPython's invalid_named_expression), e.g. `if x = 1:`.
func (p *exprParser) invalidNamedAssign(a ast.Expr) {
	if t, ok := a.(*ast.Tuple); !p.grouped[a] && (!isBitwiseOrLevel(a) || ok && !t.Parens) {
		return
	}
	cp := p.lex.MakeCheckpoint()
	tok, prev := p.tok, p.prev
	p.next() // '='
	// bitwise_or !('='|':=')
	b := p.try(func() ast.Expr {
		b := p.bitwiseOr()
		if p.tok.Type == opAssign || p.tok.Type == opWalrus {
			p.unexpected()
		}
		return b
	})
	p.lex.LoadCheckpoint(cp)
	p.tok, p.prev = tok, prev
	if b == nil {
		return
	}
	if _, isName := a.(*ast.Name); isName {
		p.errRange(startOf(a), endOf(b), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	}
	switch x := a.(type) {
	case *ast.List, *ast.GeneratorExp:
		return
	case *ast.Tuple:
		if x.Parens {
			return
		}
	case *ast.Constant:
		if x.Kind == ast.ConstTrue || x.Kind == ast.ConstFalse || x.Kind == ast.ConstNone {
			return
		}
	}
	p.errNode(a, "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(a))
}

// isBitwiseOrLevel reports whether e could have been parsed by
// bitwise_or alone (no comparison, not, and/or, if-else, lambda).
func isBitwiseOrLevel(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Compare, *ast.BoolOp, *ast.IfExp, *ast.Lambda, *ast.NamedExpr, *ast.Starred, *ast.Yield, *ast.YieldFrom:
		return false
	case *ast.UnaryOp:
		return x.Op != ast.Not
	}
	return true
}

// expression is: disjunction ['if' disjunction 'else' expression] | lambdef.
func (p *exprParser) expression() ast.Expr {
	p.enter(1)
	defer func() { p.depth-- }()
	if p.tok.Type == kwLambda {
		return p.lambdef()
	}
	s := tokStart(p.tok)
	a := p.disjunction()
	if p.tok.Type != kwIf {
		return a
	}
	p.next()
	b := p.disjunction()
	if p.tok.Type != kwElse {
		if p.tok.Type != opColon && p.tok.Type != tBad {
			p.errRange(startOf(a), endOf(b), "expected 'else' after 'if' expression")
		}
		p.unexpected()
	}
	p.next()
	c := p.expression()
	return &ast.IfExp{Span: span(s, p.prevEnd()), Test: b, Body: a, OrElse: c}
}

func (p *exprParser) disjunction() ast.Expr {
	s := tokStart(p.tok)
	a := p.conjunction()
	if p.tok.Type == kwOr {
		vals := []ast.Expr{a}
		for p.tok.Type == kwOr {
			p.next()
			vals = append(vals, p.conjunction())
		}
		a = &ast.BoolOp{Span: span(s, p.prevEnd()), Op: ast.Or, Values: vals}
	}
	p.lastDisj, p.lastDisjEnd = a, p.prev
	return a
}

func (p *exprParser) conjunction() ast.Expr {
	s := tokStart(p.tok)
	a := p.inversion()
	if p.tok.Type == kwAnd {
		vals := []ast.Expr{a}
		for p.tok.Type == kwAnd {
			p.next()
			vals = append(vals, p.inversion())
		}
		a = &ast.BoolOp{Span: span(s, p.prevEnd()), Op: ast.And, Values: vals}
	}
	return a
}

func (p *exprParser) inversion() ast.Expr {
	if p.tok.Type == kwNot {
		p.enter(1)
		defer func() { p.depth-- }()
		t := p.next()
		v := p.inversion()
		return &ast.UnaryOp{Span: span(tokStart(t), p.prevEnd()), Op: ast.Not, Operand: v}
	}
	return p.comparison()
}

var cmpOps = [numTokTypes]ast.CmpOp{
	opEq: ast.Eq, opNe: ast.NotEq, opLt: ast.Lt, opLe: ast.LtE, opGt: ast.Gt,
	opGe: ast.GtE, kwIn: ast.In, kwIs: ast.Is,
}

func (p *exprParser) comparison() ast.Expr {
	s := tokStart(p.tok)
	a := p.bitwiseOr()
	var ops []ast.CmpOp
	var comps []ast.Expr
	for {
		var op ast.CmpOp
		switch p.tok.Type {
		case opEq, opNe, opLt, opLe, opGt, opGe, kwIn:
			op = cmpOps[p.tok.Type]
			p.next()
		case kwIs:
			p.next()
			op = ast.Is
			if p.tok.Type == kwNot {
				p.next()
				op = ast.IsNot
			}
		case kwNot:
			if p.peek2().Type != kwIn {
				goto done
			}
			p.next()
			p.next()
			op = ast.NotIn
		default:
			goto done
		}
		ops = append(ops, op)
		comps = append(comps, p.bitwiseOr())
	}
done:
	if ops == nil {
		return a
	}
	return &ast.Compare{Span: span(s, p.prevEnd()), Left: a, Ops: ops, Comparators: comps}
}

// Binary operator precedence, lowest first: | ^ & (<< >>) (+ -) (* / // % @).
var binPrec = [numTokTypes]int8{
	opPipe: 1, opCaret: 2, opAmp: 3, opLShift: 4, opRShift: 4, opPlus: 5, opMinus: 5,
	opStar: 6, opSlash: 6, opDSlash: 6, opPercent: 6, opAt: 6,
}

var binOps = [numTokTypes]ast.Operator{
	opPipe: ast.BitOr, opCaret: ast.BitXor, opAmp: ast.BitAnd, opLShift: ast.LShift,
	opRShift: ast.RShift, opPlus: ast.Add, opMinus: ast.Sub, opStar: ast.Mult,
	opSlash: ast.Div, opDSlash: ast.FloorDiv, opPercent: ast.Mod, opAt: ast.MatMult,
}

func (p *exprParser) bitwiseOr() ast.Expr { return p.binary(1) }

// binary parses left-associative binary operators of precedence >= min.
func (p *exprParser) binary(min int8) ast.Expr {
	s := tokStart(p.tok)
	left := p.factor()
	for {
		prec := binPrec[p.tok.Type]
		if prec == 0 || prec < min {
			return left
		}
		op := binOps[p.tok.Type]
		p.next()
		right := p.binary(prec + 1)
		left = &ast.BinOp{Span: span(s, p.prevEnd()), Left: left, Op: op, Right: right}
	}
}

// factor is: ('+' | '-' | '~') factor | power.
func (p *exprParser) factor() ast.Expr {
	var op ast.UnaryOperator
	switch p.tok.Type {
	case opPlus:
		op = ast.UAdd
	case opMinus:
		op = ast.USub
	case opTilde:
		op = ast.Invert
	default:
		return p.power()
	}
	p.enter(1)
	defer func() { p.depth-- }()
	t := p.next()
	v := p.factor()
	return &ast.UnaryOp{Span: span(tokStart(t), p.prevEnd()), Op: op, Operand: v}
}

// power is: await_primary ['**' factor]; ** binds tighter than a unary
// minus on its left but takes a unary minus on its right: -2**-1.
func (p *exprParser) power() ast.Expr {
	s := tokStart(p.tok)
	a := p.awaitPrimary()
	if p.tok.Type != opDStar {
		return a
	}
	p.enter(2)
	defer func() { p.depth -= 2 }()
	p.next()
	b := p.factor()
	return &ast.BinOp{Span: span(s, p.prevEnd()), Left: a, Op: ast.Pow, Right: b}
}

func (p *exprParser) awaitPrimary() ast.Expr {
	if p.tok.Type == kwAwait {
		t := p.next()
		v := p.primary()
		return &ast.Await{Span: span(tokStart(t), p.prevEnd()), Value: v}
	}
	return p.primary()
}

// primary is an atom followed by attribute, call and subscript trailers.
func (p *exprParser) primary() ast.Expr {
	s := tokStart(p.tok)
	e := p.atom()
	for {
		switch p.tok.Type {
		case opDot:
			p.next()
			if p.tok.Type != tName {
				p.unexpected()
			}
			n := p.next()
			e = &ast.Attribute{Span: span(s, tokEnd(n)), Value: e, Attr: n.Value}
		case opLParen:
			e = p.call(s, e)
		case opLBrack:
			p.next()
			idx := p.slices()
			p.expect(opRBrack)
			e = &ast.Subscript{Span: span(s, p.prevEnd()), Value: e, Index: idx}
		default:
			return e
		}
	}
}

// slices is: slice !',' | ','.(slice | starred_expression)+ [','].
func (p *exprParser) slices() ast.Expr {
	s := tokStart(p.tok)
	first := p.slice()
	if p.tok.Type != opComma {
		return first
	}
	elts := []ast.Expr{first}
	for p.tok.Type == opComma {
		p.next()
		if p.tok.Type == opRBrack {
			break
		}
		elts = append(elts, p.slice())
	}
	return &ast.Tuple{Span: span(s, p.prevEnd()), Elts: elts}
}

// slice is: [expression] ':' [expression] [':' [expression]] |
// named_expression | '*' expression.
func (p *exprParser) slice() ast.Expr {
	if p.tok.Type == opStar {
		s := p.next()
		v := p.expression()
		return &ast.Starred{Span: span(tokStart(s), p.prevEnd()), Value: v}
	}
	s := tokStart(p.tok)
	var lower, upper, step ast.Expr
	if p.tok.Type != opColon {
		if !startsExpr(p.tok.Type) {
			p.unexpected()
		}
		lower = p.namedExpression()
		if p.tok.Type != opColon {
			return lower
		}
	}
	p.next()
	if startsExpr(p.tok.Type) {
		upper = p.expression()
	}
	if p.tok.Type == opColon {
		p.next()
		if startsExpr(p.tok.Type) {
			step = p.expression()
		}
	}
	return &ast.Slice{Span: span(s, p.prevEnd()), Lower: lower, Upper: upper, Step: step}
}

// atom parses names, literals and bracketed displays.
func (p *exprParser) atom() ast.Expr {
	t := p.tok
	switch t.Type {
	case tName:
		p.next()
		return &ast.Name{Span: span(tokStart(t), tokEnd(t)), Id: t.Value}
	case tNumber:
		p.next()
		return p.numberConst(t)
	case tString:
		return p.strings()
	case kwNone, kwTrue, kwFalse, opEllipsis:
		p.next()
		k := ast.ConstNone
		switch t.Type {
		case kwTrue:
			k = ast.ConstTrue
		case kwFalse:
			k = ast.ConstFalse
		case opEllipsis:
			k = ast.ConstEllipsis
		}
		return &ast.Constant{Span: span(tokStart(t), tokEnd(t)), Kind: k}
	case opLParen:
		return p.parenAtom()
	case opLBrack:
		return p.listAtom()
	case opLBrace:
		return p.braceAtom()
	}
	p.unexpected()
	return nil
}

// yieldExpr is: 'yield' 'from' expression | 'yield' [star_expressions].
func (p *exprParser) yieldExpr() ast.Expr {
	y := p.next()
	if p.tok.Type == kwFrom {
		p.next()
		if !startsExpr(p.tok.Type) {
			p.unexpected()
		}
		v := p.expression()
		return &ast.YieldFrom{Span: span(tokStart(y), p.prevEnd()), Value: v}
	}
	if startsStarExpr(p.tok.Type) {
		v := p.starExpressions()
		return &ast.Yield{Span: span(tokStart(y), p.prevEnd()), Value: v}
	}
	return &ast.Yield{Span: span(tokStart(y), tokEnd(y))}
}
