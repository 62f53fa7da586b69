package compile

// This file compiles expressions, function and class definitions, and
// comprehensions.

import (
	"math"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/runtime"
)

func uint64FromFloat(f float64) uint64 { return math.Float64bits(f) }

func (c *compiler) exprs(list []ast.Expr) {
	for _, e := range list {
		c.expr(e)
	}
}

func (c *compiler) expr(e ast.Expr) {
	prev := c.setSpan(e)
	defer func() { c.u.span = prev }()
	switch e := e.(type) {
	case *ast.Constant:
		c.emitConst(constOf(e))
	case *ast.Name:
		c.nameOp(e.Id, ctxLoad)
	case *ast.BinOp:
		c.expr(e.Left)
		c.expr(e.Right)
		c.emit(BINARY_OP, int(binOp(e.Op)))
	case *ast.UnaryOp:
		c.expr(e.Operand)
		switch e.Op {
		case ast.USub:
			c.emit(UNARY_NEGATIVE, 0)
		case ast.UAdd:
			c.emit(UNARY_POSITIVE, 0)
		case ast.Invert:
			c.emit(UNARY_INVERT, 0)
		case ast.Not:
			c.emit(UNARY_NOT, 0)
		}
	case *ast.BoolOp:
		end := c.newLabel()
		op := JUMP_IF_FALSE_OR_POP
		if e.Op == ast.Or {
			op = JUMP_IF_TRUE_OR_POP
		}
		for i, v := range e.Values {
			c.expr(v)
			if i < len(e.Values)-1 {
				c.emitJump(op, end)
			}
		}
		c.bind(end)
	case *ast.Compare:
		c.compare(e)
	case *ast.Call:
		c.call(e)
	case *ast.Attribute:
		c.expr(e.Value)
		c.emit(LOAD_ATTR, c.name(e.Attr))
	case *ast.Subscript:
		c.expr(e.Value)
		c.subscriptIndex(e.Index)
		c.emit(BINARY_SUBSCR, 0)
	case *ast.Slice:
		c.slice(e)
	case *ast.Starred:
		c.errorf(e, "can't use starred expression here")
	case *ast.Tuple:
		if c.sequence(e.Elts, BUILD_TUPLE) {
			c.emit(LIST_TO_TUPLE, 0)
		}
	case *ast.List:
		c.sequence(e.Elts, BUILD_LIST)
	case *ast.Set:
		c.sequence(e.Elts, BUILD_SET)
	case *ast.Dict:
		c.dict(e)
	case *ast.JoinedStr:
		c.joinedStr(e)
	case *ast.FormattedValue:
		c.formattedValue(e)
	case *ast.IfExp:
		orelse, end := c.newLabel(), c.newLabel()
		c.jumpIf(e.Test, false, orelse)
		c.expr(e.Body)
		c.emitJump(JUMP, end)
		c.bind(orelse)
		c.expr(e.OrElse)
		c.bind(end)
	case *ast.Lambda:
		c.function(e, "<lambda>", e.Args, nil, e.Body, false)
	case *ast.ListComp:
		c.comprehension(e, e.Generators, e.Elt, nil, BUILD_LIST)
	case *ast.SetComp:
		c.comprehension(e, e.Generators, e.Elt, nil, BUILD_SET)
	case *ast.DictComp:
		c.comprehension(e, e.Generators, e.Key, e.Value, BUILD_MAP)
	case *ast.GeneratorExp:
		c.comprehension(e, e.Generators, e.Elt, nil, NOP)
	case *ast.Await:
		c.expr(e.Value)
		if _, ok := e.Value.(*ast.Call); ok {
			c.markAwaitedCall()
		}
		c.emit(GET_AWAITABLE, 0)
		c.emit(AWAIT, 0)
	case *ast.Yield:
		if e.Value != nil {
			c.expr(e.Value)
		} else {
			c.emitConst(Const{Kind: ConstNone})
		}
		c.emit(YIELD_VALUE, 0)
	case *ast.YieldFrom:
		if c.u.scope.isAsync {
			c.errorf(e, "'yield from' inside async function")
			return
		}
		c.expr(e.Value)
		c.emit(GET_YIELD_FROM_ITER, 0)
		c.emitConst(Const{Kind: ConstNone})
		c.emit(YIELD_FROM, 0)
	case *ast.NamedExpr:
		c.expr(e.Value)
		c.emit(COPY, 1)
		c.nameOp(e.Target.Id, ctxStore)
	default:
		c.errorf(e, "unsupported expression")
	}
}

