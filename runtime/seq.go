package runtime

// This file implements the container protocols: len, subscripting with
// indexes and slices, item assignment and deletion, and `in`.

// Len returns len(v).
func Len(th *Thread, v Value) (int, error) {
	switch o := v.obj.(type) {
	case *StrObj:
		return o.Len(), nil
	case *List:
		return len(o.Items), nil
	case *Tuple:
		return len(o.Items), nil
	case *Dict:
		return o.Len(), nil
	case *Set:
		return o.Len(), nil
	case *Range:
		return int(o.Len()), nil
	case *BigRange:
		return o.Len()
	case *Instance:
		if b, ok := derivedFallback(v, "__len__"); ok && !isNumber(b) {
			return Len(th, b)
		}
	}
	if v.Type().User {
		if r, found, err := th.CallMethod(v, "__len__"); found {
			if err != nil {
				return 0, err
			}
			return lenResult(r)
		}
	}
	if l, ok := v.obj.(interface{ Len() int }); ok {
		return l.Len(), nil
	}
	return 0, Errorf(TypeError, "object of type '%s' has no len()", v.Type().Name)
}

func lenResult(r Value) (int, error) {
	n, ok := asInt64(r)
	if !ok {
		if isIntLike(r) {
			return 0, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
		}
		return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", r.Type().Name)
	}
	if n < 0 {
		return 0, Errorf(ValueError, "__len__() should return >= 0")
	}
	return int(n), nil
}

// IndexValue converts an index operand to int64 (Python's __index__).
func IndexValue(v Value) (int64, error) {
	if n, ok := asInt64(v); ok {
		return n, nil
	}
	if _, ok := v.obj.(*Big); ok {
		return 0, Errorf(IndexError, "cannot fit 'int' into an index-sized integer")
	}
	return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// normIndex applies Python's negative-index rule; ok is false if out of range.
func normIndex(i int64, n int) (int, bool) {
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return 0, false
	}
	return int(i), true
}

// SliceIndices computes CPython's PySlice_AdjustIndices for a sequence of
// length n: the start, stop, step and resulting length.
func SliceIndices(s *Slice, n int) (start, stop, step, length int, err error) {
	step = 1
	if !s.Step.IsNone() && s.Step.IsValid() {
		st, err := sliceBound(s.Step)
		if err != nil {
			return 0, 0, 0, 0, err
		}
		if st == 0 {
			return 0, 0, 0, 0, Errorf(ValueError, "slice step cannot be zero")
		}
		step = int(st)
	}
	bound := func(v Value, def int, lo, hi int) (int, error) {
		if v.IsNone() || !v.IsValid() {
			return def, nil
		}
		x, err := sliceBound(v)
		if err != nil {
			return 0, err
		}
		if x < 0 {
			x += int64(n)
			if x < int64(lo) {
				x = int64(lo)
			}
		} else if x > int64(hi) {
			x = int64(hi)
		}
		return int(x), nil
	}
	if step > 0 {
		if start, err = bound(s.Start, 0, 0, n); err != nil {
			return
		}
		if stop, err = bound(s.Stop, n, 0, n); err != nil {
			return
		}
		if stop > start {
			length = (stop-start-1)/step + 1
		}
	} else {
		if start, err = bound(s.Start, n-1, -1, n-1); err != nil {
			return
		}
		if stop, err = bound(s.Stop, -1, -1, n-1); err != nil {
			return
		}
		if start > stop {
			length = (start-stop-1)/(-step) + 1
		}
	}
	return
}

func sliceBound(v Value) (int64, error) {
	if n, ok := asInt64(v); ok {
		return n, nil
	}
	if b, ok := v.obj.(*Big); ok {
		if b.X.Sign() < 0 {
			return -1 << 62, nil
		}
		return 1 << 62, nil
	}
	return 0, Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
}

func sliceValues(th *Thread, items []Value, s *Slice) ([]Value, error) {
	start, _, step, length, err := SliceIndices(s, len(items))
	if err != nil {
		return nil, err
	}
	if err := th.checkItems(int64(length)); err != nil {
		return nil, err
	}
	out := make([]Value, length)
	for i := 0; i < length; i++ {
		out[i] = items[start+i*step]
	}
	return out, nil
}

