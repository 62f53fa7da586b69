package random

// This file defines the real-valued distributions of the random module
// (uniform, triangular, gauss, normalvariate, expovariate, ...), ported
// from CPython 3.11's random.py so that they draw the same numbers.

import (
	"math"

	"github.com/aio-lang/aio/internal/libm"
	"github.com/aio-lang/aio/runtime"
)

func randomUniform(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var a [2]runtime.Value
	if err := (&runtime.PyParams{Name: "Random.uniform", Method: true, Params: []string{"a", "b"}, Required: 2}).Bind(args, kw, a[:]); err != nil {
		return runtime.Value{}, err
	}
	// a + (b - a) * random(), with Python's arithmetic.
	d, err := runtime.Binary(th, runtime.OpSub, a[1], a[0])
	if err != nil {
		return runtime.Value{}, err
	}
	src := draws(th, self)
	d, err = runtime.Binary(th, runtime.OpMul, d, runtime.Float(src.next()))
	if err != nil || src.err != nil {
		return src.result(runtime.Value{}, err)
	}
	return runtime.Binary(th, runtime.OpAdd, a[0], d)
}

func randomTriangular(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var a [3]runtime.Value
	if err := (&runtime.PyParams{Name: "Random.triangular", Method: true, Params: []string{"low", "high", "mode"}, Required: 0}).Bind(args, kw, a[:]); err != nil {
		return runtime.Value{}, err
	}
	low, high := 0.0, 1.0
	var err error
	if a[0].IsValid() {
		if low, err = runtime.AsDouble(th, a[0]); err != nil {
			return runtime.Value{}, err
		}
	}
	if a[1].IsValid() {
		if high, err = runtime.AsDouble(th, a[1]); err != nil {
			return runtime.Value{}, err
		}
	}
	src := draws(th, self)
	u := src.next()
	if src.err != nil {
		return runtime.Value{}, src.err
	}
	c := 0.5
	if a[2].IsValid() && !a[2].IsNone() {
		mode, err := runtime.AsDouble(th, a[2])
		if err != nil {
			return runtime.Value{}, err
		}
		if high-low == 0 {
			// CPython catches the ZeroDivisionError and returns low as is.
			if a[0].IsValid() {
				return a[0], nil
			}
			return runtime.Float(low), nil
		}
		c = (mode - low) / (high - low)
	}
	if u > c {
		u = 1.0 - u
		c = 1.0 - c
		low, high = high, low
	}
	return runtime.Float(low + (high-low)*math.Sqrt(u*c)), nil
}

// randNVMagic is random.NV_MAGICCONST, 4 * exp(-0.5) / sqrt(2.0).
var randNVMagic = 4 * libm.Exp(-0.5) / math.Sqrt(2.0)

func randNormal(src *drawing, mu, sigma float64) float64 {
	var z float64
	for src.err == nil {
		u1 := src.next()
		u2 := 1.0 - src.next()
		z = randNVMagic * (u1 - 0.5) / u2
		zz := z * z / 4.0
		if zz <= -libm.Log(u2) {
			break
		}
	}
	return mu + z*sigma
}

func randomNormalVariate(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p, err := randFloatArgs(th, "Random.normalvariate", args, kw, []string{"mu", "sigma"}, []float64{0, 1})
	if err != nil {
		return runtime.Value{}, err
	}
	src := draws(th, self)
	return src.result(runtime.Float(randNormal(src, p[0], p[1])), nil)
}

func randomGauss(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p, err := randFloatArgs(th, "Random.gauss", args, kw, []string{"mu", "sigma"}, []float64{0, 1})
	if err != nil {
		return runtime.Value{}, err
	}
	src := draws(th, self)
	r := src.r
	z := r.gaussNext
	if !r.hasGauss {
		x2pi := src.next() * (2 * math.Pi)
		g2rad := math.Sqrt(-2.0 * libm.Log(1.0-src.next()))
		if src.err != nil {
			return runtime.Value{}, src.err
		}
		z = libm.Cos(x2pi) * g2rad
		r.gaussNext = libm.Sin(x2pi) * g2rad
		r.hasGauss = true
	} else {
		r.hasGauss = false
	}
	return runtime.Float(p[0] + z*p[1]), nil
}

func randomLogNormVariate(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p, err := randFloatArgs(th, "Random.lognormvariate", args, kw, []string{"mu", "sigma"}, []float64{math.NaN(), math.NaN()})
	if err != nil {
		return runtime.Value{}, err
	}
	src := draws(th, self)
	r := libm.Exp(randNormal(src, p[0], p[1]))
	if src.err != nil {
		return runtime.Value{}, src.err
	}
	if math.IsInf(r, 0) {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "math range error")
	}
	return runtime.Float(r), nil
}

func randomExpoVariate(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p, err := randFloatArgs(th, "Random.expovariate", args, kw, []string{"lambd"}, []float64{math.NaN()})
	if err != nil {
		return runtime.Value{}, err
	}
	src := draws(th, self)
	u := src.next()
	if src.err != nil {
		return runtime.Value{}, src.err
	}
	if p[0] == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ZeroDivisionError, "float division by zero")
	}
	return runtime.Float(-libm.Log(1.0-u) / p[0]), nil
}

