package math

// This file defines math.gamma and math.lgamma over internal/libm, which
// reports errors as flags the way C's errno would.

import (
	gomath "math"

	"github.com/aio-lang/aio/internal/libm"
	"github.com/aio-lang/aio/runtime"
)

// mathErrno turns libm's error flags into CPython's exceptions: a domain
// error is ValueError; an overflow is OverflowError, but a result that
// merely underflowed towards zero is returned.
func mathErrno(r float64, domain, overflow bool) (runtime.Value, error) {
	if domain {
		return runtime.Value{}, errMathDomain()
	}
	if overflow && gomath.Abs(r) >= 1.5 {
		return runtime.Value{}, errMathRange()
	}
	return runtime.Float(r), nil
}

func mathGamma(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	x, err := mathOneDouble(th, "math.gamma", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	return mathErrno(libm.Gamma(x))
}

func mathLgamma(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	x, err := mathOneDouble(th, "math.lgamma", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	return mathErrno(libm.Lgamma(x))
}