func constOf(e *ast.Constant) Const {
	switch e.Kind {
	case ast.ConstNone:
		return Const{Kind: ConstNone}
	case ast.ConstTrue:
		return Const{Kind: ConstTrue}
	case ast.ConstFalse:
		return Const{Kind: ConstFalse}
	case ast.ConstEllipsis:
		return Const{Kind: ConstEllipsis}
	case ast.ConstInt:
		return intConst(e.Text)
	case ast.ConstFloat:
		return Const{Kind: ConstFloat, Float: e.Float}
	case ast.ConstBytes:
		return Const{Kind: ConstBytes, Str: e.Text}
	case ast.ConstImag:
		return Const{Kind: ConstImag, Float: e.Float}
	}
	return Const{Kind: ConstStr, Str: e.Text}
}

// jumpIf compiles a condition and jumps to target when its truth equals
// cond, without materializing a bool for `not`, `and` and `or`.
func (c *compiler) jumpIf(e ast.Expr, cond bool, target label) {
	switch e := e.(type) {
	case *ast.UnaryOp:
		if e.Op == ast.Not {
			c.jumpIf(e.Operand, !cond, target)
			return
		}
	case *ast.BoolOp:
		isAnd := e.Op == ast.And
		if isAnd != cond {
			// and/false or or/true: any operand deciding jumps to target.
			for _, v := range e.Values {
				c.jumpIf(v, cond, target)
			}
			return
		}
		skip := c.newLabel()
		for i, v := range e.Values {
			if i < len(e.Values)-1 {
				c.jumpIf(v, !cond, skip)
			} else {
				c.jumpIf(v, cond, target)
			}
		}
		c.bind(skip)
		return
	}
	c.expr(e)
	// As in CPython, a failing truth test of a comparison is reported at
	// the comparison; of any other condition, at the statement.
	prev := c.u.span
	if _, isCompare := e.(*ast.Compare); isCompare {
		c.setSpan(e)
	}
	if cond {
		c.emitJump(POP_JUMP_IF_TRUE, target)
	} else {
		c.emitJump(POP_JUMP_IF_FALSE, target)
	}
	c.u.span = prev
}

func (c *compiler) compareOp(op ast.CmpOp) {
	switch op {
	case ast.Eq:
		c.emit(COMPARE_OP, int(runtime.CmpEQ))
	case ast.NotEq:
		c.emit(COMPARE_OP, int(runtime.CmpNE))
	case ast.Lt:
		c.emit(COMPARE_OP, int(runtime.CmpLT))
	case ast.LtE:
		c.emit(COMPARE_OP, int(runtime.CmpLE))
	case ast.Gt:
		c.emit(COMPARE_OP, int(runtime.CmpGT))
	case ast.GtE:
		c.emit(COMPARE_OP, int(runtime.CmpGE))
	case ast.Is:
		c.emit(IS_OP, 0)
	case ast.IsNot:
		c.emit(IS_OP, 1)
	case ast.In:
		c.emit(CONTAINS_OP, 0)
	case ast.NotIn:
		c.emit(CONTAINS_OP, 1)
	}
}

