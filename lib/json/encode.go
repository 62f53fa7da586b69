package pyjson

// This file is the JSON encoder: it walks a Python value once and appends
// its JSON text to a byte buffer, honouring the options an encoder object
// carries (skipkeys, ensure_ascii, check_circular, allow_nan, sort_keys,
// indent, the separators and the default hook). Only values that are not
// JSON types reach Python code (through default).

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aio-lang/aio/internal/pyfmt"
	"github.com/aio-lang/aio/runtime"
)

// encoder holds the options of one encode call and the output so far.
type encoder struct {
	th            *runtime.Thread
	buf           []byte
	skipKeys      bool
	ensureASCII   bool
	checkCircular bool
	allowNaN      bool
	sortKeys      bool
	indent        string // "" with hasIndent false means no newlines
	hasIndent     bool
	itemSep       string
	keySep        string
	deflt         runtime.Value // the encoder's bound default method
	markers       map[runtime.Object]struct{}
	level         int
	charged       int   // output length at the last work charge
	bufCap        int   // buffer capacity last charged to the memory budget
	chunked       bool  // record chunk boundaries for iterencode
	cuts          []int // ends of the chunks so far
}

// cut ends the current chunk of iterencode's output, as CPython's
// iterencode yields them; empty chunks are dropped.
func (e *encoder) cut() {
	if !e.chunked {
		return
	}
	last := 0
	if n := len(e.cuts); n > 0 {
		last = e.cuts[n-1]
	}
	if len(e.buf) > last {
		e.cuts = append(e.cuts, len(e.buf))
	}
}

// isScalar reports whether iterencode yields v's text as one chunk
// together with what precedes it in an array.
func isScalar(v runtime.Value) bool {
	if v.IsSmallInt() || v.IsFloat() || v.IsNone() {
		return true
	}
	switch v.Object().(type) {
	case *runtime.StrObj, *runtime.Bool, *runtime.Big:
		return true
	}
	return runtime.IsInstanceOf(v, runtime.StrType) || runtime.IsInstanceOf(v, runtime.IntType) || runtime.IsInstanceOf(v, runtime.FloatType)
}

// encodeWork is how many output bytes are produced between two charges
// of the step budget.
const encodeWork = 1 << 14

// charge reports the output produced since the last charge to the
// budgets: the work, and each new array the buffer grew into (growing
// copies the whole buffer, so a request beyond the memory budget fails
// before the document gets bigger).
func (e *encoder) charge() error {
	if c := cap(e.buf); c > e.bufCap {
		e.bufCap = c
		if err := e.th.Alloc(int64(c)); err != nil {
			return err
		}
	}
	n := len(e.buf) - e.charged
	if n < encodeWork {
		return nil
	}
	e.charged = len(e.buf)
	return e.th.Work(int64(n / 16))
}

// appendString appends s as a JSON string literal.
func (e *encoder) appendString(s string) {
	if e.ensureASCII {
		e.buf = appendASCIIString(e.buf, s)
	} else {
		e.buf = appendUnicodeString(e.buf, s)
	}
}

const hexDigits = "0123456789abcdef"

// appendEscape appends the escape of the ASCII control or special byte c.
func appendEscape(buf []byte, c byte) []byte {
	switch c {
	case '"':
		return append(buf, '\\', '"')
	case '\\':
		return append(buf, '\\', '\\')
	case '\n':
		return append(buf, '\\', 'n')
	case '\r':
		return append(buf, '\\', 'r')
	case '\t':
		return append(buf, '\\', 't')
	case '\b':
		return append(buf, '\\', 'b')
	case '\f':
		return append(buf, '\\', 'f')
	}
	return append(buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
}

// needsEscape marks the ASCII bytes that a JSON string cannot hold as is.
var needsEscape = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return
}()

// appendUnicodeString appends s quoted, escaping only what JSON requires.
func appendUnicodeString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; needsEscape[c] {
			buf = append(buf, s[start:i]...)
			buf = appendEscape(buf, c)
			start = i + 1
		}
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}

