package runtime

// This file resolves the bases of a class statement that are not classes
// (PEP 560): an object with __mro_entries__, such as typing.Generic[T] or
// list[int], stands for the classes it returns.

// ResolveBases replaces each base that is not a class and has
// __mro_entries__ by the classes that method returns; changed reports
// whether any was replaced (the class then records the bases as written
// in __orig_bases__).
func ResolveBases(th *Thread, bases []Value) (resolved []Value, changed bool, err error) {
	var written Value
	for _, b := range bases {
		if _, ok := b.obj.(*Type); !ok {
			m, err := GetAttr(th, b, "__mro_entries__")
			if err != nil && !IsInstance(err, AttributeError) {
				return nil, false, err
			}
			if err == nil {
				if !written.IsValid() {
					written = Obj(NewTuple(append([]Value(nil), bases...)))
				}
				r, err := th.Call(m, []Value{written}, nil)
				if err != nil {
					return nil, false, err
				}
				t, ok := r.obj.(*Tuple)
				if !ok {
					return nil, false, Errorf(TypeError, "__mro_entries__ must return a tuple")
				}
				resolved = append(resolved, t.Items...)
				changed = true
				continue
			}
		}
		resolved = append(resolved, b)
	}
	if !changed {
		return bases, false, nil
	}
	return resolved, true, nil
}
