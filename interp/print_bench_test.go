package interp_test

// This file measures print-heavy scripts through the host-stream
// wrappers (streams.go): a stream that cannot block, and one that may
// (written on a goroutine while a cancellable context is in force).

import (
	"context"
	"io"
	"testing"

	"github.com/aio-lang/aio/interp"
)

const printLoop = "for i in range(10000):\n    print(i, 'x')\n"

func benchPrint(b *testing.B, w io.Writer, cancellable bool) {
	in := interp.New(interp.Options{Stdout: w})
	prog, err := interp.CompileProgram("print.aio", []byte(printLoop))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if cancellable {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		defer cancel()
	}
	b.ResetTimer()
	for range b.N {
		if err := in.Run(ctx, prog); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPrintDiscard(b *testing.B) { benchPrint(b, io.Discard, true) }

func BenchmarkPrintHostWriter(b *testing.B) {
	benchPrint(b, writerFunc(func(p []byte) (int, error) { return len(p), nil }), false)
}

func BenchmarkPrintHostWriterCancellable(b *testing.B) {
	benchPrint(b, writerFunc(func(p []byte) (int, error) { return len(p), nil }), true)
}
