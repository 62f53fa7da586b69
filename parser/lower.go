package parser

// This file lowers the participle grammar tree to ast nodes. Expressions
// arrive already built (and checked) by the expression parser; this pass
// assembles statements, computes their spans (CPython's: a compound
// statement ends where its last body statement ends, a simple one at its
// last token) and turns elif chains into nested Ifs. Its only error is a
// try mixing except and except* clauses (exceptstar.go).

import (
	"github.com/aio-lang/aio/ast"
	"github.com/alecthomas/participle/v2/lexer"
)

func lowerModule(g *gModule, filename string) *ast.Module {
	m := &ast.Module{Filename: filename}
	for _, s := range g.Stmts {
		m.Body = lowerStmt(s, m.Body)
	}
	m.Span.Start = ast.Pos{Line: 1}
	if n := len(m.Body); n > 0 {
		m.Span.End = endOf(m.Body[n-1])
	} else {
		m.Span.End = ast.Pos{Line: 1}
	}
	return m
}

func lowerBlock(b *gBlock) []ast.Stmt {
	if b.Simple != nil {
		return lowerSimple(b.Simple, nil)
	}
	out := make([]ast.Stmt, 0, len(b.Stmts))
	for _, s := range b.Stmts {
		out = lowerStmt(s, out)
	}
	return out
}

func lastEnd(stmts []ast.Stmt) ast.Pos { return endOf(stmts[len(stmts)-1]) }

func lowerStmt(g *gStmt, out []ast.Stmt) []ast.Stmt {
	switch {
	case g.Expr != nil:
		out = append(out, g.Expr.(ast.Stmt))
		for _, s := range g.ExprMore {
			out = append(out, lowerSmall(s))
		}
		return out
	case g.Simple != nil:
		return lowerSimple(g.Simple, out)
	case g.If != nil:
		return append(out, lowerIf(g.If))
	case g.For != nil:
		return append(out, lowerFor(g.For, nil))
	case g.Def != nil:
		return append(out, lowerDef(g.Def, nil, nil))
	case g.While != nil:
		w := g.While
		n := &ast.While{Test: w.Test, Body: lowerBlock(w.Body)}
		n.Start, n.End = tokStart(&w.Kw), lastEnd(n.Body)
		if w.Else != nil {
			n.OrElse = lowerBlock(w.Else.Body)
			n.End = lastEnd(n.OrElse)
		}
		return append(out, n)
	case g.Try != nil:
		return append(out, lowerTry(g.Try))
	case g.With != nil:
		return append(out, lowerWith(g.With, nil))
	case g.Class != nil:
		return append(out, lowerClass(g.Class, nil))
	case g.Decorated != nil:
		d := g.Decorated
		decos := make([]ast.Expr, len(d.Decorators))
		for i, x := range d.Decorators {
			decos[i] = x.Expr
		}
		switch {
		case d.Def != nil:
			return append(out, lowerDef(d.Def, nil, decos))
		case d.Async != nil:
			return append(out, lowerDef(d.Async.Def, &d.Async.Kw, decos))
		}
		return append(out, lowerClass(d.Class, decos))
	case g.Match != nil:
		return append(out, lowerMatch(g.Match))
	case g.Async != nil:
		a := g.Async
		switch {
		case a.Def != nil:
			return append(out, lowerDef(a.Def, &a.Kw, nil))
		case a.With != nil:
			return append(out, lowerWith(a.With, &a.Kw))
		}
		return append(out, lowerFor(a.For, &a.Kw))
	}
	return out
}

// maxElifs is where CPython's parser, which reads an elif chain by
// recursion, runs out of its stack of rule calls and gives up with a bare
// MemoryError (aio reads the chain in a loop, but a chain this long would
// nest too deeply for the compiler anyway).
const maxElifs = 5966

