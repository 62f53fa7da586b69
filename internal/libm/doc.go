// Package libm holds the elementary functions behind aio's math module
// and float's ** operator.
//
// CPython calls the C library's libm, whose exp, log, log2, pow and sin/cos
// are correctly rounded for nearly every argument. Go's math package is
// not (its exp differs in the last bit for about 10% of arguments, its
// pow for about 70%), and the difference shows whenever a program prints
// a float. So exp, exp2, log, log2, log10, pow, sinh, cosh, cbrt, sin and
// cos are computed here in double-double arithmetic (a value carried as
// an unevaluated sum of two float64s, about 106 bits) and rounded once,
// which yields the correctly rounded result except for the rarest
// near-ties; the constants and tables they need are computed by this
// package itself (consts.go). For log10, sinh, cosh and cbrt the C library
// is itself only within about an ulp, so the correctly rounded value
// agrees with it less often (53% to 94%), but still more often than Go's
// does. For expm1, log1p, tanh, asinh, acosh, atanh, erf and erfc it is
// the other way round, and Go's math package is used; so it is for tan
// and the inverse trigonometric functions. libm_cpython_test.go measures
// the agreement with values recorded from CPython 3.11, function by
// function.
package libm
