package runtime

// This file defines Thread, the per-interpreter execution context that
// built-ins receive, and the calling protocol shared by every callable.

import (
	"io"
	"os"
	"strings"

	"github.com/aio-lang/aio/internal/pyfmt"
)

// Kwarg is one keyword argument of a call.
type Kwarg struct {
	Name  string
	Value Value
}

// Callable is implemented by objects that can be called: built-in
// functions, bound methods, classes, and the interpreter's functions.
type Callable interface {
	Object
	Call(th *Thread, args []Value, kw []Kwarg) (Value, error)
}

// Thread is the state of one interpreter that built-ins may need: its
// output streams, recursion depth and a slot for the interpreter itself.
// A Thread is used by one goroutine at a time.
type Thread struct {
	Stdout io.Writer
	Stderr io.Writer
	Stdin  io.Reader

	// Depth is the current recursion depth: script calls and the levels
	// of built-ins that recurse on their data (repr of a nested list,
	// comparison, hashing, chained iterators) count alike, as CPython
	// counts C recursion in the same counter as Python calls. MaxDepth is
	// the recursion limit (CPython's default is 1000); a host setting it
	// directly must keep it within MaxRecursionLimit, which bounds the
	// Go stack a script can use.
	Depth    int
	MaxDepth int
	// DepthCeiling is the highest limit sys.setrecursionlimit may set:
	// a larger request is clamped to it. It never exceeds
	// MaxRecursionLimit.
	DepthCeiling int

	// Host is owned by the interpreter that runs on this thread.
	Host any

	// Modules holds imported modules by name.
	Modules map[string]*Module
	// ModuleLoaders creates built-in modules on first import; a name
	// missing from it cannot be imported.
	ModuleLoaders map[string]func(th *Thread) *Module

	// Argv is sys.argv.
	Argv []string
	// Executable is sys.executable.
	Executable string

	// OS is what the host granted of the file system and the
	// environment (fsys.go); nil grants nothing.
	OS *OSAccess

	// Random is the state of the random module.
	Random any

	// Loop is the running event loop, or nil.
	Loop *Loop
	// ctx is the current contextvars.Context (nil until a script uses
	// one; see currentContext).
	ctx *Context
	// VirtualTime makes new event loops use a virtual clock.
	VirtualTime bool
	// vclock is the virtual clock that the thread's loops and its time
	// module share under VirtualTime (vclock.go).
	vclock *virtualClock
	// TaskCounter numbers tasks Task-1, Task-2, ... across event loops, as
	// CPython's process-wide counter does.
	TaskCounter int64
	// loopPolicy is asyncio's event loop policy, which keeps the current
	// loop outside a running one (asyncio_loopapi.go); nil until used.
	loopPolicy *policyObject
	// ReportException prints an error that cannot propagate (an exception
	// in a loop callback), as CPython's default exception handler logs it.
	ReportException func(msg string, exc *Exception)
	// AsyncioDebug turns on debug mode in new event loops (aio --debug).
	AsyncioDebug bool
	// Tracer, when not nil, records the event loops' tasks (aio --trace).
	Tracer *Tracer

	// Limits are resource limits and hooks set by an embedding host.
	Limits Limits

	// intMaxStrDigits is sys.get_int_max_str_digits(): the most decimal
	// digits an int↔str conversion accepts (0: no limit).
	intMaxStrDigits int

	// reprDepth guards against infinite recursion in repr of
	// self-containing containers.
	reprActive map[Object]bool
	// noCalls marks the stand-in thread of Repr and ToStr called without
	// one: it counts recursion but runs no script code.
	noCalls bool
}

