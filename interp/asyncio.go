package interp

// This file loads the asyncio module: the Go core from the runtime
// package, plus the library layer written by the project in aio source
// (asyncio/*.aio: tasks' helpers, timeouts, task groups, locks, queues;
// executed in order in one namespace on first use).
// The prelude is compiled once per process and run once per interpreter.

import (
	"embed"
	"github.com/aio-lang/aio/internal/compile"
	"sort"
	"strings"
	"sync"

	"github.com/aio-lang/aio/runtime"
)

//go:embed asyncio/*.aio
var asyncioFS embed.FS

type preludeFile struct {
	name string
	code *compile.Code
	err  error
}

var (
	preludeOnce  sync.Once
	preludeCodes []preludeFile
)

// compiledPrelude compiles the embedded asyncio sources (once per process).
func compiledPrelude() []preludeFile {
	preludeOnce.Do(func() {
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
			preludeCodes = append(preludeCodes, preludeFile{name: n, code: code, err: err})
		}
	})
	return preludeCodes
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
	for name, v := range runtime.AsyncioCore() {
		m.Set(name, v)
		ns.Set(name, v)
	}
	ns.Set("_trace_instant", runtime.TraceInstantBuiltin)
	m.Set("__path__", runtime.NewList(nil)) // a package: asyncio.subprocess
	th.Modules["asyncio"] = m
	state := &moduleState{name: "asyncio", globals: ns, builtins: in.builtins, vm: in}
	for _, pf := range compiledPrelude() {
		if pf.err != nil {
			return nil, pf.err
		}
		in.sources[pf.code.Filename] = strings.Split(string(mustRead(pf.name)), "\n")
		if err := in.runModule(pf.code, state); err != nil {
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
	for _, name := range []string{"FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"} {
		if v, ok := ns.Get(name); ok {
			m.Set(name, v)
		}
	}
	return m, nil
}

func mustRead(name string) []byte {
	b, _ := asyncioFS.ReadFile("asyncio/" + name)
	return b
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
