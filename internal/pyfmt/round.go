package pyfmt

import (
	"math"
	"math/big"
	"strconv"
)

// RoundHalfEven returns round(f) for a float: the nearest integer, ties
// to even, as a float64 (the caller converts it to int and reports
// infinities and NaN).
func RoundHalfEven(f float64) float64 {
	return math.RoundToEven(f)
}

// FormatFloatRound returns round(f, ndigits) as CPython computes it:
// f correctly rounded (half-even on its exact binary value) to ndigits
// decimal places, then converted back to the nearest float. It returns
// ±Inf where CPython raises OverflowError; use RoundFloat to get the error.
func FormatFloatRound(f float64, ndigits int) float64 {
	r, _ := RoundFloat(f, ndigits)
	return r
}

// RoundFloat is FormatFloatRound with CPython's OverflowError
// "rounded value too large to represent" for a result that overflows.
func RoundFloat(f float64, ndigits int) (float64, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return f, nil
	}
	// CPython's NDIGITS_MAX and NDIGITS_MIN: (DBL_MANT_DIG-DBL_MIN_EXP)
	// and (DBL_MAX_EXP+1) times an upper bound of log10(2), truncated.
	const ndigitsMax = 323
	const ndigitsMin = -308
	if ndigits > ndigitsMax {
		return f, nil
	}
	if ndigits < ndigitsMin {
		return math.Copysign(0, f), nil
	}
	if ndigits >= 0 {
		r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', ndigits, 64), 64)
		return r, nil
	}
	// Round |f| to a multiple of 10**-ndigits, half to even.
	x := new(big.Rat).SetFloat64(math.Abs(f))
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-ndigits)), nil)
	x.Quo(x, new(big.Rat).SetInt(p))
	q, rem := new(big.Int).QuoRem(x.Num(), x.Denom(), new(big.Int))
	c := new(big.Int).Lsh(rem, 1).Cmp(x.Denom())
	if c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	q.Mul(q, p)
	r, _ := new(big.Float).SetInt(q).Float64()
	r = math.Copysign(r, f)
	if math.IsInf(r, 0) {
		return r, overflowError("rounded value too large to represent")
	}
	return r, nil
}