// NewThread returns a Thread writing to the process's standard streams,
// with CPython's default recursion limit and the standard modules.
func NewThread() *Thread {
	th := &Thread{
		Stdout:       os.Stdout,
		Stderr:       os.Stderr,
		Stdin:        os.Stdin,
		MaxDepth:     DefaultRecursionLimit,
		DepthCeiling: DefaultRecursionLimit,
		Modules:      map[string]*Module{},

		intMaxStrDigits: pyfmt.MaxStrDigits,
	}
	th.ModuleLoaders = map[string]func(*Thread) *Module{}
	for name, l := range stdModules {
		th.ModuleLoaders[name] = l
	}
	for name := range stdSources {
		if _, ok := th.ModuleLoaders[name]; !ok {
			th.ModuleLoaders[name] = emptyModule(name)
		}
	}
	// A registered submodule makes its parents packages, empty ones when
	// nothing else registers them.
	for name := range th.ModuleLoaders {
		for i := strings.LastIndexByte(name, '.'); i > 0; i = strings.LastIndexByte(name[:i], '.') {
			if _, ok := th.ModuleLoaders[name[:i]]; !ok {
				th.ModuleLoaders[name[:i]] = emptyModule(name[:i])
			}
		}
	}
	return th
}

// stdModules maps module names to their loaders, and stdSources module
// names to the aio source that completes them; the lib packages register
// themselves here in init. Nothing is built before a script imports it.
var (
	stdModules = map[string]func(*Thread) *Module{}
	stdSources = map[string][]byte{}
)

// RegisterStdModule makes a built-in module importable in new threads:
// load builds it on the first import of name (a dotted name registers a
// submodule, and makes its parent a package).
func RegisterStdModule(name string, load func(*Thread) *Module) { stdModules[name] = load }

// RegisterStdSource registers aio source for the standard module name.
// Importing name builds the module's Go part (the loader registered with
// RegisterStdModule, or an empty module when there is none) and then runs
// src in the module's namespace.
func RegisterStdSource(name string, src []byte) { stdSources[name] = src }

// StdSource is the aio source registered for the standard module name,
// or nil.
func StdSource(name string) []byte { return stdSources[name] }

// IsStdPackage reports whether some registered standard module is a
// submodule of name.
func IsStdPackage(name string) bool {
	prefix := name + "."
	for sub := range stdModules {
		if strings.HasPrefix(sub, prefix) {
			return true
		}
	}
	for sub := range stdSources {
		if strings.HasPrefix(sub, prefix) {
			return true
		}
	}
	return false
}

// emptyModule is the loader of a standard module written only in source.
func emptyModule(name string) func(*Thread) *Module {
	return func(*Thread) *Module { return NewModule(name) }
}

// Call calls fn with the given arguments.
func (th *Thread) Call(fn Value, args []Value, kw []Kwarg) (Value, error) {
	if c, ok := fn.obj.(Callable); ok {
		return c.Call(th, args, kw)
	}
	if inst, ok := fn.obj.(*Instance); ok {
		if m, ok := inst.Class.Lookup("__call__"); ok {
			// Counted: __call__ may itself be an instance with a __call__.
			if err := th.Nest(InCall); err != nil {
				return Value{}, err
			}
			defer th.Unnest()
			return th.Call(m, append([]Value{fn}, args...), kw)
		}
	}
	return Value{}, Errorf(TypeError, "'%s' object is not callable", fn.Type().Name)
}

// CallMethod looks up a method on v's class and calls it with v as self.
// found is false when v's class has no such attribute.
func (th *Thread) CallMethod(v Value, name string, args ...Value) (result Value, found bool, err error) {
	m, ok := v.Type().Lookup(name)
	if !ok {
		return Value{}, false, nil
	}
	r, err := callClassAttr(th, m, v, args, nil)
	return r, true, err
}

// Enter increments the call depth, failing with RecursionError past the limit.
func (th *Thread) Enter() error {
	th.Depth++
	if th.Depth > th.MaxDepth {
		return th.TooDeep()
	}
	return nil
}

// TooDeep is Enter's slow path, kept out of line so that Enter inlines:
// small as it is, inlining it into Enter made Enter too costly to inline.
//
//go:noinline
func (th *Thread) TooDeep() error {
	th.Depth--
	return Errorf(RecursionError, "maximum recursion depth exceeded")
}

// Leave decrements the call depth.
func (th *Thread) Leave() { th.Depth-- }
