package runtime

// This file implements int.to_bytes and the classmethod int.from_bytes
// (byteorder defaults to 'big', as in Python 3.11).

import (
	"math/big"

	"github.com/aio-lang/aio/internal/pyfmt"
)

// byteOrderArg parses byteorder, reporting whether it is little-endian.
func byteOrderArg(v Value) (bool, error) {
	if !v.IsValid() {
		return false, nil
	}
	s, ok := v.obj.(*StrObj)
	if !ok {
		return false, Errorf(TypeError, "to_bytes() argument 'byteorder' must be str, not %s", v.Type().Name)
	}
	switch s.S {
	case "little":
		return true, nil
	case "big":
		return false, nil
	}
	return false, Errorf(ValueError, "byteorder must be either 'little' or 'big'")
}

func reverseBytes(b []byte) {
	for l, r := 0, len(b)-1; l < r; l, r = l+1, r-1 {
		b[l], b[r] = b[r], b[l]
	}
}

// intToBytes is int.to_bytes(length=1, byteorder='big', *, signed=False).
func intToBytes(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	var lengthV, orderV, signedV Value
	if err := UnpackArgs("to_bytes", args, kw, "length?", &lengthV, "byteorder?", &orderV, "$signed?", &signedV); err != nil {
		return Value{}, err
	}
	length := int64(1)
	if lengthV.IsValid() {
		n, err := clampedIndex(th, lengthV)
		if err != nil {
			return Value{}, err
		}
		if n < 0 {
			return Value{}, Errorf(ValueError, "length argument must be non-negative")
		}
		length = n
	}
	little, err := byteOrderArg(orderV)
	if err != nil {
		return Value{}, err
	}
	signed := false
	if signedV.IsValid() {
		if signed, err = Truth(th, signedV); err != nil {
			return Value{}, err
		}
	}
	x, _ := toBig(self)
	if x.Sign() < 0 && !signed {
		return Value{}, Errorf(OverflowError, "can't convert negative int to unsigned")
	}
	// Two's complement of a negative x in length bytes is x + 256**length.
	bitsAvail := length * 8
	v := new(big.Int).Set(x)
	if signed {
		limit := new(big.Int).Lsh(big.NewInt(1), uint(max(bitsAvail-1, 0)))
		if bitsAvail == 0 || v.Cmp(limit) >= 0 || v.Cmp(new(big.Int).Neg(limit)) < 0 {
			if !(bitsAvail == 0 && v.Sign() == 0) {
				return Value{}, Errorf(OverflowError, "int too big to convert")
			}
		}
	} else if int64(v.BitLen()) > bitsAvail {
		return Value{}, Errorf(OverflowError, "int too big to convert")
	}
	if err := th.Alloc(length); err != nil {
		return Value{}, err
	}
	if v.Sign() < 0 {
		v.Add(v, new(big.Int).Lsh(big.NewInt(1), uint(bitsAvail)))
	}
	out := make([]byte, length)
	v.FillBytes(out)
	if little {
		reverseBytes(out)
	}
	return NewBytes(out), nil
}

// intFromBytes is the classmethod int.from_bytes(bytes, byteorder='big',
// *, signed=False); args[0] is the class.
func intFromBytes(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	cls, args := args[0], args[1:]
	var srcV, orderV, signedV Value
	if err := UnpackArgs("from_bytes", args, kw, "bytes", &srcV, "byteorder?", &orderV, "$signed?", &signedV); err != nil {
		return Value{}, err
	}
	little, err := byteOrderArg(orderV)
	if err != nil {
		return Value{}, err
	}
	signed := false
	if signedV.IsValid() {
		if signed, err = Truth(th, signedV); err != nil {
			return Value{}, err
		}
	}
	var b []byte
	if buf, ok := bufferOf(srcV); ok {
		b = append([]byte{}, buf...)
	} else {
		if _, isStr := srcV.obj.(*StrObj); isStr || isIntLike(srcV) {
			return Value{}, Errorf(TypeError, "cannot convert '%s' object to bytes", srcV.Type().Name)
		}
		if b, err = bytesFromArgs(th, "bytes", []Value{srcV}, nil); err != nil {
			return Value{}, err
		}
	}
	if little {
		reverseBytes(b)
	}
	v := new(big.Int).SetBytes(b)
	if signed && len(b) > 0 && b[0]&0x80 != 0 {
		v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(len(b)*8)))
	}
	r := BigInt(v)
	if t, ok := cls.obj.(*Type); ok && t != IntType {
		if t == BoolType {
			return MakeBool(v.Sign() != 0), nil
		}
		return th.Call(cls, []Value{r}, nil)
	}
	return r, nil
}

func init() {
	IntType.Methods(map[string]BuiltinFn{"to_bytes": intToBytes})
	IntType.SetAttr("from_bytes", Obj(&ClassMethod{Func: NewBuiltin("from_bytes", intFromBytes)}))
}

// bytesOrd is ord() of a bytes-like object: its only byte.
func bytesOrd(v Value, b []byte) (Value, error) {
	if len(b) != 1 {
		return Value{}, Errorf(TypeError, "ord() expected a character, but string of length %d found", len(b))
	}
	return Int(int64(b[0])), nil
}

// bytesToInt is int(b, base) for bytes-likes: the ASCII digits parsed
// as a str would be.
func bytesToInt(v Value, base int) (Value, error) {
	b, _ := bufferOf(v)
	n, err := pyfmt.ParseInt(string(b), base)
	if err != nil {
		// CPython quotes the bytes object itself in the message.
		return Value{}, Errorf(ValueError, "invalid literal for int() with base %d: %s", base, BytesRepr(b))
	}
	return BigInt(n), nil
}

// bytesToFloat is float(b) for bytes and bytearray.
func bytesToFloat(v Value) (float64, error) {
	b, _ := bufferOf(v)
	f, err := pyfmt.ParseFloat(string(b))
	if err != nil {
		return 0, Errorf(ValueError, "could not convert string to float: %s", BytesRepr(b))
	}
	return f, nil
}
