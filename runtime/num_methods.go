package runtime

// This file implements the int, float and bool constructors, the methods
// of int and float, and the numeric built-ins round, abs, divmod and pow
// (exported for the builtins module), with CPython 3.11's error messages.

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/aio-lang/aio/internal/pyfmt"
)

func init() {
	IntType.New = intNew
	FloatType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("float", args, kw, 0, 1); err != nil {
			return Value{}, err
		}
		if len(args) == 0 {
			return Float(0), nil
		}
		if args[0].IsFloat() {
			return args[0], nil
		}
		f, err := ToFloat(th, args[0])
		if err != nil {
			return Value{}, err
		}
		return Float(f), nil
	}
	BoolType.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := PositionalArgs("bool", args, kw, 0, 1); err != nil {
			return Value{}, err
		}
		if len(args) == 0 {
			return False, nil
		}
		b, err := Truth(th, args[0])
		if err != nil {
			return Value{}, err
		}
		return MakeBool(b), nil
	}
	IntType.Methods(map[string]BuiltinFn{
		"bit_length": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("int.bit_length", args, kw); err != nil {
				return Value{}, err
			}
			if x, ok := asInt64(self); ok {
				if x < 0 {
					return Int(int64(bits.Len64(uint64(-x)))), nil
				}
				return Int(int64(bits.Len64(uint64(x)))), nil
			}
			x, _ := toBig(self)
			return Int(int64(x.BitLen())), nil
		},
		"bit_count": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("int.bit_count", args, kw); err != nil {
				return Value{}, err
			}
			if x, ok := asInt64(self); ok {
				if x < 0 {
					return Int(int64(bits.OnesCount64(uint64(-x)))), nil
				}
				return Int(int64(bits.OnesCount64(uint64(x)))), nil
			}
			x, _ := toBig(self)
			n := 0
			for _, w := range new(big.Int).Abs(x).Bits() {
				n += bits.OnesCount(uint(w))
			}
			return Int(int64(n)), nil
		},
		"conjugate": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("int.conjugate", args, kw); err != nil {
				return Value{}, err
			}
			return ToInt(th, self)
		},
		"as_integer_ratio": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("int.as_integer_ratio", args, kw); err != nil {
				return Value{}, err
			}
			n, err := ToInt(th, self)
			if err != nil {
				return Value{}, err
			}
			return TupleOf(n, Int(1)), nil
		},
		"__round__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := PositionalArgs("int.__round__", args, kw, 0, 1); err != nil {
				return Value{}, err
			}
			// round(5, None) means no ndigits, but int.__round__(None)
			// is an error.
			if len(args) == 1 && args[0].IsNone() {
				return Value{}, Errorf(TypeError, "'NoneType' object cannot be interpreted as an integer")
			}
			return Round(th, self, optArg(args, 0))
		},
	})
	constant := func(v Value) func(*Thread, Value) (Value, error) {
		return func(*Thread, Value) (Value, error) { return v, nil }
	}
	IntType.SetAttr("real", numAttr("real", ToInt))
	IntType.SetAttr("imag", numAttr("imag", constant(Int(0))))
	IntType.SetAttr("numerator", numAttr("numerator", ToInt))
	IntType.SetAttr("denominator", numAttr("denominator", constant(Int(1))))
	FloatType.SetAttr("real", numAttr("real", func(th *Thread, v Value) (Value, error) { return v, nil }))
	FloatType.SetAttr("imag", numAttr("imag", constant(Float(0))))
	FloatType.Methods(map[string]BuiltinFn{
		"is_integer": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("float.is_integer", args, kw); err != nil {
				return Value{}, err
			}
			f := self.FloatVal()
			return MakeBool(!math.IsInf(f, 0) && f == math.Trunc(f)), nil
		},
		"as_integer_ratio": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("float.as_integer_ratio", args, kw); err != nil {
				return Value{}, err
			}
			f := self.FloatVal()
			switch {
			case math.IsInf(f, 0):
				return Value{}, Errorf(OverflowError, "cannot convert Infinity to integer ratio")
			case math.IsNaN(f):
				return Value{}, Errorf(ValueError, "cannot convert NaN to integer ratio")
			}
			r := new(big.Rat).SetFloat64(f)
			return TupleOf(BigInt(new(big.Int).Set(r.Num())), BigInt(new(big.Int).Set(r.Denom()))), nil
		},
		"conjugate": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("float.conjugate", args, kw); err != nil {
				return Value{}, err
			}
			return self, nil
		},
		"__round__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := PositionalArgs("float.__round__", args, kw, 0, 1); err != nil {
				return Value{}, err
			}
			return Round(th, self, optArg(args, 0))
		},
	})
}

