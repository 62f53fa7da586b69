package interp_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/parser"
	"github.com/aio-lang/aio/runtime"
)

// newInterp makes an interpreter writing to a buffer.
func newInterp(opts interp.Options) (*interp.Interp, *bytes.Buffer) {
	var out bytes.Buffer
	if opts.Stdout == nil {
		opts.Stdout = &out
	}
	if opts.Stderr == nil {
		opts.Stderr = &out
	}
	return interp.New(opts), &out
}

// scriptError asserts that err is an *interp.Error and returns it.
func scriptError(t *testing.T, err error) *interp.Error {
	t.Helper()
	var e *interp.Error
	require.ErrorAs(t, err, &e)
	return e
}

func TestExecPrints(t *testing.T) {
	in, out := newInterp(interp.Options{})
	require.NoError(t, in.Exec(context.Background(), "hello.aio", "print('hello', 1 + 2)\n"))
	assert.Equal(t, "hello 3\n", out.String())
}

func TestRunProgramTwiceSharesGlobals(t *testing.T) {
	prog, err := interp.CompileProgram("count.aio", []byte("try:\n    n += 1\nexcept NameError:\n    n = 1\nprint(n)\n"))
	require.NoError(t, err)
	in, out := newInterp(interp.Options{})
	require.NoError(t, in.Run(context.Background(), prog))
	require.NoError(t, in.Run(context.Background(), prog))
	assert.Equal(t, "1\n2\n", out.String())
	assert.Equal(t, "count.aio", prog.Filename())
}

func TestSyntaxErrorIsParserError(t *testing.T) {
	_, err := interp.CompileProgram("bad.aio", []byte("def f(:\n"))
	var se *parser.SyntaxError
	require.ErrorAs(t, err, &se)
	in, _ := newInterp(interp.Options{})
	err = in.Exec(context.Background(), "bad.aio", "x = = 1\n")
	assert.ErrorAs(t, err, &se)
	_, err = in.Eval(context.Background(), "1 +")
	assert.ErrorAs(t, err, &se)
}

func TestUncaughtExceptionIsError(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	err := in.Exec(context.Background(), "boom.aio", "def f(x):\n    raise ValueError(f'bad {x}')\n\nf(3)\n")
	e := scriptError(t, err)
	assert.Equal(t, "ValueError", e.Type)
	assert.Equal(t, "bad 3", e.Message)
	assert.Equal(t, "ValueError: bad 3", e.Error())
	assert.Equal(t, `Traceback (most recent call last):
  File "boom.aio", line 4, in <module>
    f(3)
  File "boom.aio", line 2, in f
    raise ValueError(f'bad {x}')
ValueError: bad 3
`, e.Traceback)
	require.NotNil(t, e.Exception)
	assert.Same(t, runtime.ValueError, e.Exception.Class)
	assert.NoError(t, e.Unwrap())
}

func TestUserExceptionType(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	err := in.Exec(context.Background(), "u.aio", "class Oops(Exception):\n    pass\nraise Oops('x', 2)\n")
	e := scriptError(t, err)
	assert.Equal(t, "Oops", e.Type)
	assert.Equal(t, "('x', 2)", e.Message)
}

func TestEvalGetSet(t *testing.T) {
	in, _ := newInterp(interp.Options{Globals: map[string]any{"base": 40}})
	require.NoError(t, in.Set("step", 2))
	v, err := in.Eval(context.Background(), "base + step")
	require.NoError(t, err)
	assert.Equal(t, int64(42), v)

	require.NoError(t, in.Exec(context.Background(), "m.aio", "names = [n.upper() for n in ('a', 'b')]\nratio = 1 / 4\n"))
	got, err := in.Get("names")
	require.NoError(t, err)
	assert.Equal(t, []any{"A", "B"}, got)
	got, err = in.Get("ratio")
	require.NoError(t, err)
	assert.Equal(t, 0.25, got)
	_, err = in.Get("missing")
	assert.ErrorContains(t, err, `name "missing" is not defined`)

	v, err = in.Eval(context.Background(), "(lambda x: [x * i for i in range(3)])(2)")
	require.NoError(t, err)
	assert.Equal(t, []any{int64(0), int64(2), int64(4)}, v)

	_, err = in.Eval(context.Background(), "undefined_name")
	e := scriptError(t, err)
	assert.Equal(t, "NameError", e.Type)
	assert.Contains(t, e.Traceback, `File "<string>", line 1, in <module>`)

	fn, ok := in.Global("ratio")
	require.True(t, ok)
	assert.True(t, fn.IsFloat())
}

