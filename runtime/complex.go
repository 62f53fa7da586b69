package runtime

// This file implements complex numbers: the complex type and constructor
// (from numbers or a string), repr, hashing, equality, arithmetic with
// ints and floats, abs, and the real/imag/conjugate members.

import (
	"math"
	"strings"

	"github.com/aio-lang/aio/internal/libm"
	"github.com/aio-lang/aio/internal/pyfmt"
)

// Complex is a complex number.
type Complex struct{ Re, Im float64 }

// ComplexType is the type of complex numbers.
var ComplexType = NewType("complex", ObjectType)

// Type returns ComplexType.
func (*Complex) Type() *Type { return ComplexType }

// NewComplex returns the complex number re + im*j.
func NewComplex(re, im float64) Value { return Obj(&Complex{Re: re, Im: im}) }

// complexPart spells one part as CPython's complex repr does: the
// shortest round-tripping digits without a forced ".0".
func complexPart(f float64) string {
	return strings.TrimSuffix(pyfmt.FloatRepr(f), ".0")
}

// Repr returns "(1+2j)", or "2j" when the real part is +0.
func (c *Complex) Repr(th *Thread) (string, error) {
	im := complexPart(c.Im)
	if c.Re == 0 && !math.Signbit(c.Re) {
		return im + "j", nil
	}
	if !strings.HasPrefix(im, "-") {
		im = "+" + im
	}
	return "(" + complexPart(c.Re) + im + "j)", nil
}

// TruthHook reports whether c is non-zero.
func (c *Complex) TruthHook() bool { return c.Re != 0 || c.Im != 0 }

// hash combines the parts' hashes as CPython does, so that a complex
// with a zero imaginary part hashes as its real part.
func (c *Complex) hash() int64 {
	h := uint64(hashFloat(c.Re)) + 1000003*uint64(hashFloat(c.Im))
	if int64(h) == -1 {
		return -2
	}
	return int64(h)
}

// complexOperand converts an int, float or complex operand; ok is false
// for other types.
func complexOperand(v Value) (complex128, bool, error) {
	if c, ok := v.obj.(*Complex); ok {
		return complex(c.Re, c.Im), true, nil
	}
	if v.IsFloat() {
		return complex(v.FloatVal(), 0), true, nil
	}
	if isIntLike(v) {
		f, err := toFloat(v)
		return complex(f, 0), true, err
	}
	return 0, false, nil
}

// complexBinary applies op when either operand is complex.
func complexBinary(op Op, a, b Value) (Value, error) {
	_, ac := a.obj.(*Complex)
	_, bc := b.obj.(*Complex)
	if !ac && !bc {
		return Value{}, errUnsupported
	}
	x, ok, err := complexOperand(a)
	if !ok || err != nil {
		return Value{}, orUnsupported(err)
	}
	y, ok, err := complexOperand(b)
	if !ok || err != nil {
		return Value{}, orUnsupported(err)
	}
	var r complex128
	switch op {
	case OpAdd:
		r = x + y
	case OpSub:
		r = x - y
	case OpMul:
		r = complexMul(x, y)
	case OpTrueDiv:
		q, ok := complexQuotient(x, y)
		if !ok {
			return Value{}, Errorf(ZeroDivisionError, "complex division by zero")
		}
		r = q
	case OpPow:
		p, err := complexPower(x, y)
		if err != nil {
			return Value{}, err
		}
		r = p
	default:
		return Value{}, errUnsupported
	}
	return NewComplex(real(r), imag(r)), nil
}

func orUnsupported(err error) error {
	if err != nil {
		return err
	}
	return errUnsupported
}

// complexQuotient divides with the scaling that keeps the intermediate
// products in range (Smith's method); ok is false for division by zero.
func complexQuotient(a, b complex128) (complex128, bool) {
	br, bi := real(b), imag(b)
	absR, absI := math.Abs(br), math.Abs(bi)
	switch {
	case absR >= absI:
		if absR == 0 {
			return 0, false
		}
		ratio := bi / br
		denom := br + bi*ratio
		return complex((real(a)+imag(a)*ratio)/denom, (imag(a)-real(a)*ratio)/denom), true
	case absI >= absR:
		ratio := br / bi
		denom := br*ratio + bi
		return complex((real(a)*ratio+imag(a))/denom, (imag(a)*ratio-real(a))/denom), true
	}
	nan := math.NaN()
	return complex(nan, nan), true
}

