package libm

// This file provides the error function and its complement. CPython's C
// library computes them to within about one ulp, not correctly rounded;
// Go's math package agrees with it more often than the correctly rounded
// value does (libm_cpython_test.go measures both rates), so these are
// Go's.

import "math"

// Erf is math.erf.
func Erf(x float64) float64 { return math.Erf(x) }

// Erfc is math.erfc.
func Erfc(x float64) float64 { return math.Erfc(x) }
