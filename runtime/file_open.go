package runtime

// This file defines the open() built-in: it parses the mode, asks the
// interpreter's granted file system for the file, and wraps the handle in
// the binary and text layers the mode calls for.

import (
	"io"
	"os"
	"strings"
	"syscall"
)

// FSPath is os.fspath for file-system calls: the path a str, bytes or
// os.PathLike object names. The error is CPython's TypeError.
func FSPath(th *Thread, v Value) (string, error) {
	switch o := v.obj.(type) {
	case *StrObj:
		return o.S, nil
	case *Bytes:
		return string(o.B), nil
	}
	if m, err := GetAttr(th, Obj(v.Type()), "__fspath__"); err == nil {
		r, err := th.Call(m, []Value{v}, nil)
		if err != nil {
			return "", err
		}
		switch o := r.obj.(type) {
		case *StrObj:
			return o.S, nil
		case *Bytes:
			return string(o.B), nil
		}
		return "", Errorf(TypeError, "expected %s.__fspath__() to return str or bytes, not %s", v.Type().Name, r.Type().Name)
	}
	return "", Errorf(TypeError, "expected str, bytes or os.PathLike object, not %s", v.Type().Name)
}

// openMode is a parsed mode argument of open().
type openMode struct {
	read, write, appending, create, plus, binary bool
}

// parseMode checks open()'s mode as CPython does.
func parseMode(mode string) (openMode, error) {
	var m openMode
	seen := map[rune]bool{}
	text := false
	for _, r := range mode {
		if seen[r] || !strings.ContainsRune("rwaxbt+U", r) {
			return m, Errorf(ValueError, "invalid mode: '%s'", mode)
		}
		seen[r] = true
		switch r {
		case 'r':
			m.read = true
		case 'w':
			m.write = true
		case 'a':
			m.appending = true
		case 'x':
			m.create = true
		case '+':
			m.plus = true
		case 'b':
			m.binary = true
		case 't':
			text = true
		}
	}
	if text && m.binary {
		return m, Errorf(ValueError, "can't have text and binary mode at once")
	}
	n := 0
	for _, b := range []bool{m.read, m.write, m.appending, m.create} {
		if b {
			n++
		}
	}
	if n != 1 {
		return m, Errorf(ValueError, "must have exactly one of create/read/write/append mode")
	}
	return m, nil
}

// flags are the os.OpenFile flags of the mode.
func (m openMode) flags() int {
	var f int
	switch {
	case m.read:
		f = os.O_RDONLY
	case m.write:
		f = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	case m.appending:
		f = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	case m.create:
		f = os.O_WRONLY | os.O_CREATE | os.O_EXCL
	}
	if m.plus {
		f &^= os.O_WRONLY
		f |= os.O_RDWR
	}
	return f
}

// OpenArgs are open()'s arguments after parsing.
type OpenArgs struct {
	File      Value
	Mode      string
	Buffering int
	Encoding  Value
	Errors    Value
	Newline   Value
}

// builtinOpen is open(file, mode='r', buffering=-1, encoding=None,
// errors=None, newline=None, closefd=True, opener=None).
func builtinOpen(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	a := OpenArgs{Mode: "r", Buffering: -1, Encoding: None, Errors: None, Newline: None}
	closefd, opener := true, None
	if err := UnpackArgs("open", args, kw, "file", &a.File, "mode?", &a.Mode, "buffering?", &a.Buffering,
		"encoding?", &a.Encoding, "errors?", &a.Errors, "newline?", &a.Newline, "closefd?", &closefd, "opener?", &opener); err != nil {
		return Value{}, err
	}
	return Open(th, a)
}

// Open opens a file of the interpreter's granted file system as open()
// does.
func Open(th *Thread, a OpenArgs) (Value, error) {
	m, err := parseMode(a.Mode)
	if err != nil {
		return Value{}, err
	}
	if m.binary {
		switch {
		case !a.Encoding.IsNone():
			return Value{}, Errorf(ValueError, "binary mode doesn't take an encoding argument")
		case !a.Errors.IsNone():
			return Value{}, Errorf(ValueError, "binary mode doesn't take an errors argument")
		case !a.Newline.IsNone():
			return Value{}, Errorf(ValueError, "binary mode doesn't take a newline argument")
		}
	} else if a.Buffering == 0 {
		return Value{}, Errorf(ValueError, "can't have unbuffered text I/O")
	}
	t := &TextFile{mode: a.Mode, encoding: "UTF-8", codec: "utf-8", errors: "strict"}
	if !m.binary {
		if !a.Encoding.IsNone() {
			s, ok := a.Encoding.obj.(*StrObj)
			if !ok {
				return Value{}, Errorf(TypeError, "open() argument 'encoding' must be str or None, not %s", a.Encoding.Type().Name)
			}
			if s.S != "locale" {
				t.encoding = s.S
				if t.codec = codecName(s.S); t.codec == "" {
					return Value{}, unknownEncoding(s.S)
				}
			}
		}
		if !a.Errors.IsNone() {
			s, ok := a.Errors.obj.(*StrObj)
			if !ok {
				return Value{}, Errorf(TypeError, "open() argument 'errors' must be str or None, not %s", a.Errors.Type().Name)
			}
			t.errors = s.S
		}
		if err := t.setNewline(a.Newline); err != nil {
			return Value{}, err
		}
	}
	if _, isInt := asInt64(a.File); isInt && a.File.Type() != BoolType {
		return Value{}, NewOSError(int(syscall.EBADF), "")
	}
	p, err := FSPath(th, a.File)
	if err != nil {
		return Value{}, err
	}
	switch a.File.obj.(type) {
	case *StrObj, *Bytes:
	default:
		a.File = Str(p) // error messages show the path, not the object
	}
	fsys, err := th.FileSystem()
	if err != nil {
		return Value{}, OSErrorFrom(err, a.File)
	}
	h, err := fsys.OpenFile(th.AbsPath(p), m.flags(), 0o666)
	if err != nil {
		return Value{}, OSErrorFrom(err, a.File)
	}
	if m.read && !m.plus {
		// Opening a directory for reading succeeds in Go; CPython refuses.
		if st, err := h.Stat(); err == nil && st.IsDir() {
			h.Close()
			return Value{}, NewOSErrorValue(int(syscall.EISDIR), a.File)
		}
	}
	c := &fileCore{h: h, name: a.File, readable: m.read || m.plus, writable: !m.read || m.plus,
		appending: m.appending, created: m.create, raw: a.Buffering == 0, closefd: true}
	if m.appending {
		h.Seek(0, io.SeekEnd)
	}
	if st, err := h.Stat(); err == nil && !st.Mode().IsRegular() {
		c.slow = true
	}
	b := &BinaryFile{c: c}
	if m.binary {
		return Obj(b), nil
	}
	b.text = true
	t.b = b
	t.lineBuffering = a.Buffering == 1 || c.isatty()
	return Obj(t), nil
}

func init() {
	builtinsMap["open"] = NewBuiltin("open", builtinOpen)
}
