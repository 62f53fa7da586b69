package libm

// This file computes the gamma function and the logarithm of its absolute
// value with Lanczos's approximation
//
//	Γ(z+1) = √(2π) · (z+g+½)^(z+½) · e^-(z+g+½) · A_g(z)
//	A_g(z) = c₀ + Σ_{k=1..n} c_k / (z+k)
//
// using Godfrey's published coefficients for g = 7, n = 8, which give
// close to double precision over the whole positive axis. Negative
// arguments go through the reflection formula Γ(x)·Γ(1-x) = π/sin(πx).
// Errors are reported as C's errno would be, through the domain and
// overflow flags, for the math module to turn into exceptions.

import "math"

const lanczosG = 7.0

var lanczosCoef = [9]float64{
	0.99999999999980993,
	676.5203681218851,
	-1259.1392167224028,
	771.32342877765313,
	-176.61502916214059,
	12.507343278686905,
	-0.13857109526572012,
	9.9843695780195716e-6,
	1.5056327351493116e-7,
}

// lanczosSeries is A_g(z) for z >= 0.
func lanczosSeries(z float64) float64 {
	sum := lanczosCoef[0]
	for k := len(lanczosCoef) - 1; k >= 1; k-- {
		sum += lanczosCoef[k] / (z + float64(k))
	}
	return sum
}

// sinPi is sin(πx), exact at the integers and half-integers where
// computing π·x first would lose the zero.
func sinPi(x float64) float64 {
	// Reduce to [0, 2) first: sin(π·x) has period 2.
	r := math.Mod(math.Abs(x), 2)
	var s float64
	switch {
	case r == 0 || r == 1:
		s = 0
	case r == 0.5:
		s = 1
	case r == 1.5:
		s = -1
	case r < 0.5:
		s = math.Sin(math.Pi * r)
	case r < 1.5:
		s = -math.Sin(math.Pi * (r - 1))
	default:
		s = math.Sin(math.Pi * (r - 2))
	}
	if x < 0 {
		s = -s
	}
	return s
}

// stirlingCorrection is log Γ(x) - [(x-½)·log x - x + ½·log 2π], the tail
// of Stirling's asymptotic series Σ B₂ₖ / (2k(2k-1)·x^(2k-1)); for x >= 10
// its terms up to x⁻¹³ leave an error far below a float64's precision.
func stirlingCorrection(x float64) float64 {
	inv := 1 / x
	inv2 := inv * inv
	// B₂/2, B₄/12, B₆/30, B₈/56, B₁₀/90, B₁₂/132, B₁₄/182.
	return inv * (1.0/12 + inv2*(-1.0/360+inv2*(1.0/1260+inv2*(-1.0/1680+
		inv2*(1.0/1188+inv2*(-691.0/360360+inv2*(1.0/156)))))))
}

// stirlingFrom is where Stirling's series replaces the Lanczos sum.
const stirlingFrom = 10

// gammaPositive is Γ(x) for x >= 0.5 and not too large to overflow the
// power in the formula. The power is split in two halves so that it stays
// finite up to the point where Γ itself overflows.
func gammaPositive(x float64) float64 {
	if x >= stirlingFrom {
		half := Pow(x, (x-0.5)/2)
		return math.Sqrt(2*math.Pi) * half * (half * Exp(-x)) * Exp(stirlingCorrection(x))
	}
	z := x - 1
	t, lost := twoSum(z, lanczosG+0.5)
	half := Pow(t, (z+0.5)/2)
	r := math.Sqrt(2*math.Pi) * half * (half * Exp(-t)) * lanczosSeries(z)
	// t is z+g+½ rounded; the exponent z+½ magnifies that rounding for
	// large z. To first order, t^(z+½)·e^-t grows by the factor
	// 1 + lost·((z+½)/t - 1) when t grows by lost.
	return r + r*lost*((z+0.5)/t-1)
}

// twoSum returns a+b rounded and the part of the exact sum the rounding
// lost (Knuth's error-free transformation).
func twoSum(a, b float64) (s, lost float64) {
	s = a + b
	bb := s - a
	lost = (a - (s - bb)) + (b - bb)
	return s, lost
}

// Gamma is Γ(x). domain reports a pole or an argument without a value
// (zero, a negative integer, -inf); overflow a result too large for a
// float64.
func Gamma(x float64) (r float64, domain, overflow bool) {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x, false, false
	case math.IsInf(x, -1):
		return math.NaN(), true, false
	case x == 0:
		return math.Copysign(math.Inf(1), x), true, false
	}
	if x == math.Trunc(x) {
		if x < 0 {
			return math.NaN(), true, false
		}
		// Γ(n) = (n-1)! is exact in a float64 up to 22!.
		if x <= 23 {
			f := 1.0
			for i := 2.0; i < x; i++ {
				f *= i
			}
			return f, false, false
		}
	}
	if math.Abs(x) < 1e-20 {
		// Γ(x) ≈ 1/x near the pole at zero.
		r = 1 / x
		return r, false, math.IsInf(r, 0)
	}
	if x > 172 {
		return math.Inf(1), false, true
	}
	if x < 0.5 {
		// Reflection; for large negative x, Γ(1-x) overflows and the
		// quotient underflows to a signed zero, as it should.
		s := sinPi(x)
		if x < -190 {
			return 0 * s, false, false
		}
		g := gammaPositive(1 - x)
		r = math.Pi / (s * g)
		return r, false, math.IsInf(r, 0)
	}
	r = gammaPositive(x)
	return r, false, math.IsInf(r, 0)
}

// Lgamma is log|Γ(x)|, with the flags of Gamma.
func Lgamma(x float64) (r float64, domain, overflow bool) {
	switch {
	case math.IsNaN(x):
		return x, false, false
	case math.IsInf(x, 0):
		return math.Inf(1), false, false
	}
	if x == math.Trunc(x) && x <= 2 {
		if x <= 0 {
			return math.Inf(1), true, false
		}
		return 0, false, false // Γ(1) = Γ(2) = 1
	}
	ax := math.Abs(x)
	if ax < 1e-20 {
		return -Log(ax), false, false
	}
	if x < 0.5 {
		// log|Γ(x)| = log(π/|sin(πx)|) - log|Γ(1-x)|
		l, _, _ := Lgamma(1 - x)
		r = Log(math.Pi/math.Abs(sinPi(x))) - l
		return r, false, math.IsInf(r, 0)
	}
	if x >= stirlingFrom {
		r = (x-0.5)*Log(x) - x + 0.5*Log(2*math.Pi) + stirlingCorrection(x)
		return r, false, math.IsInf(r, 0)
	}
	z := x - 1
	t := z + lanczosG + 0.5
	r = 0.5*Log(2*math.Pi) + (z+0.5)*Log(t) - t + Log(lanczosSeries(z))
	return r, false, math.IsInf(r, 0)
}
