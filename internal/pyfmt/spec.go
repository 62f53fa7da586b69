package pyfmt

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Spec is a parsed format specification, the text after ':' in a
// replacement field:
//
//	[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
//
// It records what the text says; the defaults that depend on the
// formatted type (alignment, presentation type) are applied when
// formatting.
type Spec struct {
	Fill      rune // fill character, meaningful when FillSet
	FillSet   bool // a fill character preceded the alignment
	Align     rune // '<', '>', '^', '=' or 0 when not given
	Sign      rune // '+', '-', ' ' or 0 when not given
	NoNegZero bool // 'z': coerce negative zero to zero (floats)
	Alternate bool // '#'
	Zero      bool // '0' before the width (zero padding), without a fill
	Width     int  // minimum width, -1 when not given
	Grouping  rune // ',' or '_' or 0
	Precision int  // -1 when not given
	Type      rune // presentation type, 0 when not given
}

// ParseSpec parses a format specification. Error messages that name the
// formatted object's type say 'object'; use ParseSpecFor to name it.
func ParseSpec(spec string) (Spec, error) {
	return ParseSpecFor(spec, "object")
}

// ParseSpecFor parses a format specification for a value of the Python
// type typeName, with CPython's error messages.
func ParseSpecFor(spec, typeName string) (Spec, error) {
	if sp, ok := parseSimpleSpec(spec); ok {
		return sp, nil
	}
	return parseSpecGeneral(spec, typeName)
}

// parseSpecGeneral is ParseSpecFor without the fast path: any spec, with
// Unicode fill characters and digits, and every error.
func parseSpecGeneral(spec, typeName string) (Spec, error) {
	rs := []rune(spec)
	sp := Spec{Fill: ' ', Width: -1, Precision: -1}
	pos, end := 0, len(rs)
	isAlign := func(r rune) bool { return r == '<' || r == '>' || r == '=' || r == '^' }
	if end-pos >= 2 && isAlign(rs[pos+1]) {
		sp.Align = rs[pos+1]
		sp.Fill = rs[pos]
		sp.FillSet = true
		pos += 2
	} else if end-pos >= 1 && isAlign(rs[pos]) {
		sp.Align = rs[pos]
		pos++
	}
	if pos < end && (rs[pos] == '+' || rs[pos] == '-' || rs[pos] == ' ') {
		sp.Sign = rs[pos]
		pos++
	}
	if pos < end && rs[pos] == 'z' {
		sp.NoNegZero = true
		pos++
	}
	if pos < end && rs[pos] == '#' {
		sp.Alternate = true
		pos++
	}
	if !sp.FillSet && pos < end && rs[pos] == '0' {
		sp.Zero = true
		pos++
	}
	n, consumed, err := specInteger(rs, &pos)
	if err != nil {
		return sp, err
	}
	if consumed > 0 {
		sp.Width = n
	}
	if pos < end && rs[pos] == ',' {
		sp.Grouping = ','
		pos++
	}
	if pos < end && rs[pos] == '_' {
		if sp.Grouping != 0 {
			return sp, valueError("Cannot specify both ',' and '_'.")
		}
		sp.Grouping = '_'
		pos++
	}
	if pos < end && rs[pos] == ',' && sp.Grouping == '_' {
		return sp, valueError("Cannot specify both ',' and '_'.")
	}
	if pos < end && rs[pos] == '.' {
		pos++
		n, consumed, err := specInteger(rs, &pos)
		if err != nil {
			return sp, err
		}
		if consumed == 0 {
			return sp, valueError("Format specifier missing precision")
		}
		sp.Precision = n
	}
	if end-pos > 1 {
		return sp, valueError(fmt.Sprintf("Invalid format specifier '%s' for object of type '%s'", spec, typeName))
	}
	if end-pos == 1 {
		sp.Type = rs[pos]
	}
	return sp, nil
}

