package ast

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file turns a syntax tree back into Python source. The goal is a
// round trip: parsing the output gives the original tree (positions
// aside), so parentheses appear exactly where the grammar needs them.
// The file runs statements, then expressions, then literals (strings,
// floats and f-strings, whose quoting Python 3.11 constrains).

// Print returns the source text of m, one statement per line with
// 4-space indentation.
func Print(m *Module) string {
	p := &printer{}
	for _, s := range m.Body {
		p.stmt(s)
	}
	return p.buf.String()
}

// ExprString returns the source text of a single expression. Only a
// walrus gets outer parentheses; a bare tuple or yield prints bare. A
// FormattedValue on its own prints as an f-string holding just that field.
func ExprString(e Expr) string {
	p := &printer{}
	p.expr(e, precYield)
	return p.buf.String()
}

// printer accumulates output. The fieldQuote and bad fields serve f-string
// fields, whose text may contain neither a backslash nor the enclosing
// literal's quote in Python 3.11: fieldQuote is that quote character (0
// outside fields) and bad records that no legal spelling was found.
type printer struct {
	buf        strings.Builder
	indent     int
	fieldQuote byte
	bad        bool
}

func (p *printer) write(s string) { p.buf.WriteString(s) }

// line starts a new line at the current indentation.
func (p *printer) line() { p.write(strings.Repeat("    ", p.indent)) }

// block prints ":" and an indented body. An empty body (never produced by
// a parser) prints as `pass` so that the output at least parses.
func (p *printer) block(body []Stmt) {
	p.write(":\n")
	p.indent++
	if len(body) == 0 {
		p.line()
		p.write("pass\n")
	}
	for _, s := range body {
		p.stmt(s)
	}
	p.indent--
}

// elseBlock prints an `else:` clause if body is non-empty.
func (p *printer) elseBlock(body []Stmt) {
	if len(body) > 0 {
		p.line()
		p.write("else")
		p.block(body)
	}
}

// exprList prints items separated by ", ", each at precedence min.
func (p *printer) exprList(list []Expr, min int) {
	for i, e := range list {
		if i > 0 {
			p.write(", ")
		}
		p.expr(e, min)
	}
}

func (p *printer) stmt(s Stmt) {
	p.line()
	switch s := s.(type) {
	case *ExprStmt:
		p.expr(s.Value, precYield)
	case *Assign:
		for _, t := range s.Targets {
			p.expr(t, precTuple)
			p.write(" = ")
		}
		p.expr(s.Value, precYield)
	case *AugAssign:
		p.expr(s.Target, precTest)
		p.write(" " + s.Op.String() + "= ")
		p.expr(s.Value, precYield)
	case *AnnAssign:
		p.expr(s.Target, precTest)
		p.write(": ")
		p.expr(s.Annotation, precTest)
		if s.Value != nil {
			p.write(" = ")
			p.expr(s.Value, precYield)
		}
	case *FunctionDef:
		p.decorators(s.Decorators)
		if s.IsAsync {
			p.write("async ")
		}
		p.write("def " + s.Name + "(")
		if s.Args != nil {
			p.arguments(s.Args, true)
		}
		p.write(")")
		if s.Returns != nil {
			p.write(" -> ")
			p.expr(s.Returns, precTest)
		}
		p.block(s.Body)
		return
	case *ClassDef:
		p.decorators(s.Decorators)
		p.write("class " + s.Name)
		if len(s.Bases)+len(s.Keywords) > 0 {
			p.write("(")
			p.callArgs(s.Bases, s.Keywords)
			p.write(")")
		}
		p.block(s.Body)
		return
	case *Return:
		p.write("return")
		if s.Value != nil {
			p.write(" ")
			p.expr(s.Value, precTuple)
		}
	case *Delete:
		p.write("del ")
		p.exprList(s.Targets, precTest)
	case *If:
		p.write("if ")
		p.ifChain(s)
		return
	case *While:
		p.write("while ")
		p.expr(s.Test, precTest)
		p.block(s.Body)
		p.elseBlock(s.OrElse)
		return
	case *For:
		if s.IsAsync {
			p.write("async ")
		}
		p.write("for ")
		p.expr(s.Target, precTuple)
		p.write(" in ")
		p.expr(s.Iter, precTuple)
		p.block(s.Body)
		p.elseBlock(s.OrElse)
		return
	case *With:
		p.with(s)
		return
	case *Raise:
		p.write("raise")
		if s.Exc != nil {
			p.write(" ")
			p.expr(s.Exc, precTest)
		}
		if s.Cause != nil {
			p.write(" from ")
			p.expr(s.Cause, precTest)
		}
	case *Try:
		p.try(s)
		return
	case *Assert:
		p.write("assert ")
		p.expr(s.Test, precTest)
		if s.Msg != nil {
			p.write(", ")
			p.expr(s.Msg, precTest)
		}
	case *Import:
		p.write("import ")
		p.aliases(s.Names)
	case *ImportFrom:
		p.write("from " + strings.Repeat(".", s.Level) + s.Module + " import ")
		p.aliases(s.Names)
	case *Global:
		p.write("global " + strings.Join(s.Names, ", "))
	case *Nonlocal:
		p.write("nonlocal " + strings.Join(s.Names, ", "))
	case *Match:
		p.match(s)
		return
	case *Pass:
		p.write("pass")
	case *Break:
		p.write("break")
	case *Continue:
		p.write("continue")
	default:
		panic(fmt.Sprintf("ast.Print: unexpected statement type %T", s))
	}
	p.write("\n")
}

