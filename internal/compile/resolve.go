package compile

// This file implements the resolver: a pass over the syntax tree, before
// compilation, that builds a scope for the module, each function, lambda,
// class body and comprehension, and classifies every name in it.
//
// Python decides a name's scope by looking at the whole function body:
// a name assigned anywhere in a function is local to it (so reading it
// before assignment is an UnboundLocalError, not a global read), unless a
// `global` or `nonlocal` statement says otherwise. A name read in an inner
// function and bound in an enclosing one is free in the inner and a cell
// in the outer. Class bodies are scopes whose names do not enclose the
// methods. The algorithm is CPython's symtable.c: collect bindings and
// uses per scope, then analyze top-down, passing the set of names bound
// in enclosing functions, and bottom-up, turning captured locals into
// cells.

import (
	"sort"
	"strings"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/parser"
)

type scopeKind uint8

const (
	scopeModule scopeKind = iota
	scopeFunction
	scopeClass
	scopeComprehension
)

// bindKind says where a name lives at run time.
type bindKind uint8

const (
	bindGlobalImplicit bindKind = iota // module globals, then builtins
	bindGlobalExplicit                 // declared global
	bindLocal                          // a fast local slot
	bindCell                           // a local captured by an inner function
	bindFree                           // a variable of an enclosing function
	bindName                           // a class-body namespace name (or module name)
)

const (
	symAssigned = 1 << iota
	symParam
	symGlobal
	symNonlocal
	symUsed
)

type symbol struct {
	name  string
	flags int
	kind  bindKind
	pos   ast.Pos // first use or binding, for errors
}

// scope is one function, class body, module or comprehension.
type scope struct {
	kind     scopeKind
	name     string
	qualname string
	parent   *scope
	node     ast.Node
	syms     map[string]*symbol
	order    []string // names in order of first appearance
	params   []string
	children []*scope

	isAsync      bool
	isGenerator  bool
	hasAwait     bool // await (or async for/with) directly in this scope
	needsClass   bool // a function that uses super() or __class__
	hasClassCell bool // a class body that must provide __class__

	// Results of analysis.
	locals []string // fast local slots (functions)
	cells  []string
	frees  []string
}

func (s *scope) lookupSym(name string) *symbol { return s.syms[name] }

func (s *scope) sym(name string, pos ast.Pos) *symbol {
	if y, ok := s.syms[name]; ok {
		return y
	}
	y := &symbol{name: name, pos: pos}
	s.syms[name] = y
	s.order = append(s.order, name)
	return y
}

// isFunctionLike reports whether names in s live in fast slots.
func (s *scope) isFunctionLike() bool { return s.kind == scopeFunction || s.kind == scopeComprehension }

// resolver holds the state of the resolution pass.
type resolver struct {
	filename string
	src      []byte
	scopes   map[ast.Node]*scope
	cur      *scope
	err      error
	// replInput allows top-level await anywhere at module level.
}

// resolveModule builds and analyzes the scopes of a module.
func resolveModule(filename string, src []byte, mod *ast.Module) (map[ast.Node]*scope, *scope, error) {
	r := &resolver{filename: filename, src: src, scopes: map[ast.Node]*scope{}}
	top := r.newScope(scopeModule, "<module>", mod)
	r.cur = top
	r.stmts(mod.Body)
	if r.err != nil {
		return nil, nil, r.err
	}
	r.analyze(top, map[string]bool{})
	if r.err != nil {
		return nil, nil, r.err
	}
	return r.scopes, top, nil
}

func (r *resolver) newScope(kind scopeKind, name string, n ast.Node) *scope {
	s := &scope{kind: kind, name: name, node: n, syms: map[string]*symbol{}, parent: r.cur}
	switch {
	case r.cur == nil || r.cur.kind == scopeModule:
		s.qualname = name
	case r.cur.kind == scopeClass:
		s.qualname = r.cur.qualname + "." + name
	default:
		s.qualname = r.cur.qualname + ".<locals>." + name
	}
	if r.cur != nil {
		r.cur.children = append(r.cur.children, s)
	}
	r.scopes[n] = s
	return s
}