func (c *compiler) compare(e *ast.Compare) {
	c.expr(e.Left)
	if len(e.Ops) == 1 {
		c.expr(e.Comparators[0])
		c.compareOp(e.Ops[0])
		return
	}
	cleanup, end := c.newLabel(), c.newLabel()
	for i, op := range e.Ops {
		c.expr(e.Comparators[i])
		if i == len(e.Ops)-1 {
			c.compareOp(op)
			break
		}
		// [a b] → [b a b] → [b result]
		c.emit(COPY, 1)
		c.emit(SWAP, 3)
		c.emit(SWAP, 2)
		c.compareOp(op)
		c.emitJump(JUMP_IF_FALSE_OR_POP, cleanup)
	}
	c.emitJump(JUMP, end)
	c.bind(cleanup)
	c.emit(SWAP, 2)
	c.emit(POP_TOP, 0)
	c.bind(end)
}

func (c *compiler) subscriptIndex(idx ast.Expr) {
	if s, ok := idx.(*ast.Slice); ok {
		c.slice(s)
		return
	}
	if s, ok := idx.(*ast.Starred); ok {
		// x[*a] subscripts with the tuple (*a,) (PEP 646).
		idx = &ast.Tuple{Span: s.Span, Elts: []ast.Expr{s}}
	}
	c.expr(idx)
}

func (c *compiler) slice(s *ast.Slice) {
	for _, part := range []ast.Expr{s.Lower, s.Upper} {
		if part == nil {
			c.emitConst(Const{Kind: ConstNone})
		} else {
			c.expr(part)
		}
	}
	if s.Step != nil {
		c.expr(s.Step)
		c.emit(BUILD_SLICE, 3)
	} else {
		c.emit(BUILD_SLICE, 2)
	}
}

// sequence compiles a tuple/list/set display. With starred items it builds
// a list and returns true when the caller must convert it to a tuple.
func (c *compiler) sequence(elts []ast.Expr, build Opcode) bool {
	starred := false
	for _, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			starred = true
		}
	}
	if !starred {
		// A tuple of constants is one constant.
		if build == BUILD_TUPLE {
			if k, ok := constTuple(elts); ok {
				c.emitConst(k)
				return false
			}
		}
		c.exprs(elts)
		c.emit(build, len(elts))
		return false
	}
	collect, add, extend := BUILD_LIST, LIST_APPEND, LIST_EXTEND
	if build == BUILD_SET {
		collect, add, extend = BUILD_SET, SET_ADD, SET_UPDATE
	}
	c.emit(collect, 0)
	for _, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			c.expr(s.Value)
			c.emit(extend, 1)
		} else {
			c.expr(e)
			c.emit(add, 1)
		}
	}
	return build == BUILD_TUPLE
}

func constTuple(elts []ast.Expr) (Const, bool) {
	items := make([]Const, len(elts))
	for i, e := range elts {
		switch e := e.(type) {
		case *ast.Constant:
			items[i] = constOf(e)
		case *ast.Tuple:
			k, ok := constTuple(e.Elts)
			if !ok {
				return Const{}, false
			}
			items[i] = k
		default:
			return Const{}, false
		}
	}
	return Const{Kind: ConstTuple, Tuple: items}, true
}

func (c *compiler) dict(e *ast.Dict) {
	hasSplat := false
	for _, k := range e.Keys {
		if k == nil {
			hasSplat = true
		}
	}
	if !hasSplat {
		for i, k := range e.Keys {
			c.expr(k)
			c.expr(e.Values[i])
		}
		c.emit(BUILD_MAP, len(e.Keys))
		return
	}
	c.emit(BUILD_MAP, 0)
	for i, k := range e.Keys {
		if k == nil {
			c.expr(e.Values[i])
			c.emit(DICT_UPDATE, 1)
		} else {
			c.expr(k)
			c.expr(e.Values[i])
			c.emit(MAP_ADD, 1)
		}
	}
}

func (c *compiler) joinedStr(e *ast.JoinedStr) {
	if len(e.Values) == 0 {
		c.emitConst(Const{Kind: ConstStr})
		return
	}
	for _, v := range e.Values {
		c.expr(v)
	}
	if len(e.Values) == 1 {
		if _, ok := e.Values[0].(*ast.Constant); ok {
			return
		}
	}
	c.emit(BUILD_STRING, len(e.Values))
}

