package interp_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/runtime"
)

// run executes src and returns its output, failing the test on error.
func run(t *testing.T, in *interp.Interp, out interface{ String() string }, src string) string {
	t.Helper()
	require.NoError(t, in.Exec(context.Background(), "test.aio", src))
	return out.String()
}

func TestFuncConvertsArgumentsAndResults(t *testing.T) {
	in, out := newInterp(interp.Options{})
	require.NoError(t, in.Set("greet", func(name string, times int) (string, error) {
		return strings.Repeat("hi "+name+"! ", times), nil
	}))
	require.NoError(t, in.Set("divmod_go", func(a, b int64) (int64, int64) { return a / b, a % b }))
	require.NoError(t, in.Set("nothing", func() {}))
	require.NoError(t, in.Set("total", func(prices ...float64) float64 {
		s := 0.0
		for _, p := range prices {
			s += p
		}
		return s
	}))
	require.NoError(t, in.Set("join", func(sep string, parts ...string) string { return strings.Join(parts, sep) }))
	require.NoError(t, in.Set("keys", func(m map[string]int) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		return ks
	}))
	require.NoError(t, in.Set("ctx_value", func(ctx context.Context, key string) any { return ctx.Value(ctxKey(key)) }))
	got := run(t, in, out, `
print(greet("ann", 2))
print(divmod_go(17, 5))
print(nothing())
print(total(), total(1, 2.5), total(*[1, 2, 3]))
print(join("-"), join("-", "a", "b"))
print(keys({"z": 1}))
print(repr(greet))
`)
	assert.Equal(t, "hi ann! hi ann! \n(3, 2)\nNone\n0.0 3.5 6.0\n a-b\n['z']\n<built-in function greet>\n", got)

	// The context of the entry reaches functions that take one.
	ctx := context.WithValue(context.Background(), ctxKey("user"), "ada")
	v, err := in.Eval(ctx, "ctx_value('user')")
	require.NoError(t, err)
	assert.Equal(t, "ada", v)
}

type ctxKey string

func TestFuncTypeErrors(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	require.NoError(t, in.Set("greet", func(name string, times int) string { return "" }))
	require.NoError(t, in.Set("one", func(x float64) float64 { return x }))
	require.NoError(t, in.Set("none", func() {}))
	require.NoError(t, in.Set("atleast", func(a int, rest ...int) {}))
	require.NoError(t, in.Set("small", func(x int8) {}))
	require.NoError(t, in.Set("unsigned", func(x uint) {}))
	require.NoError(t, in.Set("ints", func(xs []int) {}))
	require.NoError(t, in.Set("flag", func(b bool) {}))
	type Item struct {
		SKU string `aio:"sku"`
		Qty int    `aio:"qty"`
	}
	require.NoError(t, in.Set("order", func(items []Item) int { return len(items) }))
	cases := []struct{ call, want string }{
		{`greet("a")`, "TypeError: greet() takes exactly 2 arguments (1 given)"},
		{`greet("a", 1, 2)`, "TypeError: greet() takes exactly 2 arguments (3 given)"},
		{`greet(1, 2)`, "TypeError: greet() argument 1 must be str, not int"},
		{`greet("a", "b")`, "TypeError: greet() argument 2 must be int, not str"},
		{`greet("a", 1.5)`, "TypeError: greet() argument 2: 'float' object cannot be interpreted as an integer"},
		{`greet(name="a", times=1)`, "TypeError: greet() takes no keyword arguments"},
		{`one()`, "TypeError: one() takes exactly one argument (0 given)"},
		{`one("x")`, "TypeError: one() argument 1 must be float, not str"},
		{`none(1)`, "TypeError: none() takes no arguments (1 given)"},
		{`atleast()`, "TypeError: atleast() takes at least 1 argument (0 given)"},
		{`atleast(1, 2, "x")`, "TypeError: atleast() argument 3 must be int, not str"},
		{`small(300)`, "OverflowError: Python int too large to convert to Go int8"},
		{`small(2**70)`, "OverflowError: Python int too large to convert to Go int8"},
		{`unsigned(-1)`, "OverflowError: can't convert negative int to unsigned"},
		{`ints([1, "2"])`, "TypeError: ints() argument 1[1] must be int, not str"},
		{`ints(3)`, "TypeError: ints() argument 1 must be list, not int"},
		{`flag(1)`, "TypeError: flag() argument 1 must be bool, not int"},
		{`order([{"sku": "a", "qty": "x"}])`, "TypeError: order() argument 1[0].qty must be int, not str"},
		{`order([{"sku": "a", "count": 1}])`, `TypeError: order() argument 1[0]: interp_test.Item has no field "count"`},
	}
	for _, c := range cases {
		_, err := in.Eval(context.Background(), c.call)
		assert.Equal(t, c.want, scriptError(t, err).Error(), c.call)
	}
	// The script can catch them.
	v, err := in.Eval(context.Background(), `order([{"sku": "a", "qty": 2}, {"sku": "b"}])`)
	require.NoError(t, err)
	assert.Equal(t, int64(2), v)
}

