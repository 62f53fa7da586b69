package runtime

// This file defines the bytes and bytearray objects: their construction,
// repr, hashing, comparison, indexing, slicing, membership, iteration and
// operators. The methods they share are in bytes_methods.go, bytearray's
// mutators in bytearray.go.

import (
	"hash/maphash"
	"strings"
	"weak"
)

// Bytes is an immutable bytes object.
type Bytes struct {
	B    []byte
	hash int64 // 0 until computed; a computed hash is never 0 (see Hash)
}

// Type returns BytesType.
func (*Bytes) Type() *Type { return BytesType }

// Len returns the number of bytes.
func (b *Bytes) Len() int { return len(b.B) }

// ByteArray is a mutable bytearray object.
type ByteArray struct {
	B []byte
	// views are the memoryviews made over the array: while one is alive
	// and not released the array cannot change size. They are held weakly
	// because aio frees nothing eagerly: a view that only a finished
	// expression used must not lock the array forever (see resizable).
	views []weak.Pointer[MemoryView]
	// gcSkips counts the blocked resizes still allowed without collecting.
	gcSkips int
}

// Type returns ByteArrayType.
func (*ByteArray) Type() *Type { return ByteArrayType }

// Len returns the number of bytes.
func (b *ByteArray) Len() int { return len(b.B) }

// The bytes types and their iterators.
var (
	BytesType             = NewType("bytes", ObjectType)
	ByteArrayType         = NewType("bytearray", ObjectType)
	bytesIteratorType     = finalType("bytes_iterator")
	byteArrayIteratorType = finalType("bytearray_iterator")
	emptyBytes            = &Bytes{B: []byte{}}
	bytesSingles          [256]*Bytes
)

// CPython's wordings shared by several operations.
const (
	errBytesNotBytesLike   = "a bytes-like object is required, not '%s'"
	errBytesConcatNotBytes = "can't concat %s to %s"
)

func init() {
	// The shared objects get their hash now: interpreters on several
	// goroutines use them, and Hash must then never write.
	for i := range bytesSingles {
		bytesSingles[i] = &Bytes{B: []byte{byte(i)}}
		bytesSingles[i].Hash()
	}
	emptyBytes.Hash()
}

// NewBytes returns a bytes value holding b, which must not be modified
// afterwards.
func NewBytes(b []byte) Value {
	switch len(b) {
	case 0:
		return Obj(emptyBytes)
	case 1:
		return Obj(bytesSingles[b[0]])
	}
	return Obj(&Bytes{B: b})
}

// NewByteArray returns a bytearray value owning b.
func NewByteArray(b []byte) Value { return Obj(&ByteArray{B: b}) }

// Hash returns the hash of the bytes (cached); equal to the hash of a str
// with the same ASCII text, as in CPython.
func (b *Bytes) Hash() int64 {
	if b.hash == 0 {
		h := int64(maphash.Bytes(strSeed, b.B) & strHashMask)
		if h == 0 {
			h = 1
		}
		b.hash = h
	}
	return b.hash
}

// bufferOf returns the bytes of a bytes-like object (bytes, bytearray or
// memoryview); the slice is the object's own storage.
func bufferOf(v Value) ([]byte, bool) {
	switch o := v.obj.(type) {
	case *Bytes:
		return o.B, true
	case *ByteArray:
		return o.B, true
	case *MemoryView:
		if o.gone() {
			return nil, false
		}
		return o.bytes(), true
	case *Instance:
		if o.Builtin != nil {
			return bufferOf(*o.Builtin) // a bytes or bytearray subclass
		}
	}
	return nil, false
}

// bufferArg is bufferOf with CPython's TypeError for other objects.
func bufferArg(v Value) ([]byte, error) {
	if b, ok := bufferOf(v); ok {
		return b, nil
	}
	if m, ok := v.obj.(*MemoryView); ok && m.gone() {
		return nil, errReleased()
	}
	return nil, Errorf(TypeError, errBytesNotBytesLike, v.Type().Name)
}

// sameKind wraps b in the type of self: bytes for bytes (and memoryview),
// a new bytearray for bytearray.
func sameKind(self Value, b []byte) Value {
	if _, ok := self.obj.(*ByteArray); ok {
		return NewByteArray(b)
	}
	return NewBytes(b)
}

// BytesRepr spells b as the b'...' literal CPython's repr writes: single
// quotes unless the bytes hold a single quote and no double quote.
func BytesRepr(b []byte) string { return bytesRepr(b, false) }

