package ast

// This file defines the expression nodes.

// ConstKind says which kind of literal a Constant holds.
type ConstKind int

// The kinds of Constant.
const (
	ConstNone     ConstKind = iota // None
	ConstTrue                      // True
	ConstFalse                     // False
	ConstEllipsis                  // ...
	ConstInt                       // integer literal; Text holds its digits in base 10
	ConstFloat                     // float literal; Float holds its value
	ConstStr                       // string literal (after escapes and concatenation); Text holds it
	ConstBytes                     // bytes literal; Text holds its bytes (any values)
	ConstImag                      // imaginary literal such as 2j; Float holds its imaginary part
)

// Constant is a literal: None, True, False, ..., a number or a string.
// Integers are kept exact as base-10 text (any size); the interpreter
// converts them once, when it builds the constant pool.
type Constant struct {
	Span
	Kind  ConstKind
	Text  string  // ConstInt: decimal digits (with leading '-' never); ConstStr: the string's value
	Float float64 // ConstFloat
}

// Name is an identifier used as a value or an assignment target.
type Name struct {
	Span
	Id string
}

// JoinedStr is an f-string: a sequence of Constant (string) and
// FormattedValue parts, concatenated at run time.
type JoinedStr struct {
	Span
	Values []Expr
}

// FormattedValue is one `{expr!conv:spec}` field of an f-string.
type FormattedValue struct {
	Span
	Value      Expr
	Conversion rune // 0, 'r', 's' or 'a'
	FormatSpec *JoinedStr
}

// BinOp is a binary operator application `Left Op Right`.
type BinOp struct {
	Span
	Left  Expr
	Op    Operator
	Right Expr
}

// UnaryOp is `Op Operand` for `-`, `+`, `~` and `not`.
type UnaryOp struct {
	Span
	Op      UnaryOperator
	Operand Expr
}

// BoolOp is `a and b and c` or `a or b or c`: Values has two or more items.
type BoolOp struct {
	Span
	Op     BoolOperator
	Values []Expr
}

// Compare is a chained comparison `Left Ops[0] Comparators[0] Ops[1] ...`.
type Compare struct {
	Span
	Left        Expr
	Ops         []CmpOp
	Comparators []Expr
}

// Call is `Func(Args..., Keywords...)`. A `*x` argument appears in Args as a
// Starred; a `**x` argument appears in Keywords with an empty Arg.
type Call struct {
	Span
	Func     Expr
	Args     []Expr
	Keywords []*Keyword
}

// Keyword is a keyword argument `Arg=Value`, or `**Value` when Arg is "".
type Keyword struct {
	Span
	Arg   string
	Value Expr
}

// Attribute is `Value.Attr`.
type Attribute struct {
	Span
	Value Expr
	Attr  string
}

// Subscript is `Value[Index]`; Index may be a Slice or a Tuple of them.
type Subscript struct {
	Span
	Value Expr
	Index Expr
}

// Slice is `Lower:Upper:Step` inside a subscript; each part may be nil.
type Slice struct {
	Span
	Lower, Upper, Step Expr
}

// Starred is `*Value` in a call, a display, or an assignment target.
type Starred struct {
	Span
	Value Expr
}

// Tuple is a tuple display `a, b` or `(a, b)`. Parens records whether the
// source wrapped it in parentheses.
type Tuple struct {
	Span
	Elts   []Expr
	Parens bool
}

// List is a list display `[a, b]`.
type List struct {
	Span
	Elts []Expr
}

// Set is a set display `{a, b}`.
type Set struct {
	Span
	Elts []Expr
}

// Dict is a dict display `{k: v, **m}`: a nil key means `**Values[i]`.
type Dict struct {
	Span
	Keys   []Expr
	Values []Expr
}

// Comprehension is one `for Target in Iter if Ifs...` clause.
type Comprehension struct {
	Span
	Target  Expr
	Iter    Expr
	Ifs     []Expr
	IsAsync bool
}

// ListComp is `[Elt for ...]`.
type ListComp struct {
	Span
	Elt        Expr
	Generators []*Comprehension
}

// SetComp is `{Elt for ...}`.
type SetComp struct {
	Span
	Elt        Expr
	Generators []*Comprehension
}

// DictComp is `{Key: Value for ...}`.
type DictComp struct {
	Span
	Key, Value Expr
	Generators []*Comprehension
}

// GeneratorExp is `(Elt for ...)`.
type GeneratorExp struct {
	Span
	Elt        Expr
	Generators []*Comprehension
}

// IfExp is the conditional expression `Body if Test else OrElse`.
type IfExp struct {
	Span
	Test, Body, OrElse Expr
}

// Lambda is `lambda Args: Body`.
type Lambda struct {
	Span
	Args *Arguments
	Body Expr
}

// Await is `await Value`.
type Await struct {
	Span
	Value Expr
}

// Yield is `yield Value` (Value may be nil). Extended level.
type Yield struct {
	Span
	Value Expr
}

// YieldFrom is `yield from Value`. Extended level.
type YieldFrom struct {
	Span
	Value Expr
}

// NamedExpr is the walrus `Target := Value`.
type NamedExpr struct {
	Span
	Target *Name
	Value  Expr
}

func (*Constant) exprNode()       {}
func (*Name) exprNode()           {}
func (*JoinedStr) exprNode()      {}
func (*FormattedValue) exprNode() {}
func (*BinOp) exprNode()          {}
func (*UnaryOp) exprNode()        {}
func (*BoolOp) exprNode()         {}
func (*Compare) exprNode()        {}
func (*Call) exprNode()           {}
func (*Attribute) exprNode()      {}
func (*Subscript) exprNode()      {}
func (*Slice) exprNode()          {}
func (*Starred) exprNode()        {}
func (*Tuple) exprNode()          {}
func (*List) exprNode()           {}
func (*Set) exprNode()            {}
func (*Dict) exprNode()           {}
func (*ListComp) exprNode()       {}
func (*SetComp) exprNode()        {}
func (*DictComp) exprNode()       {}
func (*GeneratorExp) exprNode()   {}
func (*IfExp) exprNode()          {}
func (*Lambda) exprNode()         {}
func (*Await) exprNode()          {}
func (*Yield) exprNode()          {}
func (*YieldFrom) exprNode()      {}
func (*NamedExpr) exprNode()      {}
