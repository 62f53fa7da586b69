package random

// This file defines the random module and its Random class. The module's
// functions are methods of a hidden Random instance kept per Thread (in
// th.Random), as CPython's are methods of a module-level instance; the
// generator itself is internal/pyrand, which draws the numbers CPython
// draws for the same seed.

import (
	"math"
	"math/big"

	"github.com/aio-lang/aio/internal/pyrand"

	"github.com/aio-lang/aio/runtime"
)

// RandomObj is an instance of random.Random.
type RandomObj struct {
	cls       *runtime.Type
	R         *pyrand.Random
	gaussNext float64
	hasGauss  bool
	system    bool // a SystemRandom: no state, reseeded from the OS
	dict      map[string]runtime.Value
}

// RandomType is random.Random.
var RandomType = runtime.NewType("Random", runtime.ObjectType)

// Type returns the instance's class.
func (r *RandomObj) Type() *runtime.Type { return r.cls }

// Attr returns an attribute set on the instance.
func (r *RandomObj) Attr(name string) (runtime.Value, bool) { v, ok := r.dict[name]; return v, ok }

// SetAttrValue sets an instance attribute (subclasses may keep state).
func (r *RandomObj) SetAttrValue(name string, v runtime.Value) bool {
	if r.dict == nil {
		r.dict = map[string]runtime.Value{}
	}
	r.dict[name] = v
	return true
}

// DelAttrValue deletes an instance attribute.
func (r *RandomObj) DelAttrValue(name string) bool {
	if _, ok := r.dict[name]; !ok {
		return false
	}
	delete(r.dict, name)
	return true
}

// ThreadRandom returns the generator behind th's random module, creating
// it seeded from the operating system on first use.
func ThreadRandom(th *runtime.Thread) *RandomObj {
	switch r := th.Random.(type) {
	case *RandomObj:
		return r
	case *pyrand.Random:
		o := &RandomObj{cls: RandomType, R: r}
		th.Random = o
		return o
	}
	o := &RandomObj{cls: RandomType, R: pyrand.New()}
	th.Random = o
	return o
}

// randomMethods are the methods of Random that the module exports as
// functions.
var randomMethods = map[string]runtime.BuiltinFn{
	"seed": randomSeed, "random": randomRandom, "getrandbits": randomGetRandBits,
	"randrange": randomRandRange, "randint": randomRandInt, "choice": randomChoice,
	"shuffle": randomShuffle, "sample": randomSample, "choices": randomChoices,
	"uniform": randomUniform, "triangular": randomTriangular, "gauss": randomGauss,
	"normalvariate": randomNormalVariate, "lognormvariate": randomLogNormVariate,
	"expovariate": randomExpoVariate, "vonmisesvariate": randomVonMisesVariate,
	"gammavariate": randomGammaVariate, "betavariate": randomBetaVariate,
	"paretovariate": randomParetoVariate, "weibullvariate": randomWeibullVariate,
	"getstate": randomGetState, "setstate": randomSetState, "randbytes": randomRandBytes,
}

func init() {
	RandomType.Module = "random"
	RandomType.New = func(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var a [1]runtime.Value
		if err := (&runtime.PyParams{Name: "Random.__init__", Method: true, Params: []string{"x"}, Required: 0}).Bind(args, kw, a[:]); err != nil {
			return runtime.Value{}, err
		}
		r := &RandomObj{cls: cls, R: &pyrand.Random{}}
		if err := randSeed(th, r, a[0], runtime.Value{}); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Obj(r), nil
	}
	RandomType.Methods(randomMethods)
	runtime.RegisterStdModule("random", loadRandom)
}

// loadRandom builds the random module for th: Random, and the methods of
// the thread's generator as functions.
func loadRandom(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("random")
	m.Set("Random", runtime.Obj(RandomType))
	m.Set("SystemRandom", runtime.Obj(SystemRandomType))
	self := runtime.Obj(ThreadRandom(th))
	for name, fn := range randomMethods {
		m.Set(name, runtime.Obj(&runtime.Builtin{Name: name, Fn: fn, Self: self, Owner: RandomType}))
	}
	return m
}

// randSelf returns the generator of a Random method's receiver.
// A SystemRandom's generator is reseeded from the OS before each call.
func randSelf(self runtime.Value) *RandomObj {
	r := self.Object().(*RandomObj)
	if r.system {
		systemSource(r.R)
	}
	return r
}