func TestEvalAwait(t *testing.T) {
	in, _ := newInterp(interp.Options{VirtualTime: true})
	require.NoError(t, in.Set("double", interp.AsyncFunc("double", func(ctx context.Context, x int) (int, error) {
		return 2 * x, interp.Sleep(ctx, time.Second)
	})))
	v, err := in.Eval(context.Background(), "await gather(double(1), double(2))")
	require.NoError(t, err)
	assert.Equal(t, []any{int64(2), int64(4)}, v)
}

func TestCallSyncAndAsync(t *testing.T) {
	in, _ := newInterp(interp.Options{VirtualTime: true})
	require.NoError(t, in.Exec(context.Background(), "lib.aio", `
def add(a, b=10, *, scale=1):
    return (a + b) * scale

async def slow_square(x):
    await sleep(5)
    return {"x": x, "square": x * x}

def fail():
    raise KeyError("k")
`))
	v, err := in.Call(context.Background(), "add", 1, 2)
	require.NoError(t, err)
	assert.Equal(t, int64(3), v)
	v, err = in.Call(context.Background(), "add", 1, interp.Kwargs{"scale": 3})
	require.NoError(t, err)
	assert.Equal(t, int64(33), v)
	v, err = in.Call(context.Background(), "slow_square", 7)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"x": int64(7), "square": int64(49)}, v)

	fn, ok := in.Global("add")
	require.True(t, ok)
	r, err := in.CallValue(context.Background(), fn, []runtime.Value{runtime.Int(5)}, nil)
	require.NoError(t, err)
	assert.Equal(t, int64(15), r.SmallInt())
	v, err = in.Call(context.Background(), fn, 1, 1)
	require.NoError(t, err)
	assert.Equal(t, int64(2), v)

	_, err = in.Call(context.Background(), "fail")
	e := scriptError(t, err)
	assert.Equal(t, "KeyError", e.Type)
	assert.Equal(t, "'k'", e.Message)

	_, err = in.Call(context.Background(), "add")
	assert.Equal(t, "TypeError", scriptError(t, err).Type)
	_, err = in.Call(context.Background(), "nope")
	assert.ErrorContains(t, err, `name "nope" is not defined`)
	_, err = in.Call(context.Background(), "add", make(chan int))
	assert.ErrorContains(t, err, "cannot convert Go value of type chan int")
}

// A host function may call back into the script it was called from.
func TestHostFunctionCallsBack(t *testing.T) {
	in, out := newInterp(interp.Options{})
	var self *interp.Interp
	require.NoError(t, in.Set("twice", func(ctx context.Context, fn runtime.Value, x int) (any, error) {
		y, err := self.Call(ctx, fn, x)
		if err != nil {
			return nil, err
		}
		return self.Call(ctx, fn, y)
	}))
	self = in
	require.NoError(t, in.Exec(context.Background(), "cb.aio", "print(twice(lambda v: v * 3, 2))\n"))
	assert.Equal(t, "18\n", out.String())
}

func TestCompileOnceRunInManyInterpreters(t *testing.T) {
	prog, err := interp.CompileProgram("worker.aio", []byte(`
import math

async def job(i):
    await sleep(0.01 * (i % 3))
    return await lookup(i) + scale(i)

results = await gather(*(job(i) for i in range(5)))
import shop
try:
    shop.check(ident)
except shop.Refused as e:
    results.append(str(e))
item = shop.item(ident)
item.qty += 1
print(ident, results, math.sqrt(16), item, shop.tax)
`))
	require.NoError(t, err)
	type Item struct {
		Name string `aio:"name"`
		Qty  int    `aio:"qty"`
	}
	refused := interp.NewExceptionType("shop", "Refused", nil)
	shop := interp.NewModule("shop").
		Set("tax", 0.2).
		Set("Refused", refused).
		Func("check", func(i int) error { return interp.RaiseAs(refused, fmt.Errorf("no %d", i)) }).
		Func("item", func(i int) Item { return Item{"x", i} })
	lookup := interp.AsyncFunc("lookup", func(ctx context.Context, i int) (int, error) {
		if err := interp.Sleep(ctx, time.Duration(i)*time.Millisecond); err != nil {
			return 0, err
		}
		return i * 100, nil
	})
	scale := interp.Func("scale", func(i int) int { return i * 2 })

	const n = 100
	outs := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var out bytes.Buffer
			in := interp.New(interp.Options{
				Stdout:      &out,
				Stderr:      &out,
				VirtualTime: i%2 == 0,
				MaxSteps:    1_000_000,
				HostModules: []*interp.Module{shop},
				Globals:     map[string]any{"ident": i, "lookup": lookup, "scale": scale},
			})
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			errs[i] = in.Run(ctx, prog)
			outs[i] = out.String()
		}(i)
	}
	wg.Wait()
	for i := 0; i < n; i++ {
		assert.NoError(t, errs[i], "interpreter %d", i)
		assert.Equal(t, fmt.Sprintf("%d [0, 102, 204, 306, 408, 'no %d'] 4.0 Item(name='x', qty=%d) 0.2\n", i, i, i+1), outs[i], "interpreter %d", i)
	}
}