// decorators prints one `@expr` line per decorator and leaves the cursor
// indented for the def or class line.
func (p *printer) decorators(list []Expr) {
	for _, d := range list {
		p.write("@")
		p.expr(d, precTest)
		p.write("\n")
		p.line()
	}
}

// ifChain prints the rest of an if statement after its keyword. An If
// alone in OrElse is how the parser represents elif, so it prints as one.
func (p *printer) ifChain(s *If) {
	p.expr(s.Test, precTest)
	p.block(s.Body)
	if len(s.OrElse) == 1 {
		if elif, ok := s.OrElse[0].(*If); ok {
			p.line()
			p.write("elif ")
			p.ifChain(elif)
			return
		}
	}
	p.elseBlock(s.OrElse)
}

func (p *printer) with(s *With) {
	if s.IsAsync {
		p.write("async ")
	}
	p.write("with ")
	// `with (a, b):` is two context managers in 3.11's grammar, so a lone
	// tuple needs a second pair of parentheses to stay one.
	lone := false
	if len(s.Items) == 1 && s.Items[0].OptionalVars == nil {
		t, ok := s.Items[0].ContextExpr.(*Tuple)
		lone = ok && len(t.Elts) > 0
	}
	if lone {
		p.write("(")
	}
	for i, item := range s.Items {
		if i > 0 {
			p.write(", ")
		}
		p.expr(item.ContextExpr, precTest)
		if item.OptionalVars != nil {
			p.write(" as ")
			p.expr(item.OptionalVars, precTest)
		}
	}
	if lone {
		p.write(")")
	}
	p.block(s.Body)
}

func (p *printer) try(s *Try) {
	p.write("try")
	p.block(s.Body)
	for _, h := range s.Handlers {
		p.line()
		p.write("except")
		if s.Star {
			p.write("*")
		}
		if h.Type != nil {
			p.write(" ")
			p.expr(h.Type, precTest)
			if h.Name != "" {
				p.write(" as " + h.Name)
			}
		}
		p.block(h.Body)
	}
	p.elseBlock(s.OrElse)
	if len(s.Finalbody) > 0 {
		p.line()
		p.write("finally")
		p.block(s.Finalbody)
	}
}

func (p *printer) aliases(list []*Alias) {
	for i, a := range list {
		if i > 0 {
			p.write(", ")
		}
		p.write(a.Name)
		if a.AsName != "" {
			p.write(" as " + a.AsName)
		}
	}
}

