package runtime

// This file implements repr() and str() of values.

import (
	"strconv"
	"strings"

	"github.com/aio-lang/aio/internal/pyfmt"
)

// Repr returns repr(v). th may be nil when v contains no user objects.
func Repr(th *Thread, v Value) (string, error) {
	switch o := v.obj.(type) {
	case intTag:
		return strconv.FormatInt(int64(v.bits), 10), nil
	case floatTag:
		return pyfmt.FloatRepr(v.FloatVal()), nil
	case *StrObj:
		return pyfmt.Repr(o.S), nil
	case *NoneType:
		return "None", nil
	case *Bool:
		if o.B {
			return "True", nil
		}
		return "False", nil
	case *Big:
		return o.X.String(), nil
	case *List:
		return reprSeq(th, o, "[", "]", o.Items, false)
	case *Tuple:
		return reprSeq(th, o, "(", ")", o.Items, len(o.Items) == 1)
	case *Dict:
		return reprDict(th, o)
	case *Set:
		if o.Len() == 0 {
			if o.Frozen {
				return "frozenset()", nil
			}
			return "set()", nil
		}
		if o.Frozen {
			s, err := reprSeq(th, o, "{", "}", o.Items(), false)
			return "frozenset(" + s + ")", err
		}
		return reprSeq(th, o, "{", "}", o.Items(), false)
	case *Range:
		if o.Step == 1 {
			return "range(" + strconv.FormatInt(o.Start, 10) + ", " + strconv.FormatInt(o.Stop, 10) + ")", nil
		}
		return "range(" + strconv.FormatInt(o.Start, 10) + ", " + strconv.FormatInt(o.Stop, 10) + ", " + strconv.FormatInt(o.Step, 10) + ")", nil
	case *Slice:
		parts := make([]string, 3)
		for i, x := range []Value{o.Start, o.Stop, o.Step} {
			s, err := Repr(th, x)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return "slice(" + strings.Join(parts, ", ") + ")", nil
	case *Type:
		if r, ok, err := metaRepr(th, o); ok {
			return r, err
		}
		return "<class '" + o.QualName() + "'>", nil
	case *Module:
		return "<module '" + o.Name + "' (built-in)>", nil
	case *Builtin:
		if o.Self.IsValid() {
			return "<built-in method " + o.Name + " of " + o.Self.Type().Name + " object at " + addr(v) + ">", nil
		}
		return "<built-in function " + o.Name + ">", nil
	case *MethodDescriptor:
		return "<method '" + o.Name + "' of '" + o.Owner.Name + "' objects>", nil
	case *Exception:
		if o.Class.User {
			if r, found, err := th.CallMethod(v, "__repr__"); found {
				return reprResult(r, err)
			}
		}
		return excRepr(th, o), nil
	case *DictView:
		inner, err := reprSeq(th, o, "[", "]", dictViewItems(o), false)
		return o.Type().Name + "(" + inner + ")", err
	case *NotImplementedType:
		return "NotImplemented", nil
	case *EllipsisType:
		return "Ellipsis", nil
	}
	if th != nil && v.Type().User {
		if r, found, err := th.CallMethod(v, "__repr__"); found {
			return reprResult(r, err)
		}
	}
	return defaultRepr(th, v)
}

// defaultRepr is object.__repr__: a type's own Repr method, or
// "<module.Class object at 0x...>".
func defaultRepr(th *Thread, v Value) (string, error) {
	if r, ok := v.obj.(interface{ Repr(*Thread) (string, error) }); ok {
		return r.Repr(th)
	}
	return "<" + v.Type().QualName() + " object at " + addr(v) + ">", nil
}

func reprResult(r Value, err error) (string, error) {
	if err != nil {
		return "", err
	}
	s, ok := r.obj.(*StrObj)
	if !ok {
		return "", Errorf(TypeError, "__repr__ returned non-string (type %s)", r.Type().Name)
	}
	return s.S, nil
}

func addr(v Value) string { return "0x" + strconv.FormatUint(ID(v), 16) }

func dictViewItems(o *DictView) []Value {
	switch o.Kind {
	case 0:
		return o.D.Keys()
	case 1:
		return o.D.Values()
	}
	var out []Value
	o.D.Items(func(k, v Value) bool { out = append(out, TupleOf(k, v)); return true })
	return out
}

// enterRepr guards against infinite recursion on self-containing
// containers; it returns false if o is already being printed.
func enterRepr(th *Thread, o Object) bool {
	if th == nil {
		return true
	}
	if th.reprActive == nil {
		th.reprActive = map[Object]bool{}
	}
	if th.reprActive[o] {
		return false
	}
	th.reprActive[o] = true
	return true
}

func leaveRepr(th *Thread, o Object) {
	if th != nil {
		delete(th.reprActive, o)
	}
}

func reprSeq(th *Thread, o Object, open, close string, items []Value, trailingComma bool) (string, error) {
	if !enterRepr(th, o) {
		return open + "..." + close, nil
	}
	defer leaveRepr(th, o)
	var b strings.Builder
	b.WriteString(open)
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := Repr(th, it)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	if trailingComma {
		b.WriteByte(',')
	}
	b.WriteString(close)
	return b.String(), nil
}

func reprDict(th *Thread, d *Dict) (string, error) {
	if !enterRepr(th, d) {
		return "{...}", nil
	}
	defer leaveRepr(th, d)
	var b strings.Builder
	b.WriteByte('{')
	var err error
	first := true
	d.Items(func(k, v Value) bool {
		if !first {
			b.WriteString(", ")
		}
		first = false
		var s string
		if s, err = Repr(th, k); err != nil {
			return false
		}
		b.WriteString(s)
		b.WriteString(": ")
		if s, err = Repr(th, v); err != nil {
			return false
		}
		b.WriteString(s)
		return true
	})
	b.WriteByte('}')
	return b.String(), err
}

// ToStr returns str(v).
func ToStr(th *Thread, v Value) (string, error) {
	switch o := v.obj.(type) {
	case *StrObj:
		return o.S, nil
	case *Exception:
		if o.Class.User && th != nil {
			if m, ok := o.Class.Lookup("__str__"); ok {
				if _, builtin := m.obj.(*MethodDescriptor); !builtin {
					r, err := th.Call(mustBind(th, m, v), nil, nil)
					return strResult(r, err)
				}
			}
		}
		return o.Message(), nil
	}
	if th != nil && v.Type().User {
		if m, ok := v.Type().Lookup("__str__"); ok {
			r, err := th.Call(mustBind(th, m, v), nil, nil)
			return strResult(r, err)
		}
	}
	return Repr(th, v)
}

func mustBind(th *Thread, m, v Value) Value {
	b, err := bindAttr(th, m, v)
	if err != nil {
		return m
	}
	return b
}

func strResult(r Value, err error) (string, error) {
	if err != nil {
		return "", err
	}
	s, ok := r.obj.(*StrObj)
	if !ok {
		return "", Errorf(TypeError, "__str__ returned non-string (type %s)", r.Type().Name)
	}
	return s.S, nil
}
