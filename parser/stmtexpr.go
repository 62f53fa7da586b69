package parser

// This file parses expression statements and assignments (plain, chained,
// augmented and annotated) and the zero-width checks the grammar uses.
//
// Assignments are parsed here rather than in the participle grammar so
// that invalid targets are reported as soon as the parser reaches them,
// as CPython does: a grammar that accepts any expression and lets the
// lowering check targets would report a later syntax error first.

import (
	"github.com/aio-lang/aio/ast"
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

var augOps = [numTokTypes]ast.Operator{
	opPlusEq: ast.Add, opMinusEq: ast.Sub, opStarEq: ast.Mult, opSlashEq: ast.Div,
	opDSlashEq: ast.FloorDiv, opPercentEq: ast.Mod, opDStarEq: ast.Pow, opAtEq: ast.MatMult,
	opAmpEq: ast.BitAnd, opPipeEq: ast.BitOr, opCaretEq: ast.BitXor,
	opLShiftEq: ast.LShift, opRShiftEq: ast.RShift,
}

func isAugOp(t lexer.TokenType) bool { return t >= opPlusEq && t <= opRShiftEq }

func parseExprStmt(lex *lexer.PeekingLexer) (xExprStmt, error) {
	p := newExprParser(lex)
	if isSoftKeyword(p.tok, "match") && p.isMatchStmt() {
		return nil, participle.NextMatch
	}
	s := tokStart(p.tok)
	var head ast.Expr
	switch {
	case p.tok.Type == kwYield:
		head = p.yieldExpr()
	case startsStarExpr(p.tok.Type):
		head = p.starExpressions()
	default:
		return nil, participle.NextMatch
	}
	switch {
	case isAugOp(p.tok.Type):
		op := augOps[p.tok.Type]
		p.next()
		v := p.rhs()
		switch head.(type) {
		case *ast.Name, *ast.Attribute, *ast.Subscript:
		default:
			p.errNode(head, "'%s' is an illegal expression for augmented assignment", exprName(head))
		}
		p.finish()
		return &ast.AugAssign{Span: span(s, p.prevEnd()), Target: head, Op: op, Value: v}, nil
	case p.tok.Type == opColon:
		p.next()
		if !startsExpr(p.tok.Type) {
			p.unexpected()
		}
		ann := p.expression()
		p.checkAnnTarget(head)
		st := &ast.AnnAssign{Span: span(s, p.prevEnd()), Target: head, Annotation: ann}
		if p.tok.Type == opAssign {
			p.next()
			st.Value = p.rhs()
			st.Span.End = p.prevEnd()
		}
		p.finish()
		return st, nil
	case p.tok.Type == opAssign:
		first := assignPoint{p.lex.MakeCheckpoint(), p.tok, p.prev}
		targets := []ast.Expr{head}
		for p.tok.Type == opAssign {
			p.checkAssignTarget(targets[len(targets)-1], head, first)
			p.next()
			targets = append(targets, p.rhs())
		}
		v := targets[len(targets)-1]
		p.finish()
		return &ast.Assign{Span: span(s, p.prevEnd()), Targets: targets[:len(targets)-1], Value: v}, nil
	}
	p.finish()
	return &ast.ExprStmt{Span: span(s, p.prevEnd()), Value: head}, nil
}

// rhs is annotated_rhs: yield_expr | star_expressions.
func (p *exprParser) rhs() ast.Expr {
	if p.tok.Type == kwYield {
		return p.yieldExpr()
	}
	if !startsStarExpr(p.tok.Type) {
		p.unexpected()
	}
	return p.starExpressions()
}

// assignPoint is the parser position at the first '=' of an assignment.
type assignPoint struct {
	cp        lexer.Checkpoint
	tok, prev *lexer.Token
}

// checkAssignTarget checks target t, which is followed by '='. head is
// the first target and first the position of the '=' after it.
func (p *exprParser) checkAssignTarget(t, head ast.Expr, first assignPoint) {
	_, isYield := t.(*ast.Yield)
	_, isYieldFrom := t.(*ast.YieldFrom)
	bad := invalidTarget(t, starTargets)
	if bad == nil && !isYield && !isYieldFrom {
		return
	}
	// The statement is invalid. CPython's second pass meets
	// invalid_named_expression first, on the last element of the first
	// target: "f() = 1" gets "... here. Maybe you meant '==' instead of
	// '='?", and even "x = 1, 2 = y" blames "x = 1".
	last := head
	if tup, ok := head.(*ast.Tuple); ok && !tup.Parens && len(tup.Elts) > 0 {
		last = tup.Elts[len(tup.Elts)-1]
	}
	if _, starred := last.(*ast.Starred); !starred {
		save := assignPoint{p.lex.MakeCheckpoint(), p.tok, p.prev}
		p.lex.LoadCheckpoint(first.cp)
		p.tok, p.prev = first.tok, first.prev
		p.invalidNamedAssign(last)
		p.lex.LoadCheckpoint(save.cp)
		p.tok, p.prev = save.tok, save.prev
	}
	if isYield || isYieldFrom {
		p.errNode(t, "assignment to yield expression not possible")
	}
	p.errNode(bad, "cannot assign to %s", exprName(bad))
}

// checkAnnTarget checks the target of an annotated assignment.
func (p *exprParser) checkAnnTarget(t ast.Expr) {
	switch x := t.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return
	case *ast.Tuple:
		if x.Parens || len(x.Elts) == 0 {
			p.errNode(x, "only single target (not tuple) can be annotated")
		}
		p.errNode(x.Elts[0], "only single target (not tuple) can be annotated")
	case *ast.List:
		p.errNode(x, "only single target (not list) can be annotated")
	}
	p.errNode(t, "illegal target for annotation")
}

// checkOK is the value of the zero-width checks.
type checkOK struct{ ast.Span }

// parseTryCheck requires an except or finally clause after a try block.
func parseTryCheck(lex *lexer.PeekingLexer) (xTryCheck, error) {
	t := lex.Peek()
	if t.Type != kwExcept && t.Type != kwFinally {
		newExprParser(lex).errToken(t, "expected 'except' or 'finally' block")
	}
	return &checkOK{}, nil
}

// parseSemiCheck follows a ';' (or a ',' in parenthesized import
// names): another separator right after it is an error.
func parseSemiCheck(lex *lexer.PeekingLexer) (xSemiCheck, error) {
	t := lex.Peek()
	if t.Type == opSemi || t.Type == opComma {
		newExprParser(lex).errToken(t, "invalid syntax")
	}
	return &checkOK{}, nil
}
