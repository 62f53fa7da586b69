package parser

// This file lowers f-strings with CPython 3.11's rules: the scanner lexes
// a whole f-string as one String token; here its text is split into
// literal parts and {expr!conv:spec} fields (following fstring_find_expr
// in CPython's string_parser.c, messages included), and each field's
// expression is parsed by the expression parser from a sub-tokenizer
// placed at the field's position in the file.

import (
	"strings"

	"github.com/aio-lang/aio/ast"
	"github.com/alecthomas/participle/v2/lexer"
)

// fstringBuilder accumulates the parts of one group of adjacent string
// tokens that contains at least one f-string.
type fstringBuilder struct {
	p      *exprParser
	whole  ast.Span // CPython 3.11 gives every part the span of the group
	tok    *lexer.Token
	str    strLit
	lit    strings.Builder
	values []ast.Expr
}

// fail raises an f-string error. CPython raises these from the main
// parser, located at the token after the string group.
func (f *fstringBuilder) fail(msg string) {
	f.p.errToken(f.p.tok, msg)
}

func (f *fstringBuilder) flush(values []ast.Expr, lit *strings.Builder) []ast.Expr {
	if lit.Len() > 0 {
		values = append(values, &ast.Constant{Span: f.whole, Kind: ast.ConstStr, Text: lit.String()})
		lit.Reset()
	}
	return values
}

func (f *fstringBuilder) literal(lit *strings.Builder, chunk string) {
	if f.str.raw || strings.IndexByte(chunk, '\\') < 0 {
		lit.WriteString(chunk)
		return
	}
	s, msg := decodeEscapes(chunk)
	if msg != "" {
		f.fail(msg)
	}
	lit.WriteString(s)
}

// parse parses the f-string body from index i at nesting level lvl (0
// for the string itself, 1 inside a format spec). It stops at the end of
// the body or, in a format spec, at the closing '}'.
func (f *fstringBuilder) parse(i, lvl int, values []ast.Expr, lit *strings.Builder) ([]ast.Expr, int) {
	body := f.str.body
	for {
		// The literal part, up to an undoubled brace.
		start := i
		doubled := false
		for i < len(body) {
			ch := body[i]
			i++
			if !f.str.raw && ch == '\\' && i < len(body) {
				ch = body[i]
				i++
				if ch == 'N' {
					if i < len(body) && body[i] == '{' {
						for i < len(body) && body[i] != '}' {
							i++
						}
						if i < len(body) {
							i++
						}
						continue
					}
					break
				}
			}
			if ch == '{' || ch == '}' {
				if lvl == 0 {
					if i < len(body) && body[i] == ch {
						doubled = true
						break
					}
					if ch == '}' {
						f.fail("f-string: single '}' is not allowed")
					}
				}
				i--
				break
			}
		}
		f.literal(lit, body[start:i])
		if doubled {
			i++ // skip the second brace; the first is in the literal
			continue
		}
		if i >= len(body) || body[i] == '}' {
			return values, i
		}
		var fv ast.Expr
		var debug string
		fv, debug, i = f.field(i, lvl)
		lit.WriteString(debug)
		values = f.flush(values, lit)
		values = append(values, fv)
	}
}

