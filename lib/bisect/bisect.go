// Package bisect is Python's bisect module: binary search and insertion
// in sorted sequences, with lo/hi bounds and a key function.
package bisect

// This file defines the module and its four searches.

import (
	"github.com/aio-lang/aio/runtime"
)

func init() { runtime.RegisterStdModule("bisect", load) }

// load builds the bisect module.
func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("bisect")
	for _, f := range []struct {
		name   string
		right  bool
		insert bool
	}{
		{"bisect_left", false, false}, {"bisect_right", true, false},
		{"insort_left", false, true}, {"insort_right", true, true},
	} {
		fn := search(f.name, f.right, f.insert)
		m.Set(f.name, runtime.NewBuiltin(f.name, fn))
		switch f.name {
		case "bisect_right":
			m.Set("bisect", runtime.NewBuiltin("bisect_right", fn))
		case "insort_right":
			m.Set("insort", runtime.NewBuiltin("insort_right", fn))
		}
	}
	return m
}

// search returns one of the module's functions: bisect_left/right, or
// insort_left/right when insert is set.
func search(fname string, right, insert bool) runtime.BuiltinFn {
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var a, x runtime.Value
		var lo int64
		hi, key := runtime.None, runtime.None
		if err := runtime.UnpackArgs(fname, args, kw, "a", &a, "x", &x, "lo?", &lo, "hi?", &hi, "$key?", &key); err != nil {
			return runtime.Value{}, err
		}
		if lo < 0 {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "lo must be non-negative")
		}
		var n int64
		if hi.IsNone() {
			l, err := runtime.Len(th, a)
			if err != nil {
				return runtime.Value{}, err
			}
			n = int64(l)
		} else {
			var err error
			if n, err = runtime.IndexValue(hi); err != nil {
				return runtime.Value{}, err
			}
		}
		target := x
		if insert && !key.IsNone() {
			var err error
			if target, err = th.Call(key, []runtime.Value{x}, nil); err != nil {
				return runtime.Value{}, err
			}
		}
		i, err := find(th, a, target, key, lo, n, right)
		if err != nil {
			return runtime.Value{}, err
		}
		if !insert {
			return runtime.Int(i), nil
		}
		if l, ok := runtime.As[*runtime.List](a); ok && a.Type() == runtime.ListType {
			if err := th.CheckGrow(l.Items, 1); err != nil {
				return runtime.Value{}, err
			}
			if i > int64(len(l.Items)) {
				i = int64(len(l.Items))
			}
			l.Items = append(l.Items, runtime.Value{})
			copy(l.Items[i+1:], l.Items[i:])
			l.Items[i] = x
			return runtime.None, nil
		}
		ins, err := runtime.GetAttr(th, a, "insert")
		if err != nil {
			return runtime.Value{}, err
		}
		_, err = th.Call(ins, []runtime.Value{runtime.Int(i), x}, nil)
		return runtime.None, err
	}
}

// find is the binary search over a[lo:hi]: the first index whose item
// (or its key) is not below x, or with right the first one above x.
func find(th *runtime.Thread, a, x, key runtime.Value, lo, hi int64, right bool) (int64, error) {
	list, isList := runtime.As[*runtime.List](a)
	for lo < hi {
		mid := int64(uint64(lo+hi) / 2)
		var item runtime.Value
		if isList && mid < int64(len(list.Items)) {
			item = list.Items[mid]
		} else {
			var err error
			if item, err = runtime.GetItem(th, a, runtime.Int(mid)); err != nil {
				return 0, err
			}
		}
		if !key.IsNone() {
			var err error
			if item, err = th.Call(key, []runtime.Value{item}, nil); err != nil {
				return 0, err
			}
		}
		var below bool
		var err error
		if right {
			var above bool
			above, err = runtime.Less(th, x, item)
			below = !above
		} else {
			below, err = runtime.Less(th, item, x)
		}
		if err != nil {
			return 0, err
		}
		if below {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, nil
}
