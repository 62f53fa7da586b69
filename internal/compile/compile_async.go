package compile

// This file compiles async for and the loops of async comprehensions.
//
// Each step of the loop awaits aiter.__anext__() inside a handler block
// whose handler, END_ASYNC_FOR, ends the loop on StopAsyncIteration and
// raises anything else again:
//
//	      <iterable>; GET_AITER
//	top:  SETUP_FINALLY end; GET_ANEXT; AWAIT; POP_BLOCK
//	      <store target>; <body>; JUMP top
//	end:  END_ASYNC_FOR; <else>
//
// The awaits of the loop run in the frame's chain as any await does, so
// an async comprehension is an ordinary function frame in the chain of
// the coroutine that runs it.

import (
	"github.com/aio-lang/aio/ast"
)

// asyncFor compiles an async for statement.
func (c *compiler) asyncFor(s *ast.For) {
	top, orelse, end := c.newLabel(), c.newLabel(), c.newLabel()
	c.expr(s.Iter)
	fresh := freshIterable(s.Iter)
	if fresh {
		c.emit(GET_AITER, 1)
	} else {
		c.emit(GET_AITER, 0)
	}
	c.bind(top)
	c.asyncNext(orelse)
	c.store(s.Target)
	c.pushBlock(fblock{kind: fbFor, top: top, exit: end, dropIter: fresh})
	c.stmts(s.Body)
	c.popBlock()
	c.emitJump(JUMP, top)
	c.bind(orelse)
	c.emit(END_ASYNC_FOR, 0)
	c.stmts(s.OrElse)
	c.bind(end)
}

// asyncNext emits the awaited __anext__() of the async iterator on top
// of the stack, leaving [aiter value]; exhaustion goes to exit, where an
// END_ASYNC_FOR must follow.
func (c *compiler) asyncNext(exit label) {
	c.emitJump(SETUP_FINALLY, exit)
	c.emit(GET_ANEXT, 0)
	c.emit(AWAIT, 0)
	c.emit(POP_BLOCK, 0)
}

// freshIterable reports whether a loop's iterable is an object that only
// the loop references: one made by a call (except iter() and aiter(),
// which return their argument). Under CPython, leaving such a loop early
// drops the last reference to it: a generator is closed at once, and an
// async generator's finalizer schedules its aclose(). aio frees memory
// without reference counts, so the loop does this itself (DROP_ITER).
func freshIterable(e ast.Expr) bool {
	call, ok := e.(*ast.Call)
	if !ok {
		return false
	}
	if n, ok := call.Func.(*ast.Name); ok && (n.Id == "iter" || n.Id == "aiter") {
		return false
	}
	return true
}

// markAwaitedCall turns the call instruction just emitted for the operand
// of an await into its awaited variant, so that the VM knows when it makes
// the call that the result goes straight to GET_AWAITABLE (asyncio.sleep
// then suspends at once instead of making a coroutine object) without
// looking at the instructions that follow. Calls with keywords or unpacking
// keep their plain form: the mark only enables a shortcut.
func (c *compiler) markAwaitedCall() {
	instrs := c.u.code.Instrs
	last := len(instrs) - 1
	switch instrs[last].Op() {
	case CALL:
		instrs[last] = mkInstr(CALL_AWAITED, instrs[last].Arg())
	case CALL_METHOD:
		instrs[last] = mkInstr(CALL_METHOD_AWAITED, instrs[last].Arg())
	}
}
