package runtime

// This file provides the trigonometric functions of the math module.
// glibc's versions (which CPython uses) come from IBM's LGPL-licensed
// Accurate Mathematical Library, so aio does not port them; Go's math
// package is used instead and may differ from CPython in the last digit.

import "math"

// LibmSin is math.sin.
func LibmSin(x float64) float64 { return math.Sin(x) }

// LibmCos is math.cos.
func LibmCos(x float64) float64 { return math.Cos(x) }

// LibmTan is math.tan.
func LibmTan(x float64) float64 { return math.Tan(x) }

// LibmAsin is math.asin.
func LibmAsin(x float64) float64 { return math.Asin(x) }

// LibmAcos is math.acos.
func LibmAcos(x float64) float64 { return math.Acos(x) }

// LibmAtan is math.atan.
func LibmAtan(x float64) float64 { return math.Atan(x) }

// LibmAtan2 is math.atan2.
func LibmAtan2(y, x float64) float64 { return math.Atan2(y, x) }
