package collections

// This file defines deque's class: its constructor and its methods,
// special methods included.

import (
	"sort"
	"strconv"
	"strings"

	"github.com/aio-lang/aio/lib/internal/seqops"
	"github.com/aio-lang/aio/runtime"
)

// dequeSelf returns a method's receiver.
func dequeSelf(self runtime.Value) *Deque { d, _ := runtime.As[*Deque](self); return d }

// newDequeType makes the deque class of one interpreter.
func newDequeType() *runtime.Type {
	t := seqops.NewClass("deque", "collections", dequeNew, dequeMethods)
	t.SetAttr("__class_getitem__", runtime.Obj(&runtime.ClassMethod{Func: runtime.NewBuiltin("__class_getitem__", seqops.BareGeneric)}))
	t.SetAttr("maxlen", runtime.Obj(&runtime.Property{Name: "maxlen", Fget: runtime.NewBuiltin("maxlen", dequeMaxlen)}))
	return t
}

// dequeNew is deque.__new__: an empty deque, filled from the arguments
// here unless a subclass's own __init__ is to run (then it decides).
func dequeNew(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	d := &Deque{cls: cls, maxlen: -1}
	if init, ok := cls.Lookup("__init__"); ok {
		if _, builtin := runtime.As[*runtime.MethodDescriptor](init); !builtin {
			return runtime.Obj(d), nil
		}
	}
	if err := d.init(th, args, kw); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(d), nil
}

// init is deque.__init__(iterable=(), maxlen=None).
func (d *Deque) init(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) error {
	var iterable runtime.Value
	maxlen := runtime.None
	if err := runtime.UnpackArgs("deque", args, kw, "iterable?", &iterable, "maxlen?", &maxlen); err != nil {
		return err
	}
	d.maxlen = -1
	if !maxlen.IsNone() {
		m, err := runtime.IndexValue(maxlen)
		if err != nil {
			return err
		}
		if m < 0 {
			return runtime.Errorf(runtime.ValueError, "maxlen must be non-negative")
		}
		d.maxlen = int(m)
	}
	if d.n > 0 {
		d.clear()
	}
	if iterable.IsValid() {
		return d.extend(th, iterable, false)
	}
	return nil
}

// extend appends (or with left prepends) the items of an iterable.
func (d *Deque) extend(th *runtime.Thread, iterable runtime.Value, left bool) error {
	if o, ok := runtime.As[*Deque](iterable); ok && o == d {
		// Extending a deque with itself reads a snapshot.
		iterable = runtime.NewList(d.items())
	}
	push := d.pushBack
	if left {
		push = d.pushFront
	}
	if l, ok := runtime.As[*runtime.List](iterable); ok {
		for i := 0; i < len(l.Items); i++ {
			if err := push(th, l.Items[i]); err != nil {
				return err
			}
		}
		return th.Work(int64(len(l.Items)) / 16)
	}
	it, err := runtime.Iter(th, iterable)
	if err != nil {
		return err
	}
	for i := 1; ; i++ {
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		if err := push(th, v); err != nil {
			return err
		}
		if i&4095 == 0 {
			if err := th.Work(256); err != nil {
				return err
			}
		}
	}
}

// index normalizes an item index, failing as CPython's deque does.
func (d *Deque) index(key runtime.Value) (int, error) {
	i, err := runtime.IndexValue(key)
	if err != nil {
		if runtime.IsInstance(err, runtime.TypeError) {
			return 0, runtime.Errorf(runtime.TypeError, "sequence index must be integer, not '%s'", key.Type().Name)
		}
		return 0, runtime.Errorf(runtime.IndexError, "deque index out of range")
	}
	if i < 0 {
		i += int64(d.n)
	}
	if i < 0 || i >= int64(d.n) {
		return 0, runtime.Errorf(runtime.IndexError, "deque index out of range")
	}
	return int(i), nil
}

