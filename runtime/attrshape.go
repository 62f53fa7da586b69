package runtime

// This file defines attribute shapes: the list of attribute names an
// instance has, in the order they were set, shared by every instance of a
// class that set the same names in the same order. Instances of a class
// usually get the same attributes from the same __init__, so storing the
// names once per class (and each instance's values alone) saves a slice
// per instance and lets caches recognise a layout by one pointer.
//
// The shapes of a class, shared with its subclasses, form a tree rooted
// at the empty shape: adding a name to a shared shape follows (or
// creates) the edge for that name. A tree stops growing past
// maxShapesPerClass, after which an instance gets a private shape that it
// alone owns and changes in place, as it does after a deletion. Shapes of built-in and shared types are always
// private, since those types are used by interpreters on other
// goroutines and their trees could not be grown safely.

// maxShapesPerClass bounds the shared shapes of a class tree: a program that
// sets attributes named after its data would otherwise make a shape per
// combination.
const maxShapesPerClass = 128

// AttrShape is an attribute layout: names in insertion order, and the
// position of each.
type AttrShape struct {
	keys []string
	// index maps names to positions once there are attrMapIndexAt of them.
	index map[string]int
	// tree is the class's shape tree for a shared shape, nil for a
	// private one.
	tree *shapeTree
	// next are the shapes reached by adding one name (shared shapes only).
	next []shapeEdge
}

// shapeEdge is a transition of a shared shape.
type shapeEdge struct {
	name string
	to   *AttrShape
}

// shapeTree is the set of shared shapes of a class.
type shapeTree struct {
	root  AttrShape
	count int
	// widest is the largest number of attributes of a shape in the tree,
	// the storage a new instance reserves so that its __init__ does not
	// grow it name by name.
	widest int
	// bytes is the memory held by the tree's shapes, charged to the class.
	bytes int64
}

// shapeRoot returns the empty shared shape of a user class, or nil when
// the class's instances use private shapes. A class shares the tree of
// its user base (__base__), so that a base class's methods, whose caches
// see instances of every subclass, find the attributes its __init__ set
// on one layout.
func (t *Type) shapeRoot() *AttrShape {
	if !t.User || t.shared {
		return nil
	}
	if t.shapes == nil {
		if b := t.Base; b != nil && b.User && !b.shared {
			b.shapeRoot()
			t.shapes = b.shapes
		} else {
			t.shapes = &shapeTree{}
			t.shapes.root.tree = t.shapes
		}
	}
	return &t.shapes.root
}

// find returns the position of name in s, or -1.
func (s *AttrShape) find(name string) int {
	if s.index != nil {
		if i, ok := s.index[name]; ok {
			return i
		}
		return -1
	}
	// Names from compiled code are interned, so the usual match is the
	// same string data (memequal returns at once); the first-byte test
	// keeps a different name of the same length from a full compare.
	for i, k := range s.keys {
		if len(k) == len(name) && (len(k) == 0 || k[0] == name[0]) && k == name {
			return i
		}
	}
	return -1
}

// with returns the shape of s with name added at the end. A private s is
// changed in place (its map is its only user); a shared one leads to the
// shared child for name, made if the tree has room, or to a private copy.
func (s *AttrShape) with(name string) *AttrShape {
	if s == nil {
		return &AttrShape{keys: []string{name}}
	}
	if s.tree == nil {
		s.keys = append(s.keys, name)
		if s.index != nil {
			s.index[name] = len(s.keys) - 1
		} else if len(s.keys) >= attrMapIndexAt {
			s.reindex()
		}
		return s
	}
	for _, e := range s.next {
		if e.name == name {
			return e.to
		}
	}
	t := s.tree
	keys := make([]string, len(s.keys)+1)
	copy(keys, s.keys)
	keys[len(s.keys)] = name
	if t.count >= maxShapesPerClass {
		c := &AttrShape{keys: keys}
		if len(keys) >= attrMapIndexAt {
			c.reindex()
		}
		return c
	}
	c := &AttrShape{keys: keys, tree: t}
	if len(keys) >= attrMapIndexAt {
		c.reindex()
	}
	s.next = append(s.next, shapeEdge{name, c})
	t.count++
	t.widest = max(t.widest, len(keys))
	t.bytes += c.footprint() + 24 // and the edge leading to it
	return c
}

// without returns a private shape of s with the name at position i
// removed; a private s is changed in place.
func (s *AttrShape) without(i int) *AttrShape {
	if s.tree != nil {
		keys := make([]string, 0, len(s.keys)-1)
		s = &AttrShape{keys: append(append(keys, s.keys[:i]...), s.keys[i+1:]...)}
	} else {
		s.keys = append(s.keys[:i], s.keys[i+1:]...)
	}
	s.index = nil
	if len(s.keys) >= attrMapIndexAt {
		s.reindex()
	}
	return s
}

func (s *AttrShape) reindex() {
	s.index = make(map[string]int, len(s.keys))
	for i, k := range s.keys {
		s.index[k] = i
	}
}

// footprint is the memory of a shape's own storage.
func (s *AttrShape) footprint() int64 {
	n := int64(64) + int64(cap(s.keys))*16 + int64(cap(s.next))*24
	if s.index != nil {
		n += sizeOfMap(s.index)
	}
	return n
}
