package runtime

// This file implements the methods of dict, the dict() constructor and
// dict.fromkeys, with CPython 3.11's argument handling and messages.

// DictUpdate merges arg into d as dict(arg) and d.update(arg) do: a
// dict's items; for an object with a keys() method, obj[k] for each of
// its keys; otherwise an iterable of key/value pairs.
func DictUpdate(th *Thread, d *Dict, arg Value) error {
	if o, ok := As[*Dict](arg); ok {
		// A dict subclass merges as a dict unless it iterates its own way.
		if _, plainIter := derivedFallback(arg, "__iter__"); plainIter || arg.obj == Object(o) {
			return d.Update(th, o)
		}
	}
	hasKeys, err := HasAttr(th, arg, "keys")
	if err != nil {
		return err
	}
	if hasKeys {
		return dictMergeMapping(th, d, arg)
	}
	return dictMergeSeq2(th, d, arg)
}

// dictMergeMapping is PyDict_Merge for a non-dict mapping.
func dictMergeMapping(th *Thread, d *Dict, m Value) error {
	keysFn, err := GetAttr(th, m, "keys")
	if err != nil {
		return err
	}
	keys, err := th.Call(keysFn, nil, nil)
	if err != nil {
		return err
	}
	it, err := Iter(th, keys)
	if err != nil {
		return err
	}
	for {
		k, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		v, err := GetItem(th, m, k)
		if err != nil {
			return err
		}
		if err := d.SetItem(th, k, v); err != nil {
			return err
		}
	}
}

// dictMergeSeq2 is PyDict_MergeFromSeq2: every element must be an
// iterable of exactly two items.
func dictMergeSeq2(th *Thread, d *Dict, seq Value) error {
	it, err := Iter(th, seq)
	if err != nil {
		return err
	}
	for i := 0; ; i++ {
		item, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		var pair []Value
		switch o := item.obj.(type) {
		case *Tuple:
			pair = o.Items
		case *List:
			pair = o.Items
		default:
			pair, err = Collect(th, item)
			if err != nil {
				if IsInstance(err, TypeError) {
					return Errorf(TypeError, "cannot convert dictionary update sequence element #%d to a sequence", i)
				}
				return err
			}
		}
		if len(pair) != 2 {
			return Errorf(ValueError, "dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
		}
		if err := d.SetItem(th, pair[0], pair[1]); err != nil {
			return err
		}
	}
}

// dictUpdateArgs applies the positional mapping or iterable, then the
// keyword arguments, of dict() and dict.update().
func dictUpdateArgs(th *Thread, d *Dict, name string, args []Value, kw []Kwarg) error {
	if err := PositionalArgs(name, args, nil, 0, 1); err != nil {
		return err
	}
	// A dict being built (dict(iterable)) is reachable from no root yet.
	th.Hold(d)
	defer th.Release()
	if len(args) == 1 {
		if err := DictUpdate(th, d, args[0]); err != nil {
			return err
		}
	}
	for _, k := range kw {
		if err := d.SetItem(th, Str(k.Name), k.Value); err != nil {
			return err
		}
	}
	return nil
}

func asDict(v Value) *Dict { return v.obj.(*Dict) }

var dictMethods = map[string]BuiltinFn{
	"get": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("dict.get", args, kw, 1, 2); err != nil {
			return Value{}, err
		}
		v, ok, err := asDict(self).Get(th, args[0])
		if err != nil {
			return Value{}, err
		}
		if ok {
			return v, nil
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return None, nil
	},
	"setdefault": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("dict.setdefault", args, kw, 1, 2); err != nil {
			return Value{}, err
		}
		d := asDict(self)
		v, ok, err := d.Get(th, args[0])
		if err != nil || ok {
			return v, err
		}
		def := None
		if len(args) == 2 {
			def = args[1]
		}
		return def, d.SetItem(th, args[0], def)
	},
	"pop": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("dict.pop", args, kw, 1, 2); err != nil {
			return Value{}, err
		}
		v, ok, err := asDict(self).Delete(th, args[0])
		if err != nil {
			return Value{}, err
		}
		if ok {
			return v, nil
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return Value{}, NewException(KeyError, args[0])
	},
	"popitem": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("dict.popitem", args, kw); err != nil {
			return Value{}, err
		}
		k, v, ok := dictPopLast(asDict(self))
		if !ok {
			return Value{}, NewException(KeyError, Str("popitem(): dictionary is empty"))
		}
		return TupleOf(k, v), nil
	},
	"keys":   dictViewMethod("dict.keys", 0),
	"values": dictViewMethod("dict.values", 1),
	"items":  dictViewMethod("dict.items", 2),
	"update": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return None, dictUpdateArgs(th, asDict(self), "update", args, kw)
	},
	"copy": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("dict.copy", args, kw); err != nil {
			return Value{}, err
		}
		d := asDict(self)
		if err := th.Alloc(d.Footprint()); err != nil {
			return Value{}, err
		}
		return Obj(d.Copy()), nil
	},
	"clear": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("dict.clear", args, kw); err != nil {
			return Value{}, err
		}
		asDict(self).Clear()
		return None, nil
	},
	"__len__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("dict.__len__", args, kw); err != nil {
			return Value{}, err
		}
		return Int(int64(asDict(self).Len())), nil
	},
	"__getitem__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("dict.__getitem__", args, kw); err != nil {
			return Value{}, err
		}
		return GetItem(th, self, args[0])
	},
	"__contains__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if _, err := OneArg("dict.__contains__", args, kw); err != nil {
			return Value{}, err
		}
		_, ok, err := asDict(self).Get(th, args[0])
		return MakeBool(ok), err
	},
	"__iter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs("dict.__iter__", args, kw); err != nil {
			return Value{}, err
		}
		it, err := Iter(th, self)
		if err != nil {
			return Value{}, err
		}
		return Obj(it), nil
	},
}

