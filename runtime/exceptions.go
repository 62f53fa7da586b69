package runtime

// This file defines exceptions: the Exception object, the built-in
// exception classes and their hierarchy, and constructors used by Go code.

import (
	"fmt"
	"strings"
)

// TraceEntry is one line of a traceback: a frame that an exception passed
// through, innermost last.
type TraceEntry struct {
	Filename string
	Func     string
	Line     int
	// Col and EndCol (0-based, in code points) and EndLine delimit the
	// expression that was running, for 3.11's carets; zero if unknown.
	Col, EndLine, EndCol int
}

// Exception is an instance of BaseException or a subclass, built-in or
// user-defined. It implements error so that Go code can return it.
type Exception struct {
	Class           *Type
	Args            []Value
	Cause           *Exception
	Context         *Exception
	SuppressContext bool
	Traceback       []TraceEntry
	Dict            map[string]Value

	// Name and Obj are set by NameError and AttributeError so that the
	// traceback printer can suggest a similar name, as CPython 3.11 does.
	Name string
	Obj  Value
	// Scope lists the names visible where a NameError was raised.
	Scope []string
	// GoErr is the Go error the exception was made from, invisible to
	// scripts: the error a host function returned (so that the embedder
	// sees it through errors.Is), or the *Deadlock report of the loop.
	GoErr error
}

// Type returns the exception's class.
func (e *Exception) Type() *Type { return e.Class }

// Error returns "Type: message", the last line of a traceback.
func (e *Exception) Error() string {
	msg := e.Message()
	if msg == "" {
		return e.Class.QualNameForTraceback()
	}
	return e.Class.QualNameForTraceback() + ": " + msg
}

// QualNameForTraceback is the class name CPython prints in a traceback's
// last line: built-in and __main__ classes unqualified, others qualified.
func (t *Type) QualNameForTraceback() string {
	name := t.Name
	if t.Qual != "" {
		name = t.Qual
	}
	if t.Module == "builtins" || t.Module == "__main__" || t.Module == "" {
		return name
	}
	return t.Module + "." + name
}

// Message returns str(e) for the built-in __str__: empty with no args, the
// str of a single arg, the repr of the args tuple otherwise. KeyError
// shows the repr of its key.
func (e *Exception) Message() string {
	s, err := e.MessageOf(nil)
	if err != nil {
		return "<exception str() failed>"
	}
	return s
}

// MessageOf is Message computed on th (nil for none), whose recursion
// limit bounds the str of nested exceptions; it returns the error that
// str() of an argument raised.
func (e *Exception) MessageOf(th *Thread) (string, error) {
	if s, ok := syntaxMessage(th, e); ok {
		return s, nil
	}
	if e.Dict != nil && e.Class.IsSubtype(OSError) {
		if msg, ok, err := oserrorMessage(th, e); ok {
			return msg, err
		}
	}
	if e.Dict != nil && e.Class.IsSubtype(UnicodeError) {
		if msg, ok := unicodeErrorMessage(e); ok {
			return msg, nil
		}
	}
	switch len(e.Args) {
	case 0:
		return "", nil
	case 1:
		if e.Class.IsSubtype(KeyError) {
			return Repr(th, e.Args[0])
		}
		return ToStr(th, e.Args[0])
	}
	return Repr(th, Obj(NewTuple(e.Args)))
}

// Attr returns a user-set attribute or one of args, __cause__, __context__.
func (e *Exception) Attr(name string) (Value, bool) {
	if v, ok := e.Dict[name]; ok {
		return v, true
	}
	switch name {
	case "args":
		return Obj(NewTuple(append([]Value(nil), e.Args...))), true
	case "__cause__":
		return excOrNone(e.Cause), true
	case "__context__":
		return excOrNone(e.Context), true
	case "__suppress_context__":
		return MakeBool(e.SuppressContext), true
	case "__traceback__":
		return e.TracebackValue(), true
	case "code":
		if e.Class.IsSubtype(SystemExit) {
			switch len(e.Args) {
			case 0:
				return None, true
			case 1:
				return e.Args[0], true
			}
			return Obj(NewTuple(e.Args)), true
		}
	case "value":
		if e.Class.IsSubtype(StopIteration) {
			if len(e.Args) == 0 {
				return None, true
			}
			return e.Args[0], true
		}
	case "errno", "strerror", "filename", "filename2":
		if e.Class.IsSubtype(OSError) {
			return None, true
		}
	case "msg", "path":
		if e.Class.IsSubtype(ImportError) {
			return importErrorAttr(e, name)
		}
	case "name":
		if e.Class.IsSubtype(NameError) || e.Class.IsSubtype(AttributeError) || e.Class.IsSubtype(ImportError) {
			if e.Name == "" {
				return None, true
			}
			return Str(e.Name), true
		}
	}
	return Value{}, false
}

