// Package unicodedata is aio's unicodedata module: character names
// (internal/unames), general categories (Go's unicode tables),
// bidirectional classes, combining classes and normalization
// (golang.org/x/text), and the numeric values of digits and of the common
// numeric symbols. The data are Unicode's version unames.UnicodeVersion.
package unicodedata

// This file registers and builds the module.

import (
	"unicode"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/aio-lang/aio/internal/unames"
	"github.com/aio-lang/aio/runtime"
)

func init() { runtime.RegisterStdModule("unicodedata", load) }

type fn = func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)

func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("unicodedata")
	m.Set("unidata_version", runtime.Str(unames.UnicodeVersion))
	funcs := map[string]fn{
		"lookup":           lookup,
		"name":             name,
		"category":         charProperty("category", category),
		"bidirectional":    charProperty("bidirectional", bidirectional),
		"east_asian_width": charProperty("east_asian_width", eastAsianWidth),
		"combining":        combining,
		"decimal":          numberOf("decimal", decimalValue),
		"digit":            numberOf("digit", digitValue),
		"numeric":          numberOf("numeric", numericValue),
		"normalize":        normalize,
		"is_normalized":    isNormalized,
	}
	for n, f := range funcs {
		m.Set(n, runtime.NewBuiltin(n, func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return f(th, args, kw)
		}))
	}
	return m
}

// oneChar reads a str of exactly one character.
func oneChar(fname string, v runtime.Value) (rune, error) {
	s, ok := runtime.As[*runtime.StrObj](v)
	if !ok {
		return 0, runtime.Errorf(runtime.TypeError, "%s() argument must be a unicode character, not %s", fname, v.Type().Name)
	}
	rs := []rune(s.S)
	if len(rs) != 1 {
		return 0, runtime.Errorf(runtime.TypeError, "%s() argument must be a unicode character, not str", fname)
	}
	return rs[0], nil
}

func lookup(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s string
	if err := runtime.UnpackArgs("lookup", args, kw, "name", &s); err != nil {
		return runtime.Value{}, err
	}
	r, ok := unames.Lookup(s)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.KeyError, "undefined character name '%s'", s)
	}
	return runtime.Str(string(r)), nil
}

func name(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var c, def runtime.Value
	if err := runtime.UnpackArgs("name", args, kw, "chr", &c, "default?", &def); err != nil {
		return runtime.Value{}, err
	}
	r, err := oneChar("name", c)
	if err != nil {
		return runtime.Value{}, err
	}
	if n, ok := unames.Name(r); ok {
		return runtime.Str(n), nil
	}
	if def.IsValid() {
		return def, nil
	}
	return runtime.Value{}, runtime.Errorf(runtime.ValueError, "no such name")
}

// charProperty makes a function of one character returning a str.
func charProperty(fname string, prop func(rune) string) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		v, err := runtime.OneArg(fname, args, kw)
		if err != nil {
			return runtime.Value{}, err
		}
		r, err := oneChar(fname, v)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.Str(prop(r)), nil
	}
}

// categories are the two-letter general categories, the common first.
var categories = []string{"Ll", "Lu", "Lo", "Nd", "Zs", "Po", "Mn", "Sm", "So", "Lm", "Lt",
	"Mc", "Me", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Sc", "Sk", "Zl", "Zp", "Cc",
	"Cf", "Cs", "Co"}

func category(r rune) string {
	for _, c := range categories {
		if unicode.Is(unicode.Categories[c], r) {
			return c
		}
	}
	return "Cn"
}

// bidiNames are the bidirectional classes by x/text's numbering.
var bidiNames = map[bidi.Class]string{
	bidi.L: "L", bidi.R: "R", bidi.EN: "EN", bidi.ES: "ES", bidi.ET: "ET", bidi.AN: "AN",
	bidi.CS: "CS", bidi.B: "B", bidi.S: "S", bidi.WS: "WS", bidi.ON: "ON", bidi.BN: "BN",
	bidi.NSM: "NSM", bidi.AL: "AL",
}

// explicitBidi are the formatting characters x/text files under one
// Control class.
var explicitBidi = map[rune]string{
	0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
	0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
}

func bidirectional(r rune) string {
	if n, ok := explicitBidi[r]; ok {
		return n
	}
	if category(r) == "Cn" {
		return ""
	}
	p, _ := bidi.LookupRune(r)
	return bidiNames[p.Class()]
}

func eastAsianWidth(r rune) string {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianAmbiguous:
		return "A"
	case width.EastAsianWide:
		return "W"
	case width.EastAsianFullwidth:
		return "F"
	case width.EastAsianHalfwidth:
		return "H"
	case width.EastAsianNarrow:
		return "Na"
	}
	return "N"
}

func combining(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	v, err := runtime.OneArg("combining", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	r, err := oneChar("combining", v)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Int(int64(norm.NFD.PropertiesString(string(r)).CCC())), nil
}

// forms maps normalization form names to x/text's forms.
var forms = map[string]norm.Form{"NFC": norm.NFC, "NFD": norm.NFD, "NFKC": norm.NFKC, "NFKD": norm.NFKD}

func formArgs(th *runtime.Thread, fname string, args []runtime.Value, kw []runtime.Kwarg) (norm.Form, string, error) {
	var form, s string
	if err := runtime.PositionalArgs(fname, args, kw, 2, 2); err != nil {
		return 0, "", err
	}
	if err := runtime.UnpackArgs(fname, args, kw, "form", &form, "unistr", &s); err != nil {
		return 0, "", err
	}
	f, ok := forms[form]
	if !ok {
		return 0, "", runtime.Errorf(runtime.ValueError, "invalid normalization form")
	}
	if err := th.Work(int64(len(s) / 64)); err != nil {
		return 0, "", err
	}
	return f, s, nil
}

func normalize(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	f, s, err := formArgs(th, "normalize", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := th.Alloc(int64(len(s)) * 3); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Str(f.String(s)), nil
}

func isNormalized(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	f, s, err := formArgs(th, "is_normalized", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeBool(f.IsNormalString(s)), nil
}