// complexMul multiplies without Go's special handling of infinities, as
// CPython does.
func complexMul(x, y complex128) complex128 {
	return complex(real(x)*real(y)-imag(x)*imag(y), real(x)*imag(y)+imag(x)*real(y))
}

// complexPower is a ** b: repeated squaring for small integral exponents
// (exact for (1+2j)**3), polar form otherwise.
func complexPower(a, b complex128) (complex128, error) {
	if imag(b) == 0 && real(b) == math.Trunc(real(b)) && math.Abs(real(b)) <= 100 {
		n := int(real(b))
		if n == 0 {
			return 1, nil
		}
		if n > 0 {
			return complexPowUint(a, n), nil
		}
		if a == 0 {
			return 0, Errorf(ZeroDivisionError, "0.0 to a negative or complex power")
		}
		q, ok := complexQuotient(1, complexPowUint(a, -n))
		if !ok {
			return 0, Errorf(ZeroDivisionError, "0.0 to a negative or complex power")
		}
		return q, nil
	}
	if b == 0 {
		return 1, nil
	}
	if a == 0 {
		if imag(b) != 0 || real(b) < 0 {
			return 0, Errorf(ZeroDivisionError, "0.0 to a negative or complex power")
		}
		return 0, nil
	}
	vabs := math.Hypot(real(a), imag(a))
	length := libm.Pow(vabs, real(b))
	at := math.Atan2(imag(a), real(a))
	phase := at * real(b)
	if imag(b) != 0 {
		length /= libm.Exp(at * imag(b))
		phase += imag(b) * libm.Log(vabs)
	}
	r := complex(length*math.Cos(phase), length*math.Sin(phase))
	if math.IsInf(real(r), 0) || math.IsInf(imag(r), 0) {
		return 0, Errorf(OverflowError, "complex exponentiation")
	}
	return r, nil
}

func complexPowUint(x complex128, n int) complex128 {
	r := complex128(1)
	for mask := 1; mask > 0 && n >= mask; mask <<= 1 {
		if n&mask != 0 {
			r = complexMul(r, x)
		}
		x = complexMul(x, x)
	}
	return r
}

// complexModPow reports whether pow(a, b, mod) reaches complex's power,
// which refuses any modulus: a or b is complex, or mod is and no float
// operand refused first.
func complexModPow(a, b, mod Value) bool {
	_, ac := a.obj.(*Complex)
	_, bc := b.obj.(*Complex)
	_, mc := mod.obj.(*Complex)
	return ac || bc || (mc && !a.IsFloat() && !b.IsFloat())
}

// complexAbs is abs(c), failing when the result overflows.
func complexAbs(c *Complex) (Value, error) {
	r := math.Hypot(c.Re, c.Im)
	if math.IsInf(r, 0) && !math.IsInf(c.Re, 0) && !math.IsInf(c.Im, 0) {
		return Value{}, Errorf(OverflowError, "absolute value too large")
	}
	return Float(r), nil
}

// complexEqual compares for == and != when either side is complex.
func complexEqual(op CmpOp, a, b Value) (result, ok bool) {
	x, isX := a.obj.(*Complex)
	y, isY := b.obj.(*Complex)
	if !isX && !isY {
		return false, false
	}
	if op != CmpEQ && op != CmpNE {
		return false, false
	}
	var eq bool
	switch {
	case isX && isY:
		eq = x.Re == y.Re && x.Im == y.Im
	case isX:
		eq = complexEqualsReal(x, b)
	default:
		eq = complexEqualsReal(y, a)
	}
	if !isX || !isY {
		if _, numeric, _ := complexOperand(a); !numeric {
			return false, false
		}
		if _, numeric, _ := complexOperand(b); !numeric {
			return false, false
		}
	}
	return eq == (op == CmpEQ), true
}

// complexEqualsReal compares c with an int or float exactly.
func complexEqualsReal(c *Complex, v Value) bool {
	if c.Im != 0 {
		return false
	}
	if v.IsFloat() {
		return c.Re == v.FloatVal()
	}
	if isIntLike(v) {
		cmp, ok := compareIntFloat(v, c.Re)
		return ok && cmp == 0
	}
	return false
}

