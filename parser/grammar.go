package parser

// This file is the participle grammar for modules, statements and blocks.
// Expression slots are interface types parsed by the hand-written
// expression parser through participle.ParseTypeWith (see the x* types
// and their parse functions below); lower.go turns the grammar tree into
// ast nodes.
//
// Two departures from the participle study, both for CPython's error
// locations:
//   - The parser runs with UseLookahead(0). Every alternative here starts
//     with its own token, so a branch that fails after consuming a token
//     is a syntax error at the failing token. With lookahead 1 participle
//     backtracks over one token and reports the error at the start of
//     the statement ("return yield" blamed "return"). The few places that
//     needed one token of backtracking (a trailing ';' or ',') use an
//     optional item plus a zero-width check instead.
//   - Semantic checks (assignment targets, parameter order, ...) happen
//     while parsing, in the expression parser, not in the lowering: CPython
//     reports the first error in the file, while a check run after the
//     whole file parsed would lose to any plain syntax error further on.
// No alternative can match nothing (participle panics on those).

import (
	"math"
	"sync"
	"time"

	"github.com/aio-lang/aio/ast"
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

type gModule struct {
	Stmts []*gStmt `parser:"@@*"`
}

// gStmt is one statement. A line of expression statements and
// assignments, by far the most common kind, comes first and is matched
// directly rather than through gSimpleLine and gSmall: each participle
// alternative tried costs allocations.
type gStmt struct {
	Expr      xExprStmt    `parser:"  @@ ( ';'"`
	ExprCheck xSemiCheck   `parser:"    @@"`
	ExprMore  []*gSmall    `parser:"    @@? )* NEWLINE"`
	Simple    *gSimpleLine `parser:"| @@"`
	If        *gIf         `parser:"| @@"`
	For       *gFor        `parser:"| @@"`
	Def       *gDef        `parser:"| @@"`
	While     *gWhile      `parser:"| @@"`
	Try       *gTry        `parser:"| @@"`
	With      *gWith       `parser:"| @@"`
	Class     *gClass      `parser:"| @@"`
	Decorated *gDecorated  `parser:"| @@"`
	Async     *gAsync      `parser:"| @@"`
	Match     *gMatch      `parser:"| @@"`
}

// gSimpleLine is simple statements separated by semicolons, with an
// optional trailing semicolon. The parser runs without lookahead (see
// buildParser), so the trailing semicolon is an optional statement
// after ';' and a zero-width check rejects ";;".
type gSimpleLine struct {
	Stmts []*gSmall  `parser:"@@ ( ';'"`
	Check xSemiCheck `parser:"  @@"`
	More  []*gSmall  `parser:"  @@? )* NEWLINE"`
}

type gSmall struct {
	Return   *gReturn     `parser:"  @@"`
	Pass     *lexer.Token `parser:"| @'pass'"`
	Import   *gImport     `parser:"| @@"`
	From     *gFrom       `parser:"| @@"`
	Raise    *gRaise      `parser:"| @@"`
	Break    *lexer.Token `parser:"| @'break'"`
	Continue *lexer.Token `parser:"| @'continue'"`
	Names    *gNames      `parser:"| @@"`
	Del      *gDel        `parser:"| @@"`
	Assert   *gAssert     `parser:"| @@"`
	Expr     xExprStmt    `parser:"| @@"`
}

type gReturn struct {
	Kw     lexer.Token `parser:"@'return'"`
	Value  xStarExprs  `parser:"@@?"`
	Tokens []lexer.Token
}

type gRaise struct {
	Kw     lexer.Token `parser:"@'raise'"`
	Exc    xOptExpr    `parser:"(@@"`
	Cause  xExpr       `parser:"('from' @@)?)?"`
	Tokens []lexer.Token
}

// gNames is global or nonlocal.
type gNames struct {
	Kw    lexer.Token `parser:"@('global' | 'nonlocal')"`
	Names []*gName    `parser:"@@ (',' @@)*"`
}

type gDel struct {
	Kw      lexer.Token `parser:"@'del'"`
	Targets xDelTargets `parser:"@@"`
	Tokens  []lexer.Token
}

type gAssert struct {
	Kw     lexer.Token `parser:"@'assert'"`
	Test   xExpr       `parser:"@@"`
	Msg    xExpr       `parser:"(',' @@)?"`
	Tokens []lexer.Token
}

type gImport struct {
	Kw    lexer.Token    `parser:"@'import'"`
	Names []*gDottedName `parser:"@@ (',' @@)*"`
}

type gDottedName struct {
	Parts []*gName `parser:"@@ ('.' @@)*"`
	As    *gName   `parser:"('as' @@)?"`
}

type gName struct {
	Tok lexer.Token `parser:"@Name"`
}

type gFrom struct {
	Kw     lexer.Token  `parser:"@'from'"`
	Dots   []string     `parser:"( @('.' | '...')+"`
	Module []*gName     `parser:"  (@@ ('.' @@)*)? | @@ ('.' @@)* )"`
	Star   *lexer.Token `parser:"'import' ( @'*'"`
	Open   *lexer.Token `parser:"| @'('"`
	Paren  []*gAlias    `parser:"  @@ ( ','"`
	Check  xSemiCheck   `parser:"    @@"`
	More   []*gAlias    `parser:"    @@? )*"`
	Close  *lexer.Token `parser:"  @')'"`
	Names  []*gAlias    `parser:"| @@ (',' @@)* )"`
}

type gAlias struct {
	Name lexer.Token  `parser:"@Name"`
	As   *lexer.Token `parser:"('as' @Name)?"`
}

// gBlock is an indented block or simple statements on the header line.
type gBlock struct {
	Stmts  []*gStmt     `parser:"  NEWLINE INDENT @@+ DEDENT"`
	Simple *gSimpleLine `parser:"| @@"`
}

type gIf struct {
	Kw    lexer.Token `parser:"@'if'"`
	Test  xNamed      `parser:"@@ ':'"`
	Body  *gBlock     `parser:"@@"`
	Elifs []*gElif    `parser:"@@*"`
	Else  *gElse      `parser:"@@?"`
}

type gElif struct {
	Kw   lexer.Token `parser:"@'elif'"`
	Test xNamed      `parser:"@@ ':'"`
	Body *gBlock     `parser:"@@"`
}

type gElse struct {
	Kw   lexer.Token `parser:"@'else' ':'"`
	Body *gBlock     `parser:"@@"`
}

type gWhile struct {
	Kw   lexer.Token `parser:"@'while'"`
	Test xNamed      `parser:"@@ ':'"`
	Body *gBlock     `parser:"@@"`
	Else *gElse      `parser:"@@?"`
}

type gFor struct {
	Kw     lexer.Token   `parser:"@'for'"`
	Target xTargets      `parser:"@@ 'in'"`
	Iter   xStarExprsReq `parser:"@@ ':'"`
	Body   *gBlock       `parser:"@@"`
	Else   *gElse        `parser:"@@?"`
}

type gTry struct {
	Kw       lexer.Token `parser:"@'try' ':'"`
	Body     *gBlock     `parser:"@@"`
	Check    xTryCheck   `parser:"@@"`
	Handlers []*gExcept  `parser:"@@*"`
	Else     *gElse      `parser:"@@?"`
	Finally  *gFinally   `parser:"@@?"`
}

type gExcept struct {
	Kw   lexer.Token `parser:"@'except'"`
	Head xExceptHead `parser:"@@? ':'"`
	Body *gBlock     `parser:"@@"`
}

type gFinally struct {
	Kw   lexer.Token `parser:"@'finally' ':'"`
	Body *gBlock     `parser:"@@"`
}

type gWith struct {
	Kw    lexer.Token `parser:"@'with'"`
	Items xWithItems  `parser:"@@ ':'"`
	Body  *gBlock     `parser:"@@"`
}

type gDef struct {
	Kw      lexer.Token `parser:"@'def'"`
	Name    lexer.Token `parser:"@Name '('"`
	Params  xParams     `parser:"@@? ')'"`
	Returns xOptExpr    `parser:"('->' @@)?"`
	Body    *gBlock     `parser:"':' @@"`
}

type gClass struct {
	Kw   lexer.Token `parser:"@'class'"`
	Name lexer.Token `parser:"@Name"`
	Args xClassArgs  `parser:"@@? ':'"`
	Body *gBlock     `parser:"@@"`
}

type gDecorator struct {
	At   lexer.Token `parser:"@'@'"`
	Expr xNamed      `parser:"@@ NEWLINE"`
}

type gDecorated struct {
	Decorators []*gDecorator `parser:"@@+"`
	Def        *gDef         `parser:"( @@"`
	Async      *gAsyncDef    `parser:"| @@"`
	Class      *gClass       `parser:"| @@ )"`
}

type gAsyncDef struct {
	Kw  lexer.Token `parser:"@'async'"`
	Def *gDef       `parser:"@@"`
}

type gAsync struct {
	Kw   lexer.Token `parser:"@'async'"`
	Def  *gDef       `parser:"( @@"`
	With *gWith      `parser:"| @@"`
	For  *gFor       `parser:"| @@ )"`
}

// Expression slots. Each interface type has its own parse function; the
// names say which CPython rule they parse. "Req" slots raise "invalid
// syntax" at once when no expression starts there, which is where
// CPython points; optional slots answer participle.NextMatch.
type (
	xExprStmt     interface{ ast.Node } // expression statement or assignment (an ast.Stmt)
	xTryCheck     interface{ ast.Node } // zero-width: except or finally must follow
	xSemiCheck    interface{ ast.Node } // zero-width: no second separator in a row
	xRHS          interface{ ast.Expr } // yield_expr | star_expressions
	xStarExprs    interface{ ast.Expr } // star_expressions, optional
	xStarExprsReq interface{ ast.Expr } // star_expressions
	xNamed        interface{ ast.Expr } // named_expression
	xExpr         interface{ ast.Expr } // expression
	xOptExpr      interface{ ast.Expr } // expression, optional
	xTargets      interface{ ast.Expr } // star_targets of a for loop
	xDelTargets   interface{ ast.Expr } // del_targets
	xParams       interface{ ast.Node } // *ast.Arguments
	xClassArgs    interface{ ast.Node } // *ast.Call holding class bases and keywords
	xWithItems    interface{ ast.Node } // *withItems
	xExceptHead   interface{ ast.Node } // *exceptHead
)

// withItems is what xWithItems parses.
type withItems struct {
	ast.Span
	Items []*ast.WithItem
}

// exceptHead is "Type [as Name]" of an except clause, or of an except*
// clause when Star (the '*' token) is set.
type exceptHead struct {
	ast.Span
	Type ast.Expr
	Name string
	Star *lexer.Token
}

func parseRHS(lex *lexer.PeekingLexer) (xRHS, error) {
	p := newExprParser(lex)
	var e ast.Expr
	switch {
	case p.tok.Type == kwYield:
		e = p.yieldExpr()
	case startsStarExpr(p.tok.Type):
		e = p.starExpressions()
	default:
		p.unexpected()
	}
	p.finish()
	return e, nil
}

func parseStarExprs(lex *lexer.PeekingLexer) (xStarExprs, error) {
	p := newExprParser(lex)
	if !startsStarExpr(p.tok.Type) {
		return nil, participle.NextMatch
	}
	e := p.starExpressions()
	p.finish()
	return e, nil
}

func parseStarExprsReq(lex *lexer.PeekingLexer) (xStarExprsReq, error) {
	p := newExprParser(lex)
	if !startsStarExpr(p.tok.Type) {
		p.unexpected()
	}
	e := p.starExpressions()
	p.finish()
	return e, nil
}

func parseNamed(lex *lexer.PeekingLexer) (xNamed, error) {
	p := newExprParser(lex)
	if !startsExpr(p.tok.Type) {
		p.unexpected()
	}
	e := p.namedExpression()
	p.finish()
	return e, nil
}

func parseExpr(lex *lexer.PeekingLexer) (xExpr, error) {
	p := newExprParser(lex)
	if !startsExpr(p.tok.Type) {
		p.unexpected()
	}
	e := p.expression()
	p.finish()
	return e, nil
}

func parseOptExpr(lex *lexer.PeekingLexer) (xOptExpr, error) {
	p := newExprParser(lex)
	if !startsExpr(p.tok.Type) {
		return nil, participle.NextMatch
	}
	e := p.expression()
	p.finish()
	return e, nil
}

func parseTargets(lex *lexer.PeekingLexer) (xTargets, error) {
	p := newExprParser(lex)
	if !startsStarExpr(p.tok.Type) {
		p.unexpected()
	}
	e := p.starTargets()
	p.finish()
	if bad := invalidTarget(e, forTargets); bad != nil {
		p.errNode(bad, "cannot assign to %s", exprName(bad))
	}
	return e, nil
}

func parseDelTargets(lex *lexer.PeekingLexer) (xDelTargets, error) {
	p := newExprParser(lex)
	if !startsStarExpr(p.tok.Type) {
		p.unexpected()
	}
	e := p.starExpressions()
	if bad := invalidTarget(e, delTargets); bad != nil {
		p.errNode(bad, "cannot delete %s", exprName(bad))
	}
	p.finish()
	return e, nil
}

func parseParams(lex *lexer.PeekingLexer) (xParams, error) {
	p := newExprParser(lex)
	if p.tok.Type == opRParen {
		return nil, participle.NextMatch
	}
	return p.params(opRParen, false), nil
}

func parseClassArgs(lex *lexer.PeekingLexer) (xClassArgs, error) {
	p := newExprParser(lex)
	if p.tok.Type != opLParen {
		return nil, participle.NextMatch
	}
	open := p.next()
	args, kws := p.arguments(open)
	p.expect(opRParen)
	return &ast.Call{Span: span(tokStart(open), p.prevEnd()), Args: args, Keywords: kws}, nil
}

func parseExceptHead(lex *lexer.PeekingLexer) (xExceptHead, error) {
	p := newExprParser(lex)
	var star *lexer.Token
	if p.tok.Type == opStar {
		// except* (exception groups) needs its types.
		star = p.next()
		if p.tok.Type == opColon || p.tok.Type == tNewline {
			p.errToken(p.tok, "expected one or more exception types")
		}
	}
	if !startsExpr(p.tok.Type) {
		if star != nil {
			p.unexpected()
		}
		return nil, participle.NextMatch
	}
	e := p.expression()
	if p.tok.Type == opComma {
		// except A, B [as e]: — CPython asks for parentheses.
		cp := p.lex.MakeCheckpoint()
		tok, prev := p.tok, p.prev
		ok := p.try(func() ast.Expr {
			for p.tok.Type == opComma {
				p.next()
				p.expression()
			}
			if p.tok.Type == kwAs {
				p.next()
				p.expect(tName)
			}
			if p.tok.Type != opColon {
				p.unexpected()
			}
			return e
		}) != nil
		if ok {
			for p.tok.Type == opComma {
				p.next()
				p.expression()
			}
			if p.tok.Type == kwAs {
				p.next()
				p.next()
			}
			p.errRange(startOf(e), p.prevEnd(), "multiple exception types must be parenthesized")
		}
		p.lex.LoadCheckpoint(cp)
		p.tok, p.prev = tok, prev
		p.unexpected()
	}
	h := &exceptHead{Span: span(startOf(e), p.prevEnd()), Type: e, Star: star}
	if p.tok.Type == kwAs {
		p.next()
		if p.tok.Type != tName {
			p.unexpected()
		}
		n := p.next()
		h.Name = n.Value
		h.Span.End = tokEnd(n)
	}
	p.finish()
	return h, nil
}

func parseWithItems(lex *lexer.PeekingLexer) (xWithItems, error) {
	p := newExprParser(lex)
	if p.tok.Type == opLParen {
		if w := p.parenWithItems(); w != nil {
			return w, nil
		}
	}
	w := &withItems{Span: span(tokStart(p.tok), tokStart(p.tok))}
	for {
		w.Items = append(w.Items, p.withItem())
		if p.tok.Type != opComma {
			break
		}
		p.next()
	}
	w.Span.End = p.prevEnd()
	p.finish()
	return w, nil
}

// parenWithItems tries "(item, item,)" followed by ':'; it returns nil,
// with the position restored, if the parentheses belong to an expression.
func (p *exprParser) parenWithItems() *withItems {
	cp := p.lex.MakeCheckpoint()
	tok, prev := p.tok, p.prev
	open := p.next()
	w := &withItems{}
	ok := false
	for startsExpr(p.tok.Type) {
		w.Items = append(w.Items, p.withItem())
		if p.tok.Type == opComma {
			p.next()
			continue
		}
		break
	}
	if len(w.Items) > 0 && p.tok.Type == opRParen {
		p.next()
		ok = p.tok.Type == opColon
	}
	if !ok {
		p.lex.LoadCheckpoint(cp)
		p.tok, p.prev = tok, prev
		return nil
	}
	w.Span = span(tokStart(open), p.prevEnd())
	return w
}

// withItem is: expression ['as' star_target].
func (p *exprParser) withItem() *ast.WithItem {
	if !startsExpr(p.tok.Type) {
		p.unexpected()
	}
	s := tokStart(p.tok)
	e := p.expression()
	item := &ast.WithItem{Span: span(s, p.prevEnd()), ContextExpr: e}
	if p.tok.Type == kwAs {
		p.next()
		var t ast.Expr
		if p.tok.Type == opStar {
			t = p.starTarget()
		} else {
			if !startsExpr(p.tok.Type) {
				p.unexpected()
			}
			t = p.expression()
		}
		switch p.tok.Type {
		case opComma, opRParen, opColon:
			if bad := invalidTarget(t, starTargets); bad != nil {
				p.errNode(bad, "cannot assign to %s", exprName(bad))
			}
		}
		item.OptionalVars = t
		item.Span.End = p.prevEnd()
	}
	return item
}

var (
	buildOnce sync.Once
	theParser *participle.Parser[gModule]
	buildTime time.Duration
)

// buildParser builds the participle parser. Parsers are safe for
// concurrent use, so one is built per process, on first use.
func buildParser() *participle.Parser[gModule] {
	buildOnce.Do(func() {
		start := time.Now()
		theParser = newGrammarParser()
		buildTime = time.Since(start)
	})
	return theParser
}

func init() {
	// Participle stops a repetition after a million items with a false
	// syntax error; CPython has no such limit on the statements of a
	// block or module (or the elifs of an if). The setting is global to
	// participle, so it is made once, before any parser is built.
	participle.MaxIterations = math.MaxInt
}

// newGrammarParser builds the participle parser. It runs without
// lookahead: every alternative starts with a distinct token, so a
// failed branch that consumed a token is a syntax error right there,
// which puts errors where CPython puts them.
func newGrammarParser() *participle.Parser[gModule] {
	return participle.MustBuild[gModule](
		participle.Lexer(definition{}),
		participle.UseLookahead(0),
		participle.ParseTypeWith(parseExprStmt),
		participle.ParseTypeWith(parseTryCheck),
		participle.ParseTypeWith(parseSemiCheck),
		participle.ParseTypeWith(parseRHS),
		participle.ParseTypeWith(parseStarExprs),
		participle.ParseTypeWith(parseStarExprsReq),
		participle.ParseTypeWith(parseNamed),
		participle.ParseTypeWith(parseExpr),
		participle.ParseTypeWith(parseOptExpr),
		participle.ParseTypeWith(parseTargets),
		participle.ParseTypeWith(parseDelTargets),
		participle.ParseTypeWith(parseParams),
		participle.ParseTypeWith(parseClassArgs),
		participle.ParseTypeWith(parseWithItems),
		participle.ParseTypeWith(parseExceptHead),
		participle.ParseTypeWith(parseMatchHead),
		participle.ParseTypeWith(parseCaseHead),
	)
}
