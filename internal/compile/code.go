package compile

// This file defines Code, the compiled form of a function, class body or
// module. Code is immutable and holds no runtime values, so one compiled
// Program can run in many interpreters at once; constants are described
// by Const and turned into values once per interpreter.

import (
	"fmt"
	"math/big"
	"sort"
	"strings"
	"unsafe"
)

// Instr is one instruction: opcode in the low 8 bits, argument above.
type Instr uint32

// Op returns the opcode.
func (i Instr) Op() Opcode { return Opcode(i & 0xff) }

// Arg returns the argument.
func (i Instr) Arg() int { return int(i >> 8) }

func mkInstr(op Opcode, arg int) Instr { return Instr(op) | Instr(arg)<<8 }

// maxArg is the largest instruction argument.
const maxArg = 1<<24 - 1

// Packed arguments. CALL_KW's argument is the number of arguments (low
// CallKWCountBits bits) and the index of its KwNames entry (above); a call
// that does not fit is compiled to CALL_EX instead. MAKE_FUNCTION's is
// its flags (low MakeFunctionFlagBits bits: 1 defaults, 2 keyword
// defaults, 4 closure, 8 annotations) and the index of the code constant
// (above), which leaves room for a million constants.
const (
	CallKWCountBits      = 12
	CallKWCountMask      = 1<<CallKWCountBits - 1
	MakeFunctionFlagBits = 4
	MakeFunctionFlagMask = 1<<MakeFunctionFlagBits - 1
)

// ConstKind says what a Const holds.
type ConstKind uint8

// The kinds of constants.
const (
	ConstNone ConstKind = iota
	ConstTrue
	ConstFalse
	ConstEllipsis
	ConstInt
	ConstBig
	ConstFloat
	ConstStr
	ConstCode
	ConstTuple
	ConstBytes // Str holds the bytes
	ConstImag  // Float holds the imaginary part of a complex with real part 0
)

// Const is a compile-time constant.
type Const struct {
	Kind  ConstKind
	Int   int64
	Big   *big.Int
	Float float64
	Str   string
	Code  *Code
	Tuple []Const
}

// CodeFlags describe a Code's calling convention.
type CodeFlags uint16

// The code flags.
const (
	FlagVarargs        CodeFlags = 1 << iota // has *args
	FlagVarkw                                // has **kwargs
	FlagCoroutine                            // async def: calling it makes a coroutine
	FlagGenerator                            // contains yield
	FlagClassBody                            // a class body: names live in a namespace
	FlagModule                               // a module body
	FlagTopLevelAwait                        // a module body that awaits: runs as a task
	FlagNeedsClassCell                       // class body whose methods use super()/__class__
)

// Code is a compiled function, class body or module.
type Code struct {
	Name     string
	QualName string
	Filename string
	Flags    CodeFlags

	Instrs []Instr
	// Run is what the VM executes: Instrs with superinstructions written
	// over the start of common sequences (superinstr.go). Instrs stays
	// the canonical listing that the disassembler shows.
	Run     []Instr
	Consts  []Const
	Names   []string   // global, attribute and namespace names
	KwNames [][]string // keyword names of CALL_KW sites

	// Locals are the fast-local slots: parameters first, in order:
	// positional, keyword-only, *args, **kwargs.
	Locals   []string
	ArgCount int // positional parameters
	// PosOnlyCount is how many of the first ArgCount parameters are
	// positional-only (before `/`): a keyword argument never binds them.
	PosOnlyCount int
	KwOnlyCount  int
	// CellNames are locals captured by inner functions; FreeNames are
	// variables of enclosing functions. A frame's cells are CellNames
	// followed by FreeNames.
	CellNames []string
	FreeNames []string
	// Cell2Arg maps a cell index to the parameter it is initialised from,
	// or -1.
	Cell2Arg []int

	MaxStack  int
	FrameSize int // len(Locals) + MaxStack: the slots of a frame
	NumCells  int // len(CellNames) + len(FreeNames)
	FirstLine int
	// Doc is the docstring a def's body starts with (HasDoc tells an
	// empty one from none).
	Doc    string
	HasDoc bool
	lines  []lineEntry
}

// lineEntry starts a run of instructions that share one source span.
type lineEntry struct {
	pc                         int32
	line, col, endLine, endCol int32
}

// Span returns the source span of the instruction at pc.
func (c *Code) Span(pc int) (line, col, endLine, endCol int) {
	i := sort.Search(len(c.lines), func(i int) bool { return int(c.lines[i].pc) > pc }) - 1
	if i < 0 {
		return c.FirstLine, 0, c.FirstLine, 0
	}
	e := c.lines[i]
	return int(e.line), int(e.col), int(e.endLine), int(e.endCol)
}

// Line returns the source line of the instruction at pc.
func (c *Code) Line(pc int) int {
	l, _, _, _ := c.Span(pc)
	return l
}

// Disassemble returns a listing of the code and of the code constants
// nested in it, one instruction per line: "line pc OPCODE arg (meaning)".
func (c *Code) Disassemble() string {
	var b strings.Builder
	c.disassemble(&b)
	return b.String()
}

