package runtime

// This file implements format(v, spec) (which f-strings use), the
// __format__ methods of the built-in types, str.format and
// str.format_map templates, and ascii(). The format-spec mini-language
// and the template parser are internal/pyfmt's; this layer dispatches on
// the value's type, resolves replacement fields against the arguments,
// and turns pyfmt's errors into exceptions.

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aio-lang/aio/internal/pyfmt"
)

func init() {
	// CPython names the type defining __format__ in its arity errors
	// ("int.__format__() takes exactly one argument" for a bool).
	formatMethod := func(owner *Type, f func(th *Thread, v Value, spec string) (string, error)) BuiltinFn {
		qual := owner.Name + ".__format__"
		return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			arg, err := OneArg(qual, args, kw)
			if err != nil {
				return Value{}, err
			}
			spec, ok := arg.obj.(*StrObj)
			if !ok {
				return Value{}, Errorf(TypeError, "__format__() argument must be str, not %s", arg.Type().Name)
			}
			s, err := f(th, self, spec.S)
			if err != nil {
				return Value{}, err
			}
			return Str(s), nil
		}
	}
	ObjectType.Methods(map[string]BuiltinFn{"__format__": formatMethod(ObjectType, objectFormat)})
	for _, t := range []*Type{IntType, FloatType, StrType} {
		t.Methods(map[string]BuiltinFn{"__format__": formatMethod(t, Format)})
	}
}

// pyErr converts an error from internal/pyfmt into the exception CPython
// raises; other errors (and nil) pass through.
func pyErr(err error) error {
	pe, ok := err.(*pyfmt.Error)
	if !ok {
		return err
	}
	cls := ValueError
	for _, t := range builtinExceptions {
		if t.Name == pe.Type {
			cls = t
			break
		}
	}
	if pe.Msg == "" {
		return NewException(cls)
	}
	return NewException(cls, Str(pe.Msg))
}

// Format returns format(v, spec), Python's v.__format__(spec): the
// format-spec mini-language for int, bool, float and str, a user class's
// own __format__, and otherwise str(v) for an empty spec (a non-empty one
// is a TypeError, as object.__format__ has it).
func Format(th *Thread, v Value, spec string) (string, error) {
	if len(spec) >= 7 && plainValue(v) {
		// A width or precision of a million or more (seven digits): charge
		// the output and build it where a stop can abandon it.
		if sp, err := pyfmt.ParseSpec(spec); err == nil {
			grow := sp.Precision // digits after the point of a float
			if _, isStr := v.obj.(*StrObj); isStr {
				grow = 0 // a precision truncates a str
			}
			if out := int64(max(sp.Width, grow)) * int64(utf8.RuneLen(sp.Fill)); out >= abandonBytes {
				var s string
				var ferr error
				if err := th.bigOutput(out, func() { s, ferr = formatPlain(th, v, spec) }); err != nil {
					return "", err
				}
				return s, ferr
			}
		}
	}
	return formatPlain(th, v, spec)
}

// formatPlain is Format without the check of huge outputs.
func formatPlain(th *Thread, v Value, spec string) (string, error) {
	var s string
	var err error
	switch o := v.obj.(type) {
	case intTag:
		s, err = pyfmt.FormatInt64(v.SmallInt(), spec)
	case *Big:
		s, err = pyfmt.FormatIntTypeDigits(o.X, spec, "int", th.intDigitsLimit())
	case *Bool:
		// bool inherits int.__format__, which formats str(self) for an
		// empty spec and the int otherwise.
		if spec == "" {
			return Repr(th, v)
		}
		n, _ := asInt64(v)
		s, err = pyfmt.FormatInt64Type(n, spec, "bool")
	case floatTag:
		s, err = pyfmt.FormatFloat(v.FloatVal(), spec)
	case *StrObj:
		s, err = pyfmt.FormatStr(o.S, spec)
	default:
		if b, ok := derivedFallback(v, "__format__"); ok {
			if spec == "" {
				return ToStr(th, v)
			}
			return formatPlain(th, b, spec)
		}
		if m, ok := v.Type().Lookup("__format__"); ok && !isBuiltinFormat(m) {
			fn, err := bindAttr(th, m, v)
			if err != nil {
				return "", err
			}
			r, err := th.Call(fn, []Value{Str(spec)}, nil)
			if err != nil {
				return "", err
			}
			rs, ok := r.obj.(*StrObj)
			if !ok {
				return "", Errorf(TypeError, "__format__ must return a str, not %s", r.Type().Name)
			}
			return rs.S, nil
		}
		return objectFormat(th, v, spec)
	}
	if err != nil {
		return "", pyErr(err)
	}
	return s, nil
}

// isBuiltinFormat reports whether m is one of the __format__ methods
// installed above (which Format implements directly).
func isBuiltinFormat(m Value) bool {
	md, ok := m.obj.(*MethodDescriptor)
	if !ok {
		return false
	}
	switch md.Owner {
	case ObjectType, IntType, FloatType, StrType:
		return true
	}
	return false
}

