// Package runtime defines aio's object model: values, types, exceptions,
// the built-in functions and the standard modules.
//
// A Value is a small struct rather than an interface so that ints and
// floats live inline and arithmetic on them never allocates: the Object
// field carries a zero-size tag for those two kinds and the payload sits in
// bits. Every other value is a heap Object (a pointer type) with bits
// unused. The zero Value is "no value": it marks unbound locals and is
// never visible to scripts.
package runtime

import (
	"math"
	"math/big"
)

// Object is implemented by every heap-allocated aio value.
type Object interface {
	// Type returns the object's class.
	Type() *Type
}

// Value is an aio value: an inline int or float, or a reference to an Object.
type Value struct {
	obj  Object
	bits uint64
}

type intTag struct{}
type floatTag struct{}

func (intTag) Type() *Type   { return IntType }
func (floatTag) Type() *Type { return FloatType }

// Int returns the int value i.
func Int(i int64) Value { return Value{obj: intTag{}, bits: uint64(i)} }

// Float returns the float value f. Each NaN it is given becomes a distinct
// float object (see freshNaN): floats are stored inline and compared by
// their bits for `is`, so without this every NaN would be the same object.
func Float(f float64) Value {
	if f != f {
		return Value{obj: floatTag{}, bits: freshNaN(math.Float64bits(f))}
	}
	return Value{obj: floatTag{}, bits: math.Float64bits(f)}
}

// Obj wraps a heap object as a Value.
func Obj(o Object) Value { return Value{obj: o} }

// BigInt returns the int value x, stored inline when it fits in 64 bits.
// x must not be modified afterwards.
func BigInt(x *big.Int) Value {
	if x.IsInt64() {
		return Int(x.Int64())
	}
	return Value{obj: &Big{X: x}}
}

// IsValid reports whether v holds a value (the zero Value does not).
func (v Value) IsValid() bool { return v.obj != nil }

// IsSmallInt reports whether v is an int stored inline.
func (v Value) IsSmallInt() bool { _, ok := v.obj.(intTag); return ok }

// IsFloat reports whether v is a float.
func (v Value) IsFloat() bool { _, ok := v.obj.(floatTag); return ok }

// SmallInt returns the payload of an inline int. Only valid if IsSmallInt.
func (v Value) SmallInt() int64 { return int64(v.bits) }

// FloatVal returns the payload of a float. Only valid if IsFloat.
func (v Value) FloatVal() float64 {
	f := math.Float64frombits(v.bits)
	if f != f {
		// The payload only carries the NaN's identity (see freshNaN):
		// code that serialises the float sees CPython's default NaN.
		return math.Float64frombits(v.bits&nanSignBit | nanQuietExp)
	}
	return f
}

// Object returns the heap object of v, or nil for inline ints and floats.
func (v Value) Object() Object {
	switch v.obj.(type) {
	case intTag, floatTag:
		return nil
	}
	return v.obj
}

// Type returns the class of v.
func (v Value) Type() *Type {
	if v.obj == nil {
		return nil
	}
	return v.obj.Type()
}

// BoolVal returns the value of a bool; ok is false for other types.
func (v Value) BoolVal() (b, ok bool) {
	if o, isBool := v.obj.(*Bool); isBool {
		return o.B, true
	}
	return false, false
}

// IsNone reports whether v is None.
func (v Value) IsNone() bool { return v.obj == Object(noneObj) }

// Is reports whether v and w are the same object (Python's `is`).
// Inline ints and floats are compared by value, as CPython's small-int
// cache and constant sharing make `is` on equal numbers mostly true.
func (v Value) Is(w Value) bool { return v.obj == w.obj && v.bits == w.bits }

// As returns v's object type-asserted to T (a concrete type or an interface).
// An instance of a class deriving from a built-in type (class L(list))
// yields its built-in value when it is not a T itself, so that Go code
// accepts subclasses where CPython does.
func As[T any](v Value) (T, bool) {
	t, ok := v.obj.(T)
	if !ok {
		return asBuiltin[T](v)
	}
	return t, ok
}

// AsExact is As without the fallback to a derived instance's built-in
// value: for the VM's run loop, whose checks look for exact built-in
// types (a subclass may override what they shortcut) and which inlines
// only the smallest functions.
func AsExact[T any](v Value) (T, bool) {
	t, ok := v.obj.(T)
	return t, ok
}

// asBuiltin is As's fallback for derived instances, out of line so that
// As stays small enough to inline into the VM's run loop.
//
//go:noinline
func asBuiltin[T any](v Value) (T, bool) {
	if inst, ok := v.obj.(*Instance); ok && inst.Builtin != nil {
		t, ok := inst.Builtin.obj.(T)
		return t, ok
	}
	var zero T
	return zero, false
}

// NoneType is the type of None.
type NoneType struct{}

// Type returns NoneTypeType.
func (*NoneType) Type() *Type { return NoneTypeType }

var noneObj = &NoneType{}

// None is the None value.
var None = Value{obj: noneObj}

// Bool is the object behind True and False.
type Bool struct{ B bool }

// Type returns BoolType.
func (*Bool) Type() *Type { return BoolType }

var trueObj, falseObj = &Bool{true}, &Bool{false}

// True and False are the two bool values.
var (
	True  = Value{obj: trueObj}
	False = Value{obj: falseObj}
)

// MakeBool returns True or False.
func MakeBool(b bool) Value {
	if b {
		return True
	}
	return False
}

// NotImplementedType is the type of the NotImplemented singleton.
type NotImplementedType struct{}

// Type returns NotImplementedTypeType.
func (*NotImplementedType) Type() *Type { return NotImplementedTypeType }

// NotImplemented is returned by binary dunder methods that do not handle
// their operand.
var NotImplemented = Value{obj: &NotImplementedType{}}

// EllipsisType is the type of `...`.
type EllipsisType struct{}

// Type returns EllipsisTypeType.
func (*EllipsisType) Type() *Type { return EllipsisTypeType }

// Ellipsis is the `...` value.
var Ellipsis = Value{obj: &EllipsisType{}}
