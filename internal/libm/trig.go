package libm

// This file provides the trigonometric functions of the math module.
// glibc's versions (which CPython uses) come from IBM's LGPL-licensed
// Accurate Mathematical Library, so aio does not port them. Sine and
// cosine are computed to double-double precision and rounded once
// (trig_dd.go), which agrees with glibc in all but about 0.15% of
// arguments (where glibc's own result is not the nearest float); the
// others are Go's math package, which may differ in the last digit.

import "math"

// Sin is math.sin.
func Sin(x float64) float64 {
	if math.Abs(x) <= maxReduced {
		s := sinOrCos(x, false)
		if s == 0 {
			return x * 1 // sin(±0) is ±0
		}
		return s
	}
	return math.Sin(x)
}

// Cos is math.cos.
func Cos(x float64) float64 {
	if math.Abs(x) <= maxReduced {
		return sinOrCos(x, true)
	}
	return math.Cos(x)
}

// Tan is math.tan.
func Tan(x float64) float64 { return math.Tan(x) }

// Asin is math.asin.
func Asin(x float64) float64 { return math.Asin(x) }

// Acos is math.acos.
func Acos(x float64) float64 { return math.Acos(x) }

// Atan is math.atan.
func Atan(x float64) float64 { return math.Atan(x) }

// Atan2 is math.atan2.
func Atan2(y, x float64) float64 { return math.Atan2(y, x) }
