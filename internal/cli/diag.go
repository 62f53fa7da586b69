package cli

// This file parses the diagnostic options: -W (warning filters, also
// from AIO_WARNINGS as CPython reads PYTHONWARNINGS), --debug (asyncio's
// debug mode) and --trace FILE (a timeline of the event loop's tasks).

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/aio-lang/aio/interp"
)

// diagOptions are the diagnostic options of one run.
type diagOptions struct {
	warnings  []string
	debug     bool
	tracePath string
	traceFile *os.File
	traceBuf  *bufio.Writer
}

// fromEnv reads AIO_WARNINGS: comma-separated -W options, applied before
// those of the command line (which therefore win).
func (d *diagOptions) fromEnv() {
	for _, w := range strings.Split(os.Getenv("AIO_WARNINGS"), ",") {
		if w = strings.TrimSpace(w); w != "" {
			d.warnings = append(d.warnings, w)
		}
	}
}

// isOption reports whether a is one of the diagnostic options.
func (d *diagOptions) isOption(a string) bool {
	return strings.HasPrefix(a, "-W") || a == "--debug" || a == "--trace" || strings.HasPrefix(a, "--trace=")
}

// parse consumes the option at args[0] (and its argument): it returns how
// many arguments it used, and an exit status >= 0 for bad usage.
func (d *diagOptions) parse(args []string, stderr io.Writer) (int, int) {
	a := args[0]
	value := func(flag, inline string) (string, int, bool) {
		if inline != "" {
			return inline, 1, true
		}
		if len(args) < 2 {
			fmt.Fprintf(stderr, "Argument expected for the %s option\n", flag)
			fmt.Fprint(stderr, "usage: aio [option] ... [-c cmd | file | -] [arg] ...\nTry `aio -h' for more information.\n")
			return "", 0, false
		}
		return args[1], 2, true
	}
	switch {
	case a == "--debug":
		d.debug = true
		return 1, -1
	case strings.HasPrefix(a, "-W"):
		v, n, ok := value("-W", strings.TrimPrefix(a, "-W"))
		if !ok {
			return 0, 2
		}
		d.warnings = append(d.warnings, v)
		return n, -1
	default:
		v, n, ok := value("--trace", strings.TrimPrefix(strings.TrimPrefix(a, "--trace"), "="))
		if !ok {
			return 0, 2
		}
		d.tracePath = v
		return n, -1
	}
}

// apply sets the options of the interpreter, opening the trace file; it
// returns an exit status >= 0 when that fails.
func (d *diagOptions) apply(opts *interp.Options, stderr io.Writer) int {
	opts.Warnings = d.warnings
	opts.Debug = d.debug
	if d.tracePath != "" {
		f, err := os.Create(d.tracePath)
		if err != nil {
			fmt.Fprintf(stderr, "aio: cannot write the trace: %v\n", err)
			return 2
		}
		d.traceFile = f
		d.traceBuf = bufio.NewWriterSize(f, 64<<10)
		opts.Trace = d.traceBuf
	}
	return -1
}

// finish ends the trace of in's run.
func (d *diagOptions) finish(in *interp.Interp) {
	if d.traceFile != nil {
		in.FinishTrace()
	}
}

// close flushes and closes the trace file.
func (d *diagOptions) close() {
	if d.traceFile != nil {
		d.traceBuf.Flush()
		d.traceFile.Close()
	}
}
