package runtime

// This file implements comparison and hashing: rich comparisons with
// CPython's reflection rules, equality used by containers, and numeric
// hashes that agree across int and float.

import (
	"math"
	"math/big"
	"unsafe"
)

// CmpOp is a rich comparison operator.
type CmpOp uint8

// The comparison operators.
const (
	CmpLT CmpOp = iota
	CmpLE
	CmpEQ
	CmpNE
	CmpGT
	CmpGE
)

var cmpSymbols = [...]string{"<", "<=", "==", "!=", ">", ">="}
var cmpDunders = [...]string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"}
var cmpReflected = [...]CmpOp{CmpGT, CmpGE, CmpEQ, CmpNE, CmpLT, CmpLE}

func (op CmpOp) holds(c int) bool {
	switch op {
	case CmpLT:
		return c < 0
	case CmpLE:
		return c <= 0
	case CmpEQ:
		return c == 0
	case CmpNE:
		return c != 0
	case CmpGT:
		return c > 0
	}
	return c >= 0
}

// Compare returns the result of a op b.
func Compare(th *Thread, op CmpOp, a, b Value) (Value, error) {
	if a.IsSmallInt() && b.IsSmallInt() {
		x, y := a.SmallInt(), b.SmallInt()
		c := 0
		if x < y {
			c = -1
		} else if x > y {
			c = 1
		}
		return MakeBool(op.holds(c)), nil
	}
	if a.Type().User || b.Type().User {
		return userCompare(th, op, a, b)
	}
	r, ok, err := builtinCompare(th, op, a, b)
	if err != nil {
		return Value{}, err
	}
	if ok {
		return MakeBool(r), nil
	}
	switch op {
	case CmpEQ:
		return MakeBool(a.Is(b)), nil
	case CmpNE:
		return MakeBool(!a.Is(b)), nil
	}
	return Value{}, Errorf(TypeError, "'%s' not supported between instances of '%s' and '%s'", cmpSymbols[op], a.Type().Name, b.Type().Name)
}

func userCompare(th *Thread, op CmpOp, a, b Value) (Value, error) {
	a2, aBuiltin := derivedFallback(a, cmpDunders[op])
	b2, bBuiltin := derivedFallback(b, cmpDunders[cmpReflected[op]])
	if aBuiltin || bBuiltin {
		r, err := Compare(th, op, a2, b2)
		return r, renameOperands(err, a, a2, b, b2)
	}
	// Counted as CPython counts every rich comparison.
	if err := th.Nest(InComparison); err != nil {
		return Value{}, err
	}
	defer th.Unnest()
	// As CPython: if b's type is a proper subclass of a's and overrides the
	// reflected method, it goes first.
	first, second, firstOp, secondOp := a, b, op, cmpReflected[op]
	if b.Type() != a.Type() && b.Type().IsSubtype(a.Type()) {
		first, second, firstOp, secondOp = b, a, cmpReflected[op], op
	}
	if first.Type().User {
		if r, found, err := th.CallMethod(first, cmpDunders[firstOp], second); found && (err != nil || !r.Is(NotImplemented)) {
			return r, err
		}
	}
	if second.Type().User {
		if r, found, err := th.CallMethod(second, cmpDunders[secondOp], first); found && (err != nil || !r.Is(NotImplemented)) {
			return r, err
		}
	}
	if op == CmpNE {
		// Default __ne__ inverts __eq__.
		if a.Type().User {
			if r, found, err := th.CallMethod(a, "__eq__", b); found && (err != nil || !r.Is(NotImplemented)) {
				if err != nil {
					return Value{}, err
				}
				t, err := Truth(th, r)
				return MakeBool(!t), err
			}
		}
	}
	r, ok, err := builtinCompare(th, op, a, b)
	if err != nil {
		return Value{}, err
	}
	if ok {
		return MakeBool(r), nil
	}
	switch op {
	case CmpEQ:
		return MakeBool(a.Is(b)), nil
	case CmpNE:
		return MakeBool(!a.Is(b)), nil
	}
	return Value{}, Errorf(TypeError, "'%s' not supported between instances of '%s' and '%s'", cmpSymbols[op], a.Type().Name, b.Type().Name)
}

