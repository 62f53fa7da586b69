package runtime

// This file holds the class protocols that built-in operations reach:
// subscripting a class (__class_getitem__), isinstance and issubclass
// through a metaclass's __instancecheck__ and __subclasscheck__,
// __index__ in slice bounds, and a class's own __annotations__.

// classGetItem subscripts a class, C[key]: a metaclass's __getitem__
// comes first, then the class's __class_getitem__; ok is false when
// neither applies.
func classGetItem(th *Thread, t *Type, key Value) (Value, bool, error) {
	if m := t.Type(); m.User {
		if _, ok := m.Lookup("__getitem__"); ok {
			return Value{}, false, nil
		}
	}
	if _, ok := t.Lookup("__class_getitem__"); ok {
		fn, err := typeGetAttr(th, t, "__class_getitem__")
		if err != nil {
			return Value{}, true, err
		}
		r, err := th.Call(fn, []Value{key}, nil)
		return r, true, err
	}
	if t.User {
		return Value{}, true, Errorf(TypeError, "type '%s' is not subscriptable", t.Name)
	}
	return Value{}, false, nil
}

// hasCheckHooks reports whether cls (a class or a tuple of them) involves
// a class whose metaclass is a user class, which may define
// __instancecheck__ or __subclasscheck__.
func hasCheckHooks(cls Value) bool {
	// A loop over an explicit stack: the tuples may nest arbitrarily deep.
	todo := []Value{cls}
	for len(todo) > 0 {
		v := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		switch c := v.obj.(type) {
		case *Type:
			if c.Meta != nil && c.Meta.User {
				return true
			}
		case *Tuple:
			todo = append(todo, c.Items...)
		case *Instance:
			// An object whose class checks membership (a union, a typing
			// construct).
			if _, ok := c.Class.Lookup("__instancecheck__"); ok && c.Class.User {
				return true
			}
		}
	}
	return false
}

// checkHook is isinstance(v, cls) or issubclass(v, cls) (hook names
// which) when a metaclass may override the check: an exact class match
// for isinstance needs no hook; otherwise the metaclass's hook decides,
// and classes without one are checked along the MRO.
func checkHook(th *Thread, v, cls Value, hook, msg string) (bool, error) {
	switch c := cls.obj.(type) {
	case *Tuple:
		if err := th.Nest(" in " + hook); err != nil {
			return false, err
		}
		defer th.Unnest()
		for _, x := range c.Items {
			r, err := checkHook(th, v, x, hook, msg)
			if err != nil || r {
				return r, err
			}
		}
		return false, nil
	case *Instance:
		if c.Class.User {
			if r, found, err := th.CallMethod(cls, hook, v); found {
				if err != nil {
					return false, err
				}
				return Truth(th, r)
			}
		}
	case *Type:
		if hook == "__instancecheck__" && v.Type() == c {
			return true, nil
		}
		if m := c.Type(); m.User {
			if _, ok := m.Lookup(hook); ok {
				r, _, err := th.CallMethod(cls, hook, v)
				if err != nil {
					return false, err
				}
				return Truth(th, r)
			}
		}
	}
	t := v.Type()
	if hook == "__subclasscheck__" {
		t, _ = v.obj.(*Type)
	}
	return biIsInstanceOf(th, " in "+hook, t, cls, msg)
}

// indexKey converts a sequence subscript that is an object with
// __index__, or a slice with such bounds, to ints; other keys are
// returned as they are.
func indexKey(th *Thread, v, key Value) (Value, error) {
	switch k := key.obj.(type) {
	case *Instance:
		switch v.obj.(type) {
		case *List, *Tuple, *StrObj, *Range:
			i, ok, err := asIndex(th, key)
			if err != nil {
				return Value{}, err
			}
			if ok {
				return i, nil
			}
		}
	case *Slice:
		s, err := indexSliceBounds(th, k)
		if err != nil {
			return Value{}, err
		}
		if s != k {
			return Obj(s), nil
		}
	}
	return key, nil
}

// indexSliceBounds converts the bounds of a slice that are objects with
// __index__ to ints, returning s itself when there are none.
func indexSliceBounds(th *Thread, s *Slice) (*Slice, error) {
	bounds := [3]Value{s.Start, s.Stop, s.Step}
	changed := false
	for i, b := range bounds {
		if _, ok := b.obj.(*Instance); !ok {
			continue
		}
		if n, ok, err := asIndex(th, b); err != nil {
			return nil, err
		} else if ok {
			bounds[i], changed = n, true
		}
	}
	if !changed {
		return s, nil
	}
	return &Slice{Start: bounds[0], Stop: bounds[1], Step: bounds[2]}, nil
}

// classAnnotations is a class's own __annotations__, an empty dict made
// and kept on first access when the body annotated nothing (a base's are
// not inherited).
func classAnnotations(t *Type) Value {
	if v, ok := t.Attrs["__annotations__"]; ok {
		return v
	}
	d := Obj(NewDict())
	t.SetAttr("__annotations__", d)
	return d
}

// metaRepr is repr(cls) through a user metaclass's __repr__; ok is false
// when the metaclass does not define one.
func metaRepr(th *Thread, t *Type) (string, bool, error) {
	m := t.Meta
	if m == nil || !m.User {
		return "", false, nil
	}
	rm, found := m.Lookup("__repr__")
	if !found {
		return "", false, nil
	}
	if _, builtin := rm.obj.(*MethodDescriptor); builtin {
		return "", false, nil
	}
	r, err := callHook(th, rm, Obj(t))
	if err != nil {
		return "", true, err
	}
	s, ok := r.obj.(*StrObj)
	if !ok {
		return "", true, Errorf(TypeError, "__repr__ returned non-string (type %s)", r.Type().Name)
	}
	return s.S, true, nil
}