// numAttr makes a read-only attribute of int or float (real, imag,
// numerator, denominator).
func numAttr(name string, get func(th *Thread, v Value) (Value, error)) Value {
	return Obj(&Property{Fget: NewBuiltin(name, func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		return get(th, args[0])
	}), Name: name, readOnlyAttr: true})
}

// optArg returns args[i], or the zero Value when absent.
func optArg(args []Value, i int) Value {
	if i < len(args) {
		return args[i]
	}
	return Value{}
}

// intNew is int(x=0, /, base=10).
func intNew(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	var x, base Value
	if err := UnpackArgs("int", args, kw, "/?", &x, "base?", &base); err != nil {
		return Value{}, err
	}
	if !base.IsValid() {
		if !x.IsValid() {
			return Int(0), nil
		}
		return ToInt(th, x)
	}
	if !x.IsValid() {
		return Value{}, Errorf(TypeError, "int() missing string argument")
	}
	b, err := clampedIndex(th, base)
	if err != nil {
		return Value{}, err
	}
	if (b != 0 && b < 2) || b > 36 {
		return Value{}, Errorf(ValueError, "int() base must be >= 2 and <= 36, or 0")
	}
	s, ok := x.obj.(*StrObj)
	if _, isBytes := bufferOf(x); isBytes && !ok {
		return bytesToInt(x, int(b))
	}
	if !ok {
		return Value{}, Errorf(TypeError, "int() can't convert non-string with explicit base")
	}
	return parseIntCharged(th, s.S, int(b))
}

