// Package parser turns aio source text into an ast.Module.
//
// The pipeline: a hand-written scanner with an indentation layer
// (scan.go, indent.go) produces Python's tokens; a participle grammar
// (grammar.go) parses modules, statements and blocks; expressions are
// parsed by a hand-written precedence-climbing parser (expr.go and
// friends) plugged into participle with ParseTypeWith; lower.go builds
// the ast. Every error is a *SyntaxError with CPython 3.11's kind,
// message and location.
package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/aio-lang/aio/ast"
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// Parse parses a whole source file. The error, if any, is a *SyntaxError.
func Parse(filename string, src []byte) (*ast.Module, error) {
	st := newState(filename, src)
	m, err := st.parseModule()
	if err != nil {
		return nil, err
	}
	return m, nil
}

// ParseExpr parses src as a single expression, as Python's eval() does
// (leading spaces and tabs are ignored; a bare tuple is allowed). The
// error, if any, is a *SyntaxError.
func ParseExpr(filename string, src []byte) (e ast.Expr, err error) {
	s := normalizeNewlines(src)
	s = strings.TrimLeft(s, " \t")
	st := &state{filename: filename, src: s}
	if e := st.checkUTF8(); e != nil {
		return nil, e
	}
	defer func() {
		if r := recover(); r != nil {
			e, err = nil, st.fromPanic(r)
		}
	}()
	st.tz = newTokenizer(filename, s)
	peek, _ := lexer.Upgrade(st.tz)
	st.toks = peek.Range(0, lexer.RawCursor(st.tz.count))
	p := newExprParser(peek)
	if !startsExpr(p.tok.Type) {
		p.unexpected()
	}
	e = p.expressions()
	for p.tok.Type == tNewline {
		p.next()
	}
	if p.tok.Type != lexer.EOF {
		p.unexpected()
	}
	return e, nil
}

// expressions is CPython's expressions rule: star-free, a tuple on commas.
func (p *exprParser) expressions() ast.Expr {
	s := tokStart(p.tok)
	first := p.expression()
	if p.tok.Type != opComma {
		p.finish()
		return first
	}
	elts := []ast.Expr{first}
	for p.tok.Type == opComma {
		p.next()
		if !startsExpr(p.tok.Type) {
			break
		}
		elts = append(elts, p.expression())
	}
	p.finish()
	return &ast.Tuple{Span: span(s, p.prevEnd()), Elts: elts}
}

// InputStatus classifies a chunk of REPL input.
type InputStatus int

const (
	// Complete input can be run.
	Complete InputStatus = iota
	// Incomplete input needs more lines: an open bracket, an unfinished
	// block or triple-quoted string, a trailing backslash, or a compound
	// statement not yet ended by a blank line.
	Incomplete
	// Invalid input has a syntax error that more lines cannot fix.
	Invalid
)

// String returns the status name.
func (s InputStatus) String() string {
	switch s {
	case Complete:
		return "Complete"
	case Incomplete:
		return "Incomplete"
	}
	return "Invalid"
}

// ParseInput parses REPL input. It reports Incomplete (with a nil module
// and error) when more lines could complete the input, like CPython's
// code.compile_command, except that a compound statement always waits
// for a blank line and several statements are accepted at once.
func ParseInput(filename string, src []byte) (*ast.Module, InputStatus, error) {
	st := newState(filename, src)
	m, err := st.parseModule()
	if err != nil {
		if st.tz != nil && (st.tz.incompleteEOF || st.failTok == lexer.EOF) {
			return nil, Incomplete, nil
		}
		return nil, Invalid, err
	}
	if n := len(m.Body); n > 0 && isCompound(m.Body[n-1]) && !endsWithBlankLine(st.src) {
		return nil, Incomplete, nil
	}
	return m, Complete, nil
}

func isCompound(s ast.Stmt) bool {
	switch s.(type) {
	case *ast.If, *ast.For, *ast.While, *ast.Try, *ast.With, *ast.FunctionDef, *ast.ClassDef, *ast.Match:
		return true
	}
	return false
}

