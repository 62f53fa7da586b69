package runtime

// This file gives OSError its errno, strerror, filename and filename2
// attributes, its "[Errno N] text: 'name'" message and the constructor
// that picks the subclass for an errno (OSError(2, ...) is a
// FileNotFoundError), and converts Go's file-system errors into them.

import (
	"errors"
	"io/fs"
	"strconv"
	"syscall"
)

// Errno describes one errno value: its symbolic name, its number on this
// platform and the message the C library gives for it.
type Errno struct {
	Name string
	Code int
	Text string
}

// Errnos lists the errno values aio knows by name (the errno module's
// contents); the texts are glibc's, which CPython's messages show.
var Errnos = []Errno{
	{"EPERM", 1, "Operation not permitted"},
	{"ENOENT", 2, "No such file or directory"},
	{"ESRCH", 3, "No such process"},
	{"EINTR", 4, "Interrupted system call"},
	{"EIO", 5, "Input/output error"},
	{"ENXIO", 6, "No such device or address"},
	{"E2BIG", 7, "Argument list too long"},
	{"ENOEXEC", 8, "Exec format error"},
	{"EBADF", 9, "Bad file descriptor"},
	{"ECHILD", 10, "No child processes"},
	{"EAGAIN", 11, "Resource temporarily unavailable"},
	{"ENOMEM", 12, "Cannot allocate memory"},
	{"EACCES", 13, "Permission denied"},
	{"EFAULT", 14, "Bad address"},
	{"EBUSY", 16, "Device or resource busy"},
	{"EEXIST", 17, "File exists"},
	{"EXDEV", 18, "Invalid cross-device link"},
	{"ENODEV", 19, "No such device"},
	{"ENOTDIR", 20, "Not a directory"},
	{"EISDIR", 21, "Is a directory"},
	{"EINVAL", 22, "Invalid argument"},
	{"ENFILE", 23, "Too many open files in system"},
	{"EMFILE", 24, "Too many open files"},
	{"ENOTTY", 25, "Inappropriate ioctl for device"},
	{"ETXTBSY", 26, "Text file busy"},
	{"EFBIG", 27, "File too large"},
	{"ENOSPC", 28, "No space left on device"},
	{"ESPIPE", 29, "Illegal seek"},
	{"EROFS", 30, "Read-only file system"},
	{"EMLINK", 31, "Too many links"},
	{"EPIPE", 32, "Broken pipe"},
	{"EDOM", 33, "Numerical argument out of domain"},
	{"ERANGE", 34, "Numerical result out of range"},
	{"EDEADLK", 35, "Resource deadlock avoided"},
	{"ENAMETOOLONG", 36, "File name too long"},
	{"ENOLCK", 37, "No locks available"},
	{"ENOSYS", 38, "Function not implemented"},
	{"ENOTEMPTY", 39, "Directory not empty"},
	{"ELOOP", 40, "Too many levels of symbolic links"},
	{"EWOULDBLOCK", 11, "Resource temporarily unavailable"},
	{"ENOTSUP", 95, "Operation not supported"},
	{"EOPNOTSUPP", 95, "Operation not supported"},
	{"EADDRINUSE", 98, "Address already in use"},
	{"EADDRNOTAVAIL", 99, "Cannot assign requested address"},
	{"ENETDOWN", 100, "Network is down"},
	{"ENETUNREACH", 101, "Network is unreachable"},
	{"ECONNABORTED", 103, "Software caused connection abort"},
	{"ECONNRESET", 104, "Connection reset by peer"},
	{"ENOBUFS", 105, "No buffer space available"},
	{"EISCONN", 106, "Transport endpoint is already connected"},
	{"ENOTCONN", 107, "Transport endpoint is not connected"},
	{"ESHUTDOWN", 108, "Cannot send after transport endpoint shutdown"},
	{"ETIMEDOUT", 110, "Connection timed out"},
	{"ECONNREFUSED", 111, "Connection refused"},
	{"EHOSTUNREACH", 113, "No route to host"},
	{"EALREADY", 114, "Operation already in progress"},
	{"EINPROGRESS", 115, "Operation now in progress"},
	{"ECANCELED", 125, "Operation canceled"},
	{"EILSEQ", 84, "Invalid or incomplete multibyte or wide character"},
	{"EOVERFLOW", 75, "Value too large for defined data type"},
	{"ENOTSOCK", 88, "Socket operation on non-socket"},
	{"EPROTO", 71, "Protocol error"},
	{"EMSGSIZE", 90, "Message too long"},
	{"EAFNOSUPPORT", 97, "Address family not supported by protocol"},
	{"EPROTONOSUPPORT", 93, "Protocol not supported"},
	{"EDQUOT", 122, "Disk quota exceeded"},
	{"ESTALE", 116, "Stale file handle"},
}

// errnoText maps an errno number to its message.
var errnoText = func() map[int]string {
	m := map[int]string{}
	for _, e := range Errnos {
		if _, ok := m[e.Code]; !ok {
			m[e.Code] = e.Text
		}
	}
	return m
}()

// Strerror is os.strerror(code): the C library's message for an errno.
func Strerror(code int) string {
	if s, ok := errnoText[code]; ok {
		return s
	}
	return "Unknown error " + itoa(code)
}

func itoa(n int) string { return strconv.Itoa(n) }

