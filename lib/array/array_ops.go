package array

// This file is the array class's method table.

import (
	"github.com/aio-lang/aio/lib/internal/seqops"
	"github.com/aio-lang/aio/runtime"
)

// arg1 unpacks the single argument of a method.
func arg1(name string, args []val, kw kws) (val, error) {
	if _, err := runtime.OneArg(name, args, kw); err != nil {
		return val{}, err
	}
	return args[0], nil
}

var arrayMethods map[string]fn

func init() {
	arrayMethods = map[string]fn{
		"append": func(t *th, s val, args []val, kw kws) (val, error) {
			x, err := arg1("append", args, kw)
			if err != nil {
				return val{}, err
			}
			a := self(s)
			v, err := a.convert(t, x)
			if err != nil {
				return val{}, err
			}
			if err := t.CheckGrow(a.items, 1); err != nil {
				return val{}, err
			}
			a.items = append(a.items, v)
			return runtime.None, nil
		},
		"extend": func(t *th, s val, args []val, kw kws) (val, error) {
			x, err := arg1("extend", args, kw)
			if err != nil {
				return val{}, err
			}
			return runtime.None, self(s).extend(t, x)
		},
		"fromlist": func(t *th, s val, args []val, kw kws) (val, error) {
			x, err := arg1("fromlist", args, kw)
			if err != nil {
				return val{}, err
			}
			if x.Type() != runtime.ListType {
				return val{}, runtime.Errorf(runtime.TypeError, "arg must be list")
			}
			return runtime.None, self(s).extend(t, x)
		},
		"frombytes": func(t *th, s val, args []val, kw kws) (val, error) {
			x, err := arg1("frombytes", args, kw)
			if err != nil {
				return val{}, err
			}
			return runtime.None, self(s).fromBytes(t, x)
		},
		"fromunicode": func(t *th, s val, args []val, kw kws) (val, error) {
			x, err := arg1("fromunicode", args, kw)
			if err != nil {
				return val{}, err
			}
			a := self(s)
			str, ok := runtime.As[*runtime.StrObj](x)
			if !ok {
				return val{}, runtime.Errorf(runtime.TypeError, "fromunicode() argument must be str, not %s", x.Type().Name)
			}
			if !a.kind.char {
				return val{}, runtime.Errorf(runtime.ValueError, "fromunicode() may only be called on unicode type arrays")
			}
			return runtime.None, a.extendChars(t, str)
		},
		"tolist": func(t *th, s val, args []val, kw kws) (val, error) {
			if err := runtime.NoArgs("tolist", args, kw); err != nil {
				return val{}, err
			}
			return runtime.NewList(append([]val(nil), self(s).items...)), nil
		},
		"tobytes": func(t *th, s val, args []val, kw kws) (val, error) {
			if err := runtime.NoArgs("tobytes", args, kw); err != nil {
				return val{}, err
			}
			a := self(s)
			if err := t.Alloc(int64(len(a.items) * a.kind.size)); err != nil {
				return val{}, err
			}
			return runtime.NewBytes(a.appendBytes(nil, a.items)), nil
		},
		"tounicode": func(t *th, s val, args []val, kw kws) (val, error) {
			if err := runtime.NoArgs("tounicode", args, kw); err != nil {
				return val{}, err
			}
			a := self(s)
			if !a.kind.char {
				return val{}, runtime.Errorf(runtime.ValueError, "tounicode() may only be called on unicode type arrays")
			}
			out := make([]byte, 0, len(a.items))
			for _, v := range a.items {
				c, _ := runtime.As[*runtime.StrObj](v)
				out = append(out, c.S...)
			}
			return runtime.Str(string(out)), nil
		},
		"insert": func(t *th, s val, args []val, kw kws) (val, error) {
			if err := runtime.PositionalArgs("insert", args, kw, 2, 2); err != nil {
				return val{}, err
			}
			i, err := runtime.IndexValue(args[0])
			if err != nil {
				return val{}, err
			}
			a := self(s)
			v, err := a.convert(t, args[1])
			if err != nil {
				return val{}, err
			}
			n := int64(len(a.items))
			if i < 0 {
				i = max(i+n, 0)
			}
			i = min(i, n)
			a.items = append(a.items, val{})
			copy(a.items[i+1:], a.items[i:])
			a.items[i] = v
			return runtime.None, nil
		},
		"pop": func(t *th, s val, args []val, kw kws) (val, error) {
			if err := runtime.PositionalArgs("pop", args, kw, 0, 1); err != nil {
				return val{}, err
			}
			a := self(s)
			if len(a.items) == 0 {
				return val{}, runtime.Errorf(runtime.IndexError, "pop from empty array")
			}
			at := runtime.Int(-1)
			if len(args) == 1 {
				at = args[0]
			}
			i, err := a.index(at, "pop index out of range")
			if err != nil {
				return val{}, err
			}
			v := a.items[i]
			a.items = append(a.items[:i], a.items[i+1:]...)
			return v, nil
		},
		"remove": func(t *th, s val, args []val, kw kws) (val, error) {
			x, err := arg1("remove", args, kw)
			if err != nil {
				return val{}, err
			}
			a := self(s)
			i, err := a.find(t, x, 0, len(a.items))
			if err != nil {
				return val{}, err
			}
			if i < 0 {
				return val{}, runtime.Errorf(runtime.ValueError, "array.remove(x): x not in array")
			}
			a.items = append(a.items[:i], a.items[i+1:]...)
			return runtime.None, nil
		},
		"index": func(t *th, s val, args []val, kw kws) (val, error) {
			var x val
			var lo, hi int64 = 0, 1 << 62
			if err := runtime.UnpackArgs("index", args, kw, "v", &x, "start?", &lo, "stop?", &hi); err != nil {
				return val{}, err
			}
			a := self(s)
			n := int64(len(a.items))
			if lo < 0 {
				lo = max(lo+n, 0)
			}
			if hi < 0 {
				hi = max(hi+n, 0)
			}
			i, err := a.find(t, x, int(min(lo, n)), int(min(hi, n)))
			if err != nil {
				return val{}, err
			}
			if i < 0 {
				return val{}, runtime.Errorf(runtime.ValueError, "array.index(x): x not in array")
			}
			return runtime.Int(int64(i)), nil
		},
		"count": func(t *th, s val, args []val, kw kws) (val, error) {
			x, err := arg1("count", args, kw)
			if err != nil {
				return val{}, err
			}
			n := int64(0)
			for _, v := range self(s).items {
				eq, err := runtime.Equal(t, v, x)
				if err != nil {
					return val{}, err
				}
				if eq {
					n++
				}
			}
			return runtime.Int(n), nil
		},
		"reverse": func(t *th, s val, args []val, kw kws) (val, error) {
			if err := runtime.NoArgs("reverse", args, kw); err != nil {
				return val{}, err
			}
			it := self(s).items
			for i, j := 0, len(it)-1; i < j; i, j = i+1, j-1 {
				it[i], it[j] = it[j], it[i]
			}
			return runtime.None, nil
		},
		"buffer_info": func(t *th, s val, args []val, kw kws) (val, error) {
			a := self(s)
			return runtime.TupleOf(runtime.Int(0), runtime.Int(int64(len(a.items)))), nil
		},
		"__len__": func(t *th, s val, args []val, kw kws) (val, error) {
			return runtime.Int(int64(len(self(s).items))), nil
		},
		"__iter__": func(t *th, s val, args []val, kw kws) (val, error) {
			return runtime.Obj(&arrayIter{a: self(s)}), nil
		},
		"__contains__": func(t *th, s val, args []val, kw kws) (val, error) {
			x, err := arg1("__contains__", args, kw)
			if err != nil {
				return val{}, err
			}
			a := self(s)
			i, err := a.find(t, x, 0, len(a.items))
			return runtime.MakeBool(i >= 0), err
		},
		"__getitem__": func(t *th, s val, args []val, kw kws) (val, error) {
			x, err := arg1("__getitem__", args, kw)
			if err != nil {
				return val{}, err
			}
			a := self(s)
			if sl, ok := runtime.As[*runtime.Slice](x); ok {
				idx, err := a.slots(sl)
				if err != nil {
					return val{}, err
				}
				out := make([]val, len(idx))
				for k, i := range idx {
					out[k] = a.items[i]
				}
				return runtime.Obj(a.like(out)), nil
			}
			i, err := a.index(x, "array index out of range")
			if err != nil {
				return val{}, err
			}
			return a.items[i], nil
		},
		"__setitem__": func(t *th, s val, args []val, kw kws) (val, error) {
			if err := runtime.PositionalArgs("__setitem__", args, kw, 2, 2); err != nil {
				return val{}, err
			}
			a := self(s)
			if sl, ok := runtime.As[*runtime.Slice](args[0]); ok {
				return runtime.None, a.setSlice(t, sl, args[1])
			}
			i, err := a.index(args[0], "array assignment index out of range")
			if err != nil {
				return val{}, err
			}
			v, err := a.convert(t, args[1])
			if err != nil {
				return val{}, err
			}
			a.items[i] = v
			return runtime.None, nil
		},
		"__delitem__": func(t *th, s val, args []val, kw kws) (val, error) {
			x, err := arg1("__delitem__", args, kw)
			if err != nil {
				return val{}, err
			}
			a := self(s)
			if sl, ok := runtime.As[*runtime.Slice](x); ok {
				idx, err := a.slots(sl)
				if err != nil {
					return val{}, err
				}
				gone := make(map[int]bool, len(idx))
				for _, i := range idx {
					gone[i] = true
				}
				kept := a.items[:0]
				for i, v := range a.items {
					if !gone[i] {
						kept = append(kept, v)
					}
				}
				clear(a.items[len(kept):])
				a.items = kept
				return runtime.None, nil
			}
			i, err := a.index(x, "array assignment index out of range")
			if err != nil {
				return val{}, err
			}
			a.items = append(a.items[:i], a.items[i+1:]...)
			return runtime.None, nil
		},
		"__repr__": func(t *th, s val, args []val, kw kws) (val, error) {
			r, err := self(s).repr(t)
			return runtime.Str(r), err
		},
		"__copy__": func(t *th, s val, args []val, kw kws) (val, error) {
			a := self(s)
			return runtime.Obj(a.like(append([]val(nil), a.items...))), nil
		},
		"__deepcopy__": func(t *th, s val, args []val, kw kws) (val, error) {
			a := self(s)
			return runtime.Obj(a.like(append([]val(nil), a.items...))), nil
		},
		"__add__": func(t *th, s val, args []val, kw kws) (val, error) {
			x, err := arg1("__add__", args, kw)
			if err != nil {
				return val{}, err
			}
			a := self(s)
			o, ok := runtime.As[*Array](x)
			if !ok {
				return val{}, runtime.Errorf(runtime.TypeError, "can only append array (not \"%s\") to array", x.Type().Name)
			}
			if o.code != a.code {
				return val{}, runtime.Errorf(runtime.TypeError, "bad argument type for built-in operation")
			}
			out := append(append(make([]val, 0, len(a.items)+len(o.items)), a.items...), o.items...)
			return runtime.Obj(a.like(out)), nil
		},
		"__iadd__": func(t *th, s val, args []val, kw kws) (val, error) {
			x, err := arg1("__iadd__", args, kw)
			if err != nil {
				return val{}, err
			}
			a := self(s)
			o, ok := runtime.As[*Array](x)
			if !ok {
				return val{}, runtime.Errorf(runtime.TypeError, "can only extend array with array (not \"%s\")", x.Type().Name)
			}
			return s, a.extend(t, runtime.Obj(o))
		},
		"__mul__":  arrayMul(false),
		"__rmul__": arrayMul(false),
		"__imul__": arrayMul(true),
		"__lt__":   arrayCmp(runtime.CmpLT),
		"__le__":   arrayCmp(runtime.CmpLE),
		"__eq__":   arrayCmp(runtime.CmpEQ),
		"__ne__":   arrayCmp(runtime.CmpNE),
		"__gt__":   arrayCmp(runtime.CmpGT),
		"__ge__":   arrayCmp(runtime.CmpGE),
	}
}