// arguments prints a parameter list; lambdas pass annotations=false since
// their grammar has no place for annotations.
func (p *printer) arguments(a *Arguments, annotations bool) {
	first := true
	sep := func() {
		if !first {
			p.write(", ")
		}
		first = false
	}
	npos := len(a.PosOnly) + len(a.Args)
	firstDefault := npos - len(a.Defaults)
	for i := 0; i < npos; i++ {
		sep()
		var def Expr
		if i >= firstDefault {
			def = a.Defaults[i-firstDefault]
		}
		if i < len(a.PosOnly) {
			p.param(a.PosOnly[i], def, annotations)
			if i == len(a.PosOnly)-1 {
				p.write(", /")
			}
		} else {
			p.param(a.Args[i-len(a.PosOnly)], def, annotations)
		}
	}
	if a.Vararg != nil {
		sep()
		p.write("*")
		p.param(a.Vararg, nil, annotations)
	} else if len(a.KwOnly) > 0 {
		// A bare star marks where keyword-only parameters begin.
		sep()
		p.write("*")
	}
	for i, arg := range a.KwOnly {
		sep()
		var def Expr
		if i < len(a.KwDefaults) {
			def = a.KwDefaults[i]
		}
		p.param(arg, def, annotations)
	}
	if a.Kwarg != nil {
		sep()
		p.write("**")
		p.param(a.Kwarg, nil, annotations)
	}
}

// param prints `name`, `name=def`, or PEP 8's `name: ann = def`.
func (p *printer) param(a *Arg, def Expr, annotations bool) {
	p.write(a.Name)
	annotated := annotations && a.Annotation != nil
	if annotated {
		p.write(": ")
		p.expr(a.Annotation, precTest)
	}
	if def != nil {
		if annotated {
			p.write(" = ")
		} else {
			p.write("=")
		}
		p.expr(def, precTest)
	}
}

func hasParams(a *Arguments) bool {
	return a != nil && (len(a.PosOnly)+len(a.Args)+len(a.KwOnly) > 0 || a.Vararg != nil || a.Kwarg != nil)
}

// Precedence levels, loosest first, following Python's grammar. expr
// parenthesizes an expression whose level is below what its context
// accepts. The three lowest exist only as contexts: a walrus is always
// parenthesized (nothing accepts precNamed), yield only bare as a
// statement's value, and a bare tuple only where star_expressions may go.
const (
	precNamed  = iota // x := v
	precYield         // yield, yield from
	precTuple         // a, b
	precTest          // lambda, if-else
	precOr            // or
	precAnd           // and
	precNot           // not
	precCmp           // comparisons, in, is
	precBor           // |
	precBxor          // ^
	precBand          // &
	precShift         // << >>
	precArith         // + -
	precTerm          // * / // % @
	precFactor        // unary - + ~
	precPower         // **
	precAwait         // await
	precAtom          // names, literals, displays, calls, attributes, subscripts
)

var binPrec = [...]int{
	Add: precArith, Sub: precArith,
	Mult: precTerm, MatMult: precTerm, Div: precTerm, FloorDiv: precTerm, Mod: precTerm,
	Pow:    precPower,
	LShift: precShift, RShift: precShift,
	BitOr: precBor, BitXor: precBxor, BitAnd: precBand,
}

// precOf returns the level of the construct at the top of e.
func precOf(e Expr) int {
	switch e := e.(type) {
	case *NamedExpr:
		return precNamed
	case *Yield, *YieldFrom:
		return precYield
	case *Tuple:
		if !e.Parens && len(e.Elts) > 0 {
			return precTuple
		}
	case *Lambda, *IfExp:
		return precTest
	case *BoolOp:
		if e.Op == And {
			return precAnd
		}
		return precOr
	case *UnaryOp:
		if e.Op == Not {
			return precNot
		}
		return precFactor
	case *Compare:
		return precCmp
	case *BinOp:
		return binPrec[e.Op]
	case *Await:
		return precAwait
	case *Constant:
		// A parser never makes a negative constant, but a constant-folding
		// pass might; its minus sign binds like unary minus.
		if e.Kind == ConstFloat && math.Signbit(e.Float) && !math.IsNaN(e.Float) {
			return precFactor
		}
	}
	return precAtom
}