// endsWithBlankLine reports whether a whitespace-only line, terminated by
// a newline, follows the last line with content.
func endsWithBlankLine(src string) bool {
	i := strings.LastIndexByte(src, '\n')
	if i < 0 {
		return false
	}
	rest := src[:i] // drop the final newline and any unterminated tail
	j := strings.LastIndexByte(rest, '\n')
	return j >= 0 && strings.TrimLeft(rest[j+1:], " \t\f") == ""
}

// state is one parse of one source text.
type state struct {
	filename string
	src      string
	tz       *tokenizer
	toks     []lexer.Token
	failTok  lexer.TokenType // type of the token a parse error is at
}

func newState(filename string, src []byte) *state {
	return &state{filename: filename, src: normalizeNewlines(src)}
}

func (st *state) parseModule() (m *ast.Module, err error) {
	if e := st.checkUTF8(); e != nil {
		return nil, e
	}
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, st.fromPanic(r)
		}
	}()
	p := buildParser()
	st.tz = newTokenizer(st.filename, st.src)
	peek, _ := lexer.Upgrade(st.tz)
	st.toks = peek.Range(0, lexer.RawCursor(st.tz.count))
	g, perr := p.ParseFromLexer(peek)
	if perr != nil {
		return nil, st.fromParticiple(perr)
	}
	return lowerModule(g, st.filename), nil
}

// checkUTF8 rejects a source that is not UTF-8, or holds a NUL byte,
// with CPython's messages for such a file. CPython raises the first
// before it has a location, so that error has no line and prints without
// the File line; the second shows the line up to the NUL, no caret.
func (st *state) checkUTF8() *SyntaxError {
	if i := strings.IndexByte(st.src, 0); i >= 0 {
		line := strings.Count(st.src[:i], "\n") + 1
		text := st.src[strings.LastIndexByte(st.src[:i], '\n')+1 : i]
		return &SyntaxError{Kind: "SyntaxError", Msg: "source code cannot contain null bytes",
			Filename: st.filename, Line: line, EndLine: line, Text: text}
	}
	if utf8.ValidString(st.src) {
		return nil
	}
	for i := 0; i < len(st.src); {
		r, n := utf8.DecodeRuneInString(st.src[i:])
		if r == utf8.RuneError && n == 1 {
			line := strings.Count(st.src[:i], "\n") + 1
			return &SyntaxError{Kind: "SyntaxError", Filename: st.filename, Msg: fmt.Sprintf(
				"Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
				st.src[i], st.filename, line)}
		}
		i += n
	}
	return nil
}

// lexErr returns the tokenizer's error, completed.
func (st *state) lexErr() *SyntaxError {
	if st.tz == nil || st.tz.err == nil {
		// Cannot happen: a tBad token always comes with an error.
		e := st.eofError("SyntaxError", "invalid syntax")
		e.Filename = st.filename
		return e
	}
	e := st.tz.err.SyntaxError
	e.Filename = st.filename
	if e.Text == "" {
		e.Text = sourceLine(st.src, e.Line)
	}
	st.failTok = tBad
	return &e
}

// finish completes a parse error and decides between it and a lexical
// error further on, as CPython's pegen does after a failed parse: it
// tokenizes the rest of the source, and an error the tokenizer raises
// itself wins; so does "'(' was never closed" if the parser had looked
// past the bracket's line (farLine).
func (st *state) finish(pf *parseFailure) *SyntaxError {
	e := pf.err
	e.Filename = st.filename
	if !pf.fixed {
		e.Text = sourceLine(st.src, e.Line)
	}
	if le := st.tz.err; le != nil && !pf.noOverride {
		if le.override || le.unclosedLine > 0 && pf.farLine > le.unclosedLine {
			return st.lexErr()
		}
	}
	return e
}

// at wraps an error found at token t for finish.
func at(t *lexer.Token, e *SyntaxError) *parseFailure {
	return &parseFailure{err: e, farLine: t.Pos.Line}
}

