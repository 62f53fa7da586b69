package interp

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzExec runs arbitrary programs under step, depth and memory limits:
// whatever the input, the interpreter returns (an error or not) and never
// panics (an *InternalError is a bug) or hangs.
func FuzzExec(f *testing.F) {
	for _, dir := range []string{"../tests/core", "../tests/async", "../examples"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.aio"))
		for i, p := range files {
			if i%4 != 0 {
				continue
			}
			if src, err := os.ReadFile(p); err == nil {
				f.Add(src)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		in := New(Options{Stdout: io.Discard, Stderr: io.Discard, Stdin: eofReader{}, VirtualTime: true,
			MaxSteps: 200_000, MaxDepth: 200, MemoryLimit: 1 << 24, AllowedModules: []string{"math", "asyncio"}})
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err := in.Exec(ctx, "fuzz.aio", string(src))
		var ie *InternalError
		if errors.As(err, &ie) {
			t.Fatalf("internal error: %v\n%s", ie.Value, ie.Stack)
		}
	})
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
