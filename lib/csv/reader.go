package csv

// This file defines the reader objects that csv.reader returns: Go
// iterators over the records of an iterable of lines.

import (
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// ReaderType is the class of csv.reader objects (CPython's _csv.reader).
var ReaderType = runtime.NewType("reader", runtime.ObjectType)

// ReaderObj is a csv.reader object.
type ReaderObj struct {
	lines   runtime.Value // the iterator of lines
	opts    *options
	dialect runtime.Value
	lineNum int64
	module  *runtime.Module // for field_size_limit's current value
	errCls  runtime.Value
}

// Type returns ReaderType.
func (*ReaderObj) Type() *runtime.Type { return ReaderType }

// Next returns the next record, as the iterator protocol asks.
func (r *ReaderObj) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	limit := 128 * 1024
	if v, ok := r.module.Get("_limit"); ok {
		if n, err := runtime.IndexValue(v); err == nil {
			limit = int(n)
		}
	}
	fields, err := readRecord(th, r.lines, r.opts, limit, r.errCls, &r.lineNum)
	if err != nil || fields == nil {
		return runtime.Value{}, false, err
	}
	return runtime.NewList(fields), true, nil
}

// Attr returns the read-only attributes line_num and dialect.
func (r *ReaderObj) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "line_num":
		return runtime.Int(r.lineNum), true
	case "dialect":
		return r.dialect, true
	}
	return runtime.Value{}, false
}

// SetAttrValue refuses: a reader's attributes are read-only.
func (*ReaderObj) SetAttrValue(string, runtime.Value) bool { return false }

// DelAttrValue refuses, as SetAttrValue.
func (*ReaderObj) DelAttrValue(string) bool { return false }

// Footprint implements runtime.MemNode.
func (r *ReaderObj) Footprint() int64 {
	return int64(unsafe.Sizeof(*r)) + int64(unsafe.Sizeof(*r.opts)) + int64(len(r.opts.lineterminator))
}

// Referents implements runtime.MemNode.
func (r *ReaderObj) Referents(w *runtime.MemWalker) {
	w.Value(r.lines)
	w.Value(r.dialect)
	w.Value(r.errCls)
}

func init() {
	ReaderType.Module = "_csv"
	// Readers come only from csv.reader, and cannot be subclassed, as in
	// CPython.
	ReaderType.Final = true
	ReaderType.New = func(*runtime.Thread, *runtime.Type, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "cannot create '_csv.reader' instances")
	}
	ReaderType.Methods(map[string]runtime.BuiltinFn{
		"__iter__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return self, runtime.UnpackArgs("__iter__", args, kw)
		},
		"__next__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.UnpackArgs("__next__", args, kw); err != nil {
				return runtime.Value{}, err
			}
			return runtime.Next(th, self)
		},
	})
}

// makeReader is _make_reader(lines, dialect, options, error_class).
func makeReader(m *runtime.Module) runtime.BuiltinFn {
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var lines, dialect, opts, errCls runtime.Value
		if err := runtime.UnpackArgs("_make_reader", args, kw, "lines", &lines, "dialect", &dialect, "options", &opts, "error", &errCls); err != nil {
			return runtime.Value{}, err
		}
		o, err := readOptions(th, opts)
		if err != nil {
			return runtime.Value{}, err
		}
		it, err := runtime.Iter(th, lines)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.Obj(&ReaderObj{lines: runtime.Obj(it), opts: o, dialect: dialect, module: m, errCls: errCls}), nil
	}
}
