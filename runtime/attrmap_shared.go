package runtime

// This file lets a constructor that sets the same names on every
// instance (a dataclass's generated __init__) fill an empty attribute
// map in one step, with the list of names shared by all those instances:
// each instance then owns only its values. The shared list is never
// written through: it is sliced to its length, so Set appends to a copy,
// and Delete copies before removing.

// FillShared makes an empty map hold names[i] = vals[i]. names is kept,
// not copied, and must not change afterwards; vals becomes the map's own.
// It reports false, changing nothing, when the map is not empty, when the
// lengths differ, or when there are too many names for a map without an
// index.
func (m *AttrMap) FillShared(names []string, vals []Value) bool {
	if m.live != nil || len(m.keys) != 0 || len(names) != len(vals) || len(names) >= attrMapIndexAt {
		return false
	}
	m.keys = names[:len(names):len(names)]
	m.vals = vals
	return true
}
