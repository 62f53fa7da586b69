package compile

// This file compiles try statements with except* clauses (PEP 654).
//
// The handler keeps three values on the stack while its clauses run: the
// exception the try body raised (orig), a list of what the handlers
// raised, and the part of orig that no clause has matched yet (rest):
//
//	handler:                 orig            (pushed by the unwinder)
//	    COPY 1; BUILD_LIST 0; SWAP 2
//	                         orig list rest
//	  each clause:
//	    <types>; CHECK_EG_MATCH
//	                         orig list rest match
//	    if match is None: POP_TOP, next clause
//	    store match in the name (or POP_TOP)
//	    SETUP_FINALLY raised; body; POP_BLOCK; clear the name; next clause
//	  raised:                orig list rest exc
//	    clear the name; append exc to list; POP_EXCEPT
//	  after the clauses:
//	    LIST_APPEND 1; PREP_RERAISE_STAR
//	                         orig result
//	    result None: POP_TOP; POP_EXCEPT (done)
//	    otherwise:   SWAP 2; POP_EXCEPT; RERAISE result
//
// Each clause runs at most once, with the matching part of what is left;
// RERAISE adds no traceback entry and no context, as in CPython.

import (
	"github.com/aio-lang/aio/ast"
)

// exceptStarExitMsg is CPython's error for leaving an except* body with
// break, continue or return.
const exceptStarExitMsg = "'break', 'continue' and 'return' cannot appear in an except* block"

// tryExceptStar compiles the try, except* and else parts of s (a finally
// part is tryFinally's).
func (c *compiler) tryExceptStar(s *ast.Try) {
	handler, end := c.newLabel(), c.newLabel()
	c.emitJump(SETUP_FINALLY, handler)
	c.pushBlock(fblock{kind: fbTryExcept})
	c.stmts(s.Body)
	c.popBlock()
	c.emit(POP_BLOCK, 0)
	c.stmts(s.OrElse)
	c.emitJump(JUMP, end)

	c.bind(handler)
	c.emit(COPY, 1)
	c.emit(BUILD_LIST, 0)
	c.emit(SWAP, 2)
	for _, h := range s.Handlers {
		prev := c.setSpan(h)
		noMatch, next, raised := c.newLabel(), c.newLabel(), c.newLabel()
		c.expr(h.Type)
		c.emit(CHECK_EG_MATCH, 0)
		c.emit(COPY, 1)
		c.emitConst(Const{Kind: ConstNone})
		c.emit(IS_OP, 0)
		c.emitJump(POP_JUMP_IF_TRUE, noMatch)
		if h.Name != "" {
			c.nameOp(h.Name, ctxStore)
		} else {
			c.emit(POP_TOP, 0)
		}
		c.emitJump(SETUP_FINALLY, raised)
		c.pushBlock(fblock{kind: fbExceptStar})
		c.stmts(h.Body)
		c.popBlock()
		c.emit(POP_BLOCK, 0)
		c.clearHandlerName(h.Name)
		c.emitJump(JUMP, next)

		// An exception left the body: keep it for the group to raise.
		c.bind(raised)
		c.clearHandlerName(h.Name)
		c.emit(COPY, 1)
		c.emit(LIST_APPEND, 3)
		c.emit(POP_EXCEPT, 0)
		c.emitJump(JUMP, next)

		c.bind(noMatch)
		c.emit(POP_TOP, 0)
		c.bind(next)
		c.u.span = prev
	}
	reraise := c.newLabel()
	c.emit(LIST_APPEND, 1)
	c.emit(PREP_RERAISE_STAR, 0)
	c.emit(COPY, 1)
	c.emitConst(Const{Kind: ConstNone})
	c.emit(IS_OP, 0)
	c.emitJump(POP_JUMP_IF_FALSE, reraise)
	c.emit(POP_TOP, 0)
	c.emit(POP_EXCEPT, 0)
	c.emitJump(JUMP, end)
	c.bind(reraise)
	c.emit(SWAP, 2)
	c.emit(POP_EXCEPT, 0)
	c.emit(RERAISE, 0)
	c.bind(end)
}

// clearHandlerName unbinds the name an except* clause bound, as the
// compiler does for except clauses: `name = None; del name`.
func (c *compiler) clearHandlerName(name string) {
	if name == "" {
		return
	}
	c.emitConst(Const{Kind: ConstNone})
	c.nameOp(name, ctxStore)
	c.nameOp(name, ctxDel)
}

// inExceptStar reports, as a SyntaxError located at n, whether leaving
// blocks (innermost last) would leave an except* body.
func (c *compiler) inExceptStar(n ast.Node, blocks []fblock) bool {
	for _, b := range blocks {
		if b.kind == fbExceptStar {
			c.errorf(n, exceptStarExitMsg)
			return true
		}
	}
	return false
}

// returnErrorNode is where CPython reports a return that may not leave
// its block: at a constant value on the statement's line, else at the
// statement.
func returnErrorNode(s *ast.Return) ast.Node {
	if k, ok := s.Value.(*ast.Constant); ok && k.Start.Line == s.Start.Line {
		return k
	}
	return s
}