// field parses one replacement field starting at body[i] == '{'. It
// returns the FormattedValue, the "expr=" text of a debug field, and the
// index after the closing brace.
func (f *fstringBuilder) field(i, lvl int) (ast.Expr, string, int) {
	body := f.str.body
	if lvl >= 2 {
		f.fail("f-string: expressions nested too deeply")
	}
	i++
	exprStart := i
	var quote byte
	triple := false
	var stack []byte
scan:
	for ; i < len(body); i++ {
		ch := body[i]
		if ch == '\\' {
			f.fail("f-string expression part cannot include a backslash")
		}
		if quote != 0 {
			if ch == quote {
				if triple {
					if i+2 < len(body) && body[i+1] == ch && body[i+2] == ch {
						i += 2
						quote, triple = 0, false
					}
				} else {
					quote = 0
				}
			}
			continue
		}
		switch ch {
		case '\'', '"':
			if i+2 < len(body) && body[i+1] == ch && body[i+2] == ch {
				triple = true
				i += 2
			}
			quote = ch
		case '[', '{', '(':
			if len(stack) >= 200 {
				f.fail("f-string: too many nested parenthesis")
			}
			stack = append(stack, ch)
		case '#':
			f.fail("f-string expression part cannot include '#'")
		case ']', '}', ')':
			if len(stack) == 0 {
				if ch == '}' {
					break scan
				}
				f.fail("f-string: unmatched '" + string(ch) + "'")
			}
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if closerOf(open) != ch {
				f.fail("f-string: closing parenthesis '" + string(ch) + "' does not match opening parenthesis '" + string(open) + "'")
			}
		case '!', ':', '=', '<', '>':
			if len(stack) > 0 {
				continue
			}
			if i+1 < len(body) {
				next := body[i+1]
				if next == '=' && (ch == '!' || ch == '=' || ch == '<' || ch == '>') {
					i++
					continue
				}
				if ch == '<' || ch == '>' {
					continue
				}
			}
			break scan
		}
	}
	exprEnd := i
	if quote != 0 {
		f.fail("f-string: unterminated string")
	}
	if len(stack) > 0 {
		f.fail("f-string: unmatched '" + string(stack[len(stack)-1]) + "'")
	}
	if i >= len(body) {
		f.fail("f-string: expecting '}'")
	}
	if strings.Trim(body[exprStart:exprEnd], " \t\n\f") == "" {
		if c := body[exprEnd]; c == '!' || c == ':' || c == '=' {
			f.fail("f-string: expression required before '" + string(c) + "'")
		}
		f.fail("f-string: empty expression not allowed")
	}
	value := f.compileExpr(exprStart, exprEnd)

	var debug string
	if body[i] == '=' {
		i++
		for i < len(body) && strings.IndexByte(" \t\n\r\f\v", body[i]) >= 0 {
			i++
		}
		debug = body[exprStart:i]
	}
	var conv rune
	if i < len(body) && body[i] == '!' {
		i++
		if i >= len(body) {
			f.fail("f-string: expecting '}'")
		}
		conv = rune(body[i])
		i++
		if conv != 's' && conv != 'r' && conv != 'a' {
			f.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
	}
	if i >= len(body) {
		f.fail("f-string: expecting '}'")
	}
	var spec *ast.JoinedStr
	if body[i] == ':' {
		i++
		if i >= len(body) {
			f.fail("f-string: expecting '}'")
		}
		var lit strings.Builder
		var parts []ast.Expr
		parts, i = f.parse(i, lvl+1, nil, &lit)
		parts = f.flush(parts, &lit)
		spec = &ast.JoinedStr{Span: f.whole, Values: parts}
	}
	if i >= len(body) || body[i] != '}' {
		f.fail("f-string: expecting '}'")
	}
	i++
	if debug != "" && spec == nil && conv == 0 {
		conv = 'r'
	}
	return &ast.FormattedValue{Span: f.whole, Value: value, Conversion: conv, FormatSpec: spec}, debug, i
}

// compileExpr parses body[from:to] as CPython 3.11 does: as the source
// "(" + text + ")", tokenized from the field's place in the file. Parse
// errors get the "f-string: " prefix and, as in CPython, report the
// column within "(text)" and that text as the source line.
func (f *fstringBuilder) compileExpr(from, to int) ast.Expr {
	text := f.str.body[from:to]
	// Position of the '{' before the expression.
	before := f.tok.Value[:f.str.bodyOff+from-1]
	line, col := f.tok.Pos.Line, f.tok.Pos.Column-1
	if nl := strings.LastIndexByte(before, '\n'); nl >= 0 {
		line += strings.Count(before, "\n")
		col = runeLen(before[nl+1:])
	} else {
		col += runeLen(before)
	}
	// CPython subtracts its starting_col_offset from the columns of an
	// error on any line of the expression, though only the first line's
	// tokens were shifted by it; on a field that does not start on the
	// string's first line it is computed one column off. Reproduce both.
	start := col
	if strings.IndexByte(before, '\n') >= 0 {
		start = f.tok.Pos.Column - 1 + col + 1
	}
	if t := strings.TrimLeft(text, " \t\f"); t == "" || t[0] == '\n' {
		start = f.tok.Pos.Column - 1 // newline right after the brace
	}
	sub := "(" + text + ")"
	t := newTokenizer(f.tok.Pos.Filename, sub)
	t.line, t.firstLine, t.colBias = line, line, col
	peek, _ := lexer.Upgrade(t)

	var result ast.Expr
	func() {
		defer func() {
			r := recover()
			if r == nil {
				return
			}
			pf, ok := r.(*parseFailure)
			if !ok || pf.fixed || pf.eofMsg != "" {
				panic(r) // not ours, or already placed by a nested f-string
			}
			var e SyntaxError
			if pf.atBad {
				e = t.err.SyntaxError // tokenizer errors: no prefix, relative columns
			} else {
				e = *pf.err
				e.Msg = "f-string: " + e.Msg
				if e.Line == line {
					e.Col -= col
				} else {
					e.Col -= start
				}
				if e.EndLine == line {
					e.EndCol -= col
				} else {
					e.EndCol -= start
				}
			}
			e.Text = sourceLine(sub, e.Line-line+1)
			f.p.touch(f.p.tok)
			panic(&parseFailure{err: &e, fixed: true, farLine: f.p.far.Pos.Line})
		}()
		sp := newExprParser(peek)
		result = sp.starExpressions()
		if sp.tok.Type != tNewline && sp.tok.Type != lexer.EOF {
			sp.unexpected()
		}
	}()
	return result
}