// GetItem returns v[key].
func GetItem(th *Thread, v, key Value) (Value, error) {
	if !key.IsSmallInt() {
		var err error
		if key, err = indexKey(th, v, key); err != nil {
			return Value{}, err
		}
	}
	switch o := v.obj.(type) {
	case *List:
		if i, ok := asInt64(key); ok {
			j, ok := normIndex(i, len(o.Items))
			if !ok {
				return Value{}, Errorf(IndexError, "list index out of range")
			}
			return o.Items[j], nil
		}
		if s, ok := key.obj.(*Slice); ok {
			items, err := sliceValues(th, o.Items, s)
			return NewList(items), err
		}
		return Value{}, seqIndexError("list", key)
	case *Tuple:
		if i, ok := asInt64(key); ok {
			j, ok := normIndex(i, len(o.Items))
			if !ok {
				return Value{}, Errorf(IndexError, "tuple index out of range")
			}
			return o.Items[j], nil
		}
		if s, ok := key.obj.(*Slice); ok {
			items, err := sliceValues(th, o.Items, s)
			return Obj(NewTuple(items)), err
		}
		return Value{}, seqIndexError("tuple", key)
	case *StrObj:
		if i, ok := asInt64(key); ok {
			j, ok := normIndex(i, o.Len())
			if !ok {
				return Value{}, Errorf(IndexError, "string index out of range")
			}
			return Str(o.At(j)), nil
		}
		if s, ok := key.obj.(*Slice); ok {
			return strGetSlice(o, s)
		}
		return Value{}, Errorf(TypeError, "string indices must be integers, not '%s'", key.Type().Name)
	case *Dict:
		r, ok, err := o.Get(th, key)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, NewException(KeyError, key)
		}
		return r, nil
	case *Range:
		if i, ok := asInt64(key); ok {
			n := o.Len()
			if i < 0 {
				i += n
			}
			if i < 0 || i >= n {
				return Value{}, Errorf(IndexError, "range object index out of range")
			}
			return Int(o.At(i)), nil
		}
		if s, ok := key.obj.(*Slice); ok {
			start, stop, step, _, err := SliceIndices(s, int(o.Len()))
			if err != nil {
				return Value{}, err
			}
			return Obj(&Range{Start: o.At(int64(start)), Stop: o.Start + int64(stop)*o.Step, Step: o.Step * int64(step)}), nil
		}
		return Value{}, Errorf(TypeError, "range indices must be integers or slices, not %s", key.Type().Name)
	case *BigRange:
		return o.getItem(key)
	case getItemHook:
		return o.GetItemHook(th, key)
	case *Type:
		if o == ListType || o == DictType || o == TupleType || o == SetType || o == FrozenSetType || o == TypeType {
			return NewGenericAlias(v, key), nil // list[int], as annotations write it
		}
		if r, ok, err := classGetItem(th, o, key); ok {
			return r, err
		}
	case *Instance:
		if b, ok := derivedFallback(v, "__getitem__"); ok && supportsItems(b, false) {
			return derivedGetItem(th, v, b, key)
		}
	}
	if v.Type().User {
		if r, found, err := th.CallMethod(v, "__getitem__", key); found {
			return r, err
		}
	}
	return Value{}, Errorf(TypeError, "'%s' object is not subscriptable", v.Type().Name)
}

func seqIndexError(kind string, key Value) error {
	return Errorf(TypeError, "%s indices must be integers or slices, not %s", kind, key.Type().Name)
}

// SetItem performs v[key] = x.
func SetItem(th *Thread, v, key, x Value) error {
	switch o := v.obj.(type) {
	case *List:
		if i, ok := asInt64(key); ok {
			j, ok := normIndex(i, len(o.Items))
			if !ok {
				return Errorf(IndexError, "list assignment index out of range")
			}
			o.Items[j] = x
			return nil
		}
		if s, ok := key.obj.(*Slice); ok {
			// Bounds with __index__ convert as GetItem converts them.
			s, err := indexSliceBounds(th, s)
			if err != nil {
				return err
			}
			return listSetSlice(th, o, s, x)
		}
		return seqIndexError("list", key)
	case *Dict:
		return o.SetItem(th, key, x)
	case setItemHook:
		return o.SetItemHook(th, key, x)
	case *Instance:
		if b, ok := derivedFallback(v, "__setitem__"); ok && supportsItems(b, true) {
			return SetItem(th, b, key, x)
		}
	}
	if v.Type().User {
		if _, found, err := th.CallMethod(v, "__setitem__", key, x); found {
			return err
		}
	}
	return Errorf(TypeError, "'%s' object does not support item assignment", v.Type().Name)
}

func listSetSlice(th *Thread, l *List, s *Slice, x Value) error {
	items, err := sliceSource(th, l, x)
	if err != nil {
		if IsInstance(err, TypeError) {
			return Errorf(TypeError, "can only assign an iterable")
		}
		return err
	}
	start, stop, step, length, err := SliceIndices(s, len(l.Items))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		return listReplaceRange(th, l, start, stop, items)
	}
	if len(items) != length {
		return Errorf(ValueError, "attempt to assign sequence of size %d to extended slice of size %d", len(items), length)
	}
	for i := 0; i < length; i++ {
		l.Items[start+i*step] = items[i]
	}
	return nil
}