// bytesRepr is BytesRepr; escapeSingle escapes every single quote, even
// inside double quotes, as bytearray's repr does.
func bytesRepr(b []byte, escapeSingle bool) string {
	quote := byte('\'')
	if strings.IndexByte(string(b), '\'') >= 0 && strings.IndexByte(string(b), '"') < 0 {
		quote = '"'
	}
	var sb strings.Builder
	sb.Grow(len(b) + 3)
	sb.WriteByte('b')
	sb.WriteByte(quote)
	const hexDigits = "0123456789abcdef"
	for _, c := range b {
		switch {
		case c == quote || c == '\\' || (escapeSingle && c == '\''):
			sb.WriteByte('\\')
			sb.WriteByte(c)
		case c == '\t':
			sb.WriteString(`\t`)
		case c == '\n':
			sb.WriteString(`\n`)
		case c == '\r':
			sb.WriteString(`\r`)
		case c < 0x20 || c >= 0x7f:
			sb.WriteString(`\x`)
			sb.WriteByte(hexDigits[c>>4])
			sb.WriteByte(hexDigits[c&15])
		default:
			sb.WriteByte(c)
		}
	}
	sb.WriteByte(quote)
	return sb.String()
}

// Repr returns repr(b).
func (b *Bytes) Repr(th *Thread) (string, error) { return BytesRepr(b.B), nil }

// Repr returns repr(b): bytearray(b'...').
func (b *ByteArray) Repr(th *Thread) (string, error) {
	return "bytearray(" + bytesRepr(b.B, true) + ")", nil
}

func init() {
	BytesType.New = bytesNew
	ByteArrayType.New = byteArrayNew
}

// bytesNew is bytes(source=b”, encoding, errors).
func bytesNew(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	b, err := bytesFromArgs(th, "bytes", args, kw)
	if err != nil {
		return Value{}, err
	}
	return NewBytes(b), nil
}

// byteArrayNew is bytearray(source=b”, encoding, errors).
func byteArrayNew(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	b, err := bytesFromArgs(th, "bytearray", args, kw)
	if err != nil {
		return Value{}, err
	}
	if b == nil {
		b = []byte{}
	}
	return NewByteArray(b), nil
}

// bytesFromArgs computes the contents of bytes(...) or bytearray(...);
// the result is always a fresh slice the caller may keep.
func bytesFromArgs(th *Thread, fname string, args []Value, kw []Kwarg) ([]byte, error) {
	var src, encoding, errs Value
	if err := UnpackArgs(fname, args, kw, "source?", &src, "encoding?", &encoding, "errors?", &errs); err != nil {
		return nil, err
	}
	for _, p := range []struct {
		name string
		v    Value
	}{{"encoding", encoding}, {"errors", errs}} {
		if p.v.IsValid() {
			if _, ok := p.v.obj.(*StrObj); !ok {
				return nil, Errorf(TypeError, "%s() argument '%s' must be str, not %s", fname, p.name, p.v.Type().Name)
			}
		}
	}
	if !src.IsValid() {
		if encoding.IsValid() || errs.IsValid() {
			return nil, Errorf(TypeError, "encoding or errors without sequence argument")
		}
		return nil, nil
	}
	if s, ok := src.obj.(*StrObj); ok {
		if !encoding.IsValid() {
			return nil, Errorf(TypeError, "string argument without an encoding")
		}
		return encodeStr(th, s.S, encoding.obj.(*StrObj).S, optStr(errs, "strict"))
	}
	if encoding.IsValid() {
		return nil, Errorf(TypeError, "encoding without a string argument")
	}
	if errs.IsValid() {
		return nil, Errorf(TypeError, "errors without a string argument")
	}
	if b, ok := bufferOf(src); ok {
		if err := th.Alloc(int64(len(b))); err != nil {
			return nil, err
		}
		return append([]byte{}, b...), nil
	}
	if src.Type().User {
		if r, found, err := th.CallMethod(src, "__bytes__"); found {
			if err != nil {
				return nil, err
			}
			rb, ok := r.obj.(*Bytes)
			if !ok {
				return nil, Errorf(TypeError, "__bytes__ returned non-bytes (type %s)", r.Type().Name)
			}
			return append([]byte{}, rb.B...), nil
		}
	}
	if isIntLike(src) {
		n, ok := asInt64(src)
		if !ok {
			return nil, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
		}
		if n < 0 {
			return nil, Errorf(ValueError, "negative count")
		}
		if err := th.Alloc(n); err != nil {
			return nil, err
		}
		return make([]byte, n), nil
	}
	if _, isIter := src.obj.(Iterator); !isIter {
		if _, err := Iter(th, src); err != nil {
			return nil, Errorf(TypeError, "cannot convert '%s' object to %s", src.Type().Name, fname)
		}
	}
	out, err := bytesFromIterable(th, src)
	if err != nil && fname == "bytes" && IsInstance(err, ValueError) {
		// bytes() words the range error in the plural, bytearray() not.
		return nil, Errorf(ValueError, "bytes must be in range(0, 256)")
	}
	return out, err
}

