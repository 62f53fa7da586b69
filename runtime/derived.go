package runtime

// This file implements classes that derive from built-in value types
// (class L(list), class S(str), class I(int), ...). Their instances are
// ordinary Instances (class, attribute dictionary, slots) that also carry
// the built-in value they extend in Instance.Builtin. Every operation the
// class does not define itself acts on that value: built-in methods bound
// to such an instance receive the value as self, the generic protocols
// (len, subscripting, iteration, operators, repr, hashing) fall back to
// it, and As finds it, so Go code that accepts a *List accepts a list
// subclass as CPython's PyList_Check does.

// derivableTypes are the built-in types whose values know nothing of a
// subclass: a class deriving from one wraps the value in an Instance.
// The mutable ones start empty and are filled by their __init__, as in
// CPython, so that a subclass's own __init__ may take other arguments.
var derivableTypes = map[*Type]bool{}

// mutableDerivable are the derivable types filled by __init__ rather than
// __new__, with the function that moves a freshly built value into the
// instance's own.
var mutableDerivable = map[*Type]func(th *Thread, dst, src Value) error{}

func init() {
	for _, t := range []*Type{IntType, FloatType, ComplexType, StrType, BytesType, TupleType, FrozenSetType} {
		derivableTypes[t] = true
	}
	mutableDerivable[ListType] = func(th *Thread, dst, src Value) error {
		dst.obj.(*List).Items = src.obj.(*List).Items
		return nil
	}
	mutableDerivable[DictType] = func(th *Thread, dst, src Value) error {
		// dict.__init__ updates: it does not clear what is there.
		return dst.obj.(*Dict).Update(th, src.obj.(*Dict))
	}
	mutableDerivable[SetType] = func(th *Thread, dst, src Value) error {
		d := dst.obj.(*Set)
		d.Clear()
		return d.Update(th, src)
	}
	mutableDerivable[ByteArrayType] = func(th *Thread, dst, src Value) error {
		d := dst.obj.(*ByteArray)
		if err := d.resizable(th, 0); err != nil {
			return err
		}
		d.B = src.obj.(*ByteArray).B
		return nil
	}
	for t, move := range mutableDerivable {
		derivableTypes[t] = true
		t.Methods(map[string]BuiltinFn{"__init__": derivedInit(t, move)})
	}
}

// derivedInit is the __init__ of a mutable built-in type: it builds a
// value from the arguments as the type's constructor does (with its
// messages) and moves it into self.
func derivedInit(t *Type, move func(th *Thread, dst, src Value) error) BuiltinFn {
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		fresh, err := t.New(th, t, args, kw)
		if err != nil {
			return Value{}, err
		}
		return None, move(th, self, fresh)
	}
}

// derivedNew returns the constructor of a user class whose instance
// layout comes from the built-in type base: it builds base's value (an
// empty one for a mutable type, which __init__ fills) and wraps it in an
// instance of the class being made.
func derivedNew(base *Type) NewFunc {
	_, mutable := mutableDerivable[base]
	return func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		if !cls.IsSubtype(base) || cls == base {
			return base.New(th, cls, args, kw)
		}
		if mutable {
			args, kw = nil, nil
		}
		v, err := base.New(th, base, args, kw)
		if err != nil {
			return Value{}, err
		}
		return Obj(&Instance{Class: cls, Builtin: &v}), nil
	}
}

// derivableBase returns the built-in value type whose values a class
// with base as its layout base wraps, or nil. A built-in type that
// derives from one with a constructor of its own (a Go-made dict
// subclass) makes its own instances, so it is not wrapped.
func derivableBase(base *Type) *Type {
	for t := base; t != nil; t = t.Base {
		if !t.User && derivableTypes[t] {
			if t != base && (base.New == nil || !sameNew(base.New, t.New)) {
				return nil
			}
			return t
		}
	}
	return nil
}

// BuiltinValue returns the built-in value v extends when v is an instance
// of a class deriving from a built-in type (the list of a list subclass
// instance, the int of an int subclass instance), and v itself otherwise.
func BuiltinValue(v Value) Value {
	if inst, ok := v.obj.(*Instance); ok && inst.Builtin != nil {
		return *inst.Builtin
	}
	return v
}

// derivedFallback returns the built-in value of v when v is an instance
// of a class deriving from a built-in type and no user class in its MRO
// defines dunder: the operation then acts on the built-in value.
func derivedFallback(v Value, dunder string) (Value, bool) {
	inst, ok := v.obj.(*Instance)
	if !ok || inst.Builtin == nil {
		return v, false
	}
	if m, found := inst.Class.Lookup(dunder); found && !isBuiltinAttr(m) {
		return v, false
	}
	return *inst.Builtin, true
}

// isBuiltinAttr reports whether a class attribute is implemented in Go
// (a built-in method) rather than by a class statement.
func isBuiltinAttr(m Value) bool {
	switch f := m.obj.(type) {
	case *MethodDescriptor, *Builtin:
		return true
	case *StaticMethod:
		return isBuiltinAttr(f.Func)
	case *ClassMethod:
		return isBuiltinAttr(f.Func)
	}
	return false
}

