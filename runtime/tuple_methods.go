package runtime

// This file implements the methods and constructors of tuple, range and
// slice, and the read-only start/stop/step attributes of ranges and
// slices.

// memberDescriptorType is the type of read-only data attributes of
// built-in objects (range.start, slice.stop, ...).
var memberDescriptorType = finalType("member_descriptor")

// readonlyMember is a data descriptor for a read-only attribute of a
// built-in type, like CPython's member descriptors.
type readonlyMember struct {
	name  string
	owner *Type
	get   func(obj Value) Value
}

// Type returns member_descriptor.
func (*readonlyMember) Type() *Type { return memberDescriptorType }

// Get returns the attribute of obj, or the descriptor itself on the class.
func (m *readonlyMember) Get(th *Thread, obj Value, cls *Type) (Value, error) {
	if !obj.IsValid() {
		return Obj(m), nil
	}
	return m.get(obj), nil
}

// Set refuses assignment.
func (m *readonlyMember) Set(th *Thread, obj Value, v Value) error {
	return Errorf(AttributeError, "readonly attribute")
}

// Repr returns "<member 'start' of 'range' objects>".
func (m *readonlyMember) Repr(th *Thread) (string, error) {
	return "<member '" + m.name + "' of '" + m.owner.Name + "' objects>", nil
}

func addMembers(t *Type, members map[string]func(Value) Value) {
	for name, get := range members {
		t.SetAttr(name, Obj(&readonlyMember{name: name, owner: t, get: get}))
	}
}

// noneIfUnset maps the zero Value of an omitted slice part to None.
func noneIfUnset(v Value) Value {
	if !v.IsValid() {
		return None
	}
	return v
}

var tupleMethods = map[string]BuiltinFn{
	"index": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("tuple.index", args, kw, 1, 3); err != nil {
			return Value{}, err
		}
		items := self.obj.(*Tuple).Items
		start, stop, err := indexBounds(args, len(items))
		if err != nil {
			return Value{}, err
		}
		for i := start; i < stop && i < len(items); i++ {
			eq, err := Equal(th, items[i], args[0])
			if err != nil {
				return Value{}, err
			}
			if eq {
				return Int(int64(i)), nil
			}
		}
		return Value{}, Errorf(ValueError, "tuple.index(x): x not in tuple")
	},
	"count": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("tuple.count", args, kw); err != nil {
			return Value{}, err
		}
		items := self.obj.(*Tuple).Items
		n, err := countValue(th, func() []Value { return items }, args[0])
		return Int(int64(n)), err
	},
	"__len__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("tuple.__len__", args, kw); err != nil {
			return Value{}, err
		}
		return Int(int64(len(self.obj.(*Tuple).Items))), nil
	},
	"__getitem__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("tuple.__getitem__", args, kw); err != nil {
			return Value{}, err
		}
		return GetItem(th, self, args[0])
	},
	"__contains__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("tuple.__contains__", args, kw); err != nil {
			return Value{}, err
		}
		in, err := containsValue(th, self.obj.(*Tuple).Items, args[0])
		return MakeBool(in), err
	},
	"__iter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("tuple.__iter__", args, kw); err != nil {
			return Value{}, err
		}
		it, err := Iter(th, self)
		if err != nil {
			return Value{}, err
		}
		return Obj(it), nil
	},
}

// rangeArg converts a range() argument: an int with __index__; ints that
// do not fit in 64 bits are not supported.
func rangeArg(v Value) (int64, error) {
	if n, ok := asInt64(v); ok {
		return n, nil
	}
	if _, ok := v.obj.(*Big); ok {
		return 0, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
	}
	return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// NewRange is range(start, stop, step) with CPython's errors.
func NewRange(start, stop, step int64) (*Range, error) {
	if step == 0 {
		return nil, Errorf(ValueError, "range() arg 3 must not be zero")
	}
	return &Range{Start: start, Stop: stop, Step: step}, nil
}

// rangeContainsInt reports whether the int n is an element of r.
func rangeContainsInt(r *Range, n int64) bool {
	if r.Step > 0 {
		if n < r.Start || n >= r.Stop {
			return false
		}
	} else if n > r.Start || n <= r.Stop {
		return false
	}
	return (n-r.Start)%r.Step == 0
}

// rangeSearch is the generic path of range.index/count for non-int
// values: compare with every element.
func rangeSearch(th *Thread, r *Range, x Value, count bool) (int64, bool, error) {
	n := r.Len()
	found := int64(0)
	for i := int64(0); i < n; i++ {
		eq, err := Equal(th, Int(r.At(i)), x)
		if err != nil {
			return 0, false, err
		}
		if eq {
			if !count {
				return i, true, nil
			}
			found++
		}
	}
	return found, count, nil
}

var rangeMethods = map[string]BuiltinFn{
	"index": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("range.index", args, kw); err != nil {
			return Value{}, err
		}
		r := self.obj.(*Range)
		x := args[0]
		if n, ok := asInt64(x); ok {
			if !rangeContainsInt(r, n) {
				s, err := Repr(th, x)
				if err != nil {
					return Value{}, err
				}
				return Value{}, Errorf(ValueError, "%s is not in range", s)
			}
			return Int((n - r.Start) / r.Step), nil
		}
		if _, ok := x.obj.(*Big); ok {
			s, _ := Repr(th, x)
			return Value{}, Errorf(ValueError, "%s is not in range", s)
		}
		i, ok, err := rangeSearch(th, r, x, false)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, Errorf(ValueError, "sequence.index(x): x not in sequence")
		}
		return Int(i), nil
	},
	"count": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("range.count", args, kw); err != nil {
			return Value{}, err
		}
		r := self.obj.(*Range)
		if n, ok := asInt64(args[0]); ok {
			if rangeContainsInt(r, n) {
				return Int(1), nil
			}
			return Int(0), nil
		}
		if _, ok := args[0].obj.(*Big); ok {
			return Int(0), nil
		}
		n, _, err := rangeSearch(th, r, args[0], true)
		return Int(n), err
	},
}

