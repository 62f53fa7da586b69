package compile

// This file implements the compiler from a resolved syntax tree to Code.
//
// Control flow inside try/with/loops follows CPython's compiler: a stack
// of "frame blocks" remembers what encloses the current statement, and a
// return, break or continue emits the clean-up each enclosing block needs
// (popping an iterator, running a finally body inline, calling __exit__,
// leaving an except handler) before jumping. The VM therefore needs no
// "why" codes: exceptions are the only non-local control transfer it does.

import (
	"math/big"
	"strconv"
	"strings"
	"sync"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/parser"
	"github.com/aio-lang/aio/runtime"
)

// Options adjust compilation.
type Options struct {
	// Interactive makes top-level expression statements echo their value
	// (the REPL).
	Interactive bool
}

type fblockKind uint8

const (
	fbWhile fblockKind = iota
	fbFor
	fbTryExcept
	fbFinallyTry
	fbFinallyEnd
	fbHandlerCleanup
	fbWith
	fbAsyncWith
	fbExceptStar // an except* clause's body: break, continue and return may not leave it
)

type fblock struct {
	kind      fblockKind
	top, exit label // continue and break targets of loops
	final     []ast.Stmt
	name      string // handler cleanup: the bound exception name
	// dropIter marks a for or async for over a fresh object (see
	// freshIterable): leaving it early drops the iterator with DROP_ITER.
	dropIter bool
}

type label int

type unit struct {
	scope    *scope
	code     *Code
	consts   map[string]int
	names    map[string]int
	labels   []int    // label → pc (-1 until bound)
	patches  [][2]int // (pc, label)
	fblocks  []fblock
	span     ast.Span
	lastSpan ast.Span
	hasLine  bool

	// localIdx maps a name to its index in code.Locals, for functions
	// with many locals.
	localIdx map[string]int
}

type compiler struct {
	filename string
	src      []byte
	scopes   map[ast.Node]*scope
	opts     Options
	u        *unit
	err      error
	// postponed is set by `from __future__ import annotations`.
	postponed bool
}

// Module compiles a parsed module.
func Module(filename string, src []byte, mod *ast.Module, opts Options) (*Code, error) {
	if err := checkNesting(filename, src, mod); err != nil {
		return nil, err
	}
	scopes, top, err := resolveModule(filename, src, mod)
	if err != nil {
		return nil, err
	}
	c := &compiler{filename: filename, src: src, scopes: scopes, opts: opts, postponed: postponesAnnotations(mod)}
	c.futureImports(mod.Body)
	c.enter(top, "<module>", "<module>", 1)
	c.u.code.Flags |= FlagModule
	if top.hasAwait {
		c.u.code.Flags |= FlagTopLevelAwait
	}
	if hasAnnotations(mod.Body) {
		// A module that annotates names gets __annotations__, as a class.
		c.emit(BUILD_MAP, 0)
		c.emit(STORE_NAME, c.name("__annotations__"))
	}
	c.stmts(mod.Body)
	c.emitConst(Const{Kind: ConstNone})
	c.emit(RETURN_VALUE, 0)
	code := c.leave()
	if c.err != nil {
		return nil, c.err
	}
	return code, nil
}

func (c *compiler) enter(s *scope, name, qualname string, line int) {
	code := &Code{Name: name, QualName: qualname, Filename: c.filename, FirstLine: line}
	c.u = &unit{scope: s, code: code, consts: map[string]int{}, names: map[string]int{}}
	if s.isFunctionLike() {
		code.Locals = append([]string(nil), s.locals...)
	}
	code.CellNames = s.cells
	code.FreeNames = s.frees
	code.Cell2Arg = make([]int, len(s.cells))
	for i, cell := range s.cells {
		code.Cell2Arg[i] = -1
		for j, p := range code.Locals {
			if p == cell && j < len(s.params) {
				code.Cell2Arg[i] = j
			}
		}
	}
	if s.isGenerator {
		code.Flags |= FlagGenerator
	}
	if s.kind == scopeFunction && s.isAsync || s.kind == scopeComprehension && s.isGenerator && s.hasAwait {
		// An async def, or a generator expression that awaits or has
		// an async for: an async generator expression.
		code.Flags |= FlagCoroutine
	}
	if s.kind == scopeClass {
		code.Flags |= FlagClassBody
	}
}

