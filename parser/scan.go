package parser

// This file holds the character-level scanner: token types, identifiers,
// numbers, strings and operators. The line structure (NEWLINE, INDENT,
// DEDENT, brackets) lives in indent.go, which drives these functions.
//
// The scanner is hand-written rather than built from participle's regexp
// lexer: it is faster, costs nothing at start-up, and lets every lexical
// error carry CPython's exact message and column.

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types. Every keyword and operator has its own type so that the
// expression parser can switch on integers; participle's grammar literals
// ('if', '(') match on the token text and do not care.
const (
	tName lexer.TokenType = iota + 1
	tNumber
	tString
	tNewline
	tIndent
	tDedent
	tBad // where a lexical error was found; the stream ends right after it

	kwFalse
	kwNone
	kwTrue
	kwAnd
	kwAs
	kwAssert
	kwAsync
	kwAwait
	kwBreak
	kwClass
	kwContinue
	kwDef
	kwDel
	kwElif
	kwElse
	kwExcept
	kwFinally
	kwFor
	kwFrom
	kwGlobal
	kwIf
	kwImport
	kwIn
	kwIs
	kwLambda
	kwNonlocal
	kwNot
	kwOr
	kwPass
	kwRaise
	kwReturn
	kwTry
	kwWhile
	kwWith
	kwYield

	opLParen
	opRParen
	opLBrack
	opRBrack
	opLBrace
	opRBrace
	opComma
	opColon
	opSemi
	opDot
	opEllipsis
	opAt
	opAssign
	opArrow
	opWalrus
	opPlus
	opMinus
	opStar
	opSlash
	opDSlash
	opPercent
	opDStar
	opLShift
	opRShift
	opAmp
	opPipe
	opCaret
	opTilde
	opLt
	opGt
	opLe
	opGe
	opEq
	opNe
	opPlusEq
	opMinusEq
	opStarEq
	opSlashEq
	opDSlashEq
	opPercentEq
	opDStarEq
	opAtEq
	opAmpEq
	opPipeEq
	opCaretEq
	opLShiftEq
	opRShiftEq
	opErr // a character CPython tokenizes as ERRORTOKEN: $ ? ! `
	numTokTypes
)

// keywords maps each hard keyword to its token type. Soft keywords
// (match, case, _) stay names.
var keywords = map[string]lexer.TokenType{
	"False": kwFalse, "None": kwNone, "True": kwTrue, "and": kwAnd, "as": kwAs,
	"assert": kwAssert, "async": kwAsync, "await": kwAwait, "break": kwBreak,
	"class": kwClass, "continue": kwContinue, "def": kwDef, "del": kwDel,
	"elif": kwElif, "else": kwElse, "except": kwExcept, "finally": kwFinally,
	"for": kwFor, "from": kwFrom, "global": kwGlobal, "if": kwIf,
	"import": kwImport, "in": kwIn, "is": kwIs, "lambda": kwLambda,
	"nonlocal": kwNonlocal, "not": kwNot, "or": kwOr, "pass": kwPass,
	"raise": kwRaise, "return": kwReturn, "try": kwTry, "while": kwWhile,
	"with": kwWith, "yield": kwYield,
}

// opText is indexed by operator token type.
var opText = map[lexer.TokenType]string{
	opLParen: "(", opRParen: ")", opLBrack: "[", opRBrack: "]", opLBrace: "{",
	opRBrace: "}", opComma: ",", opColon: ":", opSemi: ";", opDot: ".",
	opEllipsis: "...", opAt: "@", opAssign: "=", opArrow: "->", opWalrus: ":=",
	opPlus: "+", opMinus: "-", opStar: "*", opSlash: "/", opDSlash: "//",
	opPercent: "%", opDStar: "**", opLShift: "<<", opRShift: ">>", opAmp: "&",
	opPipe: "|", opCaret: "^", opTilde: "~", opLt: "<", opGt: ">", opLe: "<=",
	opGe: ">=", opEq: "==", opNe: "!=", opPlusEq: "+=", opMinusEq: "-=",
	opStarEq: "*=", opSlashEq: "/=", opDSlashEq: "//=", opPercentEq: "%=",
	opDStarEq: "**=", opAtEq: "@=", opAmpEq: "&=", opPipeEq: "|=",
	opCaretEq: "^=", opLShiftEq: "<<=", opRShiftEq: ">>=",
}

