package runtime

// This file defines types.GenericAlias (list[int]: a class with type
// arguments, as annotations write it) and types.UnionType (int | None,
// which isinstance accepts like a tuple of its members). Both behave as
// user classes whose methods are Go: their instances are plain
// Instances keeping __origin__, __args__ and __parameters__ in their
// attribute dictionary.

import (
	"strings"
)

// GenericAliasType is types.GenericAlias; UnionTypeType is
// types.UnionType.
var (
	GenericAliasType = NewType("GenericAlias", ObjectType)
	UnionTypeType    = NewType("UnionType", ObjectType)
)

// NewGenericAlias returns origin[args] as a types.GenericAlias; args is
// the subscript as written (a tuple for several arguments).
func NewGenericAlias(origin, args Value) Value {
	var items []Value
	if t, ok := args.obj.(*Tuple); ok {
		items = append(items, t.Items...)
	} else {
		items = []Value{args}
	}
	ga := &Instance{Class: GenericAliasType}
	ga.Dict.Set("__origin__", origin)
	ga.Dict.Set("__args__", Obj(NewTuple(items)))
	ga.Dict.Set("__parameters__", Obj(NewTuple(typeParams(items))))
	return Obj(ga)
}

// isTypeParam reports whether v is a type variable (a typing.TypeVar,
// ParamSpec or TypeVarTuple: their classes define __typing_subst__).
func isTypeParam(v Value) bool {
	if !v.Type().User {
		return false
	}
	_, ok := v.Type().Lookup("__typing_subst__")
	return ok
}

// typeParams collects the type variables among args and the parameters
// of generic arguments, each once, in order of appearance.
func typeParams(args []Value) []Value {
	var out []Value
	add := func(p Value) {
		for _, q := range out {
			if q.Is(p) {
				return
			}
		}
		out = append(out, p)
	}
	for _, a := range args {
		if isTypeParam(a) {
			add(a)
			continue
		}
		if l, ok := a.obj.(*List); ok {
			for _, x := range typeParams(l.Items) {
				add(x)
			}
			continue
		}
		if h, ok := a.obj.(HasAttrs); ok {
			if ps, ok := h.Attr("__parameters__"); ok {
				if t, ok := ps.obj.(*Tuple); ok {
					for _, p := range t.Items {
						add(p)
					}
				}
			}
		}
	}
	return out
}

// aliasPart reads one of a generic alias's or union's attributes.
func aliasPart(self Value, name string) []Value {
	if inst, ok := self.obj.(*Instance); ok {
		if v, ok := inst.Dict.Get(name); ok {
			if t, ok := v.obj.(*Tuple); ok {
				return t.Items
			}
		}
	}
	return nil
}

// aliasOrigin is a generic alias's __origin__.
func aliasOrigin(self Value) Value {
	if inst, ok := self.obj.(*Instance); ok {
		if v, ok := inst.Dict.Get("__origin__"); ok {
			return v
		}
	}
	return None
}

