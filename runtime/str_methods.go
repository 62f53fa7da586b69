package runtime

// This file implements the str constructor and str's methods. The text
// algorithms live in internal/pyfmt; this layer parses arguments with
// CPython's rules (and its exact TypeErrors, which differ from method to
// method because CPython parses them in three different ways) and maps
// code point positions to byte offsets for the methods that take
// start/end bounds.

import (
	"strings"
	"unicode/utf8"

	"github.com/aio-lang/aio/internal/pyfmt"
)

func init() {
	StrType.New = strNew
	StrType.Methods(map[string]BuiltinFn{
		"join":         strJoin,
		"split":        withName("split", strSplit),
		"rsplit":       withName("rsplit", strSplit),
		"strip":        withName("strip", strStrip),
		"lstrip":       withName("lstrip", strStrip),
		"rstrip":       withName("rstrip", strStrip),
		"startswith":   withName("startswith", strTailMatch),
		"endswith":     withName("endswith", strTailMatch),
		"find":         withName("find", strFind),
		"rfind":        withName("rfind", strFind),
		"index":        withName("index", strFind),
		"rindex":       withName("rindex", strFind),
		"count":        strCount,
		"replace":      strReplace,
		"upper":        strMapper("upper", pyfmt.Upper),
		"lower":        strMapper("lower", pyfmt.Lower),
		"title":        strMapper("title", pyfmt.Title),
		"capitalize":   strMapper("capitalize", pyfmt.Capitalize),
		"swapcase":     strMapper("swapcase", pyfmt.SwapCase),
		"casefold":     strMapper("casefold", caseFold),
		"isdigit":      strPredicate("isdigit", pyfmt.IsDigit),
		"isalpha":      strPredicate("isalpha", pyfmt.IsAlpha),
		"isspace":      strPredicate("isspace", pyfmt.IsSpace),
		"isalnum":      strPredicate("isalnum", pyfmt.IsAlnum),
		"isupper":      strPredicate("isupper", pyfmt.IsUpper),
		"islower":      strPredicate("islower", pyfmt.IsLower),
		"istitle":      strPredicate("istitle", pyfmt.IsTitle),
		"isdecimal":    strPredicate("isdecimal", pyfmt.IsDecimal),
		"isnumeric":    strPredicate("isnumeric", pyfmt.IsNumeric),
		"isascii":      strPredicate("isascii", pyfmt.IsASCII),
		"isprintable":  strPredicate("isprintable", pyfmt.IsPrintable),
		"zfill":        strZFill,
		"center":       strJustifier("center", pyfmt.Center),
		"ljust":        strJustifier("ljust", pyfmt.LJust),
		"rjust":        strJustifier("rjust", pyfmt.RJust),
		"splitlines":   strSplitLines,
		"partition":    withName("partition", strPartition),
		"rpartition":   withName("rpartition", strPartition),
		"expandtabs":   strExpandTabs,
		"removeprefix": withName("removeprefix", strRemoveAffix),
		"removesuffix": withName("removesuffix", strRemoveAffix),
		"format": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			s, err := StrFormat(th, self.obj.(*StrObj).S, args, kw)
			if err != nil {
				return Value{}, err
			}
			return Str(s), nil
		},
		"format_map": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			m, err := OneArg("str.format_map", args, kw)
			if err != nil {
				return Value{}, err
			}
			s, err := strFormatMap(th, self.obj.(*StrObj).S, m)
			if err != nil {
				return Value{}, err
			}
			return Str(s), nil
		},
	})
}

// withName adapts an implementation shared by several methods.
func withName(name string, f func(th *Thread, self Value, args []Value, kw []Kwarg, name string) (Value, error)) BuiltinFn {
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return f(th, self, args, kw, name)
	}
}

// plural is the "s" that follows a count of n things in a message.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// strArg returns v's text, or CPython's "must be str, not int".
func strArg(v Value) (*StrObj, error) {
	if s, ok := As[*StrObj](v); ok {
		return s, nil
	}
	return nil, Errorf(TypeError, "must be str, not %s", v.Type().Name)
}

// cintArg converts an argument that CPython stores in a C int.
func cintArg(th *Thread, v Value) (int, error) {
	n, ok, err := asIndex(th, v)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	x, ok := asInt64(n)
	if !ok || x < -1<<31 || x >= 1<<31 {
		return 0, Errorf(OverflowError, "Python int too large to convert to C int")
	}
	return int(x), nil
}