// specInteger reads a run of decimal digits (any Unicode Nd digits, as
// CPython's get_integer does) at *pos.
func specInteger(rs []rune, pos *int) (n, consumed int, err error) {
	for ; *pos < len(rs); *pos++ {
		d := DecimalValue(rs[*pos])
		if d < 0 {
			break
		}
		if n > (math.MaxInt64-d)/10 {
			return 0, 0, valueError("Too many decimal digits in format string")
		}
		n = n*10 + d
		consumed++
	}
	return n, consumed, nil
}

// codeName renders a presentation type for an error message.
func codeName(t rune) string {
	if t > 32 && t < 128 {
		return string(t)
	}
	return fmt.Sprintf("\\x%x", t)
}

// format is a Spec with the type-dependent defaults applied.
type format struct {
	Spec
	fill  rune
	align rune
	typ   rune
	group int // digits per group, 0 for none
}

// resolve applies CPython's defaults for a type whose default
// presentation type is defType and default alignment defAlign, and
// validates the grouping option against the presentation type.
func (sp Spec) resolve(defType, defAlign rune) (format, error) {
	f := format{Spec: sp, fill: ' ', align: defAlign, typ: sp.Type}
	if sp.Align != 0 {
		f.align = sp.Align
	}
	if sp.FillSet {
		f.fill = sp.Fill
	}
	if sp.Zero {
		f.fill = '0'
		if sp.Align == 0 && defAlign == '>' {
			f.align = '='
		}
	}
	if f.typ == 0 {
		f.typ = defType
	}
	if sp.Grouping != 0 {
		switch f.typ {
		case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0:
			f.group = 3
		case 'b', 'o', 'x', 'X':
			if sp.Grouping == '_' {
				f.group = 4
				break
			}
			fallthrough
		default:
			return f, valueError(fmt.Sprintf("Cannot specify '%c' with '%s'.", sp.Grouping, codeName(f.typ)))
		}
	}
	return f, nil
}

func unknownCode(t rune, typeName string) error {
	return valueError(fmt.Sprintf("Unknown format code '%s' for object of type '%s'", codeName(t), typeName))
}

// numField is a formatted number split as CPython's fill_number sees it.
// Its parts are byte slices so that callers can build them in stack
// buffers; render copies them into the one string it allocates.
type numField struct {
	neg        bool
	prefix     string // "0x" and friends, when '#' is given
	digits     []byte // the part subject to grouping and zero padding
	hasDecimal bool
	remainder  []byte // after the decimal point: fraction, exponent, "%", or a 'c' character
}

// render lays out a number: padding, sign, prefix, grouped digits,
// decimal point and remainder (CPython's calc_number_widths and
// fill_number).
func (f *format) render(nf numField) (string, error) {
	var signCh byte
	switch f.Sign {
	case '+':
		signCh = '+'
		if nf.neg {
			signCh = '-'
		}
	case ' ':
		signCh = ' '
		if nf.neg {
			signCh = '-'
		}
	default:
		if nf.neg {
			signCh = '-'
		}
	}
	nonDigit := len(nf.prefix) + utf8.RuneCount(nf.remainder)
	if signCh != 0 {
		nonDigit++
	}
	if nf.hasDecimal {
		nonDigit++
	}
	if f.Width > maxOutput {
		return "", memoryError()
	}
	minWidth := 0
	if f.fill == '0' && f.align == '=' {
		minWidth = f.Width - nonDigit
	}
	sep := byte(',')
	if f.Grouping == '_' {
		sep = '_'
	}
	var gbuf [64]byte
	grouped := gbuf[:0]
	if len(nf.digits) > 0 {
		grouped = appendGrouped(grouped, nf.digits, minWidth, f.group, sep)
	}
	lpad, spad, rpad := padding(f.align, f.Width-(nonDigit+len(grouped)))
	// Sized exactly, so the Builder allocates once.
	size := len(nf.prefix) + len(grouped) + len(nf.remainder) + (lpad+spad+rpad)*utf8.RuneLen(f.fill)
	if signCh != 0 {
		size++
	}
	if nf.hasDecimal {
		size++
	}
	var b strings.Builder
	b.Grow(size)
	fill := func(n int) {
		if f.fill < utf8.RuneSelf {
			for ; n > 0; n-- {
				b.WriteByte(byte(f.fill))
			}
			return
		}
		for ; n > 0; n-- {
			b.WriteRune(f.fill)
		}
	}
	fill(lpad)
	if signCh != 0 {
		b.WriteByte(signCh)
	}
	b.WriteString(nf.prefix)
	fill(spad)
	b.Write(grouped)
	if nf.hasDecimal {
		b.WriteByte('.')
	}
	b.Write(nf.remainder)
	fill(rpad)
	return b.String(), nil
}

