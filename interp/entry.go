package interp

// This file restores the interpreter's state when a Go panic (a bug in
// aio or in a host function) ends an entry into it, so that the error is
// reported as *InternalError and the interpreter stays whole.

import (
	"runtime/debug"

	"github.com/aio-lang/aio/runtime"
)

// entryState is what an entry (Run, Exec, Eval, Call, execMain) started
// with and must leave as it found it whatever happens.
type entryState struct {
	depth int
	loop  *runtime.Loop
}

// entry records the state an entry starts with.
func (in *Interp) entry() entryState {
	return entryState{depth: in.th.Depth, loop: in.th.Loop}
}

// recoverEntry is recoverInternal for an entry: after a panic it also
// restores the recursion depth (the frames the panic abandoned never
// give theirs back) and the running event loop to what the entry started
// with. Defer it as `defer in.recoverEntry(in.entry(), &err)`.
func (in *Interp) recoverEntry(saved entryState, err *error) {
	if r := recover(); r != nil {
		in.th.ResetDepth(saved.depth)
		in.th.Loop = saved.loop
		*err = &InternalError{Value: r, Stack: string(debug.Stack())}
	}
}
