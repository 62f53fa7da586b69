package runtime

// This file defines set and frozenset. (Temporary representation backed
// by Dict; to be replaced by CPython's set table layout so that iteration
// order matches.)

// Set is a set or frozenset value.
type Set struct {
	d      Dict
	Frozen bool
}

// Type returns SetType or FrozenSetType.
func (s *Set) Type() *Type {
	if s.Frozen {
		return FrozenSetType
	}
	return SetType
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{} }

// Len returns the number of elements.
func (s *Set) Len() int { return s.d.Len() }

// Add adds v.
func (s *Set) Add(th *Thread, v Value) error { return s.d.SetItem(th, v, None) }

// Contains reports whether v is in s.
func (s *Set) Contains(th *Thread, v Value) (bool, error) {
	_, ok, err := s.d.Get(th, v)
	return ok, err
}

// Discard removes v, reporting whether it was present.
func (s *Set) Discard(th *Thread, v Value) (bool, error) {
	_, ok, err := s.d.Delete(th, v)
	return ok, err
}

// Items returns the elements in iteration order.
func (s *Set) Items() []Value { return s.d.Keys() }

func (s *Set) replaceWith(o *Set) { s.d = o.d }

// setBinary implements | & - ^ between sets.
func setBinary(th *Thread, op Op, x, y *Set) (Value, error) {
	r := &Set{Frozen: x.Frozen}
	switch op {
	case OpOr:
		for _, v := range x.Items() {
			if err := r.Add(th, v); err != nil {
				return Value{}, err
			}
		}
		for _, v := range y.Items() {
			if err := r.Add(th, v); err != nil {
				return Value{}, err
			}
		}
	case OpAnd, OpSub:
		for _, v := range x.Items() {
			in, err := y.Contains(th, v)
			if err != nil {
				return Value{}, err
			}
			if in == (op == OpAnd) {
				if err := r.Add(th, v); err != nil {
					return Value{}, err
				}
			}
		}
	case OpXor:
		for _, pair := range [2][2]*Set{{x, y}, {y, x}} {
			for _, v := range pair[0].Items() {
				in, err := pair[1].Contains(th, v)
				if err != nil {
					return Value{}, err
				}
				if !in {
					if err := r.Add(th, v); err != nil {
						return Value{}, err
					}
				}
			}
		}
	default:
		return Value{}, errUnsupported
	}
	return Obj(r), nil
}