// appendGrouped is CPython's _PyUnicode_InsertThousandsGrouping: it
// appends digits with sep inserted every group digits from the right
// (group 0: no grouping), left-padded with zeros (grouped too) to at
// least minWidth characters.
func appendGrouped(dst, digits []byte, minWidth, group int, sep byte) []byte {
	minWidth = max(minWidth, 0)
	if group == 0 && minWidth <= len(digits) {
		return append(dst, digits...)
	}
	// The first pass measures, the second fills the measured room.
	n := walkGroups(nil, digits, minWidth, group, sep)
	dst = slices.Grow(dst, n)
	out := dst[len(dst) : len(dst)+n]
	walkGroups(out, digits, minWidth, group, sep)
	return dst[:len(dst)+n]
}

// walkGroups produces the chunks of appendGrouped right to left, each
// [zeros][chars][sep], and returns their total length; when out is not
// nil it writes them into out, which must have exactly that length.
func walkGroups(out, digits []byte, minWidth, group int, sep byte) int {
	total := 0
	pos := len(out)
	remaining := len(digits)
	useSep := false
	emit := func(l int) {
		nZeros := max(0, l-remaining)
		nChars := max(0, min(remaining, l))
		total += nZeros + nChars
		if useSep {
			total++
		}
		if out != nil {
			if useSep {
				pos--
				out[pos] = sep
			}
			pos -= nChars
			copy(out[pos:], digits[remaining-nChars:remaining])
			for i := 0; i < nZeros; i++ {
				pos--
				out[pos] = '0'
			}
		}
		useSep = true
		remaining -= nChars
	}
	broken := false
	if group > 0 {
		for {
			l := min(group, max(remaining, minWidth, 1))
			emit(l)
			minWidth -= l
			if remaining <= 0 && minWidth <= 0 {
				broken = true
				break
			}
			minWidth--
		}
	}
	if !broken {
		emit(max(remaining, minWidth, 1))
	}
	return total
}

// MaxStrDigits is CPython's default limit on the number of decimal
// digits in int/str conversions (sys.get_int_max_str_digits()); 0
// disables the check.
var MaxStrDigits = 4300

// intValue is an integer held either as an int64 or as a *big.Int.
type intValue struct {
	small int64
	big   *big.Int
	// maxDigits is the limit on decimal digits (0: none).
	maxDigits int
}

func (v intValue) neg() bool {
	if v.big != nil {
		return v.big.Sign() < 0
	}
	return v.small < 0
}

// appendAbs appends |v| in base (lowercase letters) to dst.
func (v intValue) appendAbs(dst []byte, base int) []byte {
	if v.big != nil {
		n := len(dst)
		dst = v.big.Append(dst, base)
		if dst[n] == '-' {
			dst = append(dst[:n], dst[n+1:]...)
		}
		return dst
	}
	u := uint64(v.small)
	if v.small < 0 {
		u = -u // also right for math.MinInt64
	}
	return strconv.AppendUint(dst, u, base)
}

func (v intValue) toFloat() (float64, error) {
	if v.big != nil {
		return IntToFloat(v.big)
	}
	return float64(v.small), nil
}

func (v intValue) toBig() *big.Int {
	if v.big != nil {
		return v.big
	}
	return big.NewInt(v.small)
}

