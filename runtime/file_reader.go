package runtime

// This file is the reading side every file object shares. read(),
// readline(), readlines() and iteration are written here once, over
// fileReader, the small interface each kind of file implements: the
// buffered files of open() (binary and text, over a fileCore), and the
// in-memory StringIO and BytesIO. A kind supplies where its items come
// from (a byte buffer, decoded text, a rune slice) and its own checks;
// the argument handling, the end-of-file rules and the readlines hint are
// the same for all of them.
//
// lineEnd is the one line splitter of the byte-oriented kinds: the binary
// files and BytesIO split at '\n', the text files at '\n', '\r', "\r\n"
// or all three, as their newline mode says.

import (
	"bytes"
)

// fileReader is what a kind of file gives the shared read methods.
type fileReader interface {
	// readCheck raises when the object cannot be read now: it is closed,
	// or not open for reading.
	readCheck() error
	// readValue reads up to n items (bytes or characters), or all that is
	// left when n < 0, as a bytes or str.
	readValue(th *Thread, n int) (Value, error)
	// readLineValue reads the next line with its terminator, at most
	// limit items when limit >= 0; an empty result means the end.
	readLineValue(th *Thread, limit int) (Value, error)
}

// itemCount is the length of a line for the readlines hint: bytes for a
// bytes, characters for a str.
func itemCount(v Value) int {
	switch o := v.obj.(type) {
	case *Bytes:
		return len(o.B)
	case *StrObj:
		return o.Len()
	}
	return 0
}

// isEmptyRead reports whether a read produced nothing (the end).
func isEmptyRead(v Value) bool {
	switch o := v.obj.(type) {
	case *Bytes:
		return len(o.B) == 0
	case *StrObj:
		return len(o.S) == 0
	}
	return true
}

// nextLine is the iteration step of every file object: the next line, or
// the end.
func nextLine(th *Thread, r fileReader) (Value, bool, error) {
	if err := r.readCheck(); err != nil {
		return Value{}, false, err
	}
	v, err := r.readLineValue(th, -1)
	if err != nil || isEmptyRead(v) {
		return Value{}, false, err
	}
	return v, true, nil
}

// readLinesOf reads lines until their total length exceeds hint (all
// lines when hint <= 0), as readlines() does.
func readLinesOf(th *Thread, r fileReader, hint int) (Value, error) {
	var lines []Value
	total := 0
	for {
		v, err := r.readLineValue(th, -1)
		if err != nil {
			return Value{}, err
		}
		if isEmptyRead(v) {
			break
		}
		if err := th.Work(1); err != nil {
			return Value{}, err
		}
		lines = append(lines, v)
		if hint > 0 {
			if total += itemCount(v); total > hint {
				break
			}
		}
	}
	return NewList(lines), nil
}

// addReadMethods installs read(size=-1), readline(size=-1) and
// readlines(hint=-1) in methods, for a kind whose receiver self converts.
func addReadMethods(methods map[string]BuiltinFn, self func(Value) fileReader) {
	// sized unpacks the one optional size argument and checks the file.
	sized := func(fname, param string, recv Value, args []Value, kw []Kwarg) (fileReader, int, error) {
		size := None
		if err := UnpackArgs(fname, args, kw, param+"?", &size); err != nil {
			return nil, 0, err
		}
		r := self(recv)
		if err := r.readCheck(); err != nil {
			return nil, 0, err
		}
		n, err := sizeOrNone(size)
		return r, n, err
	}
	methods["read"] = func(th *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
		r, n, err := sized("read", "size", recv, args, kw)
		if err != nil {
			return Value{}, err
		}
		return r.readValue(th, n)
	}
	methods["readline"] = func(th *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
		r, n, err := sized("readline", "size", recv, args, kw)
		if err != nil {
			return Value{}, err
		}
		return r.readLineValue(th, n)
	}
	methods["readlines"] = func(th *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
		r, n, err := sized("readlines", "hint", recv, args, kw)
		if err != nil {
			return Value{}, err
		}
		return readLinesOf(th, r, n)
	}
}