// builtinCompare compares built-in values; ok is false when the types are
// not comparable with op.
func builtinCompare(th *Thread, op CmpOp, a, b Value) (result, ok bool, err error) {
	aInt, bInt := isIntLike(a), isIntLike(b)
	switch {
	case aInt && bInt:
		return op.holds(compareInts(a, b)), true, nil
	case aInt && b.IsFloat():
		c, ok := compareIntFloat(a, b.FloatVal())
		if !ok {
			return op == CmpNE, true, nil
		}
		return op.holds(c), true, nil
	case a.IsFloat() && bInt:
		c, ok := compareIntFloat(b, a.FloatVal())
		if !ok {
			return op == CmpNE, true, nil
		}
		return op.holds(-c), true, nil
	case a.IsFloat() && b.IsFloat():
		x, y := a.FloatVal(), b.FloatVal()
		switch op {
		case CmpLT:
			return x < y, true, nil
		case CmpLE:
			return x <= y, true, nil
		case CmpEQ:
			return x == y, true, nil
		case CmpNE:
			return x != y, true, nil
		case CmpGT:
			return x > y, true, nil
		}
		return x >= y, true, nil
	}
	switch x := a.obj.(type) {
	case *StrObj:
		if y, ok := b.obj.(*StrObj); ok {
			c := 0
			if x.S < y.S {
				c = -1
			} else if x.S > y.S {
				c = 1
			}
			return op.holds(c), true, nil
		}
	case *List:
		if y, ok := b.obj.(*List); ok {
			if err := th.Nest(InComparison); err != nil {
				return false, true, err
			}
			defer th.Unnest()
			return compareSeq(th, op, x.Items, y.Items)
		}
	case *Tuple:
		if y, ok := b.obj.(*Tuple); ok {
			if err := th.Nest(InComparison); err != nil {
				return false, true, err
			}
			defer th.Unnest()
			return compareSeq(th, op, x.Items, y.Items)
		}
	case *Dict:
		if y, ok := b.obj.(*Dict); ok && (op == CmpEQ || op == CmpNE) {
			if err := th.Nest(InComparison); err != nil {
				return false, true, err
			}
			defer th.Unnest()
			eq, err := dictEqual(th, x, y)
			return eq == (op == CmpEQ), true, err
		}
	case *Set:
		if y, ok := b.obj.(*Set); ok {
			if err := th.Nest(InComparison); err != nil {
				return false, true, err
			}
			defer th.Unnest()
			return setCompare(th, op, x, y)
		}
	case *BoundMethod:
		if y, ok := b.obj.(*BoundMethod); ok && (op == CmpEQ || op == CmpNE) {
			eq := x.Self.Is(y.Self) && x.Func.Is(y.Func)
			return eq == (op == CmpEQ), true, nil
		}
	case *Range:
		if y, ok := b.obj.(*Range); ok && (op == CmpEQ || op == CmpNE) {
			eq := rangeEqual(x, y)
			return eq == (op == CmpEQ), true, nil
		}
	}
	return extCompare(op, a, b)
}

func rangeEqual(x, y *Range) bool {
	lx, ly := x.Len(), y.Len()
	if lx != ly {
		return false
	}
	if lx == 0 {
		return true
	}
	if x.Start != y.Start {
		return false
	}
	return lx == 1 || x.Step == y.Step
}