var sliceMethods = map[string]BuiltinFn{
	"indices": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("slice.indices", args, kw); err != nil {
			return Value{}, err
		}
		n, err := IndexValue(args[0])
		if err != nil {
			return Value{}, err
		}
		if n < 0 {
			return Value{}, Errorf(ValueError, "length should not be negative")
		}
		start, stop, step, _, err := SliceIndices(self.obj.(*Slice), int(n))
		if err != nil {
			return Value{}, err
		}
		return TupleOf(Int(int64(start)), Int(int64(stop)), Int(int64(step))), nil
	},
}

func init() {
	TupleType.Methods(tupleMethods)
	TupleType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("tuple", args, kw, 0, 1); err != nil {
			return Value{}, err
		}
		if len(args) == 0 {
			return Obj(emptyTuple), nil
		}
		if _, ok := args[0].obj.(*Tuple); ok {
			return args[0], nil // tuple(t) is t
		}
		items, err := Collect(th, args[0])
		if err != nil {
			return Value{}, err
		}
		return Obj(NewTuple(items)), nil
	}

	RangeType.Methods(rangeMethods)
	addMembers(RangeType, map[string]func(Value) Value{
		"start": func(v Value) Value { return Int(v.obj.(*Range).Start) },
		"stop":  func(v Value) Value { return Int(v.obj.(*Range).Stop) },
		"step":  func(v Value) Value { return Int(v.obj.(*Range).Step) },
	})
	RangeType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("range", args, kw, 1, 3); err != nil {
			return Value{}, err
		}
		var bounds [3]int64
		copied := false
		for i, a := range args {
			if _, isInst := a.obj.(*Instance); isInst {
				// An object with __index__ stands for its int.
				if n, ok, err := asIndex(th, a); err != nil {
					return Value{}, err
				} else if ok {
					if !copied {
						args, copied = append([]Value(nil), args...), true
					}
					args[i] = n
				}
			}
		}
		for _, a := range args {
			if _, isBig := a.obj.(*Big); isBig {
				return newBigRange(args)
			}
		}
		for i, a := range args {
			n, err := rangeArg(a)
			if err != nil {
				return Value{}, err
			}
			bounds[i] = n
		}
		var r *Range
		var err error
		switch len(args) {
		case 1:
			r, err = NewRange(0, bounds[0], 1)
		case 2:
			r, err = NewRange(bounds[0], bounds[1], 1)
		default:
			r, err = NewRange(bounds[0], bounds[1], bounds[2])
		}
		if err != nil {
			return Value{}, err
		}
		return Obj(r), nil
	}

	SliceType.Methods(sliceMethods)
	addMembers(SliceType, map[string]func(Value) Value{
		"start": func(v Value) Value { return noneIfUnset(v.obj.(*Slice).Start) },
		"stop":  func(v Value) Value { return noneIfUnset(v.obj.(*Slice).Stop) },
		"step":  func(v Value) Value { return noneIfUnset(v.obj.(*Slice).Step) },
	})
	SliceType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("slice", args, kw, 1, 3); err != nil {
			return Value{}, err
		}
		s := &Slice{Start: None, Stop: None, Step: None}
		switch len(args) {
		case 1:
			s.Stop = args[0]
		case 2:
			s.Start, s.Stop = args[0], args[1]
		default:
			s.Start, s.Stop, s.Step = args[0], args[1], args[2]
		}
		return Obj(s), nil
	}
}
