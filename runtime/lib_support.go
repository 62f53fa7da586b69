package runtime

// This file exports, under descriptive names, the numeric conversions and
// the blocking sleep that the standard modules under lib/ share with the
// built-ins, so that each conversion has one implementation and one
// wording of its errors.

import (
	"math/big"
	"time"
)

// AsInt64 returns an int or bool as int64; ok is false for ints that do
// not fit and for non-ints.
func AsInt64(v Value) (int64, bool) { return asInt64(v) }

// IsIntLike reports whether v is an int (of any size) or a bool.
func IsIntLike(v Value) bool { return isIntLike(v) }

// AsBig returns an int or bool as a *big.Int (not to be modified); ok is
// false for non-ints.
func AsBig(v Value) (*big.Int, bool) { return toBig(v) }

// IndexBig converts an int, bool or object with __index__ to a *big.Int
// (not to be modified), with CPython's TypeError otherwise.
func IndexBig(th *Thread, v Value) (*big.Int, error) { return biIndexBig(th, v) }

// CInt converts an int to a C int as CPython's arguments declared `int`
// do, with its OverflowError and TypeError.
func CInt(v Value) (int64, error) { return biCInt(v) }

// BigToFloat converts an int to float, with CPython's OverflowError when
// it is too large.
func BigToFloat(x *big.Int) (float64, error) { return bigToFloat(x) }

// FloatToInt converts a float to the int that truncates it, with CPython's
// errors for NaN and infinities.
func FloatToInt(f float64) (Value, error) { return floatToInt(f) }

// FloatBinary applies op to two floats with CPython's float semantics and
// errors (ZeroDivisionError, OverflowError).
func FloatBinary(op Op, x, y float64) (Value, error) { return floatBinary(op, x, y) }

// FormatError converts an error of the shared formatting code
// (internal/pyfmt) to the exception CPython raises; other errors pass
// through.
func FormatError(err error) error { return pyErr(err) }

// BlockingSleep blocks the calling goroutine for d, as time.sleep blocks
// CPython's event loop, while still honouring the thread's limits and
// cancellation.
func (th *Thread) BlockingSleep(d time.Duration) error { return th.sleep(d) }

// AsDouble converts an argument of a function taking a C double (the math
// functions, random's distributions): ints exactly rounded, floats, and
// objects with __float__ or __index__; unlike float(), str is refused.
func AsDouble(th *Thread, v Value) (float64, error) {
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

// MapFootprint estimates the bytes a Go map of n entries holds, for the
// Footprint of a MemNode that keeps one.
func MapFootprint[K comparable, V any](m map[K]V) int64 { return sizeOfMap(m) }
