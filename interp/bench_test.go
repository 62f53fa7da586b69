package interp

import (
	"io"
	"os"
	"testing"
)

// benchProgram runs a bench/ program once per iteration.
func benchProgram(b *testing.B, name string) {
	src, err := os.ReadFile("../bench/" + name)
	if err != nil {
		b.Skip("bench program missing")
	}
	code, err := Compile(name, src)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		in := New(Options{Stdout: io.Discard, Stderr: io.Discard})
		if err := in.runModule(code, in.main); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFib(b *testing.B)   { benchProgram(b, "fib.aio") }
func BenchmarkLoop(b *testing.B)  { benchProgram(b, "loop.aio") }
func BenchmarkCalls(b *testing.B) { benchProgram(b, "calls.aio") }

func BenchmarkAsyncSwitch(b *testing.B) { benchProgram(b, "async_switch.aio") }
func BenchmarkAsyncSpawn(b *testing.B)  { benchProgram(b, "async_spawn.aio") }

func BenchmarkStrings(b *testing.B) { benchProgram(b, "strings.aio") }
func BenchmarkDicts(b *testing.B)   { benchProgram(b, "dicts.aio") }
