package interp

// This file passes a BINARY_OP's temporary-operand flags
// (compile.TempOps) to the runtime, so that big-int arithmetic can write
// its result over an operand nothing else references
// (runtime.BinaryTemps). The handlers come here only when an operand is
// a big int, so arithmetic on small ints and floats pays two type checks
// and nothing else.

import (
	"github.com/aio-lang/aio/internal/compile"
	"github.com/aio-lang/aio/runtime"
)

// bigBinaryOp is binaryOp for the BINARY_OP just run by f (the
// instruction before f.pc) when a or b is a big int.
func bigBinaryOp(th *runtime.Thread, f *frame, op runtime.Op, a, b runtime.Value) (runtime.Value, error) {
	var fl uint8
	if t, j := f.code.TempOps, f.pc-1; j < len(t) {
		fl = t[j]
	}
	if fl == 0 {
		return binaryOp(th, op, a, b)
	}
	return runtime.BinaryTemps(th, op, a, b, fl&compile.TempLeft != 0, fl&compile.TempRight != 0, fl&compile.TempResult != 0)
}
