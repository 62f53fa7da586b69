package compile

// This file defines the instruction set. An instruction is 32 bits: the
// opcode in the low 8 bits and an unsigned argument in the high 24. Names
// follow CPython's dis where the meaning matches. Each comment shows the
// stack effect: items before "→" are popped (top of stack rightmost),
// items after it are pushed.

// Opcode is a bytecode operation.
type Opcode uint8

// The opcodes.
const (
	NOP        Opcode = iota //  → (does nothing)
	POP_TOP                  // x →
	COPY                     // ... x(arg from top, 1 = top) → ... x x
	SWAP                     // swaps top with the item arg-1 below it (arg ≥ 2)
	LOAD_CONST               // → consts[arg]

	LOAD_FAST       // → locals[arg]; UnboundLocalError if unset
	STORE_FAST      // x → ; locals[arg] = x
	DELETE_FAST     // → ; locals[arg] = unset
	LOAD_DEREF      // → cells[arg].value (cell or free variable)
	STORE_DEREF     // x → ; cells[arg].value = x
	DELETE_DEREF    // → ; cells[arg] emptied
	LOAD_CLOSURE    // → cells[arg] (the cell object itself, for MAKE_FUNCTION)
	LOAD_GLOBAL     // → globals[names[arg]] or builtins[...]
	STORE_GLOBAL    // x → ; globals[names[arg]] = x
	DELETE_GLOBAL   // → ; del globals[names[arg]]
	LOAD_NAME       // → class namespace, then globals, then builtins
	STORE_NAME      // x → ; namespace[names[arg]] = x
	DELETE_NAME     // → ; del namespace[names[arg]]
	LOAD_CLASSDEREF // → namespace[name of cells[arg]] if set, else cells[arg].value

	LOAD_ATTR   // obj → obj.names[arg]
	STORE_ATTR  // x obj → ; obj.names[arg] = x
	DELETE_ATTR // obj → ; del obj.names[arg]
	LOAD_METHOD // obj → meth self   (or: → attr NULL when not a plain method)

	BINARY_OP      // a b → a op b   (arg: runtime.Op)
	INPLACE_OP     // a b → a op= b  (arg: runtime.Op)
	UNARY_NEGATIVE // x → -x
	UNARY_POSITIVE // x → +x
	UNARY_INVERT   // x → ~x
	UNARY_NOT      // x → not x
	COMPARE_OP     // a b → a cmp b (arg: runtime.CmpOp)
	IS_OP          // a b → a is b (arg 1: is not)
	CONTAINS_OP    // a b → a in b (arg 1: not in)

	BINARY_SUBSCR // obj key → obj[key]
	STORE_SUBSCR  // x obj key → ; obj[key] = x
	DELETE_SUBSCR // obj key → ; del obj[key]
	BUILD_SLICE   // start stop [step] → slice (arg: 2 or 3)

	BUILD_TUPLE     // x1..xn → (x1, ..., xn)
	BUILD_LIST      // x1..xn → [x1, ..., xn]
	BUILD_SET       // x1..xn → {x1, ..., xn}
	BUILD_MAP       // k1 v1 .. kn vn → {k1: v1, ...}
	LIST_APPEND     // list ... x → list ... (list at depth arg below x)
	SET_ADD         // set ... x → set ...
	MAP_ADD         // map ... k v → map ...
	LIST_EXTEND     // list ... it → list ... (list.extend(it))
	SET_UPDATE      // set ... it → set ...
	DICT_UPDATE     // map ... m → map ... (map.update(m), for {**m})
	DICT_MERGE      // map ... m → map ... (like update, but duplicate keys are an error: f(**m))
	LIST_TO_TUPLE   // list → tuple
	UNPACK_SEQUENCE // seq → xn .. x1 (x1 on top)
	UNPACK_EX       // seq → ... (arg: before | after<<8; a list in the middle)

	JUMP                 // → ; pc = arg
	POP_JUMP_IF_FALSE    // x → ; if not x: pc = arg
	POP_JUMP_IF_TRUE     // x → ; if x: pc = arg
	JUMP_IF_FALSE_OR_POP // x → x (and jump) | → (no jump)
	JUMP_IF_TRUE_OR_POP  // x → x (and jump) | → (no jump)
	GET_ITER             // x → iter(x)
	FOR_ITER             // it → it next | → (exhausted: pops it, pc = arg)

	CALL                // f x1..xn → f(x1..xn)  (arg: n)
	CALL_KW             // f x1..xn k1..km → f(...)  (arg: n+m | kwnames index<<12, kwnames = Code.KwNames[i])
	CALL_EX             // f args [kwargs] → f(*args, **kwargs) (arg 1: kwargs present)
	CALL_METHOD         // meth self x1..xn → meth(self, x1..xn) | attr NULL x1..xn → attr(x1..xn)
	CALL_AWAITED        // CALL whose result is awaited at once (await f(...)): a built-in may skip making an awaitable
	CALL_METHOD_AWAITED // CALL_METHOD whose result is awaited at once (await o.m(...))
	MAKE_FUNCTION       // [defaults] [kwdefaults] [closure] → fn (arg: flags | code const index<<3)
	RETURN_VALUE        // x → (returns x)
	YIELD_VALUE         // x → sent (suspends a generator)
	GET_AWAITABLE       // x → awaitable (checks that x can be awaited)
	AWAIT               // awaitable → result (runs a coroutine inline; suspends on a pending future)
	GET_YIELD_FROM_ITER // x → iter (for yield from)
	YIELD_FROM          // it x → it | result (delegating generator step)

	FORMAT_VALUE // x [spec] → str (arg: conversion 0/'s'/'r'/'a' | 0x100 if spec present)
	BUILD_STRING // s1..sn → s1+...+sn

	RAISE_VARARGS        // [exc [cause]] → (arg 0: re-raise, 1: raise exc, 2: raise exc from cause)
	SETUP_FINALLY        // → ; push a handler block jumping to arg with the stack at this depth
	SETUP_WITH           // exit res → exit res; like SETUP_FINALLY, but the handler sees [exit exc]
	POP_BLOCK            // → ; pop the innermost handler block
	POP_EXCEPT           // exc → ; leave an except handler, restoring the previously handled exception
	RERAISE              // exc → (raises exc again, leaving its handler)
	CHECK_EXC_MATCH      // exc type → exc bool
	CHECK_EG_MATCH       // rest type → rest' match (except*: match None when nothing matched; else it becomes the handled exception)
	PREP_RERAISE_STAR    // orig list → orig result (except*: what to re-raise, None if nothing)
	BEFORE_WITH          // mgr → exit enter_result
	WITH_EXCEPT_START    // exit exc → exit exc result (calls exit(type, exc, None))
	BEFORE_ASYNC_WITH    // mgr → aexit awaitable_of_aenter
	LOAD_ASSERTION_ERROR // → AssertionError

	BUILD_CLASS // body name bases kwvalues → class (arg: bases+keywords | (KwNames index+1)<<12)
	IMPORT_NAME // → module names[arg]
	IMPORT_FROM // module → module module.names[arg]
	PRINT_EXPR  // x → (REPL: echo repr(x) unless None, store in _)

	// Pattern matching (compile_match.go, vm_match.go).
	MATCH_SEQUENCE // subj → subj bool (a sequence for patterns)
	MATCH_MAPPING  // subj → subj bool (a mapping for patterns)
	GET_LEN        // subj → subj len(subj)
	MATCH_KEYS     // subj keys → subj keys values ok (values is None unless ok)
	MATCH_CLASS    // subj cls kwnames → attrs ok (arg: positional count; attrs is None unless ok)
	MATCH_REST     // subj keys → dict of subj without keys (for **rest)
	ROT_DOWN       // moves the top item beneath the arg items below it
	ROT_UP         // moves the item at depth arg (1 = top) to the top

	// Async iteration (vm_async.go).
	GET_AITER     // x → aiter (x.__aiter__(), checked; arg 1: x is referenced by the loop alone)
	DROP_ITER     // it → (leaving a for or async for over a fresh object early: finalizes the generator only the loop referenced)
	GET_ANEXT     // aiter → aiter awaitable (of aiter.__anext__())
	END_ASYNC_FOR // aiter exc → (StopAsyncIteration ends the loop; anything else is raised again)

	EXTENDED // (arg: bits 16 and up of the next UNPACK_EX's after count; no effect itself)

	// Superinstructions (superinstr.go): never emitted by the compiler, only
	// written into Code.run over the first instruction of a common
	// sequence. Each does the work of the whole sequence, reading the
	// arguments of the following instructions (which stay in place, so a
	// jump into the middle still works) and continuing after the last.
	LOAD_FAST_LOAD_FAST          // LOAD_FAST a; LOAD_FAST b → locals[a] locals[b]
	LOAD_FAST_LOAD_CONST         // LOAD_FAST a; LOAD_CONST k → locals[a] consts[k]
	LOAD_FAST_CONST_BINARY_OP    // LOAD_FAST a; LOAD_CONST k; BINARY_OP op → locals[a] op consts[k]
	LOAD_FAST_FAST_BINARY_OP     // LOAD_FAST a; LOAD_FAST b; BINARY_OP op → locals[a] op locals[b]
	LOAD_FAST_BINARY_OP          // x; LOAD_FAST a; BINARY_OP op: x → x op locals[a]
	LOAD_CONST_BINARY_OP         // x; LOAD_CONST k; BINARY_OP op: x → x op consts[k]
	LOAD_FAST_LOAD_ATTR          // LOAD_FAST a; LOAD_ATTR n → locals[a].names[n]
	COMPARE_OP_JUMP_IF_FALSE     // COMPARE_OP op; POP_JUMP_IF_FALSE t: a b → ; jump unless a op b
	COMPARE_OP_JUMP_IF_TRUE      // COMPARE_OP op; POP_JUMP_IF_TRUE t: a b → ; jump if a op b
	STORE_FAST_LOAD_FAST         // STORE_FAST a; LOAD_FAST b: x → locals[b] (locals[a] = x)
	INPLACE_OP_STORE_FAST        // INPLACE_OP op; STORE_FAST a: x y → (locals[a] = x op= y)
	LOAD_FAST_RETURN_VALUE       // LOAD_FAST a; RETURN_VALUE: returns locals[a]
	LOAD_CONST_RETURN_VALUE      // LOAD_CONST k; RETURN_VALUE: returns consts[k]
	BINARY_OP_RETURN_VALUE       // BINARY_OP op; RETURN_VALUE: a b → (returns a op b)
	LOAD_FAST_COPY               // LOAD_FAST a; COPY 1 → locals[a] locals[a]
	SWAP_STORE_ATTR              // SWAP 2; STORE_ATTR n: obj x → (obj.names[n] = x)
	FOR_ITER_STORE_FAST          // FOR_ITER t; STORE_FAST a: it → it (locals[a] = next) | → (exhausted: pc = t)
	LOAD_FAST_ATTR_RETURN        // LOAD_FAST a; LOAD_ATTR n; RETURN_VALUE: returns locals[a].names[n]
	LOAD_METHOD_CALL_METHOD_0    // LOAD_METHOD n; CALL_METHOD 0: obj → obj.names[n]()
	LOAD_FAST_COPY_LOAD_ATTR     // LOAD_FAST a; COPY 1; LOAD_ATTR n → locals[a] locals[a].names[n]
	INPLACE_OP_STORE_ATTR        // INPLACE_OP op; SWAP 2; STORE_ATTR n: obj x y → (obj.names[n] = x op= y)
	BINARY_SUBSCR_STORE_FAST     // BINARY_SUBSCR; STORE_FAST a; LOAD_FAST a: obj key → obj[key] (also in locals[a])
	LOAD_FAST_CONST_COMPARE_JUMP // LOAD_FAST a; LOAD_CONST k; COMPARE_OP op; POP_JUMP_IF_FALSE/TRUE t (if n < 2:)
	LOAD_FAST_FAST_COMPARE_JUMP  // LOAD_FAST a; LOAD_FAST b; COMPARE_OP op; POP_JUMP_IF_FALSE/TRUE t (while i < n:)
	JUMP_FOR_ITER                // JUMP t where t is FOR_ITER e; STORE_FAST a: runs the loop head at once (pc = t+2, or e when exhausted)
	UNPACK_SEQUENCE_STORE_FAST   // UNPACK_SEQUENCE n; STORE_FAST a1 ... STORE_FAST an: seq → (locals[a1..an] = seq's items, in order)
	BUILD_SLICE_SUBSCR           // BUILD_SLICE 2; BINARY_SUBSCR: seq lo hi → seq[lo:hi]
	numOpcodes
)

