package compile

// This file rewrites the top level of code compiled for compile(), eval()
// and exec().

// UseNameOps makes the top level of code compiled for compile(), eval()
// and exec() reach its names through the frame's namespace first
// (LOAD_NAME and friends, as CPython compiles module code), so that a
// locals mapping apart from the globals holds them.
func UseNameOps(code *Code) {
	changed := false
	for i, ins := range code.Instrs {
		op := ins.Op()
		switch op {
		case LOAD_GLOBAL:
			op = LOAD_NAME
		case STORE_GLOBAL:
			op = STORE_NAME
		case DELETE_GLOBAL:
			op = DELETE_NAME
		default:
			continue
		}
		code.Instrs[i] = mkInstr(op, ins.Arg())
		changed = true
	}
	if changed {
		code.Run = fuseSuperinstructions(code.Instrs)
	}
}
