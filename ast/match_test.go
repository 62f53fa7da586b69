package ast

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// matchExample is:
//
//	match p:
//	    case Point(0, y=[a, *rest]) | {"k": _, **kw} as whole if a:
//	        pass
func matchExample() *Match {
	pat := &MatchAs{
		Pattern: &MatchOr{Patterns: []Pattern{
			&MatchClass{
				Cls:         nm("Point"),
				Patterns:    []Pattern{&MatchValue{Value: num("0")}},
				KwdAttrs:    []string{"y"},
				KwdPatterns: []Pattern{&MatchSequence{Patterns: []Pattern{&MatchAs{Name: "a"}, &MatchStar{Name: "rest"}}}},
			},
			&MatchMapping{Keys: []Expr{strc("k")}, Patterns: []Pattern{&MatchAs{}}, Rest: "kw"},
		}},
		Name: "whole",
	}
	return &Match{Subject: nm("p"), Cases: []*MatchCase{{Pattern: pat, Guard: nm("a"), Body: []Stmt{&Pass{}}}}}
}

func TestWalkOrderMatch(t *testing.T) {
	want := []string{
		"Match", "Name:p", "MatchCase", "MatchAs", "MatchOr",
		"MatchClass", "Name:Point", "MatchValue", "Constant", "MatchSequence", "MatchAs", "MatchStar",
		"MatchMapping", "Constant", "MatchAs",
		"Name:a", "Pass",
	}
	assert.Equal(t, want, preorder(matchExample()))
}

func TestPrintMatch(t *testing.T) {
	got := Print(&Module{Body: []Stmt{matchExample()}})
	want := "match p:\n    case Point(0, y=[a, *rest]) | {'k': _, **kw} as whole if a:\n        pass\n"
	assert.Equal(t, want, got)
}

func TestPatternStringParentheses(t *testing.T) {
	inner := &MatchOr{Patterns: []Pattern{&MatchValue{Value: num("1")}, &MatchValue{Value: num("2")}}}
	seq := &MatchSequence{Patterns: []Pattern{&MatchAs{Pattern: inner, Name: "x"}, &MatchStar{}}}
	assert.Equal(t, "[1 | 2 as x, *_]", PatternString(seq))
	or := &MatchOr{Patterns: []Pattern{&MatchAs{Pattern: &MatchSingleton{Value: kind(ConstNone)}, Name: "n"}, inner}}
	assert.Equal(t, "(None as n) | (1 | 2)", PatternString(or))
}