func (c *compiler) formattedValue(e *ast.FormattedValue) {
	c.expr(e.Value)
	arg := int(e.Conversion)
	if e.FormatSpec != nil {
		c.joinedStr(e.FormatSpec)
		arg |= 0x100
	}
	c.emit(FORMAT_VALUE, arg)
}

// call compiles a call, choosing the cheapest calling sequence.
func (c *compiler) call(e *ast.Call) {
	simple := true
	for _, a := range e.Args {
		if _, ok := a.(*ast.Starred); ok {
			simple = false
		}
	}
	for _, k := range e.Keywords {
		if k.Arg == "" {
			simple = false
		}
	}
	if len(e.Keywords) > 0 && (len(e.Args)+len(e.Keywords) > CallKWCountMask ||
		len(c.u.code.KwNames) >= 1<<(24-CallKWCountBits)) {
		simple = false // too big for CALL_KW's packed argument
	}
	// Zero-argument super() becomes super(__class__, <first argument>).
	if n, ok := e.Func.(*ast.Name); ok && n.Id == "super" && len(e.Args) == 0 && len(e.Keywords) == 0 {
		if c.zeroArgSuper(n) {
			return
		}
	}
	if attr, ok := e.Func.(*ast.Attribute); ok && simple && len(e.Keywords) == 0 {
		c.expr(attr.Value)
		prev := c.setSpan(e)
		c.emit(LOAD_METHOD, c.name(attr.Attr))
		c.u.span = prev
		c.exprs(e.Args)
		c.emit(CALL_METHOD, len(e.Args))
		return
	}
	c.expr(e.Func)
	if simple {
		c.exprs(e.Args)
		if len(e.Keywords) == 0 {
			c.emit(CALL, len(e.Args))
			return
		}
		names := make([]string, len(e.Keywords))
		for i, k := range e.Keywords {
			c.expr(k.Value)
			names[i] = k.Arg
		}
		c.u.code.KwNames = append(c.u.code.KwNames, names)
		c.emit(CALL_KW, (len(e.Args)+len(names))|(len(c.u.code.KwNames)-1)<<CallKWCountBits)
		return
	}
	// General form: build an args tuple and a kwargs dict. A lone *x is
	// passed as it is; CALL_EX converts it (and words its error).
	if s, ok := singleStarred(e.Args); ok {
		c.expr(s.Value)
	} else {
		c.emit(BUILD_LIST, 0)
		for _, a := range e.Args {
			if s, ok := a.(*ast.Starred); ok {
				c.expr(s.Value)
				c.emit(LIST_EXTEND, 1)
			} else {
				c.expr(a)
				c.emit(LIST_APPEND, 1)
			}
		}
		c.emit(LIST_TO_TUPLE, 0)
	}
	if len(e.Keywords) == 0 {
		c.emit(CALL_EX, 0)
		return
	}
	c.emit(BUILD_MAP, 0)
	for _, k := range e.Keywords {
		if k.Arg == "" {
			c.expr(k.Value)
			c.emit(DICT_MERGE, 1)
		} else {
			c.emitConst(Const{Kind: ConstStr, Str: k.Arg})
			c.expr(k.Value)
			c.emit(BUILD_MAP, 1)
			c.emit(DICT_MERGE, 1)
		}
	}
	c.emit(CALL_EX, 1)
}

func singleStarred(args []ast.Expr) (*ast.Starred, bool) {
	if len(args) != 1 {
		return nil, false
	}
	s, ok := args[0].(*ast.Starred)
	return s, ok
}

func (c *compiler) zeroArgSuper(n *ast.Name) bool {
	s := c.u.scope
	if y := s.lookupSym("super"); y != nil && y.kind != bindGlobalImplicit {
		return false
	}
	if !s.isFunctionLike() || c.cellIndex("__class__") < 0 || len(s.params) == 0 {
		return false
	}
	c.nameOp("super", ctxLoad)
	c.emit(LOAD_DEREF, c.cellIndex("__class__"))
	c.nameOp(s.params[0], ctxLoad)
	c.emit(CALL, 2)
	return true
}

