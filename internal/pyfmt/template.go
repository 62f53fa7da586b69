package pyfmt

import (
	"fmt"
	"math"
)

// FormatPart is one piece of a parsed str.format template: literal text,
// a replacement field, or a parse error.
//
// CPython parses a template lazily while it renders it, so a field that
// comes before a malformed spot is looked up (and may fail with its own
// error) before the parse error is raised. To reproduce that order, the
// parser stops at the first error and ends the parts with one whose Err
// is set (or a field that carries the error, see FormatField); the
// runtime renders the parts in order and raises an error when it
// reaches it.
type FormatPart struct {
	Literal string       // literal text ("{{" and "}}" already unescaped)
	Field   *FormatField // a replacement field, or nil
	Err     error        // a parse error reached at this point, or nil
}

// FormatField is a replacement field {name!conversion:spec}. The runtime
// resolves it in CPython's order: raise Err if set; look up the argument
// (Index >= 0: positional, else the keyword Name); apply the Accessors in
// order (raising an accessor's Err when reached); raise ConversionErr if
// set, else apply the conversion; expand SpecParts if non-nil (else use
// Spec); then format the value with the spec.
type FormatField struct {
	Name       string          // the first part of the field name ("0", "x", "" when automatic)
	Index      int             // positional index (explicit or automatic numbering), -1 for a keyword
	Err        error           // numbering error, raised instead of the lookup
	Accessors  []FieldAccessor // the .attr and [key] chain
	Conversion rune            // 0, 'r', 's', 'a' (or an invalid character, see ConversionErr)
	// ConversionErr is set for an unknown conversion; it is raised after
	// the lookup.
	ConversionErr error
	Spec          string       // the format spec text
	SpecParts     []FormatPart // non-nil when Spec contains replacement fields
}

// FieldAccessor is one step of a field name after its first part:
// ".name" (Attr) or "[key]".
type FieldAccessor struct {
	Attr  bool   // attribute access; otherwise item access
	Key   string // the attribute name or the item key text
	Index int    // for an item: the integer value when Key is all digits, else -1
	Err   error  // a parse error met here, raised when the chain reaches it
}

// ParseFormatTemplate parses a str.format template with CPython's rules
// for escapes ("{{", "}}"), field names, conversions, nested fields in
// specs (at most two levels) and automatic versus manual numbering. The
// returned error is the first error the parts contain (nil if none); see
// FormatPart for rendering in CPython's order.
func ParseFormatTemplate(s string) ([]FormatPart, error) {
	p := &templateParser{}
	return p.parse([]rune(s), 2)
}

type templateParser struct {
	state int // 0 init, 1 automatic, 2 manual
	next  int // next automatic field number
}

func (p *templateParser) parse(rs []rune, depth int) ([]FormatPart, error) {
	var parts []FormatPart
	fail := func(err error) ([]FormatPart, error) {
		return append(parts, FormatPart{Err: err}), err
	}
	if depth <= 0 {
		return fail(valueError("Max string recursion exceeded"))
	}
	literal := func(s []rune) {
		if len(s) == 0 {
			return
		}
		if n := len(parts); n > 0 && parts[n-1].Field == nil {
			parts[n-1].Literal += string(s)
			return
		}
		parts = append(parts, FormatPart{Literal: string(s)})
	}
	pos, end := 0, len(rs)
	for pos < end {
		start := pos
		var c rune
		markup := false
		for pos < end {
			c = rs[pos]
			pos++
			if c == '{' || c == '}' {
				markup = true
				break
			}
		}
		atEnd := pos >= end
		litEnd := pos
		if markup && c == '}' && (atEnd || rs[pos] != '}') {
			return fail(valueError("Single '}' encountered in format string"))
		}
		if markup && atEnd && c == '{' {
			return fail(valueError("Single '{' encountered in format string"))
		}
		if !atEnd {
			if rs[pos] == c {
				pos++
				markup = false
			} else {
				litEnd--
			}
		}
		literal(rs[start:litEnd])
		if !markup {
			continue
		}
		f, err := p.field(rs, &pos, depth)
		if f != nil {
			parts = append(parts, FormatPart{Field: f})
		}
		if err != nil {
			if f == nil {
				return fail(err)
			}
			return parts, err
		}
	}
	return parts, nil
}

