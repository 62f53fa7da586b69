package runtime

// This file defines math.gamma and math.lgamma, ported from CPython 3.11's
// mathmodule.c (a Lanczos approximation built on the C library's exp,
// pow, log and sin, which are the ports of mod_math_libm.go).

import "math"

// mathErrno reports the outcome of a function that flags errors as C's
// errno does: domain errors are ValueError, range errors OverflowError
// unless the result is a tiny underflow.
func mathErrno(r float64, domain, rangeErr bool) (Value, error) {
	if domain {
		return Value{}, errMathDomain()
	}
	if rangeErr && math.Abs(r) >= 1.5 {
		return Value{}, errMathRange()
	}
	return Float(r), nil
}

func mathGamma(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, err := mathOneDouble(th, "math.gamma", args, kw)
	if err != nil {
		return Value{}, err
	}
	return mathErrno(mTgamma(x))
}

func mathLgamma(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	x, err := mathOneDouble(th, "math.lgamma", args, kw)
	if err != nil {
		return Value{}, err
	}
	return mathErrno(mLgamma(x))
}

// Lanczos approximation with N=13 and g=6.024680040776729583740234375,
// the parameters CPython's math module uses (taken from Boost).
const (
	mLanczosG          = 6.024680040776729583740234375
	mLanczosGMinusHalf = 5.524680040776729583740234375
	mLogPi             = 1.144729885849400174143427351353058711647
)

var mLanczosNum = [13]float64{
	23531376880.410759688572007674451636754734846804940,
	42919803642.649098768957899047001988850926355848959,
	35711959237.355668049440185451547166705960488635843,
	17921034426.037209699919755754458931112671403265390,
	6039542586.3520280050642916443072979210699388420708,
	1439720407.3117216736632230727949123939715485786772,
	248874557.86205415651146038641322942321632125127801,
	31426415.585400194380614231628318205362874684987640,
	2876370.6289353724412254090516208496135991145378768,
	186056.26539522349504029498971604569928220784236328,
	8071.6720023658162106380029022722506138218516325024,
	210.82427775157934587250973392071336271166969580291,
	2.5066282746310002701649081771338373386264310793408,
}

// mLanczosDen is x*(x+1)*...*(x+11) expanded.
var mLanczosDen = [13]float64{
	0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
	13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
}

// mLanczosSum evaluates the Lanczos rational function for x > 0, in 1/x
// for large x to avoid overflow.
func mLanczosSum(x float64) float64 {
	num, den := 0.0, 0.0
	if x < 5.0 {
		for i := 12; i >= 0; i-- {
			num = num*x + mLanczosNum[i]
			den = den*x + mLanczosDen[i]
		}
	} else {
		for i := 0; i < 13; i++ {
			num = num/x + mLanczosNum[i]
			den = den/x + mLanczosDen[i]
		}
	}
	return num / den
}

// mSinPi is sin(pi*x), accurate for x near integers (finite x only).
func mSinPi(x float64) float64 {
	y := math.Mod(math.Abs(x), 2.0)
	var r float64
	switch int(math.Round(2.0 * y)) {
	case 0:
		r = mSin(math.Pi * y)
	case 1:
		r = mCos(math.Pi * (y - 0.5))
	case 2:
		r = mSin(math.Pi * (1.0 - y))
	case 3:
		r = -mCos(math.Pi * (y - 1.5))
	default:
		r = mSin(math.Pi * (y - 2.0))
	}
	return math.Copysign(1.0, x) * r
}

// mTgamma is CPython's m_tgamma; it reports errno-style errors.
func mTgamma(x float64) (r float64, domain, rangeErr bool) {
	if math.IsNaN(x) || math.IsInf(x, 1) {
		return x, false, false
	}
	if math.IsInf(x, -1) {
		return math.NaN(), true, false
	}
	if x == 0 {
		return math.Copysign(math.Inf(1), x), true, false
	}
	if x == math.Floor(x) {
		if x < 0 {
			return math.NaN(), true, false
		}
		if x <= 23 {
			f := 1.0
			for i := 2.0; i < x; i++ {
				f *= i
			}
			return f, false, false
		}
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		r = 1.0 / x
		return r, false, math.IsInf(r, 0)
	}
	if absx > 200.0 {
		if x < 0 {
			return 0.0 / mSinPi(x), false, false
		}
		return math.Inf(1), false, true
	}
	y := absx + mLanczosGMinusHalf
	var z float64
	if absx > mLanczosGMinusHalf {
		q := y - absx
		z = q - mLanczosGMinusHalf
	} else {
		q := y - mLanczosGMinusHalf
		z = q - absx
	}
	z = z * mLanczosG / y
	if x < 0 {
		r = -math.Pi / mSinPi(absx) / absx * mExp(y) / mLanczosSum(absx)
		r -= z * r
		if absx < 140.0 {
			r /= mPow(y, absx-0.5)
		} else {
			sqrtpow := mPow(y, absx/2.0-0.25)
			r /= sqrtpow
			r /= sqrtpow
		}
	} else {
		r = mLanczosSum(absx) / mExp(y)
		r += z * r
		if absx < 140.0 {
			r *= mPow(y, absx-0.5)
		} else {
			sqrtpow := mPow(y, absx/2.0-0.25)
			r *= sqrtpow
			r *= sqrtpow
		}
	}
	return r, false, math.IsInf(r, 0)
}

// mLgamma is CPython's m_lgamma.
func mLgamma(x float64) (r float64, domain, rangeErr bool) {
	if math.IsNaN(x) {
		return x, false, false
	}
	if math.IsInf(x, 0) {
		return math.Inf(1), false, false
	}
	if x == math.Floor(x) && x <= 2.0 {
		if x <= 0 {
			return math.Inf(1), true, false
		}
		return 0, false, false
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		return -mLog(absx), false, false
	}
	r = mLog(mLanczosSum(absx)) - mLanczosG
	r += (absx - 0.5) * (mLog(absx+mLanczosG-0.5) - 1)
	if x < 0 {
		r = mLogPi - mLog(math.Abs(mSinPi(absx))) - mLog(absx) - r
	}
	return r, false, math.IsInf(r, 0)
}