// leave finishes the current unit: resolves jumps and computes the
// maximum stack depth.
func (c *compiler) leave() *Code {
	u := c.u
	for _, p := range u.patches {
		pc, l := p[0], p[1]
		in := u.code.Instrs[pc]
		u.code.Instrs[pc] = mkInstr(in.Op(), u.labels[l])
	}
	if c.err == nil {
		// Code emitted after an error may be unbalanced; it is discarded.
		u.code.MaxStack = maxStackDepth(u.code)
	}
	u.code.FrameSize = len(u.code.Locals) + u.code.MaxStack
	u.code.NumCells = len(u.code.CellNames) + len(u.code.FreeNames)
	u.code.SimpleArgs = simpleArgs(u.code)
	u.code.Run = fuseSuperinstructions(u.code.Instrs)
	isTarget := make([]bool, len(u.code.Instrs)+1)
	for _, p := range u.patches {
		if t := u.labels[p[1]]; t >= 0 && t < len(isTarget) {
			isTarget[t] = true
		}
	}
	u.code.TempOps = markTempOperands(u.code.Instrs, isTarget)
	return u.code
}

// simpleArgs computes Code.SimpleArgs.
func simpleArgs(code *Code) int {
	const notPlain = FlagVarargs | FlagVarkw | FlagCoroutine | FlagGenerator | FlagClassBody | FlagModule
	if code.Flags&notPlain != 0 || code.KwOnlyCount != 0 {
		return -1
	}
	return code.ArgCount
}

func (c *compiler) errorf(n ast.Node, msg string) {
	if c.err == nil {
		sp := n.NodeSpan()
		c.err = parser.NewSyntaxError(c.filename, c.src, "SyntaxError", msg, sp.Start, sp.End)
	}
}

// --- emission helpers ---

func (c *compiler) emit(op Opcode, arg int) int {
	u := c.u
	if arg > maxArg {
		c.err = parser.NewSyntaxError(c.filename, c.src, "SyntaxError", "too many constants or names", u.span.Start, u.span.End)
		arg = 0
	}
	pc := len(u.code.Instrs)
	u.code.Instrs = append(u.code.Instrs, mkInstr(op, arg))
	if !u.hasLine || u.span != u.lastSpan {
		sp := u.span
		u.code.lines = append(u.code.lines, lineEntry{pc: int32(pc), line: int32(sp.Start.Line), col: int32(sp.Start.Col), endLine: int32(sp.End.Line), endCol: int32(sp.End.Col)})
		u.lastSpan = sp
		u.hasLine = true
	}
	return pc
}

func (c *compiler) newLabel() label {
	c.u.labels = append(c.u.labels, -1)
	return label(len(c.u.labels) - 1)
}

func (c *compiler) bind(l label) { c.u.labels[l] = len(c.u.code.Instrs) }

func (c *compiler) emitJump(op Opcode, l label) {
	pc := c.emit(op, 0)
	c.u.patches = append(c.u.patches, [2]int{pc, int(l)})
}

func constKey(k Const) string {
	switch k.Kind {
	case ConstInt:
		return "i" + strconv.FormatInt(k.Int, 10)
	case ConstBig:
		return "b" + k.Big.String()
	case ConstFloat:
		return "f" + strconv.FormatUint(uint64FromFloat(k.Float), 16)
	case ConstStr:
		return "s" + k.Str
	case ConstBytes:
		return "y" + k.Str
	case ConstImag:
		return "j" + strconv.FormatUint(uint64FromFloat(k.Float), 16)
	case ConstCode:
		return ""
	case ConstTuple:
		parts := make([]string, len(k.Tuple))
		for i, t := range k.Tuple {
			parts[i] = constKey(t)
			if parts[i] == "" {
				return ""
			}
		}
		return "t(" + strings.Join(parts, ",") + ")"
	}
	return "k" + strconv.Itoa(int(k.Kind))
}