// symbols is what lexer.Definition.Symbols reports: the names the grammar
// may use (Name, NEWLINE, ...) plus one entry per keyword and operator.
var symbols = func() map[string]lexer.TokenType {
	m := map[string]lexer.TokenType{
		"EOF": lexer.EOF, "Name": tName, "Number": tNumber, "String": tString,
		"NEWLINE": tNewline, "INDENT": tIndent, "DEDENT": tDedent, "Bad": tBad,
		"ErrorChar": opErr,
	}
	for k, v := range keywords {
		m["kw_"+k] = v
	}
	for k, v := range opText {
		m["op"+v] = k
	}
	return m
}()

// scanOp recognises the operator at s.pos (longest match) and returns its
// type and length, or 0 if the byte starts no operator.
func scanOp(src string, i int) (lexer.TokenType, int) {
	c := src[i]
	var c1, c2 byte
	if i+1 < len(src) {
		c1 = src[i+1]
	}
	if i+2 < len(src) {
		c2 = src[i+2]
	}
	switch c {
	case '(':
		return opLParen, 1
	case ')':
		return opRParen, 1
	case '[':
		return opLBrack, 1
	case ']':
		return opRBrack, 1
	case '{':
		return opLBrace, 1
	case '}':
		return opRBrace, 1
	case ',':
		return opComma, 1
	case ';':
		return opSemi, 1
	case '~':
		return opTilde, 1
	case ':':
		if c1 == '=' {
			return opWalrus, 2
		}
		return opColon, 1
	case '.':
		if c1 == '.' && c2 == '.' {
			return opEllipsis, 3
		}
		return opDot, 1
	case '@':
		if c1 == '=' {
			return opAtEq, 2
		}
		return opAt, 1
	case '=':
		if c1 == '=' {
			return opEq, 2
		}
		return opAssign, 1
	case '!':
		if c1 == '=' {
			return opNe, 2
		}
		return opErr, 1
	case '+':
		if c1 == '=' {
			return opPlusEq, 2
		}
		return opPlus, 1
	case '-':
		if c1 == '=' {
			return opMinusEq, 2
		}
		if c1 == '>' {
			return opArrow, 2
		}
		return opMinus, 1
	case '*':
		if c1 == '*' {
			if c2 == '=' {
				return opDStarEq, 3
			}
			return opDStar, 2
		}
		if c1 == '=' {
			return opStarEq, 2
		}
		return opStar, 1
	case '/':
		if c1 == '/' {
			if c2 == '=' {
				return opDSlashEq, 3
			}
			return opDSlash, 2
		}
		if c1 == '=' {
			return opSlashEq, 2
		}
		return opSlash, 1
	case '%':
		if c1 == '=' {
			return opPercentEq, 2
		}
		return opPercent, 1
	case '&':
		if c1 == '=' {
			return opAmpEq, 2
		}
		return opAmp, 1
	case '|':
		if c1 == '=' {
			return opPipeEq, 2
		}
		return opPipe, 1
	case '^':
		if c1 == '=' {
			return opCaretEq, 2
		}
		return opCaret, 1
	case '<':
		if c1 == '<' {
			if c2 == '=' {
				return opLShiftEq, 3
			}
			return opLShift, 2
		}
		if c1 == '=' {
			return opLe, 2
		}
		if c1 == '>' { // "<>" is only valid under barry_as_FLUFL
			return opErr, 2
		}
		return opLt, 1
	case '>':
		if c1 == '>' {
			if c2 == '=' {
				return opRShiftEq, 3
			}
			return opRShift, 2
		}
		if c1 == '=' {
			return opGe, 2
		}
		return opGt, 1
	case '$', '?', '`':
		return opErr, 1
	}
	return 0, 0
}