// dictPopLast removes the most recently inserted item as dict.popitem
// does: it finds the index slot by the stored hash and position, so no
// __hash__ or __eq__ runs, and drops the entry array's tail.
func dictPopLast(d *Dict) (k, v Value, ok bool) {
	for i := d.n - 1; i >= 0; i-- {
		e := *d.entry(i)
		if !e.live() {
			continue
		}
		d.index[d.slotOf(i, e.hash())] = ixDeleted
		d.truncate(i)
		d.used--
		if d.watch != nil {
			d.watch(e.key(), Value{})
		}
		return e.key(), e.value, true
	}
	return Value{}, Value{}, false
}

func dictViewMethod(qual string, kind int) BuiltinFn {
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := NoArgs(qual, args, kw); err != nil {
			return Value{}, err
		}
		return Obj(&DictView{D: asDict(self), Kind: kind}), nil
	}
}

// dictFromKeys is the classmethod dict.fromkeys(iterable, value=None).
// args[0] is the class.
func dictFromKeys(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 {
		return Value{}, NoKeywords("dict.fromkeys", kw)
	}
	cls, args := args[0], args[1:]
	if err := PositionalArgs("fromkeys", args, nil, 1, 2); err != nil {
		return Value{}, err
	}
	value := None
	if len(args) == 2 {
		value = args[1]
	}
	var target Value
	if cls.obj == Object(DictType) {
		target = Obj(NewDict())
	} else {
		r, err := th.Call(cls, nil, nil)
		if err != nil {
			return Value{}, err
		}
		target = r
	}
	it, err := Iter(th, args[0])
	if err != nil {
		return Value{}, err
	}
	if n, ok := target.obj.(MemNode); ok {
		th.Hold(n)
		defer th.Release()
	}
	for {
		k, ok, err := it.Next(th)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return target, nil
		}
		if d, isDict := target.obj.(*Dict); isDict {
			err = d.SetItem(th, k, value)
		} else {
			err = SetItem(th, target, k, value)
		}
		if err != nil {
			return Value{}, err
		}
	}
}

