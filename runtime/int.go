package runtime

// This file implements int arithmetic: an int64 fast path that detects
// overflow and falls back to math/big, with Python's floor semantics for
// // and %.

import (
	"math"
	"math/big"
	"math/bits"
)

// Big is an int that does not fit in 64 bits. Its value is never
// modified, except while temp is set: then the only reference to it is
// one operand-stack slot between the BINARY_OP that made it and the one
// that consumes it, which may write its result over it (BinaryTemps).
type Big struct {
	X    *big.Int
	temp bool
}

// Type returns IntType.
func (*Big) Type() *Type { return IntType }

// toBig returns an int-like value (int, bool, big) as a *big.Int; ok is
// false for other types.
func toBig(v Value) (*big.Int, bool) {
	switch o := v.obj.(type) {
	case intTag:
		return big.NewInt(int64(v.bits)), true
	case *Big:
		return o.X, true
	case *Bool:
		if o.B {
			return big.NewInt(1), true
		}
		return big.NewInt(0), true
	case *Instance:
		if o.Builtin != nil {
			return toBig(*o.Builtin)
		}
	}
	return nil, false
}

// asInt64 returns an int or bool as int64; ok is false for big ints and
// non-ints.
func asInt64(v Value) (int64, bool) {
	switch o := v.obj.(type) {
	case intTag:
		return int64(v.bits), true
	case *Bool:
		if o.B {
			return 1, true
		}
		return 0, true
	case *Instance:
		// An int subclass instance is an index wherever an int is.
		if o.Builtin != nil && o.Builtin.obj != nil {
			return asInt64(*o.Builtin)
		}
	}
	return 0, false
}

// isIntLike reports whether v is an int, bool or big int.
func isIntLike(v Value) bool {
	switch v.obj.(type) {
	case intTag, *Big, *Bool:
		return true
	}
	return false
}

// AddInt64 adds with overflow to big.
func AddInt64(a, b int64) Value {
	c := a + b
	if (c > a) == (b > 0) {
		return Int(c)
	}
	return BigInt(new(big.Int).Add(big.NewInt(a), big.NewInt(b)))
}

// SubInt64 subtracts with overflow to big.
func SubInt64(a, b int64) Value {
	c := a - b
	if (c < a) == (b > 0) {
		return Int(c)
	}
	return BigInt(new(big.Int).Sub(big.NewInt(a), big.NewInt(b)))
}

// MulInt64 multiplies with overflow to big.
func MulInt64(a, b int64) Value {
	if a == 0 || b == 0 {
		return Int(0)
	}
	hi, lo := bits.Mul64(uint64(absInt64(a)), uint64(absInt64(b)))
	neg := (a < 0) != (b < 0)
	if hi == 0 && a != math.MinInt64 && b != math.MinInt64 {
		if !neg && lo <= math.MaxInt64 {
			return Int(int64(lo))
		}
		if neg && lo <= 1<<63 {
			return Int(-int64(lo))
		}
	}
	return BigInt(new(big.Int).Mul(big.NewInt(a), big.NewInt(b)))
}

