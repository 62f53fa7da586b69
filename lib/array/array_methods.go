package array

// This file defines the array class of an interpreter, its constructor
// and its methods.

import (
	"strings"
	"unsafe"

	"github.com/aio-lang/aio/lib/internal/seqops"
	"github.com/aio-lang/aio/runtime"
)

type (
	th  = runtime.Thread
	val = runtime.Value
	kws = []runtime.Kwarg
	fn  = runtime.BuiltinFn
)

// load builds the array module.
func load(t *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("array")
	cls := seqops.NewClass("array", "array", arrayNew, arrayMethods)
	cls.SetAttr("typecode", runtime.Obj(&runtime.Property{Name: "typecode", Fget: runtime.NewBuiltin("typecode", func(t *th, _ val, args []val, kw kws) (val, error) {
		return runtime.Str(string(rune(self(args[0]).code))), nil
	})}))
	cls.SetAttr("itemsize", runtime.Obj(&runtime.Property{Name: "itemsize", Fget: runtime.NewBuiltin("itemsize", func(t *th, _ val, args []val, kw kws) (val, error) {
		return runtime.Int(int64(self(args[0]).kind.size)), nil
	})}))
	m.Set("array", runtime.Obj(cls))
	m.Set("ArrayType", runtime.Obj(cls))
	m.Set("typecodes", runtime.Str(typecodes))
	return m
}

// self returns a method's receiver.
func self(v runtime.Value) *Array { a, _ := runtime.As[*Array](v); return a }

