// Package interp runs aio programs: the virtual machine that executes the
// code internal/compile produces, and the embedding API.
//
// # Embedding
//
// New makes an interpreter from Options (output streams, virtual clock,
// step, depth and memory limits, predeclared globals, allowed standard
// modules, host modules). CompileProgram compiles a script once; Run
// executes it in an interpreter, and any number of interpreters may run
// the same Program on different goroutines. Eval evaluates an
// expression, Get and Set read and bind globals, Call calls a script
// function (sync or async) with Go arguments and returns a Go result.
// Each takes a context: cancelling it stops the script promptly, even in
// `while True: pass`, cancels its pending tasks, and makes the call
// return an error for which errors.Is(err, context.Canceled) holds.
//
// Go functions become script functions through Set, Options.Globals or a
// Module: a plain Go func (or Func) is called by reflection with its
// arguments converted and checked; AsyncFunc makes an async function
// whose each await runs the Go function in its own goroutine, resuming
// the awaiting task through the event loop's inbox, with the goroutine's
// context cancelled if the task is (wait_for, timeout, TaskGroup);
// RawFunc takes the runtime's values unconverted. A returned Go error
// raises an exception (RaiseAs chooses its class).
//
// ToValue, FromValue and DecodeValue convert between Go and aio values:
// bools, integers, floats, strings, slices (lists), maps (dicts), structs
// (records with one attribute per exported field, named by `aio` tags),
// pointers, nil (None) and errors (exceptions).
//
// # Importing modules
//
// An interpreter reads no file unless the host grants it a source of
// modules. Options.ModuleFS is a file system scripts import their own
// modules from: `import helper` looks in each directory of sys.path
// (Options.ModulePath, paths inside ModuleFS) for a package directory
// helper/ with __init__.aio or __init__.py, then helper.aio, then
// helper.py, so that a project may share its files with CPython.
// Options.ModuleSource supplies modules by dotted name before ModuleFS
// is searched (a SourceModule with Package set makes a package whose
// submodules are asked of it too). Host modules (Options.HostModules)
// and the standard modules CPython builds in (sys, time) come first; the
// other standard modules come after the files, as CPython's standard
// library comes after the script's directory, and Options.AllowedModules
// still decides which of them exist. Imports follow CPython 3.11:
// packages, relative imports, `from m import *` with __all__, each
// module run once and cached in sys.modules (a dict scripts may read
// and change), circular imports that see the partial module, and a
// failed import removed from sys.modules. The aio command grants the
// file system with the script's directory (the current directory for
// -c, - and the REPL) followed by the directories of AIO_PATH.
//
// A script failure is returned as *Error (exception type, message,
// traceback text, and the Go error behind it for errors.Is), a syntax
// error as *parser.SyntaxError, a bug in aio or a panicking host function
// as *InternalError. An Interp is used by one goroutine at a time; the
// only operations that other goroutines perform on it are the ones the
// API makes for them (cancellation, results of async functions).
package interp

import (
	"fmt"
	"github.com/aio-lang/aio/internal/compile"
	"io"
	"io/fs"
	"math/big"
	"runtime/debug"
	"strings"
	"sync/atomic"

	"github.com/aio-lang/aio/runtime"
)

