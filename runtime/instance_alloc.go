package runtime

// This file allocates instances of user classes together with the storage
// of their attributes: one allocation per object instead of one for the
// instance and one per growth of its attribute values while __init__
// runs. The storage reserved is the widest layout the class's instances
// have had so far (its shape tree's widest shape), so the first instances
// grow as before and the following ones are sized once.

// Instances with their attribute values in the same allocation, for the
// common widths (a Value is 24 bytes: the sizes fit Go's size classes).
type (
	instance2 struct {
		Instance
		store [2]Value
	}
	instance4 struct {
		Instance
		store [4]Value
	}
	instance6 struct {
		Instance
		store [6]Value
	}
	instance8 struct {
		Instance
		store [8]Value
	}
)

// newInstance returns a new instance of the user class cls, with its
// attribute map on the class's shared shapes and room for as many
// attributes as the widest instance of cls had.
func newInstance(cls *Type) *Instance {
	root := cls.shapeRoot()
	if root == nil {
		return &Instance{Class: cls}
	}
	var inst *Instance
	switch n := root.tree.widest; {
	case n == 0:
		inst = &Instance{Class: cls}
	case n <= 2:
		p := &instance2{}
		p.Dict.vals = p.store[:0]
		inst = &p.Instance
	case n <= 4:
		p := &instance4{}
		p.Dict.vals = p.store[:0]
		inst = &p.Instance
	case n <= 6:
		p := &instance6{}
		p.Dict.vals = p.store[:0]
		inst = &p.Instance
	case n <= 8:
		p := &instance8{}
		p.Dict.vals = p.store[:0]
		inst = &p.Instance
	default:
		inst = &Instance{Class: cls}
		inst.Dict.vals = make([]Value, 0, n)
	}
	inst.Class = cls
	inst.Dict.shape = root
	return inst
}
