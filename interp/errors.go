package interp

// This file defines how script failures reach Go (the Error type) and how
// Go errors reach scripts (exceptions raised by host functions).

import (
	"context"
	"errors"
	"io"
	"os"

	"github.com/aio-lang/aio/parser"
	"github.com/aio-lang/aio/runtime"
)

// Error is an exception that a script raised and did not handle, as
// returned by Run, Exec, Eval and Call. Syntax errors are returned as
// *parser.SyntaxError instead, and bugs in aio as *InternalError.
//
// Unwrap returns the Go error behind the exception, when there is one:
// the error a host function returned (so errors.Is sees through the
// script), the context's error when the context stopped the script, or
// ErrStepLimit.
type Error struct {
	// Type is the exception's class as a traceback names it: "ValueError",
	// "asyncio.exceptions.CancelledError", a script's "MyError".
	Type string
	// Message is str() of the exception (empty when it has no arguments).
	Message string
	// Traceback is the text CPython would print for the exception:
	// "Traceback (most recent call last):", the frames with their source
	// lines, chained exceptions, and the final "Type: message" line.
	Traceback string
	// Exception is the exception object. It belongs to the interpreter
	// that raised it: use it only on that interpreter's goroutine.
	Exception *runtime.Exception
	// ExitStatus is the status CPython's process would exit with: the
	// code of SystemExit (0 for None; for a code that is not an int,
	// Traceback holds the text CPython writes and the status is 1), 130
	// for KeyboardInterrupt, 1 for any other exception.
	ExitStatus int

	cause error
}

// Error returns "Type: message", the last line of the traceback.
func (e *Error) Error() string {
	if e.Message == "" {
		return e.Type
	}
	return e.Type + ": " + e.Message
}

// Unwrap returns the underlying Go error, or nil.
func (e *Error) Unwrap() error { return e.cause }

// ExitCode reports whether the script stopped by raising SystemExit
// (sys.exit(), exit()) and the status a process would exit with: 0 for
// no argument or None, the int argument, 1 for anything else.
func (e *Error) ExitCode() (code int, ok bool) {
	if e.Exception == nil || !e.Exception.Class.IsSubtype(runtime.SystemExit) {
		return 0, false
	}
	switch args := e.Exception.Args; {
	case len(args) == 0 || len(args) == 1 && args[0].IsNone():
		return 0, true
	case len(args) == 1 && args[0].IsSmallInt():
		return int(args[0].SmallInt()), true
	}
	return 1, true
}

// ErrStepLimit is the error under a script failure caused by
// Options.MaxSteps (errors.Is(err, ErrStepLimit)).
var ErrStepLimit = errors.New("aio: execution step limit exceeded")

// InterruptedType is the class of the exception that stops a script when
// its context is done, or when it keeps running after the step limit.
// It derives from BaseException and is not a builtin name; it is raised
// again at every instruction, so no handler can keep the script running.
var InterruptedType = newExceptionType("builtins", "Interrupted", runtime.BaseException)

// NewExceptionType makes an exception class for host functions to raise
// (with RaiseAs) and scripts to catch (exposed as a global or a host
// module member). module is the name tracebacks qualify it with ("shop"
// gives "shop.OutOfStock"); base is runtime.ExceptionType or another
// exception class. The class is immutable and may be shared by any
// number of interpreters.
func NewExceptionType(module, name string, base *runtime.Type) *runtime.Type {
	return newExceptionType(module, name, base)
}

func newExceptionType(module, name string, base *runtime.Type) *runtime.Type {
	if base == nil {
		base = runtime.ExceptionType
	}
	t := runtime.NewType(name, base)
	t.Module = module
	t.ExcBase = true
	t.New = runtime.BaseException.New
	return t
}

// raiseAs is the error made by RaiseAs.
type raiseAs struct {
	class *runtime.Type
	err   error
}

func (r *raiseAs) Error() string { return r.err.Error() }
func (r *raiseAs) Unwrap() error { return r.err }

// RaiseAs wraps err so that, returned by a host function, it raises an
// exception of class (runtime.ValueError, runtime.KeyError, a class made
// by NewExceptionType...) with err's message. errors.Is and errors.As
// still see err, in the host function's caller and in the *Error a Go
// caller gets if the script does not handle the exception.
//
// Without RaiseAs a returned error raises RuntimeError, except that
// context.DeadlineExceeded raises TimeoutError, context.Canceled raises
// asyncio.CancelledError, os.ErrNotExist FileNotFoundError and
// os.ErrPermission PermissionError, and a *runtime.Exception (or an *Error
// from a nested call) is raised as it is.
func RaiseAs(class *runtime.Type, err error) error {
	if err == nil {
		return nil
	}
	return &raiseAs{class: class, err: err}
}