func TestFuncBadSignatures(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	assert.ErrorContains(t, in.Set("f", func(c chan int) {}), "parameter 1: unsupported type chan int")
	assert.ErrorContains(t, in.Set("f", func() complex128 { return 0 }), "result 1: unsupported type complex128")
	assert.ErrorContains(t, in.Set("f", interp.Func("f", 42)), "int is not a function")
	assert.ErrorContains(t, in.Set("f", interp.RawFunc("f", nil)), "nil function")
	assert.ErrorContains(t, in.Set("f", interp.AsyncFunc("f", func(v []runtime.Value) {})), "runtime.Value cannot be used off the interpreter's goroutine")
}

var errNotFound = errors.New("not found")

func TestFuncErrorsBecomeExceptions(t *testing.T) {
	in, out := newInterp(interp.Options{})
	outOfStock := interp.NewExceptionType("shop", "OutOfStock", runtime.ExceptionType)
	require.NoError(t, in.Set("OutOfStock", outOfStock))
	require.NoError(t, in.Set("find", func(key string) (string, error) {
		switch key {
		case "missing":
			return "", errNotFound
		case "value":
			return "", interp.RaiseAs(runtime.ValueError, fmt.Errorf("bad key %q", key))
		case "stock":
			return "", interp.RaiseAs(outOfStock, errors.New("no pens left"))
		case "slow":
			return "", fmt.Errorf("backend: %w", context.DeadlineExceeded)
		case "file":
			return "", fmt.Errorf("open x: %w", os.ErrNotExist)
		case "exc":
			return "", runtime.Errorf(runtime.IndexError, "index %d", 7)
		}
		return "ok:" + key, nil
	}))
	require.NoError(t, in.Set("lookup", interp.Func("lookup", func() error { return errNotFound }).ErrorClass(runtime.LookupError)))
	got := run(t, in, out, `
for key in ["missing", "value", "stock", "slow", "file", "exc", "fine"]:
    try:
        print(find(key))
    except Exception as e:
        print(type(e).__name__, e)
try:
    find("stock")
except OutOfStock as e:
    print("caught", repr(e))
try:
    lookup()
except LookupError as e:
    print("lookup", e)
`)
	assert.Equal(t, `RuntimeError not found
ValueError bad key "value"
OutOfStock no pens left
TimeoutError backend: context deadline exceeded
FileNotFoundError open x: file does not exist
IndexError index 7
ok:fine
caught OutOfStock('no pens left')
lookup not found
`, got)

	// Uncaught, the Go error is still there for errors.Is.
	_, err := in.Eval(context.Background(), "find('missing')")
	assert.ErrorIs(t, err, errNotFound)
	e := scriptError(t, err)
	assert.Equal(t, "RuntimeError", e.Type)
	_, err = in.Eval(context.Background(), "find('stock')")
	assert.Equal(t, "shop.OutOfStock", scriptError(t, err).Type)
	// Even when the script raises another exception while handling it.
	err = in.Exec(context.Background(), "x.aio", "try:\n    find('missing')\nexcept RuntimeError:\n    raise ValueError('wrapped')\n")
	assert.ErrorIs(t, err, errNotFound)
	assert.Contains(t, scriptError(t, err).Traceback, "During handling of the above exception, another exception occurred:")
}

