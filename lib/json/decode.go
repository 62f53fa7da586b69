package pyjson

// This file is the JSON decoder: a recursive-descent scanner over the
// document's UTF-8 bytes that builds Python values directly, calling
// Python code only for the hooks a decoder object sets (object_hook,
// object_pairs_hook, parse_float, parse_int, parse_constant). Positions
// in errors are code-point offsets, as Python's string indices are.

import (
	"strconv"
	"unicode/utf8"

	"github.com/aio-lang/aio/runtime"
)

// decoder holds the document and the options of one decode call.
type decoder struct {
	th            *runtime.Thread
	doc           string
	docValue      runtime.Value
	ascii         bool // doc has only ASCII: byte offsets are code-point offsets
	strict        bool
	objectHook    runtime.Value
	pairsHook     runtime.Value
	parseFloat    runtime.Value
	parseInt      runtime.Value
	parseConstant runtime.Value
	memo          map[string]runtime.Value
	work          int
	errClass      runtime.Value // JSONDecodeError
}

// syntaxError is a JSONDecodeError to raise: msg at byte offset pos.
type syntaxError struct {
	msg string
	pos int
}

// Error returns the message, for the error interface.
func (e *syntaxError) Error() string { return e.msg }

// fail returns the error for msg at byte offset pos.
func (d *decoder) fail(msg string, pos int) error { return &syntaxError{msg, pos} }

// charPos converts a byte offset to a code-point offset.
func (d *decoder) charPos(pos int) int {
	if d.ascii {
		return pos
	}
	return utf8.RuneCountInString(d.doc[:pos])
}

// byteOffset converts a code-point index to a byte offset, or -1 past
// the end.
func byteOffset(s string, ascii bool, idx int) int {
	if ascii {
		if idx > len(s) {
			return -1
		}
		return idx
	}
	n := 0
	for i := range s {
		if n == idx {
			return i
		}
		n++
	}
	if n == idx {
		return len(s)
	}
	return -1
}

// raise turns a syntaxError into the JSONDecodeError Python sees.
func (d *decoder) raise(err error) error {
	se, ok := err.(*syntaxError)
	if !ok {
		return err
	}
	exc, cerr := d.th.Call(d.errClass, []runtime.Value{runtime.Str(se.msg), d.docValue, runtime.Int(int64(d.charPos(se.pos)))}, nil)
	if cerr != nil {
		return cerr
	}
	if e, ok := runtime.As[*runtime.Exception](exc); ok {
		return e
	}
	return runtime.Errorf(runtime.TypeError, "exceptions must derive from BaseException")
}

