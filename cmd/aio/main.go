// Command aio runs aio scripts and opens the aio REPL.
//
// For profiling, AIO_CPUPROFILE=file writes a CPU profile of the whole run and
// AIO_MEMPROFILE=file an allocation profile at exit (see bench/README.md).
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/aio-lang/aio/internal/cli"
)

func main() {
	os.Exit(run())
}

func run() int {
	if path := os.Getenv("AIO_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "aio:", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "aio:", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	if path := os.Getenv("AIO_MEMPROFILE"); path != "" {
		runtime.MemProfileRate = 4096
		defer func() {
			f, err := os.Create(path)
			if err != nil {
				fmt.Fprintln(os.Stderr, "aio:", err)
				return
			}
			defer f.Close()
			_ = pprof.Lookup("allocs").WriteTo(f, 0)
		}()
	}
	return cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}
