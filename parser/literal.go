package parser

// This file lowers number and string literal tokens: integer and float
// values, string prefixes, escape sequences and the concatenation of
// adjacent literals (f-strings are in fstring.go).

import (
	"fmt"
	"github.com/aio-lang/aio/internal/unames"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aio-lang/aio/ast"
	"github.com/alecthomas/participle/v2/lexer"
)

// numberConst converts a number token. The scanner has already checked
// the syntax.
func (p *exprParser) numberConst(t *lexer.Token) ast.Expr {
	v := t.Value
	sp := span(tokStart(t), tokEnd(t))
	last := v[len(v)-1]
	if last == 'j' || last == 'J' {
		return imaginaryConst(sp, v[:len(v)-1])
	}
	if len(v) > 1 && v[0] == '0' && (v[1]|0x20 == 'x' || v[1]|0x20 == 'o' || v[1]|0x20 == 'b') {
		base := 16
		switch v[1] | 0x20 {
		case 'o':
			base = 8
		case 'b':
			base = 2
		}
		digits := strings.ReplaceAll(v[2:], "_", "")
		if n, err := strconv.ParseUint(digits, base, 64); err == nil {
			return &ast.Constant{Span: sp, Kind: ast.ConstInt, Text: strconv.FormatUint(n, 10)}
		}
		var z big.Int
		z.SetString(digits, base)
		return &ast.Constant{Span: sp, Kind: ast.ConstInt, Text: z.String()}
	}
	if strings.ContainsAny(v, ".eE") {
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, "_", ""), 64)
		if err != nil && !isRangeErr(err) {
			p.errRange(sp.Start, sp.End, "invalid decimal literal")
		}
		return &ast.Constant{Span: sp, Kind: ast.ConstFloat, Float: f}
	}
	if strings.IndexByte(v, '_') >= 0 {
		v = strings.ReplaceAll(v, "_", "")
	}
	v = strings.TrimLeft(v, "0")
	if v == "" {
		v = "0"
	}
	return &ast.Constant{Span: sp, Kind: ast.ConstInt, Text: v}
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// strLit is a string token taken apart.
type strLit struct {
	raw, fmode, bytes bool
	body              string // between the quotes
	bodyOff           int    // offset of body in the token text
}

func splitString(v string) strLit {
	var s strLit
	i := 0
	for ; i < len(v) && v[i] != '\'' && v[i] != '"'; i++ {
		switch v[i] | 0x20 {
		case 'r':
			s.raw = true
		case 'f':
			s.fmode = true
		case 'b':
			s.bytes = true
		}
	}
	q := v[i]
	n := 1
	if len(v)-i >= 6 && v[i+1] == q && v[i+2] == q {
		n = 3
	}
	s.body = v[i+n : len(v)-n]
	s.bodyOff = i + n
	return s
}

// strings parses one or more adjacent string tokens into a Constant, or
// a JoinedStr when any of them is an f-string.
func (p *exprParser) strings() ast.Expr {
	first := p.tok
	p.next()
	if p.tok.Type != tString {
		// The common case: a single literal.
		lit := splitString(first.Value)
		if lit.bytes {
			return &ast.Constant{Span: span(tokStart(first), tokEnd(first)), Kind: ast.ConstBytes, Text: p.bytesString(first, lit)}
		}
		if !lit.fmode {
			s := p.plainString(lit)
			return &ast.Constant{Span: span(tokStart(first), tokEnd(first)), Kind: ast.ConstStr, Text: s}
		}
	}
	toks := []*lexer.Token{first}
	for p.tok.Type == tString {
		toks = append(toks, p.next())
	}
	whole := span(tokStart(first), p.prevEnd())
	if c := p.bytesConcat(toks, whole); c != nil {
		return c
	}
	anyF := false
	for _, t := range toks {
		if splitString(t.Value).fmode {
			anyF = true
			break
		}
	}
	if !anyF {
		var b strings.Builder
		for _, t := range toks {
			b.WriteString(p.plainString(splitString(t.Value)))
		}
		return &ast.Constant{Span: whole, Kind: ast.ConstStr, Text: b.String()}
	}
	f := &fstringBuilder{p: p, whole: whole}
	for _, t := range toks {
		lit := splitString(t.Value)
		if !lit.fmode {
			f.lit.WriteString(p.plainString(lit))
			continue
		}
		f.tok, f.str = t, lit
		f.values, _ = f.parse(0, 0, f.values, &f.lit)
	}
	f.values = f.flush(f.values, &f.lit)
	return &ast.JoinedStr{Span: whole, Values: f.values}
}

