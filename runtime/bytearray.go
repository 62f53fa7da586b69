package runtime

// This file implements bytearray's mutations: item and slice assignment
// and deletion, append/extend/insert/pop/remove/clear/reverse/copy, and
// the in-place operators += and *=.

import goruntime "runtime"

func init() {
	ByteArrayType.Methods(map[string]BuiltinFn{
		"append": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			a, err := OneArg("bytearray.append", args, kw)
			if err != nil {
				return Value{}, err
			}
			ba := self.obj.(*ByteArray)
			c, err := byteValue(th, a)
			if err != nil {
				return Value{}, err
			}
			if err := ba.resizable(th, 1); err != nil {
				return Value{}, err
			}
			ba.B = append(ba.B, c)
			return None, nil
		},
		"extend": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			a, err := OneArg("bytearray.extend", args, kw)
			if err != nil {
				return Value{}, err
			}
			ba := self.obj.(*ByteArray)
			var add []byte
			if b, ok := bufferOf(a); ok {
				add = append([]byte{}, b...)
			} else {
				if _, err := Iter(th, a); err != nil {
					return Value{}, Errorf(TypeError, "can't extend bytearray with %s", a.Type().Name)
				}
				add, err = bytesFromIterable(th, a)
				if err != nil {
					return Value{}, err
				}
			}
			if err := ba.resizable(th, len(add)); err != nil {
				return Value{}, err
			}
			ba.B = append(ba.B, add...)
			return None, nil
		},
		"insert": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := PositionalArgs("bytearray.insert", args, kw, 2, 2); err != nil {
				return Value{}, err
			}
			ba := self.obj.(*ByteArray)
			i, err := ssizeArg(args[0])
			if err != nil {
				return Value{}, err
			}
			c, err := byteValue(th, args[1])
			if err != nil {
				return Value{}, err
			}
			if err := ba.resizable(th, 1); err != nil {
				return Value{}, err
			}
			n := int64(len(ba.B))
			if i < 0 {
				i = max(i+n, 0)
			}
			i = min(i, n)
			ba.B = append(ba.B, 0)
			copy(ba.B[i+1:], ba.B[i:])
			ba.B[i] = c
			return None, nil
		},
		"pop": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := PositionalArgs("bytearray.pop", args, kw, 0, 1); err != nil {
				return Value{}, err
			}
			ba := self.obj.(*ByteArray)
			i := int64(-1)
			if len(args) == 1 {
				n, err := ssizeArg(args[0])
				if err != nil {
					return Value{}, err
				}
				i = n
			}
			if len(ba.B) == 0 {
				return Value{}, Errorf(IndexError, "pop from empty bytearray")
			}
			j, ok := normIndex(i, len(ba.B))
			if !ok {
				return Value{}, Errorf(IndexError, "pop index out of range")
			}
			if err := ba.resizable(th, 0); err != nil {
				return Value{}, err
			}
			c := ba.B[j]
			ba.B = append(ba.B[:j], ba.B[j+1:]...)
			return Int(int64(c)), nil
		},
		"remove": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			a, err := OneArg("bytearray.remove", args, kw)
			if err != nil {
				return Value{}, err
			}
			ba := self.obj.(*ByteArray)
			c, err := byteValue(th, a)
			if err != nil {
				return Value{}, err
			}
			for j, x := range ba.B {
				if x == c {
					if err := ba.resizable(th, 0); err != nil {
						return Value{}, err
					}
					ba.B = append(ba.B[:j], ba.B[j+1:]...)
					return None, nil
				}
			}
			return Value{}, Errorf(ValueError, "value not found in bytearray")
		},
		"clear": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("bytearray.clear", args, kw); err != nil {
				return Value{}, err
			}
			ba := self.obj.(*ByteArray)
			if err := ba.resizable(th, 0); err != nil {
				return Value{}, err
			}
			ba.B = []byte{}
			return None, nil
		},
		"reverse": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("bytearray.reverse", args, kw); err != nil {
				return Value{}, err
			}
			b := self.obj.(*ByteArray).B
			for l, r := 0, len(b)-1; l < r; l, r = l+1, r-1 {
				b[l], b[r] = b[r], b[l]
			}
			return None, nil
		},
		"copy": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("bytearray.copy", args, kw); err != nil {
				return Value{}, err
			}
			b := self.obj.(*ByteArray).B
			if err := th.Alloc(int64(len(b))); err != nil {
				return Value{}, err
			}
			return NewByteArray(append([]byte{}, b...)), nil
		},
	})
}

// resizable fails with CPython's BufferError while a memoryview exports
// the array, and charges grow new bytes.
func (b *ByteArray) resizable(th *Thread, grow int) error {
	if len(b.views) > 0 && b.exported(false) {
		// Collecting costs a full GC, so a loop that makes a throwaway
		// view per resize collects only every viewGCPeriod resizes and
		// lets the others through; an outstanding view is still
		// reported at the first resize after a collection.
		if b.gcSkips > 0 {
			b.gcSkips--
		} else if b.gcSkips = viewGCPeriod; b.exported(true) {
			return Errorf(BufferError, "Existing exports of data: object cannot be re-sized")
		}
	}
	if grow > 0 && len(b.B)+grow > cap(b.B) {
		return th.Alloc(int64(len(b.B) + grow))
	}
	return nil
}