func (r *resolver) errorf(n ast.Node, msg string) {
	if r.err == nil {
		sp := n.NodeSpan()
		r.err = parser.NewSyntaxError(r.filename, r.src, "SyntaxError", msg, sp.Start, sp.End)
	}
}

func (r *resolver) bind(name string, n ast.Node) {
	y := r.cur.sym(name, n.NodeSpan().Start)
	y.flags |= symAssigned
}

func (r *resolver) use(name string, n ast.Node) {
	y := r.cur.sym(name, n.NodeSpan().Start)
	y.flags |= symUsed
	if name == "super" || name == "__class__" {
		r.cur.needsClass = true
	}
}

func (r *resolver) stmts(list []ast.Stmt) {
	for _, s := range list {
		r.stmt(s)
	}
}

func (r *resolver) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.ExprStmt:
		r.expr(s.Value)
	case *ast.Assign:
		r.expr(s.Value)
		for _, t := range s.Targets {
			r.target(t)
		}
	case *ast.AugAssign:
		r.expr(s.Value)
		if n, ok := s.Target.(*ast.Name); ok {
			r.use(n.Id, n)
			r.bind(n.Id, n)
		} else {
			r.target(s.Target)
		}
	case *ast.AnnAssign:
		if s.Value != nil {
			r.expr(s.Value)
		}
		if r.cur.kind != scopeFunction {
			r.expr(s.Annotation)
		}
		if n, ok := s.Target.(*ast.Name); ok {
			r.bind(n.Id, n)
		} else {
			r.target(s.Target)
		}
	case *ast.FunctionDef:
		r.exprs(s.Decorators)
		r.defaults(s.Args)
		r.bind(s.Name, s)
		fs := r.newScope(scopeFunction, s.Name, s)
		fs.isAsync = s.IsAsync
		r.inScope(fs, func() {
			r.params(s.Args)
			r.stmts(s.Body)
		})
	case *ast.ClassDef:
		r.exprs(s.Decorators)
		r.exprs(s.Bases)
		for _, k := range s.Keywords {
			r.expr(k.Value)
		}
		cs := r.newScope(scopeClass, s.Name, s)
		r.inScope(cs, func() { r.stmts(s.Body) })
		r.bind(s.Name, s)
	case *ast.Return:
		if !r.cur.isFunctionLike() {
			r.errorf(s, "'return' outside function")
			return
		}
		if s.Value != nil {
			r.expr(s.Value)
		}
	case *ast.Delete:
		for _, t := range s.Targets {
			r.target(t)
		}
	case *ast.If:
		r.expr(s.Test)
		r.stmts(s.Body)
		r.stmts(s.OrElse)
	case *ast.While:
		r.expr(s.Test)
		r.stmts(s.Body)
		r.stmts(s.OrElse)
	case *ast.For:
		if s.IsAsync {
			r.awaitHere(s, "'async for' outside async function")
		}
		r.expr(s.Iter)
		r.target(s.Target)
		r.stmts(s.Body)
		r.stmts(s.OrElse)
	case *ast.With:
		if s.IsAsync {
			r.awaitHere(s, "'async with' outside async function")
		}
		for _, it := range s.Items {
			r.expr(it.ContextExpr)
			if it.OptionalVars != nil {
				r.target(it.OptionalVars)
			}
		}
		r.stmts(s.Body)
	case *ast.Raise:
		if s.Exc != nil {
			r.expr(s.Exc)
		}
		if s.Cause != nil {
			r.expr(s.Cause)
		}
	case *ast.Try:
		r.stmts(s.Body)
		for _, h := range s.Handlers {
			if h.Type != nil {
				r.expr(h.Type)
			}
			if h.Name != "" {
				r.bind(h.Name, h)
			}
			r.stmts(h.Body)
		}
		r.stmts(s.OrElse)
		r.stmts(s.Finalbody)
	case *ast.Assert:
		r.expr(s.Test)
		if s.Msg != nil {
			r.expr(s.Msg)
		}
	case *ast.Import:
		for _, a := range s.Names {
			name := a.AsName
			if name == "" {
				name = a.Name
				for i := 0; i < len(name); i++ {
					if name[i] == '.' {
						name = name[:i]
						break
					}
				}
			}
			r.bind(name, a)
		}
	case *ast.ImportFrom:
		for _, a := range s.Names {
			if a.Name == "*" {
				if r.cur.kind != scopeModule {
					r.errorf(s, "import * only allowed at module level")
				}
				continue
			}
			name := a.AsName
			if name == "" {
				name = a.Name
			}
			r.bind(name, a)
		}
	case *ast.Global:
		for _, name := range s.Names {
			r.declare(s, name, symGlobal, "global")
		}
	case *ast.Nonlocal:
		for _, name := range s.Names {
			r.declare(s, name, symNonlocal, "nonlocal")
		}
		if r.cur.kind == scopeModule {
			r.errorf(s, "nonlocal declaration not allowed at module level")
		}
	case *ast.Pass, *ast.Break, *ast.Continue:
	case *ast.Match:
		r.match(s)
	}
}