func lowerIf(g *gIf) ast.Stmt {
	if len(g.Elifs) > maxElifs {
		panic(&parseFailure{err: &SyntaxError{Kind: "MemoryError"}, noOverride: true})
	}
	root := &ast.If{Test: g.Test, Body: lowerBlock(g.Body)}
	root.Start = tokStart(&g.Kw)
	chain := []*ast.If{root}
	cur := root
	for _, e := range g.Elifs {
		n := &ast.If{Test: e.Test, Body: lowerBlock(e.Body)}
		n.Start = tokStart(&e.Kw)
		cur.OrElse = []ast.Stmt{n}
		cur = n
		chain = append(chain, n)
	}
	if g.Else != nil {
		cur.OrElse = lowerBlock(g.Else.Body)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		n := chain[i]
		if len(n.OrElse) > 0 {
			n.End = lastEnd(n.OrElse)
		} else {
			n.End = lastEnd(n.Body)
		}
	}
	return root
}

func lowerFor(g *gFor, async *lexer.Token) ast.Stmt {
	n := &ast.For{Target: g.Target, Iter: g.Iter, Body: lowerBlock(g.Body), IsAsync: async != nil}
	n.Start, n.End = tokStart(&g.Kw), lastEnd(n.Body)
	if async != nil {
		n.Start = tokStart(async)
	}
	if g.Else != nil {
		n.OrElse = lowerBlock(g.Else.Body)
		n.End = lastEnd(n.OrElse)
	}
	return n
}

func lowerTry(g *gTry) ast.Stmt {
	n := &ast.Try{Body: lowerBlock(g.Body)}
	n.Start, n.End = tokStart(&g.Kw), lastEnd(n.Body)
	for i, h := range g.Handlers {
		eh := &ast.ExceptHandler{Body: lowerBlock(h.Body)}
		var star *lexer.Token
		if h.Head != nil {
			head := h.Head.(*exceptHead)
			eh.Type, eh.Name, star = head.Type, head.Name, head.Star
		}
		if i == 0 {
			n.Star = star != nil
		} else if n.Star != (star != nil) {
			mixedExceptKinds(&h.Kw, star)
		}
		eh.Start, eh.End = tokStart(&h.Kw), lastEnd(eh.Body)
		n.Handlers = append(n.Handlers, eh)
		n.End = eh.End
	}
	if g.Else != nil {
		n.OrElse = lowerBlock(g.Else.Body)
		n.End = lastEnd(n.OrElse)
	}
	if g.Finally != nil {
		n.Finalbody = lowerBlock(g.Finally.Body)
		n.End = lastEnd(n.Finalbody)
	}
	return n
}

func lowerWith(g *gWith, async *lexer.Token) ast.Stmt {
	n := &ast.With{Items: g.Items.(*withItems).Items, Body: lowerBlock(g.Body), IsAsync: async != nil}
	n.Start, n.End = tokStart(&g.Kw), lastEnd(n.Body)
	if async != nil {
		n.Start = tokStart(async)
	}
	return n
}

func lowerDef(g *gDef, async *lexer.Token, decos []ast.Expr) ast.Stmt {
	n := &ast.FunctionDef{Name: g.Name.Value, Body: lowerBlock(g.Body), Decorators: decos, IsAsync: async != nil}
	if g.Params != nil {
		n.Args = g.Params.(*ast.Arguments)
	} else {
		n.Args = &ast.Arguments{}
	}
	if g.Returns != nil {
		n.Returns = g.Returns
	}
	n.Start, n.End = tokStart(&g.Kw), lastEnd(n.Body)
	if async != nil {
		n.Start = tokStart(async)
	}
	return n
}

func lowerClass(g *gClass, decos []ast.Expr) ast.Stmt {
	n := &ast.ClassDef{Name: g.Name.Value, Body: lowerBlock(g.Body), Decorators: decos}
	if g.Args != nil {
		c := g.Args.(*ast.Call)
		n.Bases, n.Keywords = c.Args, c.Keywords
	}
	n.Start, n.End = tokStart(&g.Kw), lastEnd(n.Body)
	return n
}

func lowerSimple(g *gSimpleLine, out []ast.Stmt) []ast.Stmt {
	for _, s := range g.Stmts {
		out = append(out, lowerSmall(s))
	}
	for _, s := range g.More {
		out = append(out, lowerSmall(s))
	}
	return out
}

func tokSpan(t *lexer.Token) ast.Span { return span(tokStart(t), tokEnd(t)) }

