package runtime

// This file defines ranges whose bounds do not fit in 64 bits, such as
// range(2**70, 2**70 + 3). They are rare, so they use math/big throughout
// and leave the common Range fast.

import "math/big"

// BigRange is a range with arbitrary-precision bounds.
type BigRange struct {
	Start, Stop, Step *big.Int
}

// Type returns RangeType.
func (*BigRange) Type() *Type { return RangeType }

// length returns the number of elements.
func (r *BigRange) length() *big.Int {
	var lo, hi *big.Int
	step := new(big.Int).Set(r.Step)
	if step.Sign() > 0 {
		lo, hi = r.Start, r.Stop
	} else {
		lo, hi = r.Stop, r.Start
		step.Neg(step)
	}
	if lo.Cmp(hi) >= 0 {
		return new(big.Int)
	}
	n := new(big.Int).Sub(hi, lo)
	n.Sub(n, big.NewInt(1))
	n.Quo(n, step)
	return n.Add(n, big.NewInt(1))
}

// Len returns the length, failing like CPython when it does not fit.
func (r *BigRange) Len() (int, error) {
	n := r.length()
	if !n.IsInt64() {
		return 0, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
	}
	return int(n.Int64()), nil
}

// At returns element i (which must be in range).
func (r *BigRange) At(i *big.Int) Value {
	v := new(big.Int).Mul(i, r.Step)
	return BigInt(v.Add(v, r.Start))
}

// newBigRange builds a range from int arguments when some do not fit in
// int64 (start, stop, step as Python's range() takes them).
func newBigRange(args []Value) (Value, error) {
	b := make([]*big.Int, len(args))
	for i, a := range args {
		x, ok := toBig(a)
		if !ok {
			return Value{}, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", a.Type().Name)
		}
		b[i] = x
	}
	r := &BigRange{Start: new(big.Int), Step: big.NewInt(1)}
	switch len(b) {
	case 1:
		r.Stop = b[0]
	case 2:
		r.Start, r.Stop = b[0], b[1]
	default:
		r.Start, r.Stop, r.Step = b[0], b[1], b[2]
		if r.Step.Sign() == 0 {
			return Value{}, Errorf(ValueError, "range() arg 3 must not be zero")
		}
	}
	return Obj(r), nil
}

func (r *BigRange) getItem(key Value) (Value, error) {
	i, ok := toBig(key)
	if !ok {
		return Value{}, Errorf(TypeError, "range indices must be integers or slices, not %s", key.Type().Name)
	}
	n := r.length()
	idx := new(big.Int).Set(i)
	if idx.Sign() < 0 {
		idx.Add(idx, n)
	}
	if idx.Sign() < 0 || idx.Cmp(n) >= 0 {
		return Value{}, Errorf(IndexError, "range object index out of range")
	}
	return r.At(idx), nil
}

type bigRangeIter struct {
	r    *BigRange
	i, n *big.Int
}

func (it *bigRangeIter) Type() *Type { return rangeIteratorType }
func (it *bigRangeIter) Next(th *Thread) (Value, bool, error) {
	if it.i.Cmp(it.n) >= 0 {
		return Value{}, false, nil
	}
	v := it.r.At(it.i)
	it.i = new(big.Int).Add(it.i, big.NewInt(1))
	return v, true, nil
}

// Repr returns "range(start, stop[, step])".
func (r *BigRange) Repr(th *Thread) (string, error) {
	s := "range(" + r.Start.String() + ", " + r.Stop.String()
	if r.Step.Cmp(big.NewInt(1)) != 0 {
		s += ", " + r.Step.String()
	}
	return s + ")", nil
}
