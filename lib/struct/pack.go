package pystruct

// This file converts between Python values and their packed bytes, one
// field at a time, with CPython's range checks and messages.

import (
	"encoding/binary"
	"math"
	"math/big"
	"strconv"

	"github.com/aio-lang/aio/runtime"
)

// pack writes the values into buf (len(buf) == l.size).
func (l *layout) pack(th *runtime.Thread, buf []byte, vals []runtime.Value) error {
	if len(vals) != l.items {
		return errorf("pack expected %d items for packing (got %d)", l.items, len(vals))
	}
	k := 0
	for _, f := range l.fields {
		switch f.code {
		case 'x':
			continue
		case 's', 'p':
			if err := packBytes(buf[f.offset:f.offset+f.count], f.code, vals[k]); err != nil {
				return err
			}
			k++
			continue
		}
		for j := 0; j < f.count; j++ {
			off := f.offset + j*f.size
			if err := l.packItem(th, buf[off:off+f.size], f.code, vals[k]); err != nil {
				return err
			}
			k++
		}
	}
	return nil
}

// packBytes packs an 's' or 'p' item: bytes truncated or zero-padded to
// the field, 'p' with a leading length byte.
func packBytes(dst []byte, code byte, v runtime.Value) error {
	var b []byte
	if o, ok := runtime.As[*runtime.Bytes](v); ok {
		b = o.B
	} else if o, ok := runtime.As[*runtime.ByteArray](v); ok {
		b = o.B
	} else {
		return errorf("argument for '%c' must be a bytes object", code)
	}
	if code == 's' {
		copy(dst, b)
		return nil
	}
	if len(dst) == 0 {
		return nil
	}
	n := copy(dst[1:], b)
	dst[0] = byte(min(n, 255))
	return nil
}

// intArg converts v to an integer through __index__, with struct's
// message for a non-integer.
func intArg(th *runtime.Thread, v runtime.Value) (*big.Int, int64, bool, error) {
	if v.IsSmallInt() {
		return nil, v.SmallInt(), true, nil
	}
	switch o := v.Object().(type) {
	case *runtime.Bool:
		if o.B {
			return nil, 1, true, nil
		}
		return nil, 0, true, nil
	case *runtime.Big:
		return o.X, 0, false, nil
	}
	r, found, err := th.CallMethod(v, "__index__")
	if err != nil {
		return nil, 0, false, err
	}
	if !found {
		return nil, 0, false, errorf("required argument is not an integer")
	}
	if r.IsSmallInt() {
		return nil, r.SmallInt(), true, nil
	}
	if b, ok := runtime.As[*runtime.Big](r); ok {
		return b.X, 0, false, nil
	}
	return nil, 0, false, errorf("required argument is not an integer")
}

// intNames are the names CPython's range messages give the small codes.
var intNames = map[byte]string{'b': "byte", 'B': "ubyte", 'h': "short", 'H': "ushort"}

// packItem packs one item of a numeric, bool or char code into dst.
func (l *layout) packItem(th *runtime.Thread, dst []byte, code byte, v runtime.Value) error {
	switch code {
	case 'c':
		b, ok := runtime.As[*runtime.Bytes](v)
		if ok && len(b.B) == 1 {
			dst[0] = b.B[0]
			return nil
		}
		if ba, ok := runtime.As[*runtime.ByteArray](v); ok && len(ba.B) == 1 {
			dst[0] = ba.B[0]
			return nil
		}
		return errorf("char format requires a bytes object of length 1")
	case '?':
		t, err := runtime.Truth(th, v)
		if err != nil {
			return err
		}
		dst[0] = 0
		if t {
			dst[0] = 1
		}
		return nil
	case 'e', 'f', 'd':
		return l.packFloat(th, dst, code, v)
	}
	u, err := l.intBits(th, code, len(dst), v)
	if err != nil {
		return err
	}
	n := len(dst)
	switch n {
	case 1:
		dst[0] = byte(u)
	case 2:
		l.order.PutUint16(dst, uint16(u))
	case 4:
		l.order.PutUint32(dst, uint32(u))
	default:
		l.order.PutUint64(dst, u)
	}
	return nil
}

