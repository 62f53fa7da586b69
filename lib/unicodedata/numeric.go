package unicodedata

// This file gives characters their numeric values: decimal digits by
// their place in their run of ten, and the common digit-like and numeric
// symbols (superscripts, subscripts, circled digits, vulgar fractions,
// Roman numerals, CJK numerals) from a table.

import (
	"math"
	"unicode"

	"github.com/aio-lang/aio/runtime"
)

// decimalValue is the value of a decimal digit (category Nd): digits
// come in runs of ten from a zero, several runs back to back in some
// blocks (the mathematical digits).
func decimalValue(r rune) (float64, bool) {
	if !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	start := r
	for start > 0 && unicode.Is(unicode.Nd, start-1) {
		start--
	}
	return float64((r - start) % 10), true
}

// digitValues are the digit values of non-decimal characters.
var digitValues = map[rune]int{
	0x00B2: 2, 0x00B3: 3, 0x00B9: 1, 0x2070: 0, 0x2074: 4, 0x2075: 5, 0x2076: 6, 0x2077: 7,
	0x2078: 8, 0x2079: 9, 0x2080: 0, 0x2081: 1, 0x2082: 2, 0x2083: 3, 0x2084: 4, 0x2085: 5,
	0x2086: 6, 0x2087: 7, 0x2088: 8, 0x2089: 9, 0x24EA: 0, 0x1F100: 0,
}

func init() {
	// Circled, parenthesized and full-stop digits one to nine.
	for _, base := range []rune{0x2460, 0x2474, 0x2488, 0x24F5, 0x2776, 0x2780, 0x278A} {
		for i := rune(0); i < 9; i++ {
			digitValues[base+i] = int(i) + 1
		}
	}
}

func digitValue(r rune) (float64, bool) {
	if v, ok := decimalValue(r); ok {
		return v, true
	}
	v, ok := digitValues[r]
	return float64(v), ok
}

// numericValues are values of numeric characters that are not digits.
var numericValues = map[rune]float64{
	0x00BC: 0.25, 0x00BD: 0.5, 0x00BE: 0.75, 0x2150: 1.0 / 7, 0x2151: 1.0 / 9, 0x2152: 0.1,
	0x2153: 1.0 / 3, 0x2154: 2.0 / 3, 0x2155: 0.2, 0x2156: 0.4, 0x2157: 0.6, 0x2158: 0.8,
	0x2159: 1.0 / 6, 0x215A: 5.0 / 6, 0x215B: 0.125, 0x215C: 0.375, 0x215D: 0.625,
	0x215E: 0.875, 0x215F: 1, 0x2189: 0,
	0x3007: 0, 0x4E00: 1, 0x4E8C: 2, 0x4E09: 3, 0x56DB: 4, 0x4E94: 5, 0x516D: 6, 0x4E03: 7,
	0x516B: 8, 0x4E5D: 9, 0x5341: 10, 0x767E: 100, 0x5343: 1000, 0x4E07: 10000, 0x5104: 1e8,
}

func init() {
	// Roman numerals, upper and lower case.
	roman := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 50, 100, 500, 1000}
	for i, v := range roman {
		numericValues[0x2160+rune(i)] = v
		numericValues[0x2170+rune(i)] = v
	}
	// Circled numbers ten to twenty.
	for i := rune(0); i < 11; i++ {
		numericValues[0x2469+i] = float64(10 + i)
	}
}

func numericValue(r rune) (float64, bool) {
	if v, ok := digitValue(r); ok {
		return v, true
	}
	v, ok := numericValues[r]
	return v, ok
}

// numberOf makes decimal(), digit() or numeric(): the value, the default
// when given, or ValueError "not a <kind>".
func numberOf(fname string, value func(rune) (float64, bool)) fn {
	kind := map[string]string{"decimal": "not a decimal", "digit": "not a digit", "numeric": "not a numeric character"}[fname]
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var c, def runtime.Value
		if err := runtime.UnpackArgs(fname, args, kw, "chr", &c, "default?", &def); err != nil {
			return runtime.Value{}, err
		}
		r, err := oneChar(fname, c)
		if err != nil {
			return runtime.Value{}, err
		}
		v, ok := value(r)
		if !ok {
			if def.IsValid() {
				return def, nil
			}
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "%s", kind)
		}
		if fname == "numeric" {
			return runtime.Float(v), nil
		}
		return runtime.Int(int64(math.Round(v))), nil
	}
}