// strNew is str(object, encoding, errors): with an encoding or errors, a
// bytes-like object is decoded.
func strNew(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	// str(x) of one int or str is by far the most common call; it skips
	// the argument parsing below.
	if len(args) == 1 && len(kw) == 0 {
		switch args[0].obj.(type) {
		case intTag:
			return StrFromInt(args[0].SmallInt()), nil
		case *StrObj:
			return args[0], nil
		}
	}
	var obj, encoding, errors Value
	if err := UnpackArgs("str", args, kw, "object?", &obj, "encoding?", &encoding, "errors?", &errors); err != nil {
		return Value{}, err
	}
	for _, p := range []struct {
		name string
		v    Value
	}{{"encoding", encoding}, {"errors", errors}} {
		if p.v.IsValid() {
			if _, ok := p.v.obj.(*StrObj); !ok {
				return Value{}, Errorf(TypeError, "str() argument '%s' must be str, not %s", p.name, p.v.Type().Name)
			}
		}
	}
	if !obj.IsValid() {
		return Str(""), nil
	}
	if encoding.IsValid() || errors.IsValid() {
		if r, ok, err := DecodeToStr(th, obj, optStr(encoding, "utf-8"), optStr(errors, "strict")); ok {
			return r, err
		}
		if _, ok := obj.obj.(*StrObj); ok {
			return Value{}, Errorf(TypeError, "decoding str is not supported")
		}
		return Value{}, Errorf(TypeError, "decoding to str: need a bytes-like object, %s found", obj.Type().Name)
	}
	if _, ok := obj.obj.(*StrObj); ok {
		return obj, nil
	}
	s, err := ToStr(th, obj)
	if err != nil {
		return Value{}, err
	}
	return Str(s), nil
}

// Code point bounds.

// sliceArg converts a start/end bound as CPython's _PyEval_SliceIndex:
// None means absent (ok false), big ints clamp.
func sliceArg(th *Thread, v Value) (n int64, ok bool, err error) {
	if v.IsNone() {
		return 0, false, nil
	}
	x, isIdx, err := asIndex(th, v)
	if err != nil {
		return 0, false, err
	}
	if !isIdx {
		return 0, false, Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
	}
	if n, ok := asInt64(x); ok {
		return n, true, nil
	}
	if b, _ := toBig(x); b.Sign() < 0 {
		return -1 << 62, true, nil
	}
	return 1 << 62, true, nil
}

// strBounds parses the optional start and end arguments of find-like
// methods (args[0] and args[1] of rest) and adjusts them to [0, n] as
// CPython's ADJUST_INDICES does; start may still exceed end.
func strBounds(th *Thread, s *StrObj, rest []Value) (start, end int, err error) {
	n := s.Len()
	st, en := int64(0), int64(n)
	if len(rest) > 0 {
		if x, ok, err := sliceArg(th, rest[0]); err != nil {
			return 0, 0, err
		} else if ok {
			st = x
		}
	}
	if len(rest) > 1 {
		if x, ok, err := sliceArg(th, rest[1]); err != nil {
			return 0, 0, err
		} else if ok {
			en = x
		}
	}
	if en > int64(n) {
		en = int64(n)
	} else if en < 0 {
		en = max(en+int64(n), 0)
	}
	if st < 0 {
		st = max(st+int64(n), 0)
	}
	// st may exceed n; keep it representable.
	st = min(st, int64(n)+1)
	return int(st), int(en), nil
}

// byteOffset returns the byte offset of code point cp (0 <= cp <= Len).
func byteOffset(s *StrObj, cp int) int {
	if s.isASCII() {
		return cp
	}
	i := 0
	for k := 0; k < cp && i < len(s.S); k++ {
		_, size := utf8.DecodeRuneInString(s.S[i:])
		i += size
	}
	return i
}

// window returns the text of code points [start, end) (start <= end) and
// the byte offset where it begins.
func window(s *StrObj, start, end int) (string, int) {
	if s.isASCII() {
		return s.S[start:end], start
	}
	b := byteOffset(s, start)
	e := b
	for k := start; k < end && e < len(s.S); k++ {
		_, size := utf8.DecodeRuneInString(s.S[e:])
		e += size
	}
	return s.S[b:e], b
}

// The methods.

func strJoin(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	arg, err := OneArg("str.join", args, kw)
	if err != nil {
		return Value{}, err
	}
	sep := self.obj.(*StrObj).S
	var items []Value
	switch o := arg.obj.(type) {
	case *List:
		items = o.Items
	case *Tuple:
		items = o.Items
	default:
		items, err = Collect(th, arg)
		if err != nil {
			if IsInstance(err, TypeError) {
				return Value{}, Errorf(TypeError, "can only join an iterable")
			}
			return Value{}, err
		}
	}
	size := int64(0)
	m := workMeter{th: th}
	for i, it := range items {
		s, ok := it.obj.(*StrObj)
		if !ok {
			if s, ok = As[*StrObj](it); ok {
				// A str subclass instance joins as its str.
				items = derivedStrs(items)
			}
		}
		if !ok {
			return Value{}, Errorf(TypeError, "sequence item %d: expected str instance, %s found", i, it.Type().Name)
		}
		size += int64(len(s.S))
		if err := m.add(1); err != nil {
			return Value{}, err
		}
	}
	switch len(items) {
	case 0:
		return Str(""), nil
	case 1:
		return items[0], nil
	}
	size += int64(len(sep)) * int64(len(items)-1)
	if size > maxAlloc {
		return Value{}, NewException(MemoryError)
	}
	if err := th.Alloc(size); err != nil {
		return Value{}, err
	}
	if size >= abandonBytes {
		return joinStrsChunked(th, self.obj.(*StrObj), items, size)
	}
	return joinStrs(self.obj.(*StrObj), items, int(size)), nil
}