func (c *compiler) addConst(k Const) int {
	key := constKey(k)
	if key != "" {
		if i, ok := c.u.consts[key]; ok {
			return i
		}
	}
	c.u.code.Consts = append(c.u.code.Consts, k)
	i := len(c.u.code.Consts) - 1
	if key != "" {
		c.u.consts[key] = i
	}
	return i
}

func (c *compiler) emitConst(k Const) { c.emit(LOAD_CONST, c.addConst(k)) }

func (c *compiler) name(s string) int {
	if i, ok := c.u.names[s]; ok {
		return i
	}
	s = internName(s)
	c.u.code.Names = append(c.u.code.Names, s)
	i := len(c.u.code.Names) - 1
	c.u.names[s] = i
	return i
}

// internedNames maps each name compiled code has used to one copy of its
// text. Attribute dictionaries compare names by length and then by memory
// (memequal returns at once for the same pointer), so when every code
// object's "value" is the same string, self.value set in __init__ and
// read in another method matches without comparing bytes. The table is
// process-wide and never shrinks, so it stops growing at maxInternedNames
// (a service compiling endless generated names must not leak); later
// names are simply not shared.
var internedNames = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

// ForgetInternedNames empties the process-wide table of interned names
// (for tests that compile tens of thousands of distinct names).
func ForgetInternedNames() {
	internedNames.Lock()
	internedNames.m = map[string]string{}
	internedNames.Unlock()
}

const maxInternedNames = 1 << 16

func internName(s string) string {
	internedNames.Lock()
	defer internedNames.Unlock()
	if t, ok := internedNames.m[s]; ok {
		return t
	}
	if len(internedNames.m) < maxInternedNames {
		internedNames.m[s] = s
	}
	return s
}

func (c *compiler) setSpan(n ast.Node) ast.Span {
	prev := c.u.span
	c.u.span = n.NodeSpan()
	return prev
}

// --- names ---

func (c *compiler) cellIndex(name string) int {
	code := c.u.code
	for i, n := range code.CellNames {
		if n == name {
			return i
		}
	}
	for i, n := range code.FreeNames {
		if n == name {
			return len(code.CellNames) + i
		}
	}
	return -1
}

func (c *compiler) localIndex(name string) int {
	locals := c.u.code.Locals
	if len(locals) <= 32 {
		for i, n := range locals {
			if n == name {
				return i
			}
		}
		return -1
	}
	// A scan per name use would make a function with very many locals
	// compile in quadratic time.
	if c.u.localIdx == nil {
		c.u.localIdx = make(map[string]int, len(locals))
		for i := len(locals) - 1; i >= 0; i-- {
			c.u.localIdx[locals[i]] = i
		}
	}
	if i, ok := c.u.localIdx[name]; ok {
		return i
	}
	return -1
}

type nameCtx uint8

const (
	ctxLoad nameCtx = iota
	ctxStore
	ctxDel
)

func (c *compiler) nameOp(name string, ctx nameCtx) {
	s := c.u.scope
	y := s.lookupSym(name)
	kind := bindGlobalImplicit
	if y != nil {
		kind = y.kind
	}
	// A class body that binds a name also passed through to its methods
	// keeps using its namespace for its own accesses.
	if s.kind == scopeClass && y != nil && y.flags&symAssigned != 0 && kind == bindFree && y.flags&symNonlocal == 0 {
		kind = bindName
	}
	pick := func(load, store, del Opcode) Opcode {
		switch ctx {
		case ctxStore:
			return store
		case ctxDel:
			return del
		}
		return load
	}
	switch kind {
	case bindLocal:
		c.emit(pick(LOAD_FAST, STORE_FAST, DELETE_FAST), c.localIndex(name))
	case bindCell, bindFree:
		op := pick(LOAD_DEREF, STORE_DEREF, DELETE_DEREF)
		if s.kind == scopeClass && ctx == ctxLoad {
			op = LOAD_CLASSDEREF
		}
		c.emit(op, c.cellIndex(name))
	case bindGlobalExplicit:
		c.emit(pick(LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL), c.name(name))
	case bindGlobalImplicit:
		if s.kind == scopeClass {
			c.emit(pick(LOAD_NAME, STORE_NAME, DELETE_NAME), c.name(name))
		} else {
			c.emit(pick(LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL), c.name(name))
		}
	case bindName:
		c.emit(pick(LOAD_NAME, STORE_NAME, DELETE_NAME), c.name(name))
	}
}