// field parses a replacement field after its '{' (CPython's parse_field
// and field_name_split). A nil field with an error is a parse error; a
// field with an error carries that error itself.
func (p *templateParser) field(rs []rune, pos *int, depth int) (*FormatField, error) {
	end := len(rs)
	nameStart := *pos
	var c rune
scan:
	for *pos < end {
		c = rs[*pos]
		*pos++
		switch c {
		case '{':
			return nil, valueError("unexpected '{' in field name")
		case '[':
			for *pos < end && rs[*pos] != ']' {
				*pos++
			}
		case '}', ':', '!':
			break scan
		}
	}
	name := rs[nameStart : *pos-1]
	f := &FormatField{}
	var spec []rune
	needsExpanding := false
	switch c {
	case '}':
	case '!', ':':
		done := false
		if c == '!' {
			if *pos >= end {
				return nil, valueError("end of string while looking for conversion specifier")
			}
			f.Conversion = rs[*pos]
			*pos++
			if *pos < end {
				c2 := rs[*pos]
				*pos++
				if c2 == '}' {
					done = true
				} else if c2 != ':' {
					return nil, valueError("expected ':' after conversion specifier")
				}
			}
		}
		if !done {
			specStart := *pos
			count := 1
			for count > 0 {
				if *pos >= end {
					return nil, valueError("unmatched '{' in format spec")
				}
				c = rs[*pos]
				*pos++
				if c == '{' {
					needsExpanding = true
					count++
				} else if c == '}' {
					count--
				}
			}
			spec = rs[specStart : *pos-1]
		}
	default:
		return nil, valueError("expected '}' before end of string")
	}
	f.Spec = string(spec)

	// field_name_split: the first part, then the accessor chain.
	i := 0
	for i < len(name) && name[i] != '.' && name[i] != '[' {
		i++
	}
	first, rest := name[:i], name[i:]
	f.Name = string(first)
	idx, err := fieldInteger(first)
	if err != nil {
		f.Err = err
		return f, err
	}
	empty := len(first) == 0
	if empty || idx >= 0 {
		if p.state == 0 {
			if empty {
				p.state = 1
			} else {
				p.state = 2
			}
		}
		if p.state == 2 && empty {
			f.Err = valueError("cannot switch from manual field specification to automatic field numbering")
			return f, f.Err
		}
		if p.state == 1 && !empty {
			f.Err = valueError("cannot switch from automatic field numbering to manual field specification")
			return f, f.Err
		}
		if empty {
			idx = p.next
			p.next++
		}
	}
	f.Index = idx
	if err := f.accessors(rest); err != nil {
		return f, err
	}
	switch f.Conversion {
	case 0, 'r', 's', 'a':
	default:
		f.ConversionErr = valueError(fmt.Sprintf("Unknown conversion specifier %s", codeName(f.Conversion)))
		return f, f.ConversionErr
	}
	if needsExpanding {
		parts, err := p.parse(spec, depth-1)
		f.SpecParts = parts
		if f.SpecParts == nil {
			f.SpecParts = []FormatPart{}
		}
		if err != nil {
			return f, err
		}
	}
	return f, nil
}

// accessors parses the .attr / [key] chain (CPython's FieldNameIterator).
func (f *FormatField) accessors(rest []rune) error {
	j := 0
	for j < len(rest) {
		c := rest[j]
		j++
		var a FieldAccessor
		switch c {
		case '.':
			st := j
			for j < len(rest) && rest[j] != '.' && rest[j] != '[' {
				j++
			}
			a = FieldAccessor{Attr: true, Key: string(rest[st:j]), Index: -1}
		case '[':
			st := j
			found := false
			for j < len(rest) {
				j++
				if rest[j-1] == ']' {
					found = true
					break
				}
			}
			if !found {
				a.Err = valueError("Missing ']' in format string")
				break
			}
			key := rest[st : j-1]
			a.Key = string(key)
			idx, err := fieldInteger(key)
			a.Index = idx
			a.Err = err
		default:
			a.Err = valueError("Only '.' or '[' may follow ']' in format field specifier")
		}
		if a.Err == nil && a.Key == "" {
			a.Err = valueError("Empty attribute in format string")
		}
		f.Accessors = append(f.Accessors, a)
		if a.Err != nil {
			return a.Err
		}
	}
	return nil
}

// fieldInteger is the get_integer of CPython's template parser: the value
// of an all-decimal-digit name, or -1.
func fieldInteger(rs []rune) (int, error) {
	if len(rs) == 0 {
		return -1, nil
	}
	n := 0
	for _, r := range rs {
		d := DecimalValue(r)
		if d < 0 {
			return -1, nil
		}
		if n > (math.MaxInt64-d)/10 {
			return -1, valueError("Too many decimal digits in format string")
		}
		n = n*10 + d
	}
	return n, nil
}
