package dataclasses

// This file defines the generated comparison and hash methods in Go:
// they compare or hash the instance's fields as a tuple of them would,
// without building the tuples.

import (
	"github.com/aio-lang/aio/runtime"
)

// What a generated method computes.
const (
	methodEq = iota
	methodLt
	methodLe
	methodGt
	methodGe
	methodHash
)

// methodKinds maps the dunder names to the method kinds.
var methodKinds = map[string]int{
	"__eq__": methodEq, "__lt__": methodLt, "__le__": methodLe,
	"__gt__": methodGt, "__ge__": methodGe, "__hash__": methodHash,
}

// cmpOps maps the ordering kinds to the runtime's comparisons.
var cmpOps = map[int]runtime.CmpOp{
	methodLt: runtime.CmpLT, methodLe: runtime.CmpLE,
	methodGt: runtime.CmpGT, methodGe: runtime.CmpGE,
}

// fieldMethod is a generated __eq__, ordering method or __hash__.
type fieldMethod struct {
	name  string
	qual  string
	kind  int
	names []string // the fields compared or hashed, in order
}

// Type returns the function type of generated methods.
func (*fieldMethod) Type() *runtime.Type { return initType }

// Footprint is the size of the method and its field names.
func (m *fieldMethod) Footprint() int64 { return int64(80 + 16*len(m.names) + len(m.qual)) }

// Referents: the method holds no values.
func (m *fieldMethod) Referents(w *runtime.MemWalker) {}

// Attr gives the method's names.
func (m *fieldMethod) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "__qualname__":
		return runtime.Str(m.qual), true
	case "__name__":
		return runtime.Str(m.name), true
	}
	return runtime.Value{}, false
}

// SetAttrValue refuses: the generated method has no attribute dictionary.
func (m *fieldMethod) SetAttrValue(name string, v runtime.Value) bool { return false }

// DelAttrValue refuses, as SetAttrValue.
func (m *fieldMethod) DelAttrValue(name string) bool { return false }

// Call runs the unbound method: the first argument is the instance.
func (m *fieldMethod) Call(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s() missing 1 required positional argument: 'self'", m.qual)
	}
	return m.run(th, args[0], args[1:], kw)
}

// Get binds the method to the instance it is read from.
func (m *fieldMethod) Get(th *runtime.Thread, obj runtime.Value, cls *runtime.Type) (runtime.Value, error) {
	if !obj.IsValid() {
		return runtime.Obj(m), nil
	}
	return runtime.Obj(&runtime.Builtin{Name: m.name, Fn: m.run, Self: obj}), nil
}

// makeMethod is _make_method(name, qualname, field_names).
func makeMethod(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var name, qual string
	var fields runtime.Value
	if err := runtime.UnpackArgs("_make_method", args, kw, "name", &name, "qualname", &qual, "fields", &fields); err != nil {
		return runtime.Value{}, err
	}
	kind, ok := methodKinds[name]
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "_make_method() cannot make %s", name)
	}
	t, ok := runtime.As[*runtime.Tuple](fields)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "_make_method() fields must be a tuple")
	}
	m := &fieldMethod{name: name, qual: qual, kind: kind}
	for _, n := range t.Items {
		s, ok := runtime.As[*runtime.StrObj](n)
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "_make_method() field names must be str")
		}
		m.names = append(m.names, s.S)
	}
	return runtime.Obj(m), nil
}

// run computes the method for self.
func (m *fieldMethod) run(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if m.kind == methodHash {
		if err := runtime.NoArgs(m.qual, args, kw); err != nil {
			return runtime.Value{}, err
		}
		items := make([]runtime.Value, len(m.names))
		for i, n := range m.names {
			v, err := runtime.GetAttr(th, self, n)
			if err != nil {
				return runtime.Value{}, err
			}
			items[i] = v
		}
		h, err := runtime.Hash(th, runtime.Obj(runtime.NewTuple(items)))
		return runtime.Int(h), err
	}
	if _, err := runtime.OneArg(m.qual, args, kw); err != nil {
		return runtime.Value{}, err
	}
	other := args[0]
	if other.Type() != self.Type() {
		return runtime.NotImplemented, nil
	}
	// As tuples compare: the first pair of fields that differ decides;
	// when all are equal, so are the instances.
	for _, n := range m.names {
		a, err := runtime.GetAttr(th, self, n)
		if err != nil {
			return runtime.Value{}, err
		}
		b, err := runtime.GetAttr(th, other, n)
		if err != nil {
			return runtime.Value{}, err
		}
		same, err := runtime.Equal(th, a, b)
		if err != nil {
			return runtime.Value{}, err
		}
		if same {
			continue
		}
		if m.kind == methodEq {
			return runtime.False, nil
		}
		return runtime.Compare(th, cmpOps[m.kind], a, b)
	}
	switch m.kind {
	case methodLt, methodGt:
		return runtime.False, nil
	}
	return runtime.True, nil
}