// Options configure an interpreter. Zero values mean CPython's defaults,
// output to the process's standard output and error, and no input.
type Options struct {
	// Stdout and Stderr receive the script's output (print, sys.stdout,
	// sys.stderr, tracebacks of exceptions that cannot propagate); nil
	// means the process's os.Stdout and os.Stderr. Writes are not
	// buffered by the interpreter: wrap a slow stream in a bufio.Writer
	// (and flush it after the call) for speed.
	Stdout io.Writer
	Stderr io.Writer
	// Stdin is what input() and sys.stdin read; nil means no input at
	// all (input() raises EOFError, as CPython does at the end of its
	// input), never the process's stdin: a host grants it explicitly.
	//
	// A stream that may block (anything but bytes.Buffer,
	// strings.Builder, strings.Reader, bytes.Reader, io.Discard and
	// regular files) is read and written on a goroutine while a
	// cancellable context is in force, so a cancelled Run, Exec, Eval or
	// Call returns at once even when the host's stream never delivers or
	// never accepts: the operation is then abandoned, finishes in the
	// background, and the next operation on the stream waits for it.
	Stdin io.Reader
	// Argv becomes sys.argv.
	Argv []string
	// Executable becomes sys.executable: the program that runs scripts
	// like this one (the aio command gives its own path, so that
	// subprocess.run([sys.executable, ...]) starts aio). Empty, as CPython
	// has it when it cannot tell, for a host that does not set it.
	Executable string
	// MaxDepth is the recursion limit (default 1000, CPython's) and the
	// ceiling of sys.setrecursionlimit: a script may lower its limit, and
	// raise it again up to MaxDepth, but a larger request sets the limit
	// to MaxDepth. Script calls, calls of built-ins and classes, and the
	// levels of built-ins that recurse on data (repr, str and comparison
	// of nested containers, hashing, chained iterators) all count, as in
	// CPython; past the limit the script gets RecursionError (FromValue
	// and DecodeValue stop at 100 levels of nesting on their own).
	// MaxDepth is clamped to
	// runtime.MaxRecursionLimit (50,000): a level takes at most
	// runtime.MaxStackPerLevel (8 KiB) of Go stack on any path, so the
	// deepest recursion takes at most 400 MB, within Go's default 1 GB
	// maximum stack (a host that lowers it with debug.SetMaxStack must
	// lower MaxDepth in proportion): no script can overflow the Go stack.
	MaxDepth int
	// VirtualTime runs event loops on a virtual clock: when no task is
	// ready the loop jumps to the next timer instead of sleeping.
	VirtualTime bool

	// The fields below are the embedding API's (api.go).

	// MaxSteps, when positive, limits each Run, Exec, Eval or Call to
	// that many bytecode instructions. Past it the script gets a
	// RuntimeError ("maximum execution steps exceeded"), which it may
	// catch; 10,000 instructions later it is stopped for good (raising
	// InterruptedType at every instruction). Either way the error
	// returned unwraps to ErrStepLimit. The work a built-in does counts
	// too, at about an instruction per unit: a comparison of a sort, an
	// item of sum, list(), join or repr, 64 bytes copied or scanned by a
	// str method or formatting, and big-int arithmetic by the size of its
	// operands (so that `10**10**7` or a sort of millions of items alone
	// can exceed the budget).
	MaxSteps int64
	// MemoryLimit, when positive, is a budget in bytes for the live data
	// of the whole interpreter: containers, strs, big ints, dict and set
	// tables, instances and their attributes, classes, functions,
	// frames, generators, coroutines, tasks, futures, exceptions and
	// tracebacks, and what a built-in is building. Sizes approximate
	// what Go allocates (24 bytes a list slot, a str's header and
	// bytes, 48 bytes a dict entry). An allocation whose size a script
	// controls is charged before it happens; when the charges since the
	// last measurement pass max(budget - live, budget/8), the live data
	// are measured by walking the object graph from the interpreter's
	// roots, and the allocation raises MemoryError if live + its size
	// exceed the budget. Garbage never counts: a script that allocates
	// and drops data in a loop is not stopped, and after a MemoryError
	// it may drop its data and allocate again. Objects made one at a
	// time by instructions are caught by a check of the Go heap's growth
	// every 8192 instructions, so live data may exceed the budget by up
	// to budget/8 before MemoryError (plus what Go closures inside
	// built-ins hold, which the walk cannot see). The process may use
	// about twice that with Go's default GOGC. A walk costs about 10-30
	// ns per live object; runs that stay well under the budget walk
	// rarely. A budget turns on the per-instruction countdown that
	// MaxSteps and a cancellable context use (an inline decrement, about
	// 5-10% of the time of call-heavy code when nothing else turned it
	// on) and costs about 1-2% of the executed instructions beyond it
	// (bench/fib, strings, dicts; BenchmarkMemoryBudget in interp).
	// Without a budget, only a single allocation above 4 GiB fails.
	MemoryLimit int64
	// Globals are predeclared in __main__, converted with ToValue.
	Globals map[string]any
	// AllowedModules lists the standard modules scripts may import
	// ("math", "json", "typing"); nil allows all of them and an empty
	// non-nil slice none. asyncio is always importable, and so are the
	// standard modules an allowed module imports itself (typing brings
	// abc and collections.abc).
	AllowedModules []string
	// HostModules are modules made by the host that scripts may import.
	HostModules []*Module

	// ModuleFS, when set, is the file system scripts import their own
	// modules from (see "Importing modules" in the package docs); nil
	// means no files at all. ModulePath is the initial sys.path: the
	// directories of ModuleFS searched in order (a leading "/" names
	// ModuleFS's root; nil means [""], the root itself).
	ModuleFS   fs.FS
	ModulePath []string
	// ModuleDir is the directory of ModuleFS that relative sys.path
	// entries are relative to, as CPython's are to the current directory
	// ("" is the entry of the current directory itself); by default the
	// root.
	ModuleDir string
	// ModuleSource, when set, supplies modules by their full dotted name
	// before ModuleFS is searched: it returns nil (and no error) for a
	// name it does not have; an error fails the import with ImportError.
	ModuleSource func(name string) (*SourceModule, error)
	// Warnings are warning filters in the syntax of CPython's -W option
	// ("error", "ignore::DeprecationWarning", ...), later ones winning.
	Warnings []string
	// Debug turns on asyncio's debug mode for every event loop (see
	// loop.set_debug).
	Debug bool
	// Grants are the powers over the host the interpreter has: a file
	// system, a working directory, an environment, network addresses,
	// commands and signals (capabilities.go). The zero value grants
	// nothing; GrantAll grants everything.
	Grants Capabilities
	// Trace, when not nil, receives a timeline of the event loops' tasks
	// in the Trace Event JSON format (see runtime.Tracer); it is complete
	// once the interpreter's last event loop has closed.
	Trace io.Writer
}

