package runtime

// This file defines the binary file objects of open(): FileIO (with
// buffering=0) and BufferedReader, BufferedWriter and BufferedRandom,
// which read and write bytes through their file's fileCore.

import (
	"unsafe"
)

// The classes of binary files, in CPython's _io module.
var (
	FileIOType         = ioType("FileIO")
	BufferedReaderType = ioType("BufferedReader")
	BufferedWriterType = ioType("BufferedWriter")
	BufferedRandomType = ioType("BufferedRandom")
)

// UnsupportedOperation is io.UnsupportedOperation, raised for reading a
// file not open for reading and the like. CPython's derives from both
// OSError and ValueError; aio's from OSError.
var UnsupportedOperation = NewType("UnsupportedOperation", OSError)

// ioType makes a class of the _io module.
func ioType(name string) *Type {
	t := finalType(name)
	t.Module = "_io"
	return t
}

// BinaryFile is a binary file object: FileIO when raw, a Buffered* class
// otherwise.
type BinaryFile struct {
	c    *fileCore
	text bool // the buffer of a TextIOWrapper (its close closes both)
}

// Type returns the class the file's mode calls for.
func (f *BinaryFile) Type() *Type {
	switch {
	case f.c.raw:
		return FileIOType
	case f.c.readable && f.c.writable:
		return BufferedRandomType
	case f.c.readable:
		return BufferedReaderType
	}
	return BufferedWriterType
}

// Footprint implements MemNode: the object and its buffers.
func (f *BinaryFile) Footprint() int64 {
	return int64(unsafe.Sizeof(*f)+unsafe.Sizeof(*f.c)) + int64(cap(f.c.rbuf)+cap(f.c.wbuf))
}

// Referents implements MemNode.
func (f *BinaryFile) Referents(w *MemWalker) { w.Value(f.c.name) }

// Repr is CPython's: <_io.BufferedReader name='x'>, or for FileIO
// <_io.FileIO name='x' mode='rb' closefd=True> (<_io.FileIO [closed]>).
func (f *BinaryFile) Repr(th *Thread) (string, error) {
	name, err := Repr(th, f.c.name)
	if err != nil {
		return "", err
	}
	if f.c.raw {
		if f.c.closed {
			return "<_io.FileIO [closed]>", nil
		}
		cfd := "False"
		if f.c.closefd {
			cfd = "True"
		}
		return "<_io.FileIO name=" + name + " mode='" + f.c.rawMode() + "' closefd=" + cfd + ">", nil
	}
	return "<_io." + f.Type().Name + " name=" + name + ">", nil
}

// Attr returns name, mode, closed and raw.
func (f *BinaryFile) Attr(name string) (Value, bool) {
	switch name {
	case "name":
		return f.c.name, true
	case "mode":
		return Str(f.c.rawMode()), true
	case "closed":
		return MakeBool(f.c.closed), true
	case "closefd":
		if f.c.raw {
			return MakeBool(f.c.closefd), true
		}
	case "raw":
		if !f.c.raw {
			return Obj(&BinaryFile{c: &fileCore{h: f.c.h, name: f.c.name, readable: f.c.readable, writable: f.c.writable,
				appending: f.c.appending, created: f.c.created, raw: true, closefd: f.c.closefd, closed: f.c.closed}}), true
		}
	}
	return Value{}, false
}

// SetAttrValue refuses: the attributes are read-only.
func (f *BinaryFile) SetAttrValue(string, Value) bool { return false }

// DelAttrValue refuses.
func (f *BinaryFile) DelAttrValue(string) bool { return false }

// Next reads the next line, for iteration.
func (f *BinaryFile) Next(th *Thread) (Value, bool, error) { return nextLine(th, f) }

// readCheck implements fileReader.
func (f *BinaryFile) readCheck() error { return f.check(true, false) }

// readValue implements fileReader: read(n) of a buffered file gathers n
// bytes unless the file ends first; FileIO makes one read call.
func (f *BinaryFile) readValue(th *Thread, n int) (Value, error) {
	var b []byte
	var err error
	if n < 0 {
		b, err = f.c.readAll(th)
	} else {
		b, err = f.c.readN(th, n)
	}
	if err != nil {
		return Value{}, err
	}
	return NewBytes(b), nil
}

