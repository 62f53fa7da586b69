// Package array is Python's array module: typed sequences of numbers
// (or characters) that convert to and from machine bytes.
package array

// This file defines the array object, its typecodes and the conversion
// of items to and from their machine representation (little-endian, as
// on the machines CPython's tests run on).

import (
	"encoding/binary"
	"math"
	"math/big"
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

func init() { runtime.RegisterStdModule("array", load) }

// typecodes lists the typecodes in CPython's order.
const typecodes = "bBuhHiIlLqQfd"

// kind describes a typecode: its size and the range of its integers.
type kind struct {
	size     int
	signed   bool
	float    bool
	char     bool
	min, max *big.Int
	// tooBig and tooSmall are the OverflowError messages.
	tooBig, tooSmall string
}

func intKind(size int, signed bool, tooBig, tooSmall string) *kind {
	k := &kind{size: size, signed: signed, tooBig: tooBig, tooSmall: tooSmall}
	bits := uint(size * 8)
	if signed {
		k.max = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits-1), big.NewInt(1))
		k.min = new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), bits-1))
	} else {
		k.max = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits), big.NewInt(1))
		k.min = new(big.Int)
	}
	return k
}

// kinds maps each typecode to its description.
var kinds = map[byte]*kind{
	'b': intKind(1, true, "signed char is greater than maximum", "signed char is less than minimum"),
	'B': intKind(1, false, "unsigned byte integer is greater than maximum", "unsigned byte integer is less than minimum"),
	'h': intKind(2, true, "signed short integer is greater than maximum", "signed short integer is less than minimum"),
	'H': intKind(2, false, "unsigned short is greater than maximum", "unsigned short is less than minimum"),
	'i': intKind(4, true, "signed integer is greater than maximum", "signed integer is less than minimum"),
	'I': intKind(4, false, "unsigned int is greater than maximum", "can't convert negative value to unsigned int"),
	'l': intKind(8, true, "Python int too large to convert to C long", "Python int too large to convert to C long"),
	'L': intKind(8, false, "Python int too large to convert to C unsigned long", "can't convert negative value to unsigned int"),
	'q': intKind(8, true, "int too big to convert", "int too big to convert"),
	'Q': intKind(8, false, "int too big to convert", "can't convert negative int to unsigned"),
	'f': {size: 4, float: true},
	'd': {size: 8, float: true},
	'u': {size: 4, char: true},
}

// Array is an instance of array.array.
type Array struct {
	cls   *runtime.Type
	code  byte
	kind  *kind
	items []runtime.Value
	// exports counts live iterators' views; not needed beyond iteration.
	dict map[string]runtime.Value
}

// Type returns the array's class.
func (a *Array) Type() *runtime.Type { return a.cls }

// Footprint implements runtime.MemNode.
func (a *Array) Footprint() int64 {
	return int64(unsafe.Sizeof(*a)) + int64(cap(a.items))*int64(unsafe.Sizeof(runtime.Value{})) + int64(len(a.dict))*64
}

// Referents implements runtime.MemNode.
func (a *Array) Referents(w *runtime.MemWalker) {
	w.Values(a.items)
	for _, v := range a.dict {
		w.Value(v)
	}
}

// Attr returns an attribute of a subclass instance.
func (a *Array) Attr(name string) (runtime.Value, bool) { v, ok := a.dict[name]; return v, ok }

// SetAttrValue sets an attribute of a subclass instance.
func (a *Array) SetAttrValue(name string, v runtime.Value) bool {
	if a.cls.Module == "array" {
		return false
	}
	if a.dict == nil {
		a.dict = map[string]runtime.Value{}
	}
	a.dict[name] = v
	return true
}

// DelAttrValue deletes an attribute of a subclass instance.
func (a *Array) DelAttrValue(name string) bool {
	if _, ok := a.dict[name]; !ok {
		return false
	}
	delete(a.dict, name)
	return true
}

// convert checks and converts v to an item of the array's typecode.
func (a *Array) convert(th *runtime.Thread, v runtime.Value) (runtime.Value, error) {
	k := a.kind
	switch {
	case k.char:
		s, ok := runtime.As[*runtime.StrObj](v)
		if !ok || s.Len() != 1 {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "array item must be unicode character")
		}
		return v, nil
	case k.float:
		f, err := toFloat(th, v)
		if err != nil {
			return runtime.Value{}, err
		}
		if a.code == 'f' {
			f = float64(float32(f))
		}
		return runtime.Float(f), nil
	}
	if v.IsFloat() {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'float' object cannot be interpreted as an integer")
	}
	n, err := runtime.ToIndex(th, v)
	if err != nil {
		return runtime.Value{}, err
	}
	var x *big.Int
	if n.IsSmallInt() {
		x = big.NewInt(n.SmallInt())
	} else if b, ok := runtime.As[*runtime.Big](n); ok {
		x = b.X
	}
	if x.Cmp(k.max) > 0 {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "%s", k.tooBig)
	}
	if x.Cmp(k.min) < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "%s", k.tooSmall)
	}
	return n, nil
}

// toFloat converts an item of a float array.
func toFloat(th *runtime.Thread, v runtime.Value) (float64, error) {
	var f float64
	if err := runtime.UnpackArgs("array", []runtime.Value{v}, nil, "x", &f); err != nil {
		return 0, err
	}
	return f, nil
}

// appendBytes writes the machine representation of the items to b.
func (a *Array) appendBytes(b []byte, items []runtime.Value) []byte {
	k := a.kind
	for _, v := range items {
		switch {
		case k.char:
			s, _ := runtime.As[*runtime.StrObj](v)
			b = binary.LittleEndian.AppendUint32(b, uint32(s.Runes()[0]))
		case a.code == 'f':
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(v.FloatVal())))
		case a.code == 'd':
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v.FloatVal()))
		default:
			var u uint64
			if v.IsSmallInt() {
				u = uint64(v.SmallInt())
			} else if x, ok := runtime.As[*runtime.Big](v); ok {
				u = x.X.Uint64()
			}
			for i := 0; i < k.size; i++ {
				b = append(b, byte(u>>(8*i)))
			}
		}
	}
	return b
}

// decode reads items from machine bytes (a multiple of the item size).
func (a *Array) decode(b []byte) []runtime.Value {
	k := a.kind
	out := make([]runtime.Value, 0, len(b)/k.size)
	for off := 0; off+k.size <= len(b); off += k.size {
		chunk := b[off : off+k.size]
		switch {
		case k.char:
			out = append(out, runtime.Str(string(rune(binary.LittleEndian.Uint32(chunk)))))
		case a.code == 'f':
			out = append(out, runtime.Float(float64(math.Float32frombits(binary.LittleEndian.Uint32(chunk)))))
		case a.code == 'd':
			out = append(out, runtime.Float(math.Float64frombits(binary.LittleEndian.Uint64(chunk))))
		default:
			var u uint64
			for i := k.size - 1; i >= 0; i-- {
				u = u<<8 | uint64(chunk[i])
			}
			if k.signed {
				shift := uint(64 - 8*k.size)
				out = append(out, runtime.Int(int64(u<<shift)>>shift))
			} else if u > math.MaxInt64 {
				out = append(out, runtime.BigInt(new(big.Int).SetUint64(u)))
			} else {
				out = append(out, runtime.Int(int64(u)))
			}
		}
	}
	return out
}