// function compiles a def or lambda body into a Code constant and emits
// MAKE_FUNCTION with its defaults and closure.
func (c *compiler) function(n ast.Node, name string, args *ast.Arguments, body []ast.Stmt, lambdaBody ast.Expr, isAsync bool) {
	flags := 0
	if args != nil && len(args.Defaults) > 0 {
		c.exprs(args.Defaults)
		c.emit(BUILD_TUPLE, len(args.Defaults))
		flags |= 1
	}
	if args != nil {
		nkw := 0
		for i, d := range args.KwDefaults {
			if d != nil {
				c.emitConst(Const{Kind: ConstStr, Str: args.KwOnly[i].Name})
				c.expr(d)
				nkw++
			}
		}
		if nkw > 0 {
			c.emit(BUILD_MAP, nkw)
			flags |= 2
		}
	}
	if def, ok := n.(*ast.FunctionDef); ok && c.annotations(def) {
		flags |= 8
	}
	s := c.scopes[n]
	code := c.compileFunctionBody(s, n, args, body, lambdaBody)
	c.makeFunction(code, flags)
}

// annotations pushes the dict of a def's annotations (parameter name or
// "return" to the annotation's value, or its source text under `from
// __future__ import annotations`), reporting whether there is one.
func (c *compiler) annotations(def *ast.FunctionDef) bool {
	var params []*ast.Arg
	if a := def.Args; a != nil {
		params = append(append(params, a.PosOnly...), a.Args...)
		if a.Vararg != nil {
			params = append(params, a.Vararg)
		}
		params = append(params, a.KwOnly...)
		if a.Kwarg != nil {
			params = append(params, a.Kwarg)
		}
	}
	n := 0
	add := func(name string, ann ast.Expr) {
		c.emitConst(Const{Kind: ConstStr, Str: name})
		c.annotation(ann)
		n++
	}
	for _, p := range params {
		if p.Annotation != nil {
			add(p.Name, p.Annotation)
		}
	}
	if def.Returns != nil {
		add("return", def.Returns)
	}
	if n == 0 {
		return false
	}
	c.emit(BUILD_MAP, n)
	return true
}

// makeFunction emits MAKE_FUNCTION for code, first building the closure
// tuple of the cells its free variables refer to. flags tells which of the
// defaults (1) and keyword defaults (2) are already on the stack.
func (c *compiler) makeFunction(code *Code, flags int) {
	if len(code.FreeNames) > 0 {
		for _, free := range code.FreeNames {
			c.emit(LOAD_CLOSURE, c.cellIndex(free))
		}
		c.emit(BUILD_TUPLE, len(code.FreeNames))
		flags |= 4
	}
	c.emit(MAKE_FUNCTION, c.addConst(Const{Kind: ConstCode, Code: code})<<MakeFunctionFlagBits|flags)
}

func (c *compiler) compileFunctionBody(s *scope, n ast.Node, args *ast.Arguments, body []ast.Stmt, lambdaBody ast.Expr) *Code {
	saved := c.u
	c.enter(s, s.name, s.qualname, n.NodeSpan().Start.Line)
	code := c.u.code
	if args != nil {
		code.ArgCount = len(args.PosOnly) + len(args.Args)
		code.PosOnlyCount = len(args.PosOnly)
		code.KwOnlyCount = len(args.KwOnly)
		if args.Vararg != nil {
			code.Flags |= FlagVarargs
		}
		if args.Kwarg != nil {
			code.Flags |= FlagVarkw
		}
	}
	if lambdaBody == nil {
		code.Doc, code.HasDoc = classDocstring(body)
	}
	if lambdaBody != nil {
		c.expr(lambdaBody)
		c.emit(RETURN_VALUE, 0)
	} else {
		c.stmts(body)
		c.emitConst(Const{Kind: ConstNone})
		c.emit(RETURN_VALUE, 0)
	}
	out := c.leave()
	c.u = saved
	return out
}

