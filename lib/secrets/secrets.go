// Package secrets is aio's secrets module: random numbers and tokens from
// the operating system's source of randomness (crypto/rand), for
// passwords, keys and URLs that must not be guessable. SystemRandom comes
// from the random module (secrets.aio).
package secrets

// This file registers and builds the module.

import (
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"math/big"

	"github.com/aio-lang/aio/lib/internal/bufarg"
	"github.com/aio-lang/aio/runtime"
)

//go:embed secrets.aio
var source []byte

func init() {
	runtime.RegisterStdModule("secrets", load)
	runtime.RegisterStdSource("secrets", source)
}

// defaultEntropy is how many bytes a token has when the caller does not
// say (CPython's DEFAULT_ENTROPY).
const defaultEntropy = 32

type fn = func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)

func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("secrets")
	m.Set("DEFAULT_ENTROPY", runtime.Int(defaultEntropy))
	funcs := map[string]fn{
		"token_bytes": func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			b, err := token(th, "token_bytes", args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.NewBytes(b), nil
		},
		"token_hex": func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			b, err := token(th, "token_hex", args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.Str(hex.EncodeToString(b)), nil
		},
		"token_urlsafe": func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			b, err := token(th, "token_urlsafe", args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.Str(base64.RawURLEncoding.EncodeToString(b)), nil
		},
		"randbelow": func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var bound runtime.Value
			if err := runtime.UnpackArgs("randbelow", args, kw, "exclusive_upper_bound", &bound); err != nil {
				return runtime.Value{}, err
			}
			n, err := bigOf(th, bound)
			if err != nil {
				return runtime.Value{}, err
			}
			if n.Sign() <= 0 {
				return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Upper bound must be positive.")
			}
			r, err := rand.Int(rand.Reader, n)
			if err != nil {
				return runtime.Value{}, runtime.OSErrorFrom(err, runtime.Value{})
			}
			return runtime.BigInt(r), nil
		},
		"randbits": func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var k int64
			if err := runtime.UnpackArgs("randbits", args, kw, "k", &k); err != nil {
				return runtime.Value{}, err
			}
			if k < 0 {
				return runtime.Value{}, runtime.Errorf(runtime.ValueError, "number of bits must be non-negative")
			}
			if err := th.Alloc(k / 8); err != nil {
				return runtime.Value{}, err
			}
			r, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), uint(k)))
			if err != nil {
				return runtime.Value{}, runtime.OSErrorFrom(err, runtime.Value{})
			}
			return runtime.BigInt(r), nil
		},
		"compare_digest": compareDigest,
	}
	for name, f := range funcs {
		m.Set(name, runtime.NewBuiltin(name, func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return f(th, args, kw)
		}))
	}
	return m
}

// token reads nbytes=None and returns that many random bytes.
func token(th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg) ([]byte, error) {
	var nv runtime.Value
	if err := runtime.UnpackArgs(name, args, kw, "nbytes?", &nv); err != nil {
		return nil, err
	}
	n := int64(defaultEntropy)
	if nv.IsValid() && !nv.IsNone() {
		i, err := runtime.ToIndex(th, nv)
		if err != nil {
			return nil, err
		}
		var ok bool
		if n, ok = runtime.AsInt64(i); !ok {
			return nil, runtime.NewException(runtime.OverflowError)
		}
		if n < 0 {
			return nil, runtime.Errorf(runtime.ValueError, "negative argument not allowed")
		}
	}
	if err := th.Alloc(n); err != nil {
		return nil, err
	}
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return nil, runtime.OSErrorFrom(err, runtime.Value{})
	}
	return b, nil
}

// bigOf reads an int argument as a big.Int.
func bigOf(th *runtime.Thread, v runtime.Value) (*big.Int, error) { return runtime.IndexBig(th, v) }

// compareDigest is hmac.compare_digest: equality of two str (ASCII) or
// two bytes-like values, taking a time that does not depend on where
// they differ.
func compareDigest(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	a, b, err := digestPair(th, args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeBool(subtle.ConstantTimeCompare(a, b) == 1), nil
}

func digestPair(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) ([]byte, []byte, error) {
	if err := runtime.PositionalArgs("compare_digest", args, kw, 2, 2); err != nil {
		return nil, nil, err
	}
	items := args
	x, xs := runtime.As[*runtime.StrObj](items[0])
	y, ys := runtime.As[*runtime.StrObj](items[1])
	if xs && ys {
		if !ascii(x.S) || !ascii(y.S) {
			return nil, nil, runtime.Errorf(runtime.TypeError, "comparing strings with non-ASCII characters is not supported")
		}
		return []byte(x.S), []byte(y.S), nil
	}
	bx, okx, err := bufarg.Bytes(th, items[0])
	if err != nil {
		return nil, nil, err
	}
	by, oky, err := bufarg.Bytes(th, items[1])
	if err != nil {
		return nil, nil, err
	}
	if xs || ys || !okx || !oky {
		return nil, nil, runtime.Errorf(runtime.TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'", items[0].Type().Name, items[1].Type().Name)
	}
	return bx, by, nil
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
