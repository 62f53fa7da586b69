package runtime

// This file defines sys.get_int_max_str_digits, sys.set_int_max_str_digits
// and sys.int_info: the per-interpreter limit on decimal digits in int↔str
// conversions that CPython 3.11 introduced against quadratic-time
// conversions of huge numbers.

// intDigitsThreshold is CPython's smallest nonzero limit (and its
// sys.int_info.str_digits_check_threshold).
const intDigitsThreshold = 640

// addIntDigitsFuncs adds the digit-limit functions and sys.int_info to m.
func addIntDigitsFuncs(m *Module) {
	m.Set("get_int_max_str_digits", NewBuiltin("get_int_max_str_digits", sysGetIntMaxStrDigits))
	m.Set("set_int_max_str_digits", NewBuiltin("set_int_max_str_digits", sysSetIntMaxStrDigits))
	info := NewModule("sys.int_info")
	info.Set("bits_per_digit", Int(30))
	info.Set("sizeof_digit", Int(4))
	info.Set("default_max_str_digits", Int(4300))
	info.Set("str_digits_check_threshold", Int(intDigitsThreshold))
	m.Set("int_info", Obj(info))
}

func sysGetIntMaxStrDigits(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := NoArgs("sys.get_int_max_str_digits", args, kw); err != nil {
		return Value{}, err
	}
	return Int(int64(th.intDigitsLimit())), nil
}

func sysSetIntMaxStrDigits(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	var arg Value
	if err := clinicArgs("set_int_max_str_digits", args, kw, []string{"maxdigits"}, &arg); err != nil {
		return Value{}, err
	}
	if !arg.IsValid() {
		return Value{}, Errorf(TypeError, "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")
	}
	n, err := ssizeIndex(th, arg)
	if err != nil {
		return Value{}, err
	}
	if n != 0 && n < intDigitsThreshold {
		return Value{}, Errorf(ValueError, "maxdigits must be 0 or larger than %d", intDigitsThreshold)
	}
	th.intMaxStrDigits = int(min(n, 1<<40))
	return None, nil
}