// skipSpace returns the offset of the first non-whitespace byte from i.
func (d *decoder) skipSpace(i int) int {
	s := d.doc
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// value scans the value starting at byte offset i (no leading space) and
// returns it with the offset after it.
func (d *decoder) value(i int) (runtime.Value, int, error) {
	s := d.doc
	if i >= len(s) {
		return runtime.Value{}, i, d.fail("Expecting value", i)
	}
	if d.work++; d.work >= 1024 {
		d.work = 0
		if err := d.th.Work(1024); err != nil {
			return runtime.Value{}, i, err
		}
	}
	switch c := s[i]; c {
	case '"':
		return d.str(i + 1)
	case '{':
		return d.object(i + 1)
	case '[':
		return d.array(i + 1)
	case 'n':
		if hasPrefixAt(s, i, "null") {
			return runtime.None, i + 4, nil
		}
	case 't':
		if hasPrefixAt(s, i, "true") {
			return runtime.True, i + 4, nil
		}
	case 'f':
		if hasPrefixAt(s, i, "false") {
			return runtime.False, i + 5, nil
		}
	case 'N':
		if hasPrefixAt(s, i, "NaN") {
			return d.constant("NaN", i+3)
		}
	case 'I':
		if hasPrefixAt(s, i, "Infinity") {
			return d.constant("Infinity", i+8)
		}
	case '-':
		if hasPrefixAt(s, i, "-Infinity") {
			return d.constant("-Infinity", i+9)
		}
		return d.number(i)
	default:
		if c >= '0' && c <= '9' {
			return d.number(i)
		}
	}
	return runtime.Value{}, i, d.fail("Expecting value", i)
}

func hasPrefixAt(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

// constant returns NaN, Infinity or -Infinity through parse_constant.
func (d *decoder) constant(name string, end int) (runtime.Value, int, error) {
	if d.parseConstant.IsValid() && !d.parseConstant.IsNone() {
		v, err := d.th.Call(d.parseConstant, []runtime.Value{runtime.Str(name)}, nil)
		return v, end, err
	}
	f, _ := strconv.ParseFloat(name, 64)
	return runtime.Float(f), end, nil
}

// number scans -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? from i.
func (d *decoder) number(start int) (runtime.Value, int, error) {
	s := d.doc
	i := start
	if i < len(s) && s[i] == '-' {
		i++
	}
	if i >= len(s) || s[i] < '0' || s[i] > '9' {
		return runtime.Value{}, start, d.fail("Expecting value", start)
	}
	if s[i] == '0' {
		i++
	} else {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	isFloat := false
	if i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9' {
		isFloat = true
		i += 2
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			isFloat = true
			i = j
		}
	}
	text := s[start:i]
	if isFloat {
		if d.parseFloat.IsValid() && !d.parseFloat.IsNone() {
			v, err := d.th.Call(d.parseFloat, []runtime.Value{runtime.Str(text)}, nil)
			return v, i, err
		}
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
				return runtime.Value{}, i, runtime.Errorf(runtime.ValueError, "could not convert string to float: '%s'", text)
			}
		}
		return runtime.Float(f), i, nil
	}
	if d.parseInt.IsValid() && !d.parseInt.IsNone() {
		v, err := d.th.Call(d.parseInt, []runtime.Value{runtime.Str(text)}, nil)
		return v, i, err
	}
	if len(text) <= 18 {
		n, _ := strconv.ParseInt(text, 10, 64)
		return runtime.Int(n), i, nil
	}
	v, err := d.th.Call(runtime.Obj(runtime.IntType), []runtime.Value{runtime.Str(text)}, nil)
	return v, i, err
}

// str scans a string whose opening quote is just before i.
func (d *decoder) str(i int) (runtime.Value, int, error) {
	s := d.doc
	start := i
	// The fast path: no escapes and no control characters.
	for j := i; j < len(s); j++ {
		c := s[j]
		if c == '"' {
			// A copy: a substring would keep the whole document alive
			// behind a small str, unseen by the memory budget.
			return runtime.StrCopy(s[start:j]), j + 1, nil
		}
		if c == '\\' || (c < 0x20 && d.strict) {
			break
		}
	}
	var buf []byte
	chunk := i
	for {
		if i >= len(s) {
			return runtime.Value{}, i, d.fail("Unterminated string starting at", start-1)
		}
		c := s[i]
		switch {
		case c == '"':
			buf = append(buf, s[chunk:i]...)
			return runtime.Str(string(buf)), i + 1, nil
		case c < 0x20 && d.strict:
			return runtime.Value{}, i, d.fail("Invalid control character at", i)
		case c != '\\':
			i++
			continue
		}
		buf = append(buf, s[chunk:i]...)
		i++
		if i >= len(s) {
			return runtime.Value{}, i, d.fail("Unterminated string starting at", start-1)
		}
		esc := s[i]
		switch esc {
		case '"', '\\', '/':
			buf = append(buf, esc)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := hex4(s, i+1)
			if !ok {
				return runtime.Value{}, i, d.fail("Invalid \\uXXXX escape", i)
			}
			i += 4
			if r >= 0xd800 && r <= 0xdbff && i+2 < len(s) && s[i+1] == '\\' && s[i+2] == 'u' {
				lo, ok := hex4(s, i+3)
				if !ok {
					return runtime.Value{}, i, d.fail("Invalid \\uXXXX escape", i+2)
				}
				if lo >= 0xdc00 && lo <= 0xdfff {
					r = 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00)
					i += 6
				}
			}
			buf = utf8.AppendRune(buf, r)
		default:
			return runtime.Value{}, i, d.fail("Invalid \\escape", i-1)
		}
		i++
		chunk = i
	}
}

// hex4 parses four hex digits at s[i:].
func hex4(s string, i int) (rune, bool) {
	if len(s)-i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}

// containerSize is what an empty list or dict costs, charged to the
// memory budget for each one scanned: a document of empty containers
// takes far more memory than its text.
const containerSize = 64