// arrayNew is array(typecode[, initializer]).
func arrayNew(t *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(kw) > 0 && cls.Module == "array" {
		return val{}, runtime.NoKeywords("array.array", kw)
	}
	if len(args) == 0 {
		return val{}, runtime.Errorf(runtime.TypeError, "array() takes at least 1 argument (0 given)")
	}
	if len(args) > 2 {
		return val{}, runtime.Errorf(runtime.TypeError, "array() takes at most 2 arguments (%d given)", len(args))
	}
	tc, ok := runtime.As[*runtime.StrObj](args[0])
	if !ok || tc.Len() != 1 {
		what := args[0].Type().Name
		if ok {
			what = "a string of length " + itoa(tc.Len())
		}
		return val{}, runtime.Errorf(runtime.TypeError, "array() argument 1 must be a unicode character, not %s", what)
	}
	k, ok := kinds[tc.S[0]]
	if !ok || len(tc.S) != 1 {
		return val{}, runtime.Errorf(runtime.ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
	}
	a := &Array{cls: cls, code: tc.S[0], kind: k}
	if len(args) == 2 {
		if err := a.initFrom(t, args[1]); err != nil {
			return val{}, err
		}
	}
	return runtime.Obj(a), nil
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// initFrom fills a new array from its initializer.
func (a *Array) initFrom(t *runtime.Thread, init runtime.Value) error {
	if s, ok := runtime.As[*runtime.StrObj](init); ok {
		if !a.kind.char {
			return runtime.Errorf(runtime.TypeError, "cannot use a str to initialize an array with typecode '%c'", a.code)
		}
		return a.extendChars(t, s)
	}
	switch init.Type() {
	case runtime.BytesType, runtime.ByteArrayType:
		return a.fromBytes(t, init)
	}
	if o, ok := runtime.As[*Array](init); ok && o.kind.char != a.kind.char {
		return runtime.Errorf(runtime.TypeError, "cannot use a unicode array to initialize an array with typecode '%c'", a.code)
	}
	return a.extend(t, init)
}

// extendChars appends the characters of s to a 'u' array.
func (a *Array) extendChars(t *runtime.Thread, s *runtime.StrObj) error {
	rs := s.Runes()
	if err := t.CheckGrow(a.items, len(rs)); err != nil {
		return err
	}
	for _, r := range rs {
		a.items = append(a.items, runtime.Str(string(r)))
	}
	return nil
}

// fromBytes appends the items encoded in a bytes-like object.
func (a *Array) fromBytes(t *runtime.Thread, b runtime.Value) error {
	var raw []byte
	switch o := b.Object().(type) {
	case *runtime.Bytes:
		raw = o.B
	case *runtime.ByteArray:
		raw = o.B
	default:
		return runtime.Errorf(runtime.TypeError, "a bytes-like object is required, not '%s'", b.Type().Name)
	}
	if len(raw)%a.kind.size != 0 {
		return runtime.Errorf(runtime.ValueError, "bytes length not a multiple of item size")
	}
	if err := t.CheckGrow(a.items, len(raw)/a.kind.size); err != nil {
		return err
	}
	a.items = append(a.items, a.decode(raw)...)
	return nil
}

// extend appends the items of an iterable, checking each.
func (a *Array) extend(t *runtime.Thread, it runtime.Value) error {
	if o, ok := runtime.As[*Array](it); ok {
		if o.code != a.code {
			return runtime.Errorf(runtime.TypeError, "can only extend with array of same kind")
		}
		if err := t.CheckGrow(a.items, len(o.items)); err != nil {
			return err
		}
		a.items = append(a.items, o.items...)
		return nil
	}
	items, err := runtime.Collect(t, it)
	if err != nil {
		return err
	}
	conv := make([]runtime.Value, len(items))
	for i, v := range items {
		if conv[i], err = a.convert(t, v); err != nil {
			// CPython keeps the items converted before the bad one.
			a.items = append(a.items, conv[:i]...)
			return err
		}
	}
	a.items = append(a.items, conv...)
	return nil
}

// like makes an empty array of a's class and typecode.
func (a *Array) like(items []runtime.Value) *Array {
	return &Array{cls: a.cls, code: a.code, kind: a.kind, items: items}
}

// index normalizes an item index.
func (a *Array) index(key runtime.Value, what string) (int, error) {
	i, err := runtime.IndexValue(key)
	if err != nil {
		return 0, runtime.Errorf(runtime.TypeError, "array indices must be integers")
	}
	if i < 0 {
		i += int64(len(a.items))
	}
	if i < 0 || i >= int64(len(a.items)) {
		return 0, runtime.Errorf(runtime.IndexError, "%s", what)
	}
	return int(i), nil
}

// slots returns the indexes a slice selects.
func (a *Array) slots(s *runtime.Slice) ([]int, error) {
	start, _, step, n, err := runtime.SliceIndices(s, len(a.items))
	if err != nil {
		return nil, err
	}
	out := make([]int, n)
	for i := range out {
		out[i] = start + i*step
	}
	return out, nil
}

// find returns the first index in [lo, hi) of an item equal to x, or -1.
func (a *Array) find(t *runtime.Thread, x runtime.Value, lo, hi int) (int, error) {
	for i := lo; i < hi && i < len(a.items); i++ {
		eq, err := runtime.Equal(t, a.items[i], x)
		if err != nil {
			return -1, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

// repr renders array('i', [1, 2]), array('u', 'ab') or array('i').
func (a *Array) repr(t *runtime.Thread) (string, error) {
	head := "array('" + string(rune(a.code)) + "'"
	if len(a.items) == 0 {
		return a.cls.Name + head[len("array"):] + ")", nil
	}
	var body string
	var err error
	if a.kind.char {
		var b strings.Builder
		for _, v := range a.items {
			s, _ := runtime.As[*runtime.StrObj](v)
			b.WriteString(s.S)
		}
		body, err = runtime.Repr(t, runtime.Str(b.String()))
	} else {
		body, err = runtime.Repr(t, runtime.NewList(a.items))
	}
	return a.cls.Name + head[len("array"):] + ", " + body + ")", err
}

// arrayIter iterates an array by index, seeing changes made meanwhile.
type arrayIter struct {
	a *Array
	i int
}

// arrayIterType is the class of array iterators.
var arrayIterType = runtime.NewType("arrayiterator", runtime.ObjectType)

func init() {
	arrayIterType.Module = "array"
	runtime.AddIteratorMethods(arrayIterType)
}

// Type returns the iterator's class.
func (it *arrayIter) Type() *runtime.Type { return arrayIterType }

// Footprint implements runtime.MemNode.
func (it *arrayIter) Footprint() int64 { return int64(unsafe.Sizeof(*it)) }

// Referents implements runtime.MemNode.
func (it *arrayIter) Referents(w *runtime.MemWalker) {
	if it.a != nil {
		w.Node(it.a)
	}
}

// Next returns the next item.
func (it *arrayIter) Next(t *runtime.Thread) (runtime.Value, bool, error) {
	if it.a == nil || it.i >= len(it.a.items) {
		it.a = nil
		return runtime.Value{}, false, nil
	}
	it.i++
	return it.a.items[it.i-1], true, nil
}
