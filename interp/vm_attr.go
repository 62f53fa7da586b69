package interp

// This file holds the attribute fast paths the run loop shares between its
// plain and fused attribute instructions, with their inline caches: for
// each name a function reads or writes on instances, the shared shape
// (attribute layout) it last saw and the position of the name in it, or
// the shape that adding the name leads to. A hit costs a pointer compare
// instead of a scan of the instance's names.

import "github.com/aio-lang/aio/runtime"

// attrEntry is the cache of one name on one layout: on instances of
// layout shape, the name is at idx (idx >= 0), or is absent and adding it
// leads to grow.
type attrEntry struct {
	shape *runtime.AttrShape
	grow  *runtime.AttrShape
	idx   int
}

// attrWays is the number of layouts cached per name: a base class's
// method sees the instances of its subclasses, whose layouts differ.
const attrWays = 4

// attrEntries returns the cache entries of name index i.
func (fn *function) attrEntries(i int) []attrEntry {
	if fn.attrCache == nil {
		fn.attrCache = make([]attrEntry, attrWays*len(fn.code.Names))
	}
	return fn.attrCache[attrWays*i : attrWays*i+attrWays]
}

// remember records e for name index i in the first free way, or in place
// of the last one used when all are taken (the others move down).
func (fn *function) remember(i int, e attrEntry) {
	ways := fn.attrEntries(i)
	for k := range ways {
		if ways[k].shape == nil || ways[k].shape == e.shape {
			ways[k] = e
			return
		}
	}
	copy(ways[1:], ways[:attrWays-1])
	ways[0] = e
}

// directEntry caches runtime.DirectInstanceAttr for one name and class.
type directEntry struct {
	cls         *runtime.Type
	epoch       uint64
	load, store bool
}

// direct reports whether names[i] on instances of cls (a class with data
// descriptors or hooks somewhere) is read (store false) or written
// (store true) in the instance's attribute map directly.
func (fn *function) direct(cls *runtime.Type, i int, store bool) bool {
	if fn.directCache == nil {
		fn.directCache = make([]directEntry, len(fn.code.Names))
	}
	e := &fn.directCache[i]
	if epoch := runtime.ClassEpoch(); e.cls != cls || e.epoch != epoch {
		load, st := runtime.DirectInstanceAttr(cls, fn.code.Names[i])
		*e = directEntry{cls: cls, epoch: epoch, load: load, store: st}
	}
	if store {
		return e.store
	}
	return e.load
}

// loadAttrFast returns obj.names[i] when obj is an instance of a user
// class whose instances keep that attribute in their map (no data
// descriptor of that name or __getattribute__) and that has the
// attribute itself; false sends the caller to the generic path.
func (fn *function) loadAttrFast(obj runtime.Value, i int) (runtime.Value, bool) {
	inst, ok := runtime.AsExact[*runtime.Instance](obj)
	if !ok || !inst.Class.PlainInstances() && !fn.direct(inst.Class, i, false) {
		return runtime.Value{}, false
	}
	if s := inst.Dict.CacheableShape(); s != nil && fn.attrCache != nil {
		for _, e := range fn.attrCache[attrWays*i : attrWays*i+attrWays] {
			if e.shape == s && e.idx >= 0 {
				return inst.Dict.At(e.idx), true
			}
		}
	}
	return fn.loadAttrMiss(inst, i)
}

// loadAttrMiss is loadAttrFast's search by name, which records the
// position found for the instance's layout.
func (fn *function) loadAttrMiss(inst *runtime.Instance, i int) (runtime.Value, bool) {
	name := fn.code.Names[i]
	v, ok := inst.Dict.Get(name)
	if s := inst.Dict.CacheableShape(); ok && s != nil {
		fn.remember(i, attrEntry{shape: s, idx: s.Index(name)})
	}
	return v, ok
}

// storeAttrFast performs obj.names[i] = v straight into the attribute map
// of an instance of a user class whose instances keep that attribute in
// their map (no data descriptor of that name or __setattr__), reporting
// false when the generic path must run: other
// objects, and the names that object.__setattr__ treats specially
// (__class__ changes the instance's class, __dict__ replaces its
// attributes).
func (fn *function) storeAttrFast(obj runtime.Value, i int, v runtime.Value) bool {
	inst, ok := runtime.AsExact[*runtime.Instance](obj)
	if !ok || inst.Class == runtime.ObjectType || !inst.Class.PlainInstances() && !fn.direct(inst.Class, i, true) {
		return false
	}
	if s := inst.Dict.CacheableShape(); s != nil && fn.attrCache != nil {
		for _, e := range fn.attrCache[attrWays*i : attrWays*i+attrWays] {
			if e.shape == s {
				if e.idx >= 0 {
					inst.Dict.SetAt(e.idx, v)
				} else {
					inst.Dict.Grow(e.grow, v)
				}
				return true
			}
		}
	}
	return fn.storeAttrMiss(inst, i, v)
}

// storeAttrMiss is storeAttrFast's store by name, which records where the
// name was, or which layout adding it led to.
func (fn *function) storeAttrMiss(inst *runtime.Instance, i int, v runtime.Value) bool {
	name := fn.code.Names[i]
	if isDunderStoreName(name) {
		return false
	}
	before := inst.Dict.CacheableShape()
	inst.Dict.Set(name, v)
	if before == nil {
		return true
	}
	if idx := before.Index(name); idx >= 0 {
		fn.remember(i, attrEntry{shape: before, idx: idx})
	} else if after := inst.Dict.CacheableShape(); after != nil && before.AddsTo(name) == after {
		fn.remember(i, attrEntry{shape: before, idx: -1, grow: after})
	}
	return true
}

// isDunderStoreName reports whether name is one that object.__setattr__
// handles itself rather than storing it in the instance dictionary.
func isDunderStoreName(name string) bool {
	return len(name) > 4 && name[0] == '_' && name[1] == '_' && (name == "__class__" || name == "__dict__")
}
