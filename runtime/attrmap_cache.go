package runtime

// This file gives the interpreter's inline attribute caches what they
// need: a shared shape's identity, which fixes the position of every name
// (shared shapes never change), and access to values by position.

// CacheableShape returns m's shape when it is shared and so may key a
// cache (its names and their positions never change), or nil.
func (m *AttrMap) CacheableShape() *AttrShape {
	if s := m.shape; s != nil && s.tree != nil {
		return s
	}
	return nil
}

// Index returns the position of name in s, or -1.
func (s *AttrShape) Index(name string) int { return s.find(name) }

// At returns the value at position i of a map whose shape was checked to
// be the one a cache recorded i for.
func (m *AttrMap) At(i int) Value { return m.vals[i] }

// SetAt replaces the value at position i, under the same condition as At.
func (m *AttrMap) SetAt(i int, v Value) { m.vals[i] = v }

// Grow adds the value of a new attribute: next must be the shape a cache
// recorded as following m's current shape for that name (see AddsTo).
func (m *AttrMap) Grow(next *AttrShape, v Value) {
	m.shape = next
	m.vals = append(m.vals, v)
}

// AddsTo returns the shared shape that adding name to s leads to, if the
// class's tree holds it already, or nil.
func (s *AttrShape) AddsTo(name string) *AttrShape {
	for _, e := range s.next {
		if e.name == name {
			return e.to
		}
	}
	return nil
}
