package hostile

// This file holds the attacks on the Go stack: data nested far deeper
// than the recursion limit (lists, tuples, dicts, sets, instances,
// exceptions, chains of iterators and generators), recursion through
// built-ins after sys.setrecursionlimit(10**8), and the recursion depth
// after host panics. Each must end in RecursionError with CPython's
// message, never in Go's fatal "stack overflow".

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	goruntime "runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	inRepr       = "maximum recursion depth exceeded while getting the repr of an object"
	inComparison = "maximum recursion depth exceeded in comparison"
	plainDepth   = "maximum recursion depth exceeded"
)

// nested returns a script building x, nested n deep with wrap (an
// expression of x), followed by attack.
func nested(n int, start, wrap, attack string) string {
	return fmt.Sprintf("x = %s\nfor _ in range(%d):\n    x = %s\n%s\n", start, n, wrap, attack)
}

// deepCase is an attack on a structure 1.6 million levels deep: building
// it takes about 200 MB and 8M instructions, so it runs without the
// memory and step limits (the limits engineer's budget is tested apart).
func deepCase(name, start, wrap, attack, wantMessage string) hostileCase {
	return hostileCase{Name: name, Source: nested(1_600_000, start, wrap, attack),
		MemoryLimit: -1, MaxSteps: -1, MaxRSS: 1 << 30,
		WantType: "RecursionError", WantMessage: wantMessage}
}

// deepCase300k is deepCase for structures too big to build 1.6 million
// deep within a reasonable memory (dicts and frozensets).
func deepCase300k(name, start, wrap, attack, wantMessage string) hostileCase {
	c := deepCase(name, start, wrap, attack, wantMessage)
	c.Source = nested(300_000, start, wrap, attack)
	return c
}

// instanceRepr defines A, whose repr shows its content.
const instanceRepr = "class A:\n    def __init__(self, c):\n        self.c = c\n    def __repr__(self):\n        return 'A(%r)' % (self.c,)\n"

// selfCall defines f, recursing through a built-in.
const selfCall = "import sys\nsys.setrecursionlimit(10**8)\ndef f(n):\n    return list(map(f, [n + 1]))\nf(0)\n"

