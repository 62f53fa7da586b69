package runtime

// This file gives the built-in value types the special methods CPython
// lists on them (list.__getitem__, int.__add__, dict.__setitem__, ...)
// where the type's own file does not define one. The VM and the generic
// protocols never look these up for built-in values; they exist for
// subclasses: super().__setitem__(k, v) in a dict subclass, int.__add__
// found on an int subclass's MRO, list.__len__(x) called unbound. Each
// one runs the generic protocol on the built-in value (a bound built-in
// method receives a derived instance's value as self, see derived.go).

import "strings"

// protocolDunders maps a special method name to its implementation in
// terms of the generic protocols.
var protocolDunders = map[string]BuiltinFn{
	"__getitem__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var key Value
		if err := UnpackArgs("__getitem__", args, kw, "key", &key); err != nil {
			return Value{}, err
		}
		return GetItem(th, self, key)
	},
	"__setitem__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var key, v Value
		if err := UnpackArgs("__setitem__", args, kw, "key", &key, "value", &v); err != nil {
			return Value{}, err
		}
		return None, SetItem(th, self, key, v)
	},
	"__delitem__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var key Value
		if err := UnpackArgs("__delitem__", args, kw, "key", &key); err != nil {
			return Value{}, err
		}
		return None, DelItem(th, self, key)
	},
	"__len__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := UnpackArgs("__len__", args, kw); err != nil {
			return Value{}, err
		}
		n, err := Len(th, self)
		return Int(int64(n)), err
	},
	"__contains__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var x Value
		if err := UnpackArgs("__contains__", args, kw, "key", &x); err != nil {
			return Value{}, err
		}
		in, err := Contains(th, self, x)
		return MakeBool(in), err
	},
	"__iter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := UnpackArgs("__iter__", args, kw); err != nil {
			return Value{}, err
		}
		it, err := Iter(th, self)
		if err != nil {
			return Value{}, err
		}
		return Obj(it), nil
	},
	"__repr__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := UnpackArgs("__repr__", args, kw); err != nil {
			return Value{}, err
		}
		s, err := Repr(th, self)
		return Str(s), err
	},
	"__bool__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := UnpackArgs("__bool__", args, kw); err != nil {
			return Value{}, err
		}
		b, err := Truth(th, self)
		return MakeBool(b), err
	},
	"__hash__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := UnpackArgs("__hash__", args, kw); err != nil {
			return Value{}, err
		}
		h, err := Hash(th, self)
		return Int(h), err
	},
	"__int__":   unaryProtocol("__int__", ToInt),
	"__index__": unaryProtocol("__index__", ToInt),
	"__float__": unaryProtocol("__float__", func(th *Thread, v Value) (Value, error) {
		f, err := ToFloat(th, v)
		return Float(f), err
	}),
	"__neg__":    unaryProtocol("__neg__", Neg),
	"__pos__":    unaryProtocol("__pos__", Pos),
	"__invert__": unaryProtocol("__invert__", Invert),
	"__abs__":    unaryProtocol("__abs__", Abs),
}

func unaryProtocol(name string, fn func(th *Thread, v Value) (Value, error)) BuiltinFn {
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := UnpackArgs(name, args, kw); err != nil {
			return Value{}, err
		}
		return fn(th, self)
	}
}

// binaryProtocol is a type's __op__ (or __rop__ when reflected): the
// built-in operator, or NotImplemented when it does not apply.
func binaryProtocol(op Op, reflected bool) BuiltinFn {
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var other, mod Value
		if op == OpPow {
			if err := UnpackArgs("__"+opDunders[op]+"__", args, kw, "value", &other, "mod?", &mod); err != nil {
				return Value{}, err
			}
			if mod.IsValid() && !mod.IsNone() {
				if reflected {
					return Pow(th, BuiltinValue(other), self, mod)
				}
				return Pow(th, self, BuiltinValue(other), mod)
			}
		} else if err := UnpackArgs("__"+opDunders[op]+"__", args, kw, "value", &other); err != nil {
			return Value{}, err
		}
		a, b := self, BuiltinValue(other)
		if reflected {
			a, b = b, a
		}
		r, err := builtinBinary(th, op, a, b)
		if err == errUnsupported {
			return NotImplemented, nil
		}
		return r, err
	}
}

