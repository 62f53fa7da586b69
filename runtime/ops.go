package runtime

// This file implements the operators: arithmetic and bitwise binary
// operators, unary operators and truth testing. Built-in types are handled
// by Go type switches; user classes through their dunder methods.

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/aio-lang/aio/internal/libm"
)

// Op is a binary operator.
type Op uint8

// The binary operators.
const (
	OpAdd Op = iota
	OpSub
	OpMul
	OpMatMul
	OpTrueDiv
	OpFloorDiv
	OpMod
	OpPow
	OpLShift
	OpRShift
	OpOr
	OpXor
	OpAnd
)

var opSymbols = [...]string{"+", "-", "*", "@", "/", "//", "%", "** or pow()", "<<", ">>", "|", "^", "&"}
var opDunders = [...]string{"add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "or", "xor", "and"}

// String returns the operator's symbol as CPython's error messages show it.
func (op Op) String() string { return opSymbols[op] }

// errUnsupported signals that a built-in type does not implement an
// operator for the given operand types.
var errUnsupported = errors.New("unsupported")

// Binary returns a op b.
func Binary(th *Thread, op Op, a, b Value) (Value, error) {
	// Fast paths for inline numbers.
	if a.IsSmallInt() && b.IsSmallInt() && op != OpTrueDiv && op != OpPow && op != OpMatMul {
		return intBinary(th, op, a, b)
	}
	r, err := builtinBinary(th, op, a, b)
	if err != errUnsupported {
		return r, err
	}
	if r, ok, err := dunderBinary(th, op, a, b, ""); ok || err != nil {
		return r, err
	}
	if a2, b2 := BuiltinValue(a), BuiltinValue(b); !a2.Is(a) || !b2.Is(b) {
		// A class deriving from a built-in type without the operator of
		// its own: the built-in values' operator applies.
		if r, err := builtinBinary(th, op, a2, b2); err != errUnsupported {
			return r, renameOperands(err, a, a2, b, b2)
		}
	}
	if r, ok, err := unionBinary(th, op, a, b); ok || err != nil {
		return r, err
	}
	return Value{}, binaryTypeError(op, a, b)
}

// InPlace returns a op= b: lists extend in place for +=, sets update for
// |= &= -= ^=, user classes may define __iadd__ and friends.
func InPlace(th *Thread, op Op, a, b Value) (Value, error) {
	switch x := a.obj.(type) {
	case *List:
		switch op {
		case OpAdd:
			items, err := Collect(th, b)
			if err != nil {
				return Value{}, err
			}
			if err := th.CheckGrow(x.Items, len(items)); err != nil {
				return Value{}, err
			}
			x.Items = append(x.Items, items...)
			return a, nil
		case OpMul:
			n, ok := asInt64(b)
			if ok {
				if err := th.checkRepeat(len(x.Items), n); err != nil {
					return Value{}, err
				}
				x.Items = repeatValues(x.Items, n)
				return a, nil
			}
		}
	case *Set:
		if y, ok := b.obj.(*Set); ok {
			switch op {
			case OpOr, OpAnd, OpSub, OpXor:
				return setInPlace(th, op, x, y)
			}
		}
	case *Dict:
		if op == OpOr {
			// d |= other updates d itself, from any mapping or pairs.
			if err := DictUpdate(th, x, b); err != nil {
				return Value{}, err
			}
			return a, nil
		}
	case *Instance:
		if r, ok, err := dunderBinary(th, op, a, b, "i"); ok || err != nil {
			return r, err
		}
		if base, ok := derivedFallback(a, "__i"+opDunders[op]+"__"); ok {
			if _, own := derivedFallback(a, "__"+opDunders[op]+"__"); own {
				// list += on a list subclass extends its list in place and
				// leaves the name bound to the instance.
				r, err := InPlace(th, op, base, b)
				if err == nil && r.Is(base) && r.Object() != nil {
					r = a
				}
				return r, err
			}
		}
	case *ByteArray:
		if r, ok, err := byteArrayInPlace(th, op, x, b); ok || err != nil {
			return r, err
		}
	default:
		// Go-defined objects of classes with built-in special methods
		// (collections.deque) have in-place operators too.
		if a.Type().User {
			if r, ok, err := dunderBinary(th, op, a, b, "i"); ok || err != nil {
				return r, err
			}
		}
	}
	r, err := Binary(th, op, a, b)
	if err != nil && IsInstance(err, TypeError) {
		if e := err.(*Exception); len(e.Args) == 1 {
			if s, ok := e.Args[0].obj.(*StrObj); ok && s.S == fmt.Sprintf("unsupported operand type(s) for %s: '%s' and '%s'", op.String(), a.Type().Name, b.Type().Name) {
				e.Args[0] = Str(strings.Replace(s.S, op.String()+":", inplaceSymbol(op)+":", 1))
			}
		}
	}
	return r, err
}

func inplaceSymbol(op Op) string {
	if op == OpPow {
		return "**="
	}
	return op.String() + "="
}

func binaryTypeError(op Op, a, b Value) error {
	ta, tb := a.Type(), b.Type()
	// A subclass of str, list or tuple fails as its base type's operator.
	base, bBase := BuiltinValue(a), BuiltinValue(b)
	if tbase := base.Type(); op == OpAdd && (tbase == StrType || tbase == ListType || tbase == TupleType) && !tb.IsSubtype(tbase) {
		return Errorf(TypeError, "can only concatenate %s (not \"%s\") to %s", tbase.Name, tb.Name, tbase.Name)
	}
	if op == OpMul && (isSequence(base) || isSequence(bBase)) {
		other := tb
		if isSequence(bBase) && !isSequence(base) {
			other = ta
		}
		return Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", other.Name)
	}
	return Errorf(TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", op, ta.Name, tb.Name)
}

func isSequence(v Value) bool {
	switch v.obj.(type) {
	case *StrObj, *List, *Tuple, *Bytes, *ByteArray:
		return true
	}
	return false
}

// dunderBinary tries a.__op__(b) then b.__rop__(a) for user classes.
// prefix "i" tries the in-place method only.
func dunderBinary(th *Thread, op Op, a, b Value, prefix string) (Value, bool, error) {
	name := opDunders[op]
	if prefix == "i" {
		r, found, err := th.CallMethod(a, "__i"+name+"__", b)
		if found && (err != nil || !r.Is(NotImplemented)) {
			return r, true, err
		}
		return Value{}, false, nil
	}
	at, bt := a.Type(), b.Type()
	reflected := bt.User && bt != at
	// A subclass that overrides the reflected method goes first.
	if reflected && bt.IsSubtype(at) && overridesReflected(at, bt, "__r"+name+"__") {
		r, found, err := th.CallMethod(b, "__r"+name+"__", a)
		if found && (err != nil || !r.Is(NotImplemented)) {
			return r, true, err
		}
		reflected = false
	}
	if at.User {
		r, found, err := th.CallMethod(a, "__"+name+"__", b)
		if found && (err != nil || !r.Is(NotImplemented)) {
			return r, true, err
		}
	}
	if reflected {
		r, found, err := th.CallMethod(b, "__r"+name+"__", a)
		if found && (err != nil || !r.Is(NotImplemented)) {
			return r, true, err
		}
	}
	return Value{}, false, nil
}

// overridesReflected reports whether sub defines the reflected method
// name differently from base.
func overridesReflected(base, sub *Type, name string) bool {
	m, ok := sub.Lookup(name)
	if !ok {
		return false
	}
	bm, ok := base.Lookup(name)
	return !ok || !bm.Is(m)
}

// builtinBinary implements operators between built-in types; it returns
// errUnsupported when the operand types are not handled.
func builtinBinary(th *Thread, op Op, a, b Value) (Value, error) {
	aNum, bNum := isIntLike(a), isIntLike(b)
	if ab, ok := a.obj.(*Bool); ok {
		if bb, ok := b.obj.(*Bool); ok {
			switch op {
			case OpAnd:
				return MakeBool(ab.B && bb.B), nil
			case OpOr:
				return MakeBool(ab.B || bb.B), nil
			case OpXor:
				return MakeBool(ab.B != bb.B), nil
			}
		}
	}
	if aNum && bNum {
		if op == OpTrueDiv || op == OpPow {
			x, _ := toBig(a)
			y, _ := toBig(b)
			if op == OpTrueDiv {
				return intTrueDiv(x, y)
			}
			return intPow(th, x, y)
		}
		if op == OpMatMul {
			return Value{}, errUnsupported
		}
		return intBinary(th, op, a, b)
	}
	if (aNum || a.IsFloat()) && (bNum || b.IsFloat()) {
		x, err := toFloat(a)
		if err != nil {
			return Value{}, err
		}
		y, err := toFloat(b)
		if err != nil {
			return Value{}, err
		}
		return floatBinary(op, x, y)
	}
	switch x := a.obj.(type) {
	case *StrObj:
		switch op {
		case OpAdd:
			if y, ok := b.obj.(*StrObj); ok {
				if err := th.checkStrRepeat(len(x.S)+len(y.S), 1); err != nil {
					return Value{}, err
				}
				return ConcatStr(x, y), nil
			}
		case OpMul:
			if n, ok := asInt64(b); ok {
				if err := th.checkStrRepeat(len(x.S), n); err != nil {
					return Value{}, err
				}
				return th.repeatStrCharged(x, n)
			}
		case OpMod:
			return StrPercent(th, x.S, b)
		}
	case *List:
		switch op {
		case OpAdd:
			if y, ok := b.obj.(*List); ok {
				if err := th.checkItems(int64(len(x.Items)) + int64(len(y.Items))); err != nil {
					return Value{}, err
				}
				items := make([]Value, 0, len(x.Items)+len(y.Items))
				return Obj(&List{Items: append(append(items, x.Items...), y.Items...)}), nil
			}
		case OpMul:
			if n, ok := asInt64(b); ok {
				if err := th.checkRepeat(len(x.Items), n); err != nil {
					return Value{}, err
				}
				return Obj(&List{Items: repeatValues(x.Items, n)}), nil
			}
		}
	case *Tuple:
		switch op {
		case OpAdd:
			if y, ok := b.obj.(*Tuple); ok {
				items := make([]Value, 0, len(x.Items)+len(y.Items))
				return Obj(NewTuple(append(append(items, x.Items...), y.Items...))), nil
			}
		case OpMul:
			if n, ok := asInt64(b); ok {
				if err := th.checkRepeat(len(x.Items), n); err != nil {
					return Value{}, err
				}
				return Obj(NewTuple(repeatValues(x.Items, n))), nil
			}
		}
	case *Set:
		if y, ok := b.obj.(*Set); ok {
			return setBinary(th, op, x, y)
		}
	case *Dict:
		if y, ok := b.obj.(*Dict); ok && op == OpOr {
			if err := th.Alloc(x.Footprint()); err != nil {
				return Value{}, err
			}
			d := x.Copy()
			if err := d.Update(th, y); err != nil {
				return Value{}, err
			}
			return Obj(d), nil
		}
	}
	if op == OpMul && isIntLike(a) {
		switch b.obj.(type) {
		case *StrObj, *List, *Tuple:
			return builtinBinary(th, op, b, a)
		}
	}
	if r, err := extBinary(th, op, a, b); err != errUnsupported {
		return r, err
	}
	return dictViewBinary(th, op, a, b)
}

func repeatValues(items []Value, n int64) []Value {
	if n <= 0 || len(items) == 0 {
		return nil
	}
	out := make([]Value, 0, int64(len(items))*n)
	for i := int64(0); i < n; i++ {
		out = append(out, items...)
	}
	return out
}

// toFloat converts an int-like or float to float64.
func toFloat(v Value) (float64, error) {
	if v.IsFloat() {
		return v.FloatVal(), nil
	}
	if x, ok := asInt64(v); ok {
		return float64(x), nil
	}
	if x, ok := toBig(v); ok {
		return bigToFloat(x)
	}
	if inst, ok := v.obj.(*Instance); ok && inst.Builtin != nil && inst.Builtin.IsFloat() {
		return inst.Builtin.FloatVal(), nil
	}
	return 0, Errorf(TypeError, "must be real number, not %s", v.Type().Name)
}

// floatBinary applies op to two floats with CPython's errors.
func floatBinary(op Op, x, y float64) (Value, error) {
	switch op {
	case OpAdd:
		return Float(x + y), nil
	case OpSub:
		return Float(x - y), nil
	case OpMul:
		return Float(x * y), nil
	case OpTrueDiv:
		if y == 0 {
			return Value{}, Errorf(ZeroDivisionError, "float division by zero")
		}
		return Float(x / y), nil
	case OpFloorDiv:
		if y == 0 {
			return Value{}, Errorf(ZeroDivisionError, "float floor division by zero")
		}
		q, _ := floatDivMod(x, y)
		return Float(q), nil
	case OpMod:
		if y == 0 {
			return Value{}, Errorf(ZeroDivisionError, "float modulo")
		}
		_, m := floatDivMod(x, y)
		return Float(m), nil
	case OpPow:
		return floatPow(x, y)
	}
	return Value{}, errUnsupported
}

// floatDivMod is CPython's float_divmod.
func floatDivMod(vx, wx float64) (float64, float64) {
	mod := math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, wx)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, vx/wx)
	}
	return floordiv, mod
}