// oserrorSubclass picks the OSError subclass CPython raises for an errno.
func oserrorSubclass(code int) *Type {
	switch syscall.Errno(code) {
	case syscall.EAGAIN, syscall.EALREADY, syscall.EINPROGRESS:
		return BlockingIOError
	case syscall.ECHILD:
		return ChildProcessError
	case syscall.EPIPE, syscall.ESHUTDOWN:
		return BrokenPipeError
	case syscall.ECONNABORTED:
		return ConnectionAborted
	case syscall.ECONNREFUSED:
		return ConnectionRefused
	case syscall.ECONNRESET:
		return ConnectionReset
	case syscall.EEXIST:
		return FileExistsError
	case syscall.ENOENT:
		return FileNotFoundError
	case syscall.EISDIR:
		return IsADirectoryError
	case syscall.ENOTDIR:
		return NotADirectoryError
	case syscall.EINTR:
		return InterruptedError
	case syscall.EACCES, syscall.EPERM:
		return PermissionError
	case syscall.ESRCH:
		return ProcessLookupError
	case syscall.ETIMEDOUT:
		return TimeoutError
	}
	return OSError
}

// newOSError builds an OSError of class cls from its constructor
// arguments: with 2 to 5 of them, they are errno, strerror, filename,
// winerror (ignored) and filename2, and args keeps only the first two.
// OSError itself becomes the subclass that matches the errno.
func newOSError(cls *Type, args []Value) *Exception {
	e := &Exception{Class: cls, Args: append([]Value(nil), args...)}
	if len(args) < 2 || len(args) > 5 {
		return e
	}
	if cls == OSError {
		if code, ok := asInt64(args[0]); ok {
			e.Class = oserrorSubclass(int(code))
		}
	}
	e.Dict = map[string]Value{"errno": args[0], "strerror": args[1]}
	if len(args) >= 3 {
		e.Dict["filename"] = args[2]
		e.Args = e.Args[:2]
	}
	if len(args) == 5 {
		e.Dict["filename2"] = args[4]
	}
	return e
}

// oserrorMessage is str() of an OSError that has an errno and a strerror:
// "[Errno 2] No such file or directory: 'x'" (with " -> 'y'" for a
// second file name). ok is false when the plain exception message applies.
func oserrorMessage(th *Thread, e *Exception) (string, bool, error) {
	code, ok1 := e.Dict["errno"]
	text, ok2 := e.Dict["strerror"]
	if !ok1 || !ok2 || code.IsNone() || text.IsNone() {
		return "", false, nil
	}
	cs, err := ToStr(th, code)
	if err != nil {
		return "", true, err
	}
	ts, err := ToStr(th, text)
	if err != nil {
		return "", true, err
	}
	msg := "[Errno " + cs + "] " + ts
	if fn, ok := e.Dict["filename"]; ok && !fn.IsNone() {
		r, err := Repr(th, fn)
		if err != nil {
			return "", true, err
		}
		msg += ": " + r
		if fn2, ok := e.Dict["filename2"]; ok && !fn2.IsNone() {
			r2, err := Repr(th, fn2)
			if err != nil {
				return "", true, err
			}
			msg += " -> " + r2
		}
	}
	return msg, true, nil
}

// NewOSError makes the OSError subclass for errno code with the C
// library's text, naming filename when it is not "".
func NewOSError(code int, filename string) *Exception {
	args := []Value{Int(int64(code)), Str(Strerror(code))}
	if filename != "" {
		args = append(args, Str(filename))
	}
	return newOSError(OSError, args)
}

// NewOSErrorValue is NewOSError with the file name as the script gave it
// (a str or bytes path), so that its repr shows in the message.
func NewOSErrorValue(code int, filename Value) *Exception {
	return newOSError(OSError, []Value{Int(int64(code)), Str(Strerror(code)), filename})
}

// OSErrorFrom converts an error of a file-system operation on filename
// into the matching OSError ("" for none). Exceptions pass through; a Go
// error carrying an errno gets that errno; fs's sentinel errors map to
// theirs; anything else becomes a bare OSError with the error's text.
func OSErrorFrom(err error, filename Value) *Exception {
	if err == nil {
		return nil
	}
	var exc *Exception
	if errors.As(err, &exc) {
		return exc
	}
	var den *DeniedError
	if errors.As(err, &den) {
		return den.exception(filename)
	}
	code := 0
	var no syscall.Errno
	switch {
	case errors.As(err, &no):
		code = int(no)
	case errors.Is(err, fs.ErrNotExist):
		code = int(syscall.ENOENT)
	case errors.Is(err, fs.ErrExist):
		code = int(syscall.EEXIST)
	case errors.Is(err, fs.ErrPermission):
		code = int(syscall.EACCES)
	case errors.Is(err, fs.ErrInvalid):
		code = int(syscall.EINVAL)
	default:
		return Errorf(OSError, "%s", err.Error())
	}
	if !filename.IsValid() || filename.IsNone() {
		return NewOSError(code, "")
	}
	return NewOSErrorValue(code, filename)
}

// DeniedError is the error of an operation the host did not grant, such
// as opening a file in an interpreter given no file system. It becomes a
// PermissionError whose message names what was denied:
// "[Errno 13] Permission denied: 'x' (no file system granted)".
type DeniedError struct {
	// What names the missing grant, e.g. "no file system granted".
	What string
}

// Error describes the refusal.
func (d *DeniedError) Error() string { return "permission denied: " + d.What }

// exception is the PermissionError for the refusal; its strerror names
// what was denied.
func (d *DeniedError) exception(filename Value) *Exception {
	args := []Value{Int(int64(syscall.EACCES)), Str(Strerror(int(syscall.EACCES)) + " (" + d.What + ")")}
	if filename.IsValid() && !filename.IsNone() {
		args = append(args, filename)
	}
	return newOSError(PermissionError, args)
}

// Denied returns the PermissionError of an operation on filename that the
// host did not grant; what names the missing grant.
func Denied(what string, filename Value) *Exception {
	return (&DeniedError{What: what}).exception(filename)
}
