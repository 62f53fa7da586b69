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

// freshInstance returns self when it is a plain instance (no data
// descriptors on its class) with no attributes yet and f stores a fixed
// list of names.
func (f *initFunc) freshInstance(self runtime.Value) (*runtime.Instance, bool) {
	if f.names == nil {
		return nil, false
	}
	inst, ok := self.Object().(*runtime.Instance)
	if !ok || inst.Class.HasDataDescriptors() || inst.Dict.Len() != 0 {
		return nil, false
	}
	return inst, true
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