// isIdentStart and isIdentChar follow CPython's tokenizer for ASCII; any
// byte >= 0x80 is a potential identifier character, checked afterwards.
func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9'
}

func isDigit(c int) bool { return c >= '0' && c <= '9' }

func isHexDigit(c int) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// validIdentRune reports whether r may appear in an identifier (first
// reports the stricter rule for its first character). This approximates
// Python's XID_Start/XID_Continue with Go's Unicode tables.
func validIdentRune(r rune, first bool) bool {
	if r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r) {
		return true
	}
	if first {
		return false
	}
	return unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) || unicode.Is(unicode.Other_ID_Continue, r)
}

// scanName scans an identifier starting at s.pos. It returns false after
// recording an error if the name holds a character that Python rejects.
func (s *tokenizer) scanName() bool {
	start := s.pos
	ascii := true
	for s.pos < len(s.src) && isIdentChar(s.src[s.pos]) {
		if s.src[s.pos] >= 0x80 {
			ascii = false
		}
		s.pos++
	}
	if ascii {
		return true
	}
	// Check each rune; CPython reports the first bad one.
	for i := start; i < s.pos; {
		r, n := utf8.DecodeRuneInString(s.src[i:])
		if r == utf8.RuneError && n <= 1 || !validIdentRune(r, i == start) {
			if r >= 0x80 || r == utf8.RuneError {
				col := s.column(i) + 1
				msg := fmt.Sprintf("invalid character '%c' (U+%04X)", r, r)
				if !unicode.IsPrint(r) {
					msg = fmt.Sprintf("invalid non-printable character U+%04X", r)
				}
				s.fail(true, "SyntaxError", msg, s.line, col, s.line, col)
				return false
			}
		}
		i += n
	}
	return true
}

// The number scanner mirrors CPython's tok_get number branch so that the
// messages and columns of bad literals are CPython's. "cur" in CPython's
// tokenizer corresponds to s.pos; tok_backup is s.pos--.

func (s *tokenizer) nextc() int {
	if s.pos >= len(s.src) {
		s.pos++ // so that backup is symmetric
		return -1
	}
	c := s.src[s.pos]
	s.pos++
	return int(c)
}

func (s *tokenizer) backup() { s.pos-- }

// numErr raises CPython's syntaxerror(tok, msg): the column is the number
// of characters before the scanner position.
func (s *tokenizer) numErr(msg string) bool {
	if s.pos > len(s.src) {
		s.pos = len(s.src)
	}
	col := s.column(s.pos)
	s.fail(true, "SyntaxError", msg, s.line, col, s.line, col)
	return false
}

func isPotentialIdentChar(c int) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || isDigit(c) || c >= 128
}

// lookahead reports whether the next bytes are word, restoring position.
func (s *tokenizer) lookahead(word string) bool {
	return s.pos+len(word) <= len(s.src) && s.src[s.pos:s.pos+len(word)] == word
}

func (s *tokenizer) verifyEndOfNumber(c int, kind string) bool {
	// CPython accepts (with a deprecation warning) a number directly
	// followed by a keyword that may legally follow it: 1if x else y.
	r := false
	switch c {
	case 'a':
		r = s.lookahead("nd")
	case 'e':
		r = s.lookahead("lse")
	case 'f':
		r = s.lookahead("or")
	case 'i':
		r = s.pos < len(s.src) && (s.src[s.pos] == 'f' || s.src[s.pos] == 'n' || s.src[s.pos] == 's')
	case 'o':
		r = s.lookahead("r")
	case 'n':
		r = s.lookahead("ot")
	}
	if r {
		return true
	}
	if isPotentialIdentChar(c) {
		s.backup()
		return s.numErr("invalid " + kind + " literal")
	}
	return true
}

// errChar is what decimalTail returns after an error (CPython uses 0,
// which aio keeps free for a NUL byte).
const errChar = -2

