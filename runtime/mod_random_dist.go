package runtime

// This file defines the real-valued distributions of the random module
// (uniform, triangular, gauss, normalvariate, expovariate, ...), ported
// from CPython 3.11's random.py so that they draw the same numbers.

import "math"

func randomUniform(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	var a [2]Value
	if err := bindPyArgs("Random.uniform", args, kw, []string{"a", "b"}, 2, nil, a[:]); err != nil {
		return Value{}, err
	}
	// a + (b - a) * random(), with Python's arithmetic.
	d, err := Binary(th, OpSub, a[1], a[0])
	if err != nil {
		return Value{}, err
	}
	d, err = Binary(th, OpMul, d, Float(randSelf(self).R.Random()))
	if err != nil {
		return Value{}, err
	}
	return Binary(th, OpAdd, a[0], d)
}

func randomTriangular(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	var a [3]Value
	if err := bindPyArgs("Random.triangular", args, kw, []string{"low", "high", "mode"}, 0, nil, a[:]); err != nil {
		return Value{}, err
	}
	low, high := 0.0, 1.0
	var err error
	if a[0].IsValid() {
		if low, err = mathToDouble(th, a[0]); err != nil {
			return Value{}, err
		}
	}
	if a[1].IsValid() {
		if high, err = mathToDouble(th, a[1]); err != nil {
			return Value{}, err
		}
	}
	u := randSelf(self).R.Random()
	c := 0.5
	if a[2].IsValid() && !a[2].IsNone() {
		mode, err := mathToDouble(th, a[2])
		if err != nil {
			return Value{}, err
		}
		if high-low == 0 {
			// CPython catches the ZeroDivisionError and returns low as is.
			if a[0].IsValid() {
				return a[0], nil
			}
			return Float(low), nil
		}
		c = (mode - low) / (high - low)
	}
	if u > c {
		u = 1.0 - u
		c = 1.0 - c
		low, high = high, low
	}
	return Float(low + (high-low)*math.Sqrt(u*c)), nil
}

// randNVMagic is random.NV_MAGICCONST, 4 * exp(-0.5) / sqrt(2.0).
var randNVMagic = 4 * mExp(-0.5) / math.Sqrt(2.0)

func randNormal(r *RandomObj, mu, sigma float64) float64 {
	var z float64
	for {
		u1 := r.R.Random()
		u2 := 1.0 - r.R.Random()
		z = randNVMagic * (u1 - 0.5) / u2
		zz := z * z / 4.0
		if zz <= -mLog(u2) {
			break
		}
	}
	return mu + z*sigma
}

func randomNormalVariate(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	p, err := randFloatArgs(th, "Random.normalvariate", args, kw, []string{"mu", "sigma"}, []float64{0, 1})
	if err != nil {
		return Value{}, err
	}
	return Float(randNormal(randSelf(self), p[0], p[1])), nil
}

func randomGauss(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	p, err := randFloatArgs(th, "Random.gauss", args, kw, []string{"mu", "sigma"}, []float64{0, 1})
	if err != nil {
		return Value{}, err
	}
	r := randSelf(self)
	z := r.gaussNext
	if !r.hasGauss {
		x2pi := r.R.Random() * (2 * math.Pi)
		g2rad := math.Sqrt(-2.0 * mLog(1.0-r.R.Random()))
		z = mCos(x2pi) * g2rad
		r.gaussNext = mSin(x2pi) * g2rad
		r.hasGauss = true
	} else {
		r.hasGauss = false
	}
	return Float(p[0] + z*p[1]), nil
}

func randomLogNormVariate(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	p, err := randFloatArgs(th, "Random.lognormvariate", args, kw, []string{"mu", "sigma"}, []float64{math.NaN(), math.NaN()})
	if err != nil {
		return Value{}, err
	}
	r, err := mathCheck1(0, mExp(randNormal(randSelf(self), p[0], p[1])), true)
	return Float(r), err
}

func randomExpoVariate(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	p, err := randFloatArgs(th, "Random.expovariate", args, kw, []string{"lambd"}, []float64{math.NaN()})
	if err != nil {
		return Value{}, err
	}
	u := randSelf(self).R.Random()
	if p[0] == 0 {
		return Value{}, Errorf(ZeroDivisionError, "float division by zero")
	}
	return Float(-mLog(1.0-u) / p[0]), nil
}

