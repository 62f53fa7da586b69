package random

// This file defines Random.getstate/setstate, randbytes and SystemRandom.

import (
	"crypto/rand"
	"encoding/binary"
	"math/big"

	"github.com/aio-lang/aio/internal/pyrand"
	"github.com/aio-lang/aio/runtime"
)

// randomStateVersion is the version number getstate() puts first, the one
// CPython 3.11 uses, so that states can be compared across the two.
const randomStateVersion = 3

func randomGetState(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := (&runtime.PyParams{Name: "Random.getstate", Method: true}).Bind(args, kw, nil); err != nil {
		return runtime.Value{}, err
	}
	r := randSelf(self)
	if r.system {
		return runtime.Value{}, errNoState()
	}
	words, pos := r.R.State()
	items := make([]runtime.Value, 0, len(words)+1)
	for _, w := range words {
		items = append(items, runtime.Int(int64(w)))
	}
	items = append(items, runtime.Int(int64(pos)))
	gauss := runtime.None
	if r.hasGauss {
		gauss = runtime.Float(r.gaussNext)
	}
	return runtime.TupleOf(runtime.Int(randomStateVersion), runtime.TupleOf(items...), gauss), nil
}

func randomSetState(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var state runtime.Value
	if err := runtime.UnpackArgs("Random.setstate", args, kw, "state", &state); err != nil {
		return runtime.Value{}, err
	}
	r := randSelf(self)
	if r.system {
		return runtime.Value{}, errNoState()
	}
	parts, err := runtime.Collect(th, state)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(parts) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.IndexError, "tuple index out of range")
	}
	// Version 2 states (Python 2's) hold the same words, possibly negative.
	version, ok := runtime.AsInt64(parts[0])
	if !ok || (version != randomStateVersion && version != 2) {
		s, err := runtime.ToStr(th, parts[0])
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "state with version %s passed to Random.setstate() of version %d", s, randomStateVersion)
	}
	if len(parts) != 3 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "too many values to unpack (expected 3)")
	}
	inner, ok := parts[1].Object().(*runtime.Tuple)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "state vector must be a tuple")
	}
	if len(inner.Items) != pyrand.StateWords+1 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "state vector is the wrong size")
	}
	var words [pyrand.StateWords]uint32
	for i := range words {
		w, ok := runtime.AsInt64(inner.Items[i])
		if ok && version == 2 {
			w &= 0xffffffff
		}
		if !ok || w < 0 || w > 0xffffffff {
			return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "Python int too large to convert to C unsigned long")
		}
		words[i] = uint32(w)
	}
	pos, ok := runtime.AsInt64(inner.Items[pyrand.StateWords])
	if !ok || pos < 0 || pos > pyrand.StateWords {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "invalid state")
	}
	r.R.SetState(words, int(pos))
	switch g := parts[2]; {
	case g.IsNone():
		r.hasGauss = false
	default:
		f, err := runtime.AsDouble(th, g)
		if err != nil {
			return runtime.Value{}, err
		}
		r.gaussNext, r.hasGauss = f, true
	}
	return runtime.None, nil
}

func errNoState() error {
	return runtime.Errorf(runtime.NotImplementedError, "System entropy source does not have state.")
}

// randomRandBytes is Random.randbytes(n): n*8 random bits, little-endian,
// so that a seeded generator gives CPython's bytes.
func randomRandBytes(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var n int64
	if err := runtime.UnpackArgs("Random.randbytes", args, kw, "n", &n); err != nil {
		return runtime.Value{}, err
	}
	if n < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "number of bits must be non-negative")
	}
	if err := th.Alloc(n); err != nil {
		return runtime.Value{}, err
	}
	out := make([]byte, n)
	r := randSelf(self)
	if r.system {
		if _, err := rand.Read(out); err != nil {
			return runtime.Value{}, runtime.Errorf(runtime.OSError, "%s", err.Error())
		}
		return runtime.NewBytes(out), nil
	}
	x := r.R.GetRandBits(int(n * 8))
	x.FillBytes(out)
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return runtime.NewBytes(out), nil
}

// SystemRandomType is random.SystemRandom: a Random whose numbers come
// from the operating system's entropy, with no state to seed or save.
var SystemRandomType = runtime.NewType("SystemRandom", RandomType)

// systemSource reseeds r's generator from the operating system, so that
// no two draws of a SystemRandom follow from a state a script could learn.
func systemSource(r *pyrand.Random) {
	var buf [8]byte
	if _, err := rand.Read(buf[:]); err == nil {
		r.Seed(new(big.Int).SetUint64(binary.LittleEndian.Uint64(buf[:])))
		return
	}
	r.SeedRandom()
}

func init() {
	SystemRandomType.Module = "random"
	SystemRandomType.New = func(th *runtime.Thread, cls *runtime.Type, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		r := &RandomObj{cls: cls, R: pyrand.New(), system: true}
		return runtime.Obj(r), nil
	}
	SystemRandomType.Methods(map[string]runtime.BuiltinFn{
		"seed": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return runtime.None, nil // an entropy source takes no seed
		},
	})
}