// joinStrsChunked is joinStrs for a large result, charging the copying
// as it goes so that a stop interrupts it.
func joinStrsChunked(th *Thread, sep *StrObj, items []Value, size int64) (Value, error) {
	var b strings.Builder
	b.Grow(int(size))
	m := workMeter{th: th}
	for i, it := range items {
		if i > 0 {
			if err := writeChunked(&b, sep.S, &m); err != nil {
				return Value{}, err
			}
		}
		if err := writeChunked(&b, it.obj.(*StrObj).S, &m); err != nil {
			return Value{}, err
		}
	}
	return Str(b.String()), nil
}

// strList converts split results to a list of str.
func strList(th *Thread, parts []string) (Value, error) {
	items := make([]Value, len(parts))
	m := workMeter{th: th}
	for i, p := range parts {
		items[i] = Str(p)
		if err := m.add(1); err != nil {
			return Value{}, err
		}
	}
	return NewList(items), nil
}

// splitBytesPerPart is what a part of a split costs in memory: its list
// slot, its str header, and its entry in the Go slice of parts.
const splitBytesPerPart = 16 + 24 + 16

// splitCharged runs a split of s (count gives the number of parts, split
// makes them), charging the scans and the parts before making them, on an
// abandonable goroutine when s is large, and returns the list of parts.
func splitCharged(th *Thread, s string, count func() int, split func() []string) (Value, error) {
	var n int
	if err := th.scan(len(s), func() { n = count() }); err != nil {
		return Value{}, err
	}
	if err := th.Alloc(int64(n) * splitBytesPerPart); err != nil {
		return Value{}, err
	}
	var parts []string
	// Making the parts costs more per part than per byte scanned.
	if err := th.scan(max(len(s), n*splitBytesPerPart), func() { parts = split() }); err != nil {
		return Value{}, err
	}
	return strList(th, parts)
}

func strSplit(th *Thread, self Value, args []Value, kw []Kwarg, name string) (Value, error) {
	var sepArg, maxArg Value
	if err := UnpackArgs(name, args, kw, "sep?", &sepArg, "maxsplit?", &maxArg); err != nil {
		return Value{}, err
	}
	maxsplit := int64(-1)
	if maxArg.IsValid() {
		n, err := ssizeIndex(th, maxArg)
		if err != nil {
			return Value{}, err
		}
		maxsplit = n
	}
	s := self.obj.(*StrObj).S
	ms := int(max(min(maxsplit, int64(len(s))+1), -1))
	if !sepArg.IsValid() || sepArg.IsNone() {
		count := func() int { return countFields(s, ms) }
		if name == "split" {
			return splitWhitespaceCharged(th, s, ms)
		}
		return splitCharged(th, s, count, func() []string { return pyfmt.RSplitWhitespace(s, ms) })
	}
	sep, ok := As[*StrObj](sepArg)
	if !ok {
		return Value{}, Errorf(TypeError, "must be str or None, not %s", sepArg.Type().Name)
	}
	if sep.S == "" {
		return Value{}, Errorf(ValueError, "empty separator")
	}
	count := func() int {
		n := strings.Count(s, sep.S) + 1
		if ms >= 0 {
			n = min(n, ms+1)
		}
		return n
	}
	if name == "split" {
		return splitCharged(th, s, count, func() []string { return pyfmt.Split(s, sep.S, ms) })
	}
	return splitCharged(th, s, count, func() []string { return pyfmt.RSplit(s, sep.S, ms) })
}

func strStrip(th *Thread, self Value, args []Value, kw []Kwarg, name string) (Value, error) {
	if err := PositionalArgs("str."+name, args, kw, 0, 1); err != nil {
		return Value{}, err
	}
	s := self.obj.(*StrObj).S
	chars, hasChars := "", false
	if len(args) == 1 && !args[0].IsNone() {
		c, ok := As[*StrObj](args[0])
		if !ok {
			return Value{}, Errorf(TypeError, "%s arg must be None or str", name)
		}
		chars, hasChars = c.S, true
	}
	var r string
	switch name {
	case "strip":
		r = pyfmt.Strip(s, chars, hasChars)
	case "lstrip":
		r = pyfmt.LStrip(s, chars, hasChars)
	default:
		r = pyfmt.RStrip(s, chars, hasChars)
	}
	if len(r) == len(s) {
		return self, nil
	}
	return Str(r), nil
}

