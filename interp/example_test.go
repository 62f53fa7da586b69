package interp_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/runtime"
)

// Run a script, with its output going to a writer of the host's choice.
func ExampleInterp_Exec() {
	in := interp.New(interp.Options{Stdout: os.Stdout})
	err := in.Exec(context.Background(), "hello.aio", `
names = ["Ada", "Grace"]
for name in names:
    print(f"hello, {name}!")
`)
	fmt.Println("error:", err)
	// Output:
	// hello, Ada!
	// hello, Grace!
	// error: <nil>
}

// An uncaught exception comes back as *interp.Error, with the traceback
// CPython would print.
func ExampleError() {
	in := interp.New(interp.Options{})
	err := in.Exec(context.Background(), "check.aio", "def check(x):\n    if x < 0:\n        raise ValueError(f'negative: {x}')\n\ncheck(-1)\n")
	var e *interp.Error
	if errors.As(err, &e) {
		fmt.Println(e.Type, "|", e.Message)
		fmt.Print(e.Traceback)
	}
	// Output:
	// ValueError | negative: -1
	// Traceback (most recent call last):
	//   File "check.aio", line 5, in <module>
	//     check(-1)
	//   File "check.aio", line 3, in check
	//     raise ValueError(f'negative: {x}')
	// ValueError: negative: -1
}

// Expose a Go function: arguments and results are converted, a returned
// error raises an exception, wrong arguments raise CPython's TypeError.
func ExampleFunc() {
	in := interp.New(interp.Options{Stdout: os.Stdout})
	_ = in.Set("greet", func(name string, times int) (string, error) {
		if times < 0 {
			return "", interp.RaiseAs(runtime.ValueError, errors.New("times must be >= 0"))
		}
		return strings.TrimSpace(strings.Repeat("hi "+name+" ", times)), nil
	})
	_ = in.Exec(context.Background(), "greet.aio", `
print(greet("Ada", 2))
for args in [("Ada", -1), ("Ada",), (1, 2)]:
    try:
        greet(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
`)
	// Output:
	// hi Ada hi Ada
	// ValueError: times must be >= 0
	// TypeError: greet() takes exactly 2 arguments (1 given)
	// TypeError: greet() argument 1 must be str, not int
}

// An async Go function runs in its own goroutine when awaited; gather runs
// several at once, and wait_for's timeout cancels the goroutine's context.
// interp.Sleep waits on the interpreter's clock: virtual here, so the
// example takes no real time.
func ExampleAsyncFunc() {
	var mu sync.Mutex
	var cancelled []string
	fetch := interp.AsyncFunc("fetch", func(ctx context.Context, url string, ms int) (string, error) {
		if err := interp.Sleep(ctx, time.Duration(ms)*time.Millisecond); err != nil {
			mu.Lock()
			cancelled = append(cancelled, url)
			mu.Unlock()
			return "", err
		}
		return "<page " + url + ">", nil
	})
	in := interp.New(interp.Options{Stdout: os.Stdout, VirtualTime: true, Globals: map[string]any{"fetch": fetch}})
	err := in.Exec(context.Background(), "fetch.aio", `
print(await gather(fetch("a", 300), fetch("b", 100)))
try:
    await wait_for(fetch("slow", 5000), timeout=1)
except TimeoutError:
    print("slow timed out")
`)
	in.Wait() // the cancelled call's goroutine has returned
	fmt.Println("error:", err, "cancelled:", cancelled)
	// Output:
	// ['<page a>', '<page b>']
	// slow timed out
	// error: <nil> cancelled: [slow]
}

// Call script functions, sync or async, with Go arguments; results come
// back as Go values.
func ExampleInterp_Call() {
	in := interp.New(interp.Options{VirtualTime: true})
	_ = in.Exec(context.Background(), "lib.aio", `
def score(order, *, bonus=0):
    return sum(item.qty * item.price for item in order) + bonus

async def slow_double(x):
    await sleep(1)
    return [x, x]
`)
	type Item struct {
		Qty   int     `aio:"qty"`
		Price float64 `aio:"price"`
	}
	order := []Item{{2, 1.5}, {1, 4}}
	v, err := in.Call(context.Background(), "score", order, interp.Kwargs{"bonus": 10})
	fmt.Println(v, err)
	v, err = in.Call(context.Background(), "slow_double", "hi")
	fmt.Println(v, err)
	// Output:
	// 17 <nil>
	// [hi hi] <nil>
}

// Limits: a context stops a runaway script; steps, recursion depth and
// memory are bounded and raise exceptions the script can catch.
func Example_limits() {
	in := interp.New(interp.Options{Stdout: os.Stdout, MaxSteps: 100_000, MaxDepth: 100, MemoryLimit: 1 << 20})
	_ = in.Exec(context.Background(), "limits.aio", `
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
try:
    big = "x" * 10_000_000
except MemoryError:
    print("MemoryError")
try:
    while True:
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
`)
	err := in.Exec(context.Background(), "spin.aio", "while True:\n    pass\n")
	fmt.Println(errors.Is(err, interp.ErrStepLimit))

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	err = interp.New(interp.Options{}).Exec(ctx, "spin.aio", "while True:\n    pass\n")
	fmt.Println(errors.Is(err, context.DeadlineExceeded), err)
	// Output:
	// RecursionError: maximum recursion depth exceeded
	// MemoryError
	// RuntimeError: maximum execution steps exceeded (limit is 100000)
	// true
	// true Interrupted: context deadline exceeded
}

// A host module is imported like a standard one; Go structs become
// records with attributes.
func ExampleNewModule() {
	type Product struct {
		SKU   string  `aio:"sku"`
		Price float64 `aio:"price"`
	}
	shop := interp.NewModule("shop").
		Set("CURRENCY", "EUR").
		Func("find", func(sku string) (*Product, error) {
			if sku != "pen" {
				return nil, interp.RaiseAs(runtime.KeyError, errors.New(sku))
			}
			return &Product{"pen", 1.5}, nil
		})
	in := interp.New(interp.Options{Stdout: os.Stdout, HostModules: []*interp.Module{shop}})
	_ = in.Exec(context.Background(), "shop.aio", `
import shop
p = shop.find("pen")
print(p, p.price, shop.CURRENCY)
`)
	// Output:
	// Product(sku='pen', price=1.5) 1.5 EUR
}

// Compile once, run in many interpreters at the same time.
func ExampleCompileProgram() {
	prog, err := interp.CompileProgram("square.aio", []byte("result = n * n\n"))
	if err != nil {
		panic(err)
	}
	results := make([]any, 4)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := interp.New(interp.Options{Globals: map[string]any{"n": i}})
			if err := in.Run(context.Background(), prog); err == nil {
				results[i], _ = in.Get("result")
			}
		}()
	}
	wg.Wait()
	fmt.Println(results)
	// Output:
	// [0 1 4 9]
}

// Eval an expression, possibly awaiting.
func ExampleInterp_Eval() {
	in := interp.New(interp.Options{Globals: map[string]any{"xs": []int{3, 1, 2}}})
	v, err := in.Eval(context.Background(), "sorted(xs, reverse=True)")
	fmt.Println(v, err)
	// Output:
	// [3 2 1] <nil>
}
