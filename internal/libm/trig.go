package libm

// This file provides the trigonometric functions of the math module.
// glibc's versions (which CPython uses) come from IBM's LGPL-licensed
// Accurate Mathematical Library, so aio does not port them; Go's math
// package is used instead and may differ from CPython in the last digit.

import "math"

// Sin is math.sin.
func Sin(x float64) float64 { return math.Sin(x) }

// Cos is math.cos.
func Cos(x float64) float64 { return math.Cos(x) }

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
