// Package pystruct is aio's struct module: packing Python values into
// C-layout bytes and back, with the byte orders, sizes and alignment of
// CPython on a 64-bit Linux machine.
package pystruct

// This file registers the module and defines struct.error, the Struct
// class and the module's functions.

import (
	"unsafe"

	"github.com/aio-lang/aio/lib/internal/bufarg"
	"github.com/aio-lang/aio/runtime"
)

// ErrorType is struct.error.
var ErrorType = runtime.NewType("error", runtime.ExceptionType)

// StructType is struct.Struct.
var StructType = runtime.NewType("Struct", runtime.ObjectType)

// StructObj is a compiled format: a Struct instance.
type StructObj struct {
	cls *runtime.Type
	l   *layout
}

// Type returns the instance's class.
func (s *StructObj) Type() *runtime.Type { return s.cls }

// Attr returns the read-only attributes format and size.
func (s *StructObj) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "format":
		return runtime.Str(s.l.format), true
	case "size":
		return runtime.Int(int64(s.l.size)), true
	}
	return runtime.Value{}, false
}

// SetAttrValue refuses: a Struct's attributes are read-only.
func (*StructObj) SetAttrValue(string, runtime.Value) bool { return false }

// DelAttrValue refuses, as SetAttrValue.
func (*StructObj) DelAttrValue(string) bool { return false }

// Footprint implements runtime.MemNode.
func (s *StructObj) Footprint() int64 {
	return int64(unsafe.Sizeof(*s)+unsafe.Sizeof(*s.l)) + int64(len(s.l.fields))*int64(unsafe.Sizeof(field{})) + int64(len(s.l.format))
}

// Referents implements runtime.MemNode; a Struct holds no values.
func (*StructObj) Referents(*runtime.MemWalker) {}

func errorf(format string, a ...any) error { return runtime.Errorf(ErrorType, format, a...) }

func init() {
	ErrorType.Module = "struct"
	ErrorType.New = runtime.BaseException.New
	StructType.Module = "_struct"
	StructType.New = func(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var format runtime.Value
		if err := runtime.UnpackArgs("Struct", args, kw, "format", &format); err != nil {
			return runtime.Value{}, err
		}
		l, err := layoutOf(th, format)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.Obj(&StructObj{cls: cls, l: l}), nil
	}
	methods := map[string]runtime.BuiltinFn{}
	for name, op := range operations {
		op := op
		methods[name] = func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return op(th, self.Object().(*StructObj).l, args, kw)
		}
	}
	StructType.Methods(methods)
	runtime.RegisterStdModule("struct", load)
}

// operation is a function of the module that takes a format first, and
// the method of Struct that does the same with the Struct's format.
type operation func(th *runtime.Thread, l *layout, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)

// operations are the module's functions after their format argument.
var operations = map[string]operation{
	"pack": func(th *runtime.Thread, l *layout, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.PositionalArgs("pack", nil, kw, 0, -1); err != nil {
			return runtime.Value{}, err
		}
		return pack(th, l, args)
	},
	"unpack": func(th *runtime.Thread, l *layout, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var buf runtime.Value
		if err := runtime.UnpackArgs("unpack", args, kw, "buffer", &buf); err != nil {
			return runtime.Value{}, err
		}
		return unpack(th, l, buf)
	},
	"unpack_from": func(th *runtime.Thread, l *layout, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var buf runtime.Value
		offset := 0
		if err := runtime.UnpackArgs("unpack_from", args, kw, "buffer", &buf, "offset?", &offset); err != nil {
			return runtime.Value{}, err
		}
		return unpackFrom(th, l, buf, offset)
	},
	"pack_into": func(th *runtime.Thread, l *layout, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.PositionalArgs("pack_into", nil, kw, 0, -1); err != nil {
			return runtime.Value{}, err
		}
		return packInto(th, l, args)
	},
	"iter_unpack": func(th *runtime.Thread, l *layout, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var buf runtime.Value
		if err := runtime.UnpackArgs("iter_unpack", args, kw, "buffer", &buf); err != nil {
			return runtime.Value{}, err
		}
		return iterUnpack(th, l, buf)
	},
}

// load builds the struct module.
func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("struct")
	m.Set("error", runtime.Obj(ErrorType))
	m.Set("Struct", runtime.Obj(StructType))
	def := func(name string, op operation) {
		m.Set(name, runtime.NewBuiltin(name, func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if len(args) == 0 {
				return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s expected at least 1 argument, got 0", name)
			}
			l, err := layoutOf(th, args[0])
			if err != nil {
				return runtime.Value{}, err
			}
			return op(th, l, args[1:], kw)
		}))
	}
	for name, op := range operations {
		def(name, op)
	}
	def("calcsize", func(th *runtime.Thread, l *layout, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("calcsize", args, kw); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Int(int64(l.size)), nil
	})
	return m
}