// --- statements ---

func (c *compiler) stmts(list []ast.Stmt) {
	for _, s := range list {
		if c.err != nil {
			return
		}
		c.stmt(s)
	}
}

func (c *compiler) stmt(s ast.Stmt) {
	prev := c.setSpan(s)
	defer func() { c.u.span = prev }()
	switch s := s.(type) {
	case *ast.ExprStmt:
		c.expr(s.Value)
		if c.opts.Interactive && c.u.scope.kind == scopeModule {
			c.emit(PRINT_EXPR, 0)
		} else if _, isCall := s.Value.(*ast.Call); isCall {
			// Only a call can make a coroutine that is then dropped.
			c.emit(POP_TOP, PopExprStmt)
		} else {
			c.emit(POP_TOP, 0)
		}
	case *ast.Assign:
		if c.swapAssign(s) {
			break
		}
		c.expr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				c.emit(COPY, 1)
			}
			c.store(t)
		}
	case *ast.AugAssign:
		c.augAssign(s)
	case *ast.AnnAssign:
		if s.Value != nil {
			c.expr(s.Value)
			c.store(s.Target)
		}
		if n, ok := s.Target.(*ast.Name); ok && c.u.code.Flags&(FlagClassBody|FlagModule) != 0 {
			// A class body or module records the annotation in __annotations__.
			c.annotation(s.Annotation)
			c.emit(LOAD_NAME, c.name("__annotations__"))
			c.emitConst(Const{Kind: ConstStr, Str: n.Id})
			c.emit(STORE_SUBSCR, 0)
		}
	case *ast.FunctionDef:
		c.functionDef(s)
	case *ast.ClassDef:
		c.classDef(s)
	case *ast.Return:
		if s.Value != nil && c.u.scope.isAsync && c.u.scope.isGenerator {
			c.errorf(s, "'return' with value in async generator")
			return
		}
		if s.Value != nil {
			c.expr(s.Value)
		} else {
			c.emitConst(Const{Kind: ConstNone})
		}
		if c.inExceptStar(returnErrorNode(s), c.u.fblocks) {
			return
		}
		c.unwindAll(true)
		c.emit(RETURN_VALUE, 0)
	case *ast.Delete:
		for _, t := range s.Targets {
			c.del(t)
		}
	case *ast.If:
		end := c.newLabel()
		orelse := end
		if len(s.OrElse) > 0 {
			orelse = c.newLabel()
		}
		c.jumpIf(s.Test, false, orelse)
		c.stmts(s.Body)
		if len(s.OrElse) > 0 {
			c.emitJump(JUMP, end)
			c.bind(orelse)
			c.stmts(s.OrElse)
		}
		c.bind(end)
	case *ast.While:
		top, orelse, end := c.newLabel(), c.newLabel(), c.newLabel()
		c.bind(top)
		c.jumpIf(s.Test, false, orelse)
		c.pushBlock(fblock{kind: fbWhile, top: top, exit: end})
		c.stmts(s.Body)
		c.popBlock()
		c.emitJump(JUMP, top)
		c.bind(orelse)
		c.stmts(s.OrElse)
		c.bind(end)
	case *ast.For:
		c.forStmt(s)
	case *ast.With:
		c.with(s, 0)
	case *ast.Raise:
		n := 0
		if s.Exc != nil {
			c.expr(s.Exc)
			n = 1
			if s.Cause != nil {
				c.expr(s.Cause)
				n = 2
			}
		}
		c.emit(RAISE_VARARGS, n)
	case *ast.Try:
		if s.Star && len(s.Finalbody) == 0 {
			c.tryExceptStar(s)
		} else if len(s.Finalbody) > 0 {
			c.tryFinally(s)
		} else {
			c.tryExcept(s)
		}
	case *ast.Assert:
		ok := c.newLabel()
		c.jumpIf(s.Test, true, ok)
		c.emit(LOAD_ASSERTION_ERROR, 0)
		if s.Msg != nil {
			c.expr(s.Msg)
			c.emit(CALL, 1)
		}
		c.emit(RAISE_VARARGS, 1)
		c.bind(ok)
	case *ast.Import:
		for _, a := range s.Names {
			// IMPORT_NAME leaves the module named in full; `import a.b`
			// binds the top-level package, which importing a.b imported.
			c.emit(IMPORT_NAME, c.name(a.Name))
			if a.AsName != "" {
				c.nameOp(a.AsName, ctxStore)
				continue
			}
			top, _, dotted := strings.Cut(a.Name, ".")
			if dotted {
				c.emit(POP_TOP, 0)
				c.emit(IMPORT_NAME, c.name(top))
			}
			c.nameOp(top, ctxStore)
		}
	case *ast.ImportFrom:
		c.emit(IMPORT_NAME, c.name(strings.Repeat(".", s.Level)+s.Module))
		for _, a := range s.Names {
			c.emit(IMPORT_FROM, c.name(a.Name))
			if a.Name == "*" {
				c.emit(POP_TOP, 0)
				continue
			}
			name := a.AsName
			if name == "" {
				name = a.Name
			}
			c.nameOp(name, ctxStore)
		}
		c.emit(POP_TOP, 0)
	case *ast.Global, *ast.Nonlocal, *ast.Pass:
		c.emit(NOP, 0)
	case *ast.Break:
		c.breakContinue(s, true)
	case *ast.Continue:
		c.breakContinue(s, false)
	case *ast.Match:
		c.match(s)
	default:
		c.errorf(s, "unsupported statement")
	}
}

