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
// package itself (consts.go). For the functions where the C library is
// only within about an ulp (expm1, log1p, tanh, asinh, acosh, atanh, erf,
// erfc, tan and the inverse trigonometric functions), Go's math package
// agrees with it at least as often as the correctly rounded value would,
// and is used. libm_cpython_test.go measures the agreement with values
// recorded from CPython 3.11, function by function.
package libm