func (c *compiler) functionDef(s *ast.FunctionDef) {
	c.exprs(s.Decorators)
	c.function(s, s.Name, s.Args, s.Body, nil, s.IsAsync)
	for range s.Decorators {
		c.emit(CALL, 1)
	}
	c.nameOp(s.Name, ctxStore)
}

func (c *compiler) classDef(s *ast.ClassDef) {
	c.exprs(s.Decorators)
	cs := c.scopes[s]
	saved := c.u
	c.enter(cs, s.Name, cs.qualname, s.Span.Start.Line)
	c.u.span = s.Span
	c.emit(LOAD_NAME, c.name("__name__"))
	c.emit(STORE_NAME, c.name("__module__"))
	c.emitConst(Const{Kind: ConstStr, Str: cs.qualname})
	c.emit(STORE_NAME, c.name("__qualname__"))
	if hasAnnotations(s.Body) {
		c.emit(BUILD_MAP, 0)
		c.emit(STORE_NAME, c.name("__annotations__"))
	}
	if doc, ok := classDocstring(s.Body); ok {
		c.emitConst(Const{Kind: ConstStr, Str: doc})
		c.emit(STORE_NAME, c.name("__doc__"))
	}
	c.stmts(s.Body)
	if cs.hasClassCell {
		c.emit(LOAD_CLOSURE, c.cellIndex("__class__"))
	} else {
		c.emitConst(Const{Kind: ConstNone})
	}
	c.emit(RETURN_VALUE, 0)
	body := c.leave()
	if cs.hasClassCell {
		body.Flags |= FlagNeedsClassCell
	}
	c.u = saved
	c.makeFunction(body, 0)
	c.emitConst(Const{Kind: ConstStr, Str: s.Name})
	if classNeedsExForm(s) {
		// *bases or **keywords: a tuple of bases and a dict of keywords,
		// built as for a call.
		c.emit(BUILD_LIST, 0)
		for _, b := range s.Bases {
			if st, ok := b.(*ast.Starred); ok {
				c.expr(st.Value)
				c.emit(LIST_EXTEND, 1)
			} else {
				c.expr(b)
				c.emit(LIST_APPEND, 1)
			}
		}
		c.emit(LIST_TO_TUPLE, 0)
		c.emit(BUILD_MAP, 0)
		for _, k := range s.Keywords {
			if k.Arg == "" {
				c.expr(k.Value)
				c.emit(DICT_MERGE, 1)
			} else {
				c.emitConst(Const{Kind: ConstStr, Str: k.Arg})
				c.expr(k.Value)
				c.emit(BUILD_MAP, 1)
				c.emit(DICT_MERGE, 1)
			}
		}
		c.emit(BUILD_CLASS, 2|ClassExForm<<12)
	} else {
		c.exprs(s.Bases)
		// Keywords follow the bases; their names go to KwNames, whose
		// index (plus one, zero meaning none) is in the argument's upper
		// bits.
		arg := len(s.Bases)
		if len(s.Keywords) > 0 {
			names := make([]string, len(s.Keywords))
			for i, k := range s.Keywords {
				c.expr(k.Value)
				names[i] = k.Arg
			}
			c.u.code.KwNames = append(c.u.code.KwNames, names)
			arg = (len(s.Bases) + len(names)) | len(c.u.code.KwNames)<<12
		}
		c.emit(BUILD_CLASS, arg)
	}
	for range s.Decorators {
		c.emit(CALL, 1)
	}
	c.nameOp(s.Name, ctxStore)
}

// ClassExForm in BUILD_CLASS's KwNames field marks the form whose bases
// are a tuple and keywords a dict.
const ClassExForm = 0xfff

// classNeedsExForm reports whether a class statement unpacks its bases
// or keywords.
func classNeedsExForm(s *ast.ClassDef) bool {
	for _, b := range s.Bases {
		if _, ok := b.(*ast.Starred); ok {
			return true
		}
	}
	for _, k := range s.Keywords {
		if k.Arg == "" {
			return true
		}
	}
	return false
}

