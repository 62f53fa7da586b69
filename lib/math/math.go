package math

// This file defines the math module: argument conversion and CPython's
// error rules around the elementary functions of mod_math_libm.go, and
// the integer functions (gcd, factorial, comb, isqrt, ...).

import (
	gomath "math"
	"math/big"

	"github.com/aio-lang/aio/internal/libm"
	"github.com/aio-lang/aio/runtime"
)

// mathFuncs are the module's functions; they are stateless, so every
// thread's math module shares them.
var mathFuncs = map[string]runtime.BuiltinFn{}

func init() {
	one := map[string]struct {
		f           func(float64) float64
		canOverflow bool
	}{
		"acos": {libm.Acos, false}, "acosh": {libm.Acosh, false}, "asin": {libm.Asin, false},
		"asinh": {libm.Asinh, false}, "atan": {libm.Atan, false}, "atanh": {libm.Atanh, false},
		"cbrt": {libm.Cbrt, false}, "cos": {libm.Cos, false}, "cosh": {libm.Cosh, true},
		"exp": {libm.Exp, true}, "exp2": {libm.Exp2, true}, "expm1": {libm.Expm1, true},
		"fabs": {gomath.Abs, false}, "log1p": {libm.Log1p, false}, "sin": {libm.Sin, false},
		"sinh": {libm.Sinh, true}, "sqrt": {gomath.Sqrt, false}, "tan": {libm.Tan, false},
		"tanh": {libm.Tanh, false}, "erf": {libm.Erf, false}, "erfc": {libm.Erfc, false},
	}
	for name, d := range one {
		mathFuncs[name] = mathWrap1(name, d.f, d.canOverflow)
	}
	two := map[string]func(x, y float64) float64{
		"atan2": libm.Atan2, "copysign": gomath.Copysign, "remainder": gomath.Remainder,
	}
	for name, f := range two {
		mathFuncs[name] = mathWrap2(name, f)
	}
	for name, fn := range map[string]runtime.BuiltinFn{
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
	runtime.RegisterStdModule("math", loadMath)
}

// loadMath builds the math module for a thread.
func loadMath(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("math")
	for name, fn := range mathFuncs {
		m.Set(name, runtime.NewBuiltin(name, fn))
	}
	m.Set("pi", runtime.Float(gomath.Pi))
	m.Set("e", runtime.Float(gomath.E))
	m.Set("tau", runtime.Float(2*gomath.Pi))
	m.Set("inf", runtime.Float(gomath.Inf(1)))
	m.Set("nan", runtime.Float(gomath.NaN()))
	return m
}

var (
	errMathDomain = func() error { return runtime.Errorf(runtime.ValueError, "math domain error") }
	errMathRange  = func() error { return runtime.Errorf(runtime.OverflowError, "math range error") }
)

// mathWrap1 wraps a one-argument function with CPython's math_1 rules: a NaN
// from a non-NaN is a domain error, an infinity from a finite argument an
// overflow (canOverflow) or a domain error (a singularity).
func mathWrap1(name string, f func(float64) float64, canOverflow bool) runtime.BuiltinFn {
	qual := "math." + name
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if _, err := runtime.OneArg(qual, args, kw); err != nil {
			return runtime.Value{}, err
		}
		x, err := runtime.AsDouble(th, args[0])
		if err != nil {
			return runtime.Value{}, err
		}
		r, err := mathCheck1(x, f(x), canOverflow)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.Float(r), nil
	}
}

func mathCheck1(x, r float64, canOverflow bool) (float64, error) {
	if gomath.IsNaN(r) && !gomath.IsNaN(x) {
		return 0, errMathDomain()
	}
	if gomath.IsInf(r, 0) && !gomath.IsInf(x, 0) && !gomath.IsNaN(x) {
		if canOverflow {
			return 0, errMathRange()
		}
		return 0, errMathDomain()
	}
	return r, nil
}

// mathWrap2 wraps a two-argument function with CPython's math_2 rules.
func mathWrap2(name string, f func(x, y float64) float64) runtime.BuiltinFn {
	qual := "math." + name
	return func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		x, y, err := mathTwoDoubles(th, qual, name, args, kw)
		if err != nil {
			return runtime.Value{}, err
		}
		r := f(x, y)
		finite := func(v float64) bool { return !gomath.IsInf(v, 0) && !gomath.IsNaN(v) }
		if gomath.IsNaN(r) && !gomath.IsNaN(x) && !gomath.IsNaN(y) {
			return runtime.Value{}, errMathDomain()
		}
		if gomath.IsInf(r, 0) && finite(x) && finite(y) {
			return runtime.Value{}, errMathRange()
		}
		return runtime.Float(r), nil
	}
}