// appendASCIIString appends s quoted with every non-ASCII character as a
// \uXXXX escape (a surrogate pair beyond the BMP).
func appendASCIIString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if needsEscape[c] || c == 0x7f {
				buf = append(buf, s[start:i]...)
				buf = appendEscape(buf, c)
				start = i + 1
			}
			i++
			continue
		}
		buf = append(buf, s[start:i]...)
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		start = i
		if r >= 0x10000 {
			r -= 0x10000
			buf = appendU16(buf, 0xd800|(r>>10))
			r = 0xdc00 | (r & 0x3ff)
		}
		buf = appendU16(buf, r)
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}

// appendU16 appends the escape \uXXXX of the 16-bit unit r.
func appendU16(buf []byte, r rune) []byte {
	return append(buf, '\\', 'u', hexDigits[r>>12&15], hexDigits[r>>8&15], hexDigits[r>>4&15], hexDigits[r&15])
}

// floatText is a float's JSON text, or an error when allow_nan is off
// and f is not finite.
func (e *encoder) floatText(f float64) (string, error) {
	var s string
	switch {
	case math.IsNaN(f):
		s = "NaN"
	case math.IsInf(f, 1):
		s = "Infinity"
	case math.IsInf(f, -1):
		s = "-Infinity"
	default:
		return pyfmt.FloatRepr(f), nil
	}
	if !e.allowNaN {
		return "", runtime.Errorf(runtime.ValueError, "Out of range float values are not JSON compliant")
	}
	return s, nil
}

// newline appends a newline and the indentation of the current level.
// A long indent at a deep level makes much output at once: the buffer's
// growth is charged before it happens.
func (e *encoder) newline() error {
	if n := len(e.indent) * e.level; n > encodeWork {
		if err := e.th.Alloc(int64(len(e.buf) + n)); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, '\n')
	for i := 0; i < e.level; i++ {
		e.buf = append(e.buf, e.indent...)
	}
	return nil
}

// enter marks the container o as being encoded, failing on a cycle, and
// counts one level of recursion.
func (e *encoder) enter(o runtime.Object, what string) error {
	if e.checkCircular {
		if _, ok := e.markers[o]; ok {
			return runtime.Errorf(runtime.ValueError, "Circular reference detected")
		}
		if e.markers == nil {
			e.markers = map[runtime.Object]struct{}{}
		}
		e.markers[o] = struct{}{}
	}
	if err := e.th.Nest(" while encoding a JSON " + what); err != nil {
		if e.checkCircular {
			delete(e.markers, o)
		}
		return err
	}
	return nil
}

// leave undoes enter.
func (e *encoder) leave(o runtime.Object) {
	e.th.Unnest()
	if e.checkCircular {
		delete(e.markers, o)
	}
}

// encode appends the JSON text of v.
func (e *encoder) encode(v runtime.Value) error {
	if err := e.charge(); err != nil {
		return err
	}
	switch {
	case v.IsSmallInt():
		e.buf = strconv.AppendInt(e.buf, v.SmallInt(), 10)
		return nil
	case v.IsFloat():
		s, err := e.floatText(v.FloatVal())
		e.buf = append(e.buf, s...)
		return err
	case v.IsNone():
		e.buf = append(e.buf, "null"...)
		return nil
	}
	switch o := v.Object().(type) {
	case *runtime.StrObj:
		e.appendString(o.S)
		return nil
	case *runtime.Bool:
		if o.B {
			e.buf = append(e.buf, "true"...)
		} else {
			e.buf = append(e.buf, "false"...)
		}
		return nil
	case *runtime.Big:
		// Through repr, for the int_max_str_digits limit.
		s, err := runtime.Repr(e.th, v)
		e.buf = append(e.buf, s...)
		return err
	case *runtime.List:
		return e.encodeArray(o, o.Items)
	case *runtime.Tuple:
		return e.encodeArray(o, o.Items)
	case *runtime.Dict:
		return e.encodeObject(o, o)
	}
	return e.encodeOther(v)
}

