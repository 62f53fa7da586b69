package collections

// This file defines the __new__ of namedtuple classes in Go: it binds
// the arguments to the fields as a def with those parameters would
// (with CPython's messages for a bad call) and builds the tuple.

import (
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// ntNewType is the class of the constructors.
var ntNewType = runtime.NewType("namedtuple_new", runtime.ObjectType)

func init() { ntNewType.Module = "collections" }

// NTNew is the __new__ of one namedtuple class.
type NTNew struct {
	qual     string // "Point.__new__()" for messages
	fields   []string
	defaults []runtime.Value // for the last len(defaults) fields
	tupleNew runtime.Value   // tuple.__new__, looked up on first use
}

// Type returns the constructor's class.
func (n *NTNew) Type() *runtime.Type { return ntNewType }

// Footprint implements runtime.MemNode.
func (n *NTNew) Footprint() int64 {
	return int64(unsafe.Sizeof(*n)) + int64(cap(n.fields))*16 + int64(cap(n.defaults))*24
}

// Referents implements runtime.MemNode.
func (n *NTNew) Referents(w *runtime.MemWalker) {
	w.Values(n.defaults)
	w.Value(n.tupleNew)
}

// Call is __new__(cls, *args, **kwargs).
func (n *NTNew) Call(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s missing 1 required positional argument: '_cls'", n.qual)
	}
	cls, args := args[0], args[1:]
	nf := len(n.fields)
	if len(args) > nf {
		takes := itoa(nf + 1)
		if len(n.defaults) > 0 {
			takes = "from " + itoa(nf-len(n.defaults)+1) + " to " + takes
		}
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s takes %s positional arguments but %d were given", n.qual, takes, len(args)+1)
	}
	values := make([]runtime.Value, nf)
	copy(values, args)
	for _, k := range kw {
		i := -1
		for j, f := range n.fields {
			if f == k.Name {
				i = j
				break
			}
		}
		if i < 0 {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s got an unexpected keyword argument '%s'", n.qual, k.Name)
		}
		if values[i].IsValid() {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s got multiple values for argument '%s'", n.qual, k.Name)
		}
		values[i] = k.Value
	}
	var missing []string
	first := nf - len(n.defaults)
	for i := range values {
		if values[i].IsValid() {
			continue
		}
		if i >= first {
			values[i] = n.defaults[i-first]
		} else {
			missing = append(missing, n.fields[i])
		}
	}
	if len(missing) > 0 {
		s := "s"
		if len(missing) == 1 {
			s = ""
		}
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s missing %d required positional argument%s: %s", n.qual, len(missing), s, runtime.QuotedNames(missing))
	}
	if !n.tupleNew.IsValid() {
		f, err := runtime.GetAttr(th, runtime.Obj(runtime.TupleType), "__new__")
		if err != nil {
			return runtime.Value{}, err
		}
		n.tupleNew = f
	}
	return th.Call(n.tupleNew, []runtime.Value{cls, runtime.TupleOf(values...)}, nil)
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// newNTNew is _namedtuple_new(typename, fields, defaults).
func newNTNew(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var typename string
	var fields, defaults runtime.Value
	if err := runtime.UnpackArgs("_namedtuple_new", args, kw, "typename", &typename, "fields", &fields, "defaults", &defaults); err != nil {
		return runtime.Value{}, err
	}
	names, err := runtime.Collect(th, fields)
	if err != nil {
		return runtime.Value{}, err
	}
	dflt, err := runtime.Collect(th, defaults)
	if err != nil {
		return runtime.Value{}, err
	}
	n := &NTNew{qual: typename + ".__new__()", defaults: dflt}
	for _, v := range names {
		s, ok := runtime.As[*runtime.StrObj](v)
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "field names must be str")
		}
		n.fields = append(n.fields, s.S)
	}
	return runtime.Obj(n), nil
}