// typeText writes a type as annotations show it: builtins by name, other
// classes as module.qualname, anything else by repr.
func typeText(th *Thread, v Value) (string, error) {
	switch o := v.obj.(type) {
	case *EllipsisType:
		return "...", nil
	case *List:
		parts := make([]string, len(o.Items))
		for i, x := range o.Items {
			s, err := typeText(th, x)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	case *Type:
		if o == NoneTypeType {
			return "None", nil
		}
		if o.Module == "builtins" || o.Module == "" {
			return o.QualName(), nil
		}
		return o.Module + "." + o.QualName(), nil
	}
	return Repr(th, v)
}

func gaRepr(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	origin, err := typeText(th, aliasOrigin(self))
	if err != nil {
		return Value{}, err
	}
	items := aliasPart(self, "__args__")
	if len(items) == 0 {
		return Str(origin + "[()]"), nil
	}
	parts := make([]string, len(items))
	for i, a := range items {
		if parts[i], err = typeText(th, a); err != nil {
			return Value{}, err
		}
	}
	return Str(origin + "[" + strings.Join(parts, ", ") + "]"), nil
}

func gaCall(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	r, err := th.Call(aliasOrigin(self), args, kw)
	if err != nil {
		return Value{}, err
	}
	if h, ok := r.obj.(HasAttrs); ok && r.Type().User {
		h.SetAttrValue("__orig_class__", self)
	}
	return r, nil
}

func gaEq(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if len(args) != 1 || args[0].Type() != GenericAliasType {
		return NotImplemented, nil
	}
	same, err := Equal(th, aliasOrigin(self), aliasOrigin(args[0]))
	if err != nil || !same {
		return MakeBool(same), err
	}
	a, b := aliasPart(self, "__args__"), aliasPart(args[0], "__args__")
	if len(a) != len(b) {
		return False, nil
	}
	for i := range a {
		if same, err = Equal(th, a[i], b[i]); err != nil || !same {
			return MakeBool(same), err
		}
	}
	return True, nil
}

func gaHash(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	h, err := Hash(th, aliasOrigin(self))
	if err != nil {
		return Value{}, err
	}
	ha, err := hashTuple(th, aliasPart(self, "__args__"))
	if err != nil {
		return Value{}, err
	}
	return Int(h ^ ha), nil
}

// gaGetItem substitutes the alias's type variables: dict[str, T][int]
// is dict[str, int].
func gaGetItem(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	params := aliasPart(self, "__parameters__")
	if len(params) == 0 {
		s, _ := gaRepr(th, self, nil, nil)
		return Value{}, Errorf(TypeError, "%s is not a generic class", s.obj.(*StrObj).S)
	}
	var given []Value
	if t, ok := args[0].obj.(*Tuple); ok {
		given = t.Items
	} else {
		given = []Value{args[0]}
	}
	if len(given) != len(params) {
		s, _ := gaRepr(th, self, nil, nil)
		word := "many"
		if len(given) < len(params) {
			word = "few"
		}
		return Value{}, Errorf(TypeError, "Too %s arguments for %s; actual %d, expected %d", word, s.obj.(*StrObj).S, len(given), len(params))
	}
	out, err := substitute(th, aliasPart(self, "__args__"), params, given)
	if err != nil {
		return Value{}, err
	}
	return NewGenericAlias(aliasOrigin(self), Obj(NewTuple(out))), nil
}

// substitute replaces the type variables params by given in args,
// recursing into generic arguments.
func substitute(th *Thread, args, params, given []Value) ([]Value, error) {
	out := make([]Value, len(args))
	for i, a := range args {
		out[i] = a
		found := false
		for j, p := range params {
			if a.Is(p) {
				out[i], found = given[j], true
				break
			}
		}
		if found {
			continue
		}
		if l, ok := a.obj.(*List); ok {
			inner, err := substitute(th, l.Items, params, given)
			if err != nil {
				return nil, err
			}
			out[i] = NewList(inner)
			continue
		}
		h, ok := a.obj.(HasAttrs)
		if !ok {
			continue
		}
		ps, ok := h.Attr("__parameters__")
		if !ok {
			continue
		}
		inner, ok := ps.obj.(*Tuple)
		if !ok || len(inner.Items) == 0 {
			continue
		}
		sub, err := substitute(th, inner.Items, params, given)
		if err != nil {
			return nil, err
		}
		r, err := GetItem(th, a, Obj(NewTuple(sub)))
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

func gaMroEntries(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	return Obj(NewTuple([]Value{aliasOrigin(self)})), nil
}

// unionable reports whether v may be a member of an X | Y union.
func unionable(v Value) bool {
	if v.IsNone() {
		return true
	}
	switch v.Type() {
	case GenericAliasType, UnionTypeType:
		return true
	}
	_, ok := v.obj.(*Type)
	return ok
}

// unionOf is a | b for types, or ok false when the operands are not
// both unionable.
func unionOf(th *Thread, a, b Value) (Value, bool, error) {
	if !unionable(a) || !unionable(b) {
		return Value{}, false, nil
	}
	var members []Value
	add := func(v Value) error {
		if v.IsNone() {
			v = Obj(NoneTypeType)
		}
		for _, m := range members {
			same, err := Equal(th, m, v)
			if err != nil || same {
				return err
			}
		}
		members = append(members, v)
		return nil
	}
	for _, v := range []Value{a, b} {
		if v.Type() == UnionTypeType {
			for _, m := range aliasPart(v, "__args__") {
				if err := add(m); err != nil {
					return Value{}, true, err
				}
			}
			continue
		}
		if err := add(v); err != nil {
			return Value{}, true, err
		}
	}
	if len(members) == 1 {
		return members[0], true, nil
	}
	u := &Instance{Class: UnionTypeType}
	u.Dict.Set("__args__", Obj(NewTuple(members)))
	u.Dict.Set("__parameters__", Obj(NewTuple(typeParams(members))))
	return Obj(u), true, nil
}

// unionBinary is the | operator between types that their own methods did
// not handle (int | None).
func unionBinary(th *Thread, op Op, a, b Value) (Value, bool, error) {
	if op != OpOr {
		return Value{}, false, nil
	}
	return unionOf(th, a, b)
}

func unionOr(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	r, ok, err := unionOf(th, self, args[0])
	if !ok {
		return NotImplemented, err
	}
	return r, err
}

func unionROr(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	r, ok, err := unionOf(th, args[0], self)
	if !ok {
		return NotImplemented, err
	}
	return r, err
}

func unionRepr(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	items := aliasPart(self, "__args__")
	parts := make([]string, len(items))
	for i, a := range items {
		s, err := typeText(th, a)
		if err != nil {
			return Value{}, err
		}
		parts[i] = s
	}
	return Str(strings.Join(parts, " | ")), nil
}

func unionEq(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if len(args) != 1 || args[0].Type() != UnionTypeType {
		return NotImplemented, nil
	}
	a, b := aliasPart(self, "__args__"), aliasPart(args[0], "__args__")
	contains := func(set []Value, v Value) (bool, error) {
		for _, m := range set {
			if same, err := Equal(th, m, v); err != nil || same {
				return same, err
			}
		}
		return false, nil
	}
	for _, pair := range [][2][]Value{{a, b}, {b, a}} {
		for _, v := range pair[0] {
			ok, err := contains(pair[1], v)
			if err != nil || !ok {
				return MakeBool(ok), err
			}
		}
	}
	return True, nil
}

func unionHash(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	var h int64
	for _, m := range aliasPart(self, "__args__") {
		x, err := Hash(th, m)
		if err != nil {
			return Value{}, err
		}
		h ^= x
	}
	return Int(h), nil
}

// unionCheck is isinstance/issubclass against a union: true when some
// member matches; parameterized generics cannot be checked.
func unionCheck(which string) BuiltinFn {
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		builtin := builtinIsInstance
		if which == "issubclass" {
			builtin = builtinIsSubclass
		}
		// Members are tried in order: a parameterized generic fails only
		// when no member before it matched.
		for _, m := range aliasPart(self, "__args__") {
			if m.Type() == GenericAliasType {
				return Value{}, Errorf(TypeError, "%s() argument 2 cannot be a parameterized generic", which)
			}
			r, err := builtin(th, Value{}, []Value{args[0], m}, nil)
			if err != nil || r.Is(True) {
				return r, err
			}
		}
		return False, nil
	}
}

// gaCheck refuses isinstance/issubclass against a parameterized generic.
func gaCheck(which string) BuiltinFn {
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return Value{}, Errorf(TypeError, "%s() argument 2 cannot be a parameterized generic", which)
	}
}

func init() {
	GenericAliasType.Module = "types"
	UnionTypeType.Module = "types"
	GenericAliasType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		var origin, params Value
		if err := UnpackArgs("GenericAlias", args, kw, "origin", &origin, "args", &params); err != nil {
			return Value{}, err
		}
		return NewGenericAlias(origin, params), nil
	}
	GenericAliasType.Methods(map[string]BuiltinFn{
		"__repr__":          gaRepr,
		"__call__":          gaCall,
		"__eq__":            gaEq,
		"__hash__":          gaHash,
		"__getitem__":       gaGetItem,
		"__mro_entries__":   gaMroEntries,
		"__or__":            unionOr,
		"__ror__":           unionROr,
		"__instancecheck__": gaCheck("isinstance"),
		"__subclasscheck__": gaCheck("issubclass"),
	})
	UnionTypeType.Methods(map[string]BuiltinFn{
		"__repr__":          unionRepr,
		"__eq__":            unionEq,
		"__hash__":          unionHash,
		"__or__":            unionOr,
		"__ror__":           unionROr,
		"__instancecheck__": unionCheck("isinstance"),
		"__subclasscheck__": unionCheck("issubclass"),
	})
	for _, t := range []*Type{GenericAliasType, UnionTypeType} {
		t.User = true
		t.Final = true
		shareType(t)
	}
}