var stackCases = register(
	// The reproductions.
	deepCase("stack_list_repr", "[]", "[x]", "repr(x)", inRepr),
	deepCase("stack_list_eq", "[]", "[x]", "x == [x]", inComparison),
	deepCase("stack_tuple_hash", "()", "(x,)", "hash(x)", plainDepth),
	hostileCase{Name: "stack_zip_chain", Source: nested(1_000_000, "zip()", "zip(x)", "print(list(x))"),
		MemoryLimit: -1, MaxSteps: -1, MaxRSS: 1 << 30, WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_setrecursionlimit_map", Source: selfCall, WantType: "RecursionError", WantMessage: plainDepth},

	// Variants: every way of printing, comparing and hashing.
	deepCase("stack_list_str", "[]", "[x]", "str(x)", inRepr),
	deepCase("stack_list_print", "[]", "[x]", "print(x)", inRepr),
	deepCase("stack_list_fstring", "[]", "[x]", "f'{x}'", inRepr),
	deepCase("stack_list_fstring_repr", "[]", "[x]", "f'{x!r:>10}'", inRepr),
	deepCase("stack_list_percent", "[]", "[x]", "'%s' % (x,)", inRepr),
	deepCase("stack_list_format", "[]", "[x]", "format(x)", inRepr),
	deepCase("stack_list_str_format", "[]", "[x]", "'{}'.format(x)", inRepr),
	deepCase("stack_list_lt", "[]", "[x]", "x < [x]", inComparison),
	deepCase("stack_list_in", "[]", "[x]", "x in [[x]]", inComparison),
	deepCase("stack_list_sorted", "[]", "[x]", "sorted([x, [x]])", inComparison),
	deepCase("stack_list_index", "[]", "[x]", "[[x]].index(x)", inComparison),
	deepCase("stack_tuple_repr", "()", "(x,)", "repr(x)", inRepr),
	deepCase("stack_tuple_eq", "()", "(x,)", "x == (x,)", inComparison),
	deepCase("stack_tuple_dict_key", "()", "(x,)", "{x: 1}", plainDepth),
	deepCase("stack_tuple_isinstance", "int", "(x,)", "isinstance(1, x)", "maximum recursion depth exceeded in __instancecheck__"),
	deepCase("stack_tuple_issubclass", "int", "(x,)", "issubclass(int, x)", "maximum recursion depth exceeded in __subclasscheck__"),
	deepCase300k("stack_dict_repr", "{}", "{1: x}", "repr(x)", inRepr),
	deepCase300k("stack_dict_eq", "{}", "{1: x}", "x == {1: x}", inComparison),
	deepCase300k("stack_dict_values_repr", "{}", "{1: x}", "repr(x.values())", inRepr),
	deepCase300k("stack_frozenset_repr", "frozenset()", "frozenset([x])", "repr(x)", inRepr),
	// As in CPython: set comparisons find elements by their cached hash
	// and then by identity, without recursing.
	hostileCase{Name: "stack_frozenset_le", Source: nested(300_000, "frozenset()", "frozenset([x])",
		"assert not x <= frozenset([x])\nassert x != frozenset([x])\nassert frozenset([x]) >= frozenset([x])"),
		MemoryLimit: -1, MaxSteps: -1, MaxRSS: 1 << 30},
	deepCase("stack_exception_str", "ValueError(1)", "ValueError(x)", "str(x)", "maximum recursion depth exceeded while getting the str of an object"),
	deepCase("stack_exception_repr", "ValueError(1)", "ValueError(x)", "repr(x)", inRepr),
	deepCase("stack_keyerror_str", "KeyError(1)", "KeyError(x)", "str(x)", inRepr),
	hostileCase{Name: "stack_mixed_repr", Source: nested(300_000, "[]", "({1: [x]},)", "repr(x)"),
		MemoryLimit: -1, MaxSteps: -1, MaxRSS: 1 << 30, WantType: "RecursionError", WantMessage: inRepr},
	hostileCase{Name: "stack_instance_repr", Source: instanceRepr + nested(200_000, "None", "A(x)", "repr(x)"),
		WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_instance_eq", Source: "class B:\n    def __init__(self, c):\n        self.c = c\n    def __eq__(self, o):\n        return self.c == o.c\n" +
		nested(200_000, "1", "B(x)", "x == x"), WantType: "RecursionError", WantMessage: plainDepth},

	// Objects that call other objects.
	hostileCase{Name: "stack_call_self", Source: "class A:\n    pass\na = A()\nA.__call__ = a\na()\n",
		WantType: "RecursionError", WantMessage: "maximum recursion depth exceeded while calling a Python object"},
	hostileCase{Name: "stack_staticmethod_chain", Source: nested(1_000_000, "abs", "staticmethod(x)", "x(1)"),
		MemoryLimit: -1, MaxSteps: -1, MaxRSS: 1 << 30, WantType: "RecursionError", WantMessage: "maximum recursion depth exceeded while calling a Python object"},
	hostileCase{Name: "stack_await_chain", Source: "import asyncio, sys\nsys.setrecursionlimit(10**8)\nasync def f(n):\n    return await f(n + 1)\nasyncio.run(f(0))\n",
		WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_yield_from_chain", Source: "def g(n):\n    yield from g(n + 1)\nlist(g(0))\n",
		WantType: "RecursionError", WantMessage: plainDepth},

	// Chains of iterators and generators.
	hostileCase{Name: "stack_map_chain", Source: nested(1_000_000, "iter([1])", "map(abs, x)", "list(x)"),
		MemoryLimit: -1, MaxSteps: -1, MaxRSS: 1 << 30, WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_filter_chain", Source: nested(300_000, "iter([1])", "filter(None, x)", "list(x)"),
		MaxSteps: -1, WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_enumerate_chain", Source: nested(300_000, "iter([1])", "enumerate(x)", "list(x)"),
		MaxSteps: -1, WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_zip_strict_chain", Source: nested(300_000, "iter([1])", "zip(x, strict=True)", "list(x)"),
		MaxSteps: -1, WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_generator_chain", Source: nested(100_000, "iter([1])", "(v for v in x)", "list(x)"),
		MaxSteps: -1, MaxRSS: 512 * mib, WantType: "RecursionError", WantMessage: plainDepth},

	// Recursion through built-ins after asking for a huge limit.
	hostileCase{Name: "stack_setrecursionlimit_sorted", Source: "import sys\nsys.setrecursionlimit(10**8)\ndef g(n):\n    return sorted([n], key=g)\ng(0)\n",
		WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_setrecursionlimit_clamped", Source: "import sys\nsys.setrecursionlimit(10**8)\nassert sys.getrecursionlimit() == 1000, sys.getrecursionlimit()\nsys.setrecursionlimit(500)\nassert sys.getrecursionlimit() == 500\nsys.setrecursionlimit(2000)\nassert sys.getrecursionlimit() == 1000\n"},
	hostileCase{Name: "stack_setrecursionlimit_str", Source: "import sys\nsys.setrecursionlimit(10**8)\nclass A:\n    def __init__(self, n):\n        self.n = n\n    def __str__(self):\n        return '%s' % A(self.n + 1)\nstr(A(0))\n",
		WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_traceback_chain", Source: "e = None\nfor i in range(100000):\n    n = ValueError(i)\n    n.__context__ = e\n    e = n\nraise e\n",
		MaxSteps: -1, MaxRSS: 512 * mib, WantType: "ValueError"},

	hostileCase{Name: "stack_exception_group_chain", Source: "e = None\nfor i in range(100000):\n    n = ValueError(i)\n    n.__context__ = e\n    e = n\nraise ExceptionGroup('g', [e])\n",
		MaxSteps: -1, MaxRSS: 512 * mib, WantType: "ExceptionGroup"},

	// A host MaxDepth of 50.
	hostileCase{Name: "stack_depth50_list_repr", Source: nested(60, "[]", "[x]", "repr(x)"), MaxDepth: 50, WantType: "RecursionError", WantMessage: inRepr},
	hostileCase{Name: "stack_depth50_list_shallow", Source: nested(40, "[]", "[x]", "assert repr(x) == '[' * 41 + ']' * 41"), MaxDepth: 50},
	hostileCase{Name: "stack_depth50_tuple_eq", Source: nested(60, "()", "(x,)", "x == (x,)"), MaxDepth: 50, WantType: "RecursionError", WantMessage: inComparison},
	hostileCase{Name: "stack_depth50_dict_hash", Source: nested(60, "()", "(x,)", "{x: 1}"), MaxDepth: 50, WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_depth50_zip", Source: nested(60, "zip()", "zip(x)", "list(x)"), MaxDepth: 50, WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_depth50_map", Source: selfCall, MaxDepth: 50, WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_depth50_limit", Source: "import sys\nsys.setrecursionlimit(10**6)\nassert sys.getrecursionlimit() == 50\n", MaxDepth: 50},

	// The largest MaxDepth a host can set: the worst paths reach it
	// without overflowing the Go stack.
	hostileCase{Name: "stack_max_map", Source: selfCall, MaxDepth: runtime.MaxRecursionLimit, MaxRSS: 1 << 30,
		WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_max_str", Source: "class A:\n    def __init__(self, n):\n        self.n = n\n    def __str__(self):\n        return '%s' % A(self.n + 1)\nstr(A(0))\n",
		MaxDepth: runtime.MaxRecursionLimit, MaxRSS: 1 << 30, WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_max_instance_repr", Source: instanceRepr + nested(200_000, "None", "A(x)", "repr(x)"),
		MaxDepth: runtime.MaxRecursionLimit, MaxRSS: 1 << 30, WantType: "RecursionError", WantMessage: plainDepth},
	hostileCase{Name: "stack_max_list_repr", Source: nested(1_600_000, "[]", "[x]", "repr(x)"), MaxDepth: runtime.MaxRecursionLimit,
		MemoryLimit: -1, MaxSteps: -1, MaxRSS: 1 << 30, WantType: "RecursionError", WantMessage: inRepr},
	hostileCase{Name: "stack_max_list_eq", Source: nested(1_600_000, "[]", "[x]", "x == [x]"), MaxDepth: runtime.MaxRecursionLimit,
		MemoryLimit: -1, MaxSteps: -1, MaxRSS: 1 << 30, WantType: "RecursionError", WantMessage: inComparison},
	hostileCase{Name: "stack_max_zip", Source: nested(1_000_000, "zip()", "zip(x)", "list(x)"), MaxDepth: runtime.MaxRecursionLimit,
		MemoryLimit: -1, MaxSteps: -1, MaxRSS: 1 << 30, WantType: "RecursionError", WantMessage: plainDepth},

	// str() of a deep list is linear in its length (it was quadratic: a
	// 300,000-deep list took 96 s, and 48,000 levels about 2.5 s).
	hostileCase{Name: "stack_deep_str_linear", Source: nested(48_000, "[]", "[x]", "s = str(x)\nassert len(s) == 96002"),
		MaxDepth: runtime.MaxRecursionLimit, MaxRSS: 1 << 30, MaxTime: time.Second},
)

func TestStack(t *testing.T) { runCases(t, stackCases) }

// TestSetRecursionLimitClamped checks that a host's MaxDepth is clamped to
// MaxRecursionLimit and that a script cannot raise its limit past it.
func TestSetRecursionLimitClamped(t *testing.T) {
	for _, tc := range []struct{ maxDepth, want int }{
		{0, 1000}, {50, 50}, {runtime.MaxRecursionLimit, runtime.MaxRecursionLimit}, {1 << 40, runtime.MaxRecursionLimit},
	} {
		in := interp.New(interp.Options{MaxDepth: tc.maxDepth})
		require.NoError(t, in.Exec(context.Background(), "limit.aio", "import sys\nsys.setrecursionlimit(10**9)\nlimit = sys.getrecursionlimit()\n"))
		v, err := in.Eval(context.Background(), "limit")
		require.NoError(t, err)
		assert.Equal(t, int64(tc.want), v, "MaxDepth %d", tc.maxDepth)
	}
}

// TestDepthRestoredAfterPanic checks that a host function's panic, which
// abandons the frames of the script that called it, does not take their
// recursion depth away for good.
func TestDepthRestoredAfterPanic(t *testing.T) {
	const maxDepth = 1000
	in := interp.New(interp.Options{MaxDepth: maxDepth, Globals: map[string]any{"boom": func() { panic("host bug") }}})
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		err := in.Exec(ctx, "panic.aio", "def f(n):\n    return boom() if n == 0 else f(n - 1)\nf(300)\n")
		var ie *interp.InternalError
		require.True(t, errors.As(err, &ie), "got %v", err)
		_, err = in.CallValue(ctx, mustGet(t, in, "f"), []runtime.Value{runtime.Int(200)}, nil)
		require.True(t, errors.As(err, &ie), "got %v", err)
		_, err = in.Eval(ctx, "f(100)")
		require.True(t, errors.As(err, &ie), "got %v", err)
	}
	assert.Equal(t, 0, in.Thread().Depth)
	probe := fmt.Sprintf("def g(n):\n    return 0 if n == 0 else 1 + g(n - 1)\nassert g(%d) == %d\n", maxDepth*9/10, maxDepth*9/10)
	assert.NoError(t, in.Exec(ctx, "probe.aio", probe))
}

// TestConvertDeep checks that converting a deeply nested value to Go
// fails with an error instead of overflowing the Go stack.
func TestConvertDeep(t *testing.T) {
	in := interp.New(interp.Options{})
	ctx := context.Background()
	require.NoError(t, in.Exec(ctx, "deep.aio", nested(200_000, "[]", "[x, {'k': x}]", "")))
	_, err := in.Eval(ctx, "x")
	assert.ErrorContains(t, err, "nested too deeply")
	v, err := in.EvalValue(ctx, "x")
	require.NoError(t, err)
	var out []any
	assert.Error(t, interp.DecodeValue(v, &out))
}

func mustGet(t *testing.T, in *interp.Interp, name string) runtime.Value {
	v, err := in.EvalValue(context.Background(), name)
	require.NoError(t, err)
	return v
}

// boundDepth is the depth TestStackBound's child drives the worst paths
// to, with a maximum Go stack of boundDepth*MaxStackPerLevel bytes: the
// same stack per level as MaxRecursionLimit levels in 400 MB.
const boundDepth = runtime.MaxRecursionLimit / 8

// worstPaths are the scripts that take the most Go stack per level of
// recursion (measured: about 2-4 KiB each).
var worstPaths = []string{
	"def f(n):\n    return list(map(f, [n + 1]))\nf(0)\n",
	"def f(n):\n    return sorted([n], key=f)\nf(0)\n",
	"def f(n):\n    return max([n], key=f)\nf(0)\n",
	"def f(n):\n    return ''.join(map(f, [n + 1]))\nf(0)\n",
	"class A:\n    def __init__(self, n):\n        self.n = n\n    def __str__(self):\n        return '%s' % A(self.n + 1)\nstr(A(0))\n",
	"class A:\n    def __init__(self, n):\n        self.n = n\n    def __format__(self, spec):\n        return format(A(self.n + 1), spec)\nformat(A(0), 'x')\n",
	"class A:\n    def __init__(self, n):\n        A(n + 1)\nA(0)\n",
	"class A:\n    def __init__(self, n):\n        self.n = n\n    def __getattr__(self, name):\n        return A(self.n + 1).q\nA(0).q\n",
	"class A:\n    def __init__(self, n):\n        self.n = n\n    def __eq__(self, o):\n        return [A(self.n + 1)].index(0) == 0\nA(0) == 0\n",
	"class A:\n    def __init__(self, n):\n        self.n = n\n    def __hash__(self):\n        return len({A(self.n + 1): 1})\nhash(A(0))\n",
	"import asyncio\nasync def f(n):\n    return await f(n + 1)\nasyncio.run(f(0))\n",
	"def g(n):\n    yield from g(n + 1)\nlist(g(0))\n",
	"class It:\n    def __init__(self, n):\n        self.n = n\n    def __next__(self):\n        return next(It(self.n + 1))\nnext(It(0))\n",
	"class A:\n    pass\na = A()\nA.__call__ = a\na()\n",
	nested(2*boundDepth, "abs", "staticmethod(x)", "x(1)"),
	nested(2*boundDepth, "int", "(x,)", "isinstance(1, x)"),
	nested(2*boundDepth, "ValueError(1)", "ValueError(x)", "str(x)"),
	instanceRepr + nested(2*boundDepth, "None", "A(x)", "repr(x)"),
	"class A:\n    def __init__(self, c):\n        self.c = c\n    def __repr__(self):\n        return f'A({self.c!r})'\n" + nested(2*boundDepth, "None", "A(x)", "repr(x)"),
	nested(2*boundDepth, "[]", "[x]", "repr(x)"),
	nested(2*boundDepth, "[]", "[x]", "x == [x]"),
	nested(2*boundDepth, "()", "(x,)", "hash(x)"),
	nested(2*boundDepth, "iter([1])", "(v for v in x)", "list(x)"),
	nested(2*boundDepth, "iter([1])", "map(abs, x)", "list(x)"),
}

// TestStackBound proves the bound on the Go stack per level that makes
// MaxRecursionLimit safe: in a child process whose maximum Go stack is
// lowered to boundDepth*MaxStackPerLevel, each worst path recursing to a
// limit of boundDepth ends in RecursionError instead of a fatal stack
// overflow (which would kill the child and fail the test).
func TestStackBound(t *testing.T) {
	if os.Getenv("AIO_STACK_BOUND_CHILD") == "1" {
		stackBoundChild()
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestStackBound$", "-test.count=1")
	cmd.Env = append(os.Environ(), "AIO_STACK_BOUND_CHILD=1")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "the child died:\n%s", tail(string(out), 3000))
	assert.Equal(t, len(worstPaths), strings.Count(string(out), "RecursionError\n"), "%s", tail(string(out), 3000))
}

// stackBoundChild runs the worst paths under the lowered stack limit, on
// a fresh goroutine (whose stack starts small and must grow).
func stackBoundChild() {
	debug.SetMaxStack(boundDepth * runtime.MaxStackPerLevel)
	for _, src := range worstPaths {
		done := make(chan struct{})
		go func() {
			defer close(done)
			in := interp.New(interp.Options{MaxDepth: boundDepth})
			err := in.Exec(context.Background(), "worst.aio", src)
			var e *interp.Error
			if errors.As(err, &e) && e.Type == "RecursionError" {
				fmt.Println("RecursionError")
			} else {
				fmt.Printf("unexpected: %v\n", err)
			}
		}()
		<-done
		goruntime.GC()
	}
}
