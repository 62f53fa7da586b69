package operator

// This file defines itemgetter, attrgetter and methodcaller: callables
// made once and applied to many objects (sort keys, map functions).

import (
	"strings"
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// The classes of the three callables.
var (
	itemGetterType   = runtime.NewType("itemgetter", runtime.ObjectType)
	attrGetterType   = runtime.NewType("attrgetter", runtime.ObjectType)
	methodCallerType = runtime.NewType("methodcaller", runtime.ObjectType)
)

func init() {
	itemGetterType.Module = "operator"
	attrGetterType.Module = "operator"
	methodCallerType.Module = "operator"
	itemGetterType.New = newItemGetter
	attrGetterType.New = newAttrGetter
	methodCallerType.New = newMethodCaller
}

// ItemGetter is operator.itemgetter(*items).
type ItemGetter struct {
	cls   *runtime.Type
	items []runtime.Value
}

// Type returns the class.
func (g *ItemGetter) Type() *runtime.Type { return g.cls }

// Footprint implements runtime.MemNode.
func (g *ItemGetter) Footprint() int64 { return int64(unsafe.Sizeof(*g)) + int64(cap(g.items))*24 }

// Referents implements runtime.MemNode.
func (g *ItemGetter) Referents(w *runtime.MemWalker) { w.Values(g.items) }

func newItemGetter(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.PositionalArgs("itemgetter", nil, kw, 0, -1); err != nil {
		return runtime.Value{}, err
	}
	if len(args) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "itemgetter expected 1 argument, got 0")
	}
	return runtime.Obj(&ItemGetter{cls: cls, items: append([]runtime.Value(nil), args...)}), nil
}

// Call returns obj[item], or the tuple of obj[i] for several items.
func (g *ItemGetter) Call(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if _, err := runtime.OneArg("itemgetter", args, kw); err != nil {
		return runtime.Value{}, err
	}
	if len(g.items) == 1 {
		return runtime.GetItem(th, args[0], g.items[0])
	}
	out := make([]runtime.Value, len(g.items))
	for i, k := range g.items {
		v, err := runtime.GetItem(th, args[0], k)
		if err != nil {
			return runtime.Value{}, err
		}
		out[i] = v
	}
	return runtime.TupleOf(out...), nil
}

// Repr renders operator.itemgetter(...).
func (g *ItemGetter) Repr(th *runtime.Thread) (string, error) {
	return callRepr(th, g.cls, g.items, nil)
}

// callRepr renders module.name(args..., k=v...) for the three reprs.
func callRepr(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (string, error) {
	parts := make([]string, 0, len(args)+len(kw))
	for _, a := range args {
		s, err := runtime.Repr(th, a)
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	for _, k := range kw {
		s, err := runtime.Repr(th, k.Value)
		if err != nil {
			return "", err
		}
		parts = append(parts, k.Name+"="+s)
	}
	return cls.QualName() + "(" + strings.Join(parts, ", ") + ")", nil
}

// AttrGetter is operator.attrgetter(*attrs); each attribute may be a
// dotted path.
type AttrGetter struct {
	cls   *runtime.Type
	names []runtime.Value
	paths [][]string
}

// Type returns the class.
func (g *AttrGetter) Type() *runtime.Type { return g.cls }

// Footprint implements runtime.MemNode.
func (g *AttrGetter) Footprint() int64 { return int64(unsafe.Sizeof(*g)) + int64(cap(g.names))*48 }

// Referents implements runtime.MemNode.
func (g *AttrGetter) Referents(w *runtime.MemWalker) { w.Values(g.names) }

func newAttrGetter(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.PositionalArgs("attrgetter", nil, kw, 0, -1); err != nil {
		return runtime.Value{}, err
	}
	if len(args) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "attrgetter expected 1 argument, got 0")
	}
	g := &AttrGetter{cls: cls, names: append([]runtime.Value(nil), args...)}
	for _, a := range args {
		s, ok := runtime.As[*runtime.StrObj](a)
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "attribute name must be a string")
		}
		g.paths = append(g.paths, strings.Split(s.S, "."))
	}
	return runtime.Obj(g), nil
}

// Call returns obj.attr (following dots), or a tuple for several.
func (g *AttrGetter) Call(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if _, err := runtime.OneArg("attrgetter", args, kw); err != nil {
		return runtime.Value{}, err
	}
	get := func(path []string) (runtime.Value, error) {
		v := args[0]
		for _, name := range path {
			var err error
			if v, err = runtime.GetAttr(th, v, name); err != nil {
				return runtime.Value{}, err
			}
		}
		return v, nil
	}
	if len(g.paths) == 1 {
		return get(g.paths[0])
	}
	out := make([]runtime.Value, len(g.paths))
	for i, p := range g.paths {
		v, err := get(p)
		if err != nil {
			return runtime.Value{}, err
		}
		out[i] = v
	}
	return runtime.TupleOf(out...), nil
}

// Repr renders operator.attrgetter(...).
func (g *AttrGetter) Repr(th *runtime.Thread) (string, error) {
	return callRepr(th, g.cls, g.names, nil)
}

// MethodCaller is operator.methodcaller(name, /, *args, **kwargs).
type MethodCaller struct {
	cls  *runtime.Type
	name string
	args []runtime.Value
	kw   []runtime.Kwarg
}

// Type returns the class.
func (c *MethodCaller) Type() *runtime.Type { return c.cls }

// Footprint implements runtime.MemNode.
func (c *MethodCaller) Footprint() int64 {
	return int64(unsafe.Sizeof(*c)) + int64(len(c.name)) + int64(cap(c.args))*24 + int64(cap(c.kw))*40
}

// Referents implements runtime.MemNode.
func (c *MethodCaller) Referents(w *runtime.MemWalker) {
	w.Values(c.args)
	for _, k := range c.kw {
		w.Value(k.Value)
	}
}

func newMethodCaller(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "methodcaller needs at least one argument, the method name")
	}
	s, ok := runtime.As[*runtime.StrObj](args[0])
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "method name must be a string")
	}
	return runtime.Obj(&MethodCaller{
		cls: cls, name: s.S,
		args: append([]runtime.Value(nil), args[1:]...),
		kw:   append([]runtime.Kwarg(nil), kw...),
	}), nil
}

// Call calls obj.name(*args, **kwargs).
func (c *MethodCaller) Call(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if _, err := runtime.OneArg("methodcaller", args, kw); err != nil {
		return runtime.Value{}, err
	}
	m, err := runtime.GetAttr(th, args[0], c.name)
	if err != nil {
		return runtime.Value{}, err
	}
	return th.Call(m, append([]runtime.Value(nil), c.args...), c.kw)
}

// Repr renders operator.methodcaller('name', ...).
func (c *MethodCaller) Repr(th *runtime.Thread) (string, error) {
	return callRepr(th, c.cls, append([]runtime.Value{runtime.Str(c.name)}, c.args...), c.kw)
}
