package interp

// This file passes a BINARY_OP's temporary-operand flags
// (compile.TempOps) to the runtime, so that big-int arithmetic can write
// its result over an operand nothing else references
// (runtime.BinaryTemps). Instructions without flags, and operands that
// are not big ints, take binaryOp's usual paths.

import (
	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

// tempFlags returns the temporary-operand flags of the BINARY_OP at
// index j of f's code.
func (f *frame) tempFlags(j int) uint8 {
	if t := f.code.TempOps; j < len(t) {
		return t[j]
	}
	return 0
}

// binaryOpTemps is binaryOp for a BINARY_OP with temporary-operand
// flags fl.
func binaryOpTemps(th *runtime.Thread, op runtime.Op, a, b runtime.Value, fl uint8) (runtime.Value, error) {
	if !runtime.IsBigInt(a) && !runtime.IsBigInt(b) {
		return binaryOp(th, op, a, b)
	}
	return runtime.BinaryTemps(th, op, a, b, fl&compile.TempLeft != 0, fl&compile.TempRight != 0, fl&compile.TempResult != 0)
}
