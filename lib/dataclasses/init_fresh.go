package dataclasses

// This file is the generated __init__'s path for a fresh instance of a
// plain class: it gathers the field values and hands them to the
// instance's attribute map in one step, over a list of names shared by
// every instance of the class, instead of growing the map field by
// field. Nothing can observe the instance between the fields (defaults
// are constants and factories take no arguments), so the result is the
// same as storing them one at a time.

import "github.com/aio-lang/aio/runtime"

// maxSharedNames bounds the fields stored in one step: larger attribute
// maps keep a hash index, which a shared list does not have.
const maxSharedNames = 11

// storedNames are the names of the fields that every call stores, in
// order, or nil when some field may be left out (init=False without a
// default factory: the class attribute stands in) or there are too many.
func storedNames(fields []initField) []string {
	var names []string
	for i := range fields {
		fd := &fields[i]
		if fd.initVar {
			continue
		}
		if !fd.param && !fd.factory.IsValid() {
			return nil
		}
		names = append(names, fd.name)
	}
	if len(names) == 0 || len(names) > maxSharedNames {
		return nil
	}
	return names
}

// freshInstance returns self when it is an instance with no attributes
// yet whose fields go straight into its dictionary, and f stores a fixed
// list of names.
func (f *initFunc) freshInstance(self runtime.Value) (*runtime.Instance, bool) {
	if f.names == nil {
		return nil, false
	}
	inst, ok := self.Object().(*runtime.Instance)
	if !ok || inst.Dict.Len() != 0 || !f.storesDirectly(inst.Class) {
		return nil, false
	}
	return inst, true
}

// storesDirectly reports whether storing the fields on an instance of cls
// is putting them in its dictionary: the class has no data descriptors or
// attribute hooks, or it is frozen (so that __init__ stores through
// object.__setattr__, past the class's refusing __setattr__) and none of
// the field names is a data descriptor on the class. The frozen answer is
// kept until a class changes.
func (f *initFunc) storesDirectly(cls *runtime.Type) bool {
	if !cls.HasDataDescriptors() {
		return true
	}
	if !f.frozen {
		return false
	}
	epoch := runtime.ClassEpoch()
	if f.checked != cls || f.checkedAt != epoch {
		f.checked, f.checkedAt, f.plainNames = cls, epoch, true
		for _, name := range f.names {
			if v, ok := cls.Lookup(name); ok && isDataDescriptor(v) {
				f.plainNames = false
				break
			}
		}
	}
	return f.plainNames
}

// isDataDescriptor reports whether a class attribute takes over setting
// the instance attribute of its name: a built-in data descriptor (a
// property, a slot) or an object whose class defines __set__ or
// __delete__.
func isDataDescriptor(v runtime.Value) bool {
	if _, ok := v.Object().(runtime.DataDescriptor); ok {
		return true
	}
	t := v.Type()
	if _, ok := t.Lookup("__set__"); ok {
		return true
	}
	_, ok := t.Lookup("__delete__")
	return ok
}

// fill stores the gathered values of f.names on inst, one by one if the
// map cannot take them in one step.
func (f *initFunc) fill(inst *runtime.Instance, vals []runtime.Value) {
	if len(vals) == len(f.names) && inst.Dict.FillShared(f.names, vals) {
		return
	}
	for i, v := range vals {
		inst.SetAttrValue(f.names[i], v)
	}
}
