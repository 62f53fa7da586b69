package parser

// This file parses call arguments, lambda expressions and parameter
// lists. Def statements use the same parameter parser (through
// ParseTypeWith), so lambdas and defs report CPython's messages alike.

import (
	"github.com/aio-lang/aio/ast"
	"github.com/alecthomas/participle/v2/lexer"
)

// call parses "(arguments)" after fn.
func (p *exprParser) call(s ast.Pos, fn ast.Expr) ast.Expr {
	open := p.next()
	args, kws := p.arguments(open)
	p.expect(opRParen)
	c := &ast.Call{Span: span(s, p.prevEnd()), Func: fn, Args: args, Keywords: kws}
	if len(args) == 1 {
		// A lone generator argument spans the call's parentheses, as in
		// CPython.
		if g, ok := args[0].(*ast.GeneratorExp); ok && startOf(g) == startOf(g.Elt) && len(kws) == 0 {
			g.Span = span(tokStart(open), p.prevEnd())
		}
	}
	return c
}

// arguments parses call arguments up to (not including) the closing
// parenthesis, with CPython's checks on their order.
func (p *exprParser) arguments(open *lexer.Token) ([]ast.Expr, []*ast.Keyword) {
	var args []ast.Expr
	var kws []*ast.Keyword
	var seenKw map[string]bool // the keyword names, once there are many (a scan would be quadratic)
	sawKw, sawKwUnpack := false, false
	var genexp *ast.GeneratorExp // an unparenthesized generator argument
	n := 0
	for p.tok.Type != opRParen {
		if n > 0 {
			if p.tok.Type != opComma {
				p.unexpected()
			}
			p.next()
			if p.tok.Type == opRParen {
				break
			}
		}
		n++
		t := p.tok
		switch {
		case t.Type == opStar:
			p.next()
			v := p.expression()
			if sawKwUnpack {
				p.errRange(tokStart(t), tokEnd(t), "iterable argument unpacking follows keyword argument unpacking")
			}
			args = append(args, &ast.Starred{Span: span(tokStart(t), p.prevEnd()), Value: v})
		case t.Type == opDStar:
			p.next()
			v := p.expression()
			kws = append(kws, &ast.Keyword{Span: span(tokStart(t), p.prevEnd()), Value: v})
			sawKwUnpack = true
		case t.Type == tName && p.peek2().Type == opAssign:
			p.next()
			eq := p.next()
			if !startsExpr(p.tok.Type) {
				p.unexpected()
			}
			v := p.expression()
			if p.isCompFor() {
				p.errRange(tokStart(t), tokEnd(eq), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
			}
			if seenKw == nil && len(kws) >= 16 {
				seenKw = make(map[string]bool, 2*len(kws))
				for _, k := range kws {
					seenKw[k.Arg] = true
				}
			}
			repeated := seenKw[t.Value]
			for i := 0; seenKw == nil && i < len(kws); i++ {
				repeated = repeated || kws[i].Arg == t.Value
			}
			if repeated {
				p.errRange(tokStart(t), endOf(v), "keyword argument repeated: %s", t.Value)
			}
			if seenKw != nil {
				seenKw[t.Value] = true
			}
			kws = append(kws, &ast.Keyword{Span: span(tokStart(t), p.prevEnd()), Arg: t.Value, Value: v})
			sawKw = true
		case (t.Type == kwTrue || t.Type == kwFalse || t.Type == kwNone) && p.peek2().Type == opAssign:
			p.next()
			eq := p.next()
			p.errRange(tokStart(t), tokEnd(eq), "cannot assign to %s", t.Value)
		default:
			var e ast.Expr
			s := tokStart(t)
			if t.Type == tName && p.peek2().Type == opWalrus {
				e = p.namedExpression()
			} else {
				if !startsExpr(t.Type) {
					p.unexpected()
				}
				e = p.expression()
				switch p.tok.Type {
				case opAssign:
					p.errRange(startOf(e), tokEnd(p.tok), "expression cannot contain assignment, perhaps you meant \"==\"?")
				case opWalrus:
					p.errNode(e, "cannot use assignment expressions with %s", exprName(e))
				}
			}
			if p.isCompFor() {
				gens := p.forIfClauses()
				g := &ast.GeneratorExp{Span: span(s, p.prevEnd()), Elt: e, Generators: gens}
				if n > 1 || p.tok.Type != opRParen {
					p.genexpNotAlone(g)
				}
				genexp = g
				e = g
			} else if genexp != nil {
				p.genexpNotAlone(genexp)
			}
			if sawKw || sawKwUnpack {
				msg := "positional argument follows keyword argument"
				if sawKwUnpack {
					msg += " unpacking"
				}
				p.errToken(p.tok, msg)
			}
			args = append(args, e)
		}
	}
	return args, kws
}

// genexpNotAlone reports a generator expression that is not the sole
// argument of a call.
func (p *exprParser) genexpNotAlone(g *ast.GeneratorExp) {
	last := g.Generators[len(g.Generators)-1]
	end := endOf(last.Iter)
	if len(last.Ifs) > 0 {
		end = endOf(last.Ifs[len(last.Ifs)-1])
	}
	p.errRange(startOf(g.Elt), end, "Generator expression must be parenthesized")
}

// lambdef parses "lambda [params]: expression".
func (p *exprParser) lambdef() ast.Expr {
	p.enter(1) // with expression's level, a lambda costs two
	defer func() { p.depth-- }()
	lt := p.next()
	args := p.params(opColon, true)
	p.expect(opColon)
	if !startsExpr(p.tok.Type) {
		p.unexpected()
	}
	body := p.expression()
	return &ast.Lambda{Span: span(tokStart(lt), p.prevEnd()), Args: args, Body: body}
}

// params parses a parameter list up to (not including) closer: ')' for
// def, ':' for lambda, which takes no annotations. The messages are
// CPython 3.11's invalid_parameters family.
func (p *exprParser) params(closer lexer.TokenType, lambda bool) *ast.Arguments {
	a := &ast.Arguments{}
	var pos []*ast.Arg
	var posDefaults []ast.Expr
	sawSlash, sawStar, sawKwarg, sawDefault := false, false, false, false
	first := true
	if p.tok.Type != closer {
		a.Span.Start = tokStart(p.tok)
	}
	for p.tok.Type != closer {
		if !first {
			if p.tok.Type != opComma {
				p.unexpected()
			}
			p.next()
			if p.tok.Type == closer {
				break
			}
		}
		first = false
		t := p.tok
		switch t.Type {
		case opSlash:
			switch {
			case sawSlash:
				p.errRange(tokStart(t), tokEnd(t), "/ may appear only once")
			case sawStar || sawKwarg:
				p.errRange(tokStart(t), tokEnd(t), "/ must be ahead of *")
			case len(pos) == 0:
				p.errRange(tokStart(t), tokEnd(t), "at least one argument must precede /")
			}
			p.next()
			sawSlash = true
			a.PosOnly, pos = pos, nil
		case opStar:
			if sawKwarg {
				p.errRange(tokStart(t), tokEnd(t), "arguments cannot follow var-keyword argument")
			}
			if sawStar {
				p.errRange(tokStart(t), tokEnd(t), "* argument may appear only once")
			}
			p.next()
			sawStar = true
			if p.tok.Type == tName {
				a.Vararg = p.param(lambda, true)
				if p.tok.Type == opAssign {
					p.errRange(tokStart(p.tok), tokEnd(p.tok), "var-positional argument cannot have default value")
				}
				break
			}
			if p.tok.Type == closer || p.tok.Type == opComma && (p.peek2().Type == closer || p.peek2().Type == opDStar) {
				if lambda {
					p.errToken(p.tok, "named arguments must follow bare *")
				}
				p.errRange(tokStart(t), tokEnd(t), "named arguments must follow bare *")
			}
		case opDStar:
			if sawKwarg {
				p.errRange(tokStart(t), tokEnd(t), "arguments cannot follow var-keyword argument")
			}
			p.next()
			if p.tok.Type != tName {
				p.unexpected()
			}
			a.Kwarg = p.param(lambda, false)
			if p.tok.Type == opAssign {
				p.errRange(tokStart(p.tok), tokEnd(p.tok), "var-keyword argument cannot have default value")
			}
			sawKwarg = true
		case tName:
			arg := p.param(lambda, false)
			if sawKwarg {
				p.errNode(arg, "arguments cannot follow var-keyword argument")
			}
			var def ast.Expr
			if p.tok.Type == opAssign {
				eq := p.next()
				if !lambda && (p.tok.Type == opRParen || p.tok.Type == opComma) {
					p.errRange(tokStart(eq), tokEnd(eq), "expected default value expression")
				}
				if !startsExpr(p.tok.Type) {
					p.unexpected()
				}
				def = p.expression()
			}
			if sawStar {
				a.KwOnly = append(a.KwOnly, arg)
				a.KwDefaults = append(a.KwDefaults, def)
				break
			}
			if def != nil {
				sawDefault = true
				posDefaults = append(posDefaults, def)
			} else if sawDefault {
				p.errNode(arg, "non-default argument follows default argument")
			}
			pos = append(pos, arg)
		case opLParen:
			if !lambda {
				// def f((a)): CPython names the mistake.
				cp := p.lex.MakeCheckpoint()
				tok, prev := p.tok, p.prev
				p.next()
				for p.tok.Type == tName || p.tok.Type == opComma {
					p.next()
				}
				if p.tok.Type == opRParen {
					p.errRange(tokStart(t), tokEnd(p.tok), "Function parameters cannot be parenthesized")
				}
				p.lex.LoadCheckpoint(cp)
				p.tok, p.prev = tok, prev
			}
			p.unexpected()
		default:
			p.unexpected()
		}
	}
	a.Args = pos
	a.Defaults = posDefaults
	if a.Span.Start.Line > 0 {
		a.Span.End = p.prevEnd()
	}
	p.checkDuplicateArgs(a)
	return a
}

// param parses NAME [':' expression] (no annotation in a lambda).
func (p *exprParser) param(lambda, star bool) *ast.Arg {
	t := p.next()
	arg := &ast.Arg{Span: span(tokStart(t), tokEnd(t)), Name: t.Value}
	if !lambda && p.tok.Type == opColon {
		p.next()
		var ann ast.Expr
		if star && p.tok.Type == opStar {
			ann = p.starExpression()
		} else {
			if !startsExpr(p.tok.Type) {
				p.unexpected()
			}
			ann = p.expression()
		}
		arg.Annotation = ann
		arg.Span.End = p.prevEnd()
	}
	return arg
}

// checkDuplicateArgs reports a parameter name used twice. CPython finds
// this in its symbol table; aio finds it here, with the same message and
// location.
func (p *exprParser) checkDuplicateArgs(a *ast.Arguments) {
	var all []*ast.Arg
	all = append(all, a.PosOnly...)
	all = append(all, a.Args...)
	all = append(all, a.KwOnly...) // CPython's symbol table order
	if a.Vararg != nil {
		all = append(all, a.Vararg)
	}
	if a.Kwarg != nil {
		all = append(all, a.Kwarg)
	}
	for i := 1; i < len(all); i++ {
		for j := 0; j < i; j++ {
			if all[i].Name == all[j].Name {
				p.errNode(all[i], "duplicate argument '%s' in function definition", all[i].Name)
			}
		}
	}
}
