package parser

// This file defines SyntaxError, its CPython rendering, and the helpers
// the parsers use to raise one.

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/aio-lang/aio/ast"
	"github.com/alecthomas/participle/v2/lexer"
)

// SyntaxError is a compile-time error in CPython's shape: SyntaxError,
// IndentationError or TabError, with CPython's message and location.
// Two other kinds have no location (Line 0): "MemoryError" (no message)
// when an expression nests deeper than CPython's parser can follow, and
// "RecursionError" when the tree is too deep for CPython's compiler.
type SyntaxError struct {
	Kind     string // "SyntaxError", "IndentationError", "TabError", "MemoryError" or "RecursionError"
	Msg      string // e.g. "invalid syntax"
	Filename string
	// Line is 1-based. Col is CPython's 1-based offset in characters;
	// EndLine and EndCol are CPython's end_lineno and end_offset (EndCol
	// may be 0 or -1 where CPython reports no end).
	Line, Col       int
	EndLine, EndCol int
	Text            string // the source line, without its newline
}

// Error renders the error as CPython prints it for an uncaught
// SyntaxError in a script: the File line, the offending source line with
// leading whitespace removed, carets under the error (one caret for
// IndentationError and TabError, as CPython), and "Kind: msg".
func (e *SyntaxError) Error() string {
	if e.Line == 0 {
		if e.Msg == "" {
			return e.Kind // a bare MemoryError, as CPython prints it
		}
		return e.Kind + ": " + e.Msg // no location (undecodable source)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "  File \"%s\", line %d\n", e.Filename, e.Line)
	writeErrorText(&b, e) // an empty line still prints, as in CPython
	b.WriteString(e.Kind)
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// writeErrorText follows print_error_text in CPython 3.11's pythonrun.c.
func writeErrorText(b *strings.Builder, e *SyntaxError) {
	text := []rune(e.Text)
	lineSize := len(text) + 1 // CPython's text ends with the newline
	offset, end := e.Col, e.EndCol
	if e.Kind != "SyntaxError" {
		end = -1 // subclasses get a single caret
	} else if e.EndLine > e.Line {
		end = lineSize
	}
	if end > lineSize+1 {
		end = lineSize + 1
	}
	carets := 1
	if end > 0 && end > offset {
		carets = end - offset
	}
	offset--
	for len(text) > 0 && (text[0] == ' ' || text[0] == '\t' || text[0] == '\f') {
		text = text[1:]
		offset--
	}
	if offset > len(text) {
		offset = len(text)
	}
	b.WriteString("    ")
	b.WriteString(string(text))
	b.WriteByte('\n')
	if offset < 0 {
		return
	}
	b.WriteString("    ")
	b.WriteString(strings.Repeat(" ", offset))
	b.WriteString(strings.Repeat("^", carets))
	b.WriteByte('\n')
}

// NewSyntaxError builds a SyntaxError (or IndentationError/TabError, per
// kind) covering start..end of src, with the source line filled in. The
// interpreter's resolver uses it for CPython's compile-time errors
// ("'return' outside function", ...), so they print like parser errors.
func NewSyntaxError(filename string, src []byte, kind, msg string, start, end ast.Pos) *SyntaxError {
	return &SyntaxError{
		Kind: kind, Msg: msg, Filename: filename,
		Line: start.Line, Col: start.Col + 1,
		EndLine: end.Line, EndCol: end.Col + 1,
		Text: sourceLine(string(src), start.Line),
	}
}

// sourceLine returns line n (1-based) of src without its newline.
func sourceLine(src string, n int) string {
	if n < 1 {
		return ""
	}
	for i := 1; i < n; i++ {
		j := strings.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := strings.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimSuffix(src, "\r")
}

// parseFailure is the panic value of the hand-written parsers: either a
// syntax error, or atBad when the parser ran into the tBad token and the
// tokenizer's error must be reported.
type parseFailure struct {
	err   *SyntaxError
	atBad bool
	fixed bool // err.Text is already set (f-string errors show "(expr)")
	// farLine is the line of the furthest token the parser looked at.
	// CPython replaces an error with "'(' was never closed" when that
	// line is after the bracket's.
	farLine int
	// unexpectedIndent errors are never replaced by a tokenizer error.
	noOverride bool
	// eofMsg is an error at the end of the input, whose location only
	// the caller, which has the source, can compute.
	eofMsg string
}

// touch records that the parser looked at token t.
func (p *exprParser) touch(t *lexer.Token) {
	if p.far == nil || t.Pos.Offset > p.far.Pos.Offset {
		p.far = t
	}
}

// fail raises e.
func (p *exprParser) fail(e *SyntaxError) {
	p.touch(p.tok)
	panic(&parseFailure{err: e, farLine: p.far.Pos.Line})
}

// atBad raises the tokenizer's error: the parser reached the bad token.
func atBad() {
	panic(&parseFailure{atBad: true})
}

// errRange raises a SyntaxError covering start..end (0-based columns), as
// CPython's RAISE_SYNTAX_ERROR_KNOWN_RANGE/LOCATION do.
func (p *exprParser) errRange(start, end ast.Pos, format string, args ...any) {
	p.fail(&SyntaxError{
		Kind: "SyntaxError", Msg: fmt.Sprintf(format, args...),
		Line: start.Line, Col: start.Col + 1, EndLine: end.Line, EndCol: end.Col + 1,
	})
}

// errNode raises a SyntaxError located at node n.
func (p *exprParser) errNode(n ast.Node, format string, args ...any) {
	s := n.NodeSpan()
	p.errRange(s.Start, s.End, format, args...)
}

// runeLen is utf8.RuneCountInString with an ASCII fast path.
func runeLen(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return utf8.RuneCountInString(s)
		}
	}
	return len(s)
}