func TestRawFunc(t *testing.T) {
	in, out := newInterp(interp.Options{})
	require.NoError(t, in.Set("clamp", interp.RawFunc("clamp", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var x, lo, hi int64 = 0, 0, 100
		if err := runtime.UnpackArgs("clamp", args, kw, "x", &x, "lo?", &lo, "hi?", &hi); err != nil {
			return runtime.Value{}, err
		}
		assert.NotNil(t, interp.InterpOf(th))
		assert.NotNil(t, interp.ContextOf(th))
		return runtime.Int(max(lo, min(x, hi))), nil
	})))
	got := run(t, in, out, "print(clamp(150), clamp(-5, lo=-1), clamp(5, 0, 3))\ntry:\n    clamp('x')\nexcept TypeError as e:\n    print(e)\n")
	assert.Equal(t, "100 -1 3\n'str' object cannot be interpreted as an integer\n", got)
}

// The script awaits an async Go function through wait_for; the timeout
// cancels it: the script sees TimeoutError, the Go function sees its
// context cancelled.
func TestWaitForCancelsAsyncFunc(t *testing.T) {
	for _, virtual := range []bool{false, true} {
		t.Run(fmt.Sprintf("virtual=%v", virtual), func(t *testing.T) {
			in, out := newInterp(interp.Options{VirtualTime: virtual})
			goSaw := make(chan error, 1)
			require.NoError(t, in.Set("fetch", interp.AsyncFunc("fetch", func(ctx context.Context, url string) (string, error) {
				err := interp.Sleep(ctx, 10*time.Second)
				goSaw <- err
				if err != nil {
					return "", err
				}
				return "body of " + url, nil
			})))
			start := time.Now()
			got := run(t, in, out, `
async def main():
    try:
        await wait_for(fetch("http://slow"), timeout=0.05)
    except TimeoutError:
        print("timed out")
    try:
        async with timeout(0.05):
            try:
                await fetch("http://slow2")
            except CancelledError:
                print("cancelled inside timeout()")
                raise
    except TimeoutError:
        print("timed out again")
await main()
`)
			assert.Equal(t, "timed out\ncancelled inside timeout()\ntimed out again\n", got)
			assert.Less(t, time.Since(start), 5*time.Second)
			for i := 0; i < 2; i++ {
				select {
				case err := <-goSaw:
					assert.ErrorIs(t, err, context.Canceled)
				case <-time.After(5 * time.Second):
					t.Fatal("the Go function's context was not cancelled")
				}
			}
		})
	}
}

// A blocking Go function (not using Sleep) is cancelled the same way.
func TestWaitForCancelsBlockingGoroutine(t *testing.T) {
	in, out := newInterp(interp.Options{})
	goSaw := make(chan error, 1)
	require.NoError(t, in.Set("block", interp.AsyncFunc("block", func(ctx context.Context) error {
		<-ctx.Done()
		goSaw <- ctx.Err()
		return ctx.Err()
	})))
	got := run(t, in, out, "try:\n    await wait_for(block(), 0.02)\nexcept TimeoutError:\n    print('timeout')\n")
	assert.Equal(t, "timeout\n", got)
	select {
	case err := <-goSaw:
		assert.ErrorIs(t, err, context.Canceled)
	case <-time.After(5 * time.Second):
		t.Fatal("the Go function's context was not cancelled")
	}
}

// gather over three async Go functions runs them at the same time: each
// waits until all three have started.
func TestGatherRunsAsyncFuncsConcurrently(t *testing.T) {
	in, out := newInterp(interp.Options{VirtualTime: true})
	var started sync.WaitGroup
	started.Add(3)
	allStarted := make(chan struct{})
	go func() { started.Wait(); close(allStarted) }()
	var running, peak atomic.Int32
	require.NoError(t, in.Set("fetch", interp.AsyncFunc("fetch", func(ctx context.Context, name string) (string, error) {
		n := running.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		defer running.Add(-1)
		started.Done()
		select {
		case <-allStarted:
		case <-time.After(5 * time.Second):
			return "", errors.New("not concurrent")
		}
		return strings.ToUpper(name), nil
	})))
	got := run(t, in, out, "print(await gather(fetch('a'), fetch('b'), fetch('c')))\n")
	assert.Equal(t, "['A', 'B', 'C']\n", got)
	assert.Equal(t, int32(3), peak.Load())
}