// expr prints e, in parentheses if its context needs at least level min.
func (p *printer) expr(e Expr, min int) {
	if precOf(e) < min {
		p.write("(")
		p.exprBare(e)
		p.write(")")
		return
	}
	p.exprBare(e)
}

func (p *printer) exprBare(e Expr) {
	switch e := e.(type) {
	case *Constant:
		p.constant(e)
	case *Name:
		p.write(e.Id)
	case *JoinedStr:
		p.joinedStr(e)
	case *FormattedValue:
		p.joinedStr(&JoinedStr{Values: []Expr{e}})
	case *BinOp:
		level := binPrec[e.Op]
		// Left-associative operators accept their own level on the left
		// only; ** is right-associative and its left operand is an
		// await_primary, so `(-x) ** y` keeps its parentheses while the
		// right operand may be a unary: `x ** -y`.
		left, right := level, level+1
		if e.Op == Pow {
			left, right = precAwait, precFactor
		}
		p.expr(e.Left, left)
		p.write(" " + e.Op.String() + " ")
		p.expr(e.Right, right)
	case *UnaryOp:
		if e.Op == Not {
			p.write("not ")
			p.expr(e.Operand, precNot)
		} else {
			p.write(e.Op.String())
			p.expr(e.Operand, precFactor)
		}
	case *BoolOp:
		// Operands one level up: a nested BoolOp of the same operator is a
		// different tree from a flat one, so it keeps its parentheses.
		level := precOf(e)
		for i, v := range e.Values {
			if i > 0 {
				p.write(" " + e.Op.String() + " ")
			}
			p.expr(v, level+1)
		}
	case *Compare:
		p.expr(e.Left, precBor)
		for i, op := range e.Ops {
			p.write(" " + op.String() + " ")
			if i < len(e.Comparators) {
				p.expr(e.Comparators[i], precBor)
			}
		}
	case *Call:
		p.expr(e.Func, precAtom)
		p.write("(")
		if g, ok := soleGenerator(e); ok {
			p.comprehension(g.Elt, g.Generators)
		} else {
			p.callArgs(e.Args, e.Keywords)
		}
		p.write(")")
	case *Attribute:
		p.expr(e.Value, precAtom)
		// `1.real` would lex as the float `1.` followed by a name.
		if c, ok := e.Value.(*Constant); ok && c.Kind == ConstInt {
			p.write(" ")
		}
		p.write("." + e.Attr)
	case *Subscript:
		p.expr(e.Value, precAtom)
		p.write("[")
		// A slice cannot sit inside parentheses, so a tuple holding one
		// prints bare whatever its Parens says.
		if t, ok := e.Index.(*Tuple); ok && len(t.Elts) > 0 && hasSlice(t.Elts) {
			p.tupleElts(t.Elts)
		} else {
			p.expr(e.Index, precTuple)
		}
		p.write("]")
	case *Slice:
		if e.Lower != nil {
			p.expr(e.Lower, precTest)
		}
		p.write(":")
		if e.Upper != nil {
			p.expr(e.Upper, precTest)
		}
		if e.Step != nil {
			p.write(":")
			p.expr(e.Step, precTest)
		}
	case *Starred:
		p.write("*")
		p.expr(e.Value, precBor)
	case *Tuple:
		if precOf(e) == precTuple {
			p.tupleElts(e.Elts)
		} else {
			p.write("(")
			p.tupleElts(e.Elts)
			p.write(")")
		}
	case *List:
		p.write("[")
		p.exprList(e.Elts, precTest)
		p.write("]")
	case *Set:
		if len(e.Elts) == 0 {
			// There is no empty set display; this is the closest expression.
			p.write("{*()}")
			return
		}
		p.write("{")
		p.exprList(e.Elts, precTest)
		p.write("}")
	case *Dict:
		p.write("{")
		for i, v := range e.Values {
			if i > 0 {
				p.write(", ")
			}
			if i < len(e.Keys) && e.Keys[i] != nil {
				p.expr(e.Keys[i], precTest)
				p.write(": ")
				p.expr(v, precTest)
			} else {
				p.write("**")
				p.expr(v, precBor)
			}
		}
		p.write("}")
	case *ListComp:
		p.write("[")
		p.comprehension(e.Elt, e.Generators)
		p.write("]")
	case *SetComp:
		p.write("{")
		p.comprehension(e.Elt, e.Generators)
		p.write("}")
	case *GeneratorExp:
		p.write("(")
		p.comprehension(e.Elt, e.Generators)
		p.write(")")
	case *DictComp:
		p.write("{")
		p.expr(e.Key, precTest)
		p.write(": ")
		p.comprehension(e.Value, e.Generators)
		p.write("}")
	case *IfExp:
		p.expr(e.Body, precOr)
		p.write(" if ")
		p.expr(e.Test, precOr)
		p.write(" else ")
		p.expr(e.OrElse, precTest)
	case *Lambda:
		p.write("lambda")
		if hasParams(e.Args) {
			p.write(" ")
			p.arguments(e.Args, false)
		}
		p.write(": ")
		p.expr(e.Body, precTest)
	case *Await:
		p.write("await ")
		p.expr(e.Value, precAtom)
	case *Yield:
		p.write("yield")
		if e.Value != nil {
			p.write(" ")
			p.expr(e.Value, precTuple)
		}
	case *YieldFrom:
		p.write("yield from ")
		p.expr(e.Value, precTest)
	case *NamedExpr:
		p.write(e.Target.Id + " := ")
		p.expr(e.Value, precTest)
	default:
		panic(fmt.Sprintf("ast.Print: unexpected expression type %T", e))
	}
}