// encodeOther encodes a value of a subclass of a JSON type, or else the
// result of the default hook.
func (e *encoder) encodeOther(v runtime.Value) error {
	th := e.th
	// As finds the built-in value inside an instance of a str subclass:
	// JSON encodes that value, whatever the subclass's __str__. (Lists and
	// tuples of subclasses are iterated, as CPython does.)
	if s, ok := runtime.As[*runtime.StrObj](v); ok {
		e.appendString(s.S)
		return nil
	}
	switch {
	case runtime.IsInstanceOf(v, runtime.StrType):
		s, err := runtime.ToStr(th, v)
		if err != nil {
			return err
		}
		e.appendString(s)
		return nil
	case runtime.IsInstanceOf(v, runtime.IntType):
		s, err := intText(th, v)
		e.buf = append(e.buf, s...)
		return err
	case runtime.IsInstanceOf(v, runtime.FloatType):
		f, err := runtime.ToFloat(th, v)
		if err != nil {
			return err
		}
		s, err := e.floatText(f)
		e.buf = append(e.buf, s...)
		return err
	case runtime.IsInstanceOf(v, runtime.ListType), runtime.IsInstanceOf(v, runtime.TupleType):
		items, err := runtime.Collect(th, v)
		if err != nil {
			return err
		}
		return e.encodeArray(v.Object(), items)
	case runtime.IsInstanceOf(v, runtime.DictType):
		d, err := dictCopy(th, v)
		if err != nil {
			return err
		}
		return e.encodeObject(v.Object(), d)
	}
	if err := e.enter(v.Object(), "object"); err != nil {
		return err
	}
	r, err := th.Call(e.deflt, []runtime.Value{v}, nil)
	if err == nil {
		err = e.encode(r)
	}
	e.leave(v.Object())
	return err
}

// intText is int.__repr__ of an int or an instance of an int subclass.
func intText(th *runtime.Thread, v runtime.Value) (string, error) {
	i, err := runtime.ToInt(th, v)
	if err != nil {
		return "", err
	}
	return runtime.Repr(th, i)
}

// dictCopy returns the items of a mapping that is not a plain dict, as a
// dict, through its items() method.
func dictCopy(th *runtime.Thread, v runtime.Value) (*runtime.Dict, error) {
	items, err := runtime.GetAttr(th, v, "items")
	if err != nil {
		return nil, err
	}
	it, err := th.Call(items, nil, nil)
	if err != nil {
		return nil, err
	}
	pairs, err := runtime.Collect(th, it)
	if err != nil {
		return nil, err
	}
	d := runtime.NewDict()
	for _, p := range pairs {
		kv, err := runtime.Collect(th, p)
		if err != nil {
			return nil, err
		}
		if len(kv) == 2 {
			if err := d.SetItem(th, kv[0], kv[1]); err != nil {
				return nil, err
			}
		}
	}
	return d, nil
}

// encodeArray appends a JSON array of items; o is the container, for the
// circular-reference check.
func (e *encoder) encodeArray(o runtime.Object, items []runtime.Value) error {
	if len(items) == 0 {
		e.buf = append(e.buf, '[', ']')
		return nil
	}
	if err := e.enter(o, "array"); err != nil {
		return err
	}
	defer e.leave(o)
	e.buf = append(e.buf, '[')
	e.level++
	if e.hasIndent {
		if err := e.newline(); err != nil {
			return err
		}
	}
	// items may change while default runs: index it afresh each time.
	for i := 0; i < len(items); i++ {
		if i > 0 {
			e.buf = append(e.buf, e.itemSep...)
			if e.hasIndent {
				if err := e.newline(); err != nil {
					return err
				}
			}
		}
		if e.chunked && !isScalar(items[i]) {
			e.cut()
		}
		if err := e.encode(items[i]); err != nil {
			return err
		}
		e.cut()
	}
	return e.close(']')
}

// close ends an array or object: the newline and indentation of the
// enclosing level when indenting, then the bracket.
func (e *encoder) close(bracket byte) error {
	e.level--
	if e.hasIndent {
		if err := e.newline(); err != nil {
			return err
		}
		e.cut()
	}
	e.buf = append(e.buf, bracket)
	e.cut()
	return nil
}

