package runtime

// This file computes big-int +, - and * over a temporary operand: a Big
// the VM's previous BINARY_OP made and left on the operand stack, which
// nothing else references (the compiler proves the stack slot unseen,
// compile.TempOps; the Big's temp flag proves it was made fresh by int
// arithmetic for that slot). The result is written into the operand's
// own digits, so `10 * (r - n * t)` allocates one big int, not three.
// Any Big that reaches user code through Binary's dunder path loses its
// temp flag first (releaseTemp), so a kept reference is never written.

import "math/big"

// releaseTemp clears v's temp flag when v is a Big.
func releaseTemp(v Value) {
	if b, ok := v.obj.(*Big); ok && b.temp {
		b.temp = false
	}
}

// IsBigInt reports whether v is an int held as a Big.
func IsBigInt(v Value) bool {
	_, ok := v.obj.(*Big)
	return ok
}

// BinaryTemps is Binary for a BINARY_OP whose left or right operand may
// be a temporary (leftTemp, rightTemp) and whose result will be one of a
// later BINARY_OP (resultTemp).
func BinaryTemps(th *Thread, op Op, a, b Value, leftTemp, rightTemp, resultTemp bool) (Value, error) {
	if op == OpAdd || op == OpSub || op == OpMul {
		if v, ok, err := bigArithOverTemps(th, op, a, b, leftTemp, rightTemp, resultTemp); ok {
			return v, err
		}
	}
	return Binary(th, op, a, b)
}

// bigArithOverTemps computes a op b when both are exact ints and one is
// a Big, into a temporary operand's storage when there is one, marking
// the result temporary when resultTemp; ok is false for other operands.
func bigArithOverTemps(th *Thread, op Op, a, b Value, leftTemp, rightTemp, resultTemp bool) (v Value, ok bool, err error) {
	ab, aBig := a.obj.(*Big)
	bb, bBig := b.obj.(*Big)
	if !aBig && !bBig || !aBig && !a.IsSmallInt() || !bBig && !b.IsSmallInt() {
		return Value{}, false, nil
	}
	var dst *Big
	switch {
	case leftTemp && aBig && ab.temp:
		dst = ab
	case rightTemp && bBig && bb.temp:
		dst = bb
	case !resultTemp:
		return Value{}, false, nil
	}
	x, xi := bigPart(a)
	if x == nil {
		x = big.NewInt(xi)
	}
	y, yi := bigPart(b)
	if y == nil {
		y = big.NewInt(yi)
	}
	resultBits, work := bigCost(op, x, y)
	if dst == nil {
		dst = &newBigSlot().Big
	}
	if err := th.bigApply(resultBits, work, op, dst.X, x, y); err != nil {
		return Value{}, true, err
	}
	if dst.X.IsInt64() {
		return Int(dst.X.Int64()), true, nil
	}
	dst.temp = resultTemp
	return Value{obj: dst}, true, nil
}
