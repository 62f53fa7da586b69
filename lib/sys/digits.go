package sys

// This file defines sys.get_int_max_str_digits, sys.set_int_max_str_digits
// and sys.int_info: the per-interpreter limit on decimal digits in int↔str
// conversions that CPython 3.11 introduced against quadratic-time
// conversions of huge numbers.

import "github.com/aio-lang/aio/runtime"

// intDigitsThreshold is CPython's smallest nonzero limit (and its
// sys.int_info.str_digits_check_threshold).
const intDigitsThreshold = 640

// addIntDigitsFuncs adds the digit-limit functions and sys.int_info to m.
func addIntDigitsFuncs(m *runtime.Module) {
	m.Set("get_int_max_str_digits", runtime.NewBuiltin("get_int_max_str_digits", getIntMaxStrDigits))
	m.Set("set_int_max_str_digits", runtime.NewBuiltin("set_int_max_str_digits", setIntMaxStrDigits))
	info := runtime.NewModule("sys.int_info")
	info.Set("bits_per_digit", runtime.Int(30))
	info.Set("sizeof_digit", runtime.Int(4))
	info.Set("default_max_str_digits", runtime.Int(4300))
	info.Set("str_digits_check_threshold", runtime.Int(intDigitsThreshold))
	m.Set("int_info", runtime.Obj(info))
}

func getIntMaxStrDigits(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.NoArgs("sys.get_int_max_str_digits", args, kw); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Int(int64(th.IntMaxStrDigits())), nil
}

func setIntMaxStrDigits(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var n int64
	if len(args) == 0 && len(kw) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")
	}
	if err := runtime.UnpackArgs("set_int_max_str_digits", args, kw, "maxdigits", &n); err != nil {
		return runtime.Value{}, err
	}
	if n != 0 && n < intDigitsThreshold {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "maxdigits must be 0 or larger than %d", intDigitsThreshold)
	}
	th.SetIntMaxStrDigits(int(min(n, 1<<40)))
	return runtime.None, nil
}
