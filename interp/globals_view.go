package interp

// This file implements the dict globals() returns. aio keeps a module's
// globals in slots the VM caches rather than in a dict, so each module
// gets one dict, handed out by every globals() call: the call brings it
// up to date with the module, and every write to it (d[k] = v, del d[k],
// update, pop, ...) reaches the module at once. exec() and eval() given
// that dict run in the module itself.

import "github.com/aio-lang/aio/runtime"

// globalsView is a module's globals() dict.
type globalsView struct {
	d  *runtime.Dict
	ms *moduleState
}

// globalsView returns ms's globals() dict, refreshed from the module.
func (in *Interp) globalsView(th *runtime.Thread, ms *moduleState) (*runtime.Dict, error) {
	m := ms.globals
	if in.globalsDicts == nil {
		in.globalsDicts = map[*runtime.Module]globalsView{}
	}
	view, ok := in.globalsDicts[m]
	if !ok {
		d := runtime.NewDict()
		d.Watch(func(key, v runtime.Value) {
			s, ok := runtime.As[*runtime.StrObj](key)
			if !ok {
				return // a non-str key has no global to be
			}
			if v.IsValid() {
				m.Set(s.S, v)
			} else {
				m.DelAttrValue(s.S)
			}
		})
		view = globalsView{d: d, ms: ms}
		in.globalsDicts[m] = view
	}
	return view.d, in.refreshGlobalsDict(th, m, view.d)
}

// refreshGlobalsDict makes d hold exactly m's globals.
func (in *Interp) refreshGlobalsDict(th *runtime.Thread, m *runtime.Module, d *runtime.Dict) error {
	for _, k := range d.Keys() {
		if s, ok := runtime.As[*runtime.StrObj](k); ok {
			if v, ok := m.Get(s.S); ok && v.IsValid() {
				continue
			}
		}
		if _, _, err := d.Delete(th, k); err != nil {
			return err
		}
	}
	for _, name := range m.Names() {
		if v, ok := m.Get(name); ok && v.IsValid() {
			if old, ok, _ := d.Get(th, runtime.Str(name)); ok && old.Is(v) {
				continue
			}
			if err := d.SetItem(th, runtime.Str(name), v); err != nil {
				return err
			}
		}
	}
	return nil
}

// liveGlobalsOf returns the module whose globals() dict d is, or nil.
func (in *Interp) liveGlobalsOf(d *runtime.Dict) *moduleState {
	for _, view := range in.globalsDicts {
		if view.d == d {
			return view.ms
		}
	}
	return nil
}

// ModuleDict implements runtime.ModuleDicts: a module's __dict__ is the
// dict globals() returns in its code.
func (in *Interp) ModuleDict(th *runtime.Thread, m *runtime.Module) (*runtime.Dict, error) {
	return in.globalsView(th, &moduleState{name: m.Name, globals: m, builtins: in.builtins, vm: in})
}
