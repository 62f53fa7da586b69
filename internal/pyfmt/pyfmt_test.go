package pyfmt

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The *Cases tables come from generated_cases_test.go, written by
// testdata/gen.py running CPython 3.11.

func bigInt(t *testing.T, s string) *big.Int {
	x, ok := new(big.Int).SetString(s, 10)
	require.True(t, ok, s)
	return x
}

// errParts splits an error into CPython's exception type and message.
func errParts(err error) (string, string) {
	if err == nil {
		return "", ""
	}
	var pe *Error
	if errors.As(err, &pe) {
		return pe.Type, pe.Msg
	}
	return "?", err.Error()
}

func TestFloatRepr(t *testing.T) {
	for _, c := range floatReprCases {
		f := math.Float64frombits(c.bits)
		assert.Equal(t, c.want, FloatRepr(f), "bits %#x", c.bits)
	}
}

func TestFloatReprTricky(t *testing.T) {
	// Expected values printed by: python3 -c 'print(repr(0.1+0.2), repr(1e22), ...)'
	a, b := 0.1, 0.2 // not constants: Go folds constant arithmetic exactly
	cases := []struct {
		f    float64
		want string
	}{
		{a + b, "0.30000000000000004"},
		{1e22, "1e+22"},
		{5e-324, "5e-324"},
		{1.7976931348623157e308, "1.7976931348623157e+308"},
		{123456789012345678.0, "1.2345678901234568e+17"},
		{1e16, "1e+16"},
		{1e15, "1000000000000000.0"},
		{1.5e-5, "1.5e-05"},
		{1e-7, "1e-07"},
		{0.0001, "0.0001"},
		{1.0, "1.0"},
		{100.0, "100.0"},
		{math.Inf(1), "inf"},
		{math.Inf(-1), "-inf"},
		{math.NaN(), "nan"},
		{math.Copysign(0, -1), "-0.0"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, FloatRepr(c.f))
	}
}

func TestFormat(t *testing.T) {
	for _, c := range formatCases {
		var got string
		var err error
		switch c.kind {
		case 'i':
			x := bigInt(t, c.val)
			got, err = FormatInt(x, c.spec)
			if x.IsInt64() {
				got64, err64 := FormatInt64(x.Int64(), c.spec)
				assert.Equal(t, got, got64, "FormatInt64(%s, %q)", c.val, c.spec)
				assert.Equal(t, err, err64, "FormatInt64(%s, %q)", c.val, c.spec)
			}
		case 'f':
			bits, perr := strconv.ParseUint(c.val, 0, 64)
			require.NoError(t, perr)
			got, err = FormatFloat(math.Float64frombits(bits), c.spec)
		case 's':
			got, err = FormatStr(c.val, c.spec)
		}
		et, em := errParts(err)
		desc := fmt.Sprintf("format(%c %s, %q)", c.kind, c.val, c.spec)
		assert.Equal(t, c.errType, et, desc)
		assert.Equal(t, c.errMsg, em, desc)
		assert.Equal(t, c.want, got, desc)
	}
}

func TestFormatExamples(t *testing.T) {
	// python3 -c "print(format(2.675,'.2f'), f'{0.125:.2f}', format(1e16,','), ...)"
	f := func(x float64, spec string) string {
		s, err := FormatFloat(x, spec)
		require.NoError(t, err)
		return s
	}
	i := func(x int64, spec string) string {
		s, err := FormatInt64(x, spec)
		require.NoError(t, err)
		return s
	}
	assert.Equal(t, "2.67", f(2.675, ".2f"))
	assert.Equal(t, "0.12", f(0.125, ".2f"))
	assert.Equal(t, "1e+16", f(1e16, ","))
	assert.Equal(t, "123,456,789", i(123456789, ","))
	assert.Equal(t, "0xff", i(255, "#x"))
	assert.Equal(t, "-0000005", i(-5, "08d"))
	assert.Equal(t, "0003.142", f(3.14159, "08.3f"))
	assert.Equal(t, "      12", i(12, ">8"))
	assert.Equal(t, "50.000000%", f(0.5, "%"))
	assert.Equal(t, "1.234500e+03", f(1234.5, "e"))
	assert.Equal(t, "1e-07", f(1e-7, "g"))
	assert.Equal(t, "inf", f(math.Inf(1), "f"))
	_, err := FormatFloat(1.5, "d")
	assert.EqualError(t, err, "Unknown format code 'd' for object of type 'float'")
	_, err = FormatStrType("x", "+", "MyStr")
	assert.EqualError(t, err, "Sign not allowed in string format specifier")
	_, err = FormatIntType(big.NewInt(1), "abc", "bool")
	assert.EqualError(t, err, "Invalid format specifier 'abc' for object of type 'bool'")
}