// objectFormat is object.__format__: str(v) for an empty spec.
func objectFormat(th *Thread, v Value, spec string) (string, error) {
	if spec != "" {
		return "", Errorf(TypeError, "unsupported format string passed to %s.__format__", v.Type().Name)
	}
	return ToStr(th, v)
}

// ASCII returns ascii(v): repr(v) with non-ASCII characters escaped as
// \xhh, \uhhhh or \Uhhhhhhhh.
func ASCII(th *Thread, v Value) (string, error) {
	s, err := Repr(th, v)
	if err != nil {
		return "", err
	}
	return asciiEscape(s), nil
}

func asciiEscape(s string) string {
	if pyfmt.IsASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case r < 0x100:
			b.WriteString(`\x`)
			writeHex(&b, uint32(r), 2)
		case r < 0x10000:
			b.WriteString(`\u`)
			writeHex(&b, uint32(r), 4)
		default:
			b.WriteString(`\U`)
			writeHex(&b, uint32(r), 8)
		}
	}
	return b.String()
}

func writeHex(b *strings.Builder, x uint32, width int) {
	h := strconv.FormatUint(uint64(x), 16)
	for i := len(h); i < width; i++ {
		b.WriteByte('0')
	}
	b.WriteString(h)
}

// StrFormat implements template.format(*args, **kw).
func StrFormat(th *Thread, template string, args []Value, kw []Kwarg) (string, error) {
	if !strings.ContainsAny(template, "{}") {
		return template, nil
	}
	r := &templateRenderer{th: th, args: args, kw: kw}
	return r.run(template)
}

// strFormatMap implements template.format_map(mapping): fields name keys
// of mapping, and positional fields are an error.
func strFormatMap(th *Thread, template string, mapping Value) (string, error) {
	if !strings.ContainsAny(template, "{}") {
		return template, nil
	}
	r := &templateRenderer{th: th, mapping: mapping}
	return r.run(template)
}

// templateRenderer resolves the fields of a parsed template.
type templateRenderer struct {
	th      *Thread
	args    []Value
	kw      []Kwarg
	mapping Value // format_map's argument, or the zero Value
}

func (r *templateRenderer) run(template string) (string, error) {
	parts, _ := pyfmt.ParseFormatTemplate(template)
	var b strings.Builder
	if err := r.render(&b, parts); err != nil {
		return "", err
	}
	return b.String(), nil
}

// render writes parts in order; parse errors are raised when reached, so
// that lookups before them fail first, as CPython's lazy parsing has it.
func (r *templateRenderer) render(b *strings.Builder, parts []pyfmt.FormatPart) error {
	for _, p := range parts {
		b.WriteString(p.Literal)
		if p.Err != nil {
			return pyErr(p.Err)
		}
		if p.Field != nil {
			s, err := r.field(p.Field)
			if err != nil {
				return err
			}
			b.WriteString(s)
		}
	}
	return nil
}

// field formats one replacement field.
func (r *templateRenderer) field(f *pyfmt.FormatField) (string, error) {
	if f.Err != nil {
		return "", pyErr(f.Err)
	}
	th := r.th
	var v Value
	switch {
	case f.Index >= 0 && r.mapping.IsValid():
		return "", Errorf(ValueError, "Format string contains positional fields")
	case f.Index >= 0:
		if f.Index >= len(r.args) {
			return "", Errorf(IndexError, "Replacement index %d out of range for positional args tuple", f.Index)
		}
		v = r.args[f.Index]
	case r.mapping.IsValid():
		x, err := GetItem(th, r.mapping, Str(f.Name))
		if err != nil {
			return "", err
		}
		v = x
	default:
		for _, k := range r.kw {
			if k.Name == f.Name {
				v = k.Value
				break
			}
		}
		if !v.IsValid() {
			return "", NewException(KeyError, Str(f.Name))
		}
	}
	for _, a := range f.Accessors {
		if a.Err != nil {
			return "", pyErr(a.Err)
		}
		var err error
		switch {
		case a.Attr:
			v, err = GetAttr(th, v, a.Key)
		case a.Index >= 0:
			v, err = GetItem(th, v, Int(int64(a.Index)))
		default:
			v, err = GetItem(th, v, Str(a.Key))
		}
		if err != nil {
			return "", err
		}
	}
	if f.ConversionErr != nil {
		return "", pyErr(f.ConversionErr)
	}
	if f.Conversion != 0 {
		var s string
		var err error
		switch f.Conversion {
		case 'r':
			s, err = Repr(th, v)
		case 's':
			s, err = ToStr(th, v)
		case 'a':
			s, err = ASCII(th, v)
		}
		if err != nil {
			return "", err
		}
		v = Str(s)
	}
	spec := f.Spec
	if f.SpecParts != nil {
		var b strings.Builder
		if err := r.render(&b, f.SpecParts); err != nil {
			return "", err
		}
		spec = b.String()
	}
	return Format(th, v, spec)
}
