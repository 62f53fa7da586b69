package runtime

// This file implements __slots__: a class listing its instance attributes
// gets a member descriptor per name, and its instances no __dict__ unless
// "__dict__" is listed or a base without __slots__ provides one.

// slotDescriptor is the class attribute made for a name in __slots__; the
// value lives in the instance's attribute map.
type slotDescriptor struct {
	name  string
	owner *Type
}

// Type returns member_descriptor.
func (*slotDescriptor) Type() *Type { return MemberDescriptorType }

// Repr is CPython's "<member 'x' of 'C' objects>".
func (d *slotDescriptor) Repr(th *Thread) (string, error) {
	return "<member '" + d.name + "' of '" + d.owner.Name + "' objects>", nil
}

// Get reads the slot, or raises AttributeError when it is unset.
func (d *slotDescriptor) Get(th *Thread, obj Value, cls *Type) (Value, error) {
	if !obj.IsValid() {
		return Obj(d), nil
	}
	if inst, ok := obj.obj.(*Instance); ok {
		if v, ok := inst.Dict.Lookup(d.name); ok {
			return v, nil
		}
	}
	return Value{}, attributeError(obj, d.name)
}

// Set writes the slot.
func (d *slotDescriptor) Set(th *Thread, obj Value, v Value) error {
	inst, ok := obj.obj.(*Instance)
	if !ok || !inst.Class.IsSubtype(d.owner) {
		return Errorf(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d.name, d.owner.Name, obj.Type().Name)
	}
	inst.Dict.Set(d.name, v)
	return nil
}

// Delete empties the slot.
func (d *slotDescriptor) Delete(th *Thread, obj Value) error {
	if inst, ok := obj.obj.(*Instance); ok && inst.Dict.Delete(d.name) {
		return nil
	}
	return Errorf(AttributeError, "%s", d.name)
}

// setupSlots applies t's __slots__, if it defines one, when the class is
// made.
func setupSlots(th *Thread, t *Type) error {
	v, ok := t.Attrs["__slots__"]
	if !ok {
		return nil
	}
	var items []Value
	if _, isStr := v.obj.(*StrObj); isStr {
		items = []Value{v}
	} else {
		var err error
		if items, err = Collect(th, v); err != nil {
			return err
		}
	}
	withDict := false
	for _, it := range items {
		s, ok := it.obj.(*StrObj)
		if !ok {
			return Errorf(TypeError, "__slots__ items must be strings, not '%s'", it.Type().Name)
		}
		switch s.S {
		case "__dict__":
			withDict = true
			continue
		case "__weakref__":
			continue
		}
		if _, clash := t.Attrs[s.S]; clash {
			return Errorf(ValueError, "'%s' in __slots__ conflicts with class variable", s.S)
		}
		t.SetAttr(s.S, Obj(&slotDescriptor{name: s.S, owner: t}))
	}
	t.noDict = !withDict
	for _, b := range t.Bases {
		if b.User && !b.noDict {
			t.noDict = false
		}
	}
	return nil
}

// isSlot reports whether name is a __slots__ attribute of cls, whose value
// an instance keeps beside its __dict__ entries.
func isSlot(cls *Type, name string) bool {
	v, ok := cls.Lookup(name)
	if !ok {
		return false
	}
	_, ok = v.obj.(*slotDescriptor)
	return ok
}
