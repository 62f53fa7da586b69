package runtime

// This file defines the math module: argument conversion and CPython's
// error rules around the elementary functions of mod_math_libm.go, and
// the integer functions (gcd, factorial, comb, isqrt, ...).

import (
	"math"
	"math/big"
)

// mathFuncs are the module's functions; they are stateless, so every
// thread's math module shares them.
var mathFuncs = map[string]BuiltinFn{}

func init() {
	one := map[string]struct {
		f           func(float64) float64
		canOverflow bool
	}{
		"acos": {mAcos, false}, "acosh": {mAcosh, false}, "asin": {mAsin, false},
		"asinh": {mAsinh, false}, "atan": {mAtan, false}, "atanh": {mAtanh, false},
		"cbrt": {mCbrt, false}, "cos": {mCos, false}, "cosh": {mCosh, true},
		"exp": {mExp, true}, "exp2": {mExp2, true}, "expm1": {mExpm1, true},
		"fabs": {math.Abs, false}, "log1p": {mLog1p, false}, "sin": {mSin, false},
		"sinh": {mSinh, true}, "sqrt": {math.Sqrt, false}, "tan": {mTan, false},
		"tanh": {mTanh, false}, "erf": {mErf, false}, "erfc": {mErfc, false},
	}
	for name, d := range one {
		mathFuncs[name] = mathWrap1(name, d.f, d.canOverflow)
	}
	two := map[string]func(x, y float64) float64{
		"atan2": mAtan2, "copysign": math.Copysign, "remainder": math.Remainder,
	}
	for name, f := range two {
		mathFuncs[name] = mathWrap2(name, f)
	}
	for name, fn := range map[string]BuiltinFn{
		"floor": mathFloor, "ceil": mathCeil, "trunc": mathTrunc,
		"pow": mathPow, "log": mathLog, "log2": mathLog2, "log10": mathLog10,
		"fmod": mathFmod, "isclose": mathIsClose, "isnan": mathIsNaN,
		"isinf": mathIsInf, "isfinite": mathIsFinite, "degrees": mathDegrees,
		"radians": mathRadians, "modf": mathModf, "frexp": mathFrexp,
		"ldexp": mathLdexp, "hypot": mathHypot, "dist": mathDist, "fsum": mathFsum,
		"prod": mathProd, "gcd": mathGcd, "lcm": mathLcm, "factorial": mathFactorial,
		"comb": mathComb, "perm": mathPerm, "isqrt": mathIsqrt,
		"nextafter": mathNextAfter, "ulp": mathUlp, "gamma": mathGamma, "lgamma": mathLgamma,
	} {
		mathFuncs[name] = fn
	}
	RegisterStdModule("math", loadMath)
}

// loadMath builds the math module for a thread.
func loadMath(th *Thread) *Module {
	m := NewModule("math")
	for name, fn := range mathFuncs {
		m.Set(name, NewBuiltin(name, fn))
	}
	m.Set("pi", Float(math.Pi))
	m.Set("e", Float(math.E))
	m.Set("tau", Float(2*math.Pi))
	m.Set("inf", Float(math.Inf(1)))
	m.Set("nan", Float(math.NaN()))
	return m
}

var (
	errMathDomain = func() error { return Errorf(ValueError, "math domain error") }
	errMathRange  = func() error { return Errorf(OverflowError, "math range error") }
)

// mathToDouble converts an argument to float as PyFloat_AsDouble does: ints
// (exactly rounded), floats, and objects with __float__ or __index__.
func mathToDouble(th *Thread, v Value) (float64, error) {
	if v.IsFloat() {
		return v.FloatVal(), nil
	}
	if n, ok := asInt64(v); ok {
		return float64(n), nil
	}
	if b, ok := v.obj.(*Big); ok {
		return bigToFloat(b.X)
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
		if _, ok := v.Type().Lookup("__index__"); ok {
			x, err := biIndexBig(th, v)
			if err != nil {
				return 0, err
			}
			return bigToFloat(x)
		}
	}
	return 0, Errorf(TypeError, "must be real number, not %s", v.Type().Name)
}

