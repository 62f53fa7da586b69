package libm

// This file computes, once and on first use, the constants of the
// exponential and logarithm code to about 190 bits with math/big, from
// series that converge fast on small rationals:
//
//	ln 2  = 2·atanh(1/3)            atanh(t) = t + t³/3 + t⁵/5 + …
//	ln 10 = 3·ln 2 + 2·atanh(1/9)   (10 = 2³·(1+1/9)/(1-1/9))
//
// and the table of 2**(j/256), by repeated square roots of 2. Each value
// is then split into float64 parts.

import (
	"math/big"
	"sync"
)

const bigPrec = 200

// expSteps is the number of table entries per power of two in exp.
const (
	expStepBits = 8
	expSteps    = 1 << expStepBits
)

type libmConstants struct {
	ln2     [3]float64 // ln 2 as three float64s
	ln2Over [3]float64 // ln 2 / expSteps
	invLn2  dd         // 1 / ln 2
	invLn10 dd         // 1 / ln 10
	// twoPow[j] is 2**(j/expSteps).
	twoPow [expSteps]dd
	// invOdd[n] is 1/(2n+1).
	invOdd [4]dd
}

var (
	constOnce sync.Once
	constVals libmConstants
)

// consts returns the constants, computing them on the first call.
func consts() *libmConstants {
	constOnce.Do(func() { computeConstants(&constVals) })
	return &constVals
}

func newBig() *big.Float { return new(big.Float).SetPrec(bigPrec) }

// bigAtanhInv is atanh(1/q) = Σ t^(2n+1)/(2n+1) for t = 1/q.
func bigAtanhInv(q int64) *big.Float {
	sum := newBig()
	power := newBig().Quo(newBig().SetInt64(1), newBig().SetInt64(q)) // t^(2n+1)
	q2 := newBig().SetInt64(q * q)
	eps := newBig().SetMantExp(newBig().SetInt64(1), -bigPrec-8)
	for n := int64(0); ; n++ {
		term := newBig().Quo(power, newBig().SetInt64(2*n+1))
		sum.Add(sum, term)
		if term.Cmp(eps) < 0 {
			return sum
		}
		power.Quo(power, q2)
	}
}

// split3 returns three float64s whose sum is b to about 160 bits.
func split3(b *big.Float) [3]float64 {
	var out [3]float64
	rest := newBig().Set(b)
	for i := range out {
		out[i], _ = rest.Float64()
		rest.Sub(rest, newBig().SetFloat64(out[i]))
	}
	return out
}

func toDD(b *big.Float) dd {
	p := split3(b)
	return ddQuickSum(p[0], p[1])
}

func computeConstants(c *libmConstants) {
	one := newBig().SetInt64(1)
	ln2 := newBig().Mul(newBig().SetInt64(2), bigAtanhInv(3))
	ln10 := newBig().Mul(newBig().SetInt64(3), ln2)
	ln10.Add(ln10, newBig().Mul(newBig().SetInt64(2), bigAtanhInv(9)))

	c.ln2 = split3(ln2)
	c.ln2Over = split3(newBig().Quo(ln2, newBig().SetInt64(expSteps)))
	c.invLn2 = toDD(newBig().Quo(one, ln2))
	c.invLn10 = toDD(newBig().Quo(one, ln10))

	root := newBig().SetInt64(2) // becomes 2**(1/expSteps)
	for s := expSteps; s > 1; s /= 2 {
		root.Sqrt(root)
	}
	p := newBig().Set(one)
	for j := range c.twoPow {
		c.twoPow[j] = toDD(p)
		p.Mul(p, root)
	}
	for n := range c.invOdd {
		c.invOdd[n] = toDD(newBig().Quo(one, newBig().SetInt64(int64(2*n+1))))
	}
}