func randomVonMisesVariate(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	p, err := randFloatArgs(th, "Random.vonmisesvariate", args, kw, []string{"mu", "kappa"}, []float64{math.NaN(), math.NaN()})
	if err != nil {
		return Value{}, err
	}
	mu, kappa := p[0], p[1]
	r := randSelf(self).R
	const twoPi = 2 * math.Pi
	if kappa <= 1e-6 {
		return Float(twoPi * r.Random()), nil
	}
	s := 0.5 / kappa
	rr := s + math.Sqrt(1.0+s*s)
	var z float64
	for {
		u1 := r.Random()
		z = mCos(math.Pi * u1)
		d := z / (rr + z)
		u2 := r.Random()
		if u2 < 1.0-d*d || u2 <= (1.0-d)*mExp(d) {
			break
		}
	}
	q := 1.0 / rr
	f := (q + z) / (1.0 + q*z)
	var theta Value
	if r.Random() > 0.5 {
		theta, err = floatBinary(OpMod, mu+mAcos(f), twoPi)
	} else {
		theta, err = floatBinary(OpMod, mu-mAcos(f), twoPi)
	}
	return theta, err
}

// randGamma is Random.gammavariate(alpha, beta).
func randGamma(r *RandomObj, alpha, beta float64) (float64, error) {
	if alpha <= 0 || beta <= 0 {
		return 0, Errorf(ValueError, "gammavariate: alpha and beta must be > 0.0")
	}
	random := r.R.Random
	switch {
	case alpha > 1.0:
		// R.C.H. Cheng, "The generation of Gamma variables with
		// non-integral shape parameters", Applied Statistics (1977).
		log4 := mLog(4.0)
		sgMagic := 1.0 + mLog(4.5)
		ainv := math.Sqrt(2.0*alpha - 1.0)
		bbb := alpha - log4
		ccc := alpha + ainv
		for {
			u1 := random()
			if !(1e-7 < u1 && u1 < 0.9999999) {
				continue
			}
			u2 := 1.0 - random()
			v := mLog(u1/(1.0-u1)) / ainv
			x := alpha * mExp(v)
			z := u1 * u1 * u2
			rr := bbb + ccc*v - x
			if rr+sgMagic-4.5*z >= 0.0 || rr >= mLog(z) {
				return x * beta, nil
			}
		}
	case alpha == 1.0:
		return -mLog(1.0-random()) * beta, nil
	}
	// 0 < alpha < 1: algorithm GS of Kennedy & Gentle.
	var x float64
	for {
		u := random()
		b := (math.E + alpha) / math.E
		p := b * u
		if p <= 1.0 {
			x = mPow(p, 1.0/alpha)
		} else {
			x = -mLog((b - p) / alpha)
		}
		u1 := random()
		if p > 1.0 {
			if u1 <= mPow(x, alpha-1.0) {
				break
			}
		} else if u1 <= mExp(-x) {
			break
		}
	}
	return x * beta, nil
}

func randomGammaVariate(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	p, err := randFloatArgs(th, "Random.gammavariate", args, kw, []string{"alpha", "beta"}, []float64{math.NaN(), math.NaN()})
	if err != nil {
		return Value{}, err
	}
	x, err := randGamma(randSelf(self), p[0], p[1])
	return Float(x), err
}

func randomBetaVariate(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	p, err := randFloatArgs(th, "Random.betavariate", args, kw, []string{"alpha", "beta"}, []float64{math.NaN(), math.NaN()})
	if err != nil {
		return Value{}, err
	}
	y, err := randGamma(randSelf(self), p[0], 1.0)
	if err != nil || y == 0 {
		return Float(0), err
	}
	z, err := randGamma(randSelf(self), p[1], 1.0)
	return Float(y / (y + z)), err
}

func randomParetoVariate(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	p, err := randFloatArgs(th, "Random.paretovariate", args, kw, []string{"alpha"}, []float64{math.NaN()})
	if err != nil {
		return Value{}, err
	}
	u := 1.0 - randSelf(self).R.Random()
	if p[0] == 0 {
		return Value{}, Errorf(ZeroDivisionError, "float division by zero")
	}
	return randPow(u, -1.0/p[0])
}

func randomWeibullVariate(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	p, err := randFloatArgs(th, "Random.weibullvariate", args, kw, []string{"alpha", "beta"}, []float64{math.NaN(), math.NaN()})
	if err != nil {
		return Value{}, err
	}
	u := 1.0 - randSelf(self).R.Random()
	if p[1] == 0 {
		return Value{}, Errorf(ZeroDivisionError, "float division by zero")
	}
	x, err := randPow(-mLog(u), 1.0/p[1])
	if err != nil {
		return Value{}, err
	}
	return Float(p[0] * x.FloatVal()), nil
}

// randPow is x ** y for floats with Python's errors.
func randPow(x, y float64) (Value, error) {
	if x == 0 && y < 0 {
		return Value{}, Errorf(ZeroDivisionError, "0.0 cannot be raised to a negative power")
	}
	r := mPow(x, y)
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		return Value{}, NewException(OverflowError, Int(34), Str("Numerical result out of range"))
	}
	return Float(r), nil
}