// floatPow is x ** y for floats with CPython's errors.
func floatPow(x, y float64) (Value, error) {
	if x == 0 && y < 0 {
		return Value{}, Errorf(ZeroDivisionError, "0.0 cannot be raised to a negative power")
	}
	if x < 0 && y != math.Trunc(y) && !math.IsInf(y, 0) {
		return complexBinary(OpPow, NewComplex(x, 0), NewComplex(y, 0))
	}
	r := libm.Pow(x, y)
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		return Value{}, NewException(OverflowError, Obj(NewTuple([]Value{Int(34), Str("Numerical result out of range")})))
	}
	return Float(r), nil
}

// Neg returns -v.
func Neg(th *Thread, v Value) (Value, error) {
	if x, ok := asInt64(v); ok && v.Type() != nil && !v.Type().User {
		return SubInt64(0, x), nil
	}
	switch o := v.obj.(type) {
	case floatTag:
		return Float(-v.FloatVal()), nil
	case *Big:
		return BigInt(new(bigInt).Neg(o.X)), nil
	case *Complex:
		return NewComplex(-o.Re, -o.Im), nil
	}
	return unaryDunder(th, v, "__neg__", "-")
}

// Pos returns +v.
func Pos(th *Thread, v Value) (Value, error) {
	if x, ok := asInt64(v); ok && v.Type() != nil && !v.Type().User {
		return Int(x), nil
	}
	switch v.obj.(type) {
	case floatTag, *Big:
		return v, nil
	case *Complex:
		return v, nil
	}
	return unaryDunder(th, v, "__pos__", "+")
}