// tupleElts prints tuple items; a one-item tuple needs its trailing comma.
func (p *printer) tupleElts(elts []Expr) {
	p.exprList(elts, precTest)
	if len(elts) == 1 {
		p.write(",")
	}
}

func hasSlice(elts []Expr) bool {
	for _, e := range elts {
		if _, ok := e.(*Slice); ok {
			return true
		}
	}
	return false
}

// soleGenerator reports whether c's only argument is a generator
// expression, which Python lets the call's parentheses enclose alone.
func soleGenerator(c *Call) (*GeneratorExp, bool) {
	if len(c.Args) != 1 || len(c.Keywords) != 0 {
		return nil, false
	}
	g, ok := c.Args[0].(*GeneratorExp)
	return g, ok
}

// callArgs prints positional arguments, then keywords. Python keeps the
// two in separate lists, so this order gives back the same tree even when
// the source interleaved `*a` with keywords.
func (p *printer) callArgs(args []Expr, keywords []*Keyword) {
	p.exprList(args, precTest)
	for i, k := range keywords {
		if i > 0 || len(args) > 0 {
			p.write(", ")
		}
		if k.Arg == "" {
			p.write("**")
		} else {
			p.write(k.Arg + "=")
		}
		p.expr(k.Value, precTest)
	}
}

// comprehension prints `elt for target in iter if cond ...`. The iterable
// and conditions are disjunctions in the grammar, so a conditional
// expression or lambda there needs parentheses.
func (p *printer) comprehension(elt Expr, gens []*Comprehension) {
	p.expr(elt, precTest)
	for _, g := range gens {
		if g.IsAsync {
			p.write(" async")
		}
		p.write(" for ")
		p.expr(g.Target, precTuple)
		p.write(" in ")
		p.expr(g.Iter, precOr)
		for _, cond := range g.Ifs {
			p.write(" if ")
			p.expr(cond, precOr)
		}
	}
}

func (p *printer) constant(c *Constant) {
	switch c.Kind {
	case ConstNone:
		p.write("None")
	case ConstTrue:
		p.write("True")
	case ConstFalse:
		p.write("False")
	case ConstEllipsis:
		p.write("...")
	case ConstInt:
		p.write(c.Text)
	case ConstFloat:
		p.write(floatRepr(c.Float))
	case ConstStr:
		p.str(c.Text)
	case ConstBytes:
		p.write(bytesLiteral(c.Text))
	case ConstImag:
		p.write(floatRepr(c.Float) + "j")
	}
}