func strDigitsError(limit int) error {
	return valueError(fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", limit))
}

// TooManyDigits reports whether |x| surely has more than limit decimal
// digits, judging by its bit length alone (so before any conversion):
// a number of n bits has at least floor((n-1)*log10(2))+1 digits.
func TooManyDigits(x *big.Int, limit int) bool {
	if limit <= 0 {
		return false
	}
	n := x.BitLen()
	return n > 0 && int64(float64(n-1)*0.30102999566398114)+1 > int64(limit)
}

// IntToFloat converts x to the nearest float64 (ties to even), failing
// with CPython's OverflowError "int too large to convert to float".
func IntToFloat(x *big.Int) (float64, error) {
	if x.IsInt64() {
		i := x.Int64()
		if i > -(1<<53) && i < 1<<53 {
			return float64(i), nil
		}
	}
	f, _ := new(big.Float).SetInt(x).Float64()
	if math.IsInf(f, 0) {
		return 0, overflowError("int too large to convert to float")
	}
	return f, nil
}

// IntStr returns str(x), failing as CPython does when x has more than
// MaxStrDigits decimal digits.
func IntStr(x *big.Int) (string, error) { return IntStrDigits(x, MaxStrDigits) }

// IntStrDigits is IntStr with the limit given (0: none).
func IntStrDigits(x *big.Int, limit int) (string, error) {
	if TooManyDigits(x, limit) {
		return "", strDigitsError(limit)
	}
	s := x.String()
	n := len(s)
	if x.Sign() < 0 {
		n--
	}
	if limit > 0 && n > limit {
		return "", strDigitsError(limit)
	}
	return s, nil
}

// FormatInt returns format(x, spec) for an int.
func FormatInt(x *big.Int, spec string) (string, error) {
	return FormatIntType(x, spec, "int")
}

// FormatInt64 returns format(x, spec) for an int that fits in int64; it
// gives the same results as FormatInt.
func FormatInt64(x int64, spec string) (string, error) {
	return FormatInt64Type(x, spec, "int")
}

// FormatInt64Type is FormatInt64 for a value whose Python type is
// typeName (an int subclass such as bool), as named in error messages;
// like FormatIntType, it leaves a subclass's own str for an empty spec
// to the caller.
func FormatInt64Type(x int64, spec, typeName string) (string, error) {
	if spec == "" {
		return strconv.FormatInt(x, 10), nil
	}
	sp, err := ParseSpecFor(spec, typeName)
	if err != nil {
		return "", err
	}
	if s, ok := fastInt(x, &sp); ok {
		return s, nil
	}
	return formatIntSpec(intValue{small: x}, sp, typeName)
}

// FormatIntType is FormatInt for a value whose Python type is typeName
// (an int subclass such as bool), as named in error messages. An empty
// spec gives str(x) of the int; for a subclass with its own str (bool)
// the caller handles the empty spec itself.
func FormatIntType(x *big.Int, spec, typeName string) (string, error) {
	return FormatIntTypeDigits(x, spec, typeName, MaxStrDigits)
}

// FormatIntTypeDigits is FormatIntType with the limit on decimal digits
// given (0: none).
func FormatIntTypeDigits(x *big.Int, spec, typeName string, limit int) (string, error) {
	if spec == "" {
		return IntStrDigits(x, limit)
	}
	sp, err := ParseSpecFor(spec, typeName)
	if err != nil {
		return "", err
	}
	v := intValue{big: x, maxDigits: limit}
	if x.IsInt64() {
		v = intValue{small: x.Int64()}
	}
	return formatIntSpec(v, sp, typeName)
}

// FormatIntSpec formats x with an already parsed spec; typeName is the
// Python type named in error messages.
func FormatIntSpec(x *big.Int, sp Spec, typeName string) (string, error) {
	return formatIntSpec(intValue{big: x, maxDigits: MaxStrDigits}, sp, typeName)
}

func formatIntSpec(v intValue, sp Spec, typeName string) (string, error) {
	f, err := sp.resolve('d', '>')
	if err != nil {
		return "", err
	}
	switch f.typ {
	case 'b', 'c', 'd', 'o', 'x', 'X', 'n':
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		fv, err := v.toFloat()
		if err != nil {
			return "", err
		}
		return formatFloatResolved(fv, f)
	default:
		return "", unknownCode(f.typ, typeName)
	}
	if sp.Precision != -1 {
		return "", valueError("Precision not allowed in integer format specifier")
	}
	if sp.NoNegZero {
		return "", valueError("Negative zero coercion (z) not allowed in integer format specifier")
	}
	if f.typ == 'c' {
		if sp.Sign != 0 {
			return "", valueError("Sign not allowed with integer format specifier 'c'")
		}
		if sp.Alternate {
			return "", valueError("Alternate form (#) not allowed with integer format specifier 'c'")
		}
		b := v.toBig()
		if !b.IsInt64() {
			return "", overflowError("Python int too large to convert to C long")
		}
		c := b.Int64()
		if c < 0 || c > 0x10ffff {
			return "", overflowError("%c arg not in range(0x110000)")
		}
		var cbuf [utf8.UTFMax]byte
		return f.render(numField{remainder: utf8.AppendRune(cbuf[:0], rune(c))})
	}
	base, prefix := 10, ""
	switch f.typ {
	case 'b':
		base, prefix = 2, "0b"
	case 'o':
		base, prefix = 8, "0o"
	case 'x':
		base, prefix = 16, "0x"
	case 'X':
		base, prefix = 16, "0X"
	}
	if !sp.Alternate {
		prefix = ""
	}
	if base == 10 && v.big != nil && TooManyDigits(v.big, v.maxDigits) {
		return "", strDigitsError(v.maxDigits)
	}
	var dbuf [64]byte // room for any int64 in any base
	digits := v.appendAbs(dbuf[:0], base)
	if base == 10 && v.maxDigits > 0 && len(digits) > v.maxDigits {
		return "", strDigitsError(v.maxDigits)
	}
	if f.typ == 'X' {
		for i, c := range digits {
			if c >= 'a' {
				digits[i] = c - ('a' - 'A')
			}
		}
	}
	if f.typ == 'n' {
		f.group = 0 // the C locale has no grouping
	}
	return f.render(numField{neg: v.neg(), prefix: prefix, digits: digits})
}

// FormatFloat returns format(f, spec) for a float.
func FormatFloat(f float64, spec string) (string, error) {
	return FormatFloatType(f, spec, "float")
}

// FormatFloatType is FormatFloat for a value whose Python type is
// typeName, as named in error messages.
func FormatFloatType(f float64, spec, typeName string) (string, error) {
	if spec == "" {
		return FloatRepr(f), nil
	}
	sp, err := ParseSpecFor(spec, typeName)
	if err != nil {
		return "", err
	}
	return FormatFloatSpec(f, sp, typeName)
}

// FormatFloatSpec formats f with an already parsed spec; typeName is the
// Python type named in error messages.
func FormatFloatSpec(f float64, sp Spec, typeName string) (string, error) {
	if s, ok := fastFloat(f, &sp); ok {
		return s, nil
	}
	fm, err := sp.resolve(0, '>')
	if err != nil {
		return "", err
	}
	switch fm.typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
		return formatFloatResolved(f, fm)
	}
	return "", unknownCode(fm.typ, typeName)
}