func (r *resolver) declare(s ast.Stmt, name string, flag int, word string) {
	y := r.cur.syms[name]
	if y != nil {
		switch {
		case y.flags&symParam != 0:
			r.errorf(s, "name '"+name+"' is parameter and "+word)
		case y.flags&symAssigned != 0 && y.flags&(symGlobal|symNonlocal) == 0:
			r.errorf(s, "name '"+name+"' is assigned to before "+word+" declaration")
		case y.flags&symUsed != 0 && y.flags&(symGlobal|symNonlocal) == 0:
			r.errorf(s, "name '"+name+"' is used prior to "+word+" declaration")
		}
	}
	y = r.cur.sym(name, s.NodeSpan().Start)
	y.flags |= flag
}

func (r *resolver) inScope(s *scope, f func()) {
	saved := r.cur
	r.cur = s
	f()
	r.cur = saved
}

func (r *resolver) defaults(a *ast.Arguments) {
	if a == nil {
		return
	}
	r.exprs(a.Defaults)
	for _, d := range a.KwDefaults {
		if d != nil {
			r.expr(d)
		}
	}
	all := append(append(append([]*ast.Arg{}, a.PosOnly...), a.Args...), a.KwOnly...)
	if a.Vararg != nil {
		all = append(all, a.Vararg)
	}
	if a.Kwarg != nil {
		all = append(all, a.Kwarg)
	}
	for _, p := range all {
		if p.Annotation != nil {
			r.expr(p.Annotation)
		}
	}
}

func (r *resolver) params(a *ast.Arguments) {
	if a == nil {
		return
	}
	add := func(p *ast.Arg) {
		y := r.cur.sym(p.Name, p.Span.Start)
		y.flags |= symParam | symAssigned
		r.cur.params = append(r.cur.params, p.Name)
	}
	for _, p := range a.PosOnly {
		add(p)
	}
	for _, p := range a.Args {
		add(p)
	}
	for _, p := range a.KwOnly {
		add(p)
	}
	if a.Vararg != nil {
		add(a.Vararg)
	}
	if a.Kwarg != nil {
		add(a.Kwarg)
	}
}