func (c *Code) disassemble(b *strings.Builder) {
	fmt.Fprintf(b, "code %s (locals %v", c.QualName, c.Locals)
	if len(c.CellNames) > 0 {
		fmt.Fprintf(b, ", cells %v", c.CellNames)
	}
	if len(c.FreeNames) > 0 {
		fmt.Fprintf(b, ", free %v", c.FreeNames)
	}
	fmt.Fprintf(b, ", stack %d)\n", c.MaxStack)
	lastLine := -1
	for pc, in := range c.Instrs {
		line := c.Line(pc)
		ls := "    "
		if line != lastLine {
			ls = fmt.Sprintf("%4d", line)
			lastLine = line
		}
		fmt.Fprintf(b, "%s %4d %s", ls, pc, in.Op())
		if hasArg(in.Op()) {
			fmt.Fprintf(b, " %d", in.Arg())
			if m := c.argMeaning(in); m != "" {
				fmt.Fprintf(b, " (%s)", m)
			}
		}
		b.WriteByte('\n')
	}
	for _, k := range c.Consts {
		if k.Kind == ConstCode {
			b.WriteByte('\n')
			k.Code.disassemble(b)
		}
	}
}

func hasArg(op Opcode) bool {
	switch op {
	case NOP, POP_TOP, UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_INVERT, UNARY_NOT,
		BINARY_SUBSCR, STORE_SUBSCR, DELETE_SUBSCR, LIST_TO_TUPLE, GET_ITER,
		RETURN_VALUE, YIELD_VALUE, GET_AWAITABLE, AWAIT, GET_YIELD_FROM_ITER,
		POP_BLOCK, POP_EXCEPT, RERAISE, CHECK_EXC_MATCH, CHECK_EG_MATCH, PREP_RERAISE_STAR, BEFORE_WITH,
		WITH_EXCEPT_START, BEFORE_ASYNC_WITH, LOAD_ASSERTION_ERROR, PRINT_EXPR,
		MATCH_SEQUENCE, MATCH_MAPPING, GET_LEN, MATCH_KEYS, MATCH_REST,
		GET_ANEXT, END_ASYNC_FOR, DROP_ITER:
		return false
	}
	return true
}

func (c *Code) argMeaning(in Instr) string {
	a := in.Arg()
	switch in.Op() {
	case LOAD_CONST:
		return c.Consts[a].String()
	case LOAD_FAST, STORE_FAST, DELETE_FAST:
		return c.Locals[a]
	case LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLOSURE, LOAD_CLASSDEREF:
		return c.CellName(a)
	case LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL, LOAD_NAME, STORE_NAME, DELETE_NAME,
		LOAD_ATTR, STORE_ATTR, DELETE_ATTR, LOAD_METHOD, IMPORT_NAME, IMPORT_FROM:
		return c.Names[a]
	case BINARY_OP, INPLACE_OP:
		return opName(a)
	case COMPARE_OP:
		return cmpName(a)
	case CALL_KW:
		return fmt.Sprintf("%d args, kw %v", a&CallKWCountMask, c.KwNames[a>>CallKWCountBits])
	case MAKE_FUNCTION:
		return c.Consts[a>>MakeFunctionFlagBits].Code.QualName
	case JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, FOR_ITER, SETUP_FINALLY, SETUP_WITH:
		return fmt.Sprintf("to %d", a)
	}
	return ""
}

// Size is roughly how many bytes the code object takes: its
// instructions, constants and names (a script controls their number).
func (c *Code) Size() int64 {
	return int64(unsafe.Sizeof(*c)) + int64(cap(c.Instrs)+cap(c.Run))*4 +
		int64(cap(c.Consts))*int64(unsafe.Sizeof(Const{})) + int64(cap(c.Names)+cap(c.Locals))*16 +
		int64(cap(c.lines))*int64(unsafe.Sizeof(lineEntry{}))
}

// CellName is the name of the frame's cell i (CellNames, then FreeNames).
func (c *Code) CellName(i int) string {
	if i < len(c.CellNames) {
		return c.CellNames[i]
	}
	return c.FreeNames[i-len(c.CellNames)]
}

// String renders a constant as Python source would write it.
func (k Const) String() string {
	switch k.Kind {
	case ConstNone:
		return "None"
	case ConstTrue:
		return "True"
	case ConstFalse:
		return "False"
	case ConstEllipsis:
		return "Ellipsis"
	case ConstInt:
		return fmt.Sprint(k.Int)
	case ConstBig:
		return k.Big.String()
	case ConstFloat:
		return fmt.Sprint(k.Float)
	case ConstStr:
		return fmt.Sprintf("%q", k.Str)
	case ConstBytes:
		return fmt.Sprintf("b%q", k.Str)
	case ConstImag:
		return fmt.Sprint(k.Float) + "j"
	case ConstCode:
		return "<code " + k.Code.QualName + ">"
	case ConstTuple:
		parts := make([]string, len(k.Tuple))
		for i, t := range k.Tuple {
			parts[i] = t.String()
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	return "?"
}