// DelItem performs del v[key].
func DelItem(th *Thread, v, key Value) error {
	switch o := v.obj.(type) {
	case *List:
		if i, ok := asInt64(key); ok {
			j, ok := normIndex(i, len(o.Items))
			if !ok {
				return Errorf(IndexError, "list assignment index out of range")
			}
			o.Items = append(o.Items[:j], o.Items[j+1:]...)
			return nil
		}
		if s, ok := key.obj.(*Slice); ok {
			s, err := indexSliceBounds(th, s)
			if err != nil {
				return err
			}
			start, _, step, length, err := SliceIndices(s, len(o.Items))
			if err != nil {
				return err
			}
			del := map[int]bool{}
			for i := 0; i < length; i++ {
				del[start+i*step] = true
			}
			kept := o.Items[:0:0]
			for i, it := range o.Items {
				if !del[i] {
					kept = append(kept, it)
				}
			}
			o.Items = kept
			return nil
		}
		return seqIndexError("list", key)
	case *Dict:
		_, ok, err := o.Delete(th, key)
		if err != nil {
			return err
		}
		if !ok {
			return NewException(KeyError, key)
		}
		return nil
	case delItemHook:
		return o.DelItemHook(th, key)
	case *Instance:
		if b, ok := derivedFallback(v, "__delitem__"); ok && supportsItems(b, true) {
			return DelItem(th, b, key)
		}
	}
	if v.Type().User {
		if _, found, err := th.CallMethod(v, "__delitem__", key); found {
			return err
		}
	}
	return Errorf(TypeError, "'%s' object doesn't support item deletion", v.Type().Name)
}

// Contains reports whether x in v.
func Contains(th *Thread, v, x Value) (bool, error) {
	switch o := v.obj.(type) {
	case *StrObj:
		sub, ok := As[*StrObj](x)
		if !ok {
			return false, Errorf(TypeError, "'in <string>' requires string as left operand, not %s", x.Type().Name)
		}
		var found bool
		err := th.scan(len(o.S), func() { found = stringsContains(o.S, sub.S) })
		return found, err
	case *List:
		return containsValue(th, o.Items, x)
	case *Tuple:
		return containsValue(th, o.Items, x)
	case *Dict:
		_, ok, err := o.Get(th, x)
		return ok, err
	case *Set:
		return o.Contains(th, x)
	case *DictView:
		return dictViewContains(th, o, x)
	case containsHook:
		return o.ContainsHook(th, x)
	case *Instance:
		if b, ok := derivedFallback(v, "__contains__"); ok && !isNumber(b) {
			if _, iterOK := derivedFallback(v, "__iter__"); iterOK {
				return Contains(th, b, x)
			}
		}
	case *Range:
		n, ok := asInt64(x)
		if !ok {
			if x.IsFloat() {
				f := x.FloatVal()
				if f != float64(int64(f)) {
					return false, nil
				}
				n = int64(f)
			} else {
				return false, nil
			}
		}
		if o.Step > 0 {
			if n < o.Start || n >= o.Stop {
				return false, nil
			}
		} else if n > o.Start || n <= o.Stop {
			return false, nil
		}
		return (n-o.Start)%o.Step == 0, nil
	}
	if v.Type().User {
		if r, found, err := th.CallMethod(v, "__contains__", x); found {
			if err != nil {
				return false, err
			}
			return Truth(th, r)
		}
	}
	it, err := Iter(th, v)
	if err != nil {
		if IsInstance(err, TypeError) {
			return false, Errorf(TypeError, "argument of type '%s' is not iterable", v.Type().Name)
		}
		return false, err
	}
	for {
		y, ok, err := it.Next(th)
		if err != nil || !ok {
			return false, err
		}
		eq, err := Equal(th, y, x)
		if err != nil || eq {
			return eq, err
		}
	}
}

func containsValue(th *Thread, items []Value, x Value) (bool, error) {
	for i := 0; i < len(items); i++ {
		eq, err := Equal(th, items[i], x)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// strGetSlice returns o[s].
func strGetSlice(o *StrObj, s *Slice) (Value, error) {
	start, stop, step, length, err := SliceIndices(s, o.Len())
	if err != nil {
		return Value{}, err
	}
	if step == 1 {
		if length == 0 {
			return Str(""), nil
		}
		return Str(o.Substr(start, stop)), nil
	}
	if o.isASCII() {
		bs := make([]byte, length)
		for i := range bs {
			bs[i] = o.S[start+i*step]
		}
		return Str(string(bs)), nil
	}
	rs := make([]rune, length)
	all := o.Runes()
	for i := range rs {
		rs[i] = all[start+i*step]
	}
	return Str(string(rs)), nil
}