// awaitHere records an await-like construct in the current scope and
// reports CPython's error where it is not allowed. At module level it is
// aio's top-level await.
func (r *resolver) awaitHere(n ast.Node, msg string) {
	s := r.cur
	switch s.kind {
	case scopeModule:
		s.hasAwait = true
		return
	case scopeClass:
		if strings.HasPrefix(msg, "'await'") {
			msg = "'await' outside function"
		}
		r.errorf(n, msg)
		return
	case scopeComprehension:
		// An await in a comprehension makes it asynchronous; allowed only
		// where its enclosing function may await, or in a generator
		// expression, which becomes an async generator expression.
		s.hasAwait = true
		if s.isGenerator {
			return
		}
		// The error names the outermost of the nested comprehensions
		// that the await makes asynchronous, as CPython's does.
		outer := s
		for p := s.parent; p != nil; p = p.parent {
			if p.kind == scopeComprehension {
				if p.isGenerator {
					p.hasAwait = true
					return
				}
				outer = p
				continue
			}
			if p.kind == scopeModule {
				p.hasAwait = true
				return
			}
			if p.kind == scopeFunction && p.isAsync {
				return
			}
			break
		}
		r.errorf(outer.node, "asynchronous comprehension outside of an asynchronous function")
		return
	}
	if !s.isAsync {
		r.errorf(n, msg)
		return
	}
	s.hasAwait = true
}

func (r *resolver) exprs(list []ast.Expr) {
	for _, e := range list {
		r.expr(e)
	}
}

// target resolves an assignment (or del) target.
func (r *resolver) target(t ast.Expr) {
	switch t := t.(type) {
	case *ast.Name:
		r.bind(t.Id, t)
	case *ast.Tuple:
		for _, e := range t.Elts {
			r.target(e)
		}
	case *ast.List:
		for _, e := range t.Elts {
			r.target(e)
		}
	case *ast.Starred:
		r.target(t.Value)
	case *ast.Attribute:
		r.expr(t.Value)
	case *ast.Subscript:
		r.expr(t.Value)
		r.expr(t.Index)
	default:
		r.expr(t)
	}
}

func (r *resolver) expr(e ast.Expr) {
	switch e := e.(type) {
	case nil:
	case *ast.Name:
		r.use(e.Id, e)
	case *ast.Constant:
	case *ast.JoinedStr:
		r.exprs(e.Values)
	case *ast.FormattedValue:
		r.expr(e.Value)
		if e.FormatSpec != nil {
			r.expr(e.FormatSpec)
		}
	case *ast.BinOp:
		r.expr(e.Left)
		r.expr(e.Right)
	case *ast.UnaryOp:
		r.expr(e.Operand)
	case *ast.BoolOp:
		r.exprs(e.Values)
	case *ast.Compare:
		r.expr(e.Left)
		r.exprs(e.Comparators)
	case *ast.Call:
		r.expr(e.Func)
		r.exprs(e.Args)
		for _, k := range e.Keywords {
			r.expr(k.Value)
		}
	case *ast.Attribute:
		r.expr(e.Value)
	case *ast.Subscript:
		r.expr(e.Value)
		r.expr(e.Index)
	case *ast.Slice:
		r.expr(e.Lower)
		r.expr(e.Upper)
		r.expr(e.Step)
	case *ast.Starred:
		r.expr(e.Value)
	case *ast.Tuple:
		r.exprs(e.Elts)
	case *ast.List:
		r.exprs(e.Elts)
	case *ast.Set:
		r.exprs(e.Elts)
	case *ast.Dict:
		for i, k := range e.Keys {
			if k != nil {
				r.expr(k)
			}
			r.expr(e.Values[i])
		}
	case *ast.ListComp:
		r.comprehension(e, "<listcomp>", e.Generators, e.Elt, nil)
	case *ast.SetComp:
		r.comprehension(e, "<setcomp>", e.Generators, e.Elt, nil)
	case *ast.DictComp:
		r.comprehension(e, "<dictcomp>", e.Generators, e.Key, e.Value)
	case *ast.GeneratorExp:
		r.comprehension(e, "<genexpr>", e.Generators, e.Elt, nil)
	case *ast.IfExp:
		r.expr(e.Test)
		r.expr(e.Body)
		r.expr(e.OrElse)
	case *ast.Lambda:
		r.defaults(e.Args)
		ls := r.newScope(scopeFunction, "<lambda>", e)
		r.inScope(ls, func() {
			r.params(e.Args)
			r.expr(e.Body)
		})
	case *ast.Await:
		r.awaitHere(e, "'await' outside async function")
		r.expr(e.Value)
	case *ast.Yield:
		r.yieldHere(e)
		r.expr(e.Value)
	case *ast.YieldFrom:
		r.yieldHere(e)
		r.expr(e.Value)
	case *ast.NamedExpr:
		r.expr(e.Value)
		// In a comprehension, the walrus binds in the enclosing function.
		s := r.cur
		for s.kind == scopeComprehension {
			y := s.syms[e.Target.Id]
			if y != nil && y.flags&symAssigned != 0 && y.flags&symParam == 0 && s == r.cur {
				// Rebinding a comprehension iteration variable.
				if y.flags&symGlobal == 0 {
					r.errorf(e, "assignment expression cannot rebind comprehension iteration variable '"+e.Target.Id+"'")
					return
				}
			}
			s = s.parent
		}
		if s != r.cur {
			if s.kind == scopeClass {
				r.errorf(e, "assignment expression within a comprehension cannot be used in a class body")
				return
			}
			y := s.sym(e.Target.Id, e.Target.Span.Start)
			y.flags |= symAssigned
			// Make the comprehension scopes see it as free (or global at
			// module level).
			for c := r.cur; c != s; c = c.parent {
				cy := c.sym(e.Target.Id, e.Target.Span.Start)
				if s.kind == scopeModule {
					cy.flags |= symGlobal
				} else {
					cy.flags |= symNonlocal
				}
			}
			return
		}
		r.bind(e.Target.Id, e.Target)
	}
}