// keyText converts a dict key to the string JSON uses, reporting false
// for a key that skipkeys drops.
func (e *encoder) keyText(k runtime.Value) (string, bool, error) {
	th := e.th
	switch {
	case k.IsSmallInt():
		return strconv.FormatInt(k.SmallInt(), 10), true, nil
	case k.IsFloat():
		s, err := e.floatText(k.FloatVal())
		return s, err == nil, err
	case k.IsNone():
		return "null", true, nil
	}
	switch o := k.Object().(type) {
	case *runtime.StrObj:
		return o.S, true, nil
	case *runtime.Bool:
		if o.B {
			return "true", true, nil
		}
		return "false", true, nil
	}
	if s, ok := runtime.As[*runtime.StrObj](k); ok {
		return s.S, true, nil
	}
	switch {
	case runtime.IsInstanceOf(k, runtime.StrType):
		s, err := runtime.ToStr(th, k)
		return s, err == nil, err
	case runtime.IsInstanceOf(k, runtime.IntType):
		s, err := intText(th, k)
		return s, err == nil, err
	case runtime.IsInstanceOf(k, runtime.FloatType):
		f, err := runtime.ToFloat(th, k)
		if err != nil {
			return "", false, err
		}
		s, err := e.floatText(f)
		return s, err == nil, err
	}
	if e.skipKeys {
		return "", false, nil
	}
	return "", false, runtime.Errorf(runtime.TypeError, "keys must be str, int, float, bool or None, not %s", k.Type().Name)
}

// encodeObject appends a JSON object for the dict d; o is the original
// container, for the circular-reference check.
func (e *encoder) encodeObject(o runtime.Object, d *runtime.Dict) error {
	if d.Len() == 0 {
		e.buf = append(e.buf, '{', '}')
		return nil
	}
	if err := e.enter(o, "object"); err != nil {
		return err
	}
	defer e.leave(o)
	e.buf = append(e.buf, '{')
	e.cut()
	e.level++
	if e.hasIndent {
		if err := e.newline(); err != nil {
			return err
		}
		e.cut()
	}
	first := true
	var err error
	item := func(k, v runtime.Value) bool {
		var ks string
		var keep bool
		if ks, keep, err = e.keyText(k); err != nil || !keep {
			return err == nil
		}
		if !first {
			e.buf = append(e.buf, e.itemSep...)
			if e.hasIndent {
				if err = e.newline(); err != nil {
					return false
				}
			}
		}
		first = false
		e.cut()
		e.appendString(ks)
		e.cut()
		e.buf = append(e.buf, e.keySep...)
		e.cut()
		if err = e.encode(v); err != nil {
			return false
		}
		e.cut()
		return true
	}
	if e.sortKeys {
		keys := d.Keys()
		if err := runtime.SortValues(e.th, keys, runtime.Value{}, false); err != nil {
			return err
		}
		for _, k := range keys {
			v, ok, gerr := d.Get(e.th, k)
			if gerr != nil {
				return gerr
			}
			if ok && !item(k, v) {
				break
			}
		}
	} else {
		// Items re-reads the table at each step, so a default hook that
		// changes the dict cannot make it read freed entries.
		d.Items(item)
	}
	if err != nil {
		return err
	}
	return e.close('}')
}

// indentText converts an encoder's indent attribute: None means no
// newlines, an int that many spaces, a str itself.
func indentText(th *runtime.Thread, v runtime.Value) (string, bool, error) {
	if !v.IsValid() || v.IsNone() {
		return "", false, nil
	}
	if runtime.IsInstanceOf(v, runtime.StrType) {
		s, err := runtime.ToStr(th, v)
		return s, true, err
	}
	n, err := runtime.IndexValue(v)
	if err != nil {
		return "", false, err
	}
	if n < 0 {
		n = 0
	}
	if err := th.Alloc(n); err != nil {
		return "", false, err
	}
	return strings.Repeat(" ", int(n)), true, nil
}