func (st *state) fromPanic(r any) *SyntaxError {
	pf, ok := r.(*parseFailure)
	if !ok {
		// A bug, or a participle panic ("branch did not progress"): never
		// let it escape; report it at the end of the input.
		e := st.eofError("SyntaxError", "invalid syntax")
		return st.finish(&parseFailure{err: e, farLine: e.Line})
	}
	if pf.atBad {
		return st.lexErr()
	}
	st.failTok = 0
	if pf.eofMsg != "" {
		st.failTok = lexer.EOF
		kind := "SyntaxError"
		if pf.eofMsg != "invalid syntax" {
			kind = "" // located after the last line's text, no end
		}
		e := st.eofError(kind, pf.eofMsg)
		e.Kind = "SyntaxError"
		return st.finish(&parseFailure{err: e, farLine: e.Line})
	}
	return st.finish(pf)
}

// eofError is CPython's location for an error at the end of the input:
// the last line (a final newline does not start another), at column 0
// for a plain syntax error and after the line's text for others (kind
// "" makes such a SyntaxError).
func (st *state) eofError(kind, msg string) *SyntaxError {
	src := strings.TrimSuffix(st.src, "\n")
	line := strings.Count(src, "\n") + 1
	if kind == "SyntaxError" {
		return &SyntaxError{Kind: kind, Msg: msg, Line: line, Col: 0, EndLine: line, EndCol: 0}
	}
	last := src[strings.LastIndexByte(src, '\n')+1:]
	col := runeLen(last) + 1
	return &SyntaxError{Kind: kind, Msg: msg, Line: line, Col: col, EndLine: line, EndCol: -1}
}

