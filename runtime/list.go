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

// Module is an imported module.
type Module struct {
	Name  string
	Dict  map[string]Value
	order []string
	// Version changes whenever a name is added or deleted (not when an
	// existing name is rebound), so the interpreter can cache where a
	// global lives: in a GlobalSlot of this module, or in the builtins.
	Version uint64
	slots   map[string]*GlobalSlot
}

// GlobalSlot holds the current value of one module global for caches
// that must see rebinding without a map lookup (zero when unbound).
type GlobalSlot struct{ V Value }

// Slot returns the slot that tracks name's value.
func (m *Module) Slot(name string) *GlobalSlot {
	if s, ok := m.slots[name]; ok {
		return s
	}
	if m.slots == nil {
		m.slots = map[string]*GlobalSlot{}
	}
	s := &GlobalSlot{V: m.Dict[name]}
	m.slots[name] = s
	return s
}

// Type returns ModuleType.
func (*Module) Type() *Type { return ModuleType }

// NewModule makes an empty module.
func NewModule(name string) *Module { return &Module{Name: name, Dict: map[string]Value{}} }

// Set sets a module attribute.
func (m *Module) Set(name string, v Value) {
	if _, ok := m.Dict[name]; !ok {
		m.order = append(m.order, name)
		m.Version++
	}
	m.Dict[name] = v
	if s, ok := m.slots[name]; ok {
		s.V = v
	}
}

// Names returns the module's attribute names in definition order.
func (m *Module) Names() []string { return append([]string(nil), m.order...) }

// Attr returns a module attribute.
func (m *Module) Attr(name string) (Value, bool) {
	if v, ok := m.Dict[name]; ok {
		return v, true
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
	if _, ok := m.Dict[name]; !ok {
		return false
	}
	m.Version++
	delete(m.Dict, name)
	if s, ok := m.slots[name]; ok {
		s.V = Value{}
	}
	for i, n := range m.order {
		if n == name {
			m.order = append(m.order[:i], m.order[i+1:]...)
			break
		}
	}
	return true
}
