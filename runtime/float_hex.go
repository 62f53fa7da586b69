package runtime

// This file defines float.hex and the class method float.fromhex, the
// exact hexadecimal spelling of a float ('0x1.8000000000000p+1').

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

func init() {
	FloatType.Methods(map[string]BuiltinFn{"hex": floatHex})
	FloatType.SetAttr("fromhex", Obj(&ClassMethod{Func: NewBuiltin("fromhex", floatFromHex)}))
}

// floatHex is float.hex(): 13 hex digits of mantissa after "0x1." (or
// "0x0." for subnormals, whose exponent is written as -1022).
func floatHex(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if err := UnpackArgs("float.hex", args, kw); err != nil {
		return Value{}, err
	}
	f, ok := floatOf(self)
	if !ok {
		return Value{}, Errorf(TypeError, "descriptor 'hex' for 'float' objects doesn't apply to a '%s' object", self.Type().Name)
	}
	switch {
	case math.IsNaN(f):
		return Str("nan"), nil
	case math.IsInf(f, 1):
		return Str("inf"), nil
	case math.IsInf(f, -1):
		return Str("-inf"), nil
	}
	bits := math.Float64bits(f)
	sign := ""
	if bits>>63 != 0 {
		sign = "-"
	}
	if f == 0 {
		return Str(sign + "0x0.0p+0"), nil
	}
	exp := int(bits>>52) & 0x7ff
	mant := bits & (1<<52 - 1)
	if exp == 0 {
		return Str(fmt.Sprintf("%s0x0.%013xp-1022", sign, mant)), nil
	}
	return Str(fmt.Sprintf("%s0x1.%013xp%+d", sign, mant, exp-1023)), nil
}

// floatOf returns the float value of a float or float subclass instance.
func floatOf(v Value) (float64, bool) {
	b := BuiltinValue(v)
	if !b.IsFloat() {
		return 0, false
	}
	return b.FloatVal(), true
}

// floatFromHex is float.fromhex(string): an optional sign, "inf",
// "infinity" or "nan", or hex digits with an optional point, "0x" prefix
// and binary exponent "p±N"; surrounding white space is allowed.
func floatFromHex(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	cls, args := args[0], args[1:]
	var arg Value
	if err := UnpackArgs("fromhex", args, kw, "string", &arg); err != nil {
		return Value{}, err
	}
	s, ok := As[*StrObj](arg)
	if !ok {
		return Value{}, Errorf(TypeError, "must be str, not %s", arg.Type().Name)
	}
	f, err := parseHexFloat(s.S)
	if err != nil {
		return Value{}, err
	}
	if t, ok := cls.obj.(*Type); ok && t == FloatType {
		return Float(f), nil
	}
	return th.Call(cls, []Value{Float(f)}, nil)
}

// parseHexFloat checks the syntax itself (strconv accepts underscores and
// needs the prefix and exponent) and lets strconv round the value.
func parseHexFloat(text string) (float64, error) {
	bad := Errorf(ValueError, "invalid hexadecimal floating-point string")
	s := strings.TrimSpace(text)
	sign := ""
	if s != "" && (s[0] == '+' || s[0] == '-') {
		sign, s = s[:1], s[1:]
	}
	switch strings.ToLower(s) {
	case "inf", "infinity":
		return strconv.ParseFloat(sign+"inf", 64)
	case "nan":
		return math.NaN(), nil
	}
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s = s[2:]
	}
	mantissa, exp := s, "0"
	if i := strings.IndexAny(s, "pP"); i >= 0 {
		mantissa, exp = s[:i], s[i+1:]
		digits := strings.TrimLeft(exp, "+-")
		if len(exp)-len(digits) > 1 || digits == "" || strings.Trim(digits, "0123456789") != "" {
			return 0, bad
		}
	}
	intPart, frac, _ := strings.Cut(mantissa, ".")
	if intPart+frac == "" || !isHexDigits(intPart) || !isHexDigits(frac) {
		return 0, bad
	}
	if intPart == "" {
		intPart = "0"
	}
	f, err := strconv.ParseFloat(sign+"0x"+intPart+"."+frac+"p"+exp, 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange && math.IsInf(f, 0) {
			return 0, Errorf(OverflowError, "hexadecimal value too large to represent as a float")
		}
		if !(errors.As(err, &ne) && ne.Err == strconv.ErrRange) {
			return 0, bad
		}
	}
	return f, nil
}

// isHexDigits reports whether s holds only hexadecimal digits.
func isHexDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHexByte(s[i]) {
			return false
		}
	}
	return true
}