func (r *resolver) yieldHere(e ast.Expr) {
	if !r.cur.isFunctionLike() {
		r.errorf(e, "'yield' outside function")
		return
	}
	if r.cur.kind == scopeComprehension {
		r.errorf(e, "'yield' inside "+comprehensionWord(r.cur.name))
		return
	}
	r.cur.isGenerator = true
}

func comprehensionWord(name string) string {
	switch name {
	case "<listcomp>":
		return "list comprehension"
	case "<setcomp>":
		return "set comprehension"
	case "<dictcomp>":
		return "dict comprehension"
	}
	return "generator expression"
}

// comprehension resolves a comprehension: its first iterable belongs to
// the enclosing scope, everything else to a new function-like scope whose
// single parameter ".0" is the first iterator.
func (r *resolver) comprehension(n ast.Expr, name string, gens []*ast.Comprehension, elt, val ast.Expr) {
	r.expr(gens[0].Iter)
	cs := r.newScope(scopeComprehension, name, n)
	if name == "<genexpr>" {
		cs.isGenerator = true
	}
	r.inScope(cs, func() {
		y := cs.sym(".0", n.NodeSpan().Start)
		y.flags |= symParam | symAssigned
		cs.params = append(cs.params, ".0")
		for i, g := range gens {
			if g.IsAsync {
				r.awaitHere(g, "asynchronous comprehension outside of an asynchronous function")
			}
			if i > 0 {
				r.expr(g.Iter)
			}
			r.target(g.Target)
			r.exprs(g.Ifs)
		}
		r.expr(elt)
		if val != nil {
			r.expr(val)
		}
	})
}

