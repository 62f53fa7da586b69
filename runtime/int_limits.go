package runtime

// This file bounds the int operations whose cost grows with the size of
// their operands: CPython's limit on decimal digits in int↔str
// conversions (sys.set_int_max_str_digits), and the memory and work of
// big-int arithmetic, checked before the result is computed. A huge
// operation (math/big cannot be interrupted) runs on a goroutine the
// interpreter stops waiting for when the script is stopped.

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/aio-lang/aio/internal/pyfmt"
)

const (
	// wordBits is the size of a math/big word.
	wordBits = bits.UintSize
	// karatsubaWords is about where math/big leaves schoolbook
	// multiplication for Karatsuba's.
	karatsubaWords = 40
	// wordOpsPerUnit is how many word multiplications cost one unit.
	wordOpsPerUnit = 16
	// abandonUnits is the work above which one math/big call runs on an
	// abandonable goroutine (about half a millisecond).
	abandonUnits = 32 << 10
	// digitsPerWord is about how many decimal digits a 64-bit word holds.
	digitsPerWord = 19
)

// intDigitsLimit returns sys.get_int_max_str_digits() for th (0: none).
func (th *Thread) intDigitsLimit() int {
	if th == nil {
		return pyfmt.MaxStrDigits
	}
	return th.intMaxStrDigits
}

// words returns the number of math/big words of x.
func words(x *big.Int) int64 { return int64(x.BitLen()+wordBits-1) / wordBits }

// mulWork estimates the units of work of multiplying numbers of a and b
// words with math/big (schoolbook for short operands, Karatsuba beyond).
func mulWork(a, b int64) int64 {
	lo, hi := min(a, b), max(a, b)
	if lo <= 0 {
		return 0
	}
	var ops float64
	if lo < karatsubaWords {
		ops = float64(lo) * float64(hi)
	} else {
		ops = float64(hi) / float64(lo) * math.Pow(float64(lo), math.Log2(3))
	}
	u := ops / wordOpsPerUnit
	if u > math.MaxInt64/2 {
		return math.MaxInt64 / 2
	}
	return int64(u)
}

// bigCompute charges a big-int operation of the given work whose result
// takes resultBits, then runs f, abandonably when it is long. Small
// operations cost nothing beyond their instruction.
func (th *Thread) bigCompute(resultBits, work int64, f func()) error {
	if resultBits > 1<<16 {
		if err := th.Alloc(resultBits / 8); err != nil {
			return err
		}
	}
	if work < workBatch/4 {
		f()
		return nil
	}
	if err := th.Work(work); err != nil {
		return err
	}
	if work < abandonUnits {
		f()
		return nil
	}
	return th.abandonable(f)
}

// bigDecimal returns str(x), failing as CPython does past th's digit
// limit; a long conversion is charged and interruptible.
func bigDecimal(th *Thread, x *big.Int) (string, error) {
	limit := th.intDigitsLimit()
	if pyfmt.TooManyDigits(x, limit) {
		return "", pyErr(mustErr(pyfmt.IntStrDigits(x, limit)))
	}
	n := words(x)
	var s string
	var err error
	// Conversion divides recursively: about a multiplication's work times
	// the depth of the recursion.
	work := mulWork(n, n) * int64(bits.Len64(uint64(n))+1)
	if err := th.bigCompute(n*wordBits*2, work, func() { s, err = pyfmt.IntStrDigits(x, limit) }); err != nil {
		return "", err
	}
	if err != nil {
		return "", pyErr(err)
	}
	return s, nil
}

// mustErr returns the error of a conversion known to fail.
func mustErr(_ string, err error) error { return err }

// parseIntCharged is int(s, base) under th's digit limit; a long
// conversion (with the limit raised) is charged and interruptible.
func parseIntCharged(th *Thread, s string, base int) (Value, error) {
	limit := th.intDigitsLimit()
	var n *big.Int
	var err error
	// Parsing multiplies the number built so far by a word per word of
	// digits: quadratic in the length.
	w := int64(len(s)/digitsPerWord + 1)
	if err := th.bigCompute(int64(len(s))*4, mulWork(w, w), func() { n, err = pyfmt.ParseIntDigits(s, base, limit) }); err != nil {
		return Value{}, err
	}
	if err != nil {
		return Value{}, pyErr(err)
	}
	return BigInt(n), nil
}