// pack is pack(v1, v2, ...): the packed bytes.
func pack(th *runtime.Thread, l *layout, vals []runtime.Value) (runtime.Value, error) {
	if err := th.Alloc(int64(l.size)); err != nil {
		return runtime.Value{}, err
	}
	buf := make([]byte, l.size)
	if err := l.pack(th, buf, vals); err != nil {
		return runtime.Value{}, err
	}
	return runtime.NewBytes(buf), nil
}

// readBuffer reads a bytes-like argument.
func readBuffer(th *runtime.Thread, v runtime.Value) ([]byte, error) {
	b, ok, err := bufarg.Bytes(th, v)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, runtime.Errorf(runtime.TypeError, "a bytes-like object is required, not '%s'", v.Type().Name)
	}
	return b, nil
}

// unpack is unpack(buffer): the tuple of values of a buffer of exactly
// the format's size.
func unpack(th *runtime.Thread, l *layout, v runtime.Value) (runtime.Value, error) {
	b, err := readBuffer(th, v)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(b) != l.size {
		return runtime.Value{}, errorf("unpack requires a buffer of %d bytes", l.size)
	}
	return runtime.Obj(runtime.NewTuple(l.unpack(b))), nil
}

// unpackFrom is unpack_from(buffer, offset=0).
func unpackFrom(th *runtime.Thread, l *layout, v runtime.Value, offset int) (runtime.Value, error) {
	b, err := readBuffer(th, v)
	if err != nil {
		return runtime.Value{}, err
	}
	if offset < 0 {
		if offset+len(b) < 0 {
			return runtime.Value{}, errorf("offset %d out of range for %d-byte buffer", offset, len(b))
		}
		offset += len(b)
	}
	if len(b)-offset < l.size {
		return runtime.Value{}, errorf("unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d (actual buffer size is %d)",
			l.size+offset, l.size, offset, len(b))
	}
	return runtime.Obj(runtime.NewTuple(l.unpack(b[offset : offset+l.size]))), nil
}

// packInto is pack_into(buffer, offset, v1, v2, ...) into a bytearray.
func packInto(th *runtime.Thread, l *layout, args []runtime.Value) (runtime.Value, error) {
	if len(args) < 2 {
		if len(args) == 0 {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "pack_into expected buffer argument")
		}
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "pack_into expected offset argument")
	}
	ba, ok := runtime.As[*runtime.ByteArray](args[0])
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "argument must be read-write bytes-like object, not %s", args[0].Type().Name)
	}
	offset, err := runtime.IndexValue(args[1])
	if err != nil {
		return runtime.Value{}, err
	}
	n := int64(len(ba.B))
	if offset < 0 {
		if offset+int64(l.size) > 0 {
			return runtime.Value{}, errorf("no space to pack %d bytes at offset %d", l.size, offset)
		}
		if offset+n < 0 {
			return runtime.Value{}, errorf("offset %d out of range for %d-byte buffer", offset, n)
		}
		offset += n
	}
	if n-offset < int64(l.size) {
		return runtime.Value{}, errorf("pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d (actual buffer size is %d)",
			int64(l.size)+offset, l.size, offset, n)
	}
	tmp := make([]byte, l.size)
	if err := l.pack(th, tmp, args[2:]); err != nil {
		return runtime.Value{}, err
	}
	copy(ba.B[offset:], tmp)
	return runtime.None, nil
}

// iterUnpack is iter_unpack(buffer): an iterator of the tuples of each
// consecutive chunk.
func iterUnpack(th *runtime.Thread, l *layout, v runtime.Value) (runtime.Value, error) {
	if l.size == 0 {
		return runtime.Value{}, errorf("cannot iteratively unpack with a struct of length 0")
	}
	b, err := readBuffer(th, v)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(b)%l.size != 0 {
		return runtime.Value{}, errorf("iterative unpacking requires a buffer of a multiple of %d bytes", l.size)
	}
	if err := th.Work(int64(len(b) / 8)); err != nil {
		return runtime.Value{}, err
	}
	if err := th.CheckAlloc(int64(len(b)/l.size), 64+16*int64(l.items)); err != nil {
		return runtime.Value{}, err
	}
	var rows []runtime.Value
	for i := 0; i < len(b); i += l.size {
		rows = append(rows, runtime.Obj(runtime.NewTuple(l.unpack(b[i:i+l.size]))))
	}
	it, _, err := th.CallMethod(runtime.NewList(rows), "__iter__")
	return it, err
}
