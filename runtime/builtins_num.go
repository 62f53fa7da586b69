package runtime

// This file defines the numeric built-in functions: abs, min, max, sum,
// round, divmod, pow, chr, ord, hex, oct and bin. The arithmetic itself
// belongs to the number types (num_methods.go); these functions parse
// their arguments as CPython does and delegate.

import (
	"math"
	"math/big"

	"github.com/aio-lang/aio/internal/pyfmt"
)

// biUint returns an unsigned 64-bit number as an int value.
func biUint(u uint64) Value {
	if u <= math.MaxInt64 {
		return Int(int64(u))
	}
	return BigInt(new(big.Int).SetUint64(u))
}

// biCInt converts v to a C int as CPython's _PyLong_AsInt does, for
// arguments declared `int` in CPython's C functions.
func biCInt(v Value) (int64, error) {
	n, ok := asInt64(v)
	if !ok {
		if isIntLike(v) {
			return 0, Errorf(OverflowError, "Python int too large to convert to C int")
		}
		return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		return 0, Errorf(OverflowError, "Python int too large to convert to C int")
	}
	return n, nil
}

// biIndexBig converts an int-like value, or an object with __index__, to a
// *big.Int (not to be modified).
func biIndexBig(th *Thread, v Value) (*big.Int, error) {
	if x, ok := toBig(v); ok {
		return x, nil
	}
	if v.Type().User {
		if r, found, err := th.CallMethod(v, "__index__"); found {
			if err != nil {
				return nil, err
			}
			if x, ok := toBig(r); ok {
				return x, nil
			}
			return nil, Errorf(TypeError, "__index__ returned non-int (type %s)", r.Type().Name)
		}
	}
	return nil, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

func builtinAbs(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if _, err := OneArg("abs", args, kw); err != nil {
		return Value{}, err
	}
	return Abs(th, args[0])
}

func builtinMin(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	return biMinMax(th, "min", CmpLT, args, kw)
}

func builtinMax(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	return biMinMax(th, "max", CmpGT, args, kw)
}

// biMinMax is min and max: one iterable or several arguments, key= and
// default=. The first of several equal extremes wins, as in CPython.
func biMinMax(th *Thread, fname string, op CmpOp, args []Value, kw []Kwarg) (Value, error) {
	var key, dflt Value
	for _, k := range kw {
		switch k.Name {
		case "key":
			key = k.Value
		case "default":
			dflt = k.Value
		default:
			return Value{}, InvalidKeyword(fname, k.Name)
		}
	}
	if len(args) == 0 {
		return Value{}, Errorf(TypeError, "%s expected at least 1 argument, got 0", fname)
	}
	if key.IsNone() {
		key = Value{}
	}
	var it Iterator
	if len(args) == 1 {
		var err error
		if it, err = Iter(th, args[0]); err != nil {
			return Value{}, err
		}
	} else {
		if dflt.IsValid() {
			return Value{}, Errorf(TypeError, "Cannot specify a default for %s() with multiple positional arguments", fname)
		}
		it = &sliceIter{items: func() []Value { return args }, typ: tupleIteratorType}
	}
	var best, bestKey Value
	m := workMeter{th: th}
	for {
		x, ok, err := it.Next(th)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			break
		}
		if err := m.add(1); err != nil {
			return Value{}, err
		}
		xk := x
		if key.IsValid() {
			if xk, err = th.Call(key, []Value{x}, nil); err != nil {
				return Value{}, err
			}
		}
		if !best.IsValid() {
			best, bestKey = x, xk
			continue
		}
		var better bool
		if xk.IsSmallInt() && bestKey.IsSmallInt() {
			if op == CmpLT {
				better = xk.SmallInt() < bestKey.SmallInt()
			} else {
				better = xk.SmallInt() > bestKey.SmallInt()
			}
		} else {
			r, err := Compare(th, op, xk, bestKey)
			if err != nil {
				return Value{}, err
			}
			if better, err = Truth(th, r); err != nil {
				return Value{}, err
			}
		}
		if better {
			best, bestKey = x, xk
		}
	}
	if !best.IsValid() {
		if dflt.IsValid() {
			return dflt, nil
		}
		return Value{}, Errorf(ValueError, "%s() arg is an empty sequence", fname)
	}
	return best, nil
}