// intBits converts v for an integer code of n bytes to the bits to
// store, with the error CPython's packer for this byte order gives: its
// native and little-endian packers convert through a signed 64-bit value
// first (unsigned 4- and 8-byte codes through an unsigned one) and name
// the 1- and 2-byte codes in range errors; its big-endian packer checks
// the 2- and 4-byte unsigned codes against the field, and reports 8-byte
// overflow as "int too large to convert".
func (l *layout) intBits(th *runtime.Thread, code byte, n int, v runtime.Value) (uint64, error) {
	big, small, isSmall, err := intArg(th, v)
	if err != nil {
		return 0, err
	}
	if code == 'P' {
		// A pointer: any value a signed or an unsigned word holds.
		switch {
		case isSmall:
			return uint64(small), nil
		case big.IsInt64():
			return uint64(big.Int64()), nil
		case big.IsUint64():
			return big.Uint64(), nil
		}
		return 0, errorf("int too large to convert")
	}
	signed := code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n'
	bigEndian := l.order == binary.BigEndian && !l.native
	outOfRange := errorf("argument out of range")
	if n == 8 && bigEndian {
		outOfRange = errorf("int too large to convert")
	}
	// Unsigned codes that a packer converts through an unsigned value.
	viaUnsigned := !signed && (n >= 4 || bigEndian && code == 'H')
	if !isSmall {
		switch {
		case big.IsInt64() && !viaUnsigned:
			small, isSmall = big.Int64(), true
		case big.IsUint64() && viaUnsigned:
			if n == 8 {
				return big.Uint64(), nil
			}
			return 0, l.rangeError(code, n, signed)
		default:
			return 0, outOfRange
		}
	}
	if viaUnsigned && small < 0 {
		return 0, outOfRange
	}
	if n == 8 {
		return uint64(small), nil
	}
	lo, hi := int64(0), int64(1)<<(8*n)-1
	if signed {
		lo, hi = -(int64(1) << (8*n - 1)), int64(1)<<(8*n-1)-1
	}
	if small < lo || small > hi {
		return 0, l.rangeError(code, n, signed)
	}
	return uint64(small), nil
}

// rangeError is the error for an integer outside an n-byte field: the
// native and little-endian packers name the byte and short codes, the
// big-endian one only the byte codes.
func (l *layout) rangeError(code byte, n int, signed bool) error {
	lo, hi := "0", utoa(uint64(1)<<(8*n)-1)
	if signed {
		lo, hi = itoa(-(int64(1) << (8*n - 1))), itoa(int64(1)<<(8*n-1)-1)
	}
	name, ok := intNames[code]
	if ok && (n == 1 || !(l.order == binary.BigEndian && !l.native)) {
		return errorf("%s format requires %s <= number <= %s", name, lo, hi)
	}
	return errorf("'%c' format requires %s <= number <= %s", code, lo, hi)
}

// packFloat packs an 'e', 'f' or 'd' item.
func (l *layout) packFloat(th *runtime.Thread, dst []byte, code byte, v runtime.Value) error {
	if runtime.IsInstanceOf(v, runtime.StrType) || runtime.IsInstanceOf(v, runtime.BytesType) {
		// float() would parse these; struct wants a number.
		return errorf("required argument is not a float")
	}
	x, err := runtime.ToFloat(th, v)
	if err != nil {
		// Not a number, or an int beyond the float range.
		if runtime.IsInstance(err, runtime.TypeError) || runtime.IsInstance(err, runtime.OverflowError) {
			return errorf("required argument is not a float")
		}
		return err
	}
	// CPython words a narrowing overflow differently for an int argument.
	tooLarge := func(format string) error {
		if runtime.IsInstanceOf(v, runtime.IntType) {
			return errorf("int too large to convert")
		}
		return runtime.Errorf(runtime.OverflowError, "float too large to pack with %s format", format)
	}
	switch code {
	case 'd':
		l.order.PutUint64(dst, math.Float64bits(x))
	case 'f':
		f := float32(x)
		if math.IsInf(float64(f), 0) && !math.IsInf(x, 0) && !l.native {
			return tooLarge("f")
		}
		l.order.PutUint32(dst, math.Float32bits(f))
	case 'e':
		h, ok := toHalf(x)
		if !ok {
			return tooLarge("e")
		}
		l.order.PutUint16(dst, h)
	}
	return nil
}