// strTailMatch implements startswith and endswith.
func strTailMatch(th *Thread, self Value, args []Value, kw []Kwarg, name string) (Value, error) {
	if err := TupleArgs("str."+name, args, kw, 1, 3); err != nil {
		return Value{}, err
	}
	s := self.obj.(*StrObj)
	start, end, err := strBounds(th, s, args[1:])
	if err != nil {
		return Value{}, err
	}
	whole := len(args) == 1
	match := func(sub *StrObj) bool {
		if whole {
			if name == "startswith" {
				return strings.HasPrefix(s.S, sub.S)
			}
			return strings.HasSuffix(s.S, sub.S)
		}
		if end-start < sub.Len() {
			return false
		}
		w, _ := window(s, start, end)
		if name == "startswith" {
			return strings.HasPrefix(w, sub.S)
		}
		return strings.HasSuffix(w, sub.S)
	}
	switch p := args[0].obj.(type) {
	case *StrObj:
		return MakeBool(match(p)), nil
	case *Tuple:
		for _, it := range p.Items {
			sub, ok := As[*StrObj](it)
			if !ok {
				return Value{}, Errorf(TypeError, "tuple for %s must only contain str, not %s", name, it.Type().Name)
			}
			if match(sub) {
				return True, nil
			}
		}
		return False, nil
	}
	return Value{}, Errorf(TypeError, "%s first arg must be str or a tuple of str, not %s", name, args[0].Type().Name)
}

// strFind implements find, rfind, index and rindex.
func strFind(th *Thread, self Value, args []Value, kw []Kwarg, name string) (Value, error) {
	if err := TupleArgs("str."+name, args, kw, 1, 3); err != nil {
		return Value{}, err
	}
	s := self.obj.(*StrObj)
	start, end, err := strBounds(th, s, args[1:])
	if err != nil {
		return Value{}, err
	}
	sub, err := strArg(args[0])
	if err != nil {
		return Value{}, err
	}
	reverse := name[0] == 'r'
	i := -1
	if err := th.scan(len(s.S), func() { i = strFindIn(s, sub, start, end, len(args) == 1, reverse) }); err != nil {
		return Value{}, err
	}
	if i < 0 && (name == "index" || name == "rindex") {
		return Value{}, Errorf(ValueError, "substring not found")
	}
	return Int(int64(i)), nil
}

// strFindIn is the search of strFind; whole says no bounds were given.
func strFindIn(s, sub *StrObj, start, end int, whole, reverse bool) int {
	i := -1
	switch {
	case whole && !reverse:
		i = pyfmt.Find(s.S, sub.S)
	case whole:
		i = pyfmt.RFind(s.S, sub.S)
	case end-start >= sub.Len():
		w, off := window(s, start, end)
		var bi int
		if reverse {
			bi = strings.LastIndex(w, sub.S)
		} else {
			bi = strings.Index(w, sub.S)
		}
		if bi >= 0 {
			i = start
			if !s.isASCII() {
				i += utf8.RuneCountInString(s.S[off : off+bi])
			} else {
				i += bi
			}
		}
	}
	return i
}

func strCount(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if err := TupleArgs("str.count", args, kw, 1, 3); err != nil {
		return Value{}, err
	}
	s := self.obj.(*StrObj)
	start, end, err := strBounds(th, s, args[1:])
	if err != nil {
		return Value{}, err
	}
	sub, err := strArg(args[0])
	if err != nil {
		return Value{}, err
	}
	w := s.S
	if len(args) > 1 {
		if end-start < sub.Len() {
			return Int(0), nil
		}
		w, _ = window(s, start, end)
	}
	var n int
	if err := th.scan(len(w), func() { n = pyfmt.Count(w, sub.S) }); err != nil {
		return Value{}, err
	}
	return Int(int64(n)), nil
}

