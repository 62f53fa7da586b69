package runtime

// This file defines AttrMap, the attribute dictionary of instances: the
// values in insertion order, with their names kept by a shape (see
// attrshape.go) that instances of a class share. Names are searched
// linearly, with a hash index only once there are many. Objects usually
// have a handful of attributes whose names come from the same code
// constants, so a scan of a few string compares (length and pointer
// first) beats hashing the name on every access.

// attrMapIndexAt is the size from which an AttrMap keeps a hash index.
const attrMapIndexAt = 12

// AttrMap maps attribute names to values in insertion order.
type AttrMap struct {
	// shape holds the names of vals; nil while there are none, and once
	// the dict is live.
	shape *AttrShape
	vals  []Value
	// live is set once the object's __dict__ has been handed out: from
	// then on that dict holds the attributes, so that writes through
	// either side are seen by both.
	live *liveDict
}

// liveDict is an attribute dictionary visible to the program.
type liveDict struct {
	d  *Dict
	th *Thread // for hashing and comparing keys the program put there
}

// get and set are AttrMap's Get and Set once the dict is live, out of
// line so that those stay small enough to inline into the VM.
//
//go:noinline
func (l *liveDict) get(name string) (Value, bool) {
	v, ok, _ := l.d.Get(l.th, Str(name))
	return v, ok
}

//go:noinline
func (l *liveDict) set(name string, v Value) {
	l.d.SetItem(l.th, Str(name), v)
}

// Len returns the number of attributes.
func (m *AttrMap) Len() int {
	if m.live != nil {
		return m.live.d.Len()
	}
	return len(m.vals)
}

// AsDict returns the attributes as a dict that stays the object's
// attribute storage (Python's obj.__dict__); skip names are left out of
// it (slot values).
func (m *AttrMap) AsDict(th *Thread, skip func(name string) bool) (*Dict, error) {
	if m.live != nil {
		return m.live.d, nil
	}
	d := NewDict()
	for i, k := range m.names() {
		if skip != nil && skip(k) {
			continue
		}
		if err := d.SetItem(th, Str(k), m.vals[i]); err != nil {
			return nil, err
		}
	}
	*m = AttrMap{live: &liveDict{d: d, th: th}}
	return d, nil
}

func (m *AttrMap) find(name string) int {
	if m.shape == nil {
		return -1
	}
	return m.shape.find(name)
}

// names returns the attribute names (not a copy).
func (m *AttrMap) names() []string {
	if m.shape == nil {
		return nil
	}
	return m.shape.keys
}

// Get returns the value of name. It stays small enough to inline into
// the VM's attribute fast paths, and so misses every name once the dict
// is live (its shape is then nil): callers that must see such attributes
// fall back to Lookup.
func (m *AttrMap) Get(name string) (Value, bool) {
	if i := m.find(name); i >= 0 {
		return m.vals[i], true
	}
	return Value{}, false
}

// Lookup returns the value of name, wherever the attributes live.
func (m *AttrMap) Lookup(name string) (Value, bool) {
	if m.live != nil {
		return m.live.get(name)
	}
	return m.Get(name)
}

// Live reports whether the attributes live in a dict handed out as
// __dict__ (so that Get misses them).
func (m *AttrMap) Live() bool { return m.live != nil }

// Set binds name to v.
func (m *AttrMap) Set(name string, v Value) {
	if m.live != nil {
		m.live.set(name, v)
		return
	}
	if i := m.find(name); i >= 0 {
		m.vals[i] = v
		return
	}
	m.shape = m.shape.with(name)
	m.vals = append(m.vals, v)
}

// Delete removes name, reporting whether it was present.
func (m *AttrMap) Delete(name string) bool {
	if m.live != nil {
		_, ok, _ := m.live.d.Delete(m.live.th, Str(name))
		return ok
	}
	i := m.find(name)
	if i < 0 {
		return false
	}
	m.shape = m.shape.without(i)
	copy(m.vals[i:], m.vals[i+1:])
	m.vals[len(m.vals)-1] = Value{}
	m.vals = m.vals[:len(m.vals)-1]
	return true
}

// Keys returns the names in insertion order.
func (m *AttrMap) Keys() []string {
	if m.live != nil {
		var keys []string
		m.Range(func(k string, _ Value) { keys = append(keys, k) })
		return keys
	}
	return append([]string(nil), m.names()...)
}

// Range calls f for each attribute in insertion order (string keys only,
// once the program owns the dict).
func (m *AttrMap) Range(f func(name string, v Value)) {
	if m.live != nil {
		m.live.d.Items(func(k, v Value) bool {
			if s, ok := k.obj.(*StrObj); ok {
				f(s.S, v)
			}
			return true
		})
		return
	}
	for i, k := range m.names() {
		f(k, m.vals[i])
	}
}
