package parser

// This file lowers bytes literals (every b/rb/br prefix, their escapes and
// concatenation) and imaginary number literals.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aio-lang/aio/ast"
	"github.com/alecthomas/participle/v2/lexer"
)

// imaginaryConst converts the digits of an imaginary literal (without its
// j suffix) to a Constant holding the imaginary part.
func imaginaryConst(sp ast.Span, digits string) ast.Expr {
	f, _ := strconv.ParseFloat(strings.ReplaceAll(digits, "_", ""), 64)
	return &ast.Constant{Span: sp, Kind: ast.ConstImag, Float: f}
}

// bytesConcat handles adjacent literals when any is a bytes literal: all
// of them must be, as in CPython. It returns nil when none is.
func (p *exprParser) bytesConcat(toks []*lexer.Token, whole ast.Span) ast.Expr {
	nbytes := 0
	for _, t := range toks {
		if splitString(t.Value).bytes {
			nbytes++
		}
	}
	if nbytes == 0 {
		return nil
	}
	if nbytes != len(toks) {
		// CPython decodes the literals in order and fails at the first
		// whose kind differs from the first's, so an error inside an
		// earlier literal (such as a bad f-string) is reported instead.
		first := splitString(toks[0].Value).bytes
		for _, t := range toks {
			lit := splitString(t.Value)
			switch {
			case lit.bytes != first:
				p.errToken(p.tok, "cannot mix bytes and nonbytes literals")
			case lit.bytes:
				p.bytesString(t, lit)
			case lit.fmode:
				f := &fstringBuilder{p: p, whole: whole, tok: t, str: lit}
				f.parse(0, 0, nil, &f.lit)
			default:
				p.plainString(lit)
			}
		}
	}
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(p.bytesString(t, splitString(t.Value)))
	}
	return &ast.Constant{Span: whole, Kind: ast.ConstBytes, Text: b.String()}
}

// bytesString decodes the body of the bytes literal t to its bytes (held
// in a Go string). A non-ASCII character is reported at the literal, as
// CPython's tokenizer does; escape errors as plainString's are.
func (p *exprParser) bytesString(t *lexer.Token, lit strLit) string {
	for i := 0; i < len(lit.body); i++ {
		if lit.body[i] >= 0x80 {
			// CPython's end column counts the literal's UTF-8 bytes.
			start := tokStart(t)
			end := start
			end.Col += len(t.Value)
			p.errRange(start, end, "bytes can only contain ASCII literal characters")
		}
	}
	if lit.raw || strings.IndexByte(lit.body, '\\') < 0 {
		return lit.body
	}
	s, msg := decodeBytesEscapes(lit.body)
	if msg != "" {
		p.errToken(p.tok, msg)
	}
	return s
}

// decodeBytesEscapes interprets the escapes of a bytes literal: those of
// str literals except \u, \U and \N, which stay as written; octal escapes
// keep their low eight bits.
func decodeBytesEscapes(body string) (string, string) {
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			i++
			continue
		}
		start := i
		if i+1 >= len(body) {
			return "", "(value error) Trailing \\ in string"
		}
		e := body[i+1]
		i += 2
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
			}
			b.WriteByte(byte(v))
		case 'x':
			if i+1 >= len(body) || !isHexDigit(int(body[i])) || !isHexDigit(int(body[i+1])) {
				return "", fmt.Sprintf("(value error) invalid \\x escape at position %d", start)
			}
			b.WriteByte(byte(hexVal(body[i])<<4 | hexVal(body[i+1])))
			i += 2
		default:
			// Unknown escapes (including \u, \U, \N) keep their backslash.
			b.WriteByte('\\')
			i--
		}
	}
	return b.String(), ""
}