func strReplace(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("str.replace", args, kw, 2, 3); err != nil {
		return Value{}, err
	}
	var parts [2]string
	for i := range parts {
		a, ok := As[*StrObj](args[i])
		if !ok {
			return Value{}, Errorf(TypeError, "replace() argument %d must be str, not %s", i+1, args[i].Type().Name)
		}
		parts[i] = a.S
	}
	count := int64(-1)
	if len(args) == 3 {
		n, err := ssizeIndex(th, args[2])
		if err != nil {
			return Value{}, err
		}
		count = n
	}
	s, old, repl := self.obj.(*StrObj).S, parts[0], parts[1]
	if count == 0 {
		return self, nil
	}
	var n int64
	if err := th.scan(len(s), func() { n = int64(strings.Count(s, old)) }); err != nil {
		return Value{}, err
	}
	if n == 0 {
		return self, nil
	}
	if count >= 0 {
		n = min(n, count)
	}
	size := int64(len(s)) + n*(int64(len(repl))-int64(len(old)))
	if size > maxAlloc {
		return Value{}, NewException(MemoryError)
	}
	var r string
	if err := th.bigOutput(size, func() { r = pyfmt.Replace(s, old, repl, int(n)) }); err != nil {
		return Value{}, err
	}
	return Str(r), nil
}

// strMapper makes a no-argument method that maps the text.
func strMapper(name string, f func(string) string) BuiltinFn {
	qual := "str." + name
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs(qual, args, kw); err != nil {
			return Value{}, err
		}
		return Str(f(self.obj.(*StrObj).S)), nil
	}
}

// strPredicate makes a no-argument method that tests the text.
func strPredicate(name string, f func(string) bool) BuiltinFn {
	qual := "str." + name
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs(qual, args, kw); err != nil {
			return Value{}, err
		}
		return MakeBool(f(self.obj.(*StrObj).S)), nil
	}
}