// A failing task in a TaskGroup cancels its siblings, including the Go
// functions they await.
func TestTaskGroupCancelsAsyncFunc(t *testing.T) {
	in, out := newInterp(interp.Options{})
	cancelled := make(chan struct{})
	require.NoError(t, in.Set("forever", interp.AsyncFunc("forever", func(ctx context.Context) error {
		<-ctx.Done()
		close(cancelled)
		return ctx.Err()
	})))
	require.NoError(t, in.Set("fail_soon", interp.AsyncFunc("fail_soon", func(ctx context.Context) error {
		time.Sleep(10 * time.Millisecond)
		return interp.RaiseAs(runtime.ValueError, errors.New("backend down"))
	})))
	got := run(t, in, out, `
try:
    async with TaskGroup() as tg:
        tg.create_task(forever())
        tg.create_task(fail_soon())
except ExceptionGroup as eg:
    print("failed:", [str(e) for e in eg.exceptions])
`)
	assert.Equal(t, "failed: ['backend down']\n", got)
	select {
	case <-cancelled:
	case <-time.After(5 * time.Second):
		t.Fatal("forever() was not cancelled")
	}
}

func TestTaskCancelCancelsAsyncFunc(t *testing.T) {
	in, out := newInterp(interp.Options{VirtualTime: true})
	var saw atomic.Value
	require.NoError(t, in.Set("work", interp.AsyncFunc("work", func(ctx context.Context) (int, error) {
		err := interp.Sleep(ctx, time.Hour)
		saw.Store(fmt.Sprint(err))
		return 1, err
	})))
	got := run(t, in, out, `
t = create_task(work())
await sleep(1)
t.cancel()
try:
    await t
except CancelledError:
    print("cancelled", t.cancelled())
`)
	assert.Equal(t, "cancelled True\n", got)
	assert.Eventually(t, func() bool { return saw.Load() == "context canceled" }, 5*time.Second, time.Millisecond)
}

// With the virtual clock, Sleep in an async Go function advances the
// loop's clock instantly and deterministically.
func TestSleepOnVirtualClock(t *testing.T) {
	in, out := newInterp(interp.Options{VirtualTime: true})
	require.NoError(t, in.Set("latency", interp.AsyncFunc("latency", func(ctx context.Context, ms int) (int, error) {
		return ms, interp.Sleep(ctx, time.Duration(ms)*time.Millisecond)
	})))
	start := time.Now()
	got := run(t, in, out, `
import asyncio
loop = asyncio.get_running_loop() if False else None
async def timed(ms):
    t0 = asyncio.get_running_loop().time()
    await latency(ms)
    return round(asyncio.get_running_loop().time() - t0, 3)
print(await gather(timed(3000), timed(1000), timed(2000)))
async def order():
    done = []
    async def one(ms):
        await latency(ms)
        done.append(ms)
    await gather(one(300), one(100), one(200))
    return done
print(await order())
`)
	assert.Equal(t, "[3.0, 1.0, 2.0]\n[100, 200, 300]\n", got)
	assert.Less(t, time.Since(start), 2*time.Second)
}

