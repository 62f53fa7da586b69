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
}

// Len returns the number of attributes.
func (m *AttrMap) Len() int { return len(m.keys) }

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

// Get returns the value of name.
func (m *AttrMap) Get(name string) (Value, bool) {
	if i := m.find(name); i >= 0 {
		return m.vals[i], true
	}
	return Value{}, false
}

// Set binds name to v.
func (m *AttrMap) Set(name string, v Value) {
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
	i := m.find(name)
	if i < 0 {
		return false
	}
	m.keys = append(m.keys[:i], m.keys[i+1:]...)
	m.vals[i] = Value{}
	m.vals = append(m.vals[:i], m.vals[i+1:]...)
	if m.index != nil {
		m.reindex()
	}
	return true
}

// Keys returns the names in insertion order.
func (m *AttrMap) Keys() []string { return append([]string(nil), m.keys...) }

// Range calls f for each attribute in insertion order.
func (m *AttrMap) Range(f func(name string, v Value)) {
	for i, k := range m.keys {
		f(k, m.vals[i])
	}
}
