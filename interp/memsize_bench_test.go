package interp

import (
	"context"
	"io"
	"os"
	"testing"
)

// BenchmarkMemoryBudget runs bench/ programs through the embedding API
// without a memory budget and with one (1 GiB, never reached): the
// difference is the budget's cost (charges, the frame record, walks).
func BenchmarkMemoryBudget(b *testing.B) {
	for _, name := range []string{"fib", "loop", "calls", "strings", "dicts", "async_switch", "async_spawn"} {
		src, err := os.ReadFile("../bench/" + name + ".aio")
		if err != nil {
			b.Fatal(err)
		}
		prog, err := CompileProgram(name+".aio", src)
		if err != nil {
			b.Fatal(err)
		}
		// A host that can cancel (ctx) already pays the per-instruction
		// tick; a budget alone installs it.
		for _, v := range []struct {
			label  string
			limit  int64
			cancel bool
		}{{"none", 0, false}, {"1GiB", 1 << 30, false}, {"ctx", 0, true}, {"ctx_1GiB", 1 << 30, true}} {
			b.Run(name+"/"+v.label, func(b *testing.B) {
				for b.Loop() {
					ctx, cancel := context.WithCancel(context.Background())
					if !v.cancel {
						ctx = context.Background()
					}
					in := New(Options{Stdout: io.Discard, Stderr: io.Discard, MemoryLimit: v.limit})
					err := in.Run(ctx, prog)
					cancel()
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
