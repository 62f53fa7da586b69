package interp

// This file holds the attribute fast paths the run loop shares between its
// plain and fused attribute instructions.

import "github.com/aio-lang/aio/runtime"

// storeAttrFast performs obj.name = v straight into the attribute map of
// an instance of a plain user class (no data descriptor or __setattr__),
// reporting false when the generic path must run: other objects, and the
// names that object.__setattr__ treats specially (__class__ changes the
// instance's class, __dict__ replaces its attributes).
func storeAttrFast(obj runtime.Value, name string, v runtime.Value) bool {
	inst, ok := runtime.AsExact[*runtime.Instance](obj)
	if !ok || inst.Class == runtime.ObjectType || !inst.Class.PlainInstances() || isDunderStoreName(name) {
		return false
	}
	inst.Dict.Set(name, v)
	return true
}

// isDunderStoreName reports whether name is one that object.__setattr__
// handles itself rather than storing it in the instance dictionary.
func isDunderStoreName(name string) bool {
	return len(name) > 4 && name[0] == '_' && name[1] == '_' && (name == "__class__" || name == "__dict__")
}