func TestCancelBusyLoop(t *testing.T) {
	for _, src := range []string{
		"while True:\n    pass\n",
		// Handlers cannot keep it alive: the interrupt is raised again at
		// every instruction.
		"while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n    finally:\n        x = 1\n",
		// A long loop inside a built-in.
		"print(sum(range(10**15)))\n",
		// A blocking sleep.
		"import time\ntime.sleep(1000)\n",
		// A busy task among others.
		"async def spin():\n    while True:\n        pass\nasync def main():\n    await gather(spin(), sleep(10))\nawait main()\n",
	} {
		in, out := newInterp(interp.Options{})
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)
		start := time.Now()
		err := in.Exec(ctx, "busy.aio", src)
		elapsed := time.Since(start)
		assert.ErrorIs(t, err, context.Canceled, src)
		assert.Less(t, elapsed, 2*time.Second, src)
		e := scriptError(t, err)
		assert.Equal(t, "Interrupted", e.Type)
		assert.Equal(t, "context canceled", e.Message)
		assert.Empty(t, out.String(), "nothing reported to stderr")
		// The interpreter remains usable.
		v, err := in.Eval(context.Background(), "6 * 7")
		require.NoError(t, err)
		assert.Equal(t, int64(42), v)
	}
}

func TestCancelWhileWaiting(t *testing.T) {
	for _, virtual := range []bool{false, true} {
		in, out := newInterp(interp.Options{VirtualTime: virtual})
		require.NoError(t, in.Set("block", interp.AsyncFunc("block", func(ctx context.Context) error {
			<-ctx.Done()
			return ctx.Err()
		})))
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)
		start := time.Now()
		err := in.Exec(ctx, "wait.aio", "async def main():\n    try:\n        await gather(sleep(1000), block())\n    finally:\n        print('cleanup')\nawait main()\n")
		assert.ErrorIs(t, err, context.Canceled)
		assert.Less(t, time.Since(start), 2*time.Second)
		assert.NotContains(t, out.String(), "Traceback")
	}
}

func TestDeadlineExceeded(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	err := in.Exec(ctx, "d.aio", "i = 0\nwhile True:\n    i += 1\n")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	n, err2 := in.Get("i")
	require.NoError(t, err2)
	assert.Greater(t, n.(int64), int64(1000))
	assert.Greater(t, in.Steps(), int64(1000))
}

func TestCancelledContextBeforeRun(t *testing.T) {
	in, out := newInterp(interp.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := in.Exec(ctx, "x.aio", "print('never')\n")
	assert.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, out.String())
}

func TestCancelCause(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	ctx, cancel := context.WithCancelCause(context.Background())
	why := errors.New("user pressed stop")
	time.AfterFunc(20*time.Millisecond, func() { cancel(why) })
	err := in.Exec(ctx, "x.aio", "while True:\n    pass\n")
	assert.ErrorIs(t, err, context.Canceled)
	assert.ErrorIs(t, err, why)
}

func TestCallCancelled(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	require.NoError(t, in.Exec(context.Background(), "f.aio", "def spin():\n    while True:\n        pass\nasync def aspin():\n    while True:\n        await sleep(0)\n"))
	for _, name := range []string{"spin", "aspin"} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		_, err := in.Call(ctx, name)
		cancel()
		assert.ErrorIs(t, err, context.DeadlineExceeded, name)
	}
}

