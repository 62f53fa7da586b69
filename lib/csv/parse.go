package csv

// This file is the per-character work of the csv module, which would be
// slow as source: the reader's state machine (readRecord, behind the
// reader objects of reader.go) and the writer's field quoting
// (_join_row). csv.aio keeps the API and passes the dialect as an
// options tuple.

import (
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// Quoting modes, as csv.QUOTE_*.
const (
	quoteMinimal = iota
	quoteAll
	quoteNonNumeric
	quoteNone
)

// options is a dialect unpacked from the tuple csv.aio builds:
// (delimiter, quotechar, escapechar, doublequote, skipinitialspace,
// quoting, strict, lineterminator); an absent character is -1.
type options struct {
	delimiter, quotechar, escapechar rune
	doublequote, skipSpace, strict   bool
	quoting                          int
	lineterminator                   string
}

// noChar stands for an unset quotechar or escapechar.
const noChar = -1

func charOpt(v runtime.Value) rune {
	s, ok := runtime.As[*runtime.StrObj](v)
	if !ok || s.S == "" {
		return noChar
	}
	r, _ := utf8.DecodeRuneInString(s.S)
	return r
}

// readOptions unpacks the options tuple.
func readOptions(th *runtime.Thread, v runtime.Value) (*options, error) {
	t, ok := runtime.As[*runtime.Tuple](v)
	if !ok || len(t.Items) != 8 {
		return nil, runtime.Errorf(runtime.TypeError, "bad dialect options")
	}
	it := t.Items
	o := &options{delimiter: charOpt(it[0]), quotechar: charOpt(it[1]), escapechar: charOpt(it[2])}
	var err error
	if o.doublequote, err = runtime.Truth(th, it[3]); err != nil {
		return nil, err
	}
	if o.skipSpace, err = runtime.Truth(th, it[4]); err != nil {
		return nil, err
	}
	q, err := runtime.IndexValue(it[5])
	if err != nil {
		return nil, err
	}
	o.quoting = int(q)
	if o.strict, err = runtime.Truth(th, it[6]); err != nil {
		return nil, err
	}
	if s, ok := runtime.As[*runtime.StrObj](it[7]); ok {
		o.lineterminator = s.S
	}
	return o, nil
}

// Reader states.
const (
	recordStart = iota
	fieldStart
	escapedChar
	inField
	inQuoted
	escapeInQuoted
	quoteInQuoted
	eatNewline
	afterEscapedNewline
)

// eol is the pseudo-character fed after each line.
const eol = -2

// parser is the state of one record being read.
type parser struct {
	o       *options
	state   int
	fields  []runtime.Value
	field   []byte
	numeric bool
	limit   int
	errCls  runtime.Value
}

func (p *parser) fail(msg string) error {
	return failWith(p.errCls, msg)
}

// failWith makes a csv.Error (the class defined in csv.aio) with msg.
func failWith(cls runtime.Value, msg string) error {
	t, ok := runtime.As[*runtime.Type](cls)
	if !ok {
		return runtime.Errorf(runtime.ValueError, "%s", msg)
	}
	return runtime.Errorf(t, "%s", msg)
}

func (p *parser) add(r rune) error {
	if len(p.field) >= p.limit {
		return p.fail("field larger than field limit (" + strconv.Itoa(p.limit) + ")")
	}
	p.field = utf8.AppendRune(p.field, r)
	return nil
}

func (p *parser) endField(th *runtime.Thread) error {
	var s string
	if len(p.field) > 0 {
		s = unsafe.String(&p.field[0], len(p.field)) // copied by StrCopy below
	}
	p.field = p.field[:0]
	if p.numeric {
		p.numeric = false
		f, err := runtime.ToFloat(th, runtime.StrCopy(s))
		if err != nil {
			return err
		}
		p.fields = append(p.fields, runtime.Float(f))
		return nil
	}
	p.fields = append(p.fields, runtime.StrCopy(s))
	return nil
}

// feed advances the state machine by one character (or eol).
func (p *parser) feed(th *runtime.Thread, c rune) error {
	o := p.o
	newline := c == '\n' || c == '\r' || c == eol
	afterLine := func() {
		if c == eol {
			p.state = recordStart
		} else {
			p.state = eatNewline
		}
	}
	switch p.state {
	case recordStart:
		if c == eol {
			return nil
		}
		if newline {
			p.state = eatNewline
			return nil
		}
		p.state = fieldStart
		return p.feed(th, c)
	case fieldStart:
		switch {
		case newline:
			if err := p.endField(th); err != nil {
				return err
			}
			afterLine()
		case c == o.quotechar && o.quoting != quoteNone:
			p.state = inQuoted
		case c == o.escapechar:
			p.state = escapedChar
		case c == ' ' && o.skipSpace:
		case c == o.delimiter:
			return p.endField(th)
		default:
			if o.quoting == quoteNonNumeric {
				p.numeric = true
			}
			p.state = inField
			return p.add(c)
		}
	case escapedChar:
		if c == '\n' || c == '\r' {
			p.state = afterEscapedNewline
			return p.add(c)
		}
		if c == eol {
			c = '\n'
		}
		p.state = inField
		return p.add(c)
	case afterEscapedNewline:
		if c != eol {
			p.state = inField
			return p.feed(th, c)
		}
	case inField:
		switch {
		case newline:
			if err := p.endField(th); err != nil {
				return err
			}
			afterLine()
		case c == o.escapechar:
			p.state = escapedChar
		case c == o.delimiter:
			p.state = fieldStart
			return p.endField(th)
		default:
			return p.add(c)
		}
	case inQuoted:
		switch {
		case c == eol:
		case c == o.escapechar:
			p.state = escapeInQuoted
		case c == o.quotechar && o.quoting != quoteNone:
			if o.doublequote {
				p.state = quoteInQuoted
			} else {
				p.state = inField
			}
		default:
			return p.add(c)
		}
	case escapeInQuoted:
		if c == eol {
			c = '\n'
		}
		p.state = inQuoted
		return p.add(c)
	case quoteInQuoted:
		switch {
		case o.quoting != quoteNone && c == o.quotechar:
			p.state = inQuoted
			return p.add(c)
		case c == o.delimiter:
			p.state = fieldStart
			return p.endField(th)
		case newline:
			if err := p.endField(th); err != nil {
				return err
			}
			afterLine()
		case !o.strict:
			p.state = inField
			return p.add(c)
		default:
			return p.fail("'" + string(o.delimiter) + "' expected after '" + string(o.quotechar) + "'")
		}
	case eatNewline:
		if c == eol {
			p.state = recordStart
		} else if !newline {
			return p.fail("new-line character seen in unquoted field - do you need to open the file in universal-newline mode?")
		}
	}
	return nil
}

// readRecord reads the next record's fields from the iterator lines,
// or nil at the end of the input, counting each line read in *lineNum.
func readRecord(th *runtime.Thread, lines runtime.Value, o *options, limit int, errCls runtime.Value, lineNum *int64) ([]runtime.Value, error) {
	p := &parser{o: o, limit: limit, errCls: errCls}
	for {
		line, ok, err := runtime.IterNext(th, lines)
		if err != nil {
			return nil, err
		}
		if !ok {
			if len(p.field) == 0 && p.state != inQuoted {
				return nil, nil
			}
			if o.strict {
				return nil, p.fail("unexpected end of data")
			}
			if err := p.endField(th); err != nil {
				return nil, err
			}
			return p.fields, nil
		}
		*lineNum++
		s, ok := runtime.As[*runtime.StrObj](line)
		if !ok {
			return nil, p.fail("iterator should return strings, not " + line.Type().Name + " (the file should be opened in text mode)")
		}
		if err := th.Work(int64(len(s.S)/8 + 1)); err != nil {
			return nil, err
		}
		for _, c := range s.S {
			if err := p.feed(th, c); err != nil {
				return nil, err
			}
		}
		if err := p.feed(th, eol); err != nil {
			return nil, err
		}
		if p.state == recordStart {
			if err := th.Alloc(int64(len(p.fields))*16 + 64); err != nil {
				return nil, err
			}
			if p.fields == nil {
				p.fields = []runtime.Value{}
			}
			return p.fields, nil
		}
	}
}

// isNumber reports whether QUOTE_NONNUMERIC leaves v unquoted: an int,
// float or complex, or anything with __index__ or __float__.
func isNumber(v runtime.Value) bool {
	if v.IsSmallInt() || v.IsFloat() {
		return true
	}
	for _, t := range []*runtime.Type{runtime.IntType, runtime.FloatType, runtime.ComplexType} {
		if runtime.IsInstanceOf(v, t) {
			return true
		}
	}
	for _, m := range []string{"__index__", "__float__"} {
		if _, ok := v.Type().Lookup(m); ok {
			return true
		}
	}
	return false
}

// fieldText is the text of a value in a written row.
func fieldText(th *runtime.Thread, v runtime.Value) (string, error) {
	if v.IsNone() {
		return "", nil
	}
	if s, ok := v.Object().(*runtime.StrObj); ok {
		return s.S, nil
	}
	if v.IsFloat() {
		return runtime.Repr(th, v)
	}
	return runtime.ToStr(th, v)
}

// joinRow is _join_row(fields, options, error_class): one written line,
// with each field quoted or escaped as the dialect requires.
func joinRow(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var row, opts, errCls runtime.Value
	if err := runtime.UnpackArgs("_join_row", args, kw, "fields", &row, "options", &opts, "error", &errCls); err != nil {
		return runtime.Value{}, err
	}
	o, err := readOptions(th, opts)
	if err != nil {
		return runtime.Value{}, err
	}
	fields, err := runtime.Collect(th, row)
	if err != nil {
		return runtime.Value{}, err
	}
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteRune(o.delimiter)
		}
		text, err := fieldText(th, f)
		if err != nil {
			return runtime.Value{}, err
		}
		quote := o.quoting == quoteAll || (o.quoting == quoteNonNumeric && (f.IsNone() || !isNumber(f)))
		var body strings.Builder
		for _, c := range text {
			special := c == o.delimiter || c == o.quotechar || c == o.escapechar || c == '\n' || c == '\r' ||
				strings.ContainsRune(o.lineterminator, c)
			if special {
				escape := false
				switch {
				case o.quoting == quoteNone:
					escape = true
				case c == o.quotechar:
					// Doubled inside quotes, or escaped without them.
					escape = !o.doublequote
					if o.doublequote {
						body.WriteRune(c)
						quote = true
					}
				case c == o.escapechar:
					escape = true
				default:
					quote = true
				}
				if escape {
					if o.escapechar == noChar {
						return runtime.Value{}, failWith(errCls, "need to escape, but no escapechar set")
					}
					body.WriteRune(o.escapechar)
				}
			}
			body.WriteRune(c)
		}
		if text == "" && len(fields) == 1 {
			// A record of one empty field must not read back as no fields.
			if o.quoting == quoteNone {
				return runtime.Value{}, failWith(errCls, "single empty field record must be quoted")
			}
			quote = true
		}
		if quote && o.quoting != quoteNone && o.quotechar != noChar {
			b.WriteRune(o.quotechar)
			b.WriteString(body.String())
			b.WriteRune(o.quotechar)
		} else {
			b.WriteString(body.String())
		}
	}
	b.WriteString(o.lineterminator)
	if err := th.Alloc(int64(b.Len())); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Str(b.String()), nil
}