// caseFoldExtra maps the characters whose full case folding differs
// from their lowercase to the folding (Unicode 14, as CPython 3.11).
// casefold() is lower() followed by this map, which is exact because
// every character lower() produces is its own lowercase. Generated with
//
//	{c: chr(c).casefold() for c in range(0x110000)
//	 if chr(c).lower() != chr(c).casefold()}
var caseFoldExtra = map[rune]string{
	0xb5: "\u03bc", 0xdf: "ss", 0x149: "\u02bcn", 0x17f: "s", 0x1f0: "j\u030c", 0x345: "\u03b9",
	0x390: "\u03b9\u0308\u0301", 0x3b0: "\u03c5\u0308\u0301", 0x3c2: "\u03c3", 0x3d0: "\u03b2",
	0x3d1: "\u03b8", 0x3d5: "\u03c6", 0x3d6: "\u03c0", 0x3f0: "\u03ba", 0x3f1: "\u03c1",
	0x3f5: "\u03b5", 0x587: "\u0565\u0582", 0x13a0: "\u13a0", 0x13a1: "\u13a1", 0x13a2: "\u13a2",
	0x13a3: "\u13a3", 0x13a4: "\u13a4", 0x13a5: "\u13a5", 0x13a6: "\u13a6", 0x13a7: "\u13a7",
	0x13a8: "\u13a8", 0x13a9: "\u13a9", 0x13aa: "\u13aa", 0x13ab: "\u13ab", 0x13ac: "\u13ac",
	0x13ad: "\u13ad", 0x13ae: "\u13ae", 0x13af: "\u13af", 0x13b0: "\u13b0", 0x13b1: "\u13b1",
	0x13b2: "\u13b2", 0x13b3: "\u13b3", 0x13b4: "\u13b4", 0x13b5: "\u13b5", 0x13b6: "\u13b6",
	0x13b7: "\u13b7", 0x13b8: "\u13b8", 0x13b9: "\u13b9", 0x13ba: "\u13ba", 0x13bb: "\u13bb",
	0x13bc: "\u13bc", 0x13bd: "\u13bd", 0x13be: "\u13be", 0x13bf: "\u13bf", 0x13c0: "\u13c0",
	0x13c1: "\u13c1", 0x13c2: "\u13c2", 0x13c3: "\u13c3", 0x13c4: "\u13c4", 0x13c5: "\u13c5",
	0x13c6: "\u13c6", 0x13c7: "\u13c7", 0x13c8: "\u13c8", 0x13c9: "\u13c9", 0x13ca: "\u13ca",
	0x13cb: "\u13cb", 0x13cc: "\u13cc", 0x13cd: "\u13cd", 0x13ce: "\u13ce", 0x13cf: "\u13cf",
	0x13d0: "\u13d0", 0x13d1: "\u13d1", 0x13d2: "\u13d2", 0x13d3: "\u13d3", 0x13d4: "\u13d4",
	0x13d5: "\u13d5", 0x13d6: "\u13d6", 0x13d7: "\u13d7", 0x13d8: "\u13d8", 0x13d9: "\u13d9",
	0x13da: "\u13da", 0x13db: "\u13db", 0x13dc: "\u13dc", 0x13dd: "\u13dd", 0x13de: "\u13de",
	0x13df: "\u13df", 0x13e0: "\u13e0", 0x13e1: "\u13e1", 0x13e2: "\u13e2", 0x13e3: "\u13e3",
	0x13e4: "\u13e4", 0x13e5: "\u13e5", 0x13e6: "\u13e6", 0x13e7: "\u13e7", 0x13e8: "\u13e8",
	0x13e9: "\u13e9", 0x13ea: "\u13ea", 0x13eb: "\u13eb", 0x13ec: "\u13ec", 0x13ed: "\u13ed",
	0x13ee: "\u13ee", 0x13ef: "\u13ef", 0x13f0: "\u13f0", 0x13f1: "\u13f1", 0x13f2: "\u13f2",
	0x13f3: "\u13f3", 0x13f4: "\u13f4", 0x13f5: "\u13f5", 0x13f8: "\u13f0", 0x13f9: "\u13f1",
	0x13fa: "\u13f2", 0x13fb: "\u13f3", 0x13fc: "\u13f4", 0x13fd: "\u13f5", 0x1c80: "\u0432",
	0x1c81: "\u0434", 0x1c82: "\u043e", 0x1c83: "\u0441", 0x1c84: "\u0442", 0x1c85: "\u0442",
	0x1c86: "\u044a", 0x1c87: "\u0463", 0x1c88: "\ua64b", 0x1e96: "h\u0331", 0x1e97: "t\u0308",
	0x1e98: "w\u030a", 0x1e99: "y\u030a", 0x1e9a: "a\u02be", 0x1e9b: "\u1e61", 0x1e9e: "ss",
	0x1f50: "\u03c5\u0313", 0x1f52: "\u03c5\u0313\u0300", 0x1f54: "\u03c5\u0313\u0301",
	0x1f56: "\u03c5\u0313\u0342", 0x1f80: "\u1f00\u03b9", 0x1f81: "\u1f01\u03b9",
	0x1f82: "\u1f02\u03b9", 0x1f83: "\u1f03\u03b9", 0x1f84: "\u1f04\u03b9", 0x1f85: "\u1f05\u03b9",
	0x1f86: "\u1f06\u03b9", 0x1f87: "\u1f07\u03b9", 0x1f88: "\u1f00\u03b9", 0x1f89: "\u1f01\u03b9",
	0x1f8a: "\u1f02\u03b9", 0x1f8b: "\u1f03\u03b9", 0x1f8c: "\u1f04\u03b9", 0x1f8d: "\u1f05\u03b9",
	0x1f8e: "\u1f06\u03b9", 0x1f8f: "\u1f07\u03b9", 0x1f90: "\u1f20\u03b9", 0x1f91: "\u1f21\u03b9",
	0x1f92: "\u1f22\u03b9", 0x1f93: "\u1f23\u03b9", 0x1f94: "\u1f24\u03b9", 0x1f95: "\u1f25\u03b9",
	0x1f96: "\u1f26\u03b9", 0x1f97: "\u1f27\u03b9", 0x1f98: "\u1f20\u03b9", 0x1f99: "\u1f21\u03b9",
	0x1f9a: "\u1f22\u03b9", 0x1f9b: "\u1f23\u03b9", 0x1f9c: "\u1f24\u03b9", 0x1f9d: "\u1f25\u03b9",
	0x1f9e: "\u1f26\u03b9", 0x1f9f: "\u1f27\u03b9", 0x1fa0: "\u1f60\u03b9", 0x1fa1: "\u1f61\u03b9",
	0x1fa2: "\u1f62\u03b9", 0x1fa3: "\u1f63\u03b9", 0x1fa4: "\u1f64\u03b9", 0x1fa5: "\u1f65\u03b9",
	0x1fa6: "\u1f66\u03b9", 0x1fa7: "\u1f67\u03b9", 0x1fa8: "\u1f60\u03b9", 0x1fa9: "\u1f61\u03b9",
	0x1faa: "\u1f62\u03b9", 0x1fab: "\u1f63\u03b9", 0x1fac: "\u1f64\u03b9", 0x1fad: "\u1f65\u03b9",
	0x1fae: "\u1f66\u03b9", 0x1faf: "\u1f67\u03b9", 0x1fb2: "\u1f70\u03b9", 0x1fb3: "\u03b1\u03b9",
	0x1fb4: "\u03ac\u03b9", 0x1fb6: "\u03b1\u0342", 0x1fb7: "\u03b1\u0342\u03b9",
	0x1fbc: "\u03b1\u03b9", 0x1fbe: "\u03b9", 0x1fc2: "\u1f74\u03b9", 0x1fc3: "\u03b7\u03b9",
	0x1fc4: "\u03ae\u03b9", 0x1fc6: "\u03b7\u0342", 0x1fc7: "\u03b7\u0342\u03b9",
	0x1fcc: "\u03b7\u03b9", 0x1fd2: "\u03b9\u0308\u0300", 0x1fd3: "\u03b9\u0308\u0301",
	0x1fd6: "\u03b9\u0342", 0x1fd7: "\u03b9\u0308\u0342", 0x1fe2: "\u03c5\u0308\u0300",
	0x1fe3: "\u03c5\u0308\u0301", 0x1fe4: "\u03c1\u0313", 0x1fe6: "\u03c5\u0342",
	0x1fe7: "\u03c5\u0308\u0342", 0x1ff2: "\u1f7c\u03b9", 0x1ff3: "\u03c9\u03b9",
	0x1ff4: "\u03ce\u03b9", 0x1ff6: "\u03c9\u0342", 0x1ff7: "\u03c9\u0342\u03b9",
	0x1ffc: "\u03c9\u03b9", 0xab70: "\u13a0", 0xab71: "\u13a1", 0xab72: "\u13a2", 0xab73: "\u13a3",
	0xab74: "\u13a4", 0xab75: "\u13a5", 0xab76: "\u13a6", 0xab77: "\u13a7", 0xab78: "\u13a8",
	0xab79: "\u13a9", 0xab7a: "\u13aa", 0xab7b: "\u13ab", 0xab7c: "\u13ac", 0xab7d: "\u13ad",
	0xab7e: "\u13ae", 0xab7f: "\u13af", 0xab80: "\u13b0", 0xab81: "\u13b1", 0xab82: "\u13b2",
	0xab83: "\u13b3", 0xab84: "\u13b4", 0xab85: "\u13b5", 0xab86: "\u13b6", 0xab87: "\u13b7",
	0xab88: "\u13b8", 0xab89: "\u13b9", 0xab8a: "\u13ba", 0xab8b: "\u13bb", 0xab8c: "\u13bc",
	0xab8d: "\u13bd", 0xab8e: "\u13be", 0xab8f: "\u13bf", 0xab90: "\u13c0", 0xab91: "\u13c1",
	0xab92: "\u13c2", 0xab93: "\u13c3", 0xab94: "\u13c4", 0xab95: "\u13c5", 0xab96: "\u13c6",
	0xab97: "\u13c7", 0xab98: "\u13c8", 0xab99: "\u13c9", 0xab9a: "\u13ca", 0xab9b: "\u13cb",
	0xab9c: "\u13cc", 0xab9d: "\u13cd", 0xab9e: "\u13ce", 0xab9f: "\u13cf", 0xaba0: "\u13d0",
	0xaba1: "\u13d1", 0xaba2: "\u13d2", 0xaba3: "\u13d3", 0xaba4: "\u13d4", 0xaba5: "\u13d5",
	0xaba6: "\u13d6", 0xaba7: "\u13d7", 0xaba8: "\u13d8", 0xaba9: "\u13d9", 0xabaa: "\u13da",
	0xabab: "\u13db", 0xabac: "\u13dc", 0xabad: "\u13dd", 0xabae: "\u13de", 0xabaf: "\u13df",
	0xabb0: "\u13e0", 0xabb1: "\u13e1", 0xabb2: "\u13e2", 0xabb3: "\u13e3", 0xabb4: "\u13e4",
	0xabb5: "\u13e5", 0xabb6: "\u13e6", 0xabb7: "\u13e7", 0xabb8: "\u13e8", 0xabb9: "\u13e9",
	0xabba: "\u13ea", 0xabbb: "\u13eb", 0xabbc: "\u13ec", 0xabbd: "\u13ed", 0xabbe: "\u13ee",
	0xabbf: "\u13ef", 0xfb00: "ff", 0xfb01: "fi", 0xfb02: "fl", 0xfb03: "ffi", 0xfb04: "ffl",
	0xfb05: "st", 0xfb06: "st", 0xfb13: "\u0574\u0576", 0xfb14: "\u0574\u0565", 0xfb15: "\u0574\u056b",
	0xfb16: "\u057e\u0576", 0xfb17: "\u0574\u056d",
}

