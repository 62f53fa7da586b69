package parser

// This file turns the characters into Python's logical-line token stream:
// NEWLINE at the end of each logical line, INDENT/DEDENT from leading
// whitespace, implicit joining inside brackets, backslash continuation,
// blank and comment-only lines. It implements participle's lexer.Lexer.
//
// Lexical errors do not abort lexing at once: the tokenizer emits a tBad
// token and then EOF, and remembers the error. CPython tokenizes lazily,
// so a parse error before the bad spot wins; parse.go decides which error
// to report the way CPython's pegen does.

import (
	"fmt"
	"io"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// lexError is the first lexical error of a source.
type lexError struct {
	SyntaxError
	// override: CPython raises this error from the tokenizer itself, so it
	// also replaces a parse error found earlier in the file (pegen
	// tokenizes the rest of the source after a syntax error).
	override bool
	// unclosedLine > 0 for "'(' was never closed": it replaces a parse
	// error only when the parser had looked at a line after the
	// bracket's (see parseFailure.farLine).
	unclosedLine int
}

type indentLevel struct{ col, alt int }

type openBracket struct {
	ch        byte
	line, col int // col is 0-based
}

// tokenizer produces the token stream of one source text.
type tokenizer struct {
	src       string
	filename  string
	pos       int
	line      int
	lineStart int

	colLine, colOff, colVal int // column cache, see column

	indents  []indentLevel
	brackets []openBracket
	queue    []lexer.Token
	qhead    int
	count    int // tokens handed out so far

	atBOL        bool // at the start of a physical line that begins a logical line
	lineHasTok   bool // the current logical line has a token, so NEWLINE is due
	commentStart int  // offset of a comment after the last token, or -1
	done         bool

	err *lexError

	// A sub-tokenizer for an f-string field places its first line at the
	// field's column: tokens on firstLine get colBias added.
	firstLine, colBias int

	// incompleteEOF is set when lexing stopped at the end of the input in
	// a state that more input could complete (open bracket, unterminated
	// triple-quoted string, trailing backslash): the REPL asks for more.
	incompleteEOF bool
}

func newTokenizer(filename, src string) *tokenizer {
	t := &tokenizer{src: src, filename: filename, line: 1, atBOL: true, commentStart: -1}
	t.indents = append(make([]indentLevel, 0, 16), indentLevel{})
	t.queue = make([]lexer.Token, 0, 8)
	if strings.HasPrefix(src, "\ufeff") {
		t.pos = 3
		t.lineStart = 3
	}
	return t
}

// normalizeNewlines converts \r\n and lone \r to \n, as CPython does when
// it reads a source file.
func normalizeNewlines(src []byte) string {
	s := string(src)
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// fail records the first lexical error and ends the token stream with a
// tBad token at the current position.
func (t *tokenizer) fail(override bool, kind, msg string, line, col, endLine, endCol int) {
	if t.err != nil {
		return
	}
	t.err = &lexError{
		SyntaxError: SyntaxError{Kind: kind, Msg: msg, Filename: t.filename, Line: line, Col: col, EndLine: endLine, EndCol: endCol},
		override:    override,
	}
}

// emitBad queues the tBad token that marks a lexical error.
func (t *tokenizer) emitBad(off int) {
	if off > len(t.src) {
		off = len(t.src)
	}
	t.push(tBad, "", off, t.line, t.column(off))
	t.done = true
}

func (t *tokenizer) push(typ lexer.TokenType, val string, off, line, col int) {
	if line == t.firstLine {
		col += t.colBias
	}
	t.queue = append(t.queue, lexer.Token{Type: typ, Value: val, Pos: lexer.Position{Filename: t.filename, Offset: off, Line: line, Column: col + 1}})
}

// Next implements lexer.Lexer.
func (t *tokenizer) Next() (lexer.Token, error) {
	for t.qhead == len(t.queue) {
		t.queue, t.qhead = t.queue[:0], 0
		if t.done {
			t.count++
			return lexer.Token{Type: lexer.EOF, Pos: lexer.Position{Filename: t.filename, Offset: len(t.src), Line: t.line, Column: t.column(len(t.src)) + 1}}, nil
		}
		t.scan()
	}
	tok := t.queue[t.qhead]
	t.qhead++
	t.count++
	return tok, nil
}

// all returns every token up to and including EOF.
func (t *tokenizer) all() []lexer.Token {
	toks := make([]lexer.Token, 0, len(t.src)/4+8)
	for {
		tok, _ := t.Next()
		toks = append(toks, tok)
		if tok.Type == lexer.EOF {
			return toks
		}
	}
}

// scan queues the next token, preceded by any INDENT/DEDENT tokens.
func (t *tokenizer) scan() {
	src := t.src
	for {
		if t.atBOL {
			t.atBOL = false
			if !t.indentation() {
				return
			}
		}
		for t.pos < len(src) && (src[t.pos] == ' ' || src[t.pos] == '\t' || src[t.pos] == '\f') {
			t.pos++
		}
		if t.pos >= len(src) {
			t.eof()
			return
		}
		start := t.pos
		c := src[start]
		switch {
		case c == '#':
			t.commentStart = start
			for t.pos < len(src) && src[t.pos] != '\n' {
				t.pos++
			}
			continue
		case c == '\n':
			t.pos++
			if len(t.brackets) > 0 || !t.lineHasTok {
				t.commentStart = -1
				t.newline(t.pos)
				if len(t.brackets) == 0 {
					t.atBOL = true
				}
				continue
			}
			nl := start
			if t.commentStart >= 0 {
				nl = t.commentStart
			}
			t.push(tNewline, src[nl:start], nl, t.line, t.column(nl))
			t.newline(t.pos)
			t.atBOL, t.lineHasTok, t.commentStart = true, false, -1
			return
		case c == '\\':
			if t.pos+1 >= len(src) || src[t.pos+1] == '\n' && t.pos+2 >= len(src) {
				// A backslash at the end of the input: CPython points
				// just after it, with no end.
				t.incompleteEOF = true
				col := t.column(t.pos+1) + 1
				t.fail(false, "SyntaxError", "unexpected EOF while parsing", t.line, col, t.line, -1)
				t.emitBad(t.pos)
				return
			}
			if src[t.pos+1] == '\n' {
				t.pos += 2
				t.newline(t.pos)
				continue
			}
			// CPython reads the character after the backslash, then
			// reports the column after it.
			col := t.column(t.pos+1) + 1
			t.fail(false, "SyntaxError", "unexpected character after line continuation character", t.line, col, t.line, 0)
			t.emitBad(t.pos)
			return
		}
		t.commentStart = -1
		t.lineHasTok = true
		line, col := t.line, t.column(start)
		switch {
		case isIdentStart(c):
			if !t.scanName() {
				t.emitBad(start)
				return
			}
			name := src[start:t.pos]
			if t.pos < len(src) && (src[t.pos] == '"' || src[t.pos] == '\'') && stringPrefix(name) {
				if !t.scanString(start, line, col) {
					t.emitBad(start)
					return
				}
				t.push(tString, src[start:t.pos], start, line, col)
				return
			}
			typ := tName
			if kw, ok := keywords[name]; ok {
				typ = kw
			}
			t.push(typ, name, start, line, col)
			return
		case c >= '0' && c <= '9' || c == '.' && t.pos+1 < len(src) && src[t.pos+1] >= '0' && src[t.pos+1] <= '9':
			if !t.scanNumber() {
				t.emitBad(start)
				return
			}
			t.push(tNumber, src[start:t.pos], start, line, col)
			return
		case c == '"' || c == '\'':
			if !t.scanString(start, line, col) {
				t.emitBad(start)
				return
			}
			t.push(tString, src[start:t.pos], start, line, col)
			return
		}
		typ, n := scanOp(src, start)
		if n == 0 {
			// A control character (the printable ASCII characters that
			// are no token are opErr tokens).
			t.fail(true, "SyntaxError", fmt.Sprintf("invalid non-printable character U+%04X", c), line, col+1, line, col+1)
			t.emitBad(start)
			return
		}
		t.pos += n
		switch typ {
		case opLParen, opLBrack, opLBrace:
			if len(t.brackets) >= 200 {
				t.fail(true, "SyntaxError", "too many nested parentheses", line, col+1, line, col+1)
				t.emitBad(start)
				return
			}
			t.brackets = append(t.brackets, openBracket{c, line, col})
		case opRParen, opRBrack, opRBrace:
			if len(t.brackets) == 0 {
				t.fail(true, "SyntaxError", fmt.Sprintf("unmatched '%c'", c), line, col+1, line, col+1)
				t.emitBad(start)
				return
			}
			open := t.brackets[len(t.brackets)-1]
			if want := closerOf(open.ch); want != c {
				msg := fmt.Sprintf("closing parenthesis '%c' does not match opening parenthesis '%c'", c, open.ch)
				if open.line != line {
					msg += fmt.Sprintf(" on line %d", open.line)
				}
				t.fail(true, "SyntaxError", msg, line, col+1, line, col+1)
				t.emitBad(start)
				return
			}
			t.brackets = t.brackets[:len(t.brackets)-1]
		}
		t.push(typ, src[start:t.pos], start, line, col)
		return
	}
}

func closerOf(open byte) byte {
	switch open {
	case '(':
		return ')'
	case '[':
		return ']'
	}
	return '}'
}

// indentation measures the leading whitespace of a new logical line and
// queues INDENT/DEDENT tokens. Blank and comment-only lines are skipped.
// It returns false if it ended the stream (error or EOF).
func (t *tokenizer) indentation() bool {
	src := t.src
	for {
		col, alt := 0, 0
		p := t.pos
		for p < len(src) {
			switch src[p] {
			case ' ':
				col++
				alt++
			case '\t':
				col = (col/8 + 1) * 8
				alt++
			case '\f':
				col, alt = 0, 0
			default:
				goto measured
			}
			p++
		}
	measured:
		t.pos = p
		if p >= len(src) {
			return true // EOF: scan handles it
		}
		if c := src[p]; c == '#' || c == '\n' {
			// Blank or comment-only line: no indentation change.
			for t.pos < len(src) && src[t.pos] != '\n' {
				t.pos++
			}
			if t.pos < len(src) {
				t.pos++
				t.newline(t.pos)
				continue
			}
			return true
		}
		top := t.indents[len(t.indents)-1]
		line, tcol := t.line, t.column(p)
		switch {
		case col == top.col:
			if alt != top.alt {
				t.tabError()
				return false
			}
		case col > top.col:
			if alt <= top.alt {
				t.tabError()
				return false
			}
			if len(t.indents) >= 100 {
				t.fail(false, "IndentationError", "too many levels of indentation", line, tcol+1, line, -1)
				t.emitBad(p)
				return false
			}
			t.indents = append(t.indents, indentLevel{col, alt})
			t.push(tIndent, "", p, line, tcol)
		default:
			n := 0
			for len(t.indents) > 1 && col < t.indents[len(t.indents)-1].col {
				t.indents = t.indents[:len(t.indents)-1]
				n++
			}
			top = t.indents[len(t.indents)-1]
			if col != top.col {
				end := strings.IndexByte(src[p:], '\n')
				if end < 0 {
					end = len(src)
				} else {
					end += p
				}
				ecol := t.column(end) + 1
				t.fail(false, "IndentationError", "unindent does not match any outer indentation level", line, ecol, line, -1)
				t.emitBad(p)
				return false
			}
			if alt != top.alt {
				t.tabError()
				return false
			}
			for i := 0; i < n; i++ {
				t.push(tDedent, "", p, line, tcol)
			}
		}
		return true
	}
}

func (t *tokenizer) tabError() {
	t.fail(false, "TabError", "inconsistent use of tabs and spaces in indentation", t.line, 1, t.line, 0)
	t.emitBad(t.pos)
}

// eof queues the tokens that end the stream: NEWLINE if the last logical
// line is unterminated, a DEDENT per open block, then EOF (from Next).
func (t *tokenizer) eof() {
	end := len(t.src)
	if len(t.brackets) > 0 {
		b := t.brackets[len(t.brackets)-1]
		t.incompleteEOF = true
		t.fail(false, "SyntaxError", fmt.Sprintf("'%c' was never closed", b.ch), b.line, b.col+1, b.line, 0)
		t.err.unclosedLine = b.line
		t.emitBad(end)
		return
	}
	col := t.column(end)
	if t.lineHasTok {
		nl := end
		if t.commentStart >= 0 {
			nl = t.commentStart
		}
		t.push(tNewline, t.src[nl:end], nl, t.line, t.column(nl))
		t.lineHasTok = false
	}
	for len(t.indents) > 1 {
		t.indents = t.indents[:len(t.indents)-1]
		t.push(tDedent, "", end, t.line, col)
	}
	t.done = true
}

// definition implements participle's lexer.Definition with the tokenizer.
type definition struct{}

func (definition) Symbols() map[string]lexer.TokenType { return symbols }

func (definition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return newTokenizer(filename, normalizeNewlines(b)), nil
}

func (definition) LexString(filename, src string) (lexer.Lexer, error) {
	return newTokenizer(filename, normalizeNewlines([]byte(src))), nil
}

func (definition) LexBytes(filename string, src []byte) (lexer.Lexer, error) {
	return newTokenizer(filename, normalizeNewlines(src)), nil
}
