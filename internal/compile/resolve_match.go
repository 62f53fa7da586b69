package compile

// This file resolves the match statement: the subject, guards and value
// or class expressions are uses; every name a pattern captures (`x`,
// `*rest`, `**rest`, `p as x`) is a binding of the enclosing scope.

import "github.com/aio-lang/aio/ast"

func (r *resolver) match(s *ast.Match) {
	r.expr(s.Subject)
	for _, mc := range s.Cases {
		r.pattern(mc.Pattern)
		if mc.Guard != nil {
			r.expr(mc.Guard)
		}
		r.stmts(mc.Body)
	}
}

func (r *resolver) pattern(p ast.Pattern) {
	switch p := p.(type) {
	case *ast.MatchValue:
		r.expr(p.Value)
	case *ast.MatchSingleton:
	case *ast.MatchSequence:
		for _, q := range p.Patterns {
			r.pattern(q)
		}
	case *ast.MatchMapping:
		for i, k := range p.Keys {
			r.expr(k)
			r.pattern(p.Patterns[i])
		}
		if p.Rest != "" {
			r.bind(p.Rest, p)
		}
	case *ast.MatchClass:
		r.expr(p.Cls)
		for _, q := range p.Patterns {
			r.pattern(q)
		}
		for _, q := range p.KwdPatterns {
			r.pattern(q)
		}
	case *ast.MatchStar:
		if p.Name != "" {
			r.bind(p.Name, p)
		}
	case *ast.MatchAs:
		if p.Pattern != nil {
			r.pattern(p.Pattern)
		}
		if p.Name != "" {
			r.bind(p.Name, p)
		}
	case *ast.MatchOr:
		for _, q := range p.Patterns {
			r.pattern(q)
		}
	}
}