// setSlice is a[slice] = other, other an array of the same typecode.
func (a *Array) setSlice(t *runtime.Thread, sl *runtime.Slice, x runtime.Value) error {
	o, ok := runtime.As[*Array](x)
	if !ok {
		return runtime.Errorf(runtime.TypeError, "can only assign array (not \"%s\") to array slice", x.Type().Name)
	}
	if o.code != a.code {
		return runtime.Errorf(runtime.TypeError, "bad argument type for built-in operation")
	}
	src := append([]val(nil), o.items...)
	start, stop, step, n, err := runtime.SliceIndices(sl, len(a.items))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		if err := t.CheckGrow(a.items, len(src)); err != nil {
			return err
		}
		rest := append(src, a.items[stop:]...)
		a.items = append(a.items[:start], rest...)
		return nil
	}
	if len(src) != n {
		return runtime.Errorf(runtime.ValueError, "attempt to assign array of size %d to extended slice of size %d", len(src), n)
	}
	for k := 0; k < n; k++ {
		a.items[start+k*step] = src[k]
	}
	return nil
}

// arrayMul is __mul__/__rmul__, or __imul__ when inPlace.
func arrayMul(inPlace bool) fn {
	return func(t *th, s val, args []val, kw kws) (val, error) {
		x, err := arg1("__mul__", args, kw)
		if err != nil {
			return val{}, err
		}
		n, notImpl, err := seqops.RepeatCount(x)
		if notImpl || err != nil {
			return runtime.NotImplemented, err
		}
		a := self(s)
		n = max(n, 0)
		if err := t.CheckAlloc(n*int64(len(a.items)), 24); err != nil {
			return val{}, err
		}
		out := make([]val, 0, n*int64(len(a.items)))
		for k := int64(0); k < n; k++ {
			out = append(out, a.items...)
		}
		if inPlace {
			a.items = out
			return s, nil
		}
		return runtime.Obj(a.like(out)), nil
	}
}

// arrayCmp returns the rich comparison method for op.
func arrayCmp(op runtime.CmpOp) fn {
	return func(t *th, s val, args []val, kw kws) (val, error) {
		x, err := arg1("comparison", args, kw)
		if err != nil {
			return val{}, err
		}
		o, ok := runtime.As[*Array](x)
		if !ok {
			return runtime.NotImplemented, nil
		}
		return seqops.Compare(t, op, self(s).items, o.items)
	}
}
