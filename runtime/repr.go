package runtime

// This file implements repr() and str() of values.

import (
	"strconv"
	"strings"

	"github.com/aio-lang/aio/internal/pyfmt"
)

// Repr returns repr(v). th may be nil when v contains no user objects.
func Repr(th *Thread, v Value) (string, error) {
	if th == nil {
		th = guardThread()
	}
	if isReprContainer(v) {
		// Containers write into one builder, so that the repr of a deep
		// nesting takes time linear in its length.
		var b strings.Builder
		m := workMeter{th: th}
		err := reprTo(th, &b, &m, v)
		return b.String(), err
	}
	return reprValue(th, v)
}

// reprValue is Repr with th set.
func reprValue(th *Thread, v Value) (string, error) {
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
		return bigDecimal(th, o.X)
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
		// A module run from a file (an import of the script's own) names it.
		if f, ok := o.Get("__file__"); ok {
			if fs, ok := f.obj.(*StrObj); ok {
				return "<module '" + o.Name + "' from '" + fs.S + "'>", nil
			}
		}
		return "<module '" + o.Name + "' (built-in)>", nil
	case *Builtin:
		if o.Self.IsValid() {
			return "<built-in method " + o.Name + " of " + o.Self.Type().Name + " object at " + addr(v) + ">", nil
		}
		return "<built-in function " + o.Name + ">", nil
	case *MethodDescriptor:
		return "<method '" + o.Name + "' of '" + o.Owner.Name + "' objects>", nil
	case *Exception:
		if err := th.Nest(InRepr); err != nil {
			return "", err
		}
		defer th.Unnest()
		if o.Class.User && th.mayCall() {
			if r, found, err := th.CallMethod(v, "__repr__"); found {
				return reprResult(r, err)
			}
		}
		return excRepr(th, o)
	case *NotImplementedType:
		return "NotImplemented", nil
	case *EllipsisType:
		return "Ellipsis", nil
	}
	if b, ok := derivedFallback(v, "__repr__"); ok {
		return derivedRepr(th, v, b)
	}
	if th.mayCall() && v.Type().User {
		if _, ok := v.Type().Lookup("__repr__"); ok {
			// Counted as CPython counts repr() itself, on top of the call.
			if err := th.Nest(InRepr); err != nil {
				return "", err
			}
			defer th.Unnest()
			if r, found, err := th.CallMethod(v, "__repr__"); found {
				return reprResult(r, err)
			}
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

// ToStr returns str(v).
func ToStr(th *Thread, v Value) (string, error) {
	if th == nil {
		th = guardThread()
	}
	switch o := v.obj.(type) {
	case *StrObj:
		return o.S, nil
	case *Exception:
		if err := th.Nest(InStr); err != nil {
			return "", err
		}
		defer th.Unnest()
		if o.Class.User && th.mayCall() {
			if m, ok := o.Class.Lookup("__str__"); ok {
				if _, builtin := m.obj.(*MethodDescriptor); !builtin {
					r, err := th.Call(mustBind(th, m, v), nil, nil)
					return strResult(r, err)
				}
			}
		}
		return o.MessageOf(th)
	case *Instance:
		if b, ok := derivedFallback(v, "__str__"); ok {
			if s, isStr := b.obj.(*StrObj); isStr {
				return s.S, nil
			}
			// str() of the other built-in types is their repr, which a
			// subclass may override.
			return Repr(th, v)
		}
	}
	if th.mayCall() && v.Type().User {
		if m, ok := v.Type().Lookup("__str__"); ok {
			r, err := th.Call(mustBind(th, m, v), nil, nil)
			return strResult(r, err)
		}
	}
	if s, ok := v.obj.(goStringer); ok {
		return s.Str(th)
	}
	return Repr(th, v)
}

// goStringer is implemented by Go-defined objects whose str() differs
// from their repr() (asyncio's queues).
type goStringer interface {
	Str(th *Thread) (string, error)
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