// tokenIndex finds the token participle's error points at.
func (st *state) tokenIndex(tok lexer.Token) int {
	// Tokens are sorted by offset; INDENT/DEDENT share the offset of the
	// token after them.
	lo, hi := 0, len(st.toks)
	for lo < hi {
		mid := (lo + hi) / 2
		if st.toks[mid].Pos.Offset < tok.Pos.Offset {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	for i := lo; i < len(st.toks) && st.toks[i].Pos.Offset == tok.Pos.Offset; i++ {
		if st.toks[i].Type == tok.Type {
			return i
		}
	}
	if lo >= len(st.toks) {
		return len(st.toks) - 1
	}
	return lo
}

// fromParticiple maps a participle error to CPython's message.
func (st *state) fromParticiple(err error) *SyntaxError {
	var tok lexer.Token
	expect := ""
	switch e := err.(type) {
	case *participle.UnexpectedTokenError:
		tok = e.Unexpected
		expect = e.Message()
	case participle.Error:
		tok.Pos = e.Position()
		tok.Type = lexer.EOF
		for _, t := range st.toks {
			if t.Pos.Offset >= tok.Pos.Offset {
				tok = t
				break
			}
		}
	default:
		se := st.eofError("SyntaxError", "invalid syntax")
		return st.finish(&parseFailure{err: se, farLine: se.Line})
	}
	i := st.tokenIndex(tok)
	t := &st.toks[i]
	st.failTok = t.Type
	if t.Type == tBad || t.Type == lexer.EOF && st.tz.err != nil {
		return st.lexErr()
	}
	atEOF := t.Type == lexer.EOF || t.Type == tDedent && t.Pos.Offset == len(st.src)
	if t.Type == tIndent {
		pf := at(t, &SyntaxError{Kind: "IndentationError", Msg: "unexpected indent",
			Line: t.Pos.Line, Col: t.Pos.Column - 1, EndLine: t.Pos.Line, EndCol: -1})
		pf.noOverride = true
		return st.finish(pf)
	}
	// A block header's ':' followed by NEWLINE and no INDENT.
	nl := -1
	switch {
	case t.Type == tNewline && i > 0 && st.toks[i-1].Type == opColon:
		nl = i
	case i > 1 && st.toks[i-1].Type == tNewline && st.toks[i-2].Type == opColon:
		nl = i - 1
	}
	if nl >= 0 {
		if kw, line := st.header(nl - 1); kw != "" {
			next := &st.toks[nl+1]
			st.failTok = next.Type
			msg := fmt.Sprintf("expected an indented block after %s on line %d", kw, line)
			var e *SyntaxError
			switch {
			case next.Type == lexer.EOF || next.Type == tDedent && next.Pos.Offset == len(st.src):
				st.failTok = lexer.EOF
				e = st.eofError("IndentationError", msg)
			case next.Type == tDedent:
				// CPython's DEDENT has no column: it reports the
				// indentation width and no end.
				e = &SyntaxError{Kind: "IndentationError", Msg: msg, Line: next.Pos.Line, Col: next.Pos.Column - 1, EndLine: next.Pos.Line, EndCol: -1}
			default:
				s, en := tokStart(next), tokEnd(next)
				e = &SyntaxError{Kind: "IndentationError", Msg: msg, Line: s.Line, Col: s.Col + 1, EndLine: en.Line, EndCol: en.Col + 1}
			}
			return st.finish(at(next, e))
		}
	}
	if t.Type == tDedent {
		e := &SyntaxError{Kind: "IndentationError", Msg: "unexpected unindent",
			Line: t.Pos.Line, Col: t.Pos.Column - 1, EndLine: t.Pos.Line, EndCol: -1}
		if atEOF {
			st.failTok = lexer.EOF
			e = st.eofError("IndentationError", e.Msg)
		}
		return st.finish(&parseFailure{err: e, farLine: e.Line, noOverride: true})
	}
	if strings.Contains(expect, `(expected ":"`) || strings.Contains(expect, `(expected "("`) {
		kw, _ := st.header(i - 1)
		forced := kw == "function definition" || kw == "'try' statement" || kw == "'else' statement" || kw == "'finally' statement"
		if kw != "" && (forced || t.Type == tNewline) {
			msg := "expected ':'"
			if strings.Contains(expect, `(expected "("`) {
				msg = "expected '('"
			}
			return st.finish(at(t, tokenError(t, msg)))
		}
	}
	if i > 0 && st.toks[i-1].Type == opArrow {
		// def f() -> : CPython's forced ':' fails at the arrow.
		if kw, _ := st.header(i - 1); kw == "function definition" {
			return st.finish(at(t, tokenError(&st.toks[i-1], "expected ':'")))
		}
	}
	if t.Type == tNewline && i > 0 && st.toks[i-1].Type == opComma && st.lineStart(i).Type == kwFrom {
		return st.finish(at(t, tokenError(t, "trailing comma not allowed without surrounding parentheses")))
	}
	if atEOF {
		st.failTok = lexer.EOF
		e := st.eofError("SyntaxError", "invalid syntax")
		return st.finish(&parseFailure{err: e, farLine: e.Line})
	}
	return st.finish(at(t, tokenError(t, "invalid syntax")))
}

func tokenError(t *lexer.Token, msg string) *SyntaxError {
	s, e := tokStart(t), tokEnd(t)
	return &SyntaxError{Kind: "SyntaxError", Msg: msg, Line: s.Line, Col: s.Col + 1, EndLine: e.Line, EndCol: e.Col + 1}
}

// lineStart returns the first token of the logical line holding token i.
func (st *state) lineStart(i int) *lexer.Token {
	for i > 0 {
		switch st.toks[i-1].Type {
		case tNewline, tIndent, tDedent:
			return &st.toks[i]
		}
		i--
	}
	return &st.toks[0]
}

// header looks at the logical line holding token i and, if it is a
// compound statement header, returns how CPython names it ("'if'
// statement", "function definition", ...) and the keyword's line.
func (st *state) header(i int) (string, int) {
	j := i
	for j > 0 {
		switch st.toks[j-1].Type {
		case tNewline, tIndent, tDedent:
			goto found
		}
		j--
	}
found:
	if j < 0 || j > i {
		return "", 0
	}
	t := &st.toks[j]
	if t.Type == kwAsync && j+1 <= i {
		t = &st.toks[j+1]
	}
	switch t.Type {
	case kwIf, kwElif, kwElse, kwWhile, kwFor, kwWith, kwTry, kwExcept, kwFinally:
		return "'" + t.Value + "' statement", t.Pos.Line
	case kwDef:
		return "function definition", t.Pos.Line
	case kwClass:
		return "class definition", t.Pos.Line
	case tName:
		if t.Value == "match" || t.Value == "case" {
			return "'" + t.Value + "' statement", t.Pos.Line
		}
	}
	return "", 0
}