// TracebackType is the class of traceback objects.
var TracebackType = finalType("traceback")

// Traceback is the object behind e.__traceback__ (aio keeps the entries on
// the exception; this object only stands for them).
type Traceback struct{ Exc *Exception }

// Type returns TracebackType.
func (*Traceback) Type() *Type { return TracebackType }

// TracebackValue returns e.__traceback__: None until the exception has
// been raised through a frame.
func (e *Exception) TracebackValue() Value {
	if len(e.Traceback) == 0 {
		return None
	}
	return Obj(&Traceback{Exc: e})
}

func excOrNone(e *Exception) Value {
	if e == nil {
		return None
	}
	return Obj(e)
}

// SetAttrValue sets an attribute; args, __cause__ and __context__ are
// checked as CPython checks them.
func (e *Exception) SetAttrValue(name string, v Value) bool {
	switch name {
	case "args":
		if t, ok := v.obj.(*Tuple); ok {
			e.Args = append([]Value(nil), t.Items...)
			return true
		}
	case "__cause__":
		if c, ok := v.obj.(*Exception); ok {
			e.Cause = c
		} else {
			e.Cause = nil
		}
		e.SuppressContext = true
		return true
	case "__context__":
		if c, ok := v.obj.(*Exception); ok {
			e.Context = c
		} else {
			e.Context = nil
		}
		return true
	}
	if e.Dict == nil {
		e.Dict = map[string]Value{}
	}
	e.Dict[name] = v
	return true
}

// DelAttrValue deletes a user-set attribute.
func (e *Exception) DelAttrValue(name string) bool {
	if _, ok := e.Dict[name]; !ok {
		return false
	}
	delete(e.Dict, name)
	return true
}

// NewException creates an exception of class cls with the given args.
func NewException(cls *Type, args ...Value) *Exception {
	return &Exception{Class: cls, Args: args}
}

// Errorf creates an exception of class cls whose single argument is the
// formatted message.
func Errorf(cls *Type, format string, a ...any) *Exception {
	return &Exception{Class: cls, Args: []Value{Str(fmt.Sprintf(format, a...))}}
}

// AsException converts any Go error into an aio exception; errors that are
// not exceptions become RuntimeError (they indicate a bug in a built-in or
// a host function).
func AsException(err error) *Exception {
	if err == nil {
		return nil
	}
	if e, ok := err.(*Exception); ok {
		return e
	}
	if ee, ok := err.(interface{ Exception() *Exception }); ok {
		return ee.Exception()
	}
	return Errorf(RuntimeError, "%s", err.Error())
}

// IsInstance reports whether err is an exception of class cls.
func IsInstance(err error, cls *Type) bool {
	e, ok := err.(*Exception)
	return ok && e.Class.IsSubtype(cls)
}

func excType(name string, base *Type) *Type {
	t := NewType(name, base)
	t.ExcBase = true
	builtinExceptions = append(builtinExceptions, t)
	return t
}

// builtinExceptions lists the exception classes for the builtins module.
var builtinExceptions []*Type