// floatRepr spells f as Python's repr does: the shortest digits that
// round-trip, positional notation for decimal exponents -4 through 15 and
// scientific otherwise (`1e+16`, `1e-05`), with `.0` added to whole
// numbers so that the literal stays a float. Infinity has no literal, but
// `1e309` overflows to it; NaN can only be an expression.
func floatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "1e309"
	case math.IsInf(f, -1):
		return "-1e309"
	case math.IsNaN(f):
		return "(1e309 - 1e309)"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // "-d.ddde±XX"
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	mant, exps, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(exps)
	digits := strings.Replace(mant, ".", "", 1)
	point := exp + 1 // digits[:point] is the integer part
	switch {
	case point <= -4 || point > 16:
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		return fmt.Sprintf("%s%se%+03d", sign, m, exp)
	case point <= 0:
		return sign + "0." + strings.Repeat("0", -point) + digits
	case point >= len(digits):
		return sign + digits + strings.Repeat("0", point-len(digits)) + ".0"
	}
	return sign + digits[:point] + "." + digits[point:]
}

// quoteStr spells s as Python's repr does: single quotes unless s holds a
// single quote and no double quote.
func quoteStr(s string) string {
	q := "'"
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = `"`
	}
	return q + escapeStr(s, q, false) + q
}

// escapeStr escapes s for the inside of a literal quoted with q, the way
// repr does: backslash, \t \n \r, other control and non-printable
// characters as \xhh, \uhhhh or \Uhhhhhhhh, and the quote character: every
// one for a single quote, but only the third of a run for a triple quote
// (and none for q == ""). With braces set, { and } are doubled for an
// f-string's literal text.
func escapeStr(s, q string, braces bool) string {
	var b strings.Builder
	run := 0 // unescaped quote characters just written
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			// A lone surrogate (Python allows "\ud800") has no UTF-8 form;
			// if the lexer kept it as WTF-8, give back its escape.
			if i+2 < len(s) && s[i] == 0xED && s[i+1] >= 0xA0 && s[i+1] <= 0xBF && s[i+2]&0xC0 == 0x80 {
				fmt.Fprintf(&b, `\u%04x`, rune(s[i]&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F))
				i += 3
				continue
			}
			fmt.Fprintf(&b, `\x%02x`, s[i])
			i++
			continue
		}
		i += size
		if q != "" && r == rune(q[0]) {
			if run++; len(q) == 1 || run == 3 {
				b.WriteByte('\\')
				run = 0
			}
			b.WriteRune(r)
			continue
		}
		run = 0
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case braces && (r == '{' || r == '}'):
			b.WriteRune(r)
			b.WriteRune(r)
		case r < 0x7f && r >= 0x20:
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.IsPrint(r): // Go's IsPrint matches str.isprintable
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	return b.String()
}

// quotesAvoiding lists the four string quotes, those made of c last.
func quotesAvoiding(c byte) []string {
	if c == '"' {
		return []string{"'", "'''", `"`, `"""`}
	}
	return []string{`"`, `"""`, "'", "'''"}
}

// str prints a string constant. Inside an f-string field it looks for a
// quote that needs no backslash, trying first the quote the field does
// not have to avoid.
func (p *printer) str(s string) {
	if p.fieldQuote == 0 {
		p.write(quoteStr(s))
		return
	}
	plain := escapeStr(s, "", false) == s // nothing but printable characters
	for _, q := range quotesAvoiding(p.fieldQuote) {
		if !plain || strings.Contains(s, q) {
			continue
		}
		// Within triple quotes, a last character equal to the quote would
		// merge into the closing quote.
		if len(q) == 3 && strings.HasSuffix(s, q[:1]) {
			continue
		}
		p.write(q + s + q)
		return
	}
	// No 3.11 spelling exists; this one needs Python 3.12's f-strings. The
	// backslash or quote in it makes the enclosing f-string record failure.
	q := quotesAvoiding(p.fieldQuote)[0]
	p.write(q + escapeStr(s, q, false) + q)
}