// unpack reads the values of buf (len(buf) == l.size).
func (l *layout) unpack(buf []byte) []runtime.Value {
	out := make([]runtime.Value, 0, l.items)
	for _, f := range l.fields {
		switch f.code {
		case 'x':
			continue
		case 's':
			out = append(out, runtime.NewBytes(append([]byte(nil), buf[f.offset:f.offset+f.count]...)))
			continue
		case 'p':
			b := buf[f.offset : f.offset+f.count]
			if len(b) == 0 {
				out = append(out, runtime.NewBytes(nil))
				continue
			}
			n := min(int(b[0]), len(b)-1)
			out = append(out, runtime.NewBytes(append([]byte(nil), b[1:1+n]...)))
			continue
		}
		for j := 0; j < f.count; j++ {
			off := f.offset + j*f.size
			out = append(out, l.unpackItem(buf[off:off+f.size], f.code))
		}
	}
	return out
}

// unpackItem reads one item of a numeric, bool or char code.
func (l *layout) unpackItem(b []byte, code byte) runtime.Value {
	switch code {
	case 'c':
		return runtime.NewBytes([]byte{b[0]})
	case '?':
		return runtime.MakeBool(b[0] != 0)
	case 'e':
		return runtime.Float(fromHalf(l.order.Uint16(b)))
	case 'f':
		return runtime.Float(float64(math.Float32frombits(l.order.Uint32(b))))
	case 'd':
		return runtime.Float(math.Float64frombits(l.order.Uint64(b)))
	}
	var u uint64
	switch len(b) {
	case 1:
		u = uint64(b[0])
	case 2:
		u = uint64(l.order.Uint16(b))
	case 4:
		u = uint64(l.order.Uint32(b))
	default:
		u = l.order.Uint64(b)
	}
	switch code {
	case 'b', 'h', 'i', 'l', 'q', 'n':
		shift := 64 - 8*len(b)
		return runtime.Int(int64(u<<shift) >> shift)
	}
	if u > math.MaxInt64 {
		return runtime.BigInt(new(big.Int).SetUint64(u))
	}
	return runtime.Int(int64(u))
}

func itoa(i int64) string  { return strconv.FormatInt(i, 10) }
func utoa(u uint64) string { return strconv.FormatUint(u, 10) }

// toHalf rounds x to IEEE 754 binary16 (half to even), failing when it
// is too large.
func toHalf(x float64) (uint16, bool) {
	bits := math.Float64bits(x)
	sign := uint16(bits>>48) & 0x8000
	switch {
	case math.IsNaN(x):
		return sign | 0x7e00, true
	case math.IsInf(x, 0):
		return sign | 0x7c00, true
	}
	a := math.Abs(x)
	if a == 0 {
		return sign, true
	}
	// Scale to an integer count of the smallest subnormal (2**-24) or of
	// the unit in the last place at the value's exponent.
	e := math.Ilogb(a)
	if e < -14 {
		e = -14
	}
	ulp := math.Ldexp(1, e-10)
	m := math.RoundToEven(a / ulp)
	if m >= 2048 { // rounding carried into the next binade
		m /= 2
		e++
	}
	if e > 15 {
		return 0, false
	}
	if m < 1024 { // subnormal
		return sign | uint16(m), true
	}
	return sign | uint16(e+15)<<10 | (uint16(m) & 0x3ff), true
}

// fromHalf converts IEEE 754 binary16 bits to a float.
func fromHalf(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	exp := int(h>>10) & 0x1f
	frac := float64(h & 0x3ff)
	switch exp {
	case 0:
		return sign * math.Ldexp(frac, -24)
	case 0x1f:
		if frac != 0 {
			return math.NaN()
		}
		return math.Inf(int(sign))
	}
	return sign * math.Ldexp(1024+frac, exp-25)
}
