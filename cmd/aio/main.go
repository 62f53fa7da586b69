// Command aio runs aio scripts and opens the aio REPL.
//
// For profiling, AIO_CPUPROFILE=file writes a CPU profile of the whole run and
// AIO_MEMPROFILE=file an allocation profile at exit (see bench/README.md).
//
// The compiled code of standard modules is kept between runs under the
// user's cache directory (see docs/stdlib.md); AIO_CODE_CACHE=dir puts it
// elsewhere and AIO_CODE_CACHE=off turns it off.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"

	"github.com/aio-lang/aio/internal/cli"
	"github.com/aio-lang/aio/interp"
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
	enableCodeCache()
	return cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}

// enableCodeCache turns on the cache of compiled standard modules where
// AIO_CODE_CACHE or the user's cache directory says.
func enableCodeCache() {
	dir := os.Getenv("AIO_CODE_CACHE")
	switch dir {
	case "off":
		return
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return
		}
		dir = filepath.Join(base, "aio", "code")
	}
	interp.EnableStdCodeCache(dir)
}