func TestSleepOutsideAsyncFunc(t *testing.T) {
	start := time.Now()
	require.NoError(t, interp.Sleep(context.Background(), 5*time.Millisecond))
	assert.GreaterOrEqual(t, time.Since(start), 5*time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.ErrorIs(t, interp.Sleep(ctx, time.Hour), context.Canceled)
}

func TestAsyncFuncErrorsAndArgs(t *testing.T) {
	in, out := newInterp(interp.Options{})
	require.NoError(t, in.Set("get", interp.AsyncFunc("get", func(ctx context.Context, id int) (map[string]any, error) {
		if id < 0 {
			return nil, interp.RaiseAs(runtime.KeyError, fmt.Errorf("no item %d", id))
		}
		return map[string]any{"id": id, "tags": []string{"a", "b"}}, nil
	})))
	got := run(t, in, out, `
print(await get(1))
try:
    await get(-1)
except KeyError as e:
    print("KeyError", e)
try:
    get("x")
except TypeError as e:
    print(e)
c = get(2)
print(type(c).__name__, iscoroutine(c) if 'iscoroutine' in dir() else True)
print(await c)
try:
    await c
except RuntimeError as e:
    print(e)
`)
	assert.Equal(t, `{'id': 1, 'tags': ['a', 'b']}
KeyError 'no item -1'
get() argument 1 must be int, not str
coroutine True
{'id': 2, 'tags': ['a', 'b']}
cannot reuse already awaited coroutine
`, got)
}

// An async function awaited outside an event loop fails cleanly.
func TestAsyncFuncWithoutLoop(t *testing.T) {
	in, _ := newInterp(interp.Options{})
	require.NoError(t, in.Set("f", interp.AsyncFunc("f", func() int { return 1 })))
	require.NoError(t, in.Exec(context.Background(), "x.aio", "async def g():\n    return await f()\n"))
	v, err := in.Call(context.Background(), "g")
	require.NoError(t, err)
	assert.Equal(t, int64(1), v)
}

func TestHostModule(t *testing.T) {
	type Product struct {
		SKU   string  `aio:"sku"`
		Price float64 `aio:"price"`
		Stock int     `aio:"stock"`
		note  string
	}
	outOfStock := interp.NewExceptionType("shop", "OutOfStock", nil)
	catalog := map[string]Product{"pen": {"pen", 1.5, 3, ""}, "ink": {"ink", 7, 0, ""}}
	shop := interp.NewModule("shop").
		Set("CURRENCY", "EUR").
		Set("OutOfStock", outOfStock).
		Func("product", func(sku string) (*Product, error) {
			p, ok := catalog[sku]
			if !ok {
				return nil, interp.RaiseAs(runtime.KeyError, errors.New(sku))
			}
			return &p, nil
		}).
		AsyncFunc("reserve", func(ctx context.Context, p Product, n int) (Product, error) {
			if p.Stock < n {
				return p, interp.RaiseAs(outOfStock, fmt.Errorf("only %d %s left", p.Stock, p.SKU))
			}
			p.Stock -= n
			return p, nil
		})
	assert.Equal(t, "shop", shop.Name())
	in, out := newInterp(interp.Options{HostModules: []*interp.Module{shop}})
	got := run(t, in, out, `
import shop
from shop import product, OutOfStock
p = product("pen")
print(p, p.sku, p.price, shop.CURRENCY)
print(type(p).__name__, type(p))
p2 = await shop.reserve(p, 2)
print(p2.stock, p.stock)
try:
    await shop.reserve(product("ink"), 1)
except OutOfStock as e:
    print("out of stock:", e)
try:
    p.color = "red"
except AttributeError as e:
    print("AttributeError")
p.price = 2.0
print(await shop.reserve({"sku": "pad", "price": 3, "stock": 9}, 4))
`)
	assert.Equal(t, `Product(sku='pen', price=1.5, stock=3) pen 1.5 EUR
Product <class 'interp_test.Product'>
1 3
out of stock: only 0 ink left
AttributeError
Product(sku='pad', price=3.0, stock=5)
`, got)
	v, err := in.Get("p")
	require.NoError(t, err)
	assert.Equal(t, Product{SKU: "pen", Price: 2.0, Stock: 3}, v)

	// The module is registered per interpreter; others cannot import it.
	other, _ := newInterp(interp.Options{})
	err = other.Exec(context.Background(), "x.aio", "import shop\n")
	assert.Equal(t, "ModuleNotFoundError", scriptError(t, err).Type)
	require.NoError(t, other.RegisterModule(shop))
	require.NoError(t, other.Exec(context.Background(), "x.aio", "import shop\n"))
	assert.Error(t, other.RegisterModule(interp.NewModule("a.b")))
}

// A host module can replace a standard one (a host-controlled time).
func TestHostModuleReplacesStd(t *testing.T) {
	fake := interp.NewModule("time").Func("time", func() float64 { return 1234.5 })
	in, out := newInterp(interp.Options{HostModules: []*interp.Module{fake}})
	assert.Equal(t, "1234.5\n", run(t, in, out, "import time\nprint(time.time())\n"))
}

// Discard keeps the benchmarks' interpreters quiet.
var discard = interp.Options{Stdout: io.Discard, Stderr: io.Discard}

// BenchmarkCallGoFromScript measures a script calling a Go function:
// reflection (Func) and the raw form, per call.
func BenchmarkCallGoFromScript(b *testing.B) {
	add := func(a, b int) int { return a + b }
	raw := interp.RawFunc("add", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) != 2 || len(kw) != 0 || !args[0].IsSmallInt() || !args[1].IsSmallInt() {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "add() takes two ints")
		}
		return runtime.Int(args[0].SmallInt() + args[1].SmallInt()), nil
	})
	strf := func(s string, n int) (string, error) { return s, nil }
	for _, c := range []struct {
		name string
		fn   any
		call string
	}{
		{"Func_int_int", add, "f(i, 1)"},
		{"Func_string_int_error", strf, "f('x', i)"},
		{"RawFunc", raw, "f(i, 1)"},
		{"ScriptFunc", nil, "g(i, 1)"},
	} {
		b.Run(c.name, func(b *testing.B) {
			in := interp.New(discard)
			if c.fn != nil {
				require.NoError(b, in.Set("f", c.fn))
			}
			require.NoError(b, in.Exec(context.Background(), "b.aio", "def g(a, b):\n    return a + b\ndef loop(n):\n    for i in range(n):\n        "+c.call+"\n"))
			b.ReportAllocs()
			b.ResetTimer()
			_, err := in.Call(context.Background(), "loop", b.N)
			require.NoError(b, err)
		})
	}
}

