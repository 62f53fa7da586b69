package re

// This file tests the translation of Python patterns and the matching
// rules layered over the engine.

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// search runs pattern on text from pos with form kind and returns the
// spans, failing the test on a translation error.
func search(t *testing.T, pattern, text string, kind searchKind, pos int) []int {
	t.Helper()
	tr, err := translate([]rune(pattern), 0, false)
	require.NoError(t, err, pattern)
	spans, err := (&engine{tr: tr}).find(nil, kind, []rune(text), pos, nil)
	require.NoError(t, err)
	return spans
}

func TestTranslateErrors(t *testing.T) {
	cases := []struct {
		pattern, msg string
		pos          int
	}{
		{"(", "missing ), unterminated subpattern", 0},
		{"a)", "unbalanced parenthesis", 1},
		{"a**", "multiple repeat", 2},
		{`\q`, `bad escape \q`, 0},
		{"(?<x)", "unknown extension ?<x", 1},
		{`(a)\2`, "invalid group reference 2", 4},
		{"(?<=a+)b", "look-behind requires fixed-width pattern", -1},
		{"[z-a]", "bad character range z-a", 1},
		{"a(?i)b", "global flags not at the start of the expression", 1},
		{"(?P<a>x)(?P<a>y)", "redefinition of group name 'a' as group 2; was group 1", 12},
		{"|(?i)a", "global flags not at the start of the expression", 1},
		{"(?(2)a)", "invalid group reference 2", 3},
		{`(?<=(a)\1)`, "cannot refer to group defined in the same lookbehind subpattern", 9},
		{"(?<!(?(1)", "cannot refer to an open group", 9},
		{`\1\`, "bad escape (end of pattern)", 2},
		{"a(?#x", "missing ), unterminated comment", 1},
	}
	for _, c := range cases {
		_, err := translate([]rune(c.pattern), 0, false)
		require.Error(t, err, c.pattern)
		pe, ok := err.(*parseError)
		require.True(t, ok, c.pattern)
		assert.Equal(t, c.msg, pe.msg, c.pattern)
		assert.Equal(t, c.pos, pe.pos, c.pattern)
	}
}

func TestGroupsKeepPythonNumbers(t *testing.T) {
	// The engine would number the named group after the unnamed ones.
	spans := search(t, `(?P<x>a)(b)`, "ab", kindSearch, 0)
	assert.Equal(t, []int{0, 2, 0, 1, 1, 2}, spans)
}

func TestEndOfStringRules(t *testing.T) {
	assert.Nil(t, search(t, `a\Z`, "a\n", kindSearch, 0), `\Z must not match before a final newline`)
	assert.Equal(t, []int{0, 1}, search(t, `a$`, "a\n", kindSearch, 0))
	assert.Nil(t, search(t, `^b`, "ab", kindSearch, 1), "^ matches at the string's start, not at pos")
	assert.Equal(t, []int{1, 2}, search(t, `b`, "ab", kindMatch, 1))
	assert.Equal(t, []int{0, 2}, search(t, `a|ab`, "ab", kindFull, 0))
}

func TestAdvanceSkipsEmptyMatchAtStart(t *testing.T) {
	// After an empty match at 2, x* may still match "x" there.
	assert.Equal(t, []int{2, 3}, search(t, `x*`, "abxd", kindAdvance, 2))
	assert.Equal(t, []int{4, 4}, search(t, `x*`, "abxd", kindAdvance, 3))
}

func TestEachFollowsPythonEmptyMatchRule(t *testing.T) {
	tr, err := translate([]rune(`x*`), 0, false)
	require.NoError(t, err)
	var got [][2]int
	err = (&engine{tr: tr}).each(nil, kindSearch, []rune("abxd"), 0, 0, nil, func(s []int) error {
		got = append(got, [2]int{s[0], s[1]})
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, [][2]int{{0, 0}, {1, 1}, {2, 3}, {3, 3}, {4, 4}}, got)
}

func TestASCIIClasses(t *testing.T) {
	tr, err := translate([]rune(`\w+`), flagASCII, false)
	require.NoError(t, err)
	spans, err := (&engine{tr: tr}).find(nil, kindSearch, []rune("héllo"), 0, nil)
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1}, spans)
	assert.Equal(t, []int{0, 5}, search(t, `\w+`, "héllo", kindSearch, 0))
	assert.Equal(t, []int{0, 2}, search(t, `[^\W\d]+`, "ab12", kindSearch, 0))
}

func TestLastIndexPrefersEnclosingGroup(t *testing.T) {
	for _, c := range []struct {
		pattern, text string
		want          int
	}{{`((a)b)`, "ab", 1}, {`(a)(b*)`, "a", 2}, {`((a))`, "a", 1}, {`(a)(b)?`, "a", 1}} {
		tr, err := translate([]rune(c.pattern), 0, false)
		require.NoError(t, err)
		spans, err := (&engine{tr: tr}).find(nil, kindSearch, []rune(c.text), 0, nil)
		require.NoError(t, err)
		m := &Match{pat: &Pattern{eng: &engine{tr: tr}}, spans: spans}
		assert.Equal(t, c.want, m.lastIndex(), c.pattern)
	}
}

func TestValidReferences(t *testing.T) {
	// A conditional may name a group defined after it; a look-behind may
	// refer to a group closed before it (its width is the group's).
	for _, pattern := range []string{"(?(2)a)(b)(c)", `(a)(?<=\1)`, "a(?#x)*", "(?i)(?m)a"} {
		_, err := translate([]rune(pattern), 0, false)
		assert.NoError(t, err, pattern)
	}
}

func TestNotBoundaryNeverMatchesEmptyText(t *testing.T) {
	assert.Nil(t, search(t, `\B`, "", kindSearch, 0))
	assert.Equal(t, []int{1, 1}, search(t, `\B`, "ab", kindSearch, 0))
}
