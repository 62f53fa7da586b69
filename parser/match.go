package parser

// This file parses the match statement (PEP 634). `match` and `case` are
// soft keywords: a line starting with the name `match` is a match
// statement only when a subject expression and ':' follow, so
// parseExprStmt asks isMatchStmt first and leaves such lines to gMatch.
// Patterns are parsed by hand, following CPython's grammar rules
// (closed_pattern, open_sequence_pattern, ...) and raising its
// SyntaxErrors with its locations. The checks CPython makes in its
// compiler (unreachable patterns, repeated names) are in the interp
// package's pattern compiler.

import (
	"strings"

	"github.com/aio-lang/aio/ast"
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// gMatch is `match subject:` and an indented block of case clauses.
type gMatch struct {
	Head  xMatchHead `parser:"@@ ':'"`
	Cases []*gCase   `parser:"NEWLINE INDENT @@+ DEDENT"`
}

// gCase is `case patterns [if guard]:` and its block.
type gCase struct {
	Head xCaseHead `parser:"@@ ':'"`
	Body *gBlock   `parser:"@@"`
}

type (
	xMatchHead interface{ ast.Node } // *matchHead
	xCaseHead  interface{ ast.Node } // *caseHead
)

// matchHead is the keyword and subject of a match statement.
type matchHead struct {
	ast.Span
	Subject ast.Expr
}

// caseHead is a case clause's pattern and guard.
type caseHead struct {
	ast.Span
	Pattern ast.Pattern
	Guard   ast.Expr
}

func isSoftKeyword(t *lexer.Token, word string) bool {
	return t.Type == tName && t.Value == word
}

// isMatchStmt reports whether the statement at the current token, a name
// `match`, is a match statement: the name, a subject, ':' and the end of
// the line. It restores the position. A line that is neither a match
// statement nor an expression statement gets CPython's error: "expected
// ':'" when the subject ends the line, "invalid syntax" at what follows
// the ':' or at the ':' after a lone starred subject.
func (p *exprParser) isMatchStmt() bool {
	var end ast.Pos
	var after lexer.TokenType
	var lone *lexer.Token // the ':' after a lone starred subject
	if p.peek2().Type == opStar {
		p.try(func() ast.Expr {
			p.next()
			e := p.starNamedExpression()
			if p.tok.Type == opColon {
				lone = p.tok
			}
			return e
		})
	}
	var afterColon *lexer.Token // what follows the subject's ':'
	p.try(func() ast.Expr {
		p.next()
		e := p.matchSubject()
		end, after = p.prevEnd(), p.tok.Type
		if after == opColon {
			afterColon = p.peek2()
		}
		return e
	})
	switch {
	case after == opColon && afterColon.Type == tNewline:
		return true
	case after == opColon:
		// "match x: stmt" is no match statement, but may be an
		// annotated assignment such as "match[x]: int = 3".
		if !p.validExprStmt() {
			p.errToken(afterColon, "invalid syntax")
		}
	case after == tNewline || lone != nil:
		if !p.validExprStmt() {
			if lone != nil {
				p.errToken(lone, "invalid syntax")
			}
			p.errRange(end, end, "expected ':'")
		}
	}
	return false
}

// validExprStmt reports whether the line parses as an expression
// statement, an assignment or an annotated one; it restores the position.
func (p *exprParser) validExprStmt() bool {
	return p.try(func() ast.Expr {
		e := p.starExpressions()
		if p.tok.Type == opColon {
			p.next()
			if !startsExpr(p.tok.Type) {
				p.unexpected()
			}
			p.expression()
		}
		p.finish()
		if p.tok.Type != tNewline && p.tok.Type != opSemi && !isAugOp(p.tok.Type) && p.tok.Type != opAssign {
			p.unexpected()
		}
		return e
	}) != nil
}

// matchSubject is subject_expr: a star_named_expression followed by a
// comma and more (a tuple), or a named_expression.
func (p *exprParser) matchSubject() ast.Expr {
	s := tokStart(p.tok)
	first := p.starNamedExpression()
	if p.tok.Type != opComma {
		if _, ok := first.(*ast.Starred); ok {
			p.unexpected()
		}
		return first
	}
	elts := []ast.Expr{first}
	for p.tok.Type == opComma {
		p.next()
		if !startsStarExpr(p.tok.Type) {
			break
		}
		elts = append(elts, p.starNamedExpression())
	}
	return &ast.Tuple{Span: span(s, p.prevEnd()), Elts: elts}
}

func parseMatchHead(lex *lexer.PeekingLexer) (xMatchHead, error) {
	p := newExprParser(lex)
	if !isSoftKeyword(p.tok, "match") {
		return nil, participle.NextMatch
	}
	kw := p.next()
	subj := p.matchSubject()
	p.finish()
	return &matchHead{Span: span(tokStart(kw), p.prevEnd()), Subject: subj}, nil
}

func parseCaseHead(lex *lexer.PeekingLexer) (xCaseHead, error) {
	p := newExprParser(lex)
	if p.tok.Type == tDedent {
		return nil, participle.NextMatch
	}
	if !isSoftKeyword(p.tok, "case") {
		p.unexpected()
	}
	kw := p.next()
	h := &caseHead{Pattern: p.patterns()}
	if p.tok.Type == kwIf {
		p.next()
		if !startsExpr(p.tok.Type) {
			p.unexpected()
		}
		h.Guard = p.namedExpression()
	}
	if p.tok.Type != opColon && p.tok.Type != tNewline {
		p.unexpected()
	}
	h.Span = span(tokStart(kw), p.prevEnd())
	return h, nil
}

// patterns is: open_sequence_pattern | pattern.
func (p *exprParser) patterns() ast.Pattern {
	s := tokStart(p.tok)
	first := p.maybeStarPattern()
	if p.tok.Type != opComma {
		if _, ok := first.(*ast.MatchStar); ok {
			p.unexpected()
		}
		return first
	}
	list := p.sequenceRest(first, tNewline)
	return &ast.MatchSequence{Span: span(s, p.prevEnd()), Patterns: list}
}

// sequenceRest parses the ", p, p [,]" after the first item of a
// sequence pattern, up to (not including) the closing token.
func (p *exprParser) sequenceRest(first ast.Pattern, closer lexer.TokenType) []ast.Pattern {
	list := []ast.Pattern{first}
	for p.tok.Type == opComma {
		p.next()
		if p.tok.Type == closer || closer == tNewline && (p.tok.Type == opColon || p.tok.Type == kwIf) {
			break
		}
		list = append(list, p.maybeStarPattern())
	}
	return list
}

// maybeStarPattern is: star_pattern | pattern.
func (p *exprParser) maybeStarPattern() ast.Pattern {
	if p.tok.Type != opStar {
		return p.pattern()
	}
	star := p.next()
	if p.tok.Type != tName {
		p.unexpected()
	}
	n := p.next()
	name := n.Value
	if name == "_" {
		name = ""
	} else {
		p.noTrailer()
	}
	return &ast.MatchStar{Span: span(tokStart(star), tokEnd(n)), Name: name}
}

// noTrailer is CPython's !('.' | '(' | '=') after a capture name.
func (p *exprParser) noTrailer() {
	switch p.tok.Type {
	case opDot, opLParen, opAssign:
		p.unexpected()
	}
}

// pattern is: or_pattern ['as' NAME].
func (p *exprParser) pattern() ast.Pattern {
	p.enter(1)
	defer func() { p.depth-- }()
	s := tokStart(p.tok)
	pat := p.orPattern()
	if p.tok.Type != kwAs {
		return pat
	}
	p.next()
	t := p.tok
	switch {
	case t.Type == tName && t.Value == "_":
		p.errToken(t, "cannot use '_' as a target")
	case t.Type == tName:
		p.next()
		p.noTrailer()
		return &ast.MatchAs{Span: span(s, tokEnd(t)), Pattern: pat, Name: t.Value}
	case startsExpr(t.Type):
		if e := p.try(p.expressionNoInvalid); e != nil {
			p.errNode(e, "invalid pattern target")
		}
	}
	p.unexpected()
	return nil
}

// orPattern is: closed_pattern ('|' closed_pattern)*.
func (p *exprParser) orPattern() ast.Pattern {
	s := tokStart(p.tok)
	first := p.closedPattern()
	if p.tok.Type != opPipe {
		return first
	}
	alts := []ast.Pattern{first}
	for p.tok.Type == opPipe {
		p.next()
		alts = append(alts, p.closedPattern())
	}
	return &ast.MatchOr{Span: span(s, p.prevEnd()), Patterns: alts}
}

// closedPattern is one of the pattern kinds that needs no operator.
func (p *exprParser) closedPattern() ast.Pattern {
	t := p.tok
	s := tokStart(t)
	switch t.Type {
	case tNumber, opMinus:
		v := p.numberPattern()
		return &ast.MatchValue{Span: span(s, p.prevEnd()), Value: v}
	case tString:
		v := p.strings()
		if _, ok := v.(*ast.JoinedStr); ok {
			p.errNode(v, "patterns may only match literals and attribute lookups")
		}
		return &ast.MatchValue{Span: v.NodeSpan(), Value: v}
	case kwNone, kwTrue, kwFalse:
		c := p.atom().(*ast.Constant)
		return &ast.MatchSingleton{Span: c.Span, Value: c}
	case tName:
		return p.namePattern()
	case opLParen:
		return p.parenPattern()
	case opLBrack:
		p.next()
		var list []ast.Pattern
		if p.tok.Type != opRBrack {
			list = p.sequenceRest(p.maybeStarPattern(), opRBrack)
		}
		p.expect(opRBrack)
		return &ast.MatchSequence{Span: span(s, p.prevEnd()), Patterns: list}
	case opLBrace:
		return p.mappingPattern()
	}
	p.unexpected()
	return nil
}

// numberPattern is signed_number, or a complex literal
// signed_real ('+' | '-') imaginary.
func (p *exprParser) numberPattern() ast.Expr {
	s := tokStart(p.tok)
	neg := p.tok.Type == opMinus
	if neg {
		p.next()
	}
	if p.tok.Type != tNumber {
		p.unexpected()
	}
	t := p.tok
	p.next()
	var v ast.Expr = p.numberConst(t)
	if neg {
		v = &ast.UnaryOp{Span: span(s, p.prevEnd()), Op: ast.USub, Operand: v}
	}
	if p.tok.Type != opPlus && p.tok.Type != opMinus {
		return v
	}
	if isImaginary(t) {
		p.errNode(v, "real number required in complex literal")
	}
	op := ast.Add
	if p.tok.Type == opMinus {
		op = ast.Sub
	}
	p.next()
	if p.tok.Type != tNumber {
		p.unexpected()
	}
	it := p.tok
	if !isImaginary(it) {
		p.errToken(it, "imaginary number required in complex literal")
	}
	p.next()
	return &ast.BinOp{Span: span(s, p.prevEnd()), Left: v, Op: op, Right: p.numberConst(it)}
}

func isImaginary(t *lexer.Token) bool {
	return strings.HasSuffix(t.Value, "j") || strings.HasSuffix(t.Value, "J")
}

// namePattern is a capture, the wildcard, a value pattern (a dotted
// name) or a class pattern.
func (p *exprParser) namePattern() ast.Pattern {
	t := p.next()
	s := tokStart(t)
	var e ast.Expr = &ast.Name{Span: span(s, tokEnd(t)), Id: t.Value}
	for p.tok.Type == opDot {
		p.next()
		if p.tok.Type != tName {
			p.unexpected()
		}
		n := p.next()
		e = &ast.Attribute{Span: span(s, tokEnd(n)), Value: e, Attr: n.Value}
	}
	if p.tok.Type == opLParen {
		return p.classPattern(e)
	}
	if _, dotted := e.(*ast.Attribute); dotted {
		return &ast.MatchValue{Span: e.NodeSpan(), Value: e}
	}
	if p.tok.Type == opAssign {
		p.unexpected()
	}
	if t.Value == "_" {
		return &ast.MatchAs{Span: e.NodeSpan()}
	}
	return &ast.MatchAs{Span: e.NodeSpan(), Name: t.Value}
}

// parenPattern is a group pattern `(p)` or a sequence pattern `(p, ...)`.
func (p *exprParser) parenPattern() ast.Pattern {
	open := p.next()
	s := tokStart(open)
	if p.tok.Type == opRParen {
		p.next()
		return &ast.MatchSequence{Span: span(s, p.prevEnd())}
	}
	first := p.maybeStarPattern()
	if p.tok.Type == opComma {
		list := p.sequenceRest(first, opRParen)
		p.expect(opRParen)
		return &ast.MatchSequence{Span: span(s, p.prevEnd()), Patterns: list}
	}
	if _, ok := first.(*ast.MatchStar); ok {
		p.unexpected()
	}
	p.expect(opRParen)
	return first
}

// mappingPattern is `{key: p, ..., **rest}`.
func (p *exprParser) mappingPattern() ast.Pattern {
	open := p.next()
	m := &ast.MatchMapping{}
	for p.tok.Type != opRBrace {
		if p.tok.Type == opDStar {
			p.next()
			if p.tok.Type != tName || p.tok.Value == "_" {
				p.unexpected()
			}
			m.Rest = p.next().Value
			p.noTrailer()
			if p.tok.Type == opComma {
				p.next()
			}
			break
		}
		m.Keys = append(m.Keys, p.mappingKey())
		p.expect(opColon)
		m.Patterns = append(m.Patterns, p.pattern())
		if p.tok.Type != opComma {
			break
		}
		p.next()
	}
	p.expect(opRBrace)
	m.Span = span(tokStart(open), p.prevEnd())
	return m
}

// mappingKey is a literal (number, string, None, True, False) or a
// dotted name.
func (p *exprParser) mappingKey() ast.Expr {
	switch p.tok.Type {
	case tNumber, opMinus:
		return p.numberPattern()
	case tString:
		v := p.strings()
		if _, ok := v.(*ast.JoinedStr); ok {
			p.errNode(v, "patterns may only match literals and attribute lookups")
		}
		return v
	case kwNone, kwTrue, kwFalse:
		return p.atom()
	case tName:
		t := p.next()
		s := tokStart(t)
		var e ast.Expr = &ast.Name{Span: span(s, tokEnd(t)), Id: t.Value}
		if p.tok.Type != opDot {
			p.unexpected()
		}
		for p.tok.Type == opDot {
			p.next()
			if p.tok.Type != tName {
				p.unexpected()
			}
			n := p.next()
			e = &ast.Attribute{Span: span(s, tokEnd(n)), Value: e, Attr: n.Value}
		}
		return e
	}
	p.unexpected()
	return nil
}

// classPattern is `Cls(p, ..., name=p, ...)`; the current token is '('.
func (p *exprParser) classPattern(cls ast.Expr) ast.Pattern {
	p.next()
	c := &ast.MatchClass{Cls: cls}
	// After a keyword pattern, positional ones are an error covering the
	// run of positional patterns that follows.
	var strayStart, strayEnd ast.Pos
	for p.tok.Type != opRParen {
		if p.tok.Type == tName && p.peek2().Type == opAssign {
			if strayStart.IsValid() {
				p.errRange(strayStart, strayEnd, "positional patterns follow keyword patterns")
			}
			n := p.next()
			p.next()
			c.KwdAttrs = append(c.KwdAttrs, n.Value)
			c.KwdPatterns = append(c.KwdPatterns, p.pattern())
		} else {
			pat := p.pattern()
			if len(c.KwdAttrs) > 0 {
				if !strayStart.IsValid() {
					strayStart = startOf(pat)
				}
				strayEnd = endOf(pat)
			}
			c.Patterns = append(c.Patterns, pat)
		}
		if p.tok.Type != opComma {
			break
		}
		p.next()
	}
	if p.tok.Type == opRParen && strayStart.IsValid() {
		p.errRange(strayStart, strayEnd, "positional patterns follow keyword patterns")
	}
	p.expect(opRParen)
	c.Span = span(startOf(cls), p.prevEnd())
	return c
}

// lowerMatch builds the ast of a match statement.
func lowerMatch(g *gMatch) ast.Stmt {
	h := g.Head.(*matchHead)
	n := &ast.Match{Subject: h.Subject}
	n.Start = h.Start
	for _, gc := range g.Cases {
		ch := gc.Head.(*caseHead)
		mc := &ast.MatchCase{Pattern: ch.Pattern, Guard: ch.Guard, Body: lowerBlock(gc.Body)}
		mc.Start, mc.End = ch.Start, lastEnd(mc.Body)
		n.Cases = append(n.Cases, mc)
		n.End = mc.End
	}
	return n
}
