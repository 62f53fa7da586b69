// Command embed shows a Go program embedding aio: a script fans out to an
// async Go function (a price service with simulated latency), bounds each
// call with asyncio.wait_for, and prints a summary. The Go side counts how
// its calls ended: the ones the script timed out see their context
// cancelled.
//
// By default the interpreter runs on the virtual clock, so the simulated
// latencies (interp.Sleep) take no real time and the output is the same
// on every run; -real uses the real clock.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/runtime"
)

const script = `
async def price_or_reason(sku):
    try:
        return await wait_for(prices.fetch(sku), timeout=TIMEOUT)
    except TimeoutError:
        return "timed out"
    except KeyError:
        return "unknown item"

async def main():
    loop = get_running_loop()
    start = loop.time()
    results = await gather(*(price_or_reason(sku) for sku in SKUS))
    elapsed = loop.time() - start
    total = 0.0
    for sku, r in zip(SKUS, results):
        if isinstance(r, float):
            total += r
            print(f"{sku:<6} {r:>7.2f}")
        else:
            print(f"{sku:<6} {r}")
    found = sum(isinstance(r, float) for r in results)
    print(f"{found} of {len(SKUS)} prices in {elapsed:.1f}s, total {total:.2f} {prices.CURRENCY}")

from asyncio import get_running_loop
import prices
await main()
`

// catalog is the simulated backend: a price and a latency per item.
var catalog = map[string]struct {
	price   float64
	latency time.Duration
}{
	"pen":   {1.50, 120 * time.Millisecond},
	"ink":   {7.25, 300 * time.Millisecond},
	"pad":   {3.10, 80 * time.Millisecond},
	"desk":  {189.00, 2 * time.Second},
	"lamp":  {34.90, 900 * time.Millisecond},
	"stamp": {0.95, 10 * time.Millisecond},
}

// stats counts how the Go calls ended.
type stats struct {
	wg                         sync.WaitGroup
	calls, completed, canceled atomic.Int32
	unknown                    atomic.Int32
}

// fetchPrice is the async Go function the script awaits.
func (s *stats) fetchPrice(ctx context.Context, sku string) (float64, error) {
	s.wg.Add(1)
	defer s.wg.Done()
	s.calls.Add(1)
	item, ok := catalog[sku]
	if !ok {
		s.unknown.Add(1)
		return 0, interp.RaiseAs(runtime.KeyError, fmt.Errorf("no such item: %s", sku))
	}
	if err := interp.Sleep(ctx, item.latency); err != nil {
		if errors.Is(err, context.Canceled) {
			s.canceled.Add(1)
		}
		return 0, err
	}
	s.completed.Add(1)
	return item.price, nil
}

func run(w io.Writer, virtual bool) error {
	var st stats
	prices := interp.NewModule("prices").
		Set("CURRENCY", "EUR").
		AsyncFunc("fetch", st.fetchPrice)
	in := interp.New(interp.Options{
		Stdout:         w,
		Stderr:         w,
		VirtualTime:    virtual,
		MaxSteps:       1_000_000,
		AllowedModules: []string{}, // no time, sys or random for this script
		HostModules:    []*interp.Module{prices},
		Globals: map[string]any{
			"SKUS":    []string{"pen", "desk", "ink", "chair", "pad", "lamp", "stamp"},
			"TIMEOUT": 500 * time.Millisecond,
		},
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := in.Run(ctx, mustCompile()); err != nil {
		return err
	}
	st.wg.Wait()
	fmt.Fprintf(w, "Go side: %d calls, %d completed, %d cancelled by the script, %d unknown\n",
		st.calls.Load(), st.completed.Load(), st.canceled.Load(), st.unknown.Load())
	return nil
}

func mustCompile() *interp.Program {
	prog, err := interp.CompileProgram("fanout.aio", []byte(script))
	if err != nil {
		panic(err)
	}
	return prog
}

func main() {
	real := flag.Bool("real", false, "use the real clock instead of the virtual one")
	flag.Parse()
	if err := run(os.Stdout, !*real); err != nil {
		var e *interp.Error
		if errors.As(err, &e) {
			fmt.Fprint(os.Stderr, e.Traceback)
		} else {
			fmt.Fprintln(os.Stderr, err)
		}
		os.Exit(1)
	}
}