// joinedStr prints an f-string. Python 3.11 forbids backslashes and the
// literal's own quote inside {fields}, so each quote is tried in turn and
// the first whose fields come out clean wins; the literal text is escaped
// for that quote.
func (p *printer) joinedStr(js *JoinedStr) {
	var quotes []string
	if p.fieldQuote != 0 {
		quotes = quotesAvoiding(p.fieldQuote)
	} else {
		// At top level, prefer the quote repr would pick for the text.
		var lit strings.Builder
		for _, v := range js.Values {
			if c, ok := v.(*Constant); ok {
				lit.WriteString(c.Text)
			}
		}
		q := quoteStr(lit.String())[:1]
		o := quotesAvoiding(q[0])[0]
		quotes = []string{q, o, q + q + q, o + o + o}
	}
	for _, q := range quotes {
		var b strings.Builder
		if p.fstring(&b, js.Values, q, false) {
			p.write("f" + q + b.String() + q)
			return
		}
	}
	// Nothing works in 3.11; emit the first choice, valid from 3.12 on.
	var b strings.Builder
	p.fstring(&b, js.Values, quotes[0], false)
	p.write("f" + quotes[0] + b.String() + quotes[0])
	p.bad = true
}

// fstring writes the body of an f-string (or of a format spec, where
// Python 3.11 reads braces as fields only and so they are not doubled)
// quoted with q, and reports whether it is valid Python 3.11.
func (p *printer) fstring(b *strings.Builder, values []Expr, q string, spec bool) bool {
	ok := true
	for i, v := range values {
		if c, isConst := v.(*Constant); isConst && c.Kind == ConstStr {
			lit := escapeStr(c.Text, q, !spec)
			if len(q) == 3 && i == len(values)-1 && !spec {
				// An unescaped quote at the very end would merge into the
				// closing one; it is unescaped if an even number of
				// backslashes precede it.
				body := strings.TrimSuffix(lit, q[:1])
				if len(body) < len(lit) && (len(body)-len(strings.TrimRight(body, `\`)))%2 == 0 {
					lit = body + `\` + q[:1]
				}
			}
			// Inside an enclosing field no backslash is allowed at all, so
			// a quote that needs escapes here must give way to another.
			ok = ok && (p.fieldQuote == 0 || !strings.Contains(lit, `\`))
			b.WriteString(lit)
			continue
		}
		fv, isField := v.(*FormattedValue)
		if !isField {
			fv = &FormattedValue{Value: v}
		}
		fp := &printer{fieldQuote: q[0]}
		fp.expr(fv.Value, precTuple)
		text := fp.buf.String()
		if fieldNeedsParens(text) {
			text = "(" + text + ")"
		}
		ok = ok && !fp.bad && !strings.Contains(text, `\`) && !strings.Contains(text, q)
		b.WriteByte('{')
		if strings.HasPrefix(text, "{") {
			b.WriteByte(' ') // `{{` would be an escaped brace
		}
		b.WriteString(text)
		if fv.Conversion != 0 {
			b.WriteByte('!')
			b.WriteRune(fv.Conversion)
		}
		if fv.FormatSpec != nil {
			b.WriteByte(':')
			ok = p.fstring(b, fv.FormatSpec.Values, q, true) && ok
		}
		b.WriteByte('}')
	}
	return ok
}

// fieldNeedsParens reports whether a field's expression text has a `:`,
// `!` or `=` outside brackets and strings, where Python 3.11 would take it
// for the start of a format spec, conversion or `=` specifier (a lambda,
// say, or `a if b else lambda: c`).
func fieldNeedsParens(text string) bool {
	depth := 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '\'', '"':
			q := text[i : i+1]
			if strings.HasPrefix(text[i:], q+q+q) {
				q += q + q
			}
			end := strings.Index(text[i+len(q):], q)
			if end < 0 {
				return false
			}
			i += len(q) + end + len(q) - 1
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '<', '>':
			if i+1 < len(text) && text[i+1] == '=' {
				i++
			}
		case ':', '!', '=':
			if depth > 0 {
				continue
			}
			if c != ':' && i+1 < len(text) && text[i+1] == '=' {
				i++ // != or ==
				continue
			}
			return true
		}
	}
	return false
}
