package random

// This file defines the real-valued distributions of the random module
// (uniform, triangular, gauss, normalvariate, expovariate, ...). Python
// documents the method behind each one; a seeded generator must give the
// same numbers as CPython's, so each function here consumes the same
// number of uniform draws, in the same order, and evaluates its formula
// with the same floating-point operations.

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
	// The density rises linearly from low to the mode and falls to high;
	// u is inverted through whichever side of the mode it falls on, after
	// mirroring the upper side onto the lower one.
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
	modeAt := 0.5 // the mode's position as a fraction of [low, high]
	if a[2].IsValid() && !a[2].IsNone() {
		mode, err := runtime.AsDouble(th, a[2])
		if err != nil {
			return runtime.Value{}, err
		}
		if high-low == 0 {
			// A zero-width interval has one value: low, unconverted.
			if a[0].IsValid() {
				return a[0], nil
			}
			return runtime.Float(low), nil
		}
		modeAt = (mode - low) / (high - low)
	}
	if u > modeAt {
		u = 1.0 - u
		modeAt = 1.0 - modeAt
		low, high = high, low
	}
	return runtime.Float(low + (high-low)*math.Sqrt(u*modeAt)), nil
}

// ratioScale is the width of the ratio-of-uniforms region for the
// standard normal density, 4*exp(-1/2)/sqrt(2). It is written out
// rather than computed at package initialisation, which would build
// libm's correctly rounded tables in every process that never imports
// random (TestRatioScaleIsTheFormula checks the digits).
const ratioScale = 1.7155277699214135

// randNormal draws from N(mu, sigma) by Kinderman and Monahan's
// ratio-of-uniforms method: a candidate z = scale*(u-1/2)/v is accepted
// when z*z/4 <= -ln v, which holds exactly under the normal density.
func randNormal(src *drawing, mu, sigma float64) float64 {
	var z float64
	for src.err == nil {
		u := src.next()
		v := 1.0 - src.next() // in (0, 1], so its log is finite
		z = ratioScale * (u - 0.5) / v
		if z*z/4.0 <= -libm.Log(v) {
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
	// The Box–Muller transform turns two uniform draws into two
	// independent standard normals, a point at a uniform angle and a
	// Rayleigh-distributed radius: one is returned, the other kept for
	// the next call.
	src := draws(th, self)
	gen := src.r
	if gen.hasGauss {
		gen.hasGauss = false
		return runtime.Float(p[0] + gen.gaussNext*p[1]), nil
	}
	angle := src.next() * (2 * math.Pi)
	radius := math.Sqrt(-2.0 * libm.Log(1.0-src.next()))
	if src.err != nil {
		return runtime.Value{}, src.err
	}
	gen.gaussNext = libm.Sin(angle) * radius
	gen.hasGauss = true
	return runtime.Float(p[0] + libm.Cos(angle)*radius*p[1]), nil
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
	// Best and Fisher's rejection method (1979): a wrapped-Cauchy-like
	// envelope whose parameter r depends on kappa; a near-zero kappa is
	// the uniform distribution on the circle.
	mu, kappa := p[0], p[1]
	src := draws(th, self)
	const fullTurn = 2 * math.Pi
	if kappa <= 1e-6 {
		return src.result(runtime.Float(fullTurn*src.next()), nil)
	}
	half := 0.5 / kappa
	r := half + math.Sqrt(1.0+half*half)
	var c float64 // cosine of the accepted candidate angle
	for src.err == nil {
		c = libm.Cos(math.Pi * src.next())
		ratio := c / (r + c)
		u := src.next()
		// A cheap squeeze test first, the exact one when it fails.
		if u < 1.0-ratio*ratio || u <= (1.0-ratio)*libm.Exp(ratio) {
			break
		}
	}
	invR := 1.0 / r
	cosDev := (invR + c) / (1.0 + invR*c)
	dev := libm.Acos(cosDev) // the deviation from mu, its sign drawn next
	var theta runtime.Value
	if src.next() > 0.5 {
		theta, err = runtime.FloatBinary(runtime.OpMod, mu+dev, fullTurn)
	} else {
		theta, err = runtime.FloatBinary(runtime.OpMod, mu-dev, fullTurn)
	}
	return src.result(theta, err)
}

// randGamma draws from the gamma distribution with shape alpha and
// scale beta, by the method suited to the shape: Cheng's rejection
// algorithm for alpha > 1, the exponential distribution for alpha == 1,
// Ahrens and Dieter's algorithm GS for alpha < 1.
func randGamma(src *drawing, alpha, beta float64) (float64, error) {
	if alpha <= 0 || beta <= 0 {
		return 0, runtime.Errorf(runtime.ValueError, "gammavariate: alpha and beta must be > 0.0")
	}
	switch {
	case alpha > 1.0:
		return gammaCheng(src, alpha, beta)
	case alpha == 1.0:
		x := -libm.Log(1.0-src.next()) * beta
		return x, src.err
	}
	return gammaSmallShape(src, alpha, beta)
}

// gammaCheng is R. C. H. Cheng's algorithm (Applied Statistics, 1977):
// a log-logistic candidate from one draw, accepted by a fast linear test
// or else the exact logarithmic one. Draws too close to 0 or 1 are
// skipped, keeping the logit finite.
func gammaCheng(src *drawing, alpha, beta float64) (float64, error) {
	spread := math.Sqrt(2.0*alpha - 1.0)
	shift := alpha - libm.Log(4.0)
	slope := alpha + spread
	squeeze := 1.0 + libm.Log(4.5)
	for {
		u := src.next()
		if src.err != nil {
			return 0, src.err
		}
		if !(1e-7 < u && u < 0.9999999) {
			continue
		}
		w := 1.0 - src.next()
		logit := libm.Log(u/(1.0-u)) / spread
		x := alpha * libm.Exp(logit)
		t := u * u * w
		bound := shift + slope*logit - x
		if bound+squeeze-4.5*t >= 0.0 || bound >= libm.Log(t) {
			return x * beta, nil
		}
	}
}

// gammaSmallShape is algorithm GS (Ahrens and Dieter) for 0 < alpha < 1:
// the candidate comes from a mixture of a power-law piece on [0, 1] and
// an exponential tail beyond, chosen by where b*u falls, and is accepted
// with the density ratio of the piece it came from.
func gammaSmallShape(src *drawing, alpha, beta float64) (float64, error) {
	b := (math.E + alpha) / math.E
	for {
		u := src.next()
		if src.err != nil {
			return 0, src.err
		}
		p := b * u
		if p <= 1.0 {
			x := libm.Pow(p, 1.0/alpha)
			if src.next() <= libm.Exp(-x) {
				return x * beta, nil
			}
			continue
		}
		x := -libm.Log((b - p) / alpha)
		if src.next() <= libm.Pow(x, alpha-1.0) {
			return x * beta, nil
		}
	}
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
