package runtime

// This file forwards attribute reads of bound methods to their function,
// as CPython's method objects do (obj.method.__doc__, .__name__, and
// attributes a decorator set on the function, such as lru_cache's
// cache_info or functools.wraps' __wrapped__).

// Attr returns the function's attribute of that name.
func (m *BoundMethod) Attr(name string) (Value, bool) {
	switch name {
	case "__self__", "__func__", "__class__":
		return Value{}, false
	}
	if h, ok := m.Func.obj.(HasAttrs); ok {
		if v, ok := h.Attr(name); ok {
			return v, true
		}
	}
	// A built-in method of the function's class (cache_info of an
	// lru_cache wrapper), bound to the function.
	if _, isType := m.Func.obj.(*Type); !isType {
		if v, ok := m.Func.Type().Lookup(name); ok {
			if d, ok := v.obj.(*MethodDescriptor); ok {
				if r, err := d.Get(nil, m.Func, m.Func.Type()); err == nil {
					return r, true
				}
			}
		}
	}
	return Value{}, false
}

// SetAttrValue refuses: a bound method has no attributes of its own.
func (m *BoundMethod) SetAttrValue(name string, v Value) bool { return false }

// DelAttrValue refuses, as SetAttrValue.
func (m *BoundMethod) DelAttrValue(name string) bool { return false }