// Interp is one aio interpreter: a thread of execution with its own
// globals, modules and output streams. It is not safe for concurrent use;
// run many interpreters on many goroutines instead.
type Interp struct {
	th       *runtime.Thread
	builtins map[string]runtime.Value
	// globalsDicts are the dicts globals() returned, per module (see
	// builtins_scope.go).
	globalsDicts map[*runtime.Module]globalsView
	// builtinsDict is the dict exec() and eval() put in a globals dict as
	// __builtins__, made on first use.
	builtinsDict *runtime.Dict
	consts       map[*compile.Code][]runtime.Value
	sources      map[string][]string // filename → source lines, for tracebacks
	main         *moduleState
	// prepared maps a running class body's frame to the namespace its
	// metaclass's __prepare__ returned when that is not a dict: the
	// body's names go through its __getitem__/__setitem__ (classnames.go).
	prepared map[*frame]runtime.Value

	checkInterrupt func() error
	// ticking is true while checkInterrupt is the embedding API's tick,
	// which stepAt then counts down inline.
	ticking bool
	// checkOn, when not 0, tells the VM to call step before every
	// instruction: set with checkInterrupt (setCheck), or from another
	// goroutine by Interrupt (signals.go) while no check is installed.
	// Written atomically, read by checking (checkon*.go).
	checkOn uint32
	// caller is the frame whose call of a built-in is running, set on the
	// VM's slow call path: warnings.warn's stack levels and
	// asyncio.capture_call_graph on the current task start from it.
	caller *frame
	// framePool is a stack of released frames for reuse, linked through
	// their back fields, pooledFrames long (see takeFrame).
	framePool    *frame
	pooledFrames int
	// gens recycles the generator objects that only a loop held
	// (gen_recycle.go).
	gens genRecycler
	// builtinsVersion changes when the builtins map does (LOAD_GLOBAL cache).
	builtinsVersion uint64
	// host is the embedding API's state (api.go).
	host hostState
	// mem is the interpreter's part of the memory budget (memsize.go).
	mem memTracker
	// imports is sys.modules, sys.path and the module sources (import.go).
	imports importState
	// warnOptions are the -W options, applied when warnings is loaded.
	warnOptions []string
	// origins are where coroutines made in debug mode were created.
	origins map[*coroutine]string

	// green holds the green threads of to_thread and run_in_executor
	// (green.go).
	green greenState

	// netAccess is what Grants' Network, Commands and Signals grant
	// (capabilities_net.go).
	netAccess *runtime.NetAccess
}

// moduleState is a module's namespace as functions defined in it see it.
type moduleState struct {
	name     string
	globals  *runtime.Module
	builtins map[string]runtime.Value
	vm       *Interp
}

func (m *moduleState) constsFor(code *compile.Code) []runtime.Value {
	return m.vm.constsFor(code)
}

// New creates an interpreter.
func New(opts Options) *Interp {
	th := runtime.NewThread()
	if opts.Stdout != nil {
		th.Stdout = opts.Stdout
	}
	if opts.Stderr != nil {
		th.Stderr = opts.Stderr
	}
	// No input unless the host grants it (input() raises EOFError).
	th.Stdin = strings.NewReader("")
	if opts.Stdin != nil {
		th.Stdin = opts.Stdin
	}
	th.MaxDepth = runtime.ClampRecursionLimit(opts.MaxDepth)
	th.DepthCeiling = th.MaxDepth
	th.Argv = opts.Argv
	th.Executable = opts.Executable
	th.VirtualTime = opts.VirtualTime
	in := &Interp{
		th:       th,
		builtins: map[string]runtime.Value{},
		consts:   map[*compile.Code][]runtime.Value{},
		sources:  map[string][]string{},
	}
	th.Host = in
	in.netAccess = netAccessOf(opts.Grants)
	th.Stdout, th.Stderr, th.Stdin = in.wrapWriter(th.Stdout), in.wrapWriter(th.Stderr), in.wrapReader(th.Stdin)
	th.ModuleLoaders["asyncio"] = nil
	th.ReportException = func(msg string, exc *runtime.Exception) {
		io.WriteString(th.Stderr, msg+"\n"+in.FormatException(exc))
	}
	for k, v := range runtime.Builtins() {
		in.builtins[k] = v
	}
	in.installBuiltins()
	main := runtime.NewModule("__main__")
	main.Set("__name__", runtime.Str("__main__"))
	main.Set("__doc__", runtime.None)
	in.main = &moduleState{name: "__main__", globals: main, builtins: in.builtins, vm: in}
	in.initImports(opts)
	in.applyOptions(opts)
	if err := in.applyCapabilities(opts.Grants); err != nil && in.host.initErr == nil {
		in.host.initErr = err
	}
	in.applyDiagOptions(opts)
	return in
}

