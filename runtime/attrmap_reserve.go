package runtime

// This file lets code that knows how many attributes it is about to set
// (a dataclass's generated __init__) size an attribute map once.

// Reserve makes room for n more attributes without growing the map's
// storage attribute by attribute.
func (m *AttrMap) Reserve(n int) {
	if m.live != nil || cap(m.vals)-len(m.vals) >= n {
		return
	}
	vals := make([]Value, len(m.vals), len(m.vals)+n)
	copy(vals, m.vals)
	m.vals = vals
}
