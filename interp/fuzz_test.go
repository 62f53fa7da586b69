package interp

// This file holds FuzzExec, the fuzz target that runs arbitrary programs
// under the embedding limits. The other targets are FuzzCompile
// (fuzz_compile_test.go: the parser, resolver and compiler on arbitrary
// bytes) and FuzzHostile (fuzz_hostile_test.go: generated programs of deep
// nestings and large sizes). fuzz_guard_test.go is the guard they share.
//
// Running them. Plain `go test ./interp` runs every target over its seed
// corpus (the f.Add seeds and testdata/fuzz/<Target>/), as unit tests.
// To fuzz, one target at a time, with one worker so that the heap the
// guard measures belongs to the one run in the process:
//
//	go test ./interp -run '^$' -fuzz '^FuzzExec$' -fuzztime 10m -parallel 1
//	go test ./interp -run '^$' -fuzz '^FuzzCompile$' -fuzztime 10m -parallel 1
//	go test ./interp -run '^$' -fuzz '^FuzzHostile$' -fuzztime 10m -parallel 1
//
// A failure is saved under testdata/fuzz/<Target>/ and replayed by
// `go test ./interp -run '^FuzzX$/<file>'` (it becomes a seed: commit it
// only once the defect is fixed). A run fails on an *InternalError; a
// return more than stopBound (250 ms) after its context is cancelled or
// its deadline passes, twice in a row (a late run is run again); an
// error not wrapping ctx.Err() after that; a live heap plus goroutine
// stacks above MemoryLimit plus memAllowance (16 MiB), measured while
// the script runs; or a depth counter that leaks. A Go stack overflow or
// an out-of-memory kill ends the fuzzing process: go test reports it as
// a crash with the input, a finding too.
//
// FuzzCompile repeats the parts of its input between NUL bytes (see
// expandRepeats), so that it reaches deep and long sources. FuzzHostile
// logs the name of the template it ran ("deep/list/repr(x)",
// "size/set_range", "source/calls", ...) and the program.
// FUZZ_HOSTILE_SKIP (a regular expression) leaves out the templates
// whose names match, to look for new defects while known ones are still
// open, e.g. FUZZ_HOSTILE_SKIP='^(deep/list|size/set_range)'.

import (
	"context"
	"hash/fnv"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzExec runs arbitrary programs under step, depth, memory and time
// limits, a third of them cancelled after an input-derived delay: the
// guard fails the run on an internal error, a late return, the heap
// above the budget or a leaked depth.
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
		lim := guardLimits{MemoryLimit: 16 << 20, MaxSteps: 200_000, MaxDepth: 200, Timeout: time.Second,
			Modules: []string{"math", "asyncio"}}
		h := fnv.New32a()
		h.Write(src)
		if sum := h.Sum32(); sum%3 == 0 {
			lim.CancelAfter = time.Millisecond + time.Duration(sum>>8%100)*time.Millisecond
		}
		guardRetry(t, lim, func(in *Interp) func(context.Context) error {
			return func(ctx context.Context) error { return in.Exec(ctx, "fuzz.aio", string(src)) }
		})
	})
}