// mathWrap1 wraps a one-argument function with CPython's math_1 rules: a NaN
// from a non-NaN is a domain error, an infinity from a finite argument an
// overflow (canOverflow) or a domain error (a singularity).
func mathWrap1(name string, f func(float64) float64, canOverflow bool) BuiltinFn {
	qual := "math." + name
	return func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := biOneArg(qual, args, kw); err != nil {
			return Value{}, err
		}
		x, err := mathToDouble(th, args[0])
		if err != nil {
			return Value{}, err
		}
		r, err := mathCheck1(x, f(x), canOverflow)
		if err != nil {
			return Value{}, err
		}
		return Float(r), nil
	}
}

func mathCheck1(x, r float64, canOverflow bool) (float64, error) {
	if math.IsNaN(r) && !math.IsNaN(x) {
		return 0, errMathDomain()
	}
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
		if canOverflow {
			return 0, errMathRange()
		}
		return 0, errMathDomain()
	}
	return r, nil
}

// mathWrap2 wraps a two-argument function with CPython's math_2 rules.
func mathWrap2(name string, f func(x, y float64) float64) BuiltinFn {
	qual := "math." + name
	return func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		x, y, err := mathTwoDoubles(th, qual, name, args, kw)
		if err != nil {
			return Value{}, err
		}
		r := f(x, y)
		finite := func(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }
		if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
			return Value{}, errMathDomain()
		}
		if math.IsInf(r, 0) && finite(x) && finite(y) {
			return Value{}, errMathRange()
		}
		return Float(r), nil
	}
}

// mathTwoDoubles parses the two float arguments of a FASTCALL math function.
func mathTwoDoubles(th *Thread, qual, name string, args []Value, kw []Kwarg) (float64, float64, error) {
	if len(kw) > 0 {
		return 0, 0, Errorf(TypeError, "%s() takes no keyword arguments", qual)
	}
	if err := biPositional(name, len(args), 2, 2); err != nil {
		return 0, 0, err
	}
	x, err := mathToDouble(th, args[0])
	if err != nil {
		return 0, 0, err
	}
	y, err := mathToDouble(th, args[1])
	return x, y, err
}

// mathOneDouble parses the single float argument of a METH_O math function.
func mathOneDouble(th *Thread, qual string, args []Value, kw []Kwarg) (float64, error) {
	if err := biOneArg(qual, args, kw); err != nil {
		return 0, err
	}
	return mathToDouble(th, args[0])
}

// mathRoundToInt is floor, ceil and trunc: ints are returned as they are,
// user classes may define the dunder method, floats are rounded by op.
func mathRoundToInt(th *Thread, qual, dunder string, args []Value, kw []Kwarg, op func(float64) float64) (Value, error) {
	if err := biOneArg(qual, args, kw); err != nil {
		return Value{}, err
	}
	v := args[0]
	if v.IsFloat() {
		return floatToInt(op(v.FloatVal()))
	}
	if n, ok := asInt64(v); ok {
		return Int(n), nil
	}
	if _, ok := v.obj.(*Big); ok {
		return v, nil
	}
	if v.Type().User {
		if r, found, err := th.CallMethod(v, dunder); found {
			return r, err
		}
	}
	if dunder == "__trunc__" {
		return Value{}, Errorf(TypeError, "type %s doesn't define __trunc__ method", v.Type().Name)
	}
	x, err := mathToDouble(th, v)
	if err != nil {
		return Value{}, err
	}
	return floatToInt(op(x))
}

func mathFloor(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	return mathRoundToInt(th, "math.floor", "__floor__", args, kw, math.Floor)
}

func mathCeil(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	return mathRoundToInt(th, "math.ceil", "__ceil__", args, kw, math.Ceil)
}

func mathTrunc(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	return mathRoundToInt(th, "math.trunc", "__trunc__", args, kw, math.Trunc)
}

// mathPow is math.pow: C99's pow with Python's errors.
func mathPow(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, y, err := mathTwoDoubles(th, "math.pow", "pow", args, kw)
	if err != nil {
		return Value{}, err
	}
	r, err := MathPow(x, y)
	if err != nil {
		return Value{}, err
	}
	return Float(r), nil
}

