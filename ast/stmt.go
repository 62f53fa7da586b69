package ast

// This file defines the statement nodes and the pieces they share
// (parameters, exception handlers, with-items, import aliases).

// ExprStmt is an expression evaluated for its effect.
type ExprStmt struct {
	Span
	Value Expr
}

// Assign is `Targets[0] = Targets[1] = ... = Value`.
type Assign struct {
	Span
	Targets []Expr
	Value   Expr
}

// AugAssign is `Target Op= Value`.
type AugAssign struct {
	Span
	Target Expr
	Op     Operator
	Value  Expr
}

// AnnAssign is `Target: Annotation = Value` (Value may be nil). The
// annotation is parsed and ignored at run time except for being evaluated
// at module and class level, as in Python.
type AnnAssign struct {
	Span
	Target     Expr
	Annotation Expr
	Value      Expr
}

// Arg is one parameter name with its optional annotation.
type Arg struct {
	Span
	Name       string
	Annotation Expr
}

// Arguments is a parameter list. Defaults holds the defaults of the last
// len(Defaults) entries of PosOnly+Args; KwDefaults is parallel to KwOnly
// with nil for parameters that have no default.
type Arguments struct {
	Span
	PosOnly    []*Arg
	Args       []*Arg
	Vararg     *Arg
	KwOnly     []*Arg
	KwDefaults []Expr
	Kwarg      *Arg
	Defaults   []Expr
}

// FunctionDef is `def` or `async def`.
type FunctionDef struct {
	Span
	Name       string
	Args       *Arguments
	Body       []Stmt
	Decorators []Expr
	Returns    Expr
	IsAsync    bool
}

// ClassDef is a class statement.
type ClassDef struct {
	Span
	Name       string
	Bases      []Expr
	Keywords   []*Keyword
	Body       []Stmt
	Decorators []Expr
}

// Return is `return Value` (Value may be nil).
type Return struct {
	Span
	Value Expr
}

// Delete is `del Targets...`.
type Delete struct {
	Span
	Targets []Expr
}

// If is `if Test: Body else: OrElse`; an elif is an If alone in OrElse.
type If struct {
	Span
	Test   Expr
	Body   []Stmt
	OrElse []Stmt
}

// While is `while Test: Body else: OrElse`.
type While struct {
	Span
	Test   Expr
	Body   []Stmt
	OrElse []Stmt
}

// For is `for Target in Iter: Body else: OrElse`, or `async for`.
type For struct {
	Span
	Target  Expr
	Iter    Expr
	Body    []Stmt
	OrElse  []Stmt
	IsAsync bool
}

// WithItem is `ContextExpr as OptionalVars` in a with statement.
type WithItem struct {
	Span
	ContextExpr  Expr
	OptionalVars Expr
}

// With is `with` or `async with`.
type With struct {
	Span
	Items   []*WithItem
	Body    []Stmt
	IsAsync bool
}

// Raise is `raise Exc from Cause`; both may be nil (bare re-raise).
type Raise struct {
	Span
	Exc   Expr
	Cause Expr
}

// ExceptHandler is `except Type as Name: Body`; Type nil means bare except.
type ExceptHandler struct {
	Span
	Type Expr
	Name string
	Body []Stmt
}

// Try is try/except/else/finally; Star marks a try whose handlers are
// except* clauses (CPython's TryStar).
type Try struct {
	Span
	Body      []Stmt
	Handlers  []*ExceptHandler
	OrElse    []Stmt
	Finalbody []Stmt
	Star      bool
}

// Assert is `assert Test, Msg` (Msg may be nil).
type Assert struct {
	Span
	Test Expr
	Msg  Expr
}

// Alias is `Name as AsName` in an import; AsName may be "".
type Alias struct {
	Span
	Name   string
	AsName string
}

// Import is `import a.b as c, d`.
type Import struct {
	Span
	Names []*Alias
}

// ImportFrom is `from Module import names`; Level counts leading dots.
// Names holds a single alias named "*" for `import *`.
type ImportFrom struct {
	Span
	Module string
	Names  []*Alias
	Level  int
}

// Global is `global Names...`.
type Global struct {
	Span
	Names []string
}

// Nonlocal is `nonlocal Names...`.
type Nonlocal struct {
	Span
	Names []string
}

// Pass is `pass`.
type Pass struct{ Span }

// Break is `break`.
type Break struct{ Span }

// Continue is `continue`.
type Continue struct{ Span }

func (*ExprStmt) stmtNode()    {}
func (*Assign) stmtNode()      {}
func (*AugAssign) stmtNode()   {}
func (*AnnAssign) stmtNode()   {}
func (*FunctionDef) stmtNode() {}
func (*ClassDef) stmtNode()    {}
func (*Return) stmtNode()      {}
func (*Delete) stmtNode()      {}
func (*If) stmtNode()          {}
func (*While) stmtNode()       {}
func (*For) stmtNode()         {}
func (*With) stmtNode()        {}
func (*Raise) stmtNode()       {}
func (*Try) stmtNode()         {}
func (*Assert) stmtNode()      {}
func (*Import) stmtNode()      {}
func (*ImportFrom) stmtNode()  {}
func (*Global) stmtNode()      {}
func (*Nonlocal) stmtNode()    {}
func (*Pass) stmtNode()        {}
func (*Break) stmtNode()       {}
func (*Continue) stmtNode()    {}
