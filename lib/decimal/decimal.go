// Package decimal registers the decimal module. Its arithmetic is
// github.com/cockroachdb/apd, an implementation of the General Decimal
// Arithmetic specification that Python's decimal module also follows:
// this file applies an operation under a context and reports the
// conditions it raised; decimal.aio builds Decimal, Context and the
// signals on it. Values cross between the two as strings in the
// specification's scientific notation.
package decimal

// This file defines the Go part of the module.

import (
	_ "embed"
	"math/big"
	"strconv"
	"strings"

	"github.com/aio-lang/aio/runtime"
	"github.com/cockroachdb/apd/v3"
)

//go:embed decimal.aio
var source []byte

func init() {
	runtime.RegisterStdModule("decimal", load)
	runtime.RegisterStdSource("decimal", source)
}

// roundings maps Python's rounding names to apd's.
var roundings = map[string]apd.Rounder{
	"ROUND_DOWN": apd.RoundDown, "ROUND_HALF_UP": apd.RoundHalfUp,
	"ROUND_HALF_EVEN": apd.RoundHalfEven, "ROUND_CEILING": apd.RoundCeiling,
	"ROUND_FLOOR": apd.RoundFloor, "ROUND_UP": apd.RoundUp,
	"ROUND_HALF_DOWN": apd.RoundHalfDown, "ROUND_05UP": apd.Round05Up,
}

// conditions names apd's conditions as Python's decimal does, in the
// order Python reports them.
var conditions = []struct {
	c    apd.Condition
	name string
}{
	{apd.InvalidOperation, "InvalidOperation"},
	{apd.DivisionImpossible, "DivisionImpossible"},
	{apd.DivisionUndefined, "DivisionUndefined"},
	{apd.DivisionByZero, "DivisionByZero"},
	{apd.Overflow | apd.SystemOverflow, "Overflow"},
	{apd.Underflow | apd.SystemUnderflow, "Underflow"},
	{apd.Subnormal, "Subnormal"},
	{apd.Inexact, "Inexact"},
	{apd.Rounded, "Rounded"},
	{apd.Clamped, "Clamped"},
}

// sciString is the specification's to-scientific-string of d (apd's own
// String prints some zeros differently).
func sciString(d *apd.Decimal) string {
	var b strings.Builder
	if d.Negative {
		b.WriteByte('-')
	}
	switch d.Form {
	case apd.NaN:
		b.WriteString("NaN")
		return b.String()
	case apd.NaNSignaling:
		b.WriteString("sNaN")
		return b.String()
	case apd.Infinite:
		b.WriteString("Infinity")
		return b.String()
	}
	digits := d.Coeff.String()
	exp := int(d.Exponent)
	adjusted := exp + len(digits) - 1
	switch {
	case exp <= 0 && adjusted >= -6:
		if exp == 0 {
			b.WriteString(digits)
			break
		}
		point := len(digits) + exp
		if point > 0 {
			b.WriteString(digits[:point])
			b.WriteByte('.')
			b.WriteString(digits[point:])
		} else {
			b.WriteString("0.")
			b.WriteString(strings.Repeat("0", -point))
			b.WriteString(digits)
		}
	default:
		b.WriteString(digits[:1])
		if len(digits) > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte('E')
		if adjusted >= 0 {
			b.WriteByte('+')
		}
		b.WriteString(strconv.Itoa(adjusted))
	}
	return b.String()
}

// parse reads a value the source part produced (finite numbers in the
// specification's syntax, or the special values).
func parse(s string) (*apd.Decimal, bool) {
	d, _, err := parseContext.NewFromString(s)
	return d, err == nil
}

// parseContext reads literals exactly, with exponents up to Python's
// limits rather than apd's default ones.
var parseContext = &apd.Context{MaxExponent: 999999999, MinExponent: -999999999}

// conditionNames lists the Python names of the conditions in c.
func conditionNames(c apd.Condition) runtime.Value {
	var names []runtime.Value
	for _, k := range conditions {
		if c&k.c != 0 {
			names = append(names, runtime.Str(k.name))
		}
	}
	return runtime.NewList(names)
}

func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("decimal")
	// _canon(s) is the finite number s exactly, in scientific notation.
	m.Set("_canon", runtime.NewBuiltin("_canon", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var s string
		if err := runtime.UnpackArgs("_canon", args, kw, "s", &s); err != nil {
			return runtime.Value{}, err
		}
		d, ok := parse(s)
		if !ok || d.Form != apd.Finite {
			return runtime.None, nil
		}
		return runtime.Str(sciString(d)), nil
	}))
	// _op(name, a, b, prec, rounding, emin, emax) applies an operation and
	// returns (result, [condition names]).
	m.Set("_op", runtime.NewBuiltin("_op", op))
	return m
}