// mathTwoDoubles parses the two float arguments of a FASTCALL math function.
func mathTwoDoubles(th *runtime.Thread, qual, name string, args []runtime.Value, kw []runtime.Kwarg) (float64, float64, error) {
	if len(kw) > 0 {
		return 0, 0, runtime.NoKeywords(qual, kw)
	}
	if err := runtime.PositionalArgs(name, args, nil, 2, 2); err != nil {
		return 0, 0, err
	}
	x, err := runtime.AsDouble(th, args[0])
	if err != nil {
		return 0, 0, err
	}
	y, err := runtime.AsDouble(th, args[1])
	return x, y, err
}

// mathOneDouble parses the single float argument of a METH_O math function.
func mathOneDouble(th *runtime.Thread, qual string, args []runtime.Value, kw []runtime.Kwarg) (float64, error) {
	if _, err := runtime.OneArg(qual, args, kw); err != nil {
		return 0, err
	}
	return runtime.AsDouble(th, args[0])
}

// mathRoundToInt is floor, ceil and trunc: ints are returned as they are,
// user classes may define the dunder method, floats are rounded by op.
func mathRoundToInt(th *runtime.Thread, qual, dunder string, args []runtime.Value, kw []runtime.Kwarg, op func(float64) float64) (runtime.Value, error) {
	if _, err := runtime.OneArg(qual, args, kw); err != nil {
		return runtime.Value{}, err
	}
	v := args[0]
	if v.IsFloat() {
		return runtime.FloatToInt(op(v.FloatVal()))
	}
	if n, ok := runtime.AsInt64(v); ok {
		return runtime.Int(n), nil
	}
	if _, ok := v.Object().(*runtime.Big); ok {
		return v, nil
	}
	if v.Type().User {
		if r, found, err := th.CallMethod(v, dunder); found {
			return r, err
		}
	}
	if dunder == "__trunc__" {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "type %s doesn't define __trunc__ method", v.Type().Name)
	}
	x, err := runtime.AsDouble(th, v)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.FloatToInt(op(x))
}

func mathFloor(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return mathRoundToInt(th, "math.floor", "__floor__", args, kw, gomath.Floor)
}

func mathCeil(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return mathRoundToInt(th, "math.ceil", "__ceil__", args, kw, gomath.Ceil)
}

func mathTrunc(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return mathRoundToInt(th, "math.trunc", "__trunc__", args, kw, gomath.Trunc)
}