// bytesFromIterable collects an iterable of ints in range(256).
func bytesFromIterable(th *Thread, src Value) ([]byte, error) {
	it, err := Iter(th, src)
	if err != nil {
		return nil, err
	}
	out := []byte{}
	for {
		x, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		c, err := byteValue(th, x)
		if err != nil {
			return nil, err
		}
		if len(out) == cap(out) {
			if err := th.Alloc(int64(len(out)) + 16); err != nil {
				return nil, err
			}
			if err := th.Work(int64(len(out)) + 16); err != nil {
				return nil, err
			}
		}
		out = append(out, c)
	}
}

// byteValue converts an int-like to a byte with CPython's errors.
func byteValue(th *Thread, x Value) (byte, error) {
	n, ok, err := asIndex(th, x)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", x.Type().Name)
	}
	i, fits := asInt64(n)
	if !fits || i < 0 || i > 255 {
		return 0, Errorf(ValueError, "byte must be in range(0, 256)")
	}
	return byte(i), nil
}

// optStr returns the text of an optional str argument, or def.
func optStr(v Value, def string) string {
	if s, ok := v.obj.(*StrObj); ok {
		return s.S
	}
	return def
}

// bytesGetItem is self[key] for bytes and bytearray, whose contents are b.
func bytesGetItem(self Value, b []byte, key Value) (Value, error) {
	if i, ok := asInt64(key); ok {
		j, ok := normIndex(i, len(b))
		if !ok {
			return Value{}, Errorf(IndexError, "%s", indexNoun(self)+" out of range")
		}
		return Int(int64(b[j])), nil
	}
	if s, ok := key.obj.(*Slice); ok {
		start, _, step, length, err := SliceIndices(s, len(b))
		if err != nil {
			return Value{}, err
		}
		out := make([]byte, length)
		for i := range out {
			out[i] = b[start+i*step]
		}
		return sameKind(self, out), nil
	}
	if n, ok, err := asIndexQuiet(key); ok || err != nil {
		if err != nil {
			return Value{}, err
		}
		return bytesGetItem(self, b, n)
	}
	kind := "byte"
	if _, ok := self.obj.(*ByteArray); ok {
		kind = "bytearray"
	}
	return Value{}, Errorf(TypeError, "%s indices must be integers or slices, not %s", kind, key.Type().Name)
}

// asIndexQuiet converts a bool or big int index; others are not indexes.
func asIndexQuiet(v Value) (Value, bool, error) {
	if _, ok := v.obj.(*Big); ok {
		return Value{}, true, Errorf(IndexError, "cannot fit 'int' into an index-sized integer")
	}
	if n, ok := asInt64(v); ok {
		return Int(n), true, nil
	}
	return Value{}, false, nil
}

// indexNoun names an index of self in error messages, as CPython does.
func indexNoun(self Value) string {
	if _, ok := self.obj.(*ByteArray); ok {
		return "bytearray index"
	}
	return "index"
}

// GetItemHook is b[key].
func (b *Bytes) GetItemHook(th *Thread, key Value) (Value, error) {
	return bytesGetItem(Obj(b), b.B, key)
}

// GetItemHook is b[key].
func (b *ByteArray) GetItemHook(th *Thread, key Value) (Value, error) {
	return bytesGetItem(Obj(b), b.B, key)
}

// ContainsHook is x in b: an int in range(256) or a bytes-like.
func (b *Bytes) ContainsHook(th *Thread, x Value) (bool, error) { return bytesContains(th, b.B, x) }

// ContainsHook is x in b: an int in range(256) or a bytes-like.
func (b *ByteArray) ContainsHook(th *Thread, x Value) (bool, error) {
	return bytesContains(th, b.B, x)
}