// find returns the index of the first item equal to x in [start, stop),
// or -1; what names the operation for the mutation error.
func (d *Deque) find(th *runtime.Thread, x runtime.Value, start, stop int, what string) (int, error) {
	state := d.state
	for i := start; i < stop && i < d.n; i++ {
		eq, err := runtime.Equal(th, d.at(i), x)
		if err != nil {
			return -1, err
		}
		if d.state != state {
			return -1, runtime.Errorf(runtime.RuntimeError, "deque mutated during %s", what)
		}
		if eq {
			return i, nil
		}
		if i&4095 == 4095 {
			if err := th.Work(4096); err != nil {
				return -1, err
			}
		}
	}
	return -1, nil
}

// copyOf is deque.copy(): a new deque of the same class and bound.
func copyOf(th *runtime.Thread, d *Deque) (*Deque, error) {
	maxlen := runtime.None
	if d.maxlen >= 0 {
		maxlen = runtime.Int(int64(d.maxlen))
	}
	r, err := th.Call(runtime.Obj(d.cls), []runtime.Value{runtime.Obj(d)}, []runtime.Kwarg{{Name: "maxlen", Value: maxlen}})
	if err != nil {
		return nil, err
	}
	c, ok := runtime.As[*Deque](r)
	if !ok {
		return nil, runtime.Errorf(runtime.TypeError, "%s() must return a deque, not %s", d.cls.Name, r.Type().Name)
	}
	return c, nil
}

// repeat makes d hold its items n times over, as d *= n.
func (d *Deque) repeat(th *runtime.Thread, n int64) error {
	if n <= 0 || d.n == 0 {
		d.clear()
		return nil
	}
	if n == 1 {
		return nil
	}
	items := d.items()
	total := int64(len(items)) * (n - 1)
	if d.maxlen >= 0 && total > int64(d.maxlen) {
		// Only the last maxlen items can survive.
		total = int64(d.maxlen)
		n = total/int64(len(items)) + 2
	}
	if err := th.CheckGrow(nil, int(min(total, 1<<40))); err != nil {
		return err
	}
	for k := int64(1); k < n; k++ {
		for _, v := range items {
			if err := d.pushBack(th, v); err != nil {
				return err
			}
		}
		if err := th.Work(int64(len(items))/16 + 1); err != nil {
			return err
		}
	}
	return nil
}

// comparer returns the special method for op.
func comparer(op runtime.CmpOp) runtime.BuiltinFn {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if _, err := runtime.OneArg("comparison", args, kw); err != nil {
			return runtime.Value{}, err
		}
		o, ok := runtime.As[*Deque](args[0])
		if !ok {
			return runtime.NotImplemented, nil
		}
		return seqops.Compare(th, op, dequeSelf(self).items(), o.items())
	}
}

// reprOf renders deque([...]) or deque([...], maxlen=N).
func reprOf(th *runtime.Thread, d *Deque) (string, error) {
	if d.inRepr {
		return "[...]", nil
	}
	d.inRepr = true
	defer func() { d.inRepr = false }()
	var b strings.Builder
	b.WriteString(d.cls.Name)
	b.WriteString("([")
	for i, v := range d.items() {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := runtime.Repr(th, v)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		if i&1023 == 1023 {
			if err := th.Work(1024); err != nil {
				return "", err
			}
		}
	}
	b.WriteString("]")
	if d.maxlen >= 0 {
		b.WriteString(", maxlen=" + strconv.Itoa(d.maxlen))
	}
	b.WriteString(")")
	return b.String(), nil
}

// dequeMaxlen is the getter of deque.maxlen.
func dequeMaxlen(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) != 1 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "maxlen expects a deque")
	}
	d, ok := runtime.As[*Deque](args[0])
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "maxlen expects a deque")
	}
	if d.maxlen < 0 {
		return runtime.None, nil
	}
	return runtime.Int(int64(d.maxlen)), nil
}

type fn = runtime.BuiltinFn
type th = runtime.Thread
type val = runtime.Value
type kws = []runtime.Kwarg

var dequeMethods map[string]fn

