package runtime

// This file defines the representations of list and tuple.

// List is a mutable sequence.
type List struct {
	Items []Value
}

// Type returns ListType.
func (*List) Type() *Type { return ListType }

// NewList makes a list value holding items (not copied).
func NewList(items []Value) Value { return Obj(&List{Items: items}) }

// Append adds v at the end of the list (growing it as grow.go explains).
func (l *List) Append(v Value) { l.Items = appendDoubling(l.Items, v) }

// Tuple is an immutable sequence.
type Tuple struct {
	Items []Value
}

// Type returns TupleType.
func (*Tuple) Type() *Type { return TupleType }

var emptyTuple = &Tuple{}

// NewTuple makes a tuple holding items (not copied).
func NewTuple(items []Value) *Tuple {
	if len(items) == 0 {
		return emptyTuple
	}
	return &Tuple{Items: items}
}

// TupleOf makes a tuple value from its arguments.
func TupleOf(items ...Value) Value { return Obj(NewTuple(items)) }

// Range is a range object.
type Range struct {
	Start, Stop, Step int64
}

// Type returns RangeType.
func (*Range) Type() *Type { return RangeType }

// Len returns the number of elements.
func (r *Range) Len() int64 {
	if r.Step > 0 {
		if r.Start >= r.Stop {
			return 0
		}
		return (r.Stop-r.Start-1)/r.Step + 1
	}
	if r.Start <= r.Stop {
		return 0
	}
	return (r.Start-r.Stop-1)/(-r.Step) + 1
}

// At returns element i (0 <= i < Len).
func (r *Range) At(i int64) int64 { return r.Start + i*r.Step }

// Slice is a slice object `start:stop:step`.
type Slice struct {
	Start, Stop, Step Value
}

// Type returns SliceType.
func (*Slice) Type() *Type { return SliceType }

// Module is an imported module. Each global lives in a GlobalSlot, the
// one place its value is kept: a function that has looked a global up
// caches the slot and reads or rebinds it without a map operation
// (`counter += 1` on a global is a load and a store of the slot).
type Module struct {
	Name  string
	vars  map[string]*GlobalSlot
	order []string
	// Version changes whenever a name is added or deleted (not when an
	// existing name is rebound), so the interpreter can cache where a
	// global lives: in a GlobalSlot of this module, or in the builtins.
	Version uint64
	// Initializing is set while an import runs the module's body, for
	// CPython's "partially initialized module" messages.
	Initializing bool
}

// GlobalSlot holds the value of one module global. A deleted global's
// slot is left unbound (zero Value) and the module's Version changes, so
// that caches holding the slot look the name up again.
type GlobalSlot struct{ V Value }

// Slot returns the slot of global name, or nil if it is not bound.
func (m *Module) Slot(name string) *GlobalSlot { return m.vars[name] }

// Get returns the value of global name.
func (m *Module) Get(name string) (Value, bool) {
	if s, ok := m.vars[name]; ok {
		return s.V, true
	}
	return Value{}, false
}

// value returns the value of global name (the zero Value if unbound).
func (m *Module) value(name string) Value {
	v, _ := m.Get(name)
	return v
}

// Type returns ModuleType.
func (*Module) Type() *Type { return ModuleType }

// NewModule makes an empty module.
func NewModule(name string) *Module { return &Module{Name: name, vars: map[string]*GlobalSlot{}} }

// Set sets a module attribute.
func (m *Module) Set(name string, v Value) {
	if s, ok := m.vars[name]; ok {
		s.V = v
		return
	}
	m.vars[name] = &GlobalSlot{V: v}
	m.order = append(m.order, name)
	m.Version++
}

// Names returns the module's attribute names in definition order.
func (m *Module) Names() []string { return append([]string(nil), m.order...) }

// Attr returns a module attribute.
func (m *Module) Attr(name string) (Value, bool) {
	if s, ok := m.vars[name]; ok {
		return s.V, true
	}
	if name == "__name__" {
		return Str(m.Name), true
	}
	return Value{}, false
}

// SetAttrValue sets a module attribute.
func (m *Module) SetAttrValue(name string, v Value) bool { m.Set(name, v); return true }

// DelAttrValue deletes a module attribute.
func (m *Module) DelAttrValue(name string) bool {
	s, ok := m.vars[name]
	if !ok {
		return false
	}
	m.Version++
	delete(m.vars, name)
	s.V = Value{}
	for i, n := range m.order {
		if n == name {
			m.order = append(m.order[:i], m.order[i+1:]...)
			break
		}
	}
	return true
}
