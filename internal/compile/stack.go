package compile

// This file computes a Code's maximum operand stack depth by following
// every control-flow path with the stack effect of each opcode, so a frame
// allocates its stack exactly once.

import "math/bits"

// stackEffect returns the change in depth of an instruction when it falls
// through (next) and when it jumps (jump).
func stackEffect(in Instr) (next, jump int) {
	a := in.Arg()
	switch in.Op() {
	case NOP, SWAP, DELETE_FAST, DELETE_DEREF, DELETE_GLOBAL, DELETE_NAME, LOAD_ATTR,
		UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_INVERT, UNARY_NOT, LIST_TO_TUPLE, GET_ITER,
		JUMP, YIELD_VALUE, GET_AWAITABLE, AWAIT, GET_YIELD_FROM_ITER, POP_BLOCK:
		return 0, 0
	case EXTENDED:
		// The pushes of the next UNPACK_EX that its own argument cannot
		// count; the total on the path is what UNPACK_EX leaves.
		return a << 16, a << 16
	case POP_TOP, STORE_FAST, STORE_DEREF, STORE_GLOBAL, STORE_NAME, DELETE_ATTR,
		BINARY_OP, INPLACE_OP, COMPARE_OP, IS_OP, CONTAINS_OP, BINARY_SUBSCR,
		LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE,
		RETURN_VALUE, POP_EXCEPT, RERAISE, CHECK_EXC_MATCH, PRINT_EXPR, YIELD_FROM:
		return -1, -1
	case COPY, LOAD_CONST, LOAD_FAST, LOAD_DEREF, LOAD_CLOSURE, LOAD_GLOBAL, LOAD_NAME,
		LOAD_CLASSDEREF, LOAD_METHOD, BEFORE_WITH, WITH_EXCEPT_START, BEFORE_ASYNC_WITH,
		LOAD_ASSERTION_ERROR, IMPORT_NAME, IMPORT_FROM:
		return 1, 1
	case STORE_ATTR, DELETE_SUBSCR, MAP_ADD:
		return -2, -2
	case STORE_SUBSCR:
		return -3, -3
	case BUILD_SLICE:
		return 1 - a, 1 - a
	case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING:
		return 1 - a, 1 - a
	case BUILD_MAP:
		return 1 - 2*a, 1 - 2*a
	case UNPACK_SEQUENCE:
		return a - 1, a - 1
	case UNPACK_EX:
		n := (a & 0xff) + (a >> 8)
		return n, n
	case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE:
		return -1, -1
	case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP:
		return -1, 0
	case FOR_ITER:
		return 1, -1
	case CALL, CALL_METHOD, CALL_AWAITED, CALL_METHOD_AWAITED:
		if op := in.Op(); op == CALL_METHOD || op == CALL_METHOD_AWAITED {
			return -a - 1, -a - 1
		}
		return -a, -a
	case CALL_KW:
		return -(a & CallKWCountMask), -(a & CallKWCountMask)
	case CALL_EX:
		return -1 - a, -1 - a
	case MAKE_FUNCTION:
		n := bits.OnesCount(uint(a & MakeFunctionFlagMask))
		return 1 - n, 1 - n
	case FORMAT_VALUE:
		if a&0x100 != 0 {
			return -1, -1
		}
		return 0, 0
	case RAISE_VARARGS:
		return -a, -a
	case SETUP_FINALLY:
		return 0, 1
	case SETUP_WITH:
		return 0, 0
	case BUILD_CLASS:
		return -1 - a&0xfff, -1 - a&0xfff
	case MATCH_SEQUENCE, MATCH_MAPPING, GET_LEN:
		return 1, 1
	case MATCH_KEYS:
		return 2, 2
	case MATCH_CLASS, MATCH_REST:
		return -1, -1
	case GET_ANEXT:
		return 1, 1
	case END_ASYNC_FOR:
		return -2, -2
	case DROP_ITER:
		return -1, -1
	}
	return 0, 0
}

// maxStackDepth follows all paths from the entry and handler targets.
func maxStackDepth(code *Code) int {
	n := len(code.Instrs)
	depth := make([]int, n+1)
	for i := range depth {
		depth[i] = -1
	}
	// No path can push more than every instruction's largest push added
	// up: a depth beyond that keeps growing around a loop, which means
	// unbalanced code (a compiler bug); stop rather than loop forever.
	// (A fixed bound here would refuse huge literals and calls.)
	bound := 0
	for _, in := range code.Instrs {
		next, jump := stackEffect(in)
		bound += 1 + max(next, jump, 0)
	}
	maxDepth := 0
	var work []int
	visit := func(pc, d int) {
		if d > bound {
			return
		}
		if pc <= n && (depth[pc] < 0 || d > depth[pc]) {
			depth[pc] = d
			if d > maxDepth {
				maxDepth = d
			}
			work = append(work, pc)
		}
	}
	visit(0, 0)
	for len(work) > 0 {
		pc := work[len(work)-1]
		work = work[:len(work)-1]
		if pc >= n {
			continue
		}
		in := code.Instrs[pc]
		d := depth[pc]
		next, jump := stackEffect(in)
		switch in.Op() {
		case JUMP:
			visit(in.Arg(), d)
			continue
		case RETURN_VALUE, RERAISE, RAISE_VARARGS:
			continue
		case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, FOR_ITER, SETUP_FINALLY, SETUP_WITH:
			visit(in.Arg(), d+jump)
		}
		visit(pc+1, d+next)
	}
	return maxDepth + 1
}
