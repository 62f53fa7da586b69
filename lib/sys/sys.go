// Package sys is aio's sys module: argv, exit, the standard streams,
// version information and the recursion and digit limits. The streams
// themselves are runtime.StdStream objects, which print() and input()
// share; the interpreter adds sys.modules and sys.path when it loads the
// module.
package sys

// This file builds the module.

import (
	"math"
	goruntime "runtime"

	"github.com/aio-lang/aio/runtime"
)

// The version aio reports as sys.version and sys.version_info: the
// CPython release whose behaviour it follows.
const (
	versionMajor = 3
	versionMinor = 11
	versionMicro = 7
	version      = "3.11.7 (aio)"
)

func init() { runtime.RegisterStdModule("sys", load) }

// exit is sys.exit(status=None): SystemExit with status as its argument
// (none for None).
func exit(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.PositionalArgs("sys.exit", args, kw, 0, 1); err != nil {
		return runtime.Value{}, err
	}
	if len(args) == 0 || args[0].IsNone() {
		return runtime.Value{}, runtime.NewException(runtime.SystemExit)
	}
	return runtime.Value{}, runtime.NewException(runtime.SystemExit, args[0])
}

func getRecursionLimit(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.NoArgs("sys.getrecursionlimit", args, kw); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Int(int64(th.MaxDepth)), nil
}

func setRecursionLimit(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if _, err := runtime.OneArg("sys.setrecursionlimit", args, kw); err != nil {
		return runtime.Value{}, err
	}
	var n int64
	if err := runtime.UnpackArgs("setrecursionlimit", args, nil, "limit", &n); err != nil {
		return runtime.Value{}, err
	}
	if n < 1 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "recursion limit must be greater or equal than 1")
	}
	// A request above the host's ceiling is clamped to it (scripts such
	// as setrecursionlimit(10**6) keep working, and getrecursionlimit
	// tells the limit in force): a script can lower its limit but never
	// raise it past what the host allows.
	limit := th.RecursionCeiling(int(min(n, math.MaxInt32)))
	if limit <= th.Depth {
		return runtime.Value{}, runtime.Errorf(runtime.RecursionError, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", n, th.Depth)
	}
	th.SetRecursionLimit(limit)
	return runtime.None, nil
}

// load builds the sys module for th.
func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("sys")
	argv := make([]runtime.Value, len(th.Argv))
	for i, a := range th.Argv {
		argv[i] = runtime.Str(a)
	}
	m.Set("argv", runtime.NewList(argv))
	m.Set("exit", runtime.NewBuiltin("exit", exit))
	m.Set("executable", runtime.Str(th.Executable))
	m.Set("intern", runtime.NewBuiltin("intern", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		// Equal strs are compared by value everywhere in aio: interning
		// has nothing to do but check its argument.
		v, err := runtime.OneArg("intern", args, kw)
		if err != nil {
			return runtime.Value{}, err
		}
		if _, ok := runtime.AsExact[*runtime.StrObj](v); !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "intern() argument must be str, not %s", v.Type().Name)
		}
		return v, nil
	}))
	streams := map[string]runtime.StreamKind{"stdin": runtime.StreamStdin, "stdout": runtime.StreamStdout, "stderr": runtime.StreamStderr}
	for name, kind := range streams {
		s := runtime.NewStdStream(kind)
		m.Set(name, s)
		m.Set("__"+name+"__", s)
	}
	m.Set("version", runtime.Str(version))
	m.Set("version_info", runtime.TupleOf(runtime.Int(versionMajor), runtime.Int(versionMinor), runtime.Int(versionMicro), runtime.Str("final"), runtime.Int(0)))
	m.Set("hexversion", runtime.Int(versionMajor<<24|versionMinor<<16|versionMicro<<8|0xf0))
	m.Set("maxsize", runtime.Int(math.MaxInt64))
	m.Set("platform", runtime.Str(platform()))
	m.Set("byteorder", runtime.Str("little"))
	m.Set("maxunicode", runtime.Int(0x10ffff))
	m.Set("float_info", runtime.Obj(floatInfo()))
	m.Set("flags", runtime.Obj(flags()))
	m.Set("implementation", runtime.Obj(implementation()))
	m.Set("getrecursionlimit", runtime.NewBuiltin("getrecursionlimit", getRecursionLimit))
	m.Set("setrecursionlimit", runtime.NewBuiltin("setrecursionlimit", setRecursionLimit))
	m.Set("getfilesystemencoding", runtime.NewBuiltin("getfilesystemencoding", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Str("utf-8"), runtime.NoArgs("sys.getfilesystemencoding", args, kw)
	}))
	m.Set("getdefaultencoding", runtime.NewBuiltin("getdefaultencoding", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Str("utf-8"), runtime.NoArgs("sys.getdefaultencoding", args, kw)
	}))
	addIntDigitsFuncs(m)
	return m
}

// platform is sys.platform as CPython names the host system, so that
// scripts testing it take the same branch as under CPython.
func platform() string {
	switch goruntime.GOOS {
	case "windows":
		return "win32"
	case "ios":
		return "ios"
	}
	return goruntime.GOOS
}

// floatInfo is sys.float_info, as a module-like namespace (CPython's is a
// named tuple; attribute access is what scripts use).
func floatInfo() *runtime.Module {
	m := runtime.NewModule("sys.float_info")
	m.Set("max", runtime.Float(math.MaxFloat64))
	m.Set("max_exp", runtime.Int(1024))
	m.Set("max_10_exp", runtime.Int(308))
	m.Set("min", runtime.Float(0x1p-1022))
	m.Set("min_exp", runtime.Int(-1021))
	m.Set("min_10_exp", runtime.Int(-307))
	m.Set("dig", runtime.Int(15))
	m.Set("mant_dig", runtime.Int(53))
	m.Set("epsilon", runtime.Float(0x1p-52))
	m.Set("radix", runtime.Int(2))
	m.Set("rounds", runtime.Int(1))
	return m
}

// flags is sys.flags for a script run without options: attributes only
// (it is not a tuple here).
func flags() *runtime.Module {
	m := runtime.NewModule("sys.flags")
	for _, name := range []string{"debug", "inspect", "interactive", "optimize", "no_user_site",
		"no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "isolated",
		"utf8_mode", "warn_default_encoding"} {
		m.Set(name, runtime.Int(0))
	}
	// aio writes no bytecode files next to scripts; hashes of str are
	// not randomized, but scripts test this flag for "is it on".
	m.Set("dont_write_bytecode", runtime.Int(1))
	m.Set("hash_randomization", runtime.Int(1))
	m.Set("dev_mode", runtime.False)
	m.Set("safe_path", runtime.False)
	m.Set("int_max_str_digits", runtime.Int(-1))
	return m
}

// implementation is sys.implementation: which interpreter this is.
func implementation() *runtime.Module {
	m := runtime.NewModule("sys.implementation")
	m.Set("name", runtime.Str("aio"))
	m.Set("cache_tag", runtime.None)
	m.Set("version", runtime.TupleOf(runtime.Int(versionMajor), runtime.Int(versionMinor), runtime.Int(versionMicro), runtime.Str("final"), runtime.Int(0)))
	m.Set("hexversion", runtime.Int(versionMajor<<24|versionMinor<<16|versionMicro<<8|0xf0))
	return m
}