func TestParseSpec(t *testing.T) {
	sp, err := ParseSpec("*^+z#012_.3f")
	require.NoError(t, err)
	assert.Equal(t, Spec{Fill: '*', FillSet: true, Align: '^', Sign: '+', NoNegZero: true,
		Alternate: true, Width: 12, Grouping: '_', Precision: 3, Type: 'f'}, sp)
	sp, err = ParseSpec("08")
	require.NoError(t, err)
	assert.Equal(t, Spec{Fill: ' ', Zero: true, Width: 8, Precision: -1}, sp)
	_, err = ParseSpec("1.")
	assert.EqualError(t, err, "Format specifier missing precision")
	_, err = ParseSpec("xyz")
	assert.EqualError(t, err, "Invalid format specifier 'xyz' for object of type 'object'")
}

func TestRound(t *testing.T) {
	for _, c := range roundCases {
		x := math.Float64frombits(c.bits)
		got, err := RoundFloat(x, c.n)
		et, _ := errParts(err)
		assert.Equal(t, c.errType, et, "round(%v, %d)", x, c.n)
		if c.errType == "" {
			assert.Equal(t, c.want, math.Float64bits(got), "round(%v, %d) = %v", x, c.n, got)
			assert.Equal(t, got, FormatFloatRound(x, c.n))
		}
	}
	for _, c := range roundHalfEvenCases {
		x := math.Float64frombits(c.bits)
		assert.Equal(t, c.want, math.Float64bits(RoundHalfEven(x)), "round(%v)", x)
	}
	assert.Equal(t, 2.67, FormatFloatRound(2.675, 2))
	assert.True(t, math.IsNaN(FormatFloatRound(math.NaN(), 2)))
}

func TestParseInt(t *testing.T) {
	for _, c := range parseIntCases {
		got, err := ParseInt(c.s, c.base)
		et, em := errParts(err)
		desc := fmt.Sprintf("int(%q, %d)", c.s, c.base)
		assert.Equal(t, c.errType, et, desc)
		assert.Equal(t, c.errMsg, em, desc)
		if c.errType == "" && assert.NotNil(t, got, desc) {
			assert.Equal(t, c.want, got.Text(16), desc)
		}
	}
}

func TestParseFloat(t *testing.T) {
	for _, c := range parseFloatCases {
		got, err := ParseFloat(c.s)
		et, em := errParts(err)
		desc := fmt.Sprintf("float(%q)", c.s)
		assert.Equal(t, c.errType, et, desc)
		assert.Equal(t, c.errMsg, em, desc)
		if c.errType != "" {
			continue
		}
		if c.isNaN {
			assert.True(t, math.IsNaN(got), desc)
		} else {
			assert.Equal(t, c.want, math.Float64bits(got), desc)
		}
	}
}

func TestRepr(t *testing.T) {
	for _, c := range reprCases {
		assert.Equal(t, c.want, Repr(c.s), "repr(%q)", c.s)
	}
}

func TestRadix(t *testing.T) {
	for _, c := range radixCases {
		x := bigInt(t, c.x)
		assert.Equal(t, c.hex, Hex(x))
		assert.Equal(t, c.oct, Oct(x))
		assert.Equal(t, c.bin, Bin(x))
	}
}

func TestIntHelpers(t *testing.T) {
	f, err := IntToFloat(new(big.Int).Lsh(big.NewInt(1), 1024))
	assert.EqualError(t, err, "int too large to convert to float")
	assert.Equal(t, 0.0, f)
	f, err = IntToFloat(new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), 60), big.NewInt(1)))
	require.NoError(t, err)
	assert.Equal(t, float64(1<<60), f)
	s, err := IntStr(big.NewInt(-42))
	require.NoError(t, err)
	assert.Equal(t, "-42", s)
}

