package collections

// This file defines _count_elements, the loop behind Counter(iterable)
// and Counter.update(iterable): it runs in Go for a plain dict or a
// subclass that keeps dict's get and __setitem__.

import (
	"math"

	"github.com/aio-lang/aio/runtime"
)

// plainDictOps reports whether m's class reads and writes items as dict
// does, so that the counting loop may use the dict directly.
func plainDictOps(m runtime.Value) bool {
	t := m.Type()
	if t == runtime.DictType {
		return true
	}
	for _, name := range []string{"get", "__setitem__"} {
		f, ok := t.Lookup(name)
		if !ok {
			return false
		}
		md, ok := runtime.As[*runtime.MethodDescriptor](f)
		if !ok || md.Owner != runtime.DictType {
			return false
		}
	}
	return true
}

// countElements is _count_elements(mapping, iterable): mapping[x] =
// mapping.get(x, 0) + 1 for each x.
func countElements(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var mapping, iterable runtime.Value
	if err := runtime.UnpackArgs("_count_elements", args, kw, "mapping", &mapping, "iterable", &iterable); err != nil {
		return runtime.Value{}, err
	}
	it, err := runtime.Iter(th, iterable)
	if err != nil {
		return runtime.Value{}, err
	}
	one := runtime.Int(1)
	d, direct := runtime.As[*runtime.Dict](mapping)
	direct = direct && plainDictOps(mapping)
	var get runtime.Value
	if !direct {
		if get, err = runtime.GetAttr(th, mapping, "get"); err != nil {
			return runtime.Value{}, err
		}
	}
	for i := 1; ; i++ {
		x, ok, err := it.Next(th)
		if err != nil {
			return runtime.Value{}, err
		}
		if !ok {
			return runtime.None, nil
		}
		if i&4095 == 0 {
			if err := th.Work(4096); err != nil {
				return runtime.Value{}, err
			}
		}
		var old runtime.Value
		if direct {
			counted, err := d.CountUp(th, x)
			if err != nil {
				return runtime.Value{}, err
			}
			if counted {
				continue
			}
			v, found, err := d.Get(th, x)
			if err != nil {
				return runtime.Value{}, err
			}
			if !found {
				if err := d.SetItem(th, x, one); err != nil {
					return runtime.Value{}, err
				}
				continue
			}
			old = v
		} else if old, err = th.Call(get, []runtime.Value{x, runtime.Int(0)}, nil); err != nil {
			return runtime.Value{}, err
		}
		var n runtime.Value
		if old.IsSmallInt() && old.SmallInt() < math.MaxInt64 {
			n = runtime.Int(old.SmallInt() + 1)
		} else if n, err = runtime.Binary(th, runtime.OpAdd, old, one); err != nil {
			return runtime.Value{}, err
		}
		if direct {
			err = d.SetItem(th, x, n)
		} else {
			err = runtime.SetItem(th, mapping, x, n)
		}
		if err != nil {
			return runtime.Value{}, err
		}
	}
}
