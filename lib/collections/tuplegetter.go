package collections

// This file defines _tuplegetter, the descriptor behind a namedtuple's
// field names: reading p.x is p[i], assigning it fails.

import (
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

// tupleGetterType is the class of field descriptors.
var tupleGetterType = runtime.NewType("_tuplegetter", runtime.ObjectType)

func init() { tupleGetterType.Module = "collections" }

// TupleGetter reads one item of a tuple (subclass) instance.
type TupleGetter struct {
	index int64
	doc   runtime.Value
}

// Type returns the descriptor's class.
func (g *TupleGetter) Type() *runtime.Type { return tupleGetterType }

// Footprint implements runtime.MemNode.
func (g *TupleGetter) Footprint() int64 { return int64(unsafe.Sizeof(*g)) }

// Referents implements runtime.MemNode.
func (g *TupleGetter) Referents(w *runtime.MemWalker) { w.Value(g.doc) }

// Get returns obj[index], or the descriptor itself read from the class.
func (g *TupleGetter) Get(th *runtime.Thread, obj runtime.Value, cls *runtime.Type) (runtime.Value, error) {
	if !obj.IsValid() || obj.IsNone() {
		return runtime.Obj(g), nil
	}
	t, ok := runtime.As[*runtime.Tuple](obj)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "descriptor for index '%d' for tuple subclasses doesn't apply to '%s' object", g.index, obj.Type().Name)
	}
	if g.index >= int64(len(t.Items)) {
		return runtime.Value{}, runtime.Errorf(runtime.IndexError, "tuple index out of range")
	}
	return t.Items[g.index], nil
}

// Set refuses assignment, as namedtuple fields are read-only.
func (g *TupleGetter) Set(th *runtime.Thread, obj runtime.Value, v runtime.Value) error {
	return runtime.Errorf(runtime.AttributeError, "can't set attribute")
}

// Attr exposes __doc__.
func (g *TupleGetter) Attr(name string) (runtime.Value, bool) {
	if name == "__doc__" {
		return g.doc, true
	}
	return runtime.Value{}, false
}

// SetAttrValue sets __doc__.
func (g *TupleGetter) SetAttrValue(name string, v runtime.Value) bool {
	if name != "__doc__" {
		return false
	}
	g.doc = v
	return true
}

// DelAttrValue refuses deletions.
func (g *TupleGetter) DelAttrValue(name string) bool { return false }

// newTupleGetter is _tuplegetter(index, doc).
func newTupleGetter(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var index int64
	var doc runtime.Value
	if err := runtime.UnpackArgs("_tuplegetter", args, kw, "index", &index, "doc", &doc); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(&TupleGetter{index: index, doc: doc}), nil
}