// array scans an array whose '[' is just before i.
func (d *decoder) array(i int) (runtime.Value, int, error) {
	if err := d.th.Nest(" while decoding a JSON array from a unicode string"); err != nil {
		return runtime.Value{}, i, err
	}
	defer d.th.Unnest()
	s := d.doc
	var items []runtime.Value
	if err := d.th.Alloc(containerSize); err != nil {
		return runtime.Value{}, i, err
	}
	i = d.skipSpace(i)
	if i < len(s) && s[i] == ']' {
		return runtime.NewList(items), i + 1, nil
	}
	for {
		v, j, err := d.value(i)
		if err != nil {
			return runtime.Value{}, j, err
		}
		items = append(items, v)
		i = d.skipSpace(j)
		if i < len(s) && s[i] == ']' {
			if err := d.th.Alloc(int64(cap(items)) * 16); err != nil {
				return runtime.Value{}, i, err
			}
			return runtime.NewList(items), i + 1, nil
		}
		if i >= len(s) || s[i] != ',' {
			return runtime.Value{}, i, d.fail("Expecting ',' delimiter", i)
		}
		i = d.skipSpace(i + 1)
	}
}

// key scans an object key whose quote is just before i, sharing equal
// keys between objects as CPython's memo does.
func (d *decoder) key(i int) (runtime.Value, int, error) {
	s := d.doc
	for j := i; j < len(s) && j-i < 64; j++ {
		c := s[j]
		if c == '"' {
			k := s[i:j]
			if v, ok := d.memo[k]; ok {
				return v, j + 1, nil
			}
			v := runtime.StrCopy(k)
			if d.memo == nil {
				d.memo = map[string]runtime.Value{}
			}
			d.memo[k] = v
			return v, j + 1, nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
	}
	return d.str(i)
}

// object scans an object whose '{' is just before i.
func (d *decoder) object(i int) (runtime.Value, int, error) {
	if err := d.th.Nest(" while decoding a JSON object from a unicode string"); err != nil {
		return runtime.Value{}, i, err
	}
	defer d.th.Unnest()
	th := d.th
	s := d.doc
	usePairs := d.pairsHook.IsValid() && !d.pairsHook.IsNone()
	var pairs []runtime.Value
	var dict *runtime.Dict
	if !usePairs {
		dict = runtime.NewDict()
	}
	if err := th.Alloc(containerSize); err != nil {
		return runtime.Value{}, i, err
	}
	i = d.skipSpace(i)
	if i < len(s) && s[i] == '}' {
		return d.finishObject(dict, pairs, usePairs, i+1)
	}
	for {
		if i >= len(s) || s[i] != '"' {
			return runtime.Value{}, i, d.fail("Expecting property name enclosed in double quotes", i)
		}
		k, j, err := d.key(i + 1)
		if err != nil {
			return runtime.Value{}, j, err
		}
		i = d.skipSpace(j)
		if i >= len(s) || s[i] != ':' {
			return runtime.Value{}, i, d.fail("Expecting ':' delimiter", i)
		}
		i = d.skipSpace(i + 1)
		v, j, err := d.value(i)
		if err != nil {
			return runtime.Value{}, j, err
		}
		if usePairs {
			pairs = append(pairs, runtime.TupleOf(k, v))
		} else if err := dict.SetItem(th, k, v); err != nil {
			return runtime.Value{}, j, err
		}
		i = d.skipSpace(j)
		if i < len(s) && s[i] == '}' {
			return d.finishObject(dict, pairs, usePairs, i+1)
		}
		if i >= len(s) || s[i] != ',' {
			return runtime.Value{}, i, d.fail("Expecting ',' delimiter", i)
		}
		i = d.skipSpace(i + 1)
	}
}

// finishObject applies object_pairs_hook or object_hook to a scanned
// object.
func (d *decoder) finishObject(dict *runtime.Dict, pairs []runtime.Value, usePairs bool, end int) (runtime.Value, int, error) {
	if usePairs {
		v, err := d.th.Call(d.pairsHook, []runtime.Value{runtime.NewList(pairs)}, nil)
		return v, end, err
	}
	if d.objectHook.IsValid() && !d.objectHook.IsNone() {
		v, err := d.th.Call(d.objectHook, []runtime.Value{runtime.Obj(dict)}, nil)
		return v, end, err
	}
	return runtime.Obj(dict), end, nil
}
