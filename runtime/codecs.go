package runtime

// This file implements the text codecs aio provides — utf-8, ascii and
// latin-1 under their usual aliases, and UTF-16/32 (codecs_wide.go) — with the strict, ignore, replace,
// backslashreplace and xmlcharrefreplace error handlers, for str.encode,
// bytes.decode, bytes(str, encoding) and str(bytes, encoding).

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// codecName returns the canonical name of a supported encoding, or "" for
// an unknown one.
func codecName(enc string) string {
	n := strings.ToLower(strings.TrimSpace(enc))
	n = strings.NewReplacer("-", "_", " ", "_").Replace(n)
	switch n {
	case "utf_8", "utf8", "u8", "utf", "cp65001":
		return "utf-8"
	case "ascii", "us_ascii", "646", "us":
		return "ascii"
	case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100", "csisolatin1":
		return "latin-1"
	}
	return wideCodecName(n)
}

func unknownEncoding(enc string) error {
	return Errorf(LookupError, "unknown encoding: %s", enc)
}

func unknownHandler(errors string) error {
	return Errorf(LookupError, "unknown error handler name '%s'", errors)
}

// encodeStr encodes s (UTF-8 text) with the named codec and error handler.
func encodeStr(th *Thread, s, encoding, errors string) ([]byte, error) {
	codec := codecName(encoding)
	if codec == "" {
		return nil, unknownEncoding(encoding)
	}
	if err := th.Alloc(int64(len(s))); err != nil {
		return nil, err
	}
	if codec == "utf-8" {
		return []byte(s), nil
	}
	if strings.HasPrefix(codec, "utf-16") || strings.HasPrefix(codec, "utf-32") {
		if err := th.Alloc(4*int64(len(s)) + 4); err != nil {
			return nil, err
		}
		return encodeWide(s, codec), nil
	}
	limit := rune(0x80)
	if codec == "latin-1" {
		limit = 0x100
	}
	out := make([]byte, 0, len(s))
	pos := 0 // code point index
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < limit {
			out = append(out, byte(r))
			i += n
			pos++
			continue
		}
		// A run of unencodable characters is reported, and replaced, as one.
		j, end := i, pos
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if r2 < limit {
				break
			}
			j += n2
			end++
		}
		switch errors {
		case "strict", "surrogateescape", "surrogatepass":
			return nil, encodeError(codec, s, pos, end, limit)
		case "ignore":
		case "replace":
			for k := pos; k < end; k++ {
				out = append(out, '?')
			}
		case "backslashreplace":
			for _, r := range s[i:j] {
				out = append(out, escapeRune(r)...)
			}
		case "xmlcharrefreplace":
			for _, r := range s[i:j] {
				out = append(out, fmt.Sprintf("&#%d;", r)...)
			}
		default:
			return nil, unknownHandler(errors)
		}
		i, pos = j, end
	}
	return out, nil
}

// escapeRune spells r as \xNN, \uNNNN or \UNNNNNNNN.
func escapeRune(r rune) string {
	switch {
	case r < 0x100:
		return fmt.Sprintf(`\x%02x`, r)
	case r < 0x10000:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}

// encodeError is CPython's UnicodeEncodeError for characters [start, end)
// of s.
func encodeError(codec, s string, start, end int, limit rune) error {
	runes := []rune(s)
	var msg string
	if end-start == 1 {
		msg = fmt.Sprintf("'%s' codec can't encode character '%s' in position %d: ordinal not in range(%d)", codec, escapeRune(runes[start]), start, limit)
	} else {
		msg = fmt.Sprintf("'%s' codec can't encode characters in position %d-%d: ordinal not in range(%d)", codec, start, end-1, limit)
	}
	e := Errorf(UnicodeEncodeError, "%s", msg)
	e.Dict = map[string]Value{
		"encoding": Str(codec), "object": Str(s), "start": Int(int64(start)),
		"end": Int(int64(end)), "reason": Str(fmt.Sprintf("ordinal not in range(%d)", limit)),
	}
	e.Args = []Value{e.Dict["encoding"], e.Dict["object"], e.Dict["start"], e.Dict["end"], e.Dict["reason"]}
	return e
}

// decodeBytes decodes b with the named codec and error handler.
func decodeBytes(th *Thread, b []byte, encoding, errors string) (string, error) {
	codec := codecName(encoding)
	if codec == "" {
		return "", unknownEncoding(encoding)
	}
	if err := th.Alloc(int64(len(b)) * 2); err != nil {
		return "", err
	}
	if err := th.Work(int64(len(b)) / 64); err != nil {
		return "", err
	}
	var sb strings.Builder
	sb.Grow(len(b))
	switch codec {
	case "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be":
		if err := decodeWide(&sb, b, codec, errors); err != nil {
			return "", err
		}
		return sb.String(), nil
	case "latin-1":
		for _, c := range b {
			sb.WriteRune(rune(c))
		}
		return sb.String(), nil
	case "ascii":
		for i, c := range b {
			if c < 0x80 {
				sb.WriteByte(c)
				continue
			}
			if err := decodeFailure(&sb, codec, b, i, i+1, "ordinal not in range(128)", errors); err != nil {
				return "", err
			}
		}
		return sb.String(), nil
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			sb.WriteByte(c)
			i++
			continue
		}
		n, reason := utf8Invalid(b[i:])
		if reason == "" {
			sb.Write(b[i : i+n])
			i += n
			continue
		}
		if err := decodeFailure(&sb, codec, b, i, i+n, reason, errors); err != nil {
			return "", err
		}
		i += n
	}
	return sb.String(), nil
}