// ToInt converts v as int(v) does with one argument: ints unchanged (bool
// becomes a plain int), floats truncated, str parsed in base 10, and user
// objects through __int__, __index__ or __trunc__.
func ToInt(th *Thread, v Value) (Value, error) {
	switch o := v.obj.(type) {
	case intTag, *Big:
		return v, nil
	case *Bool:
		n, _ := asInt64(v)
		return Int(n), nil
	case floatTag:
		return floatToInt(v.FloatVal())
	case *StrObj:
		return parseIntCharged(th, o.S, 10)
	case *Bytes, *ByteArray:
		return bytesToInt(v, 10)
	case *Instance:
		if b, ok := derivedFallback(v, "__int__"); ok {
			if _, ok := derivedFallback(v, "__index__"); ok {
				return ToInt(th, b)
			}
		}
	}
	if v.Type().User {
		for _, name := range []string{"__int__", "__index__"} {
			if r, found, err := th.CallMethod(v, name); found {
				if err != nil {
					return Value{}, err
				}
				if !isIntLike(r) {
					return Value{}, Errorf(TypeError, "%s returned non-int (type %s)", name, r.Type().Name)
				}
				return ToInt(th, r)
			}
		}
		if r, found, err := th.CallMethod(v, "__trunc__"); found {
			if err != nil {
				return Value{}, err
			}
			if isIntLike(r) {
				return ToInt(th, r)
			}
			n, ok, err := asIndex(th, r)
			if err != nil {
				return Value{}, err
			}
			if !ok {
				return Value{}, Errorf(TypeError, "__trunc__ returned non-Integral (type %s)", r.Type().Name)
			}
			return n, nil
		}
	}
	return Value{}, Errorf(TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", v.Type().Name)
}

// floatToInt truncates f to an int, failing as CPython does for
// infinities and NaN.
func floatToInt(f float64) (Value, error) {
	switch {
	case math.IsNaN(f):
		return Value{}, Errorf(ValueError, "cannot convert float NaN to integer")
	case math.IsInf(f, 0):
		return Value{}, Errorf(OverflowError, "cannot convert float infinity to integer")
	}
	t := math.Trunc(f)
	if t >= -(1<<63) && t < 1<<63 {
		return Int(int64(t)), nil
	}
	n, _ := big.NewFloat(t).Int(nil)
	return BigInt(n), nil
}

// ToFloat converts v as float(v) does: floats unchanged, ints exactly
// rounded (OverflowError when too large), str parsed, and user objects
// through __float__ or __index__.
func ToFloat(th *Thread, v Value) (float64, error) {
	switch o := v.obj.(type) {
	case floatTag:
		return v.FloatVal(), nil
	case intTag, *Bool, *Big:
		return toFloat(v)
	case *StrObj:
		f, err := pyfmt.ParseFloat(o.S)
		if err != nil {
			return 0, pyErr(err)
		}
		return f, nil
	case *Bytes, *ByteArray:
		return bytesToFloat(v)
	case *Instance:
		if b, ok := derivedFallback(v, "__float__"); ok {
			return ToFloat(th, b)
		}
	}
	if v.Type().User {
		if r, found, err := th.CallMethod(v, "__float__"); found {
			if err != nil {
				return 0, err
			}
			if !r.IsFloat() {
				return 0, Errorf(TypeError, "%s.__float__ returned non-float (type %s)", v.Type().Name, r.Type().Name)
			}
			return r.FloatVal(), nil
		}
		if n, ok, err := asIndex(th, v); ok || err != nil {
			if err != nil {
				return 0, err
			}
			return toFloat(n)
		}
	}
	return 0, Errorf(TypeError, "float() argument must be a string or a real number, not '%s'", v.Type().Name)
}

// asIndex returns v as an int through Python's __index__ protocol: ints
// (bool included) as themselves, user objects through __index__. ok is
// false when v does not support it.
func asIndex(th *Thread, v Value) (Value, bool, error) {
	if isIntLike(v) {
		return v, true, nil
	}
	if !v.Type().User {
		return Value{}, false, nil
	}
	r, found, err := th.CallMethod(v, "__index__")
	if !found {
		return Value{}, false, nil
	}
	if err != nil {
		return Value{}, true, err
	}
	if !isIntLike(r) {
		return Value{}, true, Errorf(TypeError, "__index__ returned non-int (type %s)", r.Type().Name)
	}
	return r, true, nil
}

// ssizeIndex converts an integer argument as CPython's Py_ssize_t
// converter does: TypeError for non-integers, OverflowError beyond 64 bits.
func ssizeIndex(th *Thread, v Value) (int64, error) {
	n, ok, err := asIndex(th, v)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	x, ok := asInt64(n)
	if !ok {
		return 0, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
	}
	return x, nil
}

// clampedIndex converts an integer argument, clamping values beyond 64
// bits (CPython's PyNumber_AsSsize_t(v, NULL), used for round's ndigits
// and int's base).
func clampedIndex(th *Thread, v Value) (int64, error) {
	n, ok, err := asIndex(th, v)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	if x, ok := asInt64(n); ok {
		return x, nil
	}
	if b, _ := toBig(n); b.Sign() < 0 {
		return math.MinInt64, nil
	}
	return math.MaxInt64, nil
}

// Round implements round(v) and round(v, ndigits); ndigits is the zero
// Value when absent. Without ndigits (or with None) ints and floats
// round to an int, half to even; with ndigits an int stays an int
// (rounded to tens, hundreds... when ndigits is negative) and a float
// is correctly rounded to a float. User classes provide __round__.
func Round(th *Thread, v Value, ndigits Value) (Value, error) {
	hasN := ndigits.IsValid() && !ndigits.IsNone()
	switch v.obj.(type) {
	case intTag, *Big, *Bool:
		if !hasN {
			return ToInt(th, v)
		}
		n, err := clampedIndex(th, ndigits)
		if err != nil {
			return Value{}, err
		}
		return roundInt(th, v, n)
	case floatTag:
		f := v.FloatVal()
		if !hasN {
			return floatToInt(math.RoundToEven(f))
		}
		n, err := clampedIndex(th, ndigits)
		if err != nil {
			return Value{}, err
		}
		n = max(min(n, math.MaxInt32), math.MinInt32)
		r, err := pyfmt.RoundFloat(f, int(n))
		if err != nil {
			return Value{}, pyErr(err)
		}
		return Float(r), nil
	}
	if v.Type().User {
		var args []Value
		if hasN {
			args = []Value{ndigits}
		}
		if r, found, err := th.CallMethod(v, "__round__", args...); found {
			return r, err
		}
	}
	return Value{}, Errorf(TypeError, "type %s doesn't define __round__ method", v.Type().Name)
}

// roundInt rounds an int to a multiple of 10**-n, half to even.
func roundInt(th *Thread, v Value, n int64) (Value, error) {
	if n >= 0 {
		return ToInt(th, v)
	}
	x, _ := toBig(v)
	// 10**k exceeds 2*|x| once k passes the digit count: the result is 0.
	if n < -1<<40 || -n > int64(x.BitLen())*3/10+2 {
		return Int(0), nil
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-n), nil)
	q, r := bigFloorDivMod(x, p)
	c := new(big.Int).Lsh(r, 1).Cmp(p)
	if c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	return BigInt(q.Mul(q, p)), nil
}

