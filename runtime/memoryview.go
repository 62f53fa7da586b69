package runtime

// This file implements memoryview over bytes and bytearray, with format
// 'B' only: length, indexing, slicing (a view of the same memory), item
// assignment through a writable view, tobytes, tolist, hex, release and
// the context-manager protocol.

import "weak"

// MemoryView is a view of the memory of a bytes or bytearray object.
type MemoryView struct {
	obj      Value // the exporting bytes or bytearray
	start    int
	step     int
	length   int
	released bool
	// readOnly marks a view made by toreadonly() over a writable object.
	readOnly bool
}

// MemoryViewType is the type of memoryview objects.
var MemoryViewType = finalType("memoryview")

// Type returns MemoryViewType.
func (*MemoryView) Type() *Type { return MemoryViewType }

func errReleased() error {
	return Errorf(ValueError, "operation forbidden on released memoryview object")
}

// base returns the exporter's current storage.
func (m *MemoryView) base() []byte {
	b, _ := bufferOf(m.obj)
	return b
}

// bytes returns the viewed bytes: the exporter's storage itself for a
// contiguous view, a copy for a stepped one.
func (m *MemoryView) bytes() []byte {
	b := m.base()
	if m.step == 1 {
		return b[m.start : m.start+m.length]
	}
	out := make([]byte, m.length)
	for i := range out {
		out[i] = b[m.start+i*m.step]
	}
	return out
}

func (m *MemoryView) readonly() bool {
	_, isArr := m.obj.obj.(*ByteArray)
	return !isArr || m.readOnly
}

// newMemoryView makes a view of [start, start+length*step) of obj,
// registering the export with a bytearray.
func newMemoryView(obj Value, start, step, length int) *MemoryView {
	m := &MemoryView{obj: obj, start: start, step: step, length: length}
	if ba, ok := obj.obj.(*ByteArray); ok {
		ba.views = append(ba.views, weak.Make(m))
	}
	return m
}

// gone reports whether the view can no longer be used: it was released,
// or its array shrank under it (possible in aio only, when a resize was
// allowed because the view looked unused; see ByteArray.resizable).
func (m *MemoryView) gone() bool {
	if m.released {
		return true
	}
	if m.length == 0 {
		return false
	}
	last := m.start + (m.length-1)*m.step
	return m.start >= len(m.base()) || last >= len(m.base())
}

// release ends the view; a bytearray may be resized again once its views
// are released.
func (m *MemoryView) release() {
	if m.released {
		return
	}
	m.released = true
}

// Len returns the number of items viewed (0 once released; Len's callers
// check release first where CPython raises).
func (m *MemoryView) Len() int { return m.length }

// Repr returns "<memory at 0x...>" or "<released memory at 0x...>".
func (m *MemoryView) Repr(th *Thread) (string, error) {
	if m.released {
		return "<released memory at " + addr(Obj(m)) + ">", nil
	}
	return "<memory at " + addr(Obj(m)) + ">", nil
}

// TruthHook reports whether the view is non-empty.
func (m *MemoryView) TruthHook() bool { return m.length > 0 }

// GetItemHook is m[key]: an int for an index, a new view for a slice.
func (m *MemoryView) GetItemHook(th *Thread, key Value) (Value, error) {
	if m.gone() {
		return Value{}, errReleased()
	}
	if s, ok := key.obj.(*Slice); ok {
		start, _, step, length, err := SliceIndices(s, m.length)
		if err != nil {
			return Value{}, err
		}
		v := newMemoryView(m.obj, m.start+start*m.step, m.step*step, length)
		v.readOnly = m.readOnly
		return Obj(v), nil
	}
	k, ok, err := asIndexQuiet(key)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return Value{}, Errorf(TypeError, "memoryview: invalid slice key")
	}
	i, _ := asInt64(k)
	j, ok := normIndex(i, m.length)
	if !ok {
		return Value{}, Errorf(IndexError, "index out of bounds on dimension 1")
	}
	return Int(int64(m.base()[m.start+j*m.step])), nil
}

