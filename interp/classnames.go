package interp

// This file lets a class body whose metaclass's __prepare__ returned a
// mapping other than a dict use that mapping for its names, one
// assignment at a time, as CPython does: enum's namespace sees each
// member as it is defined (and refuses a name defined twice).

import "github.com/aio-lang/aio/runtime"

// enterPrepared makes m the namespace of the class body running in f.
func (in *Interp) enterPrepared(f *frame, m runtime.Value) {
	if in.prepared == nil {
		in.prepared = map[*frame]runtime.Value{}
	}
	in.prepared[f] = m
}

// preparedFor returns the prepared namespace of f's class body, if any;
// module and function frames (no ns) answer at once.
func (in *Interp) preparedFor(f *frame) (runtime.Value, bool) {
	if f.ns == nil || len(in.prepared) == 0 {
		return runtime.Value{}, false
	}
	m, ok := in.prepared[f]
	return m, ok
}

// leavePrepared ends enterPrepared once the body has run.
func (in *Interp) leavePrepared(f *frame) { delete(in.prepared, f) }

// loadPrepared reads name from the prepared namespace of f's class body:
// found is false (with no error) when f has none or the mapping has no
// such key, so that the globals and builtins are searched next.
func (in *Interp) loadPrepared(th *runtime.Thread, f *frame, name string) (v runtime.Value, found bool, err error) {
	m, ok := in.prepared[f]
	if !ok {
		return runtime.Value{}, false, nil
	}
	v, err = runtime.GetItem(th, m, runtime.Str(name))
	if err != nil {
		if runtime.IsInstance(err, runtime.KeyError) {
			return runtime.Value{}, false, nil
		}
		return runtime.Value{}, false, err
	}
	return v, true, nil
}