// classDocstring returns the docstring a class body starts with.
func classDocstring(body []ast.Stmt) (string, bool) {
	if len(body) == 0 {
		return "", false
	}
	e, ok := body[0].(*ast.ExprStmt)
	if !ok {
		return "", false
	}
	c, ok := e.Value.(*ast.Constant)
	if !ok || c.Kind != ast.ConstStr {
		return "", false
	}
	return c.Text, true
}

// hasAnnotations reports whether a class body annotates a name, directly
// or in a nested block (not in a nested function or class).
func hasAnnotations(body []ast.Stmt) bool {
	found := false
	for _, st := range body {
		switch s := st.(type) {
		case *ast.AnnAssign:
			if _, ok := s.Target.(*ast.Name); ok {
				return true
			}
		case *ast.If:
			found = hasAnnotations(s.Body) || hasAnnotations(s.OrElse)
		case *ast.For:
			found = hasAnnotations(s.Body) || hasAnnotations(s.OrElse)
		case *ast.While:
			found = hasAnnotations(s.Body) || hasAnnotations(s.OrElse)
		case *ast.With:
			found = hasAnnotations(s.Body)
		case *ast.Try:
			found = hasAnnotations(s.Body) || hasAnnotations(s.OrElse) || hasAnnotations(s.Finalbody)
		}
		if found {
			return true
		}
	}
	return false
}

// comprehension compiles a comprehension as a nested function called at
// once with the first iterable's iterator, as CPython 3.11 does.
func (c *compiler) comprehension(n ast.Expr, gens []*ast.Comprehension, elt, val ast.Expr, build Opcode) {
	s := c.scopes[n]
	saved := c.u
	c.enter(s, s.name, s.qualname, n.NodeSpan().Start.Line)
	c.u.span = n.NodeSpan()
	c.u.code.ArgCount = 1
	if build != NOP {
		c.emit(build, 0)
	}
	var loops []label
	var ends []label
	for i, g := range gens {
		top, end := c.newLabel(), c.newLabel()
		if i == 0 {
			c.emit(LOAD_FAST, 0)
		} else {
			c.expr(g.Iter)
			if g.IsAsync {
				c.emit(GET_AITER, 0)
			} else {
				c.emit(GET_ITER, 0)
			}
		}
		c.bind(top)
		if g.IsAsync {
			c.asyncNext(end)
		} else {
			c.emitJump(FOR_ITER, end)
		}
		c.store(g.Target)
		for _, cond := range g.Ifs {
			c.jumpIf(cond, false, top)
		}
		loops = append(loops, top)
		ends = append(ends, end)
	}
	depth := len(gens) + 1
	switch build {
	case BUILD_LIST:
		c.expr(elt)
		c.emit(LIST_APPEND, depth)
	case BUILD_SET:
		c.expr(elt)
		c.emit(SET_ADD, depth)
	case BUILD_MAP:
		c.expr(elt)
		c.expr(val)
		c.emit(MAP_ADD, depth)
	case NOP:
		c.expr(elt)
		c.emit(YIELD_VALUE, 0)
		c.emit(POP_TOP, 0)
	}
	for i := len(gens) - 1; i >= 0; i-- {
		c.emitJump(JUMP, loops[i])
		c.bind(ends[i])
		if gens[i].IsAsync {
			c.emit(END_ASYNC_FOR, 0)
		}
	}
	if build == NOP {
		c.emitConst(Const{Kind: ConstNone})
	}
	c.emit(RETURN_VALUE, 0)
	code := c.leave()
	c.u = saved
	c.makeFunction(code, 0)
	c.expr(gens[0].Iter)
	if gens[0].IsAsync {
		c.emit(GET_AITER, 0)
	} else {
		c.emit(GET_ITER, 0)
	}
	c.emit(CALL, 1)
}

func opName(a int) string  { return runtime.Op(a).String() }
func cmpName(a int) string { return [...]string{"<", "<=", "==", "!=", ">", ">="}[a] }