// Newline modes of lineEnd.
const (
	splitLF        = iota // lines end with '\n'
	splitCR               // lines end with '\r'
	splitCRLF             // lines end with "\r\n"
	splitUniversal        // lines end with '\n', '\r' or "\r\n"
)

// lineItem is what lineEnd splits: the bytes of binary and text files and
// of BytesIO, or the characters of a StringIO.
type lineItem interface{ byte | rune }

// indexItem is the index of the first c in s, or -1.
func indexItem[T lineItem](s []T, c T) int {
	if b, ok := any(s).([]byte); ok {
		return bytes.IndexByte(b, byte(c))
	}
	for i, x := range s {
		if x == c {
			return i
		}
	}
	return -1
}

// lineEnd finds where the first line of buf ends under the newline mode:
// the index just past its terminator, and whether it has one. atEnd says
// no more input follows buf; when it is false and the answer depends on
// what follows (a '\r' last in buf may start "\r\n"), lineEnd reports no
// line, so that the caller reads more and asks again. The search starts
// at from: the caller has seen no terminator before it, and passes one
// item less than it scanned, so that a '\r' left undecided is looked at
// again.
func lineEnd[T lineItem](buf []T, from, mode int, atEnd bool) (int, bool) {
	rest := buf[from:]
	switch mode {
	case splitLF:
		if i := indexItem(rest, '\n'); i >= 0 {
			return from + i + 1, true
		}
	case splitCR:
		if i := indexItem(rest, '\r'); i >= 0 {
			return from + i + 1, true
		}
	case splitCRLF:
		for off := 0; ; {
			i := indexItem(rest[off:], '\r')
			if i < 0 {
				break
			}
			j := from + off + i
			if j+1 < len(buf) && buf[j+1] == '\n' {
				return j + 2, true
			}
			off += i + 1
		}
	case splitUniversal:
		head := rest
		nl := indexItem(rest, '\n')
		if nl >= 0 {
			head = rest[:nl]
		}
		if cr := indexItem(head, '\r'); cr >= 0 {
			i := from + cr
			switch {
			case i+1 < len(buf):
				if buf[i+1] == '\n' {
					return i + 2, true
				}
				return i + 1, true
			case atEnd:
				return i + 1, true
			}
			return 0, false // the '\n' of "\r\n" may come next
		}
		if nl >= 0 {
			return from + nl + 1, true
		}
	}
	return 0, false
}

// strFromBytes makes a str of the UTF-8 bytes b (valid UTF-8, which the
// caller has checked, ASCII when ascii says so) in one allocation.
func strFromBytes(b []byte, ascii bool) Value {
	if len(b) <= 1 && ascii {
		return Str(string(b)) // the shared one-character strs
	}
	o, buf := newStrBuf(len(b), ascii)
	copy(buf, b)
	return Value{obj: o}
}

// writableBuffer is the storage readinto() fills: a bytearray's, or that
// of a contiguous writable memoryview.
func writableBuffer(v Value) ([]byte, error) {
	switch o := v.obj.(type) {
	case *ByteArray:
		return o.B, nil
	case *MemoryView:
		if !o.gone() && !o.readonly() && o.step == 1 {
			return o.bytes(), nil
		}
	}
	return nil, Errorf(TypeError, "readinto() argument must be read-write bytes-like object, not %s", v.Type().Name)
}

// addReadIntoMethod installs readinto(buffer) for a binary kind: it reads
// as read(len(buffer)) does, into the buffer, and returns the count.
func addReadIntoMethod(methods map[string]BuiltinFn, self func(Value) fileReader) {
	methods["readinto"] = func(th *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
		var target Value
		if err := UnpackArgs("readinto", args, kw, "buffer", &target); err != nil {
			return Value{}, err
		}
		dst, err := writableBuffer(target)
		if err != nil {
			return Value{}, err
		}
		r := self(recv)
		if err := r.readCheck(); err != nil {
			return Value{}, err
		}
		v, err := r.readValue(th, len(dst))
		if err != nil {
			return Value{}, err
		}
		b, _ := v.obj.(*Bytes)
		if b == nil {
			return Int(0), nil
		}
		return Int(int64(copy(dst, b.B))), nil
	}
}