// BenchmarkCallScriptFromGo measures Go calling a script function.
func BenchmarkCallScriptFromGo(b *testing.B) {
	in := interp.New(discard)
	require.NoError(b, in.Exec(context.Background(), "b.aio", "def add(a, b):\n    return a + b\n"))
	ctx := context.Background()
	b.Run("Call", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := in.Call(ctx, "add", 1, 2); err != nil {
				b.Fatal(err)
			}
		}
	})
	fn, _ := in.Global("add")
	args := []runtime.Value{runtime.Int(1), runtime.Int(2)}
	b.Run("CallValue", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := in.CallValue(ctx, fn, args, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	b.Run("CallValue_cancellable_ctx", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := in.CallValue(cctx, fn, args, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkAsyncFunc measures one await of an async Go function (a
// goroutine and a trip through the loop's inbox).
func BenchmarkAsyncFunc(b *testing.B) {
	in := interp.New(discard)
	require.NoError(b, in.Set("f", interp.AsyncFunc("f", func(x int) int { return x })))
	require.NoError(b, in.Exec(context.Background(), "b.aio", "async def loop(n):\n    for i in range(n):\n        await f(i)\n"))
	b.ReportAllocs()
	b.ResetTimer()
	_, err := in.Call(context.Background(), "loop", b.N)
	require.NoError(b, err)
}

// BenchmarkLimitsOverhead measures the cost of the per-instruction check
// on a tight loop.
func BenchmarkLimitsOverhead(b *testing.B) {
	src := "def loop(n):\n    i = 0\n    while i < n:\n        i += 1\n"
	for _, c := range []struct {
		name string
		opts interp.Options
		ctx  func() (context.Context, context.CancelFunc)
	}{
		{"none", discard, func() (context.Context, context.CancelFunc) { return context.Background(), func() {} }},
		{"cancellable_ctx", discard, func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) }},
		{"max_steps", interp.Options{Stdout: io.Discard, MaxSteps: 1 << 62}, func() (context.Context, context.CancelFunc) { return context.Background(), func() {} }},
	} {
		b.Run(c.name, func(b *testing.B) {
			in := interp.New(c.opts)
			require.NoError(b, in.Exec(context.Background(), "b.aio", src))
			ctx, cancel := c.ctx()
			defer cancel()
			b.ResetTimer()
			_, err := in.Call(ctx, "loop", b.N)
			require.NoError(b, err)
		})
	}
}
