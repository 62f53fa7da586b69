package interp

// This file loads the asyncio module, which the runtime package defines
// in Go (the event loop, futures, tasks and the library on top of them),
// plus the I/O layer written in aio source (asyncio/*.aio: streams,
// subprocesses, executors and signal handlers over the runtime's
// transports), and makes the names aio offers without import builtins.
// The sources are compiled once per process and run once per interpreter
// in one namespace, whose public names join the module.

import (
	"embed"
	"sort"
	"strings"
	"sync"

	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

//go:embed asyncio/*.aio
var asyncioFS embed.FS

type asyncioSource struct {
	name string
	src  []byte
	code *compile.Code
	err  error
}

var (
	asyncioSourcesOnce sync.Once
	asyncioSources     []asyncioSource
)

// compiledAsyncioSources compiles the embedded asyncio sources in name
// order (once per process).
func compiledAsyncioSources() []asyncioSource {
	asyncioSourcesOnce.Do(func() {
		entries, _ := asyncioFS.ReadDir("asyncio")
		var names []string
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".aio") {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, n := range names {
			src, _ := asyncioFS.ReadFile("asyncio/" + n)
			code, err := compile.File("<asyncio/"+n+">", src)
			asyncioSources = append(asyncioSources, asyncioSource{name: n, src: src, code: code, err: err})
		}
	})
	return asyncioSources
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
	ns := runtime.NewModule("asyncio")
	ns.Set("__name__", runtime.Str("asyncio"))
	ns.Set("_green_start", in.greenStartBuiltin())
	for name, v := range runtime.AsyncioCore() {
		m.Set(name, v)
		ns.Set(name, v)
	}
	m.Set("__path__", runtime.NewList(nil)) // a package: asyncio.subprocess
	th.Modules["asyncio"] = m
	state := &moduleState{name: "asyncio", globals: ns, builtins: in.builtins, vm: in}
	for _, f := range compiledAsyncioSources() {
		if f.err != nil {
			return nil, f.err
		}
		in.sources[f.code.Filename] = strings.Split(string(f.src), "\n")
		if err := in.runModule(f.code, state); err != nil {
			delete(th.Modules, "asyncio")
			return nil, err
		}
	}
	for _, name := range ns.Names() {
		if strings.HasPrefix(name, "_") {
			continue
		}
		v, _ := ns.Get(name)
		m.Set(name, v)
	}
	return m, nil
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