// Abs implements abs(v).
func Abs(th *Thread, v Value) (Value, error) {
	switch o := v.obj.(type) {
	case intTag:
		if x := v.SmallInt(); x < 0 {
			return SubInt64(0, x), nil
		}
		return v, nil
	case *Bool:
		n, _ := asInt64(v)
		return Int(n), nil
	case *Big:
		if o.X.Sign() < 0 {
			return BigInt(new(big.Int).Neg(o.X)), nil
		}
		return v, nil
	case floatTag:
		return Float(math.Abs(v.FloatVal())), nil
	case *Complex:
		return complexAbs(o)
	}
	if v.Type().User {
		if r, found, err := th.CallMethod(v, "__abs__"); found {
			return r, err
		}
	}
	return Value{}, Errorf(TypeError, "bad operand type for abs(): '%s'", v.Type().Name)
}

// DivMod implements divmod(a, b): (a // b, a % b) for ints and floats,
// __divmod__/__rdivmod__ for user classes.
func DivMod(th *Thread, a, b Value) (Value, error) {
	if isIntLike(a) && isIntLike(b) {
		if x, ok := asInt64(a); ok {
			if y, ok := asInt64(b); ok {
				if y == 0 {
					return Value{}, Errorf(ZeroDivisionError, "integer division or modulo by zero")
				}
				return TupleOf(FloorDivInt64(x, y), Int(ModInt64(x, y))), nil
			}
		}
		x, _ := toBig(a)
		y, _ := toBig(b)
		if y.Sign() == 0 {
			return Value{}, Errorf(ZeroDivisionError, "integer division or modulo by zero")
		}
		q, m := bigFloorDivMod(x, y)
		return TupleOf(BigInt(q), BigInt(m)), nil
	}
	if (isIntLike(a) || a.IsFloat()) && (isIntLike(b) || b.IsFloat()) {
		x, err := toFloat(a)
		if err != nil {
			return Value{}, err
		}
		y, err := toFloat(b)
		if err != nil {
			return Value{}, err
		}
		if y == 0 {
			return Value{}, Errorf(ZeroDivisionError, "float divmod()")
		}
		q, m := floatDivMod(x, y)
		return TupleOf(Float(q), Float(m)), nil
	}
	if a.Type().User {
		r, found, err := th.CallMethod(a, "__divmod__", b)
		if found && (err != nil || !r.Is(NotImplemented)) {
			return r, err
		}
	}
	if b.Type().User {
		r, found, err := th.CallMethod(b, "__rdivmod__", a)
		if found && (err != nil || !r.Is(NotImplemented)) {
			return r, err
		}
	}
	if a2, b2 := BuiltinValue(a), BuiltinValue(b); !a2.Is(a) || !b2.Is(b) {
		if r, err := DivMod(th, a2, b2); err == nil || !IsInstance(err, TypeError) {
			return r, err
		}
	}
	return Value{}, Errorf(TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", a.Type().Name, b.Type().Name)
}

// Pow implements pow(a, b) and pow(a, b, mod); mod is the zero Value or
// None for the two-argument form. The three-argument form needs ints
// (or a user __pow__ taking a modulus); a negative exponent uses the
// modular inverse of the base.
func Pow(th *Thread, a, b, mod Value) (Value, error) {
	if !mod.IsValid() || mod.IsNone() {
		return Binary(th, OpPow, a, b)
	}
	if isIntLike(a) && isIntLike(b) && isIntLike(mod) {
		return intModPow(a, b, mod)
	}
	// CPython tries the power slots of a, b and mod in turn: int's
	// declines mixed types, float's rejects any modulus, and a user
	// class's __pow__ is called only for the base (3.11 has no ternary
	// __rpow__).
	if a.Type().User {
		r, found, err := th.CallMethod(a, "__pow__", b, mod)
		if found && (err != nil || !r.Is(NotImplemented)) {
			return r, err
		}
	}
	if complexModPow(a, b, mod) {
		return Value{}, Errorf(ValueError, "complex modulo")
	}
	if a.IsFloat() || b.IsFloat() || mod.IsFloat() {
		return Value{}, Errorf(TypeError, "pow() 3rd argument not allowed unless all arguments are integers")
	}
	return Value{}, Errorf(TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", a.Type().Name, b.Type().Name, mod.Type().Name)
}

// intModPow is pow(a, b, m) for ints: the result has the sign of m.
func intModPow(a, b, mod Value) (Value, error) {
	x, xok := asInt64(a)
	e, eok := asInt64(b)
	m, mok := asInt64(mod)
	if mok && m == 0 {
		return Value{}, Errorf(ValueError, "pow() 3rd argument cannot be 0")
	}
	if xok && eok && mok && e >= 0 && m != math.MinInt64 {
		mAbs := uint64(absInt64(m))
		base := uint64(ModInt64(x, int64(mAbs)))
		r := uint64(1) % mAbs
		for ; e > 0; e >>= 1 {
			if e&1 == 1 {
				hi, lo := bits.Mul64(r, base)
				_, r = bits.Div64(hi, lo, mAbs)
			}
			hi, lo := bits.Mul64(base, base)
			_, base = bits.Div64(hi, lo, mAbs)
		}
		if m < 0 && r != 0 {
			return Int(int64(r) + m), nil
		}
		return Int(int64(r)), nil
	}
	bx, _ := toBig(a)
	be, _ := toBig(b)
	bm, _ := toBig(mod)
	return bigModPow(bx, be, bm)
}

// bigModPow is pow(x, e, m) on big ints.
func bigModPow(bx, be, bm *big.Int) (Value, error) {
	if bm.Sign() == 0 {
		return Value{}, Errorf(ValueError, "pow() 3rd argument cannot be 0")
	}
	mAbs := new(big.Int).Abs(bm)
	if mAbs.Cmp(big.NewInt(1)) == 0 {
		return Int(0), nil
	}
	base := new(big.Int).Mod(bx, mAbs)
	exp := be
	if be.Sign() < 0 {
		if base.ModInverse(base, mAbs) == nil {
			return Value{}, Errorf(ValueError, "base is not invertible for the given modulus")
		}
		exp = new(big.Int).Neg(be)
	}
	r := new(big.Int).Exp(base, exp, mAbs)
	r.Mod(r, mAbs)
	if bm.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, bm)
	}
	return BigInt(r), nil
}