// MathPow is math.pow(x, y): x**y for floats, with ValueError for a
// negative base and fractional exponent or zero to a negative power, and
// OverflowError when the result overflows.
func MathPow(x, y float64) (float64, error) {
	finite := func(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }
	if !finite(x) || !finite(y) {
		switch {
		case math.IsNaN(x):
			if y == 0 {
				return 1, nil
			}
			return x, nil
		case math.IsNaN(y):
			if x == 1 {
				return 1, nil
			}
			return y, nil
		case math.IsInf(x, 0):
			oddY := finite(y) && math.Mod(math.Abs(y), 2) == 1
			switch {
			case y > 0:
				if oddY {
					return x, nil
				}
				return math.Abs(x), nil
			case y == 0:
				return 1, nil
			}
			if oddY {
				return math.Copysign(0, x), nil
			}
			return 0, nil
		}
		// y is infinite, x finite.
		ax := math.Abs(x)
		switch {
		case ax == 1:
			return 1, nil
		case y > 0 && ax > 1:
			return y, nil
		case y < 0 && ax < 1:
			return -y, nil
		}
		return 0, nil
	}
	r := mPow(x, y)
	if math.IsNaN(r) {
		return 0, errMathDomain()
	}
	if math.IsInf(r, 0) {
		if x == 0 {
			return 0, errMathDomain()
		}
		return 0, errMathRange()
	}
	return r, nil
}

// mathLogHelper is CPython's loghelper: ints of any size have a logarithm,
// computed from their frexp form when they do not fit a float.
func mathLogHelper(th *Thread, v Value, f func(float64) float64) (float64, error) {
	if isIntLike(v) {
		x, _ := toBig(v)
		if x.Sign() <= 0 {
			return 0, errMathDomain()
		}
		if fx, err := bigToFloat(x); err == nil {
			return f(fx), nil
		}
		// x ~= m * 2**e with 0.5 <= m < 1.
		e := x.BitLen()
		m, _ := new(big.Float).SetMantExp(new(big.Float).SetInt(x), -e).Float64()
		return f(m) + f(2.0)*float64(e), nil
	}
	x, err := mathToDouble(th, v)
	if err != nil {
		return 0, err
	}
	r := f(x)
	if math.IsNaN(r) && !math.IsNaN(x) || math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
		return 0, errMathDomain()
	}
	return r, nil
}

// mathLogDomain applies CPython's m_log rules around a logarithm: zero gives
// -inf and negative numbers NaN (both reported as domain errors).
func mathLogDomain(f func(float64) float64) func(float64) float64 {
	return func(x float64) float64 {
		switch {
		case math.IsNaN(x):
			return x
		case x > 0:
			if math.IsInf(x, 1) {
				return x
			}
			return f(x)
		case x == 0:
			return math.Inf(-1)
		}
		return math.NaN()
	}
}

var (
	domLog   = mathLogDomain(mLog)
	domLog2  = mathLogDomain(mLog2)
	domLog10 = mathLogDomain(mLog10)
)

// math.log(x[, base])
func mathLog(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 {
		return Value{}, Errorf(TypeError, "log() takes no keyword arguments")
	}
	if len(args) < 1 || len(args) > 2 {
		return Value{}, Errorf(TypeError, "math.log requires 1 to 2 arguments")
	}
	num, err := mathLogHelper(th, args[0], domLog)
	if err != nil || len(args) == 1 {
		return Float(num), err
	}
	den, err := mathLogHelper(th, args[1], domLog)
	if err != nil {
		return Value{}, err
	}
	if den == 0 {
		return Value{}, Errorf(ZeroDivisionError, "float division by zero")
	}
	return Float(num / den), nil
}

func mathLog2(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := biOneArg("math.log2", args, kw); err != nil {
		return Value{}, err
	}
	r, err := mathLogHelper(th, args[0], domLog2)
	return Float(r), err
}

func mathLog10(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := biOneArg("math.log10", args, kw); err != nil {
		return Value{}, err
	}
	r, err := mathLogHelper(th, args[0], domLog10)
	return Float(r), err
}

func mathFmod(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, y, err := mathTwoDoubles(th, "math.fmod", "fmod", args, kw)
	if err != nil {
		return Value{}, err
	}
	if math.IsInf(y, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
		return Float(x), nil
	}
	r := math.Mod(x, y)
	if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
		return Value{}, errMathDomain()
	}
	return Float(r), nil
}

