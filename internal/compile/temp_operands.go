package compile

// This file finds the BINARY_OP operands that are temporaries: values
// made by an earlier BINARY_OP that stayed on the operand stack, unseen
// by any other instruction, until this one consumed them. In
// `10 * (r - n * t)` both the product n*t and the difference are such
// values; when they are big ints the VM may compute the next result in
// their storage instead of allocating (runtime.BinaryTemps), which is
// most of the allocation of a big-int loop. The VM checks at run time
// that the operand really is a fresh big int (the producer may have
// called a user method that returned a shared object); this pass only
// proves that nothing else could have seen the stack slot.

// Flags of a BINARY_OP in Code.TempOps.
const (
	// TempLeft: the left operand is the result of a BINARY_OP flagged
	// TempResult, taken straight from the stack.
	TempLeft uint8 = 1 << iota
	// TempRight: likewise for the right operand.
	TempRight
	// TempResult: the result is a TempLeft or TempRight operand of a
	// later BINARY_OP.
	TempResult
)

// tempScanLimit bounds how far back the producer of a left operand is
// looked for.
const tempScanLimit = 24

// markTempOperands returns the temporary-operand flags of instrs (nil
// when there are none). isTarget reports the instructions some jump or
// handler lands on: a value that reaches one of them may come from
// another path.
func markTempOperands(instrs []Instr, isTarget []bool) []uint8 {
	var flags []uint8
	mark := func(producer, consumer int, side uint8) {
		if flags == nil {
			flags = make([]uint8, len(instrs))
		}
		flags[producer] |= TempResult
		flags[consumer] |= side
	}
	for j, in := range instrs {
		if in.Op() != BINARY_OP || j == 0 || isTarget[j] {
			continue
		}
		if instrs[j-1].Op() == BINARY_OP {
			mark(j-1, j, TempRight)
		}
		if p := leftProducer(instrs, isTarget, j); p >= 0 {
			mark(p, j, TempLeft)
		}
	}
	return flags
}

// leftProducer returns the index of the BINARY_OP whose result is the
// left operand of the BINARY_OP at j, when only instructions that push
// and pop above it ran in between and no jump lands among them; -1
// otherwise.
func leftProducer(instrs []Instr, isTarget []bool, j int) int {
	above := 1 // the right operand
	for k := j - 1; k >= 0 && k >= j-tempScanLimit; k-- {
		if isTarget[k+1] {
			return -1
		}
		pops, ok := plainPops(instrs[k].Op())
		if !ok {
			return -1
		}
		if above == 0 {
			// Instruction k pushed the operand.
			if instrs[k].Op() == BINARY_OP {
				return k
			}
			return -1
		}
		above += pops - 1
	}
	return -1
}

// plainPops returns how many items an instruction that pushes exactly
// one and cannot see below its operands pops; ok is false for others.
func plainPops(op Opcode) (int, bool) {
	switch op {
	case LOAD_FAST, LOAD_CONST, LOAD_GLOBAL, LOAD_NAME, LOAD_DEREF:
		return 0, true
	case UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_INVERT, LOAD_ATTR:
		return 1, true
	case BINARY_OP, BINARY_SUBSCR:
		return 2, true
	}
	return 0, false
}