// maxBlocks is CPython's limit on statically nested blocks (loops, try,
// with, handlers) in one function.
const maxBlocks = 20

func (c *compiler) pushBlock(b fblock) {
	if len(c.u.fblocks) >= maxBlocks && c.err == nil {
		sp := c.u.span
		c.err = parser.NewSyntaxError(c.filename, c.src, "SyntaxError", "too many statically nested blocks", sp.Start, sp.End)
	}
	c.u.fblocks = append(c.u.fblocks, b)
}

func (c *compiler) popBlock() { c.u.fblocks = c.u.fblocks[:len(c.u.fblocks)-1] }

// unwindBlock emits the clean-up for leaving block b early. preserveTOS
// keeps a return value on top of the stack.
func (c *compiler) unwindBlock(b fblock, preserveTOS bool) {
	switch b.kind {
	case fbWhile:
	case fbFor:
		if preserveTOS {
			c.emit(SWAP, 2)
		}
		if b.dropIter {
			c.emit(DROP_ITER, 0)
		} else {
			c.emit(POP_TOP, 0)
		}
	case fbTryExcept:
		c.emit(POP_BLOCK, 0)
	case fbFinallyTry:
		c.emit(POP_BLOCK, 0)
		// Run the finally body with this block removed, so that a return
		// inside it does not run it again. The capped slice makes blocks
		// pushed meanwhile reallocate instead of overwriting saved ones.
		saved := c.u.fblocks
		c.u.fblocks = saved[: len(saved)-1 : len(saved)-1]
		c.stmts(b.final)
		c.u.fblocks = saved
	case fbFinallyEnd:
		if preserveTOS {
			c.emit(SWAP, 2)
		}
		c.emit(POP_EXCEPT, 0)
	case fbHandlerCleanup:
		if b.name != "" {
			c.emit(POP_BLOCK, 0)
		}
		if preserveTOS {
			c.emit(SWAP, 2)
		}
		c.emit(POP_EXCEPT, 0)
		if b.name != "" {
			c.emitConst(Const{Kind: ConstNone})
			c.nameOp(b.name, ctxStore)
			c.nameOp(b.name, ctxDel)
		}
	case fbWith, fbAsyncWith:
		c.emit(POP_BLOCK, 0)
		if preserveTOS {
			c.emit(SWAP, 2)
		}
		c.emitConst(Const{Kind: ConstNone})
		c.emitConst(Const{Kind: ConstNone})
		c.emitConst(Const{Kind: ConstNone})
		c.emit(CALL, 3)
		if b.kind == fbAsyncWith {
			c.emit(GET_AWAITABLE, 0)
			c.emit(AWAIT, 0)
		}
		c.emit(POP_TOP, 0)
	}
}