// math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
func mathIsClose(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if len(args) > 2 {
		return Value{}, Errorf(TypeError, "isclose() takes exactly 2 positional arguments (%d given)", len(args))
	}
	var av, bv Value
	relTol, absTol := 1e-9, 0.0
	relV, absV := Float(relTol), Float(absTol)
	if err := UnpackArgs("isclose", args, kw, "a", &av, "b", &bv, "$rel_tol?", &relV, "$abs_tol?", &absV); err != nil {
		return Value{}, err
	}
	var err error
	var a, b float64
	for _, p := range []struct {
		dst *float64
		v   Value
	}{{&a, av}, {&b, bv}, {&relTol, relV}, {&absTol, absV}} {
		if *p.dst, err = mathToDouble(th, p.v); err != nil {
			return Value{}, err
		}
	}
	if relTol < 0 || absTol < 0 {
		return Value{}, Errorf(ValueError, "tolerances must be non-negative")
	}
	if a == b {
		return True, nil
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return False, nil
	}
	diff := math.Abs(b - a)
	return MakeBool(diff <= math.Abs(relTol*b) || diff <= math.Abs(relTol*a) || diff <= absTol), nil
}

func mathIsNaN(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, err := mathOneDouble(th, "math.isnan", args, kw)
	return MakeBool(math.IsNaN(x)), err
}

func mathIsInf(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, err := mathOneDouble(th, "math.isinf", args, kw)
	return MakeBool(math.IsInf(x, 0)), err
}

func mathIsFinite(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, err := mathOneDouble(th, "math.isfinite", args, kw)
	return MakeBool(!math.IsInf(x, 0) && !math.IsNaN(x)), err
}

func mathDegrees(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, err := mathOneDouble(th, "math.degrees", args, kw)
	return Float(x * (180.0 / math.Pi)), err
}

func mathRadians(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, err := mathOneDouble(th, "math.radians", args, kw)
	return Float(x * (math.Pi / 180.0)), err
}

func mathModf(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, err := mathOneDouble(th, "math.modf", args, kw)
	if err != nil {
		return Value{}, err
	}
	if math.IsInf(x, 0) {
		return TupleOf(Float(math.Copysign(0, x)), Float(x)), nil
	}
	if math.IsNaN(x) {
		return TupleOf(Float(x), Float(x)), nil
	}
	i, f := math.Modf(x)
	return TupleOf(Float(f), Float(i)), nil
}

func mathFrexp(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, err := mathOneDouble(th, "math.frexp", args, kw)
	if err != nil {
		return Value{}, err
	}
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return TupleOf(Float(x), Int(0)), nil
	}
	m, e := math.Frexp(x)
	return TupleOf(Float(m), Int(int64(e))), nil
}

func mathLdexp(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 {
		return Value{}, Errorf(TypeError, "math.ldexp() takes no keyword arguments")
	}
	if err := biPositional("ldexp", len(args), 2, 2); err != nil {
		return Value{}, err
	}
	x, err := mathToDouble(th, args[0])
	if err != nil {
		return Value{}, err
	}
	if !isIntLike(args[1]) {
		return Value{}, Errorf(TypeError, "Expected an int as second argument to ldexp.")
	}
	var exp int64
	if n, ok := asInt64(args[1]); ok {
		exp = n
	} else if b, _ := toBig(args[1]); b.Sign() < 0 {
		exp = math.MinInt64
	} else {
		exp = math.MaxInt64
	}
	switch {
	case x == 0 || math.IsInf(x, 0) || math.IsNaN(x):
		return Float(x), nil
	case exp > math.MaxInt32:
		return Value{}, errMathRange()
	case exp < math.MinInt32:
		return Float(math.Copysign(0, x)), nil
	}
	r := math.Ldexp(x, int(exp))
	if math.IsInf(r, 0) {
		return Value{}, errMathRange()
	}
	return Float(r), nil
}

func mathNextAfter(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, y, err := mathTwoDoubles(th, "math.nextafter", "nextafter", args, kw)
	if err != nil {
		return Value{}, err
	}
	if x == y {
		return Float(y), nil
	}
	return Float(math.Nextafter(x, y)), nil
}

func mathUlp(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, err := mathOneDouble(th, "math.ulp", args, kw)
	if err != nil {
		return Value{}, err
	}
	if math.IsNaN(x) {
		return Float(x), nil
	}
	x = math.Abs(x)
	if math.IsInf(x, 0) {
		return Float(x), nil
	}
	x2 := math.Nextafter(x, math.Inf(1))
	if math.IsInf(x2, 0) {
		return Float(x - math.Nextafter(x, math.Inf(-1))), nil
	}
	return Float(x2 - x), nil
}
