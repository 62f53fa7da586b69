package cli

// This file reads a program's source from a file or standard input in
// chunks, so that an endless or hostile input (/dev/zero, `yes`) cannot
// make the command read without bound.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// MaxSourceSize is the largest program the command reads, in bytes. CPython
// reads a script whatever its size; aio stops at this size with a
// MemoryError rather than read an endless input until the host runs out of
// memory (a program this large would need gigabytes to compile anyway).
const MaxSourceSize = 128 << 20

// errSourceTooLarge is returned by readSource past its limit.
var errSourceTooLarge = errors.New("source too large")

// readSource reads a whole program from r. It stops after the first NUL
// byte, which no valid source holds: the parser then reports CPython's
// "source code cannot contain null bytes" error at the right line without
// the rest of the input being read. It returns errSourceTooLarge when r
// holds more than limit bytes.
func readSource(r io.Reader, limit int) ([]byte, error) {
	const chunk = 64 << 10
	src := make([]byte, 0, chunk)
	for {
		if cap(src)-len(src) < chunk {
			// Grow by half, not double, and never far past the limit:
			// the copy briefly holds both buffers.
			n := min(cap(src)+cap(src)/2+chunk, limit+chunk+1)
			grown := make([]byte, len(src), n)
			copy(grown, src)
			src = grown
		}
		n, err := r.Read(src[len(src):cap(src)])
		if i := bytes.IndexByte(src[len(src):len(src)+n], 0); i >= 0 {
			return src[:len(src)+i+1], nil
		}
		src = src[:len(src)+n]
		if len(src) > limit {
			return nil, errSourceTooLarge
		}
		if err == io.EOF {
			return src, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// sourceTooLargeMessage is the last line printed for a program over
// MaxSourceSize.
func sourceTooLargeMessage() string {
	return fmt.Sprintf("MemoryError: source code larger than %d MiB", MaxSourceSize>>20)
}

// readSourceFile reads the program in the named file with readSource.
func readSourceFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readSource(f, MaxSourceSize)
}
