package functools

// This file defines functools.partial in Go: calling a partial object is
// on the hot path of callback-heavy code (asyncio callbacks, sort keys),
// so it merges the frozen and the new arguments without interpreting
// anything.

import (
	"strings"
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// partialType is functools.partial; scripts may subclass it.
var partialType = runtime.NewType("partial", runtime.ObjectType)

// partialObj is a partial object: fn called with args and kw before the
// call's own arguments (whose keywords override kw).
type partialObj struct {
	cls  *runtime.Type
	fn   runtime.Value
	args []runtime.Value
	kw   []runtime.Kwarg
	dict map[string]runtime.Value
}

// Type returns partial, or the script's subclass.
func (p *partialObj) Type() *runtime.Type { return p.cls }

// Call calls the function with the frozen arguments first.
func (p *partialObj) Call(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	all := args
	if len(p.args) > 0 {
		all = make([]runtime.Value, 0, len(p.args)+len(args))
		all = append(append(all, p.args...), args...)
	}
	return th.Call(p.fn, all, mergeKwargs(p.kw, kw))
}

// mergeKwargs is the frozen keywords updated by those of a call.
func mergeKwargs(frozen, given []runtime.Kwarg) []runtime.Kwarg {
	if len(frozen) == 0 {
		return given
	}
	if len(given) == 0 {
		return frozen
	}
	out := make([]runtime.Kwarg, 0, len(frozen)+len(given))
	for _, k := range frozen {
		if !hasKwarg(given, k.Name) {
			out = append(out, k)
		} else {
			out = append(out, runtime.Kwarg{Name: k.Name, Value: kwargValue(given, k.Name)})
		}
	}
	for _, k := range given {
		if !hasKwarg(frozen, k.Name) {
			out = append(out, k)
		}
	}
	return out
}

func hasKwarg(kw []runtime.Kwarg, name string) bool {
	for _, k := range kw {
		if k.Name == name {
			return true
		}
	}
	return false
}

func kwargValue(kw []runtime.Kwarg, name string) runtime.Value {
	for _, k := range kw {
		if k.Name == name {
			return k.Value
		}
	}
	return runtime.Value{}
}

// keywords returns the frozen keywords as a new dict.
func (p *partialObj) keywords(th *runtime.Thread) runtime.Value {
	d := runtime.NewDict()
	for _, k := range p.kw {
		_ = d.SetItem(th, runtime.Str(k.Name), k.Value)
	}
	return runtime.Obj(d)
}

// Attr returns func, args, keywords, __dict__ and attributes set by the
// script.
func (p *partialObj) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "func":
		return p.fn, true
	case "args":
		return runtime.TupleOf(p.args...), true
	case "keywords":
		return p.keywords(nil), true
	case "__dict__":
		d := runtime.NewDict()
		for k, v := range p.dict {
			_ = d.SetItem(nil, runtime.Str(k), v)
		}
		return runtime.Obj(d), true
	}
	v, ok := p.dict[name]
	return v, ok
}

// SetAttrValue sets a script attribute; func, args and keywords are
// read-only.
func (p *partialObj) SetAttrValue(name string, v runtime.Value) bool {
	switch name {
	case "func", "args", "keywords", "__dict__":
		return false
	}
	return setAttr(&p.dict, name, v)
}

// DelAttrValue deletes a script attribute.
func (p *partialObj) DelAttrValue(name string) bool { return delAttr(p.dict, name) }

// Repr is functools.partial(func, args..., name=value...), with the
// subclass's name for a subclass.
func (p *partialObj) Repr(th *runtime.Thread) (string, error) {
	if err := th.Nest(""); err != nil {
		return "", err
	}
	defer th.Unnest()
	parts := make([]string, 0, 1+len(p.args)+len(p.kw))
	for _, v := range append([]runtime.Value{p.fn}, p.args...) {
		s, err := runtime.Repr(th, v)
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	for _, k := range p.kw {
		s, err := runtime.Repr(th, k.Value)
		if err != nil {
			return "", err
		}
		parts = append(parts, k.Name+"="+s)
	}
	name := "functools.partial"
	if p.cls != partialType {
		name = p.cls.Name
	}
	return name + "(" + strings.Join(parts, ", ") + ")", nil
}

// Footprint is the size of the object and its argument lists.
func (p *partialObj) Footprint() int64 {
	return int64(unsafe.Sizeof(*p)) + int64(cap(p.args))*16 + int64(cap(p.kw))*int64(unsafe.Sizeof(runtime.Kwarg{}))
}

// Referents visits the function, the arguments and the attributes.
func (p *partialObj) Referents(w *runtime.MemWalker) {
	w.Value(p.fn)
	w.Values(p.args)
	for _, k := range p.kw {
		w.Value(k.Value)
	}
	for _, v := range p.dict {
		w.Value(v)
	}
}

// newPartial is partial(func, /, *args, **keywords): a partial of a
// plain partial is flattened into one.
func newPartial(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "type 'partial' takes at least one argument")
	}
	fn := args[0]
	if !runtime.IsCallable(fn) {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "the first argument must be callable")
	}
	frozen := append([]runtime.Value(nil), args[1:]...)
	named := append([]runtime.Kwarg(nil), kw...)
	if inner, ok := fn.Object().(*partialObj); ok && inner.cls == partialType && cls == partialType {
		frozen = append(append([]runtime.Value(nil), inner.args...), frozen...)
		named = mergeKwargs(inner.kw, named)
		fn = inner.fn
	}
	if err := th.Alloc(int64(len(frozen)+len(named)) * 24); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(&partialObj{cls: cls, fn: fn, args: frozen, kw: named}), nil
}

func init() {
	partialType.Module = "functools"
	partialType.New = newPartial
}