func TestStepLimit(t *testing.T) {
	in, out := newInterp(interp.Options{MaxSteps: 10_000})
	err := in.Exec(context.Background(), "s.aio", "while True:\n    pass\n")
	e := scriptError(t, err)
	assert.Equal(t, "RuntimeError", e.Type)
	assert.Contains(t, e.Message, "maximum execution steps exceeded")
	assert.ErrorIs(t, err, interp.ErrStepLimit)
	assert.GreaterOrEqual(t, in.Steps(), int64(10_000))
	assert.Less(t, in.Steps(), int64(10_100))

	// Catchable: the script may report it.
	out.Reset()
	err = in.Exec(context.Background(), "s.aio", "try:\n    while True:\n        pass\nexcept RuntimeError as e:\n    print('stopped:', e)\n")
	require.NoError(t, err)
	assert.Equal(t, "stopped: maximum execution steps exceeded (limit is 10000)\n", out.String())

	// But not survivable: after a grace period the script is stopped.
	err = in.Exec(context.Background(), "s.aio", "while True:\n    try:\n        while True:\n            pass\n    except RuntimeError:\n        pass\n")
	e = scriptError(t, err)
	assert.Equal(t, "Interrupted", e.Type)
	assert.ErrorIs(t, err, interp.ErrStepLimit)

	// Each entry has its own budget.
	for i := 0; i < 3; i++ {
		v, err := in.Eval(context.Background(), "sum([i for i in range(500)])")
		require.NoError(t, err)
		assert.Equal(t, int64(124750), v)
	}
	// Async tasks are counted too.
	err = in.Exec(context.Background(), "a.aio", "async def spin():\n    while True:\n        await sleep(0)\nawait gather(spin(), spin())\n")
	assert.ErrorIs(t, err, interp.ErrStepLimit)
}

func TestDepthLimit(t *testing.T) {
	in, out := newInterp(interp.Options{MaxDepth: 50})
	src := `
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught:", e)
`
	require.NoError(t, in.Exec(context.Background(), "r.aio", src))
	assert.Equal(t, "caught: maximum recursion depth exceeded\n", out.String())
	err := in.Exec(context.Background(), "r.aio", "def f():\n    f()\nf()\n")
	assert.Equal(t, "RecursionError", scriptError(t, err).Type)
	err = in.Exec(context.Background(), "r.aio", "async def f(n):\n    return await f(n + 1)\nawait f(0)\n")
	assert.Equal(t, "RecursionError", scriptError(t, err).Type)
}

func TestMemoryLimit(t *testing.T) {
	// Without a limit, aio still refuses allocations that would take the
	// host down.
	in, out := newInterp(interp.Options{})
	for _, expr := range []string{`"x" * 10**10`, `[0] * 10**9`, `(1, 2) * 10**9`} {
		_, err := in.Eval(context.Background(), expr)
		assert.Equal(t, "MemoryError", scriptError(t, err).Type, expr)
	}
	require.NoError(t, in.Exec(context.Background(), "m.aio", "try:\n    s = 'x' * 10**10\nexcept MemoryError:\n    print('too big')\n"))
	assert.Equal(t, "too big\n", out.String())

	in, _ = newInterp(interp.Options{MemoryLimit: 1 << 20})
	ok := []string{`len("x" * 500_000)`, `len([0] * 10_000)`, `len([i for i in range(10_000)])`}
	for _, expr := range ok {
		_, err := in.Eval(context.Background(), expr)
		assert.NoError(t, err, expr)
	}
	tooBig := []string{
		`"x" * 2_000_000`,
		`[0] * 100_000`,
		`[i for i in range(100_000)]`,
		`list(range(100_000))`,
		`list(range(10**10))`,
		`sorted(range(100_000))`,
		`[0] * 30_000 + [1] * 30_000`,
	}
	for _, expr := range tooBig {
		_, err := in.Eval(context.Background(), expr)
		assert.Equal(t, "MemoryError", scriptError(t, err).Type, expr)
	}
	for _, src := range []string{
		"xs = []\nwhile True:\n    xs.append(1)\n",
		"s = 'abc'\nwhile True:\n    s += s\n",
		"xs = [1]\nwhile True:\n    xs += xs\n",
		"xs = [1]\nwhile True:\n    xs.extend(xs)\n",
		"xs = [1]\nwhile True:\n    xs *= 2\n",
	} {
		err := in.Exec(context.Background(), "grow.aio", src)
		assert.Equal(t, "MemoryError", scriptError(t, err).Type, src)
	}
}