// SetItemHook is m[key] = x through a writable view; a slice must be
// given as many bytes as it views.
func (m *MemoryView) SetItemHook(th *Thread, key, x Value) error {
	if m.gone() {
		return errReleased()
	}
	if m.readonly() {
		return Errorf(TypeError, "cannot modify read-only memory")
	}
	b := m.base()
	if s, ok := key.obj.(*Slice); ok {
		start, _, step, length, err := SliceIndices(s, m.length)
		if err != nil {
			return err
		}
		src, ok := bufferOf(x)
		if !ok {
			return Errorf(TypeError, errBytesNotBytesLike, x.Type().Name)
		}
		if len(src) != length {
			return Errorf(ValueError, "memoryview assignment: lvalue and rvalue have different structures")
		}
		src = append([]byte{}, src...)
		for i := 0; i < length; i++ {
			b[m.start+(start+i*step)*m.step] = src[i]
		}
		return nil
	}
	k, ok, err := asIndexQuiet(key)
	if err != nil {
		return err
	}
	if !ok {
		return Errorf(TypeError, "memoryview: invalid slice key")
	}
	i, _ := asInt64(k)
	j, ok := normIndex(i, m.length)
	if !ok {
		return Errorf(IndexError, "index out of bounds on dimension 1")
	}
	n, isInt := asInt64(x)
	if !isInt {
		return Errorf(TypeError, "memoryview: invalid type for format 'B'")
	}
	if n < 0 || n > 255 {
		return Errorf(ValueError, "memoryview: invalid value for format 'B'")
	}
	b[m.start+j*m.step] = byte(n)
	return nil
}

// IterHook iterates over the viewed bytes as ints.
func (m *MemoryView) IterHook() Iterator {
	return &byteIter{get: func() []byte {
		if m.gone() {
			return nil
		}
		return m.bytes()
	}, typ: IteratorType}
}

// hashView hashes a read-only view as the bytes it shows.
func (m *MemoryView) hashView() (int64, error) {
	if m.gone() {
		return 0, errReleased()
	}
	if !m.readonly() {
		return 0, Errorf(ValueError, "cannot hash writable memoryview object")
	}
	return (&Bytes{B: m.bytes()}).Hash(), nil
}

// memoryViewNew is memoryview(object).
func memoryViewNew(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	var obj Value
	if err := UnpackArgs("memoryview", args, kw, "object?", &obj); err != nil {
		return Value{}, err
	}
	if !obj.IsValid() {
		return Value{}, Errorf(TypeError, "memoryview() missing required argument 'object' (pos 1)")
	}
	switch o := obj.obj.(type) {
	case *Bytes:
		return Obj(newMemoryView(obj, 0, 1, len(o.B))), nil
	case *ByteArray:
		return Obj(newMemoryView(obj, 0, 1, len(o.B))), nil
	case *MemoryView:
		if o.gone() {
			return Value{}, errReleased()
		}
		v := newMemoryView(o.obj, o.start, o.step, o.length)
		v.readOnly = o.readOnly
		return Obj(v), nil
	}
	return Value{}, Errorf(TypeError, "memoryview: a bytes-like object is required, not '%s'", obj.Type().Name)
}

// viewMethod adapts a method that needs a live view.
func viewMethod(name string, f func(th *Thread, m *MemoryView, args []Value, kw []Kwarg) (Value, error)) BuiltinFn {
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		m := self.obj.(*MemoryView)
		if m.gone() && name != "release" && name != "__exit__" {
			return Value{}, errReleased()
		}
		return f(th, m, args, kw)
	}
}

// viewAttr makes a read-only attribute of live views.
func viewAttr(name string, get func(m *MemoryView) Value) Value {
	return Obj(&Property{Fget: NewBuiltin(name, func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		m := args[0].obj.(*MemoryView)
		if m.gone() && name != "obj" {
			return Value{}, errReleased()
		}
		return get(m), nil
	}), Name: name, readOnlyAttr: true})
}