// The built-in exception classes, in CPython 3.11's hierarchy.
var (
	BaseException       = excType("BaseException", ObjectType)
	SystemExit          = excType("SystemExit", BaseException)
	KeyboardInterrupt   = excType("KeyboardInterrupt", BaseException)
	GeneratorExit       = excType("GeneratorExit", BaseException)
	BaseExceptionGroup  = excType("BaseExceptionGroup", BaseException)
	ExceptionType       = excType("Exception", BaseException)
	ArithmeticError     = excType("ArithmeticError", ExceptionType)
	FloatingPointError  = excType("FloatingPointError", ArithmeticError)
	OverflowError       = excType("OverflowError", ArithmeticError)
	ZeroDivisionError   = excType("ZeroDivisionError", ArithmeticError)
	AssertionError      = excType("AssertionError", ExceptionType)
	AttributeError      = excType("AttributeError", ExceptionType)
	BufferError         = excType("BufferError", ExceptionType)
	EOFError            = excType("EOFError", ExceptionType)
	ExceptionGroup      = excType("ExceptionGroup", BaseExceptionGroup)
	ImportError         = excType("ImportError", ExceptionType)
	ModuleNotFoundError = excType("ModuleNotFoundError", ImportError)
	LookupError         = excType("LookupError", ExceptionType)
	IndexError          = excType("IndexError", LookupError)
	KeyError            = excType("KeyError", LookupError)
	MemoryError         = excType("MemoryError", ExceptionType)
	NameError           = excType("NameError", ExceptionType)
	UnboundLocalError   = excType("UnboundLocalError", NameError)
	OSError             = excType("OSError", ExceptionType)
	TimeoutError        = excType("TimeoutError", OSError)
	BlockingIOError     = excType("BlockingIOError", OSError)
	ChildProcessError   = excType("ChildProcessError", OSError)
	ConnectionError     = excType("ConnectionError", OSError)
	BrokenPipeError     = excType("BrokenPipeError", ConnectionError)
	ConnectionAborted   = excType("ConnectionAbortedError", ConnectionError)
	ConnectionRefused   = excType("ConnectionRefusedError", ConnectionError)
	ConnectionReset     = excType("ConnectionResetError", ConnectionError)
	FileExistsError     = excType("FileExistsError", OSError)
	FileNotFoundError   = excType("FileNotFoundError", OSError)
	InterruptedError    = excType("InterruptedError", OSError)
	IsADirectoryError   = excType("IsADirectoryError", OSError)
	NotADirectoryError  = excType("NotADirectoryError", OSError)
	PermissionError     = excType("PermissionError", OSError)
	ProcessLookupError  = excType("ProcessLookupError", OSError)
	ReferenceError      = excType("ReferenceError", ExceptionType)
	UnicodeDecodeError  = excType("UnicodeDecodeError", UnicodeError)
	UnicodeEncodeError  = excType("UnicodeEncodeError", UnicodeError)
	// UnicodeTranslateError is raised by nothing in aio (str.translate
	// never fails so); scripts define handlers for it.
	UnicodeTranslateError = excType("UnicodeTranslateError", UnicodeError)
	Warning               = excType("Warning", ExceptionType)
	UserWarning           = excType("UserWarning", Warning)
	DeprecationWarning    = excType("DeprecationWarning", Warning)
	RuntimeWarning        = excType("RuntimeWarning", Warning)
	RuntimeError          = excType("RuntimeError", ExceptionType)
	NotImplementedError   = excType("NotImplementedError", RuntimeError)
	RecursionError        = excType("RecursionError", RuntimeError)
	StopAsyncIteration    = excType("StopAsyncIteration", ExceptionType)
	StopIteration         = excType("StopIteration", ExceptionType)
	SyntaxErrorType       = excType("SyntaxError", ExceptionType)
	IndentationError      = excType("IndentationError", SyntaxErrorType)
	TabError              = excType("TabError", IndentationError)
	SystemError           = excType("SystemError", ExceptionType)
	TypeError             = excType("TypeError", ExceptionType)
	ValueError            = excType("ValueError", ExceptionType)
	UnicodeError          = excType("UnicodeError", ValueError)
)

func init() {
	BaseException.New = func(th *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
		if len(kw) > 0 && !cls.User {
			if cls.IsSubtype(ImportError) {
				return newImportError(cls, args, kw)
			}
			return Value{}, NoKeywords(cls.Name, kw)
		}
		if cls.IsSubtype(OSError) {
			return Obj(newOSError(cls, args)), nil
		}
		if n, _ := unicodeErrorParams(cls); n > 0 && !cls.User {
			e, err := newUnicodeError(cls, args)
			if err != nil {
				return Value{}, err
			}
			return Obj(e), nil
		}
		return Obj(&Exception{Class: cls, Args: append([]Value(nil), args...)}), nil
	}
	for _, t := range builtinExceptions {
		t.New = BaseException.New
	}
	BaseException.Methods(map[string]BuiltinFn{
		"__init__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if e, ok := self.obj.(*Exception); ok {
				e.Args = append([]Value(nil), args...)
			}
			return None, nil
		},
		"__str__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			s, err := self.obj.(*Exception).MessageOf(th)
			return Str(s), err
		},
		"__repr__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			s, err := excRepr(th, self.obj.(*Exception))
			return Str(s), err
		},
		"with_traceback": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return self, nil
		},
	})
}

// excRepr is BaseException.__repr__: Class(arg1, arg2).
func excRepr(th *Thread, e *Exception) (string, error) {
	var b strings.Builder
	b.WriteString(e.Class.Name)
	b.WriteByte('(')
	for i, a := range e.Args {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := Repr(th, a)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	b.WriteByte(')')
	return b.String(), nil
}
