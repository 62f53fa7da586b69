package runtime

// This file implements the searching, splitting and joining methods that
// bytes and bytearray share (count, find, index, startswith, split,
// strip, partition, replace, join, ...). Each works on the receiver's
// bytes and returns a result of the receiver's type.

import (
	"bytes"
)

// bytesMethod is the shape of a method shared by bytes and bytearray:
// b is the receiver's contents.
type bytesMethod func(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error)

// sharedBytesMethods lists the methods installed on both types.
func sharedBytesMethods() map[string]bytesMethod {
	return map[string]bytesMethod{
		"count":        bytesCount,
		"find":         bytesFindNamed("find"),
		"rfind":        bytesFindNamed("rfind"),
		"index":        bytesFindNamed("index"),
		"rindex":       bytesFindNamed("rindex"),
		"startswith":   bytesTailNamed("startswith"),
		"endswith":     bytesTailNamed("endswith"),
		"split":        bytesSplitNamed("split"),
		"rsplit":       bytesSplitNamed("rsplit"),
		"splitlines":   bytesSplitLines,
		"strip":        bytesStripNamed("strip"),
		"lstrip":       bytesStripNamed("lstrip"),
		"rstrip":       bytesStripNamed("rstrip"),
		"partition":    bytesPartitionNamed("partition"),
		"rpartition":   bytesPartitionNamed("rpartition"),
		"replace":      bytesReplace,
		"join":         bytesJoin,
		"removeprefix": bytesAffixNamed("removeprefix"),
		"removesuffix": bytesAffixNamed("removesuffix"),
		"decode":       bytesDecode,
		"hex":          bytesHex,
		"translate":    bytesTranslate,
		"upper":        bytesMapper("upper", asciiUpper),
		"lower":        bytesMapper("lower", asciiLower),
		"swapcase":     bytesMapper("swapcase", asciiSwapCase),
		"title":        bytesMapper("title", asciiTitle),
		"capitalize":   bytesMapper("capitalize", asciiCapitalize),
		"isalnum":      bytesPredicate("isalnum", allBytes(isASCIIAlnum)),
		"isalpha":      bytesPredicate("isalpha", allBytes(isASCIIAlpha)),
		"isdigit":      bytesPredicate("isdigit", allBytes(isASCIIDigit)),
		"isspace":      bytesPredicate("isspace", allBytes(isASCIISpaceByte)),
		"isascii":      bytesPredicate("isascii", isASCIIBytes),
		"islower":      bytesPredicate("islower", bytesIsLower),
		"isupper":      bytesPredicate("isupper", bytesIsUpper),
		"istitle":      bytesPredicate("istitle", bytesIsTitle),
		"center":       bytesJustifyNamed("center"),
		"ljust":        bytesJustifyNamed("ljust"),
		"rjust":        bytesJustifyNamed("rjust"),
		"zfill":        bytesZFill,
		"expandtabs":   bytesExpandTabs,
	}
}

func init() {
	for _, t := range []*Type{BytesType, ByteArrayType} {
		m := map[string]BuiltinFn{}
		for name, f := range sharedBytesMethods() {
			f := f
			m[name] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
				b, err := bufferArg(self)
				if err != nil {
					return Value{}, err
				}
				return f(th, self, b, args, kw)
			}
		}
		t.Methods(m)
		t.SetAttr("fromhex", Obj(&ClassMethod{Func: NewBuiltin("fromhex", bytesFromHex)}))
		t.SetAttr("maketrans", Obj(&StaticMethod{Func: NewBuiltin("maketrans", bytesMakeTrans)}))
	}
	BytesType.Methods(map[string]BuiltinFn{
		"__bytes__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("bytes.__bytes__", args, kw); err != nil {
				return Value{}, err
			}
			return self, nil
		},
		"__getnewargs__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return TupleOf(NewBytes(self.obj.(*Bytes).B)), nil
		},
	})
}

// bytesSubArg converts the sub argument of count/find/index: an int in
// range(256) or a bytes-like object.
func bytesSubArg(th *Thread, v Value) ([]byte, error) {
	if b, ok := bufferOf(v); ok {
		return b, nil
	}
	n, ok, err := asIndex(th, v)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, Errorf(TypeError, "argument should be integer or bytes-like object, not '%s'", v.Type().Name)
	}
	i, fits := asInt64(n)
	if !fits || i < 0 || i > 255 {
		return nil, Errorf(ValueError, "byte must be in range(0, 256)")
	}
	return []byte{byte(i)}, nil
}

