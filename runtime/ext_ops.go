package runtime

// This file routes the operators and comparisons of the bytes types,
// memoryview and complex from the generic dispatch in ops.go and
// compare.go, which call these after their own cases.

// extBinary implements a op b for bytes, bytearray and complex operands;
// it returns errUnsupported for other operand types.
func extBinary(th *Thread, op Op, a, b Value) (Value, error) {
	switch a.obj.(type) {
	case *Complex:
		return complexBinary(op, a, b)
	case *Bytes, *ByteArray:
		return bytesBinary(th, op, a, b)
	}
	if inst, ok := a.obj.(*Instance); ok && inst.Builtin != nil {
		// A subclass instance on the left: its own operator (or its
		// value's, see Binary) comes first.
		return Value{}, errUnsupported
	}
	switch b.obj.(type) {
	case *Complex:
		return complexBinary(op, a, b)
	case *Bytes, *ByteArray:
		return bytesBinary(th, op, a, b)
	}
	return Value{}, errUnsupported
}

// extCompare compares bytes-likes and complex numbers; ok is false when
// the operands are not comparable with op.
func extCompare(op CmpOp, a, b Value) (result, ok bool, err error) {
	if r, ok := bytesCompare(op, a, b); ok {
		return r, true, nil
	}
	if m, isView := a.obj.(*MemoryView); isView && m.gone() && (op == CmpEQ || op == CmpNE) {
		return a.Is(b) == (op == CmpEQ), true, nil
	}
	if r, ok := complexEqual(op, a, b); ok {
		return r, true, nil
	}
	return false, false, nil
}
