package functools

// This file registers the functools module (reduce, partial and the cache
// wrapper from Go, then functools.aio for the rest) and defines reduce.

import (
	_ "embed"

	"github.com/aio-lang/aio/runtime"
)

//go:embed functools.aio
var source []byte

func init() {
	runtime.RegisterStdModule("functools", load)
	runtime.RegisterStdSource("functools", source)
}

// load builds the Go part of the module.
func load(*runtime.Thread) *runtime.Module {
	m := runtime.NewModule("functools")
	m.Set("reduce", runtime.NewBuiltin("reduce", reduce))
	m.Set("_lru_cache_wrapper", runtime.NewBuiltin("_lru_cache_wrapper", newLRUWrapper))
	m.Set("partial", runtime.Obj(partialType))
	return m
}

// reduce(function, iterable[, initial])
func reduce(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.PositionalArgs("reduce", nil, kw, 0, -1); err != nil {
		return runtime.Value{}, err
	}
	if len(args) < 2 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "reduce expected at least 2 arguments, got %d", len(args))
	}
	if len(args) > 3 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "reduce expected at most 3 arguments, got %d", len(args))
	}
	it, err := runtime.Iter(th, args[1])
	if err != nil {
		if runtime.IsInstance(err, runtime.TypeError) {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "reduce() arg 2 must support iteration")
		}
		return runtime.Value{}, err
	}
	var acc runtime.Value
	if len(args) == 3 {
		acc = args[2]
	}
	fn := args[0]
	for {
		v, ok, err := it.Next(th)
		if err != nil {
			return runtime.Value{}, err
		}
		if !ok {
			break
		}
		if !acc.IsValid() {
			acc = v
			continue
		}
		if acc, err = th.Call(fn, []runtime.Value{acc, v}, nil); err != nil {
			return runtime.Value{}, err
		}
	}
	if !acc.IsValid() {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "reduce() of empty iterable with no initial value")
	}
	return acc, nil
}
