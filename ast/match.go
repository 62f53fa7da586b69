package ast

// This file defines the match statement (PEP 634) and its patterns, with
// their traversal and printing. The node set follows CPython's ast
// module: MatchValue, MatchSingleton, MatchSequence, MatchMapping,
// MatchClass, MatchStar, MatchAs and MatchOr.

import "strings"

// Match is `match Subject:` followed by its case blocks.
type Match struct {
	Span
	Subject Expr
	Cases   []*MatchCase
}

// MatchCase is `case Pattern if Guard:` and its body (Guard may be nil).
type MatchCase struct {
	Span
	Pattern Pattern
	Guard   Expr
	Body    []Stmt
}

// Pattern is a node of a case pattern.
type Pattern interface {
	Node
	patternNode()
}

// MatchValue compares the subject with Value using ==: a number (possibly
// negative or complex), a string, or a dotted name.
type MatchValue struct {
	Span
	Value Expr
}

// MatchSingleton compares the subject with None, True or False by
// identity; Value is the constant.
type MatchSingleton struct {
	Span
	Value *Constant
}

// MatchSequence is `[p, ...]`, `(p, ...)` or a bare `p, ...`; at most one
// of Patterns is a *MatchStar.
type MatchSequence struct {
	Span
	Patterns []Pattern
}

// MatchMapping is `{k: p, ..., **Rest}`; Keys are literal or value
// expressions, parallel to Patterns. Rest is "" when absent.
type MatchMapping struct {
	Span
	Keys     []Expr
	Patterns []Pattern
	Rest     string
}

// MatchClass is `Cls(p, ..., name=p, ...)`.
type MatchClass struct {
	Span
	Cls         Expr
	Patterns    []Pattern
	KwdAttrs    []string
	KwdPatterns []Pattern
}

// MatchStar is `*Name` inside a sequence pattern; Name is "" for `*_`.
type MatchStar struct {
	Span
	Name string
}

// MatchAs is `Pattern as Name`, a capture (Pattern nil) or the wildcard
// `_` (both empty).
type MatchAs struct {
	Span
	Pattern Pattern
	Name    string
}

// MatchOr is `p | p | ...`.
type MatchOr struct {
	Span
	Patterns []Pattern
}

func (*Match) stmtNode() {}

func (*MatchValue) patternNode()     {}
func (*MatchSingleton) patternNode() {}
func (*MatchSequence) patternNode()  {}
func (*MatchMapping) patternNode()   {}
func (*MatchClass) patternNode()     {}
func (*MatchStar) patternNode()      {}
func (*MatchAs) patternNode()        {}
func (*MatchOr) patternNode()        {}

// walkMatch visits the children of the match nodes, in source order.
func walkMatch(v Visitor, n Node) {
	switch n := n.(type) {
	case *Match:
		walkExpr(v, n.Subject)
		for _, c := range n.Cases {
			if c != nil {
				Walk(v, c)
			}
		}
	case *MatchCase:
		walkPattern(v, n.Pattern)
		walkExpr(v, n.Guard)
		walkStmts(v, n.Body)
	case *MatchValue:
		walkExpr(v, n.Value)
	case *MatchSingleton:
		if n.Value != nil {
			Walk(v, n.Value)
		}
	case *MatchSequence:
		walkPatterns(v, n.Patterns)
	case *MatchMapping:
		for i, k := range n.Keys {
			walkExpr(v, k)
			if i < len(n.Patterns) {
				walkPattern(v, n.Patterns[i])
			}
		}
	case *MatchClass:
		walkExpr(v, n.Cls)
		walkPatterns(v, n.Patterns)
		walkPatterns(v, n.KwdPatterns)
	case *MatchStar:
	case *MatchAs:
		walkPattern(v, n.Pattern)
	case *MatchOr:
		walkPatterns(v, n.Patterns)
	}
}

func walkPattern(v Visitor, p Pattern) {
	if p != nil {
		Walk(v, p)
	}
}

func walkPatterns(v Visitor, list []Pattern) {
	for _, p := range list {
		walkPattern(v, p)
	}
}

// match prints a match statement after the indentation of its line.
func (p *printer) match(s *Match) {
	p.write("match ")
	p.expr(s.Subject, precTuple)
	p.write(":\n")
	p.indent++
	for _, c := range s.Cases {
		p.line()
		p.write("case ")
		p.write(PatternString(c.Pattern))
		if c.Guard != nil {
			p.write(" if ")
			p.expr(c.Guard, precNamed)
		}
		p.block(c.Body)
	}
	p.indent--
}

// PatternString returns the source text of a pattern.
func PatternString(pat Pattern) string {
	var b strings.Builder
	writePattern(&b, pat, patAny)
	return b.String()
}

// The levels at which writePattern writes a pattern: where any pattern
// may stand, where an as-pattern needs parentheses (before `as`), and
// where an or-pattern needs them too (an alternative).
const (
	patAny = iota
	patOr
	patClosed
)

// writePattern writes pat at the given level.
func writePattern(b *strings.Builder, pat Pattern, level int) {
	list := func(ps []Pattern) {
		for i, q := range ps {
			if i > 0 {
				b.WriteString(", ")
			}
			writePattern(b, q, patAny)
		}
	}
	switch pat := pat.(type) {
	case *MatchValue:
		b.WriteString(ExprString(pat.Value))
	case *MatchSingleton:
		b.WriteString(ExprString(pat.Value))
	case *MatchSequence:
		b.WriteString("[")
		list(pat.Patterns)
		b.WriteString("]")
	case *MatchMapping:
		b.WriteString("{")
		for i, k := range pat.Keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(ExprString(k))
			b.WriteString(": ")
			writePattern(b, pat.Patterns[i], patAny)
		}
		if pat.Rest != "" {
			if len(pat.Keys) > 0 {
				b.WriteString(", ")
			}
			b.WriteString("**" + pat.Rest)
		}
		b.WriteString("}")
	case *MatchClass:
		b.WriteString(ExprString(pat.Cls))
		b.WriteString("(")
		list(pat.Patterns)
		for i, name := range pat.KwdAttrs {
			if i > 0 || len(pat.Patterns) > 0 {
				b.WriteString(", ")
			}
			b.WriteString(name + "=")
			writePattern(b, pat.KwdPatterns[i], patAny)
		}
		b.WriteString(")")
	case *MatchStar:
		name := pat.Name
		if name == "" {
			name = "_"
		}
		b.WriteString("*" + name)
	case *MatchAs:
		switch {
		case pat.Pattern == nil && pat.Name == "":
			b.WriteString("_")
		case pat.Pattern == nil:
			b.WriteString(pat.Name)
		default:
			if level >= patOr {
				b.WriteString("(")
			}
			writePattern(b, pat.Pattern, patOr)
			b.WriteString(" as " + pat.Name)
			if level >= patOr {
				b.WriteString(")")
			}
		}
	case *MatchOr:
		if level >= patClosed {
			b.WriteString("(")
		}
		for i, q := range pat.Patterns {
			if i > 0 {
				b.WriteString(" | ")
			}
			writePattern(b, q, patClosed)
		}
		if level >= patClosed {
			b.WriteString(")")
		}
	}
}