func init() {
	dequeMethods = map[string]fn{
		"__init__": func(t *th, self val, args []val, kw kws) (val, error) {
			return runtime.None, dequeSelf(self).init(t, args, kw)
		},
		"append": func(t *th, self val, args []val, kw kws) (val, error) {
			x, err := runtime.OneArg("deque.append", args, kw)
			if err != nil {
				return val{}, err
			}
			return runtime.None, dequeSelf(self).pushBack(t, x)
		},
		"appendleft": func(t *th, self val, args []val, kw kws) (val, error) {
			x, err := runtime.OneArg("deque.appendleft", args, kw)
			if err != nil {
				return val{}, err
			}
			return runtime.None, dequeSelf(self).pushFront(t, x)
		},
		"pop": func(t *th, self val, args []val, kw kws) (val, error) {
			if err := runtime.NoArgs("deque.pop", args, kw); err != nil {
				return val{}, err
			}
			d := dequeSelf(self)
			if d.n == 0 {
				return val{}, runtime.Errorf(runtime.IndexError, "pop from an empty deque")
			}
			return d.popBack(), nil
		},
		"popleft": func(t *th, self val, args []val, kw kws) (val, error) {
			if err := runtime.NoArgs("deque.popleft", args, kw); err != nil {
				return val{}, err
			}
			d := dequeSelf(self)
			if d.n == 0 {
				return val{}, runtime.Errorf(runtime.IndexError, "pop from an empty deque")
			}
			return d.popFront(), nil
		},
		"extend": func(t *th, self val, args []val, kw kws) (val, error) {
			x, err := runtime.OneArg("deque.extend", args, kw)
			if err != nil {
				return val{}, err
			}
			return runtime.None, dequeSelf(self).extend(t, x, false)
		},
		"extendleft": func(t *th, self val, args []val, kw kws) (val, error) {
			x, err := runtime.OneArg("deque.extendleft", args, kw)
			if err != nil {
				return val{}, err
			}
			return runtime.None, dequeSelf(self).extend(t, x, true)
		},
		"clear": func(t *th, self val, args []val, kw kws) (val, error) {
			if err := runtime.NoArgs("deque.clear", args, kw); err != nil {
				return val{}, err
			}
			dequeSelf(self).clear()
			return runtime.None, nil
		},
		"rotate": func(t *th, self val, args []val, kw kws) (val, error) {
			var k int64 = 1
			if err := runtime.PositionalArgs("deque.rotate", args, kw, 0, 1); err != nil {
				return val{}, err
			}
			if len(args) == 1 {
				var err error
				if k, err = runtime.IndexValue(args[0]); err != nil {
					return val{}, err
				}
			}
			return runtime.None, dequeSelf(self).rotate(t, k)
		},
		"reverse": func(t *th, self val, args []val, kw kws) (val, error) {
			if err := runtime.NoArgs("deque.reverse", args, kw); err != nil {
				return val{}, err
			}
			d := dequeSelf(self)
			d.state++
			for i, j := 0, d.n-1; i < j; i, j = i+1, j-1 {
				a, b := d.slot(i), d.slot(j)
				d.buf[a], d.buf[b] = d.buf[b], d.buf[a]
			}
			return runtime.None, nil
		},
		"count": func(t *th, self val, args []val, kw kws) (val, error) {
			x, err := runtime.OneArg("deque.count", args, kw)
			if err != nil {
				return val{}, err
			}
			d := dequeSelf(self)
			count := int64(0)
			for i := 0; i < d.n; {
				j, err := d.find(t, x, i, d.n, "iteration")
				if err != nil {
					return val{}, err
				}
				if j < 0 {
					break
				}
				count++
				i = j + 1
			}
			return runtime.Int(count), nil
		},
		"index": func(t *th, self val, args []val, kw kws) (val, error) {
			if err := runtime.TupleArgs("deque.index", args, kw, 1, 3); err != nil {
				return val{}, err
			}
			d := dequeSelf(self)
			bounds := [2]int64{0, int64(d.n)}
			for k := 1; k < len(args); k++ {
				b, err := runtime.IndexValue(args[k])
				if err != nil {
					return val{}, runtime.Errorf(runtime.TypeError, "slice indices must be integers or have an __index__ method")
				}
				if b < 0 {
					b = max(b+int64(d.n), 0)
				}
				bounds[k-1] = min(b, int64(d.n))
			}
			i, err := d.find(t, args[0], int(bounds[0]), int(bounds[1]), "iteration")
			if err != nil {
				return val{}, err
			}
			if i < 0 {
				s, err := runtime.Repr(t, args[0])
				if err != nil {
					return val{}, err
				}
				return val{}, runtime.Errorf(runtime.ValueError, "%s is not in deque", s)
			}
			return runtime.Int(int64(i)), nil
		},
		"insert": func(t *th, self val, args []val, kw kws) (val, error) {
			if err := runtime.TupleArgs("deque.insert", args, kw, 2, 2); err != nil {
				return val{}, err
			}
			i, err := runtime.IndexValue(args[0])
			if err != nil {
				return val{}, err
			}
			d := dequeSelf(self)
			if d.maxlen >= 0 && d.n >= d.maxlen {
				return val{}, runtime.Errorf(runtime.IndexError, "deque already at its maximum size")
			}
			if i < 0 {
				i = max(i+int64(d.n), 0)
			}
			return runtime.None, d.insertAt(t, int(min(i, int64(d.n))), args[1])
		},
		"remove": func(t *th, self val, args []val, kw kws) (val, error) {
			x, err := runtime.OneArg("deque.remove", args, kw)
			if err != nil {
				return val{}, err
			}
			d := dequeSelf(self)
			i, err := d.find(t, x, 0, d.n, "remove()")
			if err != nil {
				return val{}, err
			}
			if i < 0 {
				s, err := runtime.Repr(t, x)
				if err != nil {
					return val{}, err
				}
				return val{}, runtime.Errorf(runtime.ValueError, "%s is not in deque", s)
			}
			d.deleteAt(i)
			return runtime.None, nil
		},
		"copy": func(t *th, self val, args []val, kw kws) (val, error) {
			if err := runtime.NoArgs("deque.copy", args, kw); err != nil {
				return val{}, err
			}
			c, err := copyOf(t, dequeSelf(self))
			if err != nil {
				return val{}, err
			}
			return runtime.Obj(c), nil
		},
		"__len__": func(t *th, self val, args []val, kw kws) (val, error) {
			return runtime.Int(int64(dequeSelf(self).n)), nil
		},
		"__bool__": func(t *th, self val, args []val, kw kws) (val, error) {
			return runtime.MakeBool(dequeSelf(self).n > 0), nil
		},
		"__iter__": func(t *th, self val, args []val, kw kws) (val, error) {
			d := dequeSelf(self)
			return runtime.Obj(&dequeIter{d: d, state: d.state}), nil
		},
		"__reversed__": func(t *th, self val, args []val, kw kws) (val, error) {
			d := dequeSelf(self)
			return runtime.Obj(&dequeIter{d: d, state: d.state, reverse: true}), nil
		},
		"__contains__": func(t *th, self val, args []val, kw kws) (val, error) {
			x, err := runtime.OneArg("__contains__", args, kw)
			if err != nil {
				return val{}, err
			}
			d := dequeSelf(self)
			i, err := d.find(t, x, 0, d.n, "iteration")
			return runtime.MakeBool(i >= 0), err
		},
		"__getitem__": func(t *th, self val, args []val, kw kws) (val, error) {
			x, err := runtime.OneArg("__getitem__", args, kw)
			if err != nil {
				return val{}, err
			}
			d := dequeSelf(self)
			i, err := d.index(x)
			if err != nil {
				return val{}, err
			}
			return d.at(i), nil
		},
		"__setitem__": func(t *th, self val, args []val, kw kws) (val, error) {
			if err := runtime.PositionalArgs("__setitem__", args, kw, 2, 2); err != nil {
				return val{}, err
			}
			d := dequeSelf(self)
			i, err := d.index(args[0])
			if err != nil {
				return val{}, err
			}
			d.buf[d.slot(i)] = args[1]
			return runtime.None, nil
		},
		"__delitem__": func(t *th, self val, args []val, kw kws) (val, error) {
			x, err := runtime.OneArg("__delitem__", args, kw)
			if err != nil {
				return val{}, err
			}
			d := dequeSelf(self)
			i, err := d.index(x)
			if err != nil {
				return val{}, err
			}
			d.deleteAt(i)
			return runtime.None, nil
		},
		"__repr__": func(t *th, self val, args []val, kw kws) (val, error) {
			s, err := reprOf(t, dequeSelf(self))
			return runtime.Str(s), err
		},
		"__copy__": func(t *th, self val, args []val, kw kws) (val, error) {
			c, err := copyOf(t, dequeSelf(self))
			if err != nil {
				return val{}, err
			}
			return runtime.Obj(c), nil
		},
		"__reduce__": func(t *th, self val, args []val, kw kws) (val, error) {
			if err := runtime.NoArgs("__reduce__", args, kw); err != nil {
				return val{}, err
			}
			d := dequeSelf(self)
			ctor := runtime.TupleOf()
			if d.maxlen >= 0 {
				ctor = runtime.TupleOf(runtime.TupleOf(), runtime.Int(int64(d.maxlen)))
			}
			state := runtime.None
			if len(d.dict) > 0 {
				st := runtime.NewDict()
				names := make([]string, 0, len(d.dict))
				for k := range d.dict {
					names = append(names, k)
				}
				sort.Strings(names) // a stable order for scripts that print it
				for _, k := range names {
					if err := st.SetItem(t, runtime.Str(k), d.dict[k]); err != nil {
						return val{}, err
					}
				}
				state = runtime.Obj(st)
			}
			it := &dequeIter{d: d, state: d.state}
			return runtime.TupleOf(runtime.Obj(d.cls), ctor, state, runtime.Obj(it)), nil
		},
		"__add__": func(t *th, self val, args []val, kw kws) (val, error) {
			x, err := runtime.OneArg("__add__", args, kw)
			if err != nil {
				return val{}, err
			}
			o, ok := runtime.As[*Deque](x)
			if !ok {
				return val{}, runtime.Errorf(runtime.TypeError, "can only concatenate deque (not \"%s\") to deque", x.Type().Name)
			}
			c, err := copyOf(t, dequeSelf(self))
			if err != nil {
				return val{}, err
			}
			return runtime.Obj(c), c.extend(t, runtime.Obj(o), false)
		},
		"__iadd__": func(t *th, self val, args []val, kw kws) (val, error) {
			x, err := runtime.OneArg("__iadd__", args, kw)
			if err != nil {
				return val{}, err
			}
			return self, dequeSelf(self).extend(t, x, false)
		},
		"__mul__":  dequeMul(false),
		"__rmul__": dequeMul(false),
		"__imul__": dequeMul(true),
		"__lt__":   comparer(runtime.CmpLT),
		"__le__":   comparer(runtime.CmpLE),
		"__eq__":   comparer(runtime.CmpEQ),
		"__ne__":   comparer(runtime.CmpNE),
		"__gt__":   comparer(runtime.CmpGT),
		"__ge__":   comparer(runtime.CmpGE),
	}
}

// dequeMul is __mul__/__rmul__, or __imul__ when inPlace.
func dequeMul(inPlace bool) fn {
	return func(t *th, self val, args []val, kw kws) (val, error) {
		x, err := runtime.OneArg("__mul__", args, kw)
		if err != nil {
			return val{}, err
		}
		n, notImpl, err := seqops.RepeatCount(x)
		if notImpl || err != nil {
			return runtime.NotImplemented, err
		}
		d := dequeSelf(self)
		if !inPlace {
			if d, err = copyOf(t, d); err != nil {
				return val{}, err
			}
		}
		return runtime.Obj(d), d.repeat(t, n)
	}
}