// unwindAll emits the clean-up of every enclosing block (for return).
func (c *compiler) unwindAll(preserveTOS bool) {
	blocks := c.u.fblocks
	for i := len(blocks) - 1; i >= 0; i-- {
		// unwindBlock compiles a finally body with the blocks enclosing it.
		c.u.fblocks = blocks[: i+1 : i+1]
		c.unwindBlock(blocks[i], preserveTOS)
	}
	c.u.fblocks = blocks
}

func (c *compiler) breakContinue(s ast.Stmt, isBreak bool) {
	blocks := c.u.fblocks
	for i := len(blocks) - 1; i >= 0; i-- {
		b := blocks[i]
		if c.inExceptStar(s, blocks[i:i+1]) {
			break
		}
		if b.kind == fbWhile || b.kind == fbFor {
			if isBreak {
				c.unwindBlock(b, false)
				c.u.fblocks = blocks
				c.emitJump(JUMP, b.exit)
			} else {
				c.u.fblocks = blocks
				c.emitJump(JUMP, b.top)
			}
			return
		}
		c.u.fblocks = blocks[: i+1 : i+1]
		c.unwindBlock(b, false)
	}
	c.u.fblocks = blocks
	if isBreak {
		c.errorf(s, "'break' outside loop")
	} else {
		c.errorf(s, "'continue' not properly in loop")
	}
}

func (c *compiler) forStmt(s *ast.For) {
	if s.IsAsync {
		c.asyncFor(s)
		return
	}
	top, orelse, end := c.newLabel(), c.newLabel(), c.newLabel()
	c.expr(s.Iter)
	fresh := freshIterable(s.Iter)
	if fresh {
		c.emit(GET_ITER, 1)
	} else {
		c.emit(GET_ITER, 0)
	}
	c.bind(top)
	c.emitJump(FOR_ITER, orelse)
	c.store(s.Target)
	c.pushBlock(fblock{kind: fbFor, top: top, exit: end, dropIter: fresh})
	c.stmts(s.Body)
	c.popBlock()
	c.emitJump(JUMP, top)
	c.bind(orelse)
	c.stmts(s.OrElse)
	c.bind(end)
}

func (c *compiler) with(s *ast.With, i int) {
	if i == len(s.Items) {
		c.stmts(s.Body)
		return
	}
	item := s.Items[i]
	exc, end := c.newLabel(), c.newLabel()
	c.expr(item.ContextExpr)
	kind := fbWith
	if s.IsAsync {
		kind = fbAsyncWith
		c.emit(BEFORE_ASYNC_WITH, 0)
		c.emit(GET_AWAITABLE, 0)
		c.emit(AWAIT, 0)
	} else {
		c.emit(BEFORE_WITH, 0)
	}
	c.emitJump(SETUP_WITH, exc)
	if item.OptionalVars != nil {
		c.store(item.OptionalVars)
	} else {
		c.emit(POP_TOP, 0)
	}
	c.pushBlock(fblock{kind: kind})
	c.with(s, i+1)
	c.popBlock()
	c.unwindBlock(fblock{kind: kind}, false)
	c.emitJump(JUMP, end)
	// Exception path: stack is [exit, exc].
	c.bind(exc)
	c.emit(WITH_EXCEPT_START, 0)
	if s.IsAsync {
		c.emit(GET_AWAITABLE, 0)
		c.emit(AWAIT, 0)
	}
	suppress := c.newLabel()
	c.emitJump(POP_JUMP_IF_TRUE, suppress)
	c.emit(RERAISE, 0)
	c.bind(suppress)
	c.emit(POP_EXCEPT, 0)
	c.emit(POP_TOP, 0)
	c.bind(end)
}