func compareSeq(th *Thread, op CmpOp, xs, ys []Value) (bool, bool, error) {
	n := len(xs)
	if len(ys) < n {
		n = len(ys)
	}
	if (op == CmpEQ || op == CmpNE) && len(xs) != len(ys) {
		return op == CmpNE, true, nil
	}
	for i := 0; i < n; i++ {
		eq, err := Equal(th, xs[i], ys[i])
		if err != nil {
			return false, true, err
		}
		if !eq {
			if op == CmpEQ {
				return false, true, nil
			}
			if op == CmpNE {
				return true, true, nil
			}
			r, err := Compare(th, op, xs[i], ys[i])
			if err != nil {
				return false, true, err
			}
			t, err := Truth(th, r)
			return t, true, err
		}
	}
	c := len(xs) - len(ys)
	return op.holds(c), true, nil
}

func dictEqual(th *Thread, x, y *Dict) (bool, error) {
	if x.Len() != y.Len() {
		return false, nil
	}
	eq := true
	var err error
	x.Items(func(k, v Value) bool {
		w, ok, e := y.Get(th, k)
		if e != nil {
			err = e
			return false
		}
		if !ok {
			eq = false
			return false
		}
		same, e := Equal(th, v, w)
		if e != nil || !same {
			err, eq = e, false
			return false
		}
		return true
	})
	return eq, err
}

func setCompare(th *Thread, op CmpOp, x, y *Set) (bool, bool, error) {
	sub := func(a, b *Set) (bool, error) {
		if a.Len() > b.Len() {
			return false, nil
		}
		for _, v := range a.Items() {
			in, err := b.Contains(th, v)
			if err != nil || !in {
				return false, err
			}
		}
		return true, nil
	}
	var r bool
	var err error
	switch op {
	case CmpEQ, CmpNE:
		r, err = sub(x, y)
		r = r && x.Len() == y.Len()
		if op == CmpNE {
			r = !r
		}
	case CmpLE:
		r, err = sub(x, y)
	case CmpLT:
		r, err = sub(x, y)
		r = r && x.Len() < y.Len()
	case CmpGE:
		r, err = sub(y, x)
	case CmpGT:
		r, err = sub(y, x)
		r = r && x.Len() > y.Len()
	}
	return r, true, err
}

// Equal reports whether a == b, as containers use it (identity first).
func Equal(th *Thread, a, b Value) (bool, error) {
	if a.Is(b) {
		return true, nil
	}
	if a.IsSmallInt() && b.IsSmallInt() {
		return false, nil
	}
	if x, ok := a.obj.(*StrObj); ok {
		if y, ok := b.obj.(*StrObj); ok {
			return x.S == y.S, nil
		}
	}
	r, err := Compare(th, CmpEQ, a, b)
	if err != nil {
		return false, err
	}
	return Truth(th, r)
}

// Less reports whether a < b (for sorting, min and max).
func Less(th *Thread, a, b Value) (bool, error) {
	r, err := Compare(th, CmpLT, a, b)
	if err != nil {
		return false, err
	}
	return Truth(th, r)
}

const hashModulus = (1 << 61) - 1