// mathPow is math.pow: C99's pow with Python's errors.
func mathPow(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	x, y, err := mathTwoDoubles(th, "math.pow", "pow", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	r, err := MathPow(x, y)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Float(r), nil
}

// MathPow is math.pow(x, y): x**y for floats, with ValueError for a
// negative base and fractional exponent or zero to a negative power, and
// OverflowError when the result overflows.
func MathPow(x, y float64) (float64, error) {
	finite := func(v float64) bool { return !gomath.IsInf(v, 0) && !gomath.IsNaN(v) }
	if !finite(x) || !finite(y) {
		switch {
		case gomath.IsNaN(x):
			if y == 0 {
				return 1, nil
			}
			return x, nil
		case gomath.IsNaN(y):
			if x == 1 {
				return 1, nil
			}
			return y, nil
		case gomath.IsInf(x, 0):
			oddY := finite(y) && gomath.Mod(gomath.Abs(y), 2) == 1
			switch {
			case y > 0:
				if oddY {
					return x, nil
				}
				return gomath.Abs(x), nil
			case y == 0:
				return 1, nil
			}
			if oddY {
				return gomath.Copysign(0, x), nil
			}
			return 0, nil
		}
		// y is infinite, x finite.
		ax := gomath.Abs(x)
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
	r := libm.Pow(x, y)
	if gomath.IsNaN(r) {
		return 0, errMathDomain()
	}
	if gomath.IsInf(r, 0) {
		if x == 0 {
			return 0, errMathDomain()
		}
		return 0, errMathRange()
	}
	return r, nil
}

// mathLogHelper is CPython's loghelper: ints of any size have a logarithm,
// computed from their frexp form when they do not fit a float.
func mathLogHelper(th *runtime.Thread, v runtime.Value, f func(float64) float64) (float64, error) {
	if runtime.IsIntLike(v) {
		x, _ := runtime.AsBig(v)
		if x.Sign() <= 0 {
			return 0, errMathDomain()
		}
		if fx, err := runtime.BigToFloat(x); err == nil {
			return f(fx), nil
		}
		// x ~= m * 2**e with 0.5 <= m < 1.
		e := x.BitLen()
		m, _ := new(big.Float).SetMantExp(new(big.Float).SetInt(x), -e).Float64()
		return f(m) + f(2.0)*float64(e), nil
	}
	x, err := runtime.AsDouble(th, v)
	if err != nil {
		return 0, err
	}
	r := f(x)
	if gomath.IsNaN(r) && !gomath.IsNaN(x) || gomath.IsInf(r, 0) && !gomath.IsInf(x, 0) && !gomath.IsNaN(x) {
		return 0, errMathDomain()
	}
	return r, nil
}

// mathLogDomain applies CPython's m_log rules around a logarithm: zero gives
// -inf and negative numbers NaN (both reported as domain errors).
func mathLogDomain(f func(float64) float64) func(float64) float64 {
	return func(x float64) float64 {
		switch {
		case gomath.IsNaN(x):
			return x
		case x > 0:
			if gomath.IsInf(x, 1) {
				return x
			}
			return f(x)
		case x == 0:
			return gomath.Inf(-1)
		}
		return gomath.NaN()
	}
}

var (
	domLog   = mathLogDomain(libm.Log)
	domLog2  = mathLogDomain(libm.Log2)
	domLog10 = mathLogDomain(libm.Log10)
)

// math.log(x[, base])
func mathLog(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(kw) > 0 {
		return runtime.Value{}, runtime.NoKeywords("log", kw)
	}
	if len(args) < 1 || len(args) > 2 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "math.log requires 1 to 2 arguments")
	}
	num, err := mathLogHelper(th, args[0], domLog)
	if err != nil || len(args) == 1 {
		return runtime.Float(num), err
	}
	den, err := mathLogHelper(th, args[1], domLog)
	if err != nil {
		return runtime.Value{}, err
	}
	if den == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ZeroDivisionError, "float division by zero")
	}
	return runtime.Float(num / den), nil
}

func mathLog2(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if _, err := runtime.OneArg("math.log2", args, kw); err != nil {
		return runtime.Value{}, err
	}
	r, err := mathLogHelper(th, args[0], domLog2)
	return runtime.Float(r), err
}

func mathLog10(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if _, err := runtime.OneArg("math.log10", args, kw); err != nil {
		return runtime.Value{}, err
	}
	r, err := mathLogHelper(th, args[0], domLog10)
	return runtime.Float(r), err
}

func mathFmod(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	x, y, err := mathTwoDoubles(th, "math.fmod", "fmod", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	if gomath.IsInf(y, 0) && !gomath.IsInf(x, 0) && !gomath.IsNaN(x) {
		return runtime.Float(x), nil
	}
	r := gomath.Mod(x, y)
	if gomath.IsNaN(r) && !gomath.IsNaN(x) && !gomath.IsNaN(y) {
		return runtime.Value{}, errMathDomain()
	}
	return runtime.Float(r), nil
}

// math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
func mathIsClose(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) > 2 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "isclose() takes exactly 2 positional arguments (%d given)", len(args))
	}
	var av, bv runtime.Value
	relTol, absTol := 1e-9, 0.0
	relV, absV := runtime.Float(relTol), runtime.Float(absTol)
	if err := runtime.UnpackArgs("isclose", args, kw, "a", &av, "b", &bv, "$rel_tol?", &relV, "$abs_tol?", &absV); err != nil {
		return runtime.Value{}, err
	}
	var err error
	var a, b float64
	for _, p := range []struct {
		dst *float64
		v   runtime.Value
	}{{&a, av}, {&b, bv}, {&relTol, relV}, {&absTol, absV}} {
		if *p.dst, err = runtime.AsDouble(th, p.v); err != nil {
			return runtime.Value{}, err
		}
	}
	if relTol < 0 || absTol < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "tolerances must be non-negative")
	}
	if a == b {
		return runtime.True, nil
	}
	if gomath.IsInf(a, 0) || gomath.IsInf(b, 0) {
		return runtime.False, nil
	}
	diff := gomath.Abs(b - a)
	return runtime.MakeBool(diff <= gomath.Abs(relTol*b) || diff <= gomath.Abs(relTol*a) || diff <= absTol), nil
}