func op(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var name, a, b, rounding string
	var prec, emin, emax int64
	if err := runtime.UnpackArgs("_op", args, kw, "name", &name, "a", &a, "b", &b, "prec", &prec,
		"rounding", &rounding, "emin", &emin, "emax", &emax); err != nil {
		return runtime.Value{}, err
	}
	x, ok := parse(a)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "bad operand %q", a)
	}
	var y *apd.Decimal
	if b != "" {
		if y, ok = parse(b); !ok {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "bad operand %q", b)
		}
	}
	if err := th.Work(prec); err != nil {
		return runtime.Value{}, err
	}
	ctx := &apd.Context{Precision: uint32(prec), MinExponent: int32(emin), MaxExponent: int32(emax),
		Rounding: roundings[rounding]}
	r := new(apd.Decimal)
	var c apd.Condition
	var err error
	switch name {
	case "add":
		c, err = ctx.Add(r, x, y)
	case "sub":
		c, err = ctx.Sub(r, x, y)
	case "mul":
		c, err = ctx.Mul(r, x, y)
	case "div":
		c, err = ctx.Quo(r, x, y)
		if c&apd.Inexact == 0 {
			toIdeal(r, x.Exponent-y.Exponent)
		}
	case "divint":
		c, err = ctx.QuoInteger(r, x, y)
	case "rem":
		c, err = ctx.Rem(r, x, y)
	case "pow":
		c, err = pow(ctx, r, x, y)
	case "sqrt":
		c, err = ctx.Sqrt(r, x)
		if c&apd.Inexact == 0 {
			ideal := x.Exponent / 2
			if x.Exponent < 0 && x.Exponent%2 != 0 {
				ideal-- // floor division
			}
			toIdeal(r, ideal)
		}
	case "exp":
		c, err = ctx.Exp(r, x)
	case "ln":
		c, err = ctx.Ln(r, x)
	case "log10":
		if n, ok := powerOfTen(x); ok {
			// Exactly an integer, which apd reports rounded.
			r.SetInt64(int64(n))
			break
		}
		c, err = ctx.Log10(r, x)
	case "plus":
		c, err = ctx.Round(r, x)
	case "minus":
		c, err = ctx.Neg(r, x)
	case "abs":
		c, err = ctx.Abs(r, x)
	case "quantize":
		c, err = ctx.Quantize(r, x, y.Exponent)
		if y.Form != apd.Finite || x.Form != apd.Finite {
			c, err = quantizeSpecial(r, x, y)
		}
	case "to_integral":
		if x.Form == apd.Finite && x.Exponent >= 0 {
			// Already an integer: the operand comes back as is, exponent
			// included (Decimal('1E+3') stays 1E+3), where apd rescales.
			r.Set(x)
			break
		}
		c, err = ctx.RoundToIntegralValue(r, x)
	case "reduce":
		_, c, err = ctx.Reduce(r, x)
	default:
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "unknown decimal operation %s", name)
	}
	if err != nil {
		// apd reports, besides conditions, limits of its own (exponents
		// beyond int32): those are overflows to Python.
		c |= apd.Overflow
	}
	return runtime.TupleOf(runtime.Str(sciString(r)), conditionNames(c)), nil
}

// toIdeal gives an exact result the specification's ideal exponent:
// trailing zeros of the coefficient are dropped until the exponent reaches
// ideal (a zero takes the ideal exponent itself).
func toIdeal(r *apd.Decimal, ideal int32) {
	if r.Form != apd.Finite || r.Exponent >= ideal {
		return
	}
	if r.Coeff.Sign() == 0 {
		r.Exponent = ideal
		return
	}
	coeff := r.Coeff.MathBigInt()
	ten := big.NewInt(10)
	q, m := new(big.Int), new(big.Int)
	for r.Exponent < ideal {
		q.QuoRem(coeff, ten, m)
		if m.Sign() != 0 {
			break
		}
		coeff.Set(q)
		r.Exponent++
	}
	r.Coeff.SetMathBigInt(coeff)
}

// powerOfTen reports whether x is 10**n, and n.
func powerOfTen(x *apd.Decimal) (int32, bool) {
	if x.Form != apd.Finite || x.Negative || x.Coeff.Sign() == 0 {
		return 0, false
	}
	digits := x.Coeff.String()
	if strings.TrimRight(digits, "0") != "1" {
		return 0, false
	}
	return x.Exponent + int32(len(digits)) - 1, true
}

// pow is x**y; an integral y gives an exact result the ideal exponent
// (apd computes a negative power as a rounded quotient).
func pow(ctx *apd.Context, r, x, y *apd.Decimal) (apd.Condition, error) {
	var whole apd.Decimal
	whole.Reduce(y)
	if y.Form != apd.Finite || x.Form != apd.Finite || whole.Exponent < 0 || !y.Negative {
		return ctx.Pow(r, x, y)
	}
	n, err := y.Int64()
	if err != nil {
		return ctx.Pow(r, x, y)
	}
	var positive, one apd.Decimal
	positive.SetInt64(-n)
	exact := ctx.WithPrecision(ctx.Precision + 10)
	var denom apd.Decimal
	c, err := exact.Pow(&denom, x, &positive)
	if err != nil || c&apd.Inexact != 0 {
		return ctx.Pow(r, x, y)
	}
	one.SetInt64(1)
	c, err = ctx.Quo(r, &one, &denom)
	if c&apd.Inexact == 0 {
		toIdeal(r, x.Exponent*int32(n))
	}
	return c, err
}

// quantizeSpecial is quantize with an infinite or NaN operand: infinities
// quantize to themselves only against another infinity.
func quantizeSpecial(r, x, y *apd.Decimal) (apd.Condition, error) {
	if x.Form == apd.NaN || y.Form == apd.NaN {
		r.Set(x)
		if y.Form == apd.NaN {
			r.Set(y)
		}
		r.Form = apd.NaN
		return 0, nil
	}
	if x.Form == apd.Infinite && y.Form == apd.Infinite {
		r.Set(x)
		return 0, nil
	}
	r.Form = apd.NaN
	r.Negative = false
	return apd.InvalidOperation, nil
}
