package compile

// This file builds the superinstruction stream a Code runs. Dispatch is a
// large share of a Go bytecode loop's cost, so common sequences such as
// `n - 1` (LOAD_FAST, LOAD_CONST, BINARY_OP) or `if a < b` (COMPARE_OP,
// POP_JUMP_IF_FALSE) run as one instruction. The fused opcode replaces
// only the first instruction of the sequence; the others stay in place
// with their arguments, so jumps into the middle of a sequence, the
// source span table and the stack-depth pass are unaffected. A fused
// instruction that raises sets the frame's pc to just after the component
// that failed, so tracebacks point where the unfused code would.

// superPatterns lists the fusable sequences, longest first at each start.
var superPatterns = []struct {
	seq   []Opcode
	fused Opcode
}{
	{[]Opcode{LOAD_FAST, LOAD_CONST, COMPARE_OP, POP_JUMP_IF_FALSE}, LOAD_FAST_CONST_COMPARE_JUMP},
	{[]Opcode{LOAD_FAST, LOAD_CONST, COMPARE_OP, POP_JUMP_IF_TRUE}, LOAD_FAST_CONST_COMPARE_JUMP},
	{[]Opcode{LOAD_FAST, LOAD_FAST, COMPARE_OP, POP_JUMP_IF_FALSE}, LOAD_FAST_FAST_COMPARE_JUMP},
	{[]Opcode{LOAD_FAST, LOAD_FAST, COMPARE_OP, POP_JUMP_IF_TRUE}, LOAD_FAST_FAST_COMPARE_JUMP},
	{[]Opcode{LOAD_FAST, LOAD_ATTR, RETURN_VALUE}, LOAD_FAST_ATTR_RETURN},
	{[]Opcode{LOAD_FAST, COPY, LOAD_ATTR}, LOAD_FAST_COPY_LOAD_ATTR},
	{[]Opcode{INPLACE_OP, SWAP, STORE_ATTR}, INPLACE_OP_STORE_ATTR},
	{[]Opcode{BINARY_SUBSCR, STORE_FAST, LOAD_FAST}, BINARY_SUBSCR_STORE_FAST},
	{[]Opcode{LOAD_FAST, LOAD_CONST, BINARY_OP}, LOAD_FAST_CONST_BINARY_OP},
	{[]Opcode{LOAD_FAST, LOAD_FAST, BINARY_OP}, LOAD_FAST_FAST_BINARY_OP},
	{[]Opcode{LOAD_FAST, LOAD_FAST}, LOAD_FAST_LOAD_FAST},
	{[]Opcode{LOAD_FAST, LOAD_CONST}, LOAD_FAST_LOAD_CONST},
	{[]Opcode{LOAD_FAST, BINARY_OP}, LOAD_FAST_BINARY_OP},
	{[]Opcode{LOAD_FAST, LOAD_ATTR}, LOAD_FAST_LOAD_ATTR},
	{[]Opcode{LOAD_CONST, BINARY_OP}, LOAD_CONST_BINARY_OP},
	{[]Opcode{COMPARE_OP, POP_JUMP_IF_FALSE}, COMPARE_OP_JUMP_IF_FALSE},
	{[]Opcode{COMPARE_OP, POP_JUMP_IF_TRUE}, COMPARE_OP_JUMP_IF_TRUE},
	{[]Opcode{STORE_FAST, LOAD_FAST}, STORE_FAST_LOAD_FAST},
	{[]Opcode{INPLACE_OP, STORE_FAST}, INPLACE_OP_STORE_FAST},
	{[]Opcode{LOAD_FAST, RETURN_VALUE}, LOAD_FAST_RETURN_VALUE},
	{[]Opcode{LOAD_CONST, RETURN_VALUE}, LOAD_CONST_RETURN_VALUE},
	{[]Opcode{BINARY_OP, RETURN_VALUE}, BINARY_OP_RETURN_VALUE},
	{[]Opcode{LOAD_FAST, COPY}, LOAD_FAST_COPY},
	{[]Opcode{SWAP, STORE_ATTR}, SWAP_STORE_ATTR},
	{[]Opcode{FOR_ITER, STORE_FAST}, FOR_ITER_STORE_FAST},
	{[]Opcode{LOAD_METHOD, CALL_METHOD}, LOAD_METHOD_CALL_METHOD_0},
	{[]Opcode{BUILD_SLICE, BINARY_SUBSCR}, BUILD_SLICE_SUBSCR},
}

// fuseSuperinstructions returns a copy of instrs with the first
// instruction of each fusable sequence replaced by its superinstruction
// (keeping its argument). Patterns match the original opcodes, so every
// position is considered independently.
func fuseSuperinstructions(instrs []Instr) []Instr {
	run := make([]Instr, len(instrs))
	copy(run, instrs)
	for pc := range instrs {
		// The jump back to a for loop's head runs the head itself.
		if in := instrs[pc]; in.Op() == JUMP {
			if t := in.Arg(); t+1 < len(instrs) && instrs[t].Op() == FOR_ITER && instrs[t+1].Op() == STORE_FAST {
				run[pc] = mkInstr(JUMP_FOR_ITER, t)
				continue
			}
		}
		if unpacksToLocals(instrs[pc:]) {
			run[pc] = mkInstr(UNPACK_SEQUENCE_STORE_FAST, instrs[pc].Arg())
			continue
		}
		for _, p := range superPatterns {
			if matchOps(instrs[pc:], p.seq) && superArgsFit(p.fused, instrs[pc:]) {
				run[pc] = mkInstr(p.fused, instrs[pc].Arg())
				break
			}
		}
	}
	return run
}

// superArgsFit checks the arguments a fusion depends on: COPY of the top
// item, SWAP of the top two.
func superArgsFit(fused Opcode, instrs []Instr) bool {
	switch fused {
	case LOAD_FAST_COPY, LOAD_FAST_COPY_LOAD_ATTR:
		return instrs[1].Arg() == 1
	case INPLACE_OP_STORE_ATTR:
		return instrs[1].Arg() == 2
	case BINARY_SUBSCR_STORE_FAST:
		return instrs[1].Arg() == instrs[2].Arg()
	case SWAP_STORE_ATTR:
		return instrs[0].Arg() == 2
	case LOAD_METHOD_CALL_METHOD_0:
		return instrs[1].Arg() == 0
	case BUILD_SLICE_SUBSCR:
		return instrs[0].Arg() == 2
	}
	return true
}

// unpacksToLocals reports whether instrs starts with UNPACK_SEQUENCE n
// followed by n STORE_FASTs (`a, b, c = t` into locals): a pattern of
// variable length, so it is not a row of superPatterns.
func unpacksToLocals(instrs []Instr) bool {
	if instrs[0].Op() != UNPACK_SEQUENCE {
		return false
	}
	n := instrs[0].Arg()
	if n < 1 || len(instrs) <= n {
		return false
	}
	for _, in := range instrs[1 : n+1] {
		if in.Op() != STORE_FAST {
			return false
		}
	}
	return true
}

func matchOps(instrs []Instr, seq []Opcode) bool {
	if len(instrs) < len(seq) {
		return false
	}
	for i, op := range seq {
		if instrs[i].Op() != op {
			return false
		}
	}
	return true
}

// superLength is the number of instructions a superinstruction stands
// for (1 for an ordinary opcode).
func superLength(op Opcode) int {
	for _, p := range superPatterns {
		if p.fused == op {
			return len(p.seq)
		}
	}
	return 1
}
