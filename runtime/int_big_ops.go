package runtime

// This file is the big-int side of +, -, *, // and %: the operations a
// big-int loop (a spigot, a factorial) spends its time in. Each result
// costs one heap object besides its digits: the Big header and the
// big.Int it points to share an allocation (bigSlot), an operand that
// fits in 64 bits is a big.Int on the caller's stack, and the charging
// code calls math/big directly instead of through a closure, which
// escaped to the heap on every operation. Only an operation long enough to run abandonably copies its
// operands and builds a closure.

import "math/big"

// bigSlot is an int result: the Big a Value points to and the big.Int
// its X points to, in one allocation.
type bigSlot struct {
	Big
	n big.Int
}

// newBigSlot returns an empty result whose X is its own big.Int.
func newBigSlot() *bigSlot {
	s := &bigSlot{}
	s.X = &s.n
	return s
}

// value returns the result as an int, inline when it fits in 64 bits.
func (s *bigSlot) value() Value {
	if s.n.IsInt64() {
		return Int(s.n.Int64())
	}
	return Value{obj: &s.Big}
}

// bigPart returns the *big.Int of an int-like v held as a Big, or nil
// and v's value when it fits in 64 bits.
func bigPart(v Value) (*big.Int, int64) {
	if x, ok := asInt64(v); ok {
		return nil, x
	}
	x, _ := toBig(v)
	return x, 0
}

// bigArith computes a op b for the ops +, -, *, // and % when one of the
// int-like a and b does not fit in 64 bits (or the int64 result
// overflowed); ok is false for other ops.
func bigArith(th *Thread, op Op, a, b Value) (v Value, ok bool, err error) {
	// big.NewInt is inlined here: an operand that fits in 64 bits stays
	// on this function's stack.
	x, xi := bigPart(a)
	if x == nil {
		x = big.NewInt(xi)
	}
	y, yi := bigPart(b)
	if y == nil {
		y = big.NewInt(yi)
	}
	switch op {
	case OpAdd, OpSub, OpMul:
	case OpFloorDiv, OpMod:
		if y.Sign() == 0 {
			if op == OpMod {
				return Value{}, true, Errorf(ZeroDivisionError, "integer modulo by zero")
			}
			return Value{}, true, Errorf(ZeroDivisionError, "integer division or modulo by zero")
		}
	default:
		return Value{}, false, nil
	}
	resultBits, work := bigCost(op, x, y)
	s := newBigSlot()
	if err := th.bigApply(resultBits, work, op, &s.n, x, y); err != nil {
		return Value{}, true, err
	}
	return s.value(), true, nil
}

// bigCost returns the size in bits of the result of x op y (op one of
// +, -, *, //, %) and the units of work of computing it.
func bigCost(op Op, x, y *big.Int) (resultBits, work int64) {
	switch op {
	case OpAdd, OpSub:
		// Linear work: bytesWork of the operands' bytes.
		n := max(words(x), words(y))
		return (n + 1) * wordBits, bytesWork(n * 8)
	case OpMul:
		return int64(x.BitLen()) + int64(y.BitLen()), mulWork(words(x), words(y))
	}
	// Division costs about a multiplication of the divisor by the
	// quotient.
	qw := max(words(x)-words(y), 0) + 1
	return int64(x.BitLen()), mulWork(qw, words(y)) + bytesWork(words(x)*8)
}

// bigApply charges an operation as bigCompute does and stores x op y in
// r. A short one runs here with no closure, so operands on the caller's
// stack stay there; a long one runs abandonably on copies.
func (th *Thread) bigApply(resultBits, work int64, op Op, r, x, y *big.Int) error {
	if resultBits > 1<<16 {
		if err := th.Alloc(resultBits / 8); err != nil {
			return err
		}
	}
	if work >= workBatch/4 {
		if err := th.Work(work); err != nil {
			return err
		}
	}
	if work < abandonUnits {
		bigKernel(op, r, x, y)
		return nil
	}
	xc, yc := new(big.Int).Set(x), new(big.Int).Set(y)
	return th.abandonable(func() { bigKernel(op, r, xc, yc) })
}

// bigKernel stores x op y in r with Python's floor semantics for // and
// % (y is not zero for those).
func bigKernel(op Op, r, x, y *big.Int) {
	switch op {
	case OpAdd:
		r.Add(x, y)
	case OpSub:
		r.Sub(x, y)
	case OpMul:
		r.Mul(x, y)
	case OpFloorDiv:
		var m big.Int
		bigFloorDivModInto(r, &m, x, y)
	case OpMod:
		var q big.Int
		bigFloorDivModInto(&q, r, x, y)
	}
}

// bigFloorDivModInto stores Python's floor quotient and modulus of a and
// b in q and m (distinct from a and b).
func bigFloorDivModInto(q, m, a, b *big.Int) {
	q.QuoRem(a, b, m)
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
		m.Add(m, b)
	}
}