// Hash returns hash(v), raising TypeError for unhashable values.
func Hash(th *Thread, v Value) (int64, error) {
	switch o := v.obj.(type) {
	case intTag:
		return hashInt64(int64(v.bits)), nil
	case *StrObj:
		return o.Hash(), nil
	case floatTag:
		return hashFloat(v.FloatVal()), nil
	case *Bool:
		if o.B {
			return 1, nil
		}
		return 0, nil
	case *Big:
		m := new(big.Int).Mod(new(big.Int).Abs(o.X), big.NewInt(hashModulus)).Int64()
		if o.X.Sign() < 0 {
			m = -m
		}
		if m == -1 {
			m = -2
		}
		return m, nil
	case *Tuple:
		// CPython 3.11 does not guard this recursion (a deep enough tuple
		// crashes it); aio counts it, with the plain message.
		if err := th.Nest(""); err != nil {
			return 0, err
		}
		defer th.Unnest()
		return hashTuple(th, o.Items)
	case *List, *Dict:
		return 0, Errorf(TypeError, "unhashable type: '%s'", v.Type().Name)
	case *Set:
		return o.Hash()
	case *Bytes:
		return o.Hash(), nil
	case *Complex:
		return o.hash(), nil
	case *ByteArray:
		return 0, Errorf(TypeError, "unhashable type: '%s'", v.Type().Name)
	case *MemoryView:
		return o.hashView()
	}
	if b, ok := derivedFallback(v, "__hash__"); ok {
		switch b.obj.(type) {
		case *List, *Dict, *ByteArray:
			return 0, Errorf(TypeError, "unhashable type: '%s'", v.Type().Name)
		case *Set:
			if !b.obj.(*Set).Frozen {
				return 0, Errorf(TypeError, "unhashable type: '%s'", v.Type().Name)
			}
		}
		return Hash(th, b)
	}
	if v.Type().User {
		if m, ok := v.Type().Lookup("__hash__"); ok {
			if m.IsNone() {
				return 0, Errorf(TypeError, "unhashable type: '%s'", v.Type().Name)
			}
			if md, ok := m.obj.(*MethodDescriptor); ok && md.Owner == ObjectType {
				return IdentityHash(v), nil
			}
			r, _, err := th.CallMethod(v, "__hash__")
			if err != nil {
				return 0, err
			}
			h, ok := asInt64(r)
			if !ok {
				return 0, Errorf(TypeError, "__hash__ method should return an integer")
			}
			return h, nil
		}
		if _, ok := v.Type().Lookup("__eq__"); ok {
			return 0, Errorf(TypeError, "unhashable type: '%s'", v.Type().Name)
		}
	}
	return IdentityHash(v), nil
}

// IdentityHash returns a hash derived from the object's address, for
// objects that are hashed by identity.
func IdentityHash(v Value) int64 {
	return int64(ID(v) >> 4)
}

// ID returns id(v): the object's address (Go's collector does not move
// objects), or a value-derived number for inline ints and floats.
func ID(v Value) uint64 {
	switch v.obj.(type) {
	case intTag, floatTag:
		return v.bits
	}
	type iface struct{ tab, data unsafe.Pointer }
	return uint64(uintptr((*iface)(unsafe.Pointer(&v.obj)).data))
}

func hashInt64(i int64) int64 {
	if i >= 0 && i < hashModulus {
		return i
	}
	if i < 0 && i > -hashModulus {
		if i == -1 {
			return -2
		}
		return i
	}
	neg := i < 0
	u := uint64(i)
	if neg {
		u = uint64(-i)
	}
	m := int64(u % hashModulus)
	if neg {
		m = -m
	}
	if m == -1 {
		m = -2
	}
	return m
}

// hashFloat is CPython's _Py_HashDouble, so that hash(1.0) == hash(1).
func hashFloat(f float64) int64 {
	if math.IsInf(f, 1) {
		return 314159
	}
	if math.IsInf(f, -1) {
		return -314159
	}
	if math.IsNaN(f) {
		return 0
	}
	m, e := math.Frexp(f)
	sign := int64(1)
	if m < 0 {
		sign = -1
		m = -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(61-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e = e % 61
	} else {
		e = 61 - 1 - ((-1 - e) % 61)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(61-uint(e))
	r := int64(x) * sign
	if r == -1 {
		r = -2
	}
	return r
}

// hashTuple is CPython 3.11's xxHash-based tuple hash.
func hashTuple(th *Thread, items []Value) (int64, error) {
	const (
		prime1 = 11400714785074694791
		prime2 = 14029467366897019727
		prime5 = 2870177450012600261
	)
	acc := uint64(prime5)
	for _, it := range items {
		h, err := Hash(th, it)
		if err != nil {
			return 0, err
		}
		acc += uint64(h) * prime2
		acc = (acc << 31) | (acc >> 33)
		acc *= prime1
	}
	acc += uint64(len(items)) ^ (prime5 ^ 3527539)
	if acc == ^uint64(0) {
		return 1546275796, nil
	}
	return int64(acc), nil
}