// lastTokEnd is the end of the last of a statement's tokens.
func lastTokEnd(toks []lexer.Token) ast.Pos { return tokEnd(&toks[len(toks)-1]) }

func lowerSmall(g *gSmall) ast.Stmt {
	switch {
	case g.Expr != nil:
		return g.Expr.(ast.Stmt)
	case g.Return != nil:
		n := &ast.Return{Span: tokSpan(&g.Return.Kw)}
		if g.Return.Value != nil {
			n.Value = g.Return.Value
		}
		n.End = lastTokEnd(g.Return.Tokens)
		return n
	case g.Pass != nil:
		return &ast.Pass{Span: tokSpan(g.Pass)}
	case g.Break != nil:
		return &ast.Break{Span: tokSpan(g.Break)}
	case g.Continue != nil:
		return &ast.Continue{Span: tokSpan(g.Continue)}
	case g.Raise != nil:
		r := g.Raise
		n := &ast.Raise{Span: tokSpan(&r.Kw)}
		if r.Exc != nil {
			n.Exc = r.Exc
		}
		if r.Cause != nil {
			n.Cause = r.Cause
		}
		n.End = lastTokEnd(r.Tokens)
		return n
	case g.Names != nil:
		names := make([]string, len(g.Names.Names))
		for i, n := range g.Names.Names {
			names[i] = n.Tok.Value
		}
		sp := span(tokStart(&g.Names.Kw), tokEnd(&g.Names.Names[len(names)-1].Tok))
		if g.Names.Kw.Value == "global" {
			return &ast.Global{Span: sp, Names: names}
		}
		return &ast.Nonlocal{Span: sp, Names: names}
	case g.Del != nil:
		t := g.Del.Targets.(ast.Expr)
		n := &ast.Delete{Span: span(tokStart(&g.Del.Kw), lastTokEnd(g.Del.Tokens))}
		if tup, ok := t.(*ast.Tuple); ok && !tup.Parens {
			n.Targets = tup.Elts
		} else {
			n.Targets = []ast.Expr{t}
		}
		return n
	case g.Assert != nil:
		a := g.Assert
		n := &ast.Assert{Span: span(tokStart(&a.Kw), lastTokEnd(a.Tokens)), Test: a.Test}
		if a.Msg != nil {
			n.Msg = a.Msg
		}
		return n
	case g.Import != nil:
		n := &ast.Import{Span: tokSpan(&g.Import.Kw)}
		for _, d := range g.Import.Names {
			first, last := &d.Parts[0].Tok, &d.Parts[len(d.Parts)-1].Tok
			name := first.Value
			for _, p := range d.Parts[1:] {
				name += "." + p.Tok.Value
			}
			al := &ast.Alias{Span: span(tokStart(first), tokEnd(last)), Name: name}
			if d.As != nil {
				al.AsName = d.As.Tok.Value
				al.End = tokEnd(&d.As.Tok)
			}
			n.Names = append(n.Names, al)
			n.End = al.End
		}
		return n
	case g.From != nil:
		return lowerFrom(g.From)
	}
	panic("parser: empty statement")
}

func lowerFrom(f *gFrom) ast.Stmt {
	n := &ast.ImportFrom{Span: tokSpan(&f.Kw)}
	for _, d := range f.Dots {
		n.Level += len(d)
	}
	for i, m := range f.Module {
		if i > 0 {
			n.Module += "."
		}
		n.Module += m.Tok.Value
	}
	var names []*gAlias
	switch {
	case f.Star != nil:
		n.Names = []*ast.Alias{{Span: tokSpan(f.Star), Name: "*"}}
		n.End = tokEnd(f.Star)
		return n
	case f.Open != nil:
		names = append(f.Paren, f.More...)
		n.End = tokEnd(f.Close)
	default:
		names = f.Names
	}
	for _, a := range names {
		al := &ast.Alias{Span: tokSpan(&a.Name), Name: a.Name.Value}
		if a.As != nil {
			al.AsName = a.As.Value
			al.End = tokEnd(a.As)
		}
		n.Names = append(n.Names, al)
	}
	if f.Open == nil {
		n.End = n.Names[len(n.Names)-1].End
	}
	return n
}