// caseFold implements str.casefold.
func caseFold(s string) string {
	l := pyfmt.Lower(s)
	if pyfmt.IsASCII(l) {
		return l
	}
	var b strings.Builder
	b.Grow(len(l))
	for _, r := range l {
		if f, ok := caseFoldExtra[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// widthArg converts a padding width, failing with MemoryError when the
// result could not be allocated.
func widthArg(th *Thread, v Value, s string) (int, error) {
	w, err := ssizeIndex(th, v)
	if err != nil {
		return 0, err
	}
	if w > maxAlloc/4 {
		if n := utf8.RuneCountInString(s); w > int64(n) {
			return 0, NewException(MemoryError)
		}
	}
	return int(w), nil
}

func strZFill(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	arg, err := OneArg("str.zfill", args, kw)
	if err != nil {
		return Value{}, err
	}
	s := self.obj.(*StrObj)
	w, err := widthArg(th, arg, s.S)
	if err != nil {
		return Value{}, err
	}
	if w <= s.Len() {
		return self, nil
	}
	var r string
	if err := th.bigOutput(int64(len(s.S)+w), func() { r = pyfmt.ZFill(s.S, w) }); err != nil {
		return Value{}, err
	}
	return Str(r), nil
}

// strJustifier makes center, ljust or rjust.
func strJustifier(name string, f func(string, int, rune) string) BuiltinFn {
	qual := "str." + name
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs(qual, args, kw, 1, 2); err != nil {
			return Value{}, err
		}
		s := self.obj.(*StrObj)
		w, err := widthArg(th, args[0], s.S)
		if err != nil {
			return Value{}, err
		}
		fill := ' '
		if len(args) == 2 {
			c, ok := As[*StrObj](args[1])
			if !ok {
				return Value{}, Errorf(TypeError, "The fill character must be a unicode character, not %s", args[1].Type().Name)
			}
			r, size := utf8.DecodeRuneInString(c.S)
			if size == 0 || size != len(c.S) {
				return Value{}, Errorf(TypeError, "The fill character must be exactly one character long")
			}
			fill = r
		}
		if w <= s.Len() {
			return self, nil
		}
		var r string
		str := s.S
		if err := th.bigOutput(int64(len(str))+int64(w)*int64(utf8.RuneLen(fill)), func() { r = f(str, w, fill) }); err != nil {
			return Value{}, err
		}
		return Str(r), nil
	}
}

func strSplitLines(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	var keep Value
	if err := UnpackArgs("splitlines", args, kw, "keepends?", &keep); err != nil {
		return Value{}, err
	}
	keepends := false
	if keep.IsValid() {
		n, err := cintArg(th, keep)
		if err != nil {
			return Value{}, err
		}
		keepends = n != 0
	}
	s := self.obj.(*StrObj).S
	return splitCharged(th, s, func() int { return countLines(s) }, func() []string { return pyfmt.SplitLines(s, keepends) })
}

func strPartition(th *Thread, self Value, args []Value, kw []Kwarg, name string) (Value, error) {
	arg, err := OneArg("str."+name, args, kw)
	if err != nil {
		return Value{}, err
	}
	sep, err := strArg(arg)
	if err != nil {
		return Value{}, err
	}
	if sep.S == "" {
		return Value{}, Errorf(ValueError, "empty separator")
	}
	s := self.obj.(*StrObj).S
	var before, match, after string
	if name == "partition" {
		before, match, after = pyfmt.Partition(s, sep.S)
		if match == "" {
			return TupleOf(self, Str(""), Str("")), nil
		}
	} else {
		before, match, after = pyfmt.RPartition(s, sep.S)
		if match == "" {
			return TupleOf(Str(""), Str(""), self), nil
		}
	}
	return TupleOf(Str(before), arg, Str(after)), nil
}

func strExpandTabs(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	var size Value
	if err := UnpackArgs("expandtabs", args, kw, "tabsize?", &size); err != nil {
		return Value{}, err
	}
	tabsize := 8
	if size.IsValid() {
		n, err := cintArg(th, size)
		if err != nil {
			return Value{}, err
		}
		tabsize = n
	}
	s := self.obj.(*StrObj).S
	var tabs int64
	if err := th.scan(len(s), func() { tabs = int64(strings.Count(s, "\t")) }); err != nil {
		return Value{}, err
	}
	// Each tab becomes at most tabsize spaces.
	out := tabs*int64(max(tabsize, 0)) + int64(len(s))
	if out > maxAlloc {
		return Value{}, NewException(MemoryError)
	}
	var r string
	if err := th.bigOutput(out, func() { r = pyfmt.ExpandTabs(s, tabsize) }); err != nil {
		return Value{}, err
	}
	return Str(r), nil
}

func strRemoveAffix(th *Thread, self Value, args []Value, kw []Kwarg, name string) (Value, error) {
	arg, err := OneArg("str."+name, args, kw)
	if err != nil {
		return Value{}, err
	}
	a, ok := As[*StrObj](arg)
	if !ok {
		return Value{}, Errorf(TypeError, "%s() argument must be str, not %s", name, arg.Type().Name)
	}
	s := self.obj.(*StrObj).S
	if name == "removeprefix" && a.S != "" && strings.HasPrefix(s, a.S) {
		return Str(s[len(a.S):]), nil
	}
	if name == "removesuffix" && a.S != "" && strings.HasSuffix(s, a.S) {
		return Str(s[:len(s)-len(a.S)]), nil
	}
	return self, nil
}