// dictViewContains is `x in view`: a hash lookup for keys, a lookup and
// value comparison for items, a scan for values.
func dictViewContains(th *Thread, v *DictView, x Value) (bool, error) {
	switch v.Kind {
	case 0:
		_, ok, err := v.D.Get(th, x)
		return ok, err
	case 2:
		t, ok := x.obj.(*Tuple)
		if !ok || len(t.Items) != 2 {
			return false, nil
		}
		val, found, err := v.D.Get(th, t.Items[0])
		if err != nil || !found {
			return false, err
		}
		return Equal(th, val, t.Items[1])
	}
	return containsValue(th, v.D.Values(), x)
}

var dictViewMethods = map[string]BuiltinFn{
	"__contains__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		v := self.obj.(*DictView)
		name := v.Type().Name + ".__contains__"
		if _, err := OneArg(name, args, kw); err != nil {
			return Value{}, err
		}
		in, err := dictViewContains(th, v, args[0])
		return MakeBool(in), err
	},
	"__len__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		v := self.obj.(*DictView)
		name := v.Type().Name + ".__len__"
		if err := NoArgs(name, args, kw); err != nil {
			return Value{}, err
		}
		return Int(int64(v.Len())), nil
	},
}

func init() {
	DictType.Methods(dictMethods)
	DictType.SetAttr("fromkeys", Obj(&ClassMethod{Func: NewBuiltin("fromkeys", dictFromKeys)}))
	DictType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		d := NewDict()
		if err := dictUpdateArgs(th, d, "dict", args, kw); err != nil {
			return Value{}, err
		}
		return Obj(d), nil
	}
	for _, t := range dictViewTypes {
		t.Methods(dictViewMethods)
	}
}

// isSetLikeView reports whether v is a keys or items view, which support
// the set operators.
func isSetLikeView(v Value) bool {
	dv, ok := v.obj.(*DictView)
	return ok && dv.Kind != 1
}

// dictViewToSet is dictviews_to_set: a keys view of a dict becomes
// set(dict) (with its one up-front resize), anything else set(iterable).
func dictViewToSet(th *Thread, v Value) (*Set, error) {
	s := NewSet()
	if dv, ok := v.obj.(*DictView); ok && dv.Kind == 0 {
		v = Obj(dv.D)
	}
	return s, s.Update(th, v)
}

// dictViewBinary implements & | - ^ when either operand is a keys or
// items view, as CPython's dictviews_and/or/sub/xor: the result is a set
// built from the left operand and then updated with the right one; &
// iterates the smaller view or defers to set.intersection.
func dictViewBinary(th *Thread, op Op, a, b Value) (Value, error) {
	if !isSetLikeView(a) && !isSetLikeView(b) {
		return Value{}, errUnsupported
	}
	if op == OpAnd {
		return dictViewIntersect(th, a, b)
	}
	r, err := dictViewToSet(th, a)
	if err != nil {
		return Value{}, err
	}
	switch op {
	case OpOr:
		err = r.Update(th, b)
	case OpSub:
		err = r.differenceUpdate(th, b)
	case OpXor:
		err = r.symmetricDifferenceUpdate(th, b)
	default:
		return Value{}, errUnsupported
	}
	if err != nil {
		return Value{}, err
	}
	return Obj(r), nil
}

// dictViewIntersect is _PyDictView_Intersect.
func dictViewIntersect(th *Thread, self, other Value) (Value, error) {
	if !isSetLikeView(self) {
		self, other = other, self
	}
	view := self.obj.(*DictView)
	if s, ok := other.obj.(*Set); ok && !s.Frozen && view.Len() <= s.Len() {
		return setResult(s.intersection(th, self))
	}
	if ov, ok := other.obj.(*DictView); ok && isSetLikeView(other) && ov.Len() > view.Len() {
		self, other = other, self
		view = ov
	}
	r := NewSet()
	it, err := Iter(th, other)
	if err != nil {
		return Value{}, err
	}
	for {
		k, ok, err := it.Next(th)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Obj(r), nil
		}
		in, err := dictViewContains(th, view, k)
		if err != nil {
			return Value{}, err
		}
		if in {
			if err := r.Add(th, k); err != nil {
				return Value{}, err
			}
		}
	}
}