// analyze classifies the names of s given the names bound in enclosing
// function scopes, and returns the names free in s (to be provided by an
// enclosing scope).
func (r *resolver) analyze(s *scope, bound map[string]bool) map[string]bool {
	for _, name := range s.order {
		y := s.syms[name]
		switch {
		case y.flags&symGlobal != 0:
			y.kind = bindGlobalExplicit
		case y.flags&symNonlocal != 0:
			if !bound[name] {
				if r.err == nil {
					r.err = parser.NewSyntaxError(r.filename, r.src, "SyntaxError", "no binding for nonlocal '"+name+"' found", y.pos, y.pos)
				}
			}
			y.kind = bindFree
		case y.flags&symAssigned != 0:
			if s.kind == scopeModule {
				y.kind = bindGlobalImplicit
			} else if s.kind == scopeClass {
				y.kind = bindName
			} else {
				y.kind = bindLocal
			}
		case bound[name] && s.kind != scopeModule:
			y.kind = bindFree
		default:
			if s.kind == scopeClass {
				y.kind = bindName
			} else {
				y.kind = bindGlobalImplicit
			}
		}
	}
	// Names bound here become visible to inner functions (not for classes
	// or the module, whose names are reached by name lookup instead).
	inner := bound
	if s.isFunctionLike() {
		inner = map[string]bool{}
		for k := range bound {
			inner[k] = true
		}
		for _, name := range s.order {
			y := s.syms[name]
			if y.kind == bindLocal || y.kind == bindFree {
				inner[name] = true
			}
			if y.kind == bindGlobalExplicit || y.kind == bindGlobalImplicit {
				delete(inner, name)
			}
		}
	}
	if s.kind == scopeClass {
		inner = map[string]bool{}
		for k := range bound {
			inner[k] = true
		}
		inner["__class__"] = true
	}
	free := map[string]bool{}
	for _, c := range s.children {
		if c.needsClass && s.kind == scopeClass {
			// A method using super() reads the implicit __class__ cell.
			y := c.sym("__class__", ast.Pos{})
			y.flags |= symUsed
		}
		childFree := r.analyze(c, inner)
		for name := range childFree {
			if s.kind == scopeClass && name == "__class__" {
				s.hasClassCell = true
				continue
			}
			y := s.syms[name]
			switch {
			case y != nil && y.kind == bindLocal:
				y.kind = bindCell
			case y != nil && y.kind == bindCell:
			case y != nil && (y.kind == bindFree):
				free[name] = true
			default:
				// Pass-through: free here too.
				if y == nil {
					y = s.sym(name, ast.Pos{})
				}
				if y.kind == bindName && s.kind == scopeClass {
					// The class's own binding does not satisfy the inner
					// function; it reads the enclosing function's cell.
					y.flags |= symUsed
				}
				if s.kind == scopeClass && y.flags&symAssigned != 0 {
					s.passThrough(name)
				} else {
					y.kind = bindFree
				}
				free[name] = true
			}
		}
	}
	for _, name := range s.order {
		if s.syms[name].kind == bindFree {
			free[name] = true
		}
	}
	s.finish()
	return free
}

// passThrough records a free variable of a class body that the class also
// binds locally: the class keeps its namespace binding while its methods
// see the enclosing function's cell.
func (s *scope) passThrough(name string) {
	s.frees = append(s.frees, name)
}

// finish assigns slots: fast locals (parameters first), cells and frees.
func (s *scope) finish() {
	if s.isFunctionLike() {
		seen := map[string]bool{}
		for _, p := range s.params {
			if !seen[p] {
				s.locals = append(s.locals, p)
				seen[p] = true
			}
		}
		for _, name := range s.order {
			y := s.syms[name]
			if y.kind == bindLocal && !seen[name] {
				s.locals = append(s.locals, name)
				seen[name] = true
			}
		}
	}
	var cells, frees []string
	for _, name := range s.order {
		switch s.syms[name].kind {
		case bindCell:
			cells = append(cells, name)
		case bindFree:
			frees = append(frees, name)
		}
	}
	if s.hasClassCell {
		cells = append(cells, "__class__")
	}
	sort.Strings(cells)
	frees = append(frees, s.frees...)
	sort.Strings(frees)
	s.cells = dedupe(cells)
	s.frees = dedupe(frees)
}

func dedupe(xs []string) []string {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}