// inplaceProtocol is a mutable type's __iop__.
func inplaceProtocol(op Op) BuiltinFn {
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var other Value
		if err := UnpackArgs("__i"+opDunders[op]+"__", args, kw, "value", &other); err != nil {
			return Value{}, err
		}
		return InPlace(th, op, self, other)
	}
}

// compareProtocol is a type's rich comparison method.
func compareProtocol(op CmpOp) BuiltinFn {
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var other Value
		if err := UnpackArgs(cmpDunders[op], args, kw, "value", &other); err != nil {
			return Value{}, err
		}
		r, ok, err := builtinCompare(th, op, self, BuiltinValue(other))
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return NotImplemented, nil
		}
		return MakeBool(r), nil
	}
}

// typeDunders lists, per built-in value type, the special methods CPython
// defines on it (as vars(t) shows) that are installed here when missing.
var typeDunders = map[*Type]string{
	IntType:       "abs add and bool eq float ge gt hash index int invert le lshift lt mod mul ne neg or pos pow radd rand repr rfloordiv rlshift rmod rmul ror rpow rrshift rshift rsub rtruediv rxor sub truediv xor floordiv",
	FloatType:     "abs add bool eq float ge gt hash int le lt mod mul ne neg pos pow radd repr rfloordiv rmod rmul rpow rsub rtruediv sub truediv floordiv",
	ComplexType:   "abs add bool eq ge gt hash le lt mul ne neg pos pow radd repr rmul rpow rsub rtruediv sub truediv",
	StrType:       "add contains eq ge getitem gt hash iter le len lt mod mul ne repr rmul",
	BytesType:     "add contains eq ge getitem gt hash iter le len lt mod mul ne repr rmul",
	ByteArrayType: "add contains delitem eq ge getitem gt iadd imul iter le len lt mod mul ne repr rmul setitem",
	TupleType:     "add contains eq ge getitem gt hash iter le len lt mul ne repr rmul",
	ListType:      "add contains delitem eq ge getitem gt iadd imul iter le len lt mul ne repr rmul setitem",
	DictType:      "contains delitem eq ge getitem gt ior iter le len lt ne or repr ror setitem",
	SetType:       "and contains eq ge gt iand ior isub iter ixor le len lt ne or rand repr ror rsub rxor sub xor",
	FrozenSetType: "and contains eq ge gt hash iter le len lt ne or rand repr ror rsub rxor sub xor",
}

// unhashableTypes have __hash__ = None, as in CPython.
var unhashableTypes = []*Type{ListType, DictType, SetType, ByteArrayType}

func init() {
	for t, names := range typeDunders {
		for _, short := range strings.Fields(names) {
			name := "__" + short + "__"
			if _, ok := t.Attrs[name]; ok {
				continue
			}
			if fn := protocolDunder(short); fn != nil {
				t.SetAttr(name, Obj(&MethodDescriptor{Name: name, Fn: fn, Owner: t}))
			}
		}
	}
	for _, t := range unhashableTypes {
		if _, ok := t.Attrs["__hash__"]; !ok {
			t.SetAttr("__hash__", None)
		}
	}
}

// protocolDunder returns the implementation of the special method named
// short (without its underscores), or nil.
func protocolDunder(short string) BuiltinFn {
	if fn, ok := protocolDunders["__"+short+"__"]; ok {
		return fn
	}
	for i, d := range cmpDunders {
		if d == "__"+short+"__" {
			return compareProtocol(CmpOp(i))
		}
	}
	for i, d := range opDunders {
		switch short {
		case d:
			return binaryProtocol(Op(i), false)
		case "r" + d:
			return binaryProtocol(Op(i), true)
		case "i" + d:
			return inplaceProtocol(Op(i))
		}
	}
	return nil
}
