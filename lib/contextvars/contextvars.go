// Package contextvars is aio's contextvars module: ContextVar, Token,
// Context and copy_context. The objects live in the runtime, whose event
// loop runs each task and callback in its own context.
package contextvars

// This file registers the module.

import "github.com/aio-lang/aio/runtime"

func init() { runtime.RegisterStdModule("contextvars", load) }

func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("contextvars")
	for name, v := range runtime.ContextVarNames() {
		m.Set(name, v)
	}
	return m
}