// bytesBounds parses optional start and end arguments and adjusts them to
// [0, n] as CPython's ADJUST_INDICES does; start may exceed end.
func bytesBounds(th *Thread, n int, rest []Value) (start, end int, err error) {
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
	st = min(st, int64(n)+1)
	return int(st), int(en), nil
}

// bytesCount is count(sub[, start[, end]]).
func bytesCount(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
	if err := TupleArgs(self.Type().Name+".count", args, kw, 1, 3); err != nil {
		return Value{}, err
	}
	start, end, err := bytesBounds(th, len(b), args[1:])
	if err != nil {
		return Value{}, err
	}
	sub, err := bytesSubArg(th, args[0])
	if err != nil {
		return Value{}, err
	}
	if start > end {
		return Int(0), nil
	}
	if err := th.Work(int64(end-start) / 64); err != nil {
		return Value{}, err
	}
	return Int(int64(bytes.Count(b[start:end], sub))), nil
}

// bytesFindNamed is find, rfind, index and rindex.
func bytesFindNamed(name string) bytesMethod {
	return func(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
		if err := TupleArgs(self.Type().Name+"."+name, args, kw, 1, 3); err != nil {
			return Value{}, err
		}
		start, end, err := bytesBounds(th, len(b), args[1:])
		if err != nil {
			return Value{}, err
		}
		sub, err := bytesSubArg(th, args[0])
		if err != nil {
			return Value{}, err
		}
		if err := th.Work(int64(len(b)) / 64); err != nil {
			return Value{}, err
		}
		i := -1
		if start <= end && end-start >= len(sub) {
			if name[0] == 'r' {
				i = bytes.LastIndex(b[start:end], sub)
			} else {
				i = bytes.Index(b[start:end], sub)
			}
			if i >= 0 {
				i += start
			}
		}
		if i < 0 && (name == "index" || name == "rindex") {
			return Value{}, Errorf(ValueError, "subsection not found")
		}
		return Int(int64(i)), nil
	}
}

// bytesTailNamed is startswith and endswith.
func bytesTailNamed(name string) bytesMethod {
	return func(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
		if err := TupleArgs(self.Type().Name+"."+name, args, kw, 1, 3); err != nil {
			return Value{}, err
		}
		start, end, err := bytesBounds(th, len(b), args[1:])
		if err != nil {
			return Value{}, err
		}
		match := func(sub []byte) bool {
			if start > len(b) || end-start < len(sub) {
				return false
			}
			w := b[start:end]
			if name == "startswith" {
				return bytes.HasPrefix(w, sub)
			}
			return bytes.HasSuffix(w, sub)
		}
		if t, ok := args[0].obj.(*Tuple); ok {
			for _, it := range t.Items {
				sub, ok := bufferOf(it)
				if !ok {
					return Value{}, Errorf(TypeError, errBytesNotBytesLike, it.Type().Name)
				}
				if match(sub) {
					return True, nil
				}
			}
			return False, nil
		}
		sub, ok := bufferOf(args[0])
		if !ok {
			return Value{}, Errorf(TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name, args[0].Type().Name)
		}
		return MakeBool(match(sub)), nil
	}
}

// isASCIISpaceByte reports whether c is whitespace for bytes methods.
func isASCIISpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// bytesSplitNamed is split and rsplit(sep=None, maxsplit=-1).
func bytesSplitNamed(name string) bytesMethod {
	return func(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
		var sepV, maxV Value
		if err := UnpackArgs(name, args, kw, "sep?", &sepV, "maxsplit?", &maxV); err != nil {
			return Value{}, err
		}
		maxsplit := -1
		if maxV.IsValid() {
			n, err := clampedIndex(th, maxV)
			if err != nil {
				return Value{}, err
			}
			maxsplit = int(max(min(n, 1<<40), -1))
		}
		if err := th.Work(int64(len(b)) / 16); err != nil {
			return Value{}, err
		}
		var parts [][]byte
		if !sepV.IsValid() || sepV.IsNone() {
			parts = splitWhitespace(b, maxsplit, name == "rsplit")
		} else {
			sep, err := bufferArg(sepV)
			if err != nil {
				return Value{}, err
			}
			if len(sep) == 0 {
				return Value{}, Errorf(ValueError, "empty separator")
			}
			parts = splitSep(b, sep, maxsplit, name == "rsplit")
		}
		if err := th.checkItems(int64(len(parts))); err != nil {
			return Value{}, err
		}
		items := make([]Value, len(parts))
		for i, p := range parts {
			items[i] = sameKind(self, append([]byte{}, p...))
		}
		return NewList(items), nil
	}
}

