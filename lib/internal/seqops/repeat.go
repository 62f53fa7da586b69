package seqops

// This file defines RepeatCount, the right operand of seq * n.

import "github.com/aio-lang/aio/runtime"

// RepeatCount converts the n of seq * n. A user object that is not an
// integer gives NotImplemented (its __rmul__ may handle the product);
// other operands give CPython's TypeError.
func RepeatCount(x runtime.Value) (n int64, notImplemented bool, err error) {
	n, err = runtime.IndexValue(x)
	if err == nil {
		return n, false, nil
	}
	if x.Type().User {
		return 0, true, nil
	}
	return 0, false, runtime.Errorf(runtime.TypeError, "can't multiply sequence by non-int of type '%s'", x.Type().Name)
}
