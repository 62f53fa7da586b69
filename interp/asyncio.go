package interp

// This file loads the asyncio module, which the runtime package defines
// in Go (the event loop, futures, tasks and the library on top of them),
// and makes the names aio offers without import builtins.

import (
	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

// asyncioBuiltinNames are the asyncio names aio also offers as builtins.
var asyncioBuiltinNames = []string{"sleep", "create_task", "gather", "wait_for", "shield", "wait",
	"as_completed", "timeout", "run", "TaskGroup", "Queue", "Lock", "Event", "Semaphore", "CancelledError"}

// loadAsyncio builds the asyncio module for this interpreter.
func (in *Interp) loadAsyncio(th *runtime.Thread) (*runtime.Module, error) {
	if m, ok := th.Modules["asyncio"]; ok {
		return m, nil
	}
	m := runtime.NewModule("asyncio")
	for name, v := range runtime.AsyncioCore() {
		m.Set(name, v)
	}
	th.Modules["asyncio"] = m
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