// formatFloatResolved is CPython's format_float_internal.
func formatFloatResolved(val float64, f format) (string, error) {
	if f.Precision > math.MaxInt32 {
		return "", valueError("precision too big")
	}
	if f.Precision > maxOutput {
		return "", memoryError()
	}
	precision := f.Precision
	typ := f.typ
	defaultPrecision := 6
	addDot0 := false
	if typ == 0 {
		addDot0 = true
		typ = 'r'
		defaultPrecision = 0
	}
	if typ == 'n' {
		typ = 'g'
		f.group = 0 // the C locale has no grouping
	}
	addPct := false
	if typ == '%' {
		typ = 'f'
		val *= 100
		addPct = true
	}
	if precision < 0 {
		precision = defaultPrecision
	} else if typ == 'r' {
		typ = 'g'
	}
	upper := false
	switch typ {
	case 'E', 'F', 'G':
		upper = true
		typ += 'a' - 'A'
	}
	if typ == 'f' && !math.IsInf(val, 0) && !math.IsNaN(val) {
		if e := math.Abs(val); e >= 1 && float64(precision)+math.Log10(e) > maxOutput {
			return "", memoryError()
		}
	}
	var sbuf [48]byte
	s := appendFloatShort(sbuf[:0], val, byte(typ), precision, false, addDot0, f.Alternate, f.NoNegZero, upper)
	if addPct {
		s = append(s, '%')
	}
	nf := numField{}
	if s[0] == '-' {
		nf.neg = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	nf.digits = s[:i]
	rest := s[i:]
	if len(rest) > 0 && rest[0] == '.' {
		nf.hasDecimal = true
		rest = rest[1:]
	}
	nf.remainder = rest
	return f.render(nf)
}

// FormatStr returns format(s, spec) for a str.
func FormatStr(s, spec string) (string, error) {
	return FormatStrType(s, spec, "str")
}

// FormatStrType is FormatStr for a value whose Python type is typeName,
// as named in error messages.
func FormatStrType(s, spec, typeName string) (string, error) {
	if spec == "" {
		return s, nil
	}
	sp, err := ParseSpecFor(spec, typeName)
	if err != nil {
		return "", err
	}
	return FormatStrSpec(s, sp, typeName)
}

// FormatStrSpec formats s with an already parsed spec; typeName is the
// Python type named in error messages.
func FormatStrSpec(s string, sp Spec, typeName string) (string, error) {
	f, err := sp.resolve('s', '<')
	if err != nil {
		return "", err
	}
	if f.typ != 's' {
		return "", unknownCode(f.typ, typeName)
	}
	switch {
	case sp.Sign == ' ':
		return "", valueError("Space not allowed in string format specifier")
	case sp.Sign != 0:
		return "", valueError("Sign not allowed in string format specifier")
	case sp.NoNegZero:
		return "", valueError("Negative zero coercion (z) not allowed in string format specifier")
	case sp.Alternate:
		return "", valueError("Alternate form (#) not allowed in string format specifier")
	case f.align == '=':
		return "", valueError("'=' alignment not allowed in string format specifier")
	}
	n := utf8.RuneCountInString(s)
	if sp.Precision >= 0 && n >= sp.Precision {
		i := 0
		for k := 0; k < sp.Precision; k++ {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
		s = s[:i]
		n = sp.Precision
	}
	if f.Width > maxOutput {
		return "", memoryError()
	}
	total := max(n, f.Width)
	lpad := 0
	switch f.align {
	case '>':
		lpad = total - n
	case '^':
		lpad = (total - n) / 2
	}
	rpad := total - n - lpad
	if lpad == 0 && rpad == 0 {
		return s, nil
	}
	var b strings.Builder
	fw := utf8.RuneLen(f.fill)
	b.Grow(len(s) + (lpad+rpad)*fw)
	for ; lpad > 0; lpad-- {
		b.WriteRune(f.fill)
	}
	b.WriteString(s)
	for ; rpad > 0; rpad-- {
		b.WriteRune(f.fill)
	}
	return b.String(), nil
}

// padding splits pad fill characters (none if pad <= 0) into those before
// the sign, between the sign and the digits ('=' alignment) and after,
// for the alignment character align ('>' or 0 means right).
func padding(align rune, pad int) (lpad, spad, rpad int) {
	if pad <= 0 {
		return 0, 0, 0
	}
	switch align {
	case '<':
		rpad = pad
	case '^':
		lpad = pad / 2
		rpad = pad - lpad
	case '=':
		spad = pad
	default:
		lpad = pad
	}
	return lpad, spad, rpad
}
