package interp

// This file gives coroutine objects their __await__ method, so that a
// class's __await__ may return some_coroutine.__await__() or delegate to
// it with yield from (see runtime/await_protocol.go).

import "github.com/aio-lang/aio/runtime"

func init() {
	CoroutineType.Methods(map[string]runtime.BuiltinFn{"__await__": runtime.AwaitMethod})
}