func (c *compiler) tryFinally(s *ast.Try) {
	fin, end := c.newLabel(), c.newLabel()
	c.emitJump(SETUP_FINALLY, fin)
	c.pushBlock(fblock{kind: fbFinallyTry, final: s.Finalbody})
	if s.Star {
		c.tryExceptStar(s)
	} else if len(s.Handlers) > 0 {
		c.tryExcept(s)
	} else {
		c.stmts(s.Body)
	}
	c.popBlock()
	c.emit(POP_BLOCK, 0)
	c.stmts(s.Finalbody)
	c.emitJump(JUMP, end)
	c.bind(fin)
	c.pushBlock(fblock{kind: fbFinallyEnd})
	c.stmts(s.Finalbody)
	c.popBlock()
	c.emit(RERAISE, 0)
	c.bind(end)
}

func (c *compiler) tryExcept(s *ast.Try) {
	handler, end := c.newLabel(), c.newLabel()
	c.emitJump(SETUP_FINALLY, handler)
	c.pushBlock(fblock{kind: fbTryExcept})
	c.stmts(s.Body)
	c.popBlock()
	c.emit(POP_BLOCK, 0)
	c.stmts(s.OrElse)
	c.emitJump(JUMP, end)
	c.bind(handler)
	for i, h := range s.Handlers {
		prev := c.setSpan(h)
		next := c.newLabel()
		if h.Type == nil && i != len(s.Handlers)-1 {
			c.errorf(h, "default 'except:' must be last")
		}
		if h.Type != nil {
			c.emit(COPY, 1)
			c.expr(h.Type)
			c.emit(CHECK_EXC_MATCH, 0)
			c.emitJump(POP_JUMP_IF_FALSE, next)
		}
		if h.Name != "" {
			cleanup := c.newLabel()
			c.emit(COPY, 1)
			c.nameOp(h.Name, ctxStore)
			c.emitJump(SETUP_FINALLY, cleanup)
			c.pushBlock(fblock{kind: fbHandlerCleanup, name: h.Name})
			c.stmts(h.Body)
			c.popBlock()
			c.emit(POP_BLOCK, 0)
			c.emit(POP_EXCEPT, 0)
			c.emitConst(Const{Kind: ConstNone})
			c.nameOp(h.Name, ctxStore)
			c.nameOp(h.Name, ctxDel)
			c.emitJump(JUMP, end)
			// An exception inside the handler: clear the name, re-raise.
			// Stack: [exc, exc2].
			c.bind(cleanup)
			c.emitConst(Const{Kind: ConstNone})
			c.nameOp(h.Name, ctxStore)
			c.nameOp(h.Name, ctxDel)
			c.emit(RERAISE, 0)
		} else {
			c.pushBlock(fblock{kind: fbHandlerCleanup})
			c.stmts(h.Body)
			c.popBlock()
			c.emit(POP_EXCEPT, 0)
			c.emitJump(JUMP, end)
		}
		c.bind(next)
		c.u.span = prev
	}
	c.emit(RERAISE, 0)
	c.bind(end)
}

func (c *compiler) augAssign(s *ast.AugAssign) {
	op := binOp(s.Op)
	switch t := s.Target.(type) {
	case *ast.Name:
		c.nameOp(t.Id, ctxLoad)
		c.expr(s.Value)
		c.emit(INPLACE_OP, int(op))
		c.nameOp(t.Id, ctxStore)
	case *ast.Attribute:
		c.expr(t.Value)
		c.emit(COPY, 1)
		c.emit(LOAD_ATTR, c.name(t.Attr))
		c.expr(s.Value)
		c.emit(INPLACE_OP, int(op))
		c.emit(SWAP, 2)
		c.emit(STORE_ATTR, c.name(t.Attr))
	case *ast.Subscript:
		c.expr(t.Value)
		c.subscriptIndex(t.Index)
		c.emit(COPY, 2)
		c.emit(COPY, 2)
		c.emit(BINARY_SUBSCR, 0)
		c.expr(s.Value)
		c.emit(INPLACE_OP, int(op))
		c.emit(SWAP, 3)
		c.emit(SWAP, 2)
		c.emit(STORE_SUBSCR, 0)
	default:
		c.errorf(s, "'"+exprKind(s.Target)+"' is an illegal expression for augmented assignment")
	}
}