var opcodeNames = [...]string{
	NOP:                  "NOP",
	POP_TOP:              "POP_TOP",
	COPY:                 "COPY",
	SWAP:                 "SWAP",
	LOAD_CONST:           "LOAD_CONST",
	LOAD_FAST:            "LOAD_FAST",
	STORE_FAST:           "STORE_FAST",
	DELETE_FAST:          "DELETE_FAST",
	LOAD_DEREF:           "LOAD_DEREF",
	STORE_DEREF:          "STORE_DEREF",
	DELETE_DEREF:         "DELETE_DEREF",
	LOAD_CLOSURE:         "LOAD_CLOSURE",
	LOAD_GLOBAL:          "LOAD_GLOBAL",
	STORE_GLOBAL:         "STORE_GLOBAL",
	DELETE_GLOBAL:        "DELETE_GLOBAL",
	LOAD_NAME:            "LOAD_NAME",
	STORE_NAME:           "STORE_NAME",
	DELETE_NAME:          "DELETE_NAME",
	LOAD_CLASSDEREF:      "LOAD_CLASSDEREF",
	LOAD_ATTR:            "LOAD_ATTR",
	STORE_ATTR:           "STORE_ATTR",
	DELETE_ATTR:          "DELETE_ATTR",
	LOAD_METHOD:          "LOAD_METHOD",
	BINARY_OP:            "BINARY_OP",
	INPLACE_OP:           "INPLACE_OP",
	UNARY_NEGATIVE:       "UNARY_NEGATIVE",
	UNARY_POSITIVE:       "UNARY_POSITIVE",
	UNARY_INVERT:         "UNARY_INVERT",
	UNARY_NOT:            "UNARY_NOT",
	COMPARE_OP:           "COMPARE_OP",
	IS_OP:                "IS_OP",
	CONTAINS_OP:          "CONTAINS_OP",
	BINARY_SUBSCR:        "BINARY_SUBSCR",
	STORE_SUBSCR:         "STORE_SUBSCR",
	DELETE_SUBSCR:        "DELETE_SUBSCR",
	BUILD_SLICE:          "BUILD_SLICE",
	BUILD_TUPLE:          "BUILD_TUPLE",
	BUILD_LIST:           "BUILD_LIST",
	BUILD_SET:            "BUILD_SET",
	BUILD_MAP:            "BUILD_MAP",
	LIST_APPEND:          "LIST_APPEND",
	SET_ADD:              "SET_ADD",
	MAP_ADD:              "MAP_ADD",
	LIST_EXTEND:          "LIST_EXTEND",
	SET_UPDATE:           "SET_UPDATE",
	DICT_UPDATE:          "DICT_UPDATE",
	DICT_MERGE:           "DICT_MERGE",
	LIST_TO_TUPLE:        "LIST_TO_TUPLE",
	UNPACK_SEQUENCE:      "UNPACK_SEQUENCE",
	UNPACK_EX:            "UNPACK_EX",
	JUMP:                 "JUMP",
	POP_JUMP_IF_FALSE:    "POP_JUMP_IF_FALSE",
	POP_JUMP_IF_TRUE:     "POP_JUMP_IF_TRUE",
	JUMP_IF_FALSE_OR_POP: "JUMP_IF_FALSE_OR_POP",
	JUMP_IF_TRUE_OR_POP:  "JUMP_IF_TRUE_OR_POP",
	GET_ITER:             "GET_ITER",
	FOR_ITER:             "FOR_ITER",
	CALL:                 "CALL",
	CALL_KW:              "CALL_KW",
	CALL_EX:              "CALL_EX",
	CALL_METHOD:          "CALL_METHOD",
	CALL_AWAITED:         "CALL_AWAITED",
	CALL_METHOD_AWAITED:  "CALL_METHOD_AWAITED",
	MAKE_FUNCTION:        "MAKE_FUNCTION",
	RETURN_VALUE:         "RETURN_VALUE",
	YIELD_VALUE:          "YIELD_VALUE",
	GET_AWAITABLE:        "GET_AWAITABLE",
	AWAIT:                "AWAIT",
	GET_YIELD_FROM_ITER:  "GET_YIELD_FROM_ITER",
	YIELD_FROM:           "YIELD_FROM",
	GET_AITER:            "GET_AITER",
	GET_ANEXT:            "GET_ANEXT",
	DROP_ITER:            "DROP_ITER",
	END_ASYNC_FOR:        "END_ASYNC_FOR",
	FORMAT_VALUE:         "FORMAT_VALUE",
	BUILD_STRING:         "BUILD_STRING",
	RAISE_VARARGS:        "RAISE_VARARGS",
	SETUP_FINALLY:        "SETUP_FINALLY",
	SETUP_WITH:           "SETUP_WITH",
	POP_BLOCK:            "POP_BLOCK",
	POP_EXCEPT:           "POP_EXCEPT",
	RERAISE:              "RERAISE",
	CHECK_EXC_MATCH:      "CHECK_EXC_MATCH",
	CHECK_EG_MATCH:       "CHECK_EG_MATCH",
	PREP_RERAISE_STAR:    "PREP_RERAISE_STAR",
	BEFORE_WITH:          "BEFORE_WITH",
	WITH_EXCEPT_START:    "WITH_EXCEPT_START",
	BEFORE_ASYNC_WITH:    "BEFORE_ASYNC_WITH",
	LOAD_ASSERTION_ERROR: "LOAD_ASSERTION_ERROR",
	BUILD_CLASS:          "BUILD_CLASS",
	IMPORT_NAME:          "IMPORT_NAME",
	IMPORT_FROM:          "IMPORT_FROM",
	PRINT_EXPR:           "PRINT_EXPR",
	MATCH_SEQUENCE:       "MATCH_SEQUENCE",
	MATCH_MAPPING:        "MATCH_MAPPING",
	GET_LEN:              "GET_LEN",
	MATCH_KEYS:           "MATCH_KEYS",
	MATCH_CLASS:          "MATCH_CLASS",
	MATCH_REST:           "MATCH_REST",
	ROT_DOWN:             "ROT_DOWN",
	ROT_UP:               "ROT_UP",
	EXTENDED:             "EXTENDED",

	LOAD_FAST_LOAD_FAST:          "LOAD_FAST_LOAD_FAST",
	LOAD_FAST_LOAD_CONST:         "LOAD_FAST_LOAD_CONST",
	LOAD_FAST_CONST_BINARY_OP:    "LOAD_FAST_CONST_BINARY_OP",
	LOAD_FAST_FAST_BINARY_OP:     "LOAD_FAST_FAST_BINARY_OP",
	LOAD_FAST_BINARY_OP:          "LOAD_FAST_BINARY_OP",
	LOAD_CONST_BINARY_OP:         "LOAD_CONST_BINARY_OP",
	LOAD_FAST_LOAD_ATTR:          "LOAD_FAST_LOAD_ATTR",
	COMPARE_OP_JUMP_IF_FALSE:     "COMPARE_OP_JUMP_IF_FALSE",
	COMPARE_OP_JUMP_IF_TRUE:      "COMPARE_OP_JUMP_IF_TRUE",
	STORE_FAST_LOAD_FAST:         "STORE_FAST_LOAD_FAST",
	INPLACE_OP_STORE_FAST:        "INPLACE_OP_STORE_FAST",
	LOAD_FAST_RETURN_VALUE:       "LOAD_FAST_RETURN_VALUE",
	LOAD_CONST_RETURN_VALUE:      "LOAD_CONST_RETURN_VALUE",
	BINARY_OP_RETURN_VALUE:       "BINARY_OP_RETURN_VALUE",
	LOAD_FAST_COPY:               "LOAD_FAST_COPY",
	SWAP_STORE_ATTR:              "SWAP_STORE_ATTR",
	FOR_ITER_STORE_FAST:          "FOR_ITER_STORE_FAST",
	LOAD_FAST_ATTR_RETURN:        "LOAD_FAST_ATTR_RETURN",
	LOAD_METHOD_CALL_METHOD_0:    "LOAD_METHOD_CALL_METHOD_0",
	LOAD_FAST_COPY_LOAD_ATTR:     "LOAD_FAST_COPY_LOAD_ATTR",
	INPLACE_OP_STORE_ATTR:        "INPLACE_OP_STORE_ATTR",
	BINARY_SUBSCR_STORE_FAST:     "BINARY_SUBSCR_STORE_FAST",
	LOAD_FAST_CONST_COMPARE_JUMP: "LOAD_FAST_CONST_COMPARE_JUMP",
	LOAD_FAST_FAST_COMPARE_JUMP:  "LOAD_FAST_FAST_COMPARE_JUMP",
	JUMP_FOR_ITER:                "JUMP_FOR_ITER",
	UNPACK_SEQUENCE_STORE_FAST:   "UNPACK_SEQUENCE_STORE_FAST",
	BUILD_SLICE_SUBSCR:           "BUILD_SLICE_SUBSCR",
}

// String returns the opcode's name.
func (op Opcode) String() string {
	if int(op) < len(opcodeNames) {
		return opcodeNames[op]
	}
	return "?"
}

// PopExprStmt is POP_TOP's argument when it discards the value of an
// expression statement, which the VM checks for a coroutine never awaited.
const PopExprStmt = 1