// readLineValue implements fileReader: lines end with b'\n'.
func (f *BinaryFile) readLineValue(th *Thread, limit int) (Value, error) {
	line, err := f.c.readLineView(th, splitLF, limit)
	if err != nil {
		return Value{}, err
	}
	if err := th.Alloc(int64(len(line))); err != nil {
		return Value{}, err
	}
	return NewBytes(append([]byte(nil), line...)), nil
}

// check raises for a closed file, or one not open for reading (read) or
// writing (write), with CPython's messages for the file's class.
func (f *BinaryFile) check(read, write bool) error {
	if f.c.closed {
		if f.c.raw {
			return Errorf(ValueError, "I/O operation on closed file")
		}
		if read && !write {
			return Errorf(ValueError, "read of closed file")
		}
		if write {
			return Errorf(ValueError, "write to closed file")
		}
		return Errorf(ValueError, "I/O operation on closed file.")
	}
	if read && !f.c.readable {
		if f.c.raw {
			return Errorf(UnsupportedOperation, "File not open for reading")
		}
		return Errorf(UnsupportedOperation, "read")
	}
	if write && !f.c.writable {
		if f.c.raw {
			return Errorf(UnsupportedOperation, "File not open for writing")
		}
		return Errorf(UnsupportedOperation, "write")
	}
	return nil
}

// sizeOrNone converts a size argument: None or a negative int is -1.
func sizeOrNone(v Value) (int, error) {
	if !v.IsValid() || v.IsNone() {
		return -1, nil
	}
	n, ok := asInt64(v)
	if !ok {
		return 0, Errorf(TypeError, "argument should be integer or None, not '%s'", v.Type().Name)
	}
	if n < 0 {
		return -1, nil
	}
	return int(n), nil
}

// binSelf is the receiver of a binary file method.
func binSelf(v Value) *BinaryFile { return v.obj.(*BinaryFile) }

// seekArgs unpacks seek(offset, whence=0), checking whence.
func seekArgs(fname string, args []Value, kw []Kwarg) (int64, int, error) {
	var off int64
	whence := 0
	if err := UnpackArgs(fname, args, kw, "offset", &off, "whence?", &whence); err != nil {
		return 0, 0, err
	}
	if whence < 0 || whence > 2 {
		return 0, 0, Errorf(ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence)
	}
	return off, whence, nil
}

// fileCommonMethods are the methods binary and text files share, given
// how each reaches its core and checks its state.
func fileCommonMethods(core func(Value) *fileCore, check func(Value, bool, bool) error) map[string]BuiltinFn {
	return map[string]BuiltinFn{
		"close": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("close", args, kw); err != nil {
				return Value{}, err
			}
			return None, core(self).close()
		},
		"flush": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("flush", args, kw); err != nil {
				return Value{}, err
			}
			if err := check(self, false, false); err != nil {
				return Value{}, err
			}
			return None, core(self).flush()
		},
		"tell": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("tell", args, kw); err != nil {
				return Value{}, err
			}
			if err := check(self, false, false); err != nil {
				return Value{}, err
			}
			pos, err := core(self).tell()
			return Int(pos), err
		},
		"truncate": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			size := None
			if err := UnpackArgs("truncate", args, kw, "pos?", &size); err != nil {
				return Value{}, err
			}
			if err := check(self, false, true); err != nil {
				return Value{}, err
			}
			n, err := sizeOrNone(size)
			if err != nil {
				return Value{}, err
			}
			got, err := core(self).truncate(int64(n))
			return Int(got), err
		},
		"fileno": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := check(self, false, false); err != nil {
				return Value{}, err
			}
			if fd, ok := core(self).h.(interface{ Fd() uintptr }); ok {
				return Int(int64(fd.Fd())), nil
			}
			return Value{}, Errorf(UnsupportedOperation, "fileno")
		},
		"isatty": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := check(self, false, false); err != nil {
				return Value{}, err
			}
			return MakeBool(core(self).isatty()), nil
		},
		"readable": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := check(self, false, false); err != nil {
				return Value{}, err
			}
			return MakeBool(core(self).readable), nil
		},
		"writable": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := check(self, false, false); err != nil {
				return Value{}, err
			}
			return MakeBool(core(self).writable), nil
		},
		"seekable": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := check(self, false, false); err != nil {
				return Value{}, err
			}
			return MakeBool(core(self).seekable()), nil
		},
		"__enter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := check(self, false, false); err != nil {
				return Value{}, err
			}
			return self, nil
		},
		"__exit__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return None, core(self).close()
		},
		"__iter__": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := check(self, false, false); err != nil {
				return Value{}, err
			}
			return self, nil
		},
	}
}