func bytesContains(th *Thread, b []byte, x Value) (bool, error) {
	if sub, ok := bufferOf(x); ok {
		return strings.Contains(string(b), string(sub)), nil
	}
	n, ok, err := asIndex(th, x)
	if err != nil {
		return false, err
	}
	if !ok {
		return false, Errorf(TypeError, errBytesNotBytesLike, x.Type().Name)
	}
	i, fits := asInt64(n)
	if !fits || i < 0 || i > 255 {
		return false, Errorf(ValueError, "byte must be in range(0, 256)")
	}
	return strings.IndexByte(string(b), byte(i)) >= 0, nil
}

// byteIter iterates over a bytes or bytearray, yielding ints; it reads
// the bytearray's current contents at each step.
type byteIter struct {
	get func() []byte
	i   int
	typ *Type
}

func (it *byteIter) Type() *Type { return it.typ }
func (it *byteIter) Next(th *Thread) (Value, bool, error) {
	b := it.get()
	if it.i >= len(b) {
		return Value{}, false, nil
	}
	it.i++
	return Int(int64(b[it.i-1])), true, nil
}

// IterHook returns an iterator over the bytes' values.
func (b *Bytes) IterHook() Iterator {
	return &byteIter{get: func() []byte { return b.B }, typ: bytesIteratorType}
}

// IterHook returns an iterator over the bytearray's values.
func (b *ByteArray) IterHook() Iterator {
	return &byteIter{get: func() []byte { return b.B }, typ: byteArrayIteratorType}
}

// TruthHook reports whether the bytes are non-empty.
func (b *Bytes) TruthHook() bool { return len(b.B) > 0 }

// TruthHook reports whether the bytearray is non-empty.
func (b *ByteArray) TruthHook() bool { return len(b.B) > 0 }

// bytesCompare orders two bytes-likes; ok is false for other operands.
func bytesCompare(op CmpOp, a, b Value) (result, ok bool) {
	x, okx := bufferOf(a)
	y, oky := bufferOf(b)
	if !okx || !oky {
		return false, false
	}
	// memoryview has only equality; bytearray orders against any buffer,
	// so a view compares with one (directly or reflected).
	_, aArr := a.obj.(*ByteArray)
	_, bArr := b.obj.(*ByteArray)
	_, aView := a.obj.(*MemoryView)
	_, bView := b.obj.(*MemoryView)
	if (aView || bView) && !aArr && !bArr && op != CmpEQ && op != CmpNE {
		return false, false
	}
	return op.holds(strings.Compare(string(x), string(y))), true
}

// bytesBinary implements + * % between bytes-likes and ints.
func bytesBinary(th *Thread, op Op, a, b Value) (Value, error) {
	x, okx := bufferOf(a)
	if _, isView := a.obj.(*MemoryView); isView {
		return Value{}, errUnsupported
	}
	if !okx {
		if op == OpMul {
			if _, ok := bufferOf(b); ok && isIntLike(a) {
				return bytesBinary(th, op, b, a)
			}
		}
		return Value{}, errUnsupported
	}
	switch op {
	case OpAdd:
		y, ok := bufferOf(b)
		if !ok {
			// A class's __radd__ goes before concatenation fails.
			if r, found, err := dunderBinary(th, op, a, b, ""); found || err != nil {
				return r, err
			}
			return Value{}, Errorf(TypeError, errBytesConcatNotBytes, b.Type().Name, a.Type().Name)
		}
		if err := th.Alloc(int64(len(x)) + int64(len(y))); err != nil {
			return Value{}, err
		}
		out := make([]byte, 0, len(x)+len(y))
		return sameKind(a, append(append(out, x...), y...)), nil
	case OpMul:
		if !isIntLike(b) {
			return Value{}, errUnsupported
		}
		n, ok := asInt64(b)
		if !ok {
			return Value{}, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
		}
		out, err := repeatBytes(th, x, n)
		if err != nil {
			return Value{}, err
		}
		return sameKind(a, out), nil
	case OpMod:
		out, err := bytesPercent(th, x, b)
		if err != nil {
			return Value{}, err
		}
		return sameKind(a, out), nil
	}
	return Value{}, errUnsupported
}

// repeatBytes returns n copies of x, charging the result first.
func repeatBytes(th *Thread, x []byte, n int64) ([]byte, error) {
	if n <= 0 || len(x) == 0 {
		return []byte{}, nil
	}
	if err := th.checkStrRepeat(len(x), n); err != nil {
		return nil, err
	}
	if err := th.Work(int64(len(x)) * n / 64); err != nil {
		return nil, err
	}
	return []byte(strings.Repeat(string(x), int(n))), nil
}