// decimalTail scans digits with single underscores; it returns the first
// character after them, or errChar after an error.
func (s *tokenizer) decimalTail() int {
	var c int
	for {
		for {
			c = s.nextc()
			if !isDigit(c) {
				break
			}
		}
		if c != '_' {
			break
		}
		c = s.nextc()
		if !isDigit(c) {
			s.backup()
			s.numErr("invalid decimal literal")
			return errChar
		}
	}
	return c
}

// scanNumber scans a number literal starting at s.pos and leaves s.pos
// just past it. It returns false after recording an error.
func (s *tokenizer) scanNumber() bool {
	start := s.pos
	c := s.nextc()
	if c == '.' {
		c = s.nextc()
		return s.fraction(c)
	}
	if c == '0' {
		c = s.nextc()
		switch c {
		case 'x', 'X':
			c = s.nextc()
			for {
				if c == '_' {
					c = s.nextc()
				}
				if !isHexDigit(c) {
					s.backup()
					return s.numErr("invalid hexadecimal literal")
				}
				for {
					c = s.nextc()
					if !isHexDigit(c) {
						break
					}
				}
				if c != '_' {
					break
				}
			}
			if !s.verifyEndOfNumber(c, "hexadecimal") {
				return false
			}
		case 'o', 'O', 'b', 'B':
			kind, maxDigit := "octal", '7'
			if c == 'b' || c == 'B' {
				kind, maxDigit = "binary", '1'
			}
			c = s.nextc()
			for {
				if c == '_' {
					c = s.nextc()
				}
				if c < '0' || c > int(maxDigit) {
					if isDigit(c) {
						return s.numErr(fmt.Sprintf("invalid digit '%c' in %s literal", c, kind))
					}
					s.backup()
					return s.numErr("invalid " + kind + " literal")
				}
				for {
					c = s.nextc()
					if c < '0' || c > int(maxDigit) {
						break
					}
				}
				if c != '_' {
					break
				}
			}
			if isDigit(c) {
				return s.numErr(fmt.Sprintf("invalid digit '%c' in %s literal", c, kind))
			}
			if !s.verifyEndOfNumber(c, kind) {
				return false
			}
		default:
			// Maybe an old-style octal; "0", "00" and "0_0" are fine.
			nonzero := false
			for {
				if c == '_' {
					c = s.nextc()
					if !isDigit(c) {
						s.backup()
						return s.numErr("invalid decimal literal")
					}
				}
				if c != '0' {
					break
				}
				c = s.nextc()
			}
			zerosEnd := s.pos
			if isDigit(c) {
				nonzero = true
				c = s.decimalTail()
				if c == errChar {
					return false
				}
			}
			switch {
			case c == '.':
				c = s.nextc()
				return s.fraction(c)
			case c == 'e' || c == 'E':
				return s.exponent(c)
			case c == 'j' || c == 'J':
				return s.imaginary()
			case nonzero:
				s.backup()
				col := s.column(start) + 1
				end := s.column(zerosEnd)
				s.fail(true, "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", s.line, col, s.line, end)
				return false
			}
			if !s.verifyEndOfNumber(c, "decimal") {
				return false
			}
		}
		s.backup()
		return true
	}
	// Decimal.
	s.backup()
	c = s.decimalTail()
	if c == errChar {
		return false
	}
	if c == '.' {
		c = s.nextc()
		return s.fraction(c)
	}
	return s.afterFraction(c)
}

func (s *tokenizer) fraction(c int) bool {
	if isDigit(c) {
		s.backup()
		c = s.decimalTail()
		if c == errChar {
			return false
		}
	}
	return s.afterFraction(c)
}

func (s *tokenizer) afterFraction(c int) bool {
	if c == 'e' || c == 'E' {
		return s.exponent(c)
	}
	if c == 'j' || c == 'J' {
		return s.imaginary()
	}
	if !s.verifyEndOfNumber(c, "decimal") {
		return false
	}
	s.backup()
	return true
}