func init() {
	UnsupportedOperation.Module = "io"
	UnsupportedOperation.ExcBase = true
	UnsupportedOperation.New = BaseException.New
	core := func(v Value) *fileCore { return binSelf(v).c }
	check := func(v Value, r, w bool) error { return binSelf(v).check(r, w) }
	methods := fileCommonMethods(core, check)
	addReadMethods(methods, func(v Value) fileReader { return binSelf(v) })
	addReadIntoMethod(methods, func(v Value) fileReader { return binSelf(v) })
	methods["read1"] = methods["read"]
	methods["readall"] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		f := binSelf(self)
		if err := f.check(true, false); err != nil {
			return Value{}, err
		}
		b, err := f.c.readAll(th)
		if err != nil {
			return Value{}, err
		}
		return NewBytes(b), nil
	}
	methods["write"] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var v Value
		if err := UnpackArgs("write", args, kw, "b", &v); err != nil {
			return Value{}, err
		}
		f := binSelf(self)
		if err := f.check(false, true); err != nil {
			return Value{}, err
		}
		b, err := bufferArg(v)
		if err != nil {
			return Value{}, err
		}
		return Int(int64(len(b))), f.c.write(th, b)
	}
	methods["writelines"] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var v Value
		if err := UnpackArgs("writelines", args, kw, "lines", &v); err != nil {
			return Value{}, err
		}
		f := binSelf(self)
		if err := f.check(false, true); err != nil {
			return Value{}, err
		}
		return None, forEach(th, v, func(item Value) error {
			b, err := bufferArg(item)
			if err != nil {
				return err
			}
			return f.c.write(th, b)
		})
	}
	methods["seek"] = func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		off, whence, err := seekArgs("seek", args, kw)
		if err != nil {
			return Value{}, err
		}
		f := binSelf(self)
		if err := f.check(false, false); err != nil {
			return Value{}, err
		}
		pos, err := f.c.seek(off, whence)
		if err != nil && !f.c.raw && !f.c.seekable() {
			// The buffered classes say so; FileIO reports the OS error.
			return Value{}, Errorf(UnsupportedOperation, "File or stream is not seekable.")
		}
		return Int(pos), err
	}
	for _, t := range []*Type{FileIOType, BufferedReaderType, BufferedWriterType, BufferedRandomType} {
		t.Methods(methods)
	}
	peek := map[string]BuiltinFn{
		// peek(size=0): the read-ahead, filled first when it is empty,
		// without consuming it.
		"peek": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			size := 0
			if err := UnpackArgs("peek", args, kw, "size?", &size); err != nil {
				return Value{}, err
			}
			f := binSelf(self)
			if err := f.check(true, false); err != nil {
				return Value{}, err
			}
			if len(f.c.wbuf) > 0 {
				if err := f.c.flush(); err != nil {
					return Value{}, err
				}
			}
			if f.c.rend == f.c.rpos {
				if _, err := f.c.fill(th); err != nil {
					return Value{}, err
				}
			}
			return NewBytes(append([]byte(nil), f.c.buffered()...)), nil
		},
	}
	BufferedReaderType.Methods(peek)
	BufferedRandomType.Methods(peek)
}

// forEach calls fn with each item of the iterable v.
func forEach(th *Thread, v Value, fn func(Value) error) error {
	it, err := Iter(th, v)
	if err != nil {
		return err
	}
	for {
		item, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		if err := fn(item); err != nil {
			return err
		}
	}
}