func mathIsNaN(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	x, err := mathOneDouble(th, "math.isnan", args, kw)
	return runtime.MakeBool(gomath.IsNaN(x)), err
}

func mathIsInf(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	x, err := mathOneDouble(th, "math.isinf", args, kw)
	return runtime.MakeBool(gomath.IsInf(x, 0)), err
}

func mathIsFinite(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	x, err := mathOneDouble(th, "math.isfinite", args, kw)
	return runtime.MakeBool(!gomath.IsInf(x, 0) && !gomath.IsNaN(x)), err
}

func mathDegrees(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	x, err := mathOneDouble(th, "math.degrees", args, kw)
	return runtime.Float(x * (180.0 / gomath.Pi)), err
}

func mathRadians(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	x, err := mathOneDouble(th, "math.radians", args, kw)
	return runtime.Float(x * (gomath.Pi / 180.0)), err
}

func mathModf(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	x, err := mathOneDouble(th, "math.modf", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	if gomath.IsInf(x, 0) {
		return runtime.TupleOf(runtime.Float(gomath.Copysign(0, x)), runtime.Float(x)), nil
	}
	if gomath.IsNaN(x) {
		return runtime.TupleOf(runtime.Float(x), runtime.Float(x)), nil
	}
	i, f := gomath.Modf(x)
	return runtime.TupleOf(runtime.Float(f), runtime.Float(i)), nil
}

func mathFrexp(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	x, err := mathOneDouble(th, "math.frexp", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	if gomath.IsNaN(x) || gomath.IsInf(x, 0) || x == 0 {
		return runtime.TupleOf(runtime.Float(x), runtime.Int(0)), nil
	}
	m, e := gomath.Frexp(x)
	return runtime.TupleOf(runtime.Float(m), runtime.Int(int64(e))), nil
}

func mathLdexp(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(kw) > 0 {
		return runtime.Value{}, runtime.NoKeywords("math.ldexp", kw)
	}
	if err := runtime.PositionalArgs("ldexp", args, nil, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	x, err := runtime.AsDouble(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	if !runtime.IsIntLike(args[1]) {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "Expected an int as second argument to ldexp.")
	}
	var exp int64
	if n, ok := runtime.AsInt64(args[1]); ok {
		exp = n
	} else if b, _ := runtime.AsBig(args[1]); b.Sign() < 0 {
		exp = gomath.MinInt64
	} else {
		exp = gomath.MaxInt64
	}
	switch {
	case x == 0 || gomath.IsInf(x, 0) || gomath.IsNaN(x):
		return runtime.Float(x), nil
	case exp > gomath.MaxInt32:
		return runtime.Value{}, errMathRange()
	case exp < gomath.MinInt32:
		return runtime.Float(gomath.Copysign(0, x)), nil
	}
	r := gomath.Ldexp(x, int(exp))
	if gomath.IsInf(r, 0) {
		return runtime.Value{}, errMathRange()
	}
	return runtime.Float(r), nil
}

func mathNextAfter(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	x, y, err := mathTwoDoubles(th, "math.nextafter", "nextafter", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	if x == y {
		return runtime.Float(y), nil
	}
	return runtime.Float(gomath.Nextafter(x, y)), nil
}

func mathUlp(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	x, err := mathOneDouble(th, "math.ulp", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	if gomath.IsNaN(x) {
		return runtime.Float(x), nil
	}
	x = gomath.Abs(x)
	if gomath.IsInf(x, 0) {
		return runtime.Float(x), nil
	}
	x2 := gomath.Nextafter(x, gomath.Inf(1))
	if gomath.IsInf(x2, 0) {
		return runtime.Float(x - gomath.Nextafter(x, gomath.Inf(-1))), nil
	}
	return runtime.Float(x2 - x), nil
}
