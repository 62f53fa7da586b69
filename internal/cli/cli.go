// Package cli implements the aio command line: running a file, -c CODE,
// a program from standard input, and the REPL (repl.go).
package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/parser"
)

// Version is the aio release.
const Version = "0.1.0"

const usage = `usage: aio [option] ... [-c cmd | file | -] [arg] ...
Options:
-c cmd         : program passed in as string (terminates option list)
-h, --help     : print this help message and exit
--version      : print the aio version and exit
-W arg        : warning control: action:message:category:module:lineno
                 (also AIO_WARNINGS=arg,arg,...); -W error, -W ignore,
                 -W default::RuntimeWarning
--debug        : asyncio debug mode (slow callbacks, where never-awaited
                 coroutines were created, swallowed cancellations)
--trace FILE   : write a timeline of the event loop's tasks to FILE in
                 the Trace Event format (ui.perfetto.dev, chrome://tracing)
--virtual-time : run the event loop on a virtual clock (timers fire at once,
                 in order, with loop.time() advancing as if they had waited)
file           : program read from script file
-              : program read from stdin (default; interactive mode if a tty)
arg ...        : arguments passed to program in sys.argv[1:]
`

// Main runs the aio command with the given arguments (without the program
// name) and returns the process exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return MainIn("", args, stdin, stdout, stderr)
}

// MainIn is Main with the script's working directory set to workDir (""
// for the process's own): the interpreter's os.getcwd() and what its
// relative paths resolve against, while the process's stays unchanged (so
// that tests run many scripts at once, each in its own directory).
func MainIn(workDir string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var (
		code        string
		haveCode    bool
		filename    string
		virtualTime bool
		rest        []string
		diag        diagOptions
	)
	diag.fromEnv()
	i := 0
loop:
	for ; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-c":
			if i+1 >= len(args) {
				fmt.Fprintln(stderr, "Argument expected for the -c option")
				fmt.Fprint(stderr, "usage: aio [option] ... [-c cmd | file | -] [arg] ...\nTry `aio -h' for more information.\n")
				return 2
			}
			code, haveCode = args[i+1], true
			rest = append([]string{"-c"}, args[i+2:]...)
			break loop
		case a == "-h" || a == "--help":
			fmt.Fprint(stdout, usage)
			return 0
		case a == "--version" || a == "-V":
			fmt.Fprintf(stdout, "aio %s\n", Version)
			return 0
		case a == "--virtual-time":
			virtualTime = true
		case diag.isOption(a):
			n, status := diag.parse(args[i:], stderr)
			if status >= 0 {
				return status
			}
			i += n - 1
		case a == "-":
			filename = "<stdin>"
			rest = append([]string{"-"}, args[i+1:]...)
			break loop
		case strings.HasPrefix(a, "-") && len(a) > 1:
			fmt.Fprintf(stderr, "unknown option %s\n", a)
			fmt.Fprint(stderr, "usage: aio [option] ... [-c cmd | file | -] [arg] ...\nTry `aio -h' for more information.\n")
			return 2
		default:
			filename = a
			rest = args[i:]
			break loop
		}
	}
	var src []byte
	switch {
	case haveCode:
		filename = "<string>"
		src = []byte(code)
	case filename == "" || filename == "<stdin>":
		if filename == "" {
			rest = []string{""}
			if f, ok := stdin.(*os.File); ok && isTerminal(f) {
				opts := interp.Options{Stdin: stdin, Argv: rest, Executable: executable(), VirtualTime: virtualTime, Grants: grantAll(workDir)}
				grantModules(&opts, "", true)
				if status := diag.apply(&opts, stderr); status >= 0 {
					return status
				}
				defer diag.close()
				return runTerminalREPL(f, stdout, stderr, opts)
			}
		}
		filename = "<stdin>"
		b, err := readSource(stdin, MaxSourceSize)
		if errors.Is(err, errSourceTooLarge) {
			fmt.Fprintln(stderr, sourceTooLargeMessage())
			return 1
		}
		if err != nil {
			fmt.Fprintf(stderr, "aio: cannot read standard input: %v\n", err)
			return 2
		}
		src = b
	default:
		b, err := readSourceFile(filename)
		if errors.Is(err, errSourceTooLarge) {
			fmt.Fprintln(stderr, sourceTooLargeMessage())
			return 1
		}
		if err != nil {
			abs, _ := filepath.Abs(filename)
			msg := "No such file or directory"
			if !os.IsNotExist(err) {
				msg = err.Error()
			}
			fmt.Fprintf(stderr, "aio: can't open file '%s': [Errno 2] %s\n", abs, msg)
			return 2
		}
		src = b
	}
	// Standard output is block-buffered unless it is a terminal, as
	// CPython's is; it is flushed before the process exits.
	out := stdout
	if f, ok := stdout.(*os.File); !ok || !isTerminal(f) {
		bw := bufio.NewWriterSize(stdout, 64<<10)
		defer bw.Flush()
		out = bw
	}
	// AIO_MEMORY_LIMIT (bytes) runs the script under a memory budget, to
	// measure its cost (bench/README.md).
	memLimit, _ := strconv.ParseInt(os.Getenv("AIO_MEMORY_LIMIT"), 10, 64)
	opts := interp.Options{Stdout: out, Stderr: stderr, Stdin: stdin, Argv: rest, Executable: executable(), VirtualTime: virtualTime,
		MemoryLimit: memLimit, Grants: grantAll(workDir)}
	grantModules(&opts, filename, haveCode)
	if status := diag.apply(&opts, stderr); status >= 0 {
		return status
	}
	defer diag.close()
	in := interp.New(opts)
	if !haveCode && filename != "<stdin>" {
		if abs, err := filepath.Abs(filename); err == nil {
			in.Set("__file__", abs)
		}
	}
	allowRaisingRecursionLimit(in)
	stopSignals := handleSignals(in, stderr)
	prog, err := interp.CompileProgram(filename, src)
	if err == nil {
		err = in.Run(context.Background(), prog)
	}
	stopSignals()
	// CPython reports an uncaught exception, then runs the atexit
	// handlers, then flushes its streams.
	status := exitStatus(err, stderr)
	in.Close()
	diag.finish(in)
	if bw, ok := out.(*bufio.Writer); ok {
		bw.Flush()
	}
	in.WarnAtExit()
	return status
}

// exitStatus writes what CPython writes to standard error when a program
// ends with err and returns the status its process exits with.
func exitStatus(err error, stderr io.Writer) int {
	var se *parser.SyntaxError
	var ie *interp.InternalError
	var e *interp.Error
	switch {
	case err == nil:
		return 0
	case errors.As(err, &se):
		io.WriteString(stderr, se.Error()+"\n")
		return 1
	case errors.As(err, &ie):
		io.WriteString(stderr, ie.Error()+"\n"+ie.Stack+"\n")
		return 70
	case errors.As(err, &e):
		var dl *interp.DeadlockError
		if errors.As(err, &dl) {
			io.WriteString(stderr, dl.Report)
		}
		io.WriteString(stderr, e.Traceback)
		return e.ExitStatus
	}
	io.WriteString(stderr, err.Error()+"\n")
	return 1
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// executable is sys.executable for the command: the path of this
// program, so that a script can start another aio (as Python scripts
// start sys.executable).
func executable() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return exe
}