func strResult(t *testing.T, op, s, a string, n int) any {
	fill := []rune(a + " ")[0]
	list := func(v []string) any {
		if v == nil {
			return []string{}
		}
		return v
	}
	switch op {
	case "split":
		return list(Split(s, a, n))
	case "rsplit":
		return list(RSplit(s, a, n))
	case "splitws":
		return list(SplitWhitespace(s, n))
	case "rsplitws":
		return list(RSplitWhitespace(s, n))
	case "strip":
		return Strip(s, "", false)
	case "lstrip":
		return LStrip(s, "", false)
	case "rstrip":
		return RStrip(s, "", false)
	case "stripc":
		return Strip(s, a, true)
	case "lstripc":
		return LStrip(s, a, true)
	case "rstripc":
		return RStrip(s, a, true)
	case "upper":
		return Upper(s)
	case "lower":
		return Lower(s)
	case "title":
		return Title(s)
	case "capitalize":
		return Capitalize(s)
	case "swapcase":
		return SwapCase(s)
	case "isdigit":
		return IsDigit(s)
	case "isalpha":
		return IsAlpha(s)
	case "isspace":
		return IsSpace(s)
	case "isalnum":
		return IsAlnum(s)
	case "isupper":
		return IsUpper(s)
	case "islower":
		return IsLower(s)
	case "isdecimal":
		return IsDecimal(s)
	case "isnumeric":
		return IsNumeric(s)
	case "istitle":
		return IsTitle(s)
	case "isprintable":
		return IsPrintable(s)
	case "isascii":
		return IsASCII(s)
	case "center":
		return Center(s, n, fill)
	case "ljust":
		return LJust(s, n, fill)
	case "rjust":
		return RJust(s, n, fill)
	case "zfill":
		return ZFill(s, n)
	case "splitlines":
		return list(SplitLines(s, false))
	case "splitlinesk":
		return list(SplitLines(s, true))
	case "count":
		return Count(s, a)
	case "find":
		return Find(s, a)
	case "rfind":
		return RFind(s, a)
	case "partition":
		x, y, z := Partition(s, a)
		return [3]string{x, y, z}
	case "rpartition":
		x, y, z := RPartition(s, a)
		return [3]string{x, y, z}
	case "replace":
		return Replace(s, a, "<\u00e9>", n)
	case "expandtabs":
		return ExpandTabs(s, n)
	}
	t.Fatalf("unknown op %s", op)
	return nil
}

func TestStrMethods(t *testing.T) {
	for _, c := range strCases {
		got := strResult(t, c.op, c.s, c.a, c.n)
		assert.Equal(t, c.want, got, "%q.%s(%q, %d)", c.s, c.op, c.a, c.n)
	}
}

func TestStrExamples(t *testing.T) {
	// python3 -c "print(\"hello world's\".title(), 'ß'.upper(), 'a,b,,c'.split(','), '  a b  '.split())"
	assert.Equal(t, "Hello World'S", Title("hello world's"))
	assert.Equal(t, "SS", Upper("ß"))
	assert.Equal(t, []string{"a", "b", "", "c"}, Split("a,b,,c", ",", -1))
	assert.Equal(t, []string{"a", "b"}, SplitWhitespace("  a b  ", -1))
	assert.Equal(t, []string{"a", "b  "}, SplitWhitespace("  a b  ", 1))
	assert.Equal(t, []string{"  a", "b"}, RSplitWhitespace("  a b  ", 1))
	assert.Equal(t, "-a-b-c-", Replace("abc", "", "-", -1))
	assert.Equal(t, 4, Count("abc", ""))
	assert.Equal(t, 2, Find("日本語", "語"))
	assert.Equal(t, "-0042", ZFill("-42", 5))
	assert.Equal(t, "  ab ", Center("ab", 5, ' '))
}

func TestRunes(t *testing.T) {
	for _, c := range runeCases {
		r := c.r
		flags := ""
		for _, p := range []struct {
			f  string
			ok bool
		}{{"s", IsSpaceRune(r)}, {"a", IsAlphaRune(r)}, {"D", IsDecimalRune(r)}, {"d", IsDigitRune(r)},
			{"n", IsNumericRune(r)}, {"u", IsUpperRune(r)}, {"l", IsLowerRune(r)},
			{"p", IsPrintableRune(r)}, {"A", IsAlnumRune(r)}} {
			if p.ok {
				flags += p.f
			}
		}
		s := string(r)
		assert.Equal(t, c.flags, flags, "U+%04X", r)
		assert.Equal(t, c.upper, Upper(s), "U+%04X upper", r)
		assert.Equal(t, c.lower, Lower(s), "U+%04X lower", r)
		assert.Equal(t, c.title, Title(s), "U+%04X title", r)
	}
	assert.Equal(t, 3, DecimalValue('\u0663'))
	assert.Equal(t, -1, DecimalValue('x'))
}

