package interp

// This file lets the coroutine of `await f(...)` live in a pooled frame.
// The compiler marks a call whose result goes straight to an await
// (CALL_AWAITED, CALL_METHOD_AWAITED); the coroutine such a call makes is
// referenced by the operand stack until AWAIT pops it and runs its frame
// as part of the awaiting chain, and by nothing else. So when it returns
// or raises, its frame can go back to the pool as a plain function's
// would, instead of being garbage for the collector: recursive `await
// fib(n - 1)` then allocates nothing per call.
//
// The frame is left unpinned. Whatever hands the coroutine object out to a
// script (cr_await of the coroutine awaiting it) pins it again, and so it
// is never recycled under a live reference.

import (
	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

// callObject is the result of calling the generator-like function fn with
// the fresh frame nf by the call instruction op: its coroutine, generator
// or async generator, made by caller. The coroutine of an awaited call
// keeps its frame unpinned (see above), except in debug mode, which
// records where each coroutine was made; a generator is noted as the
// call's result for genRecycler.
func (fn *function) callObject(nf *frame, op compile.Opcode, caller *frame) runtime.Value {
	v := fn.wrapFrame(nf)
	if nf.isCoro && (op == compile.CALL_AWAITED || op == compile.CALL_METHOD_AWAITED) && !fn.mod.vm.th.DebugActive() {
		nf.pinned = false
	}
	if nf.gen != nil {
		fn.mod.vm.madeByCall(nf.gen, caller)
	}
	return v
}

// endCoroutine marks a coroutine frame that returned as closed. An
// unpinned one (an awaited call's, referenced by nothing now) becomes a
// plain frame again, ready for the pool.
func (f *frame) endCoroutine() {
	if f.pinned {
		f.state = coroClosed
		return
	}
	f.forgetCoroutine()
}

// forgetCoroutine clears what makes a frame a coroutine, before an
// unpinned coroutine frame goes back to the pool.
func (f *frame) forgetCoroutine() {
	f.isCoro = false
	f.state = coroCreated
	f.pendingThrow = nil
}

// chainState is the state of the chain a coroutine runs in. A coroutine
// being awaited stays coroRunning for as long as it runs in its awaiter's
// chain, while the chain itself may be suspended: what cr_running and
// cr_suspended report is then the state of the chain's entry.
func (co *coroutine) chainState() coroState {
	f := co.frame()
	for f.state == coroRunning && f.back != nil && f.back.isCoro {
		f = f.back
	}
	return f.state
}
