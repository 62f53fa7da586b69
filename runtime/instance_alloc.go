package runtime

// This file allocates instances of user classes together with the storage
// of their attributes: one allocation per object instead of one for the
// instance and one per growth of its attribute values while __init__
// runs. The storage reserved is the widest layout the class's instances
// have had so far (its shape tree's widest shape), so the first instances
// grow as before and the following ones are sized once.

// Instances with their attribute values in the same allocation, one type
// per width up to eight: with a 56-byte Instance and 24-byte Values each
// lands close to one of Go's size classes.
type (
	instance1 struct {
		Instance
		store [1]Value
	}
	instance2 struct {
		Instance
		store [2]Value
	}
	instance3 struct {
		Instance
		store [3]Value
	}
	instance4 struct {
		Instance
		store [4]Value
	}
	instance5 struct {
		Instance
		store [5]Value
	}
	instance6 struct {
		Instance
		store [6]Value
	}
	instance7 struct {
		Instance
		store [7]Value
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
	switch n := root.tree.widest; n {
	case 0:
		inst = &Instance{}
	case 1:
		p := &instance1{}
		p.Dict.vals = p.store[:0]
		inst = &p.Instance
	case 2:
		p := &instance2{}
		p.Dict.vals = p.store[:0]
		inst = &p.Instance
	case 3:
		p := &instance3{}
		p.Dict.vals = p.store[:0]
		inst = &p.Instance
	case 4:
		p := &instance4{}
		p.Dict.vals = p.store[:0]
		inst = &p.Instance
	case 5:
		p := &instance5{}
		p.Dict.vals = p.store[:0]
		inst = &p.Instance
	case 6:
		p := &instance6{}
		p.Dict.vals = p.store[:0]
		inst = &p.Instance
	case 7:
		p := &instance7{}
		p.Dict.vals = p.store[:0]
		inst = &p.Instance
	case 8:
		p := &instance8{}
		p.Dict.vals = p.store[:0]
		inst = &p.Instance
	default:
		inst = &Instance{}
		inst.Dict.vals = make([]Value, 0, n)
	}
	inst.Class = cls
	inst.Dict.shape = root
	return inst
}
