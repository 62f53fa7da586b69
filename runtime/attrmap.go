package runtime

// This file defines AttrMap, the attribute dictionary of instances: a
// small insertion-ordered list, searched linearly, with a hash index only
// once it grows. Objects usually have a handful of attributes whose names
// come from the same code constants, so a scan of a few string compares
// (length and pointer first) beats hashing the name on every access.

// attrMapIndexAt is the size from which an AttrMap keeps a hash index.
const attrMapIndexAt = 12

// AttrMap maps attribute names to values in insertion order.
type AttrMap struct {
	keys  []string
	vals  []Value
	index map[string]int
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
	return len(m.keys)
}

// AsDict returns the attributes as a dict that stays the object's
// attribute storage (Python's obj.__dict__); skip names are left out of
// it (slot values).
func (m *AttrMap) AsDict(th *Thread, skip func(name string) bool) (*Dict, error) {
	if m.live != nil {
		return m.live.d, nil
	}
	d := NewDict()
	for i, k := range m.keys {
		if skip != nil && skip(k) {
			continue
		}
		if err := d.SetItem(th, Str(k), m.vals[i]); err != nil {
			return nil, err
		}
	}
	*m = AttrMap{index: liveIndex, live: &liveDict{d: d, th: th}}
	return d, nil
}

func (m *AttrMap) find(name string) int {
	if m.index != nil {
		if i, ok := m.index[name]; ok {
			return i
		}
		return -1
	}
	// Names from compiled code are interned, so the usual match is the
	// same string data (memequal returns at once); the first-byte test
	// keeps a different name of the same length from a full compare.
	for i, k := range m.keys {
		if len(k) == len(name) && (len(k) == 0 || k[0] == name[0]) && k == name {
			return i
		}
	}
	return -1
}

// Get returns the value of name. It stays small enough to inline into
// the VM's attribute fast paths, and so misses every name once the dict
// is live (its index is then the empty liveIndex): callers that must see
// such attributes fall back to Lookup.
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

// liveIndex is the index of every live AttrMap: empty, so that Get
// misses, and never written (Set and Delete handle live maps first).
var liveIndex = map[string]int{}

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
	m.keys = append(m.keys, name)
	m.vals = append(m.vals, v)
	if m.index != nil {
		m.index[name] = len(m.keys) - 1
	} else if len(m.keys) >= attrMapIndexAt {
		m.reindex()
	}
}

func (m *AttrMap) reindex() {
	m.index = make(map[string]int, len(m.keys))
	for i, k := range m.keys {
		m.index[k] = i
	}
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
	// A fresh array: the names may be shared with other maps (FillShared).
	m.keys = append(m.keys[:i:i], m.keys[i+1:]...)
	m.vals[i] = Value{}
	m.vals = append(m.vals[:i], m.vals[i+1:]...)
	if m.index != nil {
		m.reindex()
	}
	return true
}

// Keys returns the names in insertion order.
func (m *AttrMap) Keys() []string {
	if m.live != nil {
		var keys []string
		m.Range(func(k string, _ Value) { keys = append(keys, k) })
		return keys
	}
	return append([]string(nil), m.keys...)
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
	for i, k := range m.keys {
		f(k, m.vals[i])
	}
}