// tmplStr renders a test argument (int64, string, float64 or []any) as
// str() or, with repr, as repr().
func tmplStr(v any, repr bool) string {
	switch v := v.(type) {
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return FloatRepr(v)
	case string:
		if repr {
			return Repr(v)
		}
		return v
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = tmplStr(x, true)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	panic("bad value")
}

func typeName(v any) string {
	switch v.(type) {
	case int64:
		return "int"
	case float64:
		return "float"
	case string:
		return "str"
	}
	return "list"
}

// renderTemplate is a miniature str.format runtime over the test values.
func renderTemplate(parts []FormatPart, args []any, kwargs map[string]any) (string, error) {
	var b strings.Builder
	for _, p := range parts {
		if p.Err != nil {
			return "", p.Err
		}
		if p.Field == nil {
			b.WriteString(p.Literal)
			continue
		}
		f := p.Field
		if f.Err != nil {
			return "", f.Err
		}
		var v any
		if f.Index >= 0 {
			if f.Index >= len(args) {
				return "", &Error{"IndexError", fmt.Sprintf("Replacement index %d out of range for positional args tuple", f.Index)}
			}
			v = args[f.Index]
		} else {
			var ok bool
			if v, ok = kwargs[f.Name]; !ok {
				return "", &Error{"KeyError", Repr(f.Name)}
			}
		}
		for _, a := range f.Accessors {
			if a.Err != nil {
				return "", a.Err
			}
			if a.Attr {
				switch v.(type) {
				case int64, float64:
					if a.Key == "real" {
						continue
					}
				}
				return "", &Error{"AttributeError", fmt.Sprintf("'%s' object has no attribute '%s'", typeName(v), a.Key)}
			}
			switch x := v.(type) {
			case []any:
				if a.Index < 0 {
					return "", &Error{"TypeError", "list indices must be integers or slices, not str"}
				}
				if a.Index >= len(x) {
					return "", &Error{"IndexError", "list index out of range"}
				}
				v = x[a.Index]
			case string:
				rs := []rune(x)
				if a.Index < 0 {
					return "", &Error{"TypeError", "string indices must be integers, not 'str'"}
				}
				if a.Index >= len(rs) {
					return "", &Error{"IndexError", "string index out of range"}
				}
				v = string(rs[a.Index])
			default:
				return "", &Error{"TypeError", fmt.Sprintf("'%s' object is not subscriptable", typeName(v))}
			}
		}
		if f.ConversionErr != nil {
			return "", f.ConversionErr
		}
		switch f.Conversion {
		case 'r', 'a':
			v = tmplStr(v, true)
		case 's':
			v = tmplStr(v, false)
		}
		spec := f.Spec
		if f.SpecParts != nil {
			s, err := renderTemplate(f.SpecParts, args, kwargs)
			if err != nil {
				return "", err
			}
			spec = s
		}
		var s string
		var err error
		switch v := v.(type) {
		case int64:
			s, err = FormatInt64(v, spec)
		case float64:
			s, err = FormatFloat(v, spec)
		case string:
			s, err = FormatStr(v, spec)
		default:
			if spec != "" {
				return "", &Error{"TypeError", "unsupported format string passed to list.__format__"}
			}
			s = tmplStr(v, true)
		}
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

func TestTemplate(t *testing.T) {
	args := []any{int64(5), "ab", 3.25, []any{int64(10), int64(20)}}
	kwargs := map[string]any{"x": int64(7), "name": "Bob"}
	for _, c := range templateCases {
		parts, perr := ParseFormatTemplate(c.tmpl)
		got, err := renderTemplate(parts, args, kwargs)
		et, em := errParts(err)
		assert.Equal(t, c.errType, et, "%q", c.tmpl)
		assert.Equal(t, c.errMsg, em, "%q", c.tmpl)
		assert.Equal(t, c.want, got, "%q", c.tmpl)
		if perr != nil {
			// A template with a parse error never renders successfully.
			assert.Error(t, err, "%q", c.tmpl)
		}
	}
}

func TestTemplateStructure(t *testing.T) {
	parts, err := ParseFormatTemplate("a{{b}}{0.x[1]!r:>{1}}c")
	require.NoError(t, err)
	require.Len(t, parts, 3)
	assert.Equal(t, "a{b}", parts[0].Literal)
	f := parts[1].Field
	require.NotNil(t, f)
	assert.Equal(t, "0", f.Name)
	assert.Equal(t, 0, f.Index)
	assert.Equal(t, []FieldAccessor{{Attr: true, Key: "x", Index: -1}, {Key: "1", Index: 1}}, f.Accessors)
	assert.Equal(t, 'r', f.Conversion)
	assert.Equal(t, ">{1}", f.Spec)
	require.Len(t, f.SpecParts, 2)
	assert.Equal(t, ">", f.SpecParts[0].Literal)
	assert.Equal(t, 1, f.SpecParts[1].Field.Index)
	assert.Equal(t, "c", parts[2].Literal)

	_, err = ParseFormatTemplate("{}{0}")
	assert.EqualError(t, err, "cannot switch from automatic field numbering to manual field specification")
	_, err = ParseFormatTemplate("x}")
	assert.EqualError(t, err, "Single '}' encountered in format string")
	_, err = ParseFormatTemplate("x{")
	assert.EqualError(t, err, "Single '{' encountered in format string")
	_, err = ParseFormatTemplate("{0")
	assert.EqualError(t, err, "expected '}' before end of string")
	parts, err = ParseFormatTemplate("{name}")
	require.NoError(t, err)
	assert.Equal(t, -1, parts[0].Field.Index)
}