// store assigns the value on top of the stack to a target.
func (c *compiler) store(t ast.Expr) {
	prev := c.setSpan(t)
	defer func() { c.u.span = prev }()
	switch t := t.(type) {
	case *ast.Name:
		c.nameOp(t.Id, ctxStore)
	case *ast.Attribute:
		c.expr(t.Value)
		c.emit(STORE_ATTR, c.name(t.Attr))
	case *ast.Subscript:
		c.expr(t.Value)
		c.subscriptIndex(t.Index)
		c.emit(STORE_SUBSCR, 0)
	case *ast.Tuple:
		c.unpack(t, t.Elts)
	case *ast.List:
		c.unpack(t, t.Elts)
	case *ast.Starred:
		c.errorf(t, "starred assignment target must be in a list or tuple")
	default:
		c.errorf(t, "cannot assign to "+exprKind(t))
	}
}

func (c *compiler) unpack(n ast.Expr, elts []ast.Expr) {
	star := -1
	for i, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			if star >= 0 {
				c.errorf(e, "multiple starred expressions in assignment")
				return
			}
			star = i
		}
	}
	if star < 0 {
		c.emit(UNPACK_SEQUENCE, len(elts))
	} else if star >= 1<<8 {
		// UNPACK_EX packs both counts in its argument; CPython has the
		// same 255 limit before the star.
		c.errorf(n, "too many expressions in star-unpacking assignment")
		return
	} else {
		after := len(elts) - star - 1
		if after>>16 != 0 {
			c.emit(EXTENDED, after>>16) // the rest does not fit in UNPACK_EX
		}
		c.emit(UNPACK_EX, star|(after&0xffff)<<8)
	}
	for _, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			c.store(s.Value)
		} else {
			c.store(e)
		}
	}
}

func (c *compiler) del(t ast.Expr) {
	prev := c.setSpan(t)
	defer func() { c.u.span = prev }()
	switch t := t.(type) {
	case *ast.Name:
		c.nameOp(t.Id, ctxDel)
	case *ast.Attribute:
		c.expr(t.Value)
		c.emit(DELETE_ATTR, c.name(t.Attr))
	case *ast.Subscript:
		c.expr(t.Value)
		c.subscriptIndex(t.Index)
		c.emit(DELETE_SUBSCR, 0)
	case *ast.Tuple:
		for _, e := range t.Elts {
			c.del(e)
		}
	case *ast.List:
		for _, e := range t.Elts {
			c.del(e)
		}
	default:
		c.errorf(t, "cannot delete "+exprKind(t))
	}
}

// exprKind names an expression as CPython's "cannot assign to ..." does.
func exprKind(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Call:
		return "function call"
	case *ast.Constant:
		return "literal"
	case *ast.BinOp, *ast.UnaryOp, *ast.BoolOp:
		return "expression"
	case *ast.Compare:
		return "comparison"
	case *ast.Lambda:
		return "lambda"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.Await:
		return "await expression"
	case *ast.JoinedStr:
		return "f-string expression"
	case *ast.NamedExpr:
		return "named expression"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.Dict:
		return "dict literal"
	case *ast.Set:
		return "set display"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Starred:
		return "starred"
	default:
		_ = e
	}
	return "expression"
}

func binOp(op ast.Operator) runtime.Op {
	switch op {
	case ast.Add:
		return runtime.OpAdd
	case ast.Sub:
		return runtime.OpSub
	case ast.Mult:
		return runtime.OpMul
	case ast.MatMult:
		return runtime.OpMatMul
	case ast.Div:
		return runtime.OpTrueDiv
	case ast.FloorDiv:
		return runtime.OpFloorDiv
	case ast.Mod:
		return runtime.OpMod
	case ast.Pow:
		return runtime.OpPow
	case ast.LShift:
		return runtime.OpLShift
	case ast.RShift:
		return runtime.OpRShift
	case ast.BitOr:
		return runtime.OpOr
	case ast.BitXor:
		return runtime.OpXor
	}
	return runtime.OpAnd
}

func intConst(text string) Const {
	n, ok := new(big.Int).SetString(text, 10)
	if !ok {
		return Const{Kind: ConstInt}
	}
	if n.IsInt64() {
		return Const{Kind: ConstInt, Int: n.Int64()}
	}
	return Const{Kind: ConstBig, Big: n}
}