// plainString decodes a non-f string literal. Errors are located at the
// token after the literals, as CPython's are.
func (p *exprParser) plainString(lit strLit) string {
	if lit.raw || strings.IndexByte(lit.body, '\\') < 0 {
		return lit.body
	}
	s, msg := decodeEscapes(lit.body)
	if msg != "" {
		p.errToken(p.tok, msg)
	}
	return s
}

// decodeEscapes interprets backslash escapes as CPython's unicode-escape
// codec does. It returns the codec's error message on a bad escape; the
// positions in it count a non-ASCII character as 10 bytes, because
// CPython rewrites each as \UXXXXXXXX before decoding.
func decodeEscapes(body string) (string, string) {
	var b strings.Builder
	b.Grow(len(body))
	pos := 0 // position in CPython's rewritten buffer
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			if c < 0x80 {
				b.WriteByte(c)
				i++
				pos++
				continue
			}
			r, n := utf8.DecodeRuneInString(body[i:])
			b.WriteRune(r)
			i += n
			pos += 10
			continue
		}
		start := pos
		if i+1 >= len(body) {
			return "", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position %d: \\ at end of string", start)
		}
		e := body[i+1]
		i += 2
		pos += 2
		if c, ok := simpleEscape(e); ok {
			b.WriteByte(c)
			continue
		}
		switch e {
		case '\n':
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(e - '0')
			for k := 0; k < 2 && i < len(body) && body[i] >= '0' && body[i] <= '7'; k++ {
				v = v*8 + int(body[i]-'0')
				i++
				pos++
			}
			b.WriteRune(rune(v))
		case 'x', 'u', 'U':
			n, what := 2, "truncated \\xXX escape"
			if e == 'u' {
				n, what = 4, "truncated \\uXXXX escape"
			} else if e == 'U' {
				n, what = 8, "truncated \\UXXXXXXXX escape"
			}
			v := 0
			for k := 0; k < n; k++ {
				if i >= len(body) || !isHexDigit(int(body[i])) {
					end := pos - 1
					if i < len(body) {
						end = pos
						if body[i] >= 0x80 {
							end = pos + 9
						}
					}
					return "", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s", start, end, what)
				}
				v = v*16 + hexVal(body[i])
				i++
				pos++
			}
			if v > 0x10FFFF {
				return "", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: illegal Unicode character", start, pos-1)
			}
			b.WriteRune(rune(v))
		case 'N':
			// \N{name}: the character of that Unicode name (any case).
			j := i
			if j < len(body) && body[j] == '{' {
				for j < len(body) && body[j] != '}' {
					j++
				}
			}
			end := pos + (j - i) // the closing brace
			malformed := ""
			switch {
			case j == i: // no brace: the N is the last byte
				end, malformed = start+1, "malformed"
			case j >= len(body): // no closing brace: to the end
				end, malformed = end-1, "malformed"
			case j == i+1: // an empty name: up to the opening brace
				end, malformed = pos, "malformed"
			}
			if malformed != "" {
				return "", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: malformed \\N character escape", start, end)
			}
			r, ok := unames.Lookup(body[i+1 : j])
			if !ok {
				return "", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: unknown Unicode character name", start, end)
			}
			b.WriteRune(r)
			pos += len([]rune(body[i : j+1]))
			i = j + 1
		default:
			// An unknown escape keeps its backslash (CPython warns).
			b.WriteByte('\\')
			i--
			pos--
		}
	}
	return b.String(), ""
}

// simpleEscape returns the byte a one-character escape (\n, \t, \\,
// \', ...) stands for, the same in str and bytes literals.
func simpleEscape(e byte) (byte, bool) {
	switch e {
	case '\\', '\'', '"':
		return e, true
	case 'a':
		return 7, true
	case 'b':
		return 8, true
	case 'f':
		return 12, true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	case 'v':
		return 11, true
	}
	return 0, false
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	}
	return int(c-'A') + 10
}