// receiverFor returns the self a built-in method of owner receives when
// called on v: the built-in value of a derived instance (list.append on a
// list subclass instance appends to its list), v otherwise. Methods of
// object (__setattr__, __dir__, ...) see the instance itself.
func receiverFor(v Value, owner *Type) (Value, bool) {
	inst, ok := v.obj.(*Instance)
	if !ok || inst.Builtin == nil || owner == ObjectType || owner == nil {
		return v, false
	}
	b := *inst.Builtin
	if !b.Type().IsSubtype(owner) {
		return v, false
	}
	return b, true
}

// Invoke calls the built-in method with receiver self, which must be an
// instance of the method's class: a derived instance's built-in value
// stands in for it, and a method returning that value (list.__iadd__)
// returns the instance instead.
func (m *MethodDescriptor) Invoke(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	recv, derived := receiverFor(self, m.Owner)
	if !derived {
		return m.Fn(th, self, args, kw)
	}
	if _, isDict := recv.obj.(*Dict); isDict && m.Name == "__getitem__" && len(args) == 1 && len(kw) == 0 {
		// dict.__getitem__ consults a subclass's __missing__.
		return derivedGetItem(th, self, recv, args[0])
	}
	r, err := m.Fn(th, recv, args, kw)
	if err == nil && r.Is(recv) && r.Object() != nil && inplaceDunders[m.Name] {
		r = self
	}
	return r, err
}

// bindDerived binds a built-in method to a derived instance.
func (m *MethodDescriptor) bindDerived(obj Value) *Builtin {
	return &Builtin{Name: m.Name, Self: obj, Owner: m.Owner, Fn: m.Invoke}
}

// derivedGetItem is v[key] for a derived instance whose class does not
// define __getitem__: the built-in value's, except that a dict subclass's
// __missing__ answers for absent keys, as dict.__getitem__ does.
func derivedGetItem(th *Thread, v, b, key Value) (Value, error) {
	d, isDict := b.obj.(*Dict)
	if !isDict {
		return GetItem(th, b, key)
	}
	r, found, err := d.Get(th, key)
	if err != nil || found {
		return r, err
	}
	if m, ok := v.Type().Lookup("__missing__"); ok {
		fn, err := bindAttr(th, m, v)
		if err != nil {
			return Value{}, err
		}
		return th.Call(fn, []Value{key}, nil)
	}
	return Value{}, NewException(KeyError, key)
}

// derivedStrs returns items with each str subclass instance replaced by
// its str (items holds only strs and such instances).
func derivedStrs(items []Value) []Value {
	out := make([]Value, len(items))
	for i, it := range items {
		out[i] = BuiltinValue(it)
	}
	return out
}

// derivedRepr is the repr of a derived instance whose class does not
// define __repr__: its built-in value's, with the class name in place of
// the type name for the types whose repr names it (S({1}), B(b'x')).
func derivedRepr(th *Thread, v, b Value) (string, error) {
	s, err := Repr(th, b)
	if err != nil {
		return "", err
	}
	switch b.obj.(type) {
	case *Set, *ByteArray:
		base := b.Type().Name
		if len(s) > len(base) && s[:len(base)] == base {
			return v.Type().Name + s[len(base):], nil
		}
		return v.Type().Name + "(" + s + ")", nil // set() prints as S()
	}
	return s, nil
}

// inplaceDunders are the methods that return their receiver (x += y
// rebinds x to it), so that on a derived instance they return the
// instance rather than its built-in value.
var inplaceDunders = func() map[string]bool {
	m := map[string]bool{}
	for _, d := range opDunders {
		m["__i"+d+"__"] = true
	}
	return m
}()

// supportsItems reports whether the built-in value b supports reading
// (or, with store, assigning and deleting) items: otherwise the error
// names the subclass, as CPython's does.
func supportsItems(b Value, store bool) bool {
	switch b.obj.(type) {
	case *List, *Dict:
		return true
	case *ByteArray:
		return true
	case *Tuple, *StrObj, *Bytes:
		return !store
	}
	return false
}

// isNumber reports whether b is an int, float or complex, which have no
// length, items or iteration: a subclass's error then names the subclass.
func isNumber(b Value) bool {
	switch b.obj.(type) {
	case intTag, floatTag, *Big, *Complex:
		return true
	}
	return false
}

// renameOperands rewrites a TypeError that a built-in operator raised for
// the built-in values a2 and b2 of subclass instances a and b, so that it
// names the instances' classes as CPython's does ("can't concat Subint to
// bytes").
func renameOperands(err error, a, a2, b, b2 Value) error {
	if err == nil {
		return nil
	}
	e, ok := err.(*Exception)
	if !ok || e.Class != TypeError || len(e.Args) != 1 {
		return err
	}
	s, ok := e.Args[0].obj.(*StrObj)
	if !ok {
		return err
	}
	msg := s.S
	for _, p := range [2][2]Value{{a, a2}, {b, b2}} {
		if p[0].Is(p[1]) {
			continue
		}
		msg = replaceWord(msg, p[1].Type().Name, p[0].Type().Name)
	}
	if msg == s.S {
		return err
	}
	return Errorf(TypeError, "%s", msg)
}

// replaceWord replaces the first whole-word occurrence of old in s.
func replaceWord(s, old, repl string) string {
	isWord := func(c byte) bool {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	for i := 0; i+len(old) <= len(s); i++ {
		if s[i:i+len(old)] != old || (i > 0 && isWord(s[i-1])) || (i+len(old) < len(s) && isWord(s[i+len(old)])) {
			continue
		}
		return s[:i] + repl + s[i+len(old):]
	}
	return s
}