func randomVonMisesVariate(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p, err := randFloatArgs(th, "Random.vonmisesvariate", args, kw, []string{"mu", "kappa"}, []float64{math.NaN(), math.NaN()})
	if err != nil {
		return runtime.Value{}, err
	}
	mu, kappa := p[0], p[1]
	src := draws(th, self)
	const twoPi = 2 * math.Pi
	if kappa <= 1e-6 {
		return src.result(runtime.Float(twoPi*src.next()), nil)
	}
	s := 0.5 / kappa
	rr := s + math.Sqrt(1.0+s*s)
	var z float64
	for src.err == nil {
		u1 := src.next()
		z = libm.Cos(math.Pi * u1)
		d := z / (rr + z)
		u2 := src.next()
		if u2 < 1.0-d*d || u2 <= (1.0-d)*libm.Exp(d) {
			break
		}
	}
	q := 1.0 / rr
	f := (q + z) / (1.0 + q*z)
	var theta runtime.Value
	if src.next() > 0.5 {
		theta, err = runtime.FloatBinary(runtime.OpMod, mu+libm.Acos(f), twoPi)
	} else {
		theta, err = runtime.FloatBinary(runtime.OpMod, mu-libm.Acos(f), twoPi)
	}
	return src.result(theta, err)
}

// randGamma is Random.gammavariate(alpha, beta).
func randGamma(src *drawing, alpha, beta float64) (float64, error) {
	if alpha <= 0 || beta <= 0 {
		return 0, runtime.Errorf(runtime.ValueError, "gammavariate: alpha and beta must be > 0.0")
	}
	random := src.next
	switch {
	case alpha > 1.0:
		// R.C.H. Cheng, "The generation of Gamma variables with
		// non-integral shape parameters", Applied Statistics (1977).
		log4 := libm.Log(4.0)
		sgMagic := 1.0 + libm.Log(4.5)
		ainv := math.Sqrt(2.0*alpha - 1.0)
		bbb := alpha - log4
		ccc := alpha + ainv
		for {
			u1 := random()
			if src.err != nil {
				return 0, src.err
			}
			if !(1e-7 < u1 && u1 < 0.9999999) {
				continue
			}
			u2 := 1.0 - random()
			v := libm.Log(u1/(1.0-u1)) / ainv
			x := alpha * libm.Exp(v)
			z := u1 * u1 * u2
			rr := bbb + ccc*v - x
			if rr+sgMagic-4.5*z >= 0.0 || rr >= libm.Log(z) {
				return x * beta, nil
			}
		}
	case alpha == 1.0:
		x := -libm.Log(1.0-random()) * beta
		return x, src.err
	}
	// 0 < alpha < 1: algorithm GS of Kennedy & Gentle.
	var x float64
	for {
		u := random()
		if src.err != nil {
			return 0, src.err
		}
		b := (math.E + alpha) / math.E
		p := b * u
		if p <= 1.0 {
			x = libm.Pow(p, 1.0/alpha)
		} else {
			x = -libm.Log((b - p) / alpha)
		}
		u1 := random()
		if p > 1.0 {
			if u1 <= libm.Pow(x, alpha-1.0) {
				break
			}
		} else if u1 <= libm.Exp(-x) {
			break
		}
	}
	return x * beta, nil
}

func randomGammaVariate(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p, err := randFloatArgs(th, "Random.gammavariate", args, kw, []string{"alpha", "beta"}, []float64{math.NaN(), math.NaN()})
	if err != nil {
		return runtime.Value{}, err
	}
	src := draws(th, self)
	x, err := randGamma(src, p[0], p[1])
	return src.result(runtime.Float(x), err)
}

func randomBetaVariate(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p, err := randFloatArgs(th, "Random.betavariate", args, kw, []string{"alpha", "beta"}, []float64{math.NaN(), math.NaN()})
	if err != nil {
		return runtime.Value{}, err
	}
	src := draws(th, self)
	y, err := randGamma(src, p[0], 1.0)
	if err != nil {
		return runtime.Value{}, err
	}
	if y == 0 {
		return runtime.Float(0), nil
	}
	z, err := randGamma(src, p[1], 1.0)
	if err != nil {
		return runtime.Value{}, err
	}
	return src.result(runtime.Float(y/(y+z)), nil)
}

func randomParetoVariate(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p, err := randFloatArgs(th, "Random.paretovariate", args, kw, []string{"alpha"}, []float64{math.NaN()})
	if err != nil {
		return runtime.Value{}, err
	}
	src := draws(th, self)
	u := 1.0 - src.next()
	if src.err != nil {
		return runtime.Value{}, src.err
	}
	if p[0] == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ZeroDivisionError, "float division by zero")
	}
	return randPow(u, -1.0/p[0])
}

func randomWeibullVariate(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	p, err := randFloatArgs(th, "Random.weibullvariate", args, kw, []string{"alpha", "beta"}, []float64{math.NaN(), math.NaN()})
	if err != nil {
		return runtime.Value{}, err
	}
	src := draws(th, self)
	u := 1.0 - src.next()
	if src.err != nil {
		return runtime.Value{}, src.err
	}
	if p[1] == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ZeroDivisionError, "float division by zero")
	}
	x, err := randPow(-libm.Log(u), 1.0/p[1])
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Float(p[0] * x.FloatVal()), nil
}

// randPow is x ** y for floats with Python's errors.
func randPow(x, y float64) (runtime.Value, error) {
	if x == 0 && y < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ZeroDivisionError, "0.0 cannot be raised to a negative power")
	}
	r := libm.Pow(x, y)
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		return runtime.Value{}, runtime.NewException(runtime.OverflowError, runtime.Int(34), runtime.Str("Numerical result out of range"))
	}
	return runtime.Float(r), nil
}