// splitSep splits b at sep, at most maxsplit times (from the right for
// rsplit) when maxsplit >= 0.
func splitSep(b, sep []byte, maxsplit int, fromRight bool) [][]byte {
	if maxsplit < 0 {
		return bytes.Split(b, sep)
	}
	if !fromRight {
		return bytes.SplitN(b, sep, maxsplit+1)
	}
	var rev [][]byte
	for maxsplit > 0 {
		i := bytes.LastIndex(b, sep)
		if i < 0 {
			break
		}
		rev = append(rev, b[i+len(sep):])
		b = b[:i]
		maxsplit--
	}
	out := [][]byte{b}
	for i := len(rev) - 1; i >= 0; i-- {
		out = append(out, rev[i])
	}
	return out
}

// splitWhitespace splits b at runs of ASCII whitespace, dropping empty
// fields, at most maxsplit times when maxsplit >= 0.
func splitWhitespace(b []byte, maxsplit int, fromRight bool) [][]byte {
	var out [][]byte
	if !fromRight {
		i := 0
		for {
			for i < len(b) && isASCIISpaceByte(b[i]) {
				i++
			}
			if i >= len(b) {
				return out
			}
			if maxsplit == 0 {
				return append(out, b[i:])
			}
			j := i
			for j < len(b) && !isASCIISpaceByte(b[j]) {
				j++
			}
			out = append(out, b[i:j])
			maxsplit--
			i = j
		}
	}
	j := len(b)
	for {
		for j > 0 && isASCIISpaceByte(b[j-1]) {
			j--
		}
		if j <= 0 {
			break
		}
		if maxsplit == 0 {
			out = append(out, b[:j])
			break
		}
		i := j
		for i > 0 && !isASCIISpaceByte(b[i-1]) {
			i--
		}
		out = append(out, b[i:j])
		maxsplit--
		j = i
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}

// bytesSplitLines is splitlines(keepends=False): lines end at \n, \r or
// \r\n.
func bytesSplitLines(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
	var keepV Value
	if err := UnpackArgs("splitlines", args, kw, "keepends?", &keepV); err != nil {
		return Value{}, err
	}
	keep := false
	if keepV.IsValid() {
		n, err := cintArg(th, keepV)
		if err != nil {
			return Value{}, err
		}
		keep = n != 0
	}
	var items []Value
	for i := 0; i < len(b); {
		j := i
		for j < len(b) && b[j] != '\n' && b[j] != '\r' {
			j++
		}
		eol := j
		if j < len(b) {
			if b[j] == '\r' && j+1 < len(b) && b[j+1] == '\n' {
				j += 2
			} else {
				j++
			}
		}
		if keep {
			eol = j
		}
		items = append(items, sameKind(self, append([]byte{}, b[i:eol]...)))
		i = j
	}
	return NewList(items), nil
}

// bytesStripNamed is strip, lstrip and rstrip(bytes=None, /).
func bytesStripNamed(name string) bytesMethod {
	return func(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs(name, args, kw, 0, 1); err != nil {
			return Value{}, err
		}
		strip := isASCIISpaceByte
		if len(args) == 1 && !args[0].IsNone() {
			chars, err := bufferArg(args[0])
			if err != nil {
				return Value{}, err
			}
			strip = func(c byte) bool { return bytes.IndexByte(chars, c) >= 0 }
		}
		i, j := 0, len(b)
		if name != "rstrip" {
			for i < j && strip(b[i]) {
				i++
			}
		}
		if name != "lstrip" {
			for j > i && strip(b[j-1]) {
				j--
			}
		}
		return sameKind(self, append([]byte{}, b[i:j]...)), nil
	}
}

// bytesPartitionNamed is partition and rpartition(sep, /).
func bytesPartitionNamed(name string) bytesMethod {
	return func(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
		sepV, err := OneArg(self.Type().Name+"."+name, args, kw)
		if err != nil {
			return Value{}, err
		}
		sep, err := bufferArg(sepV)
		if err != nil {
			return Value{}, err
		}
		if len(sep) == 0 {
			return Value{}, Errorf(ValueError, "empty separator")
		}
		mk := func(p []byte) Value { return sameKind(self, append([]byte{}, p...)) }
		// bytes puts the separator object itself in the middle (even a
		// bytearray or memoryview); bytearray a copy.
		middle := sepV
		if _, isArr := self.obj.(*ByteArray); isArr {
			middle = mk(sep)
		}
		if name == "partition" {
			i := bytes.Index(b, sep)
			if i < 0 {
				return TupleOf(mk(b), mk(nil), mk(nil)), nil
			}
			return TupleOf(mk(b[:i]), middle, mk(b[i+len(sep):])), nil
		}
		i := bytes.LastIndex(b, sep)
		if i < 0 {
			return TupleOf(mk(nil), mk(nil), mk(b)), nil
		}
		return TupleOf(mk(b[:i]), middle, mk(b[i+len(sep):])), nil
	}
}

// bytesReplace is replace(old, new, count=-1, /).
func bytesReplace(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("replace", args, kw, 2, 3); err != nil {
		return Value{}, err
	}
	old, err := bufferArg(args[0])
	if err != nil {
		return Value{}, err
	}
	repl, err := bufferArg(args[1])
	if err != nil {
		return Value{}, err
	}
	count := -1
	if len(args) == 3 {
		n, err := clampedIndex(th, args[2])
		if err != nil {
			return Value{}, err
		}
		count = int(max(min(n, 1<<40), -1))
	}
	n := bytes.Count(b, old)
	if count >= 0 && n > count {
		n = count
	}
	if err := th.Alloc(int64(len(b)) + int64(n)*int64(len(repl))); err != nil {
		return Value{}, err
	}
	if err := th.Work(int64(len(b)) / 16); err != nil {
		return Value{}, err
	}
	return sameKind(self, bytes.Replace(b, old, repl, count)), nil
}

// bytesJoin is join(iterable_of_bytes, /).
func bytesJoin(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
	it, err := OneArg(self.Type().Name+".join", args, kw)
	if err != nil {
		return Value{}, err
	}
	items, err := Collect(th, it)
	if err != nil {
		if _, iterErr := Iter(th, it); iterErr != nil {
			return Value{}, Errorf(TypeError, "can only join an iterable")
		}
		return Value{}, err
	}
	parts := make([][]byte, len(items))
	total := int64(0)
	for i, x := range items {
		p, ok := bufferOf(x)
		if !ok {
			return Value{}, Errorf(TypeError, "sequence item %d: expected a bytes-like object, %s found", i, x.Type().Name)
		}
		parts[i] = p
		total += int64(len(p)) + int64(len(b))
	}
	if err := th.Alloc(total); err != nil {
		return Value{}, err
	}
	return sameKind(self, bytes.Join(parts, b)), nil
}

// bytesAffixNamed is removeprefix and removesuffix.
func bytesAffixNamed(name string) bytesMethod {
	return func(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
		a, err := OneArg(self.Type().Name+"."+name, args, kw)
		if err != nil {
			return Value{}, err
		}
		affix, err := bufferArg(a)
		if err != nil {
			return Value{}, err
		}
		out := b
		if name == "removeprefix" && bytes.HasPrefix(b, affix) {
			out = b[len(affix):]
		} else if name == "removesuffix" && bytes.HasSuffix(b, affix) && len(affix) > 0 {
			out = b[:len(b)-len(affix)]
		}
		return sameKind(self, append([]byte{}, out...)), nil
	}
}

// bytesTranslate is translate(table, /, delete=b”).
func bytesTranslate(th *Thread, self Value, b []byte, args []Value, kw []Kwarg) (Value, error) {
	var tableV, delV Value
	if err := UnpackArgs("translate", args, kw, "/table", &tableV, "delete?", &delV); err != nil {
		return Value{}, err
	}
	var table []byte
	if !tableV.IsNone() {
		t, err := bufferArg(tableV)
		if err != nil {
			return Value{}, err
		}
		if len(t) != 256 {
			return Value{}, Errorf(ValueError, "translation table must be 256 characters long")
		}
		table = t
	}
	var del []byte
	if delV.IsValid() {
		d, err := bufferArg(delV)
		if err != nil {
			return Value{}, err
		}
		del = d
	}
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if bytes.IndexByte(del, c) >= 0 {
			continue
		}
		if table != nil {
			c = table[c]
		}
		out = append(out, c)
	}
	return sameKind(self, out), nil
}

// bytesMakeTrans is the static method maketrans(frm, to, /).
func bytesMakeTrans(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("maketrans", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	from, err := bufferArg(args[0])
	if err != nil {
		return Value{}, err
	}
	to, err := bufferArg(args[1])
	if err != nil {
		return Value{}, err
	}
	if len(from) != len(to) {
		return Value{}, Errorf(ValueError, "maketrans arguments must have same length")
	}
	table := make([]byte, 256)
	for i := range table {
		table[i] = byte(i)
	}
	for i, c := range from {
		table[c] = to[i]
	}
	return NewBytes(table), nil
}