// Thread returns the interpreter's runtime thread.
func (in *Interp) Thread() *runtime.Thread { return in.th }

// step is called every instruction while checkOn is set.
func (in *Interp) step() error {
	if in.checkInterrupt == nil {
		// Only an interrupt or a signal turned the check on (signals.go).
		atomic.StoreUint32(&in.checkOn, 0)
		if err := in.takeInterrupt(); err != nil {
			return err
		}
		return in.takeSignals()
	}
	return in.checkInterrupt()
}

// setCheck installs the VM's per-instruction check (nil: none).
func (in *Interp) setCheck(f func() error) {
	in.checkInterrupt = f
	in.ticking = false
	on := uint32(0)
	if f != nil || in.host.sigint.Load() || in.host.signals.Load() != 0 {
		on = 1
	}
	atomic.StoreUint32(&in.checkOn, on)
}

// constsFor materializes a code object's constants for this interpreter.
func (in *Interp) constsFor(code *compile.Code) []runtime.Value {
	if vs, ok := in.consts[code]; ok {
		return vs
	}
	vs := make([]runtime.Value, len(code.Consts))
	for i, k := range code.Consts {
		vs[i] = constValue(k)
	}
	in.consts[code] = vs
	return vs
}

func constValue(k compile.Const) runtime.Value {
	switch k.Kind {
	case compile.ConstNone:
		return runtime.None
	case compile.ConstTrue:
		return runtime.True
	case compile.ConstFalse:
		return runtime.False
	case compile.ConstEllipsis:
		return runtime.Ellipsis
	case compile.ConstInt:
		return runtime.Int(k.Int)
	case compile.ConstBig:
		return runtime.BigInt(new(big.Int).Set(k.Big))
	case compile.ConstFloat:
		return runtime.Float(k.Float)
	case compile.ConstStr:
		return runtime.Str(k.Str)
	case compile.ConstBytes:
		return runtime.NewBytes([]byte(k.Str))
	case compile.ConstImag:
		return runtime.NewComplex(0, k.Float)
	case compile.ConstTuple:
		items := make([]runtime.Value, len(k.Tuple))
		for i, t := range k.Tuple {
			items[i] = constValue(t)
		}
		return runtime.TupleOf(items...)
	}
	return runtime.None
}

// execMain compiles src and runs it as the __main__ module, as Run does
// without a context (the internal tests' entry).
func (in *Interp) execMain(filename string, src []byte) (err error) {
	defer in.recoverEntry(in.entry(), &err)
	in.sources[filename] = strings.Split(string(src), "\n")
	code, err := compile.File(filename, src)
	if err != nil {
		return err
	}
	return in.runModule(code, in.main)
}

func (in *Interp) runModule(code *compile.Code, mod *moduleState) error {
	if mod == in.main && usesAsyncioBuiltins(code) {
		if err := in.installAsyncioBuiltins(); err != nil {
			return err
		}
	}
	fn := &function{code: code, mod: mod, globals: mod.globals, name: code.Name, qualname: code.QualName}
	fn.consts = in.constsFor(code)
	f := newFrame(fn)
	if code.Flags&compile.FlagTopLevelAwait != 0 {
		// Top-level await: the module body is the main task of a fresh
		// event loop, as if run by asyncio.run().
		co := f.makeCoroutine()
		if in.th.Loop != nil {
			_, err := co.RunSync(in.th)
			return err
		}
		_, err := runtime.RunMain(in.th, runtime.Obj(co))
		return err
	}
	// The module's frame counts in the recursion depth, as in CPython.
	if err := in.th.Enter(); err != nil {
		return err
	}
	out, _, err := in.run(in.th, f, f)
	in.th.Leave()
	if out == outRaise {
		return err
	}
	return nil
}

// InternalError reports a bug in aio itself (a Go panic caught at the API
// boundary), so that it never takes the host program down.
type InternalError struct {
	Value any
	Stack string
}

// Error describes the panic.
func (e *InternalError) Error() string {
	return fmt.Sprintf("aio internal error: %v", e.Value)
}

// recoverInternal turns a panic into an *InternalError stored in *err.
func recoverInternal(err *error) {
	if r := recover(); r != nil {
		*err = &InternalError{Value: r, Stack: string(debug.Stack())}
	}
}