func (s *tokenizer) exponent(e int) bool {
	c := s.nextc()
	if c == '+' || c == '-' {
		c = s.nextc()
		if !isDigit(c) {
			s.backup()
			return s.numErr("invalid decimal literal")
		}
	} else if !isDigit(c) {
		s.backup()
		if !s.verifyEndOfNumber(e, "decimal") {
			return false
		}
		s.backup() // the 'e' belongs to what follows: 1else
		return true
	}
	s.backup()
	c = s.decimalTail()
	if c == errChar {
		return false
	}
	if c == 'j' || c == 'J' {
		return s.imaginary()
	}
	if !s.verifyEndOfNumber(c, "decimal") {
		return false
	}
	s.backup()
	return true
}

func (s *tokenizer) imaginary() bool {
	c := s.nextc()
	if !s.verifyEndOfNumber(c, "imaginary") {
		return false
	}
	s.backup()
	return true
}

// stringPrefix reports whether name is a valid string prefix.
func stringPrefix(name string) bool {
	switch len(name) {
	case 1:
		switch name[0] {
		case 'r', 'R', 'u', 'U', 'f', 'F', 'b', 'B':
			return true
		}
	case 2:
		a, b := name[0]|0x20, name[1]|0x20
		return a == 'r' && (b == 'f' || b == 'b') || b == 'r' && (a == 'f' || a == 'b')
	}
	return false
}

// scanString scans a string literal whose quote is at s.pos (the prefix,
// if any, starts at start). It returns false after recording an error.
func (s *tokenizer) scanString(start, startLine, startCol int) bool {
	q := s.src[s.pos]
	triple := s.pos+2 < len(s.src) && s.src[s.pos+1] == q && s.src[s.pos+2] == q
	if triple {
		s.pos += 3
	} else {
		s.pos++
	}
	for {
		if s.pos >= len(s.src) {
			line := s.line
			if len(s.src) > 0 && s.src[len(s.src)-1] == '\n' {
				line-- // CPython counts the last line, not the empty one after it
			}
			if triple {
				s.fail(true, "SyntaxError", fmt.Sprintf("unterminated triple-quoted string literal (detected at line %d)", line), startLine, startCol+1, startLine, startCol+1)
			} else {
				s.fail(true, "SyntaxError", fmt.Sprintf("unterminated string literal (detected at line %d)", line), startLine, startCol+1, startLine, startCol+1)
			}
			s.incompleteEOF = true
			return false
		}
		c := s.src[s.pos]
		switch c {
		case '\\':
			s.pos++
			if s.pos < len(s.src) {
				if s.src[s.pos] == '\n' {
					s.newline(s.pos + 1)
				}
				s.pos++
			}
			continue
		case '\n':
			if !triple {
				s.fail(true, "SyntaxError", fmt.Sprintf("unterminated string literal (detected at line %d)", s.line), startLine, startCol+1, startLine, startCol+1)
				return false
			}
			s.pos++
			s.newline(s.pos)
			continue
		case q:
			if !triple {
				s.pos++
				return true
			}
			if s.pos+2 < len(s.src) && s.src[s.pos+1] == q && s.src[s.pos+2] == q {
				s.pos += 3
				return true
			}
		}
		s.pos++
	}
}

// column returns the 0-based column, in code points, of byte offset off,
// which must lie on the current line. Successive calls on one line are
// incremental, so the total cost is linear in the line length.
func (s *tokenizer) column(off int) int {
	if s.colLine != s.lineStart || off < s.colOff {
		s.colLine, s.colOff, s.colVal = s.lineStart, s.lineStart, 0
	}
	for i := s.colOff; i < off && i < len(s.src); i++ {
		if s.src[i]&0xC0 != 0x80 {
			s.colVal++
		}
	}
	s.colOff = off
	return s.colVal
}

// newline records that a physical line starts at offset off.
func (s *tokenizer) newline(off int) {
	s.line++
	s.lineStart = off
}