// utf8Invalid checks the UTF-8 sequence at the start of b (whose first
// byte is not ASCII): it returns the sequence's length and "" when it is
// valid, or the number of bytes CPython reports as bad and its reason.
func utf8Invalid(b []byte) (int, string) {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		need, lo = 2, 0xA0
	case c == 0xED:
		need, hi = 2, 0x9F
	case c >= 0xE1 && c <= 0xEF:
		need = 2
	case c == 0xF0:
		need, lo = 3, 0x90
	case c == 0xF4:
		need, hi = 3, 0x8F
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	default:
		return 1, "invalid start byte"
	}
	for k := 1; k <= need; k++ {
		if k >= len(b) {
			return len(b), "unexpected end of data"
		}
		l, h := byte(0x80), byte(0xBF)
		if k == 1 {
			l, h = lo, hi
		}
		if b[k] < l || b[k] > h {
			return k, "invalid continuation byte"
		}
	}
	return need + 1, ""
}

// decodeFailure applies the error handler to the bad bytes [start, end).
func decodeFailure(sb *strings.Builder, codec string, b []byte, start, end int, reason, errors string) error {
	switch errors {
	case "strict", "surrogatepass":
		var msg string
		if end-start == 1 {
			msg = fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", codec, b[start], start, reason)
		} else {
			msg = fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", codec, start, end-1, reason)
		}
		e := Errorf(UnicodeDecodeError, "%s", msg)
		e.Dict = map[string]Value{
			"encoding": Str(codec), "object": NewBytes(append([]byte{}, b...)), "start": Int(int64(start)),
			"end": Int(int64(end)), "reason": Str(reason),
		}
		// args are the constructor's, as CPython's codecs make them.
		e.Args = []Value{e.Dict["encoding"], e.Dict["object"], e.Dict["start"], e.Dict["end"], e.Dict["reason"]}
		return e
	case "ignore":
	case "replace":
		sb.WriteRune(utf8.RuneError)
	case "backslashreplace", "surrogateescape":
		// aio's str cannot hold lone surrogates, so surrogateescape
		// keeps the undecodable bytes visible as backslashreplace does.
		for _, c := range b[start:end] {
			fmt.Fprintf(sb, `\x%02x`, c)
		}
	default:
		return unknownHandler(errors)
	}
	return nil
}

// codecArgs parses (encoding='utf-8', errors='strict') for fname.
func codecArgs(fname string, args []Value, kw []Kwarg) (string, string, error) {
	var encV, errV Value
	if err := UnpackArgs(fname, args, kw, "encoding?", &encV, "errors?", &errV); err != nil {
		return "", "", err
	}
	for i, v := range []Value{encV, errV} {
		if v.IsValid() {
			if _, ok := v.obj.(*StrObj); !ok {
				return "", "", Errorf(TypeError, "%s() argument '%s' must be str, not %s", fname, [2]string{"encoding", "errors"}[i], argTypeName(v))
			}
		}
	}
	return optStr(encV, "utf-8"), optStr(errV, "strict"), nil
}

// argTypeName names v's type as Argument Clinic's errors do ("None" for
// None).
func argTypeName(v Value) string {
	if v.IsNone() {
		return "None"
	}
	return v.Type().Name
}

// bytesDecode is decode(encoding='utf-8', errors='strict').
func bytesDecode(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
	enc, errs, err := codecArgs("decode", args, kw)
	if err != nil {
		return Value{}, err
	}
	s, err := decodeBytes(th, b, enc, errs)
	if err != nil {
		return Value{}, err
	}
	return Str(s), nil
}

// strEncode is str.encode(encoding='utf-8', errors='strict').
func strEncode(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	enc, errs, err := codecArgs("encode", args, kw)
	if err != nil {
		return Value{}, err
	}
	b, err := encodeStr(th, self.obj.(*StrObj).S, enc, errs)
	if err != nil {
		return Value{}, err
	}
	return NewBytes(b), nil
}

// DecodeToStr is str(obj, encoding, errors) for a bytes-like obj; ok is
// false when obj is not bytes-like.
func DecodeToStr(th *Thread, obj Value, encoding, errors string) (Value, bool, error) {
	b, ok := bufferOf(obj)
	if !ok {
		return Value{}, false, nil
	}
	s, err := decodeBytes(th, b, encoding, errors)
	if err != nil {
		return Value{}, true, err
	}
	return Str(s), true, nil
}

func init() {
	StrType.Methods(map[string]BuiltinFn{"encode": strEncode})
}