// viewGCPeriod is how many resizes blocked by possibly dead views go
// through between two collections (see resizable).
const viewGCPeriod = 256

// exported reports whether a memoryview over b is still alive and not
// released, dropping the others from b.views. CPython frees a view as
// soon as nothing refers to it; aio learns that only from the collector,
// so before refusing a resize it collects once (collect) and asks again:
// that slow path runs only while a view is outstanding.
func (b *ByteArray) exported(collect bool) bool {
	if collect {
		goruntime.GC()
	}
	live := b.views[:0]
	for _, w := range b.views {
		if m := w.Value(); m != nil && !m.released {
			live = append(live, w)
		}
	}
	clear(b.views[len(live):])
	b.views = live
	return len(live) > 0
}

// SetItemHook is b[key] = x: a byte value for an index, a bytes-like or
// iterable of ints for a slice.
func (b *ByteArray) SetItemHook(th *Thread, key, x Value) error {
	if _, isSlice := key.obj.(*Slice); !isSlice {
		k, ok, err := asIndexQuiet(key)
		if err != nil {
			return err
		}
		if !ok {
			return Errorf(TypeError, "bytearray indices must be integers or slices, not %s", key.Type().Name)
		}
		c, err := byteValue(th, x)
		if err != nil {
			return err
		}
		i, _ := asInt64(k)
		j, ok := normIndex(i, len(b.B))
		if !ok {
			return Errorf(IndexError, "bytearray index out of range")
		}
		b.B[j] = c
		return nil
	}
	s := key.obj.(*Slice)
	var src []byte
	if v, ok := bufferOf(x); ok {
		src = append([]byte{}, v...)
	} else if isNumberLike(x) {
		return Errorf(TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
	} else {
		var err error
		if src, err = bytesFromArgs(th, "bytearray", []Value{x}, nil); err != nil {
			return err
		}
	}
	start, stop, step, length, err := SliceIndices(s, len(b.B))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		if len(src) != stop-start {
			if err := b.resizable(th, len(src)-(stop-start)); err != nil {
				return err
			}
		}
		tail := append([]byte{}, b.B[stop:]...)
		b.B = append(append(b.B[:start], src...), tail...)
		return nil
	}
	if len(src) != length {
		return Errorf(ValueError, "attempt to assign bytes of size %d to extended slice of size %d", len(src), length)
	}
	for i := 0; i < length; i++ {
		b.B[start+i*step] = src[i]
	}
	return nil
}

// isNumberLike reports whether x is a number or a str, which slice
// assignment refuses before trying to convert them.
func isNumberLike(x Value) bool {
	switch x.obj.(type) {
	case *StrObj, *Complex, floatTag:
		return true
	}
	return isIntLike(x)
}

// DelItemHook is del b[key].
func (b *ByteArray) DelItemHook(th *Thread, key Value) error {
	if s, isSlice := key.obj.(*Slice); isSlice {
		start, _, step, length, err := SliceIndices(s, len(b.B))
		if err != nil {
			return err
		}
		if length == 0 {
			return nil
		}
		if err := b.resizable(th, 0); err != nil {
			return err
		}
		if step == 1 || step == -1 {
			// A contiguous run (a stream buffer's del b[:n]): one copy.
			lo := start
			if step == -1 {
				lo = start - length + 1
			}
			b.B = append(b.B[:lo], b.B[lo+length:]...)
			return nil
		}
		del := make(map[int]bool, length)
		for i := 0; i < length; i++ {
			del[start+i*step] = true
		}
		kept := make([]byte, 0, len(b.B)-length)
		for i, c := range b.B {
			if !del[i] {
				kept = append(kept, c)
			}
		}
		b.B = kept
		return nil
	}
	k, ok, err := asIndexQuiet(key)
	if err != nil {
		return err
	}
	if !ok {
		return Errorf(TypeError, "bytearray indices must be integers or slices, not %s", key.Type().Name)
	}
	i, _ := asInt64(k)
	j, ok := normIndex(i, len(b.B))
	if !ok {
		return Errorf(IndexError, "bytearray index out of range")
	}
	if err := b.resizable(th, 0); err != nil {
		return err
	}
	b.B = append(b.B[:j], b.B[j+1:]...)
	return nil
}

// byteArrayInPlace is b += x and b *= n, which change b itself; ok is
// false for other operators.
func byteArrayInPlace(th *Thread, op Op, b *ByteArray, x Value) (Value, bool, error) {
	switch op {
	case OpAdd:
		add, ok := bufferOf(x)
		if !ok {
			return Value{}, true, Errorf(TypeError, errBytesConcatNotBytes, x.Type().Name, "bytearray")
		}
		add = append([]byte{}, add...)
		if err := b.resizable(th, len(add)); err != nil {
			return Value{}, true, err
		}
		b.B = append(b.B, add...)
		return Obj(b), true, nil
	case OpMul:
		if !isIntLike(x) {
			return Value{}, false, nil
		}
		n, ok := asInt64(x)
		if !ok {
			return Value{}, true, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
		}
		out, err := repeatBytes(th, b.B, n)
		if err != nil {
			return Value{}, true, err
		}
		if len(out) != len(b.B) {
			if err := b.resizable(th, 0); err != nil {
				return Value{}, true, err
			}
		}
		b.B = out
		return Obj(b), true, nil
	}
	return Value{}, false, nil
}
