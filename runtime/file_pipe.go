package runtime

// This file makes file objects of the pipes to and from a child process,
// as subprocess.Popen's stdin, stdout and stderr: the same binary and
// text files open() returns, over a fileCore whose handle is the pipe.
// A pipe cannot seek, so tell() and seek() fail as they do in CPython,
// and its reads may wait for the child, so they run as slow reads (see
// fileCore.readSlow) that a cancelled interpreter abandons.

import (
	"os"
)

// PipeFileOptions say how NewPipeFile wraps a pipe.
type PipeFileOptions struct {
	// Write is true for the child's stdin (the parent writes), false for
	// its stdout or stderr.
	Write bool
	// Unbuffered is Popen's bufsize=0: a FileIO whose writes go straight
	// to the pipe.
	Unbuffered bool
	// Text wraps the binary file in a TextIOWrapper with Encoding (None:
	// UTF-8), Errors (None: strict) and universal newlines.
	Text             bool
	Encoding, Errors Value
	// LineBuffering flushes a text stdin at each newline (bufsize=1).
	LineBuffering bool
}

// NewPipeFile returns the file object over f, one end of a pipe to a
// child process; closing the object closes f. Its name is f's descriptor,
// as in CPython.
func NewPipeFile(f *os.File, o PipeFileOptions) (Value, error) {
	c := &fileCore{h: f, name: Int(int64(f.Fd())), readable: !o.Write, writable: o.Write,
		raw: o.Unbuffered && !o.Text, closefd: true, slow: !o.Write}
	b := &BinaryFile{c: c}
	if !o.Text {
		return Obj(b), nil
	}
	t := &TextFile{b: b, encoding: "UTF-8", codec: "utf-8", errors: "strict", lineBuffering: o.LineBuffering}
	b.text = true
	if o.Encoding.IsValid() && !o.Encoding.IsNone() {
		s, ok := o.Encoding.obj.(*StrObj)
		if !ok {
			return Value{}, Errorf(TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %s", o.Encoding.Type().Name)
		}
		if t.codec = codecName(s.S); t.codec == "" {
			return Value{}, unknownEncoding(s.S)
		}
		t.encoding = s.S
	}
	if o.Errors.IsValid() && !o.Errors.IsNone() {
		s, ok := o.Errors.obj.(*StrObj)
		if !ok {
			return Value{}, Errorf(TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %s", o.Errors.Type().Name)
		}
		t.errors = s.S
	}
	if err := t.setNewline(None); err != nil {
		return Value{}, err
	}
	return Obj(t), nil
}

// DetachPipeFile hands the pipe under a file object of NewPipeFile over
// to a caller that reads or writes it directly (Popen.communicate): it
// writes out what the object has buffered for writing, returns what it
// has read ahead and not yet delivered, and marks the object closed
// without closing the pipe, which the caller now owns. ok is false when
// v is no such object or is already closed; the pipe is then not the
// caller's.
func DetachPipeFile(v Value) (rest []byte, ok bool, err error) {
	var c *fileCore
	switch o := v.obj.(type) {
	case *BinaryFile:
		c = o.c
	case *TextFile:
		c = o.b.c
	default:
		return nil, false, nil
	}
	if c.closed {
		return nil, false, nil
	}
	err = c.flush()
	if c.rend > c.rpos {
		rest = append(rest, c.rbuf[c.rpos:c.rend]...)
	}
	c.closed = true
	c.rbuf, c.wbuf = nil, nil
	c.rpos, c.rend = 0, 0
	return rest, true, err
}
