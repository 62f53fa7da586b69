package ast

// This file defines the operator enumerations and their source spellings.

// Operator is a binary arithmetic or bitwise operator.
type Operator int

// The binary operators, in no particular order.
const (
	Add Operator = iota
	Sub
	Mult
	MatMult
	Div
	FloorDiv
	Mod
	Pow
	LShift
	RShift
	BitOr
	BitXor
	BitAnd
)

var operatorText = [...]string{"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "|", "^", "&"}

// String returns the operator as written in source, e.g. "//".
func (op Operator) String() string { return operatorText[op] }

// UnaryOperator is a prefix operator.
type UnaryOperator int

// The unary operators.
const (
	UAdd   UnaryOperator = iota // +x
	USub                        // -x
	Invert                      // ~x
	Not                         // not x
)

var unaryText = [...]string{"+", "-", "~", "not"}

// String returns the operator as written in source.
func (op UnaryOperator) String() string { return unaryText[op] }

// BoolOperator is `and` or `or`.
type BoolOperator int

// The boolean operators.
const (
	And BoolOperator = iota
	Or
)

// String returns "and" or "or".
func (op BoolOperator) String() string {
	if op == And {
		return "and"
	}
	return "or"
}

// CmpOp is a comparison operator.
type CmpOp int

// The comparison operators.
const (
	Eq CmpOp = iota
	NotEq
	Lt
	LtE
	Gt
	GtE
	Is
	IsNot
	In
	NotIn
)

var cmpText = [...]string{"==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"}

// String returns the operator as written in source, e.g. "not in".
func (op CmpOp) String() string { return cmpText[op] }
