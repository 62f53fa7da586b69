package interp

// This file loads the asyncio module, which the runtime package defines
// in Go (the event loop, futures, tasks and the library on top of them),
// and makes the names aio offers without import builtins. The I/O layer
// written in aio source (asyncio/*.aio: streams, subprocesses, executors
// and signal handlers over the runtime's transports) is a set of
// standard submodules, compiled once per process and run in an
// interpreter only when a script first uses one of their names: the
// asyncio module's __getattr__ (PEP 562) imports the submodule that
// defines a name, and the loop's I/O methods import theirs
// (runtime.loopMethodImpl).

import (
	"embed"
	"sort"
	"strings"

	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

//go:embed asyncio/*.aio
var asyncioFS embed.FS

// asyncioLazyNames maps each public name of the asyncio module that one
// of its source submodules defines to that submodule.
var asyncioLazyNames = map[string]string{
	"IncompleteReadError": "asyncio.streams", "LimitOverrunError": "asyncio.streams",
	"BaseProtocol": "asyncio.streams", "Protocol": "asyncio.streams",
	"StreamReader": "asyncio.streams", "StreamReaderProtocol": "asyncio.streams",
	"StreamWriter": "asyncio.streams", "Server": "asyncio.streams",
	"open_connection": "asyncio.streams", "start_server": "asyncio.streams",
	"open_unix_connection": "asyncio.streams", "start_unix_server": "asyncio.streams",
	"streams":                "asyncio.streams",
	"Process":                "asyncio.subprocess",
	"subprocess":             "asyncio.subprocess",
	"create_subprocess_exec": "asyncio.subprocess", "create_subprocess_shell": "asyncio.subprocess",
	"wrap_future": "asyncio.threads", "to_thread": "asyncio.threads",
	"run_coroutine_threadsafe": "asyncio.threads",
	"threads":                  "asyncio.threads",
}

// asyncioSubmodules are the source submodules, in the order a name that
// the table does not know is looked for.
var asyncioSubmodules []string

func init() {
	entries, _ := asyncioFS.ReadDir("asyncio")
	for _, e := range entries {
		file := e.Name()
		if !strings.HasSuffix(file, ".aio") {
			continue
		}
		src, _ := asyncioFS.ReadFile("asyncio/" + file)
		name := "asyncio." + strings.TrimSuffix(file, ".aio")
		runtime.RegisterStdModule(name, asyncioSubmoduleBase(name))
		runtime.RegisterStdSource(name, src)
		asyncioSubmodules = append(asyncioSubmodules, name)
	}
	sort.Strings(asyncioSubmodules)
}

// asyncioSubmoduleBase makes the namespace a source submodule starts
// with: every name of the asyncio module (the Go core, the private
// primitives its sources use, and the shared _loop_methods table).
func asyncioSubmoduleBase(name string) func(th *runtime.Thread) *runtime.Module {
	return func(th *runtime.Thread) *runtime.Module {
		m := runtime.NewModule(name)
		if a, ok := th.Modules["asyncio"]; ok {
			for _, n := range a.Names() {
				if strings.HasPrefix(n, "__") {
					continue
				}
				v, _ := a.Get(n)
				m.Set(n, v)
			}
		}
		return m
	}
}

// asyncioBuiltinNames are the asyncio names aio also offers as builtins.
var asyncioBuiltinNames = []string{"sleep", "create_task", "gather", "wait_for", "shield", "wait",
	"as_completed", "timeout", "run", "TaskGroup", "Queue", "Lock", "Event", "Semaphore", "CancelledError"}

// loadAsyncio builds the asyncio module for this interpreter.
func (in *Interp) loadAsyncio(th *runtime.Thread) (*runtime.Module, error) {
	if m, ok := th.Modules["asyncio"]; ok {
		return m, nil
	}
	m := runtime.NewModule("asyncio")
	core := runtime.AsyncioCore()
	names := make([]string, 0, len(core)+len(asyncioLazyNames))
	for name, v := range core {
		m.Set(name, v)
		if !strings.HasPrefix(name, "_") {
			names = append(names, name)
		}
	}
	for name := range asyncioLazyNames {
		names = append(names, name)
	}
	sort.Strings(names)
	all := make([]runtime.Value, len(names))
	for i, n := range names {
		all[i] = runtime.Str(n)
	}
	m.Set("__all__", runtime.NewList(all))
	m.Set("__path__", runtime.NewList(nil)) // a package: asyncio.subprocess
	m.Set("_loop_methods", runtime.Obj(runtime.NewDict()))
	m.Set("_green_start", in.greenStartBuiltin()) // for asyncio.threads
	m.Set("__getattr__", runtime.NewBuiltin("__getattr__", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var name string
		if err := runtime.UnpackArgs("__getattr__", args, kw, "name", &name); err != nil {
			return runtime.Value{}, err
		}
		return in.asyncioLazyAttr(th, m, name)
	}))
	th.Modules["asyncio"] = m
	return m, nil
}

// asyncioLazyAttr finds a name of the asyncio module that its source
// submodules define, importing the one that defines it, and keeps it in
// the module for the next look-up.
func (in *Interp) asyncioLazyAttr(th *runtime.Thread, m *runtime.Module, name string) (runtime.Value, error) {
	missing := func() (runtime.Value, error) {
		e := runtime.Errorf(runtime.AttributeError, "module 'asyncio' has no attribute '%s'", name)
		e.Name = name
		e.Obj = runtime.Obj(m)
		return runtime.Value{}, e
	}
	if strings.HasPrefix(name, "__") {
		return missing()
	}
	candidates := asyncioSubmodules
	if sub, ok := asyncioLazyNames[name]; ok {
		candidates = []string{sub}
	}
	for _, sub := range candidates {
		mv, err := in.importAbsolute(th, sub)
		if err != nil {
			return runtime.Value{}, err
		}
		if "asyncio."+name == sub {
			return mv, nil
		}
		if s, ok := runtime.As[*runtime.Module](mv); ok {
			if v, ok := s.Get(name); ok {
				m.Set(name, v)
				return v, nil
			}
		}
	}
	return missing()
}

// installAsyncioBuiltins makes the asyncio names that aio offers without
// import available as builtins (loading asyncio when first needed).
func (in *Interp) installAsyncioBuiltins() error {
	m, err := in.loadAsyncio(in.th)
	if err != nil {
		return err
	}
	for _, name := range asyncioBuiltinNames {
		if v, ok := m.Get(name); ok {
			in.builtins[name] = v
			in.builtinsVersion++
		}
	}
	return nil
}

// usesAsyncioBuiltins reports whether code (or code nested in it) reads
// one of the asyncio builtin names as a global.
func usesAsyncioBuiltins(code *compile.Code) bool {
	for _, n := range code.Names {
		for _, b := range asyncioBuiltinNames {
			if n == b {
				return true
			}
		}
	}
	for _, k := range code.Consts {
		if k.Kind == compile.ConstCode && usesAsyncioBuiltins(k.Code) {
			return true
		}
	}
	return false
}
