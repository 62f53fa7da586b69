package runtime

// This file lets a constructor that sets the same names on every
// instance (a dataclass's generated __init__) fill an empty attribute
// map in one step: the names are followed through the class's shared
// shapes (attrshape.go), and the values stored at once.

// FillShared makes an empty map hold names[i] = vals[i]. It reports
// false, changing nothing, when the map is not empty, when the lengths
// differ, or when a name repeats.
func (m *AttrMap) FillShared(names []string, vals []Value) bool {
	if m.live != nil || len(m.vals) != 0 || len(names) != len(vals) {
		return false
	}
	for i, n := range names {
		for _, seen := range names[:i] {
			if seen == n {
				return false
			}
		}
	}
	s := m.shape
	for _, n := range names {
		s = s.with(n)
	}
	m.shape = s
	m.vals = append(m.vals, vals...)
	return true
}
