package pyfmt

// Error is a failure that CPython reports as an exception. Type is the
// exception class name ("ValueError", "OverflowError", "MemoryError"),
// and Error() returns CPython's exact message.
type Error struct {
	Type string
	Msg  string
}

// Error returns the exception message.
func (e *Error) Error() string { return e.Msg }

// valueError builds a ValueError.
func valueError(msg string) *Error { return &Error{Type: "ValueError", Msg: msg} }

// overflowError builds an OverflowError.
func overflowError(msg string) *Error { return &Error{Type: "OverflowError", Msg: msg} }

// memoryError builds a MemoryError (CPython's message is empty).
func memoryError() *Error { return &Error{Type: "MemoryError"} }

// maxOutput bounds the length of a formatted result; a request beyond it
// fails with MemoryError instead of exhausting the Go heap.
const maxOutput = 1 << 30