// complexNew is complex(real=0, imag=0).
func complexNew(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	var reV, imV Value
	if err := UnpackArgs("complex", args, kw, "real?", &reV, "imag?", &imV); err != nil {
		return Value{}, err
	}
	if !reV.IsValid() {
		reV = Int(0)
	}
	if s, ok := reV.obj.(*StrObj); ok {
		if imV.IsValid() {
			return Value{}, Errorf(TypeError, "complex() can't take second arg if first is a string")
		}
		re, im, ok := parseComplex(s.S)
		if !ok {
			return Value{}, Errorf(ValueError, "complex() arg is a malformed string")
		}
		return NewComplex(re, im), nil
	}
	if _, ok := imV.obj.(*StrObj); ok {
		return Value{}, Errorf(TypeError, "complex() second arg can't be a string")
	}
	re, err := complexArg(th, reV, "first")
	if err != nil {
		return Value{}, err
	}
	if !imV.IsValid() {
		return NewComplex(real(re), imag(re)), nil
	}
	im, err := complexArg(th, imV, "second")
	if err != nil {
		return Value{}, err
	}
	// real + imag*1j, where only complex arguments contribute to the
	// other part, so that complex(0.0, -0.0) keeps its signed zero.
	r, i := real(re), real(im)
	if _, ok := imV.obj.(*Complex); ok {
		r -= imag(im)
	}
	if _, ok := reV.obj.(*Complex); ok {
		i += imag(re)
	}
	return NewComplex(r, i), nil
}

// complexArg converts one argument of complex(); user objects may define
// __complex__, __float__ or __index__.
func complexArg(th *Thread, v Value, which string) (complex128, error) {
	if c, ok, err := complexOperand(v); ok || err != nil {
		return c, err
	}
	if v.Type().User {
		if r, found, err := th.CallMethod(v, "__complex__"); found {
			if err != nil {
				return 0, err
			}
			c, ok := r.obj.(*Complex)
			if !ok {
				return 0, Errorf(TypeError, "__complex__ returned non-complex (type %s)", r.Type().Name)
			}
			return complex(c.Re, c.Im), nil
		}
		f, err := ToFloat(th, v)
		if err == nil {
			return complex(f, 0), nil
		}
	}
	if which == "first" {
		return 0, Errorf(TypeError, "complex() first argument must be a string or a number, not '%s'", v.Type().Name)
	}
	return 0, Errorf(TypeError, "complex() second argument must be a number, not '%s'", v.Type().Name)
}

// parseComplex reads "1", "2j", "1+2j", "-j", "(1-2.5e3j)" with optional
// surrounding white space and parentheses.
func parseComplex(s string) (re, im float64, ok bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if s == "" || strings.ContainsAny(s, " \t\n") {
		return 0, 0, false
	}
	if s[len(s)-1] != 'j' && s[len(s)-1] != 'J' {
		f, err := pyfmt.ParseFloat(s)
		return f, 0, err == nil
	}
	body := s[:len(s)-1]
	// The imaginary part starts at the last sign not part of an exponent.
	split := -1
	for i := len(body) - 1; i > 0; i-- {
		if (body[i] == '+' || body[i] == '-') && body[i-1] != 'e' && body[i-1] != 'E' {
			split = i
			break
		}
	}
	imText := body
	if split > 0 {
		r, err := pyfmt.ParseFloat(body[:split])
		if err != nil {
			return 0, 0, false
		}
		re, imText = r, body[split:]
	}
	switch imText {
	case "", "+":
		return re, 1, true
	case "-":
		return re, -1, true
	}
	if strings.ContainsAny(imText[1:], "+-") && !strings.ContainsAny(imText, "eE") {
		return 0, 0, false
	}
	f, err := pyfmt.ParseFloat(imText)
	if err != nil {
		return 0, 0, false
	}
	return re, f, true
}

func init() {
	ComplexType.New = complexNew
	ComplexType.SetAttr("real", numAttr("real", func(th *Thread, v Value) (Value, error) {
		return Float(v.obj.(*Complex).Re), nil
	}))
	ComplexType.SetAttr("imag", numAttr("imag", func(th *Thread, v Value) (Value, error) {
		return Float(v.obj.(*Complex).Im), nil
	}))
	ComplexType.Methods(map[string]BuiltinFn{
		"conjugate": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("complex.conjugate", args, kw); err != nil {
				return Value{}, err
			}
			c := self.obj.(*Complex)
			return NewComplex(c.Re, -c.Im), nil
		},
		"__complex__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return self, nil
		},
		"__getnewargs__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			c := self.obj.(*Complex)
			return TupleOf(Float(c.Re), Float(c.Im)), nil
		},
	})
}