func TestAllowedModules(t *testing.T) {
	in, out := newInterp(interp.Options{AllowedModules: []string{"math"}})
	require.NoError(t, in.Exec(context.Background(), "ok.aio", "import math, asyncio\nprint(math.floor(2.5))\n"))
	assert.Equal(t, "2\n", out.String())
	for _, mod := range []string{"time", "sys", "random"} {
		err := in.Exec(context.Background(), "no.aio", "import "+mod+"\n")
		e := scriptError(t, err)
		assert.Equal(t, "ModuleNotFoundError", e.Type)
		assert.Equal(t, fmt.Sprintf("No module named '%s'", mod), e.Message)
	}
	in, _ = newInterp(interp.Options{AllowedModules: []string{}})
	err := in.Exec(context.Background(), "no.aio", "import math\n")
	assert.Equal(t, "ModuleNotFoundError", scriptError(t, err).Type)
}

func TestInitErrors(t *testing.T) {
	in, _ := newInterp(interp.Options{Globals: map[string]any{"ch": make(chan int)}})
	err := in.Exec(context.Background(), "x.aio", "pass\n")
	assert.ErrorContains(t, err, `Options.Globals["ch"]`)
	assert.ErrorContains(t, err, "chan int")

	bad := interp.NewModule("bad").Set("c", complex(1, 2))
	in, _ = newInterp(interp.Options{HostModules: []*interp.Module{bad}})
	_, err = in.Eval(context.Background(), "1")
	assert.ErrorContains(t, err, "module bad, member c")
}

func TestStdin(t *testing.T) {
	in, out := newInterp(interp.Options{Stdin: strings.NewReader("Ada\n")})
	require.NoError(t, in.Exec(context.Background(), "in.aio", "name = input('name? ')\nprint('hi', name)\n"))
	assert.Equal(t, "name? hi Ada\n", out.String())
}

// A host function that panics does not take the host down.
func TestHostPanicIsInternalError(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	require.NoError(t, in.Set("explode", func() { panic("kaboom") }))
	err := in.Exec(context.Background(), "p.aio", "explode()\n")
	var ie *interp.InternalError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "kaboom", ie.Value)

	in, _ = newInterp(interp.Options{})
	require.NoError(t, in.Set("explode", interp.AsyncFunc("explode", func() { panic("async kaboom") })))
	err = in.Exec(context.Background(), "p.aio", "await explode()\n")
	require.ErrorAs(t, err, &ie)
	assert.Contains(t, fmt.Sprint(ie.Value), "async kaboom")
}

func TestSystemExit(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	for src, want := range map[string]int{"exit()": 0, "exit(None)": 0, "exit(3)": 3, "exit('bye')": 1, "import sys\nsys.exit(2)": 2} {
		err := in.Exec(context.Background(), "x.aio", src+"\n")
		e := scriptError(t, err)
		assert.Equal(t, "SystemExit", e.Type, src)
		code, ok := e.ExitCode()
		assert.True(t, ok, src)
		assert.Equal(t, want, code, src)
	}
	_, err := in.Eval(context.Background(), "1/0")
	_, ok := scriptError(t, err).ExitCode()
	assert.False(t, ok)
}

// Interpreters on separate goroutines share the process-wide types; the
// exception groups behave as user classes, so their lookups must not be
// cached in shared state (go test -race checks this).
func TestInterpretersShareExceptionGroupTypesSafely(t *testing.T) {
	src := []byte(`for i in range(200):
    eg = ExceptionGroup("many", [ValueError(i), TypeError(i)])
    match, rest = eg.split(ValueError)
    assert len(match.exceptions) == 1 and len(rest.exceptions) == 1
    assert eg.message == "many"
`)
	prog, err := interp.CompileProgram("eg.aio", src)
	require.NoError(t, err)
	done := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			done <- interp.New(interp.Options{}).Run(context.Background(), prog)
		}()
	}
	for g := 0; g < 4; g++ {
		assert.NoError(t, <-done)
	}
}
