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
		for _, limit := range []int64{0, 1 << 30} {
			label := "none"
			if limit > 0 {
				label = "1GiB"
			}
			b.Run(name+"/"+label, func(b *testing.B) {
				for b.Loop() {
					in := New(Options{Stdout: io.Discard, Stderr: io.Discard, MemoryLimit: limit})
					if err := in.Run(context.Background(), prog); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