// sum(iterable, /, start=0)
func builtinSum(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	switch {
	case len(args) == 0:
		return Value{}, Errorf(TypeError, "sum() takes at least 1 positional argument (0 given)")
	case len(args) > 2:
		return Value{}, Errorf(TypeError, "sum() takes at most 2 arguments (%d given)", len(args))
	}
	acc := Int(0)
	if len(args) == 2 {
		acc = args[1]
	}
	for _, k := range kw {
		if k.Name != "start" {
			return Value{}, InvalidKeyword("sum", k.Name)
		}
		if len(args) == 2 {
			return Value{}, Errorf(TypeError, "argument for sum() given by name ('start') and position (2)")
		}
		acc = k.Value
	}
	if _, ok := acc.obj.(*StrObj); ok {
		return Value{}, Errorf(TypeError, "sum() can't sum strings [use ''.join(seq) instead]")
	}
	it, err := Iter(th, args[0])
	if err != nil {
		return Value{}, err
	}
	m := workMeter{th: th}
	for {
		x, ok, err := it.Next(th)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return acc, nil
		}
		if err := m.add(1); err != nil {
			return Value{}, err
		}
		switch {
		case acc.IsSmallInt() && x.IsSmallInt():
			acc = AddInt64(acc.SmallInt(), x.SmallInt())
		case acc.IsFloat() && x.IsFloat():
			acc = Float(acc.FloatVal() + x.FloatVal())
		default:
			if acc, err = Binary(th, OpAdd, acc, x); err != nil {
				return Value{}, err
			}
		}
	}
}

// round(number, ndigits=None)
func builtinRound(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	var number Value
	ndigits := None
	if err := UnpackArgs("round", args, kw, "number", &number, "ndigits?", &ndigits); err != nil {
		return Value{}, err
	}
	return Round(th, number, ndigits)
}

// divmod(a, b)
func builtinDivMod(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := PositionalArgs("divmod", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	return DivMod(th, args[0], args[1])
}

// pow(base, exp, mod=None)
func builtinPow(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	var base, exp Value
	mod := None
	if err := UnpackArgs("pow", args, kw, "base", &base, "exp", &exp, "mod?", &mod); err != nil {
		return Value{}, err
	}
	return Pow(th, base, exp, mod)
}

func builtinChr(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if _, err := OneArg("chr", args, kw); err != nil {
		return Value{}, err
	}
	n, err := biCInt(args[0])
	if err != nil {
		return Value{}, err
	}
	if n < 0 || n >= 0x110000 {
		return Value{}, Errorf(ValueError, "chr() arg not in range(0x110000)")
	}
	return Str(string(rune(n))), nil
}

func builtinOrd(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if _, err := OneArg("ord", args, kw); err != nil {
		return Value{}, err
	}
	s, ok := args[0].obj.(*StrObj)
	if b, isBytes := bufferOf(args[0]); isBytes && !ok {
		return bytesOrd(args[0], b)
	}
	if !ok {
		return Value{}, Errorf(TypeError, "ord() expected string of length 1, but %s found", args[0].Type().Name)
	}
	if n := s.Len(); n != 1 {
		return Value{}, Errorf(TypeError, "ord() expected a character, but string of length %d found", n)
	}
	if s.isASCII() {
		return Int(int64(s.S[0])), nil
	}
	return Int(int64(s.Runes()[0])), nil
}

func builtinHex(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	return biIntText(th, "hex", args, kw, pyfmt.Hex)
}

func builtinOct(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	return biIntText(th, "oct", args, kw, pyfmt.Oct)
}

func builtinBin(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	return biIntText(th, "bin", args, kw, pyfmt.Bin)
}

// biIntText is hex, oct and bin: an integer argument written by text.
func biIntText(th *Thread, fname string, args []Value, kw []Kwarg, text func(*big.Int) string) (Value, error) {
	if _, err := OneArg(fname, args, kw); err != nil {
		return Value{}, err
	}
	x, err := biIndexBig(th, args[0])
	if err != nil {
		return Value{}, err
	}
	return Str(text(x)), nil
}
