package runtime

// This file decides, name by name, whether an instance attribute can be
// read or written in the instance's attribute map directly. A class with
// one property or __slots__ has data descriptors, so PlainInstances is
// false for it, yet its other attributes (and its slots, whose values the
// map holds) need no descriptor call: the interpreter's attribute caches
// ask this once per class and name.

// DirectInstanceAttr reports whether obj.name on instances of the user
// class cls reads the instance's attribute map first and alone when it
// holds the name (load), and whether obj.name = v writes it there
// (store): no __getattribute__ (__setattr__) hook, and on the class the
// name is unset, a non-data descriptor, a plain value, or a __slots__
// member. The answers hold while ClassEpoch is unchanged.
func DirectInstanceAttr(cls *Type, name string) (load, store bool) {
	if !cls.User || cls.shared {
		return false, false
	}
	_, getHook := userHook(cls, "__getattribute__")
	_, setHook := userHook(cls, "__setattr__")
	load, store = !getHook, !setHook && !cls.noDict
	v, found := cls.Lookup(name)
	if !found {
		return load, store
	}
	if d, ok := v.obj.(*slotDescriptor); ok && cls.IsSubtype(d.owner) {
		return load, !setHook
	}
	if _, ok := v.obj.(DataDescriptor); ok || isUserDataDescr(v) {
		return false, false
	}
	return load, store
}
