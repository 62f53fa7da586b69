package runtime

// This file implements the methods of list and the list() constructor,
// with CPython 3.11's argument checking and error messages.

import "math"

// sliceIndexArg converts a start/stop argument of index() as CPython's
// _PyEval_SliceIndexNotNone: ints clamp to the machine range, anything
// without __index__ is a TypeError.
func sliceIndexArg(v Value) (int64, error) {
	if n, ok := asInt64(v); ok {
		return n, nil
	}
	if b, ok := v.obj.(*Big); ok {
		if b.X.Sign() < 0 {
			return math.MinInt64, nil
		}
		return math.MaxInt64, nil
	}
	return 0, Errorf(TypeError, "slice indices must be integers or have an __index__ method")
}

// ssizeArg converts an index argument as CPython's "n" format
// (Py_ssize_t): ints that do not fit overflow.
func ssizeArg(v Value) (int64, error) {
	if n, ok := asInt64(v); ok {
		return n, nil
	}
	if _, ok := v.obj.(*Big); ok {
		return 0, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
	}
	return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// indexBounds reads the optional start and stop arguments of index() and
// adjusts negative ones by the length n, as list.index and tuple.index do.
func indexBounds(args []Value, n int) (int, int, error) {
	start, stop := int64(0), int64(math.MaxInt64)
	var err error
	if len(args) > 1 {
		if start, err = sliceIndexArg(args[1]); err != nil {
			return 0, 0, err
		}
	}
	if len(args) > 2 {
		if stop, err = sliceIndexArg(args[2]); err != nil {
			return 0, 0, err
		}
	}
	if start < 0 {
		start += int64(n)
		if start < 0 {
			start = 0
		}
	}
	if stop < 0 {
		stop += int64(n)
		if stop < 0 {
			stop = 0
		}
	}
	return int(start), int(stop), nil
}

// countValue counts the items equal to x, re-reading the slice after each
// comparison because __eq__ may mutate the container.
func countValue(th *Thread, items func() []Value, x Value) (int, error) {
	n := 0
	for i := 0; i < len(items()); i++ {
		eq, err := Equal(th, items()[i], x)
		if err != nil {
			return 0, err
		}
		if eq {
			n++
		}
	}
	return n, nil
}

func asList(v Value) *List { return v.obj.(*List) }

var listMethods = map[string]BuiltinFn{
	"append": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("list.append", args, kw); err != nil {
			return Value{}, err
		}
		l := asList(self)
		if err := th.CheckGrow(l.Items, 1); err != nil {
			return Value{}, err
		}
		l.Append(args[0])
		return None, nil
	},
	"extend": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("list.extend", args, kw); err != nil {
			return Value{}, err
		}
		return None, ListExtend(th, asList(self), args[0])
	},
	"insert": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("list.insert", args, kw, 2, 2); err != nil {
			return Value{}, err
		}
		i, err := ssizeArg(args[0])
		if err != nil {
			return Value{}, err
		}
		l := asList(self)
		n := int64(len(l.Items))
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		l.Items = append(l.Items, Value{})
		copy(l.Items[i+1:], l.Items[i:])
		l.Items[i] = args[1]
		return None, nil
	},
	"pop": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("list.pop", args, kw, 0, 1); err != nil {
			return Value{}, err
		}
		i := int64(-1)
		if len(args) == 1 {
			var err error
			if i, err = ssizeArg(args[0]); err != nil {
				return Value{}, err
			}
		}
		l := asList(self)
		if len(l.Items) == 0 {
			return Value{}, Errorf(IndexError, "pop from empty list")
		}
		j, ok := normIndex(i, len(l.Items))
		if !ok {
			return Value{}, Errorf(IndexError, "pop index out of range")
		}
		v := l.Items[j]
		copy(l.Items[j:], l.Items[j+1:])
		l.Items[len(l.Items)-1] = Value{}
		l.Items = l.Items[:len(l.Items)-1]
		return v, nil
	},
	"remove": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("list.remove", args, kw); err != nil {
			return Value{}, err
		}
		l := asList(self)
		for i := 0; i < len(l.Items); i++ {
			eq, err := Equal(th, l.Items[i], args[0])
			if err != nil {
				return Value{}, err
			}
			if eq {
				if i < len(l.Items) { // __eq__ may have shrunk the list
					copy(l.Items[i:], l.Items[i+1:])
					l.Items[len(l.Items)-1] = Value{}
					l.Items = l.Items[:len(l.Items)-1]
				}
				return None, nil
			}
		}
		return Value{}, Errorf(ValueError, "list.remove(x): x not in list")
	},
	"index": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("list.index", args, kw, 1, 3); err != nil {
			return Value{}, err
		}
		l := asList(self)
		start, stop, err := indexBounds(args, len(l.Items))
		if err != nil {
			return Value{}, err
		}
		for i := start; i < stop && i < len(l.Items); i++ {
			eq, err := Equal(th, l.Items[i], args[0])
			if err != nil {
				return Value{}, err
			}
			if eq {
				return Int(int64(i)), nil
			}
		}
		r, err := Repr(th, args[0])
		if err != nil {
			return Value{}, err
		}
		return Value{}, Errorf(ValueError, "%s is not in list", r)
	},
	"count": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("list.count", args, kw); err != nil {
			return Value{}, err
		}
		l := asList(self)
		n, err := countValue(th, func() []Value { return l.Items }, args[0])
		return Int(int64(n)), err
	},
	"reverse": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("list.reverse", args, kw); err != nil {
			return Value{}, err
		}
		reverseValues(asList(self).Items)
		return None, nil
	},
	"copy": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("list.copy", args, kw); err != nil {
			return Value{}, err
		}
		items, err := th.copyValues(asList(self).Items)
		if err != nil {
			return Value{}, err
		}
		return NewList(items), nil
	},
	"clear": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("list.clear", args, kw); err != nil {
			return Value{}, err
		}
		asList(self).Items = nil
		return None, nil
	},
	"sort": listSort,
	"__len__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("list.__len__", args, kw); err != nil {
			return Value{}, err
		}
		return Int(int64(len(asList(self).Items))), nil
	},
	"__getitem__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("list.__getitem__", args, kw); err != nil {
			return Value{}, err
		}
		return GetItem(th, self, args[0])
	},
	"__contains__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("list.__contains__", args, kw); err != nil {
			return Value{}, err
		}
		in, err := containsValue(th, asList(self).Items, args[0])
		return MakeBool(in), err
	},
	"__iter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("list.__iter__", args, kw); err != nil {
			return Value{}, err
		}
		it, err := Iter(th, self)
		if err != nil {
			return Value{}, err
		}
		return Obj(it), nil
	},
}

// ListExtend appends the items of an iterable to l (list.extend and +=).
// Extending a list with itself doubles it, as in CPython.
func ListExtend(th *Thread, l *List, iterable Value) error {
	switch o := iterable.obj.(type) {
	case *List:
		if err := th.CheckGrow(l.Items, len(o.Items)); err != nil {
			return err
		}
		l.Items = append(l.Items, o.Items...)
		return nil
	case *Tuple:
		if err := th.CheckGrow(l.Items, len(o.Items)); err != nil {
			return err
		}
		l.Items = append(l.Items, o.Items...)
		return nil
	}
	it, err := Iter(th, iterable)
	if err != nil {
		return err
	}
	for {
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		if err := th.CheckGrow(l.Items, 1); err != nil {
			return err
		}
		l.Items = append(l.Items, v)
	}
}

// reverseValues reverses a slice in place.
func reverseValues(items []Value) {
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
}

func init() {
	ListType.Methods(listMethods)
	ListType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("list", args, kw, 0, 1); err != nil {
			return Value{}, err
		}
		if len(args) == 0 {
			return NewList(nil), nil
		}
		items, err := Collect(th, args[0])
		if err != nil {
			return Value{}, err
		}
		return NewList(items), nil
	}
}