func absInt64(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// FloorDivInt64 is Python's a // b; b must be non-zero.
func FloorDivInt64(a, b int64) Value {
	if a == math.MinInt64 && b == -1 {
		return BigInt(new(big.Int).Neg(big.NewInt(a)))
	}
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return Int(q)
}

// ModInt64 is Python's a % b (sign of the divisor); b must be non-zero.
func ModInt64(a, b int64) int64 {
	if b == -1 {
		return 0
	}
	m := a % b
	if m != 0 && ((m < 0) != (b < 0)) {
		m += b
	}
	return m
}

// bigFloorDivMod returns Python's floor quotient and modulus.
func bigFloorDivMod(a, b *big.Int) (*big.Int, *big.Int) {
	q, m := new(big.Int), new(big.Int)
	bigFloorDivModInto(q, m, a, b)
	return q, m
}

// intTrueDiv is int / int, correctly rounded as CPython does.
func intTrueDiv(a, b *big.Int) (Value, error) {
	if b.Sign() == 0 {
		return Value{}, Errorf(ZeroDivisionError, "division by zero")
	}
	if a.IsInt64() && b.IsInt64() {
		x, y := a.Int64(), b.Int64()
		if absInt64(x) <= 1<<53 && absInt64(y) <= 1<<53 {
			return Float(float64(x) / float64(y)), nil
		}
	}
	f, _ := new(big.Rat).SetFrac(a, b).Float64()
	if math.IsInf(f, 0) {
		return Value{}, Errorf(OverflowError, "integer division result too large for a float")
	}
	return Float(f), nil
}

// bigToFloat converts an int to float, failing like CPython when too large.
func bigToFloat(x *big.Int) (float64, error) {
	if x.IsInt64() {
		return float64(x.Int64()), nil
	}
	f, _ := new(big.Float).SetInt(x).Float64()
	if math.IsInf(f, 0) {
		return 0, Errorf(OverflowError, "int too large to convert to float")
	}
	return f, nil
}

// intPow is a ** b for ints (b may be negative: the result is a float).
func intPow(th *Thread, a, b *big.Int) (Value, error) {
	if b.Sign() < 0 {
		fa, err := bigToFloat(a)
		if err != nil {
			return Value{}, err
		}
		fb, err := bigToFloat(b)
		if err != nil {
			return Value{}, err
		}
		return floatPow(fa, fb)
	}
	if a.IsInt64() && b.IsInt64() {
		x, n := a.Int64(), b.Int64()
		// Fast path by repeated squaring while the result fits.
		result, base, ok := int64(1), x, true
		for e := n; e > 0 && ok; e >>= 1 {
			if e&1 == 1 {
				hi, lo := bits.Mul64(uint64(absInt64(result)), uint64(absInt64(base)))
				if hi != 0 || lo > math.MaxInt64 || base == math.MinInt64 {
					ok = false
					break
				}
				neg := (result < 0) != (base < 0)
				result = int64(lo)
				if neg {
					result = -result
				}
			}
			if e > 1 {
				hi, lo := bits.Mul64(uint64(absInt64(base)), uint64(absInt64(base)))
				if hi != 0 || lo > math.MaxInt64 || base == math.MinInt64 {
					ok = false
					break
				}
				base = int64(lo)
			}
		}
		if ok {
			return Int(result), nil
		}
	}
	// The result has about b * bitlen(a) bits: refuse what would not fit
	// in the allocation limit before spending minutes computing it.
	if a.BitLen() > 1 || a.Sign() < 0 {
		if b.BitLen() > 62 || th.CheckAlloc(b.Int64(), int64(a.BitLen()+7)/8) != nil {
			return Value{}, NewException(MemoryError)
		}
	}
	r := new(big.Int)
	if a.BitLen() <= 1 {
		return BigInt(r.Exp(a, b, nil)), nil
	}
	// Repeated squaring: the last squarings dominate, about twice the
	// work of squaring a number of half the result's size.
	resultBits := b.Int64() * int64(a.BitLen())
	half := (resultBits/2 + wordBits - 1) / wordBits
	if err := th.bigCompute(resultBits, 2*mulWork(half, half), func() { r.Exp(a, b, nil) }); err != nil {
		return Value{}, err
	}
	return BigInt(r), nil
}

// intBinary applies op to two int-like values.
func intBinary(th *Thread, op Op, a, b Value) (Value, error) {
	if x, ok := asInt64(a); ok {
		if y, ok := asInt64(b); ok {
			switch op {
			case OpAdd:
				return AddInt64(x, y), nil
			case OpSub:
				return SubInt64(x, y), nil
			case OpMul:
				return MulInt64(x, y), nil
			case OpFloorDiv:
				if y == 0 {
					return Value{}, Errorf(ZeroDivisionError, "integer division or modulo by zero")
				}
				return FloorDivInt64(x, y), nil
			case OpMod:
				if y == 0 {
					return Value{}, Errorf(ZeroDivisionError, "integer modulo by zero")
				}
				return Int(ModInt64(x, y)), nil
			case OpAnd:
				return Int(x & y), nil
			case OpOr:
				return Int(x | y), nil
			case OpXor:
				return Int(x ^ y), nil
			case OpRShift:
				if y < 0 {
					return Value{}, Errorf(ValueError, "negative shift count")
				}
				if y > 63 {
					y = 63
				}
				return Int(x >> uint(y)), nil
			case OpLShift:
				if y < 0 {
					return Value{}, Errorf(ValueError, "negative shift count")
				}
				if y < 63 && x == (x<<uint(y))>>uint(y) {
					return Int(x << uint(y)), nil
				}
			}
		}
	}
	if v, ok, err := bigArith(th, op, a, b); ok {
		return v, err
	}
	x, _ := toBig(a)
	y, _ := toBig(b)
	switch op {
	case OpTrueDiv:
		return intTrueDiv(x, y)
	case OpPow:
		return intPow(th, x, y)
	case OpAnd:
		return BigInt(new(big.Int).And(x, y)), nil
	case OpOr:
		return BigInt(new(big.Int).Or(x, y)), nil
	case OpXor:
		return BigInt(new(big.Int).Xor(x, y)), nil
	case OpLShift, OpRShift:
		if y.Sign() < 0 {
			return Value{}, Errorf(ValueError, "negative shift count")
		}
		if !y.IsInt64() || y.Int64() > 1<<32 {
			if op == OpRShift {
				if x.Sign() < 0 {
					return Int(-1), nil
				}
				return Int(0), nil
			}
			if x.Sign() == 0 {
				return Int(0), nil
			}
			return Value{}, Errorf(OverflowError, "too many digits in integer")
		}
		if op == OpLShift {
			if err := th.CheckAlloc((int64(x.BitLen())+y.Int64()+7)/8, 1); err != nil && x.Sign() != 0 {
				return Value{}, NewException(MemoryError)
			}
			r := new(big.Int)
			bits := int64(x.BitLen()) + y.Int64()
			if x.Sign() == 0 {
				bits = 0
			}
			if err := th.bigCompute(bits, bytesWork(bits/8), func() { r.Lsh(x, uint(y.Int64())) }); err != nil {
				return Value{}, err
			}
			return BigInt(r), nil
		}
		return BigInt(new(big.Int).Rsh(x, uint(y.Int64()))), nil
	}
	return Value{}, errUnsupported
}

// compareInts returns -1, 0 or 1.
func compareInts(a, b Value) int {
	if x, ok := asInt64(a); ok {
		if y, ok := asInt64(b); ok {
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
	}
	x, _ := toBig(a)
	y, _ := toBig(b)
	return x.Cmp(y)
}

// compareIntFloat compares an int with a float exactly; ok is false when
// f is NaN (every comparison is then false except !=).
func compareIntFloat(a Value, f float64) (c int, ok bool) {
	if math.IsNaN(f) {
		return 0, false
	}
	if math.IsInf(f, 1) {
		return -1, true
	}
	if math.IsInf(f, -1) {
		return 1, true
	}
	if x, ok := asInt64(a); ok && absInt64(x) <= 1<<53 {
		fx := float64(x)
		switch {
		case fx < f:
			return -1, true
		case fx > f:
			return 1, true
		}
		return 0, true
	}
	x, _ := toBig(a)
	bf := new(big.Float).SetPrec(0).SetFloat64(f)
	return new(big.Float).SetInt(x).Cmp(bf), true
}

type bigInt = big.Int