// randFloatArgs binds float parameters with defaults (NaN marks "required").
func randFloatArgs(th *runtime.Thread, qual string, args []runtime.Value, kw []runtime.Kwarg, names []string, defaults []float64) ([]float64, error) {
	nreq := 0
	for _, d := range defaults {
		if math.IsNaN(d) {
			nreq++
		}
	}
	vals := make([]runtime.Value, len(names))
	if err := (&runtime.PyParams{Name: qual, Method: true, Params: names, Required: nreq}).Bind(args, kw, vals); err != nil {
		return nil, err
	}
	out := make([]float64, len(names))
	for i, v := range vals {
		if !v.IsValid() {
			out[i] = defaults[i]
			continue
		}
		f, err := runtime.AsDouble(th, v)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

// randSeed is Random.seed(a=None, version=2).
func randSeed(th *runtime.Thread, r *RandomObj, a, version runtime.Value) error {
	r.hasGauss = false
	v := int64(2)
	if version.IsValid() {
		if n, ok := runtime.AsInt64(version); ok {
			v = n
		} else {
			v = 0
		}
	}
	if x, ok := runtime.AsBig(a); ok {
		r.R.Seed(new(big.Int).Abs(x))
		return nil
	}
	if a.IsFloat() {
		h, err := runtime.Hash(th, a)
		if err != nil {
			return err
		}
		r.R.Seed(new(big.Int).SetUint64(uint64(h)))
		return nil
	}
	switch o := a.Object().(type) {
	case nil, *runtime.NoneType:
		r.R.SeedRandom()
	case *runtime.StrObj:
		if v == 1 {
			r.R.Seed(new(big.Int).SetUint64(randSeedV1(o)))
		} else {
			r.R.SeedString(o.S)
		}
	default:
		return runtime.Errorf(runtime.TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
	}
	return nil
}

// randSeedV1 is the version 1 hash of a str seed.
func randSeedV1(s *runtime.StrObj) uint64 {
	rs := s.Runes()
	var x uint64
	if len(rs) > 0 {
		x = uint64(rs[0]) << 7
	}
	for _, c := range rs {
		x = (1000003 * x) ^ uint64(c)
	}
	return x ^ uint64(len(rs))
}

func randomSeed(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var a [2]runtime.Value
	if err := (&runtime.PyParams{Name: "Random.seed", Method: true, Params: []string{"a", "version"}, Required: 0}).Bind(args, kw, a[:]); err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, randSeed(th, randSelf(self), a[0], a[1])
}

func randomRandom(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.NoArgs("Random.random", args, kw); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Float(randSelf(self).R.Random()), nil
}

func randomGetRandBits(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if _, err := runtime.OneArg("Random.getrandbits", args, kw); err != nil {
		return runtime.Value{}, err
	}
	k, err := runtime.CInt(args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	if k < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "number of bits must be non-negative")
	}
	r := randSelf(self).R
	if k <= 63 {
		return runtime.Int(int64(r.GetRandBits64(int(k)))), nil
	}
	return runtime.BigInt(r.GetRandBits(int(k))), nil
}

// randIndex converts an argument of randrange as 3.11 does: an int, or
// an integral value that int() accepts (deprecated but allowed).
func randIndex(th *runtime.Thread, v runtime.Value, what string) (*big.Int, error) {
	if x, ok := runtime.AsBig(v); ok {
		return x, nil
	}
	x, err := runtime.IndexBig(th, v)
	if err == nil || !runtime.IsInstance(err, runtime.TypeError) {
		return x, err
	}
	iv, err := th.Call(runtime.Obj(runtime.IntType), []runtime.Value{v}, nil)
	if err != nil {
		return nil, err
	}
	eq, err := runtime.Equal(th, iv, v)
	if err != nil {
		return nil, err
	}
	if !eq {
		return nil, runtime.Errorf(runtime.ValueError, "non-integer %s for randrange()", what)
	}
	x, _ = runtime.AsBig(iv)
	return x, nil
}

// randRange is randrange(start, stop, step) with step and stop possibly
// absent (zero Values).
func randRange(th *runtime.Thread, src *drawing, start, stop, step runtime.Value) (runtime.Value, error) {
	r := src.r
	if a, ok := runtime.AsInt64(start); ok && (!stop.IsValid() || stop.IsSmallInt()) && (!step.IsValid() || step.IsSmallInt()) {
		if !stop.IsValid() || stop.IsNone() {
			if step.IsValid() {
				return runtime.Value{}, runtime.Errorf(runtime.TypeError, "Missing a non-None stop argument")
			}
			if a <= 0 {
				return runtime.Value{}, runtime.Errorf(runtime.ValueError, "empty range for randrange()")
			}
			if x, ok := src.rangeBelow(0, a, 1); ok {
				return src.result(runtime.Int(x), nil)
			}
			return runtime.Int(int64(r.R.RandBelow64(uint64(a)))), nil
		}
		st := int64(1)
		if step.IsValid() {
			st = step.SmallInt()
		}
		if x, ok := src.rangeBelow(a, stop.SmallInt(), st); ok {
			return src.result(runtime.Int(x), nil)
		}
		x, err := r.R.RandRange64(a, stop.SmallInt(), st)
		return runtime.Int(x), runtime.FormatError(err)
	}
	a, err := randIndex(th, start, "arg 1")
	if err != nil {
		return runtime.Value{}, err
	}
	if !stop.IsValid() || stop.IsNone() {
		if step.IsValid() {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "Missing a non-None stop argument")
		}
		x, err := r.R.RandRange(a, nil, nil)
		return randBigResult(x, err)
	}
	b, err := randIndex(th, stop, "stop")
	if err != nil {
		return runtime.Value{}, err
	}
	var s *big.Int
	if step.IsValid() {
		if s, err = randIndex(th, step, "step"); err != nil {
			return runtime.Value{}, err
		}
	}
	x, err := r.R.RandRange(a, b, s)
	return randBigResult(x, err)
}

func randBigResult(x *big.Int, err error) (runtime.Value, error) {
	if err != nil {
		return runtime.Value{}, runtime.FormatError(err)
	}
	return runtime.BigInt(x), nil
}

func randomRandRange(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var a [3]runtime.Value
	if err := (&runtime.PyParams{Name: "Random.randrange", Method: true, Params: []string{"start", "stop", "step"}, Required: 1}).Bind(args, kw, a[:]); err != nil {
		return runtime.Value{}, err
	}
	return randRange(th, draws(th, self), a[0], a[1], a[2])
}

func randomRandInt(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var a [2]runtime.Value
	if err := (&runtime.PyParams{Name: "Random.randint", Method: true, Params: []string{"a", "b"}, Required: 2}).Bind(args, kw, a[:]); err != nil {
		return runtime.Value{}, err
	}
	src := draws(th, self)
	if x, ok := runtime.AsInt64(a[0]); ok {
		if y, ok := runtime.AsInt64(a[1]); ok && y < math.MaxInt64 {
			if v, ok := src.rangeBelow(x, y+1, 1); ok {
				return src.result(runtime.Int(v), nil)
			}
			v, err := src.r.R.RandRange64(x, y+1, 1)
			return runtime.Int(v), runtime.FormatError(err)
		}
	}
	stop, err := runtime.Binary(th, runtime.OpAdd, a[1], runtime.Int(1))
	if err != nil {
		return runtime.Value{}, err
	}
	return randRange(th, src, a[0], stop, runtime.Value{})
}

func randomChoice(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var a [1]runtime.Value
	if err := (&runtime.PyParams{Name: "Random.choice", Method: true, Params: []string{"seq"}, Required: 1}).Bind(args, kw, a[:]); err != nil {
		return runtime.Value{}, err
	}
	n, err := runtime.Len(th, a[0])
	if err != nil {
		return runtime.Value{}, err
	}
	src := draws(th, self)
	var i int
	if k, ok := src.below(int64(n)); ok && n > 0 {
		if src.err != nil {
			return runtime.Value{}, src.err
		}
		i = int(k)
	} else if i, err = src.r.R.Choice(n); err != nil {
		return runtime.Value{}, runtime.FormatError(err)
	}
	if l, ok := a[0].Object().(*runtime.List); ok && i < len(l.Items) {
		return l.Items[i], nil
	}
	return runtime.GetItem(th, a[0], runtime.Int(int64(i)))
}

func randomShuffle(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var a [1]runtime.Value
	if err := (&runtime.PyParams{Name: "Random.shuffle", Method: true, Params: []string{"x"}, Required: 1}).Bind(args, kw, a[:]); err != nil {
		return runtime.Value{}, err
	}
	x := a[0]
	n, err := runtime.Len(th, x)
	if err != nil {
		return runtime.Value{}, err
	}
	src := draws(th, self)
	shuffle := src.r.R.Shuffle
	if src.override.IsValid() {
		// Fisher-Yates from the end, as CPython's shuffle draws.
		shuffle = func(n int, swap func(i, j int)) {
			for i := n - 1; i > 0 && src.err == nil; i-- {
				j, _ := src.below(int64(i + 1))
				if src.err == nil {
					swap(i, int(j))
				}
			}
		}
	}
	if l, ok := x.Object().(*runtime.List); ok {
		shuffle(n, func(i, j int) {
			if i < len(l.Items) && j < len(l.Items) {
				l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
			}
		})
		return src.result(runtime.None, nil)
	}
	// A general mutable sequence: x[i], x[j] = x[j], x[i]. The first
	// failure ends the swaps.
	shuffle(n, func(i, j int) {
		if err != nil {
			return
		}
		var vi, vj runtime.Value
		if vj, err = runtime.GetItem(th, x, runtime.Int(int64(j))); err != nil {
			return
		}
		if vi, err = runtime.GetItem(th, x, runtime.Int(int64(i))); err != nil {
			return
		}
		if err = runtime.SetItem(th, x, runtime.Int(int64(i)), vj); err != nil {
			return
		}
		err = runtime.SetItem(th, x, runtime.Int(int64(j)), vi)
	})
	if err != nil {
		return runtime.Value{}, err
	}
	return src.result(runtime.None, nil)
}

// isSequence reports whether v is a collections.abc.Sequence for sample.
func isSequenceForSample(v runtime.Value) bool {
	switch v.Object().(type) {
	case *runtime.List, *runtime.Tuple, *runtime.StrObj, *runtime.Range:
		return true
	}
	return false
}

func randomSample(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var a [3]runtime.Value
	if err := (&runtime.PyParams{Name: "Random.sample", Method: true, Params: []string{"population", "k"}, Required: 2, KwOnly: []string{"counts"}}).Bind(args, kw, a[:]); err != nil {
		return runtime.Value{}, err
	}
	pop, kv, counts := a[0], a[1], a[2]
	if !isSequenceForSample(pop) {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	n, err := runtime.Len(th, pop)
	if err != nil {
		return runtime.Value{}, err
	}
	if counts.IsValid() && !counts.IsNone() {
		return randSampleCounts(th, self, pop, n, kv, counts)
	}
	if kv.IsFloat() {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "can't multiply sequence by non-int of type 'float'")
	}
	k, err := runtime.IndexValue(kv)
	if err != nil {
		return runtime.Value{}, err
	}
	if k > int64(n) {
		k = int64(n) + 1 // fails as too large, without overflowing int
	}
	idx, err := randSelf(self).R.Sample(n, int(k))
	if err != nil {
		return runtime.Value{}, runtime.FormatError(err)
	}
	out := make([]runtime.Value, len(idx))
	for i, j := range idx {
		if out[i], err = runtime.GetItem(th, pop, runtime.Int(int64(j))); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.NewList(out), nil
}

// randSampleCounts is sample(population, k, counts=...): a sample of
// range(total) mapped back through the cumulative counts.
func randSampleCounts(th *runtime.Thread, self, pop runtime.Value, n int, k, counts runtime.Value) (runtime.Value, error) {
	cum, err := randAccumulate(th, counts)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(cum) != n {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "The number of counts does not match the population")
	}
	total := cum[len(cum)-1]
	cum = cum[:len(cum)-1]
	if !runtime.IsIntLike(total) {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "Counts must be integers")
	}
	if t, _ := runtime.AsBig(total); t.Sign() <= 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Total of counts must be greater than zero")
	}
	sel, err := randomSample(th, self, []runtime.Value{runtime.Obj(&runtime.Range{Start: 0, Stop: randMustInt64(total), Step: 1})}, []runtime.Kwarg{{Name: "k", Value: k}})
	if err != nil {
		return runtime.Value{}, err
	}
	items := sel.Object().(*runtime.List).Items
	out := make([]runtime.Value, len(items))
	for i, s := range items {
		j, err := randBisectRight(th, cum, s, 0, len(cum))
		if err != nil {
			return runtime.Value{}, err
		}
		if out[i], err = runtime.GetItem(th, pop, runtime.Int(int64(j))); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.NewList(out), nil
}