// exceptionFromError turns an error returned by a host function into the
// exception the script sees. defaultClass is used for plain errors.
func exceptionFromError(err error, defaultClass *runtime.Type) *runtime.Exception {
	var exc *runtime.Exception
	if errors.As(err, &exc) {
		return exc
	}
	var se *Error
	if errors.As(err, &se) && se.Exception != nil {
		return se.Exception
	}
	class := defaultClass
	var ra *raiseAs
	switch {
	case errors.As(err, &ra):
		class = ra.class
	case errors.Is(err, context.DeadlineExceeded):
		class = runtime.TimeoutError
	case errors.Is(err, context.Canceled):
		class = runtime.CancelledError
	case errors.Is(err, os.ErrNotExist):
		class = runtime.FileNotFoundError
	case errors.Is(err, os.ErrPermission):
		class = runtime.PermissionError
	}
	if class == nil || !class.ExcBase {
		class = runtime.RuntimeError
	}
	exc = runtime.NewException(class, runtime.Str(err.Error()))
	exc.GoErr = err
	return exc
}

// goErrorOf returns the Go error carried by exc or the exceptions it was
// raised from or during (__cause__, __context__).
func goErrorOf(exc *runtime.Exception) error {
	for i := 0; exc != nil && i < 64; i++ {
		if d, ok := exc.GoErr.(*runtime.Deadlock); ok {
			return deadlockError(d) // callgraph.go
		}
		if exc.GoErr != nil {
			return exc.GoErr
		}
		if exc.Cause != nil {
			exc = exc.Cause
		} else {
			exc = exc.Context
		}
	}
	return nil
}

// chainContains reports whether target is exc or in its cause/context chain.
func chainContains(exc, target *runtime.Exception) bool {
	for i := 0; exc != nil && i < 64; i++ {
		if exc == target {
			return true
		}
		if exc.Cause != nil {
			exc = exc.Cause
		} else {
			exc = exc.Context
		}
	}
	return false
}

// apiError converts an error from running script code into what the
// embedding API returns: *parser.SyntaxError and *InternalError as they
// are, exceptions as *Error with their traceback and Go cause.
func (in *Interp) apiError(err error) error {
	if err == nil {
		return nil
	}
	var se *parser.SyntaxError
	if errors.As(err, &se) {
		return se
	}
	var ie *InternalError
	if errors.As(err, &ie) {
		return ie
	}
	var already *Error
	if errors.As(err, &already) {
		return already
	}
	exc, ok := err.(*runtime.Exception)
	if !ok {
		return err
	}
	e := &Error{
		Type:      exc.Class.QualNameForTraceback(),
		Message:   exc.Message(),
		Exception: exc,
	}
	e.ExitStatus, e.Traceback = in.exitOf(exc)
	switch {
	case exc.Class == InterruptedType && in.host.stop.Load() != nil:
		e.cause = in.host.stop.Load().cause
	case in.host.stepExc != nil && chainContains(exc, in.host.stepExc):
		e.cause = ErrStepLimit
	default:
		e.cause = goErrorOf(exc)
	}
	return e
}

// exitOf is how CPython's process ends on the uncaught exc: its exit
// status, and what it writes to standard error (the traceback, or for
// SystemExit the text of a code that is not an int).
func (in *Interp) exitOf(exc *runtime.Exception) (int, string) {
	if !exc.Class.IsSubtype(runtime.SystemExit) {
		if exc.Class.IsSubtype(runtime.KeyboardInterrupt) {
			return 130, in.FormatException(exc)
		}
		return 1, in.FormatException(exc)
	}
	var code runtime.Value = runtime.None
	if len(exc.Args) == 1 {
		code = exc.Args[0]
	} else if len(exc.Args) > 1 {
		code = runtime.TupleOf(exc.Args...)
	}
	switch {
	case code.IsNone():
		return 0, ""
	case code.IsSmallInt():
		return int(code.SmallInt()) & 0xff, ""
	}
	s, _ := runtime.ToStr(in.th, code)
	return 1, s + "\n"
}

// writeExit writes what CPython writes to standard error when a
// program ends with err (execMain's result) and returns the process
// exit status.
func (in *Interp) writeExit(err error, w io.Writer) int {
	if err == nil {
		return 0
	}
	var se *parser.SyntaxError
	if errors.As(err, &se) {
		io.WriteString(w, se.Error()+"\n")
		return 1
	}
	var ie *InternalError
	if errors.As(err, &ie) {
		io.WriteString(w, ie.Error()+"\n"+ie.Stack+"\n")
		return 70
	}
	exc := runtime.AsException(err)
	status, text := in.exitOf(exc)
	if !exc.Class.IsSubtype(runtime.SystemExit) {
		writeDeadlockReport(w, exc) // callgraph.go
	}
	io.WriteString(w, text)
	return status
}