// Invert returns ~v.
func Invert(th *Thread, v Value) (Value, error) {
	if x, ok := asInt64(v); ok && v.Type() != nil && !v.Type().User {
		return Int(^x), nil
	}
	if o, ok := v.obj.(*Big); ok {
		return BigInt(new(bigInt).Not(o.X)), nil
	}
	return unaryDunder(th, v, "__invert__", "~")
}

func unaryDunder(th *Thread, v Value, name, sym string) (Value, error) {
	if b, ok := derivedFallback(v, name); ok {
		var r Value
		var err error
		switch name {
		case "__neg__":
			r, err = Neg(th, b)
		case "__pos__":
			r, err = Pos(th, b)
		default:
			r, err = Invert(th, b)
		}
		return r, renameOperands(err, v, b, v, v)
	}
	if v.Type().User {
		if r, found, err := th.CallMethod(v, name); found {
			return r, err
		}
	}
	return Value{}, Errorf(TypeError, "bad operand type for unary %s: '%s'", sym, v.Type().Name)
}

// Truth returns the truth value of v (Python's bool(v)).
func Truth(th *Thread, v Value) (bool, error) {
	switch o := v.obj.(type) {
	case *Bool:
		return o.B, nil
	case intTag:
		return v.bits != 0, nil
	case floatTag:
		return v.FloatVal() != 0, nil
	case *NoneType:
		return false, nil
	case *StrObj:
		return len(o.S) > 0, nil
	case *List:
		return len(o.Items) > 0, nil
	case *Tuple:
		return len(o.Items) > 0, nil
	case *Dict:
		return o.Len() > 0, nil
	case *Set:
		return o.Len() > 0, nil
	case *Big:
		return o.X.Sign() != 0, nil
	case *Range:
		return o.Len() > 0, nil
	case *BigRange:
		return o.length().Sign() > 0, nil
	case truthHook:
		return o.TruthHook(), nil
	case *Instance:
		if b, ok := derivedFallback(v, "__bool__"); ok {
			if _, ok := derivedFallback(v, "__len__"); ok {
				return Truth(th, b)
			}
		}
	}
	if v.Type().User {
		if r, found, err := th.CallMethod(v, "__bool__"); found {
			if err != nil {
				return false, err
			}
			b, ok := r.obj.(*Bool)
			if !ok {
				return false, Errorf(TypeError, "__bool__ should return bool, returned %s", r.Type().Name)
			}
			return b.B, nil
		}
		if r, found, err := th.CallMethod(v, "__len__"); found {
			if err != nil {
				return false, err
			}
			n, err := lenResult(r)
			return n != 0, err
		}
	}
	return true, nil
}