func randMustInt64(v runtime.Value) int64 {
	n, ok := runtime.AsInt64(v)
	if !ok {
		return math.MaxInt64
	}
	return n
}

// randAccumulate returns the running sums of an iterable (itertools.accumulate).
func randAccumulate(th *runtime.Thread, v runtime.Value) ([]runtime.Value, error) {
	items, err := runtime.Collect(th, v)
	if err != nil {
		return nil, err
	}
	for i := 1; i < len(items); i++ {
		if items[i], err = runtime.Binary(th, runtime.OpAdd, items[i-1], items[i]); err != nil {
			return nil, err
		}
	}
	return items, nil
}

// randBisectRight is bisect.bisect_right(a, x, lo, hi).
func randBisectRight(th *runtime.Thread, a []runtime.Value, x runtime.Value, lo, hi int) (int, error) {
	for lo < hi {
		mid := (lo + hi) / 2
		less, err := runtime.Less(th, x, a[mid])
		if err != nil {
			return 0, err
		}
		if less {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, nil
}

func randomChoices(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var a [4]runtime.Value
	if err := (&runtime.PyParams{Name: "Random.choices", Method: true, Params: []string{"population", "weights"}, Required: 1, KwOnly: []string{"cum_weights", "k"}}).Bind(args, kw, a[:]); err != nil {
		return runtime.Value{}, err
	}
	pop, weights, cumW := a[0], a[1], a[2]
	k := int64(1)
	if a[3].IsValid() {
		var err error
		if k, err = runtime.IndexValue(a[3]); err != nil {
			return runtime.Value{}, err
		}
	}
	src := draws(th, self)
	n, err := runtime.Len(th, pop)
	if err != nil {
		return runtime.Value{}, err
	}
	var out []runtime.Value
	items := directItems(pop, src)
	if !cumW.IsValid() || cumW.IsNone() {
		if !weights.IsValid() || weights.IsNone() {
			if out, err = choicesResult(th, k); err != nil {
				return runtime.Value{}, err
			}
			fn := float64(n)
			for i := int64(0); i < k; i++ {
				u := src.next()
				if src.err != nil {
					return runtime.Value{}, src.err
				}
				j := int64(math.Floor(u * fn))
				if items != nil && j < int64(len(items)) {
					out = append(out, items[j])
					continue
				}
				v, err := runtime.GetItem(th, pop, runtime.Int(j))
				if err != nil {
					return runtime.Value{}, err
				}
				out = append(out, v)
			}
			return runtime.NewList(out), nil
		}
		cum, err := randAccumulate(th, weights)
		if err != nil {
			if runtime.IsInstance(err, runtime.TypeError) && runtime.IsIntLike(weights) {
				return runtime.Value{}, runtime.Errorf(runtime.TypeError, "The number of choices must be a keyword argument: k=%s", randRepr(weights))
			}
			return runtime.Value{}, err
		}
		cumW = runtime.NewList(cum)
	} else if weights.IsValid() && !weights.IsNone() {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "Cannot specify both weights and cumulative weights")
	}
	cum, err := runtime.Collect(th, cumW)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(cum) != n {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "The number of weights does not match the population")
	}
	if n == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.IndexError, "list index out of range")
	}
	tv, err := runtime.Binary(th, runtime.OpAdd, cum[n-1], runtime.Float(0))
	if err != nil {
		return runtime.Value{}, err
	}
	total, err := runtime.AsDouble(th, tv)
	if err != nil {
		return runtime.Value{}, err
	}
	if total <= 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Total of weights must be greater than zero")
	}
	if math.IsInf(total, 0) || math.IsNaN(total) {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Total of weights must be finite")
	}
	fcum, err := floatWeights(th, cum)
	if err != nil {
		return runtime.Value{}, err
	}
	if out, err = choicesResult(th, k); err != nil {
		return runtime.Value{}, err
	}
	for i := int64(0); i < k; i++ {
		u := src.next()
		if src.err != nil {
			return runtime.Value{}, src.err
		}
		var j int
		if fcum != nil {
			j = bisectFloats(fcum, u*total, 0, n-1)
		} else if j, err = randBisectRight(th, cum, runtime.Float(u*total), 0, n-1); err != nil {
			return runtime.Value{}, err
		}
		if items != nil && j < len(items) {
			out = append(out, items[j])
			continue
		}
		v, err := runtime.GetItem(th, pop, runtime.Int(int64(j)))
		if err != nil {
			return runtime.Value{}, err
		}
		out = append(out, v)
	}
	return runtime.NewList(out), nil
}

func randRepr(v runtime.Value) string {
	s, _ := runtime.Repr(nil, v)
	return s
}