func init() {
	MemoryViewType.New = memoryViewNew
	MemoryViewType.Methods(map[string]BuiltinFn{
		"tobytes": viewMethod("tobytes", func(th *Thread, m *MemoryView, args []Value, kw []Kwarg) (Value, error) {
			var order Value
			if err := UnpackArgs("tobytes", args, kw, "order?", &order); err != nil {
				return Value{}, err
			}
			if err := th.Alloc(int64(m.length)); err != nil {
				return Value{}, err
			}
			return NewBytes(append([]byte{}, m.bytes()...)), nil
		}),
		"tolist": viewMethod("tolist", func(th *Thread, m *MemoryView, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("memoryview.tolist", args, kw); err != nil {
				return Value{}, err
			}
			if err := th.checkItems(int64(m.length)); err != nil {
				return Value{}, err
			}
			b := m.bytes()
			items := make([]Value, len(b))
			for i, c := range b {
				items[i] = Int(int64(c))
			}
			return NewList(items), nil
		}),
		"hex": viewMethod("hex", func(th *Thread, m *MemoryView, args []Value, kw []Kwarg) (Value, error) {
			var sepV, perV Value
			if err := UnpackArgs("hex", args, kw, "sep?", &sepV, "bytes_per_sep?", &perV); err != nil {
				return Value{}, err
			}
			s, err := hexWithSep(th, m.bytes(), sepV, perV)
			return Str(s), err
		}),
		"release": viewMethod("release", func(th *Thread, m *MemoryView, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("memoryview.release", args, kw); err != nil {
				return Value{}, err
			}
			m.release()
			return None, nil
		}),
		"toreadonly": viewMethod("toreadonly", func(th *Thread, m *MemoryView, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("memoryview.toreadonly", args, kw); err != nil {
				return Value{}, err
			}
			v := newMemoryView(m.obj, m.start, m.step, m.length)
			v.readOnly = true
			return Obj(v), nil
		}),
		"cast": viewMethod("cast", func(th *Thread, m *MemoryView, args []Value, kw []Kwarg) (Value, error) {
			var format, shape Value
			if err := UnpackArgs("cast", args, kw, "format?", &format, "shape?", &shape); err != nil {
				return Value{}, err
			}
			f, ok := format.obj.(*StrObj)
			if !ok {
				return Value{}, Errorf(TypeError, "memoryview: format argument must be a string")
			}
			if f.S != "B" || shape.IsValid() {
				return Value{}, Errorf(ValueError, "memoryview: cast to format '%s' is not supported", f.S)
			}
			if m.step != 1 {
				return Value{}, Errorf(TypeError, "memoryview: casts are restricted to C-contiguous views")
			}
			v := newMemoryView(m.obj, m.start, 1, m.length)
			v.readOnly = m.readOnly
			return Obj(v), nil
		}),
		"__enter__": viewMethod("__enter__", func(th *Thread, m *MemoryView, args []Value, kw []Kwarg) (Value, error) {
			return Obj(m), nil
		}),
		"__exit__": viewMethod("__exit__", func(th *Thread, m *MemoryView, args []Value, kw []Kwarg) (Value, error) {
			m.release()
			return None, nil
		}),
	})
	MemoryViewType.SetAttr("obj", viewAttr("obj", func(m *MemoryView) Value { return m.obj }))
	MemoryViewType.SetAttr("nbytes", viewAttr("nbytes", func(m *MemoryView) Value { return Int(int64(m.length)) }))
	MemoryViewType.SetAttr("readonly", viewAttr("readonly", func(m *MemoryView) Value { return MakeBool(m.readonly()) }))
	MemoryViewType.SetAttr("itemsize", viewAttr("itemsize", func(m *MemoryView) Value { return Int(1) }))
	MemoryViewType.SetAttr("format", viewAttr("format", func(m *MemoryView) Value { return Str("B") }))
	MemoryViewType.SetAttr("ndim", viewAttr("ndim", func(m *MemoryView) Value { return Int(1) }))
	MemoryViewType.SetAttr("shape", viewAttr("shape", func(m *MemoryView) Value { return TupleOf(Int(int64(m.length))) }))
	MemoryViewType.SetAttr("strides", viewAttr("strides", func(m *MemoryView) Value { return TupleOf(Int(int64(m.step))) }))
	for _, name := range []string{"contiguous", "c_contiguous", "f_contiguous"} {
		MemoryViewType.SetAttr(name, viewAttr(name, func(m *MemoryView) Value { return MakeBool(m.step == 1 || m.length <= 1) }))
	}
	MemoryViewType.SetAttr("suboffsets", viewAttr("suboffsets", func(m *MemoryView) Value { return TupleOf() }))
}
