package runtime

// This file gives the standard streams their binary layer,
// sys.stdout.buffer, sys.stderr.buffer and sys.stdin.buffer, which write
// and read bytes.

import (
	"io"
)

// StdBuffer is the binary stream under a standard text stream.
type StdBuffer struct{ text *StdStream }

// The classes of the binary standard streams.
var (
	bufferedWriterType = finalType("BufferedWriter")
	bufferedReaderType = finalType("BufferedReader")
)

// Type returns BufferedReader for stdin, BufferedWriter otherwise.
func (b *StdBuffer) Type() *Type {
	if b.text.Kind == StreamStdin {
		return bufferedReaderType
	}
	return bufferedWriterType
}

// Repr returns CPython's repr, such as <_io.BufferedWriter name='<stdout>'>.
func (b *StdBuffer) Repr(th *Thread) (string, error) {
	return "<_io." + b.Type().Name + " name='" + b.text.Name + "'>", nil
}

// readBytes reads up to n bytes (all when n < 0) from stdin; a line read
// stops after a newline.
func readBytes(th *Thread, n int64, line bool) ([]byte, error) {
	br, err := stdinReader(th)
	if err != nil {
		return nil, err
	}
	var out []byte
	for n < 0 || int64(len(out)) < n {
		c, err := br.ReadByte()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, Errorf(OSError, "%s", err.Error())
		}
		if len(out) == cap(out) {
			if err := th.Alloc(int64(len(out)) + 64); err != nil {
				return nil, err
			}
		}
		out = append(out, c)
		if line && c == '\n' {
			break
		}
	}
	if out == nil {
		out = []byte{}
	}
	return out, nil
}

func init() {
	TextIOWrapperType.SetAttr("buffer", Obj(&Property{Fget: NewBuiltin("buffer", func(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if t, ok := args[0].obj.(*TextFile); ok {
			return Obj(t.b), nil
		}
		return Obj(&StdBuffer{text: args[0].obj.(*StdStream)}), nil
	}), Name: "buffer", readOnlyAttr: true}))
	bufferedWriterType.Methods(map[string]BuiltinFn{
		"write": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			a, err := OneArg("BufferedWriter.write", args, kw)
			if err != nil {
				return Value{}, err
			}
			b, err := bufferArg(a)
			if err != nil {
				return Value{}, err
			}
			if _, err := self.obj.(*StdBuffer).text.writer(th).Write(b); err != nil {
				return Value{}, Errorf(OSError, "%s", err.Error())
			}
			return Int(int64(len(b))), nil
		},
		"flush": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("BufferedWriter.flush", args, kw); err != nil {
				return Value{}, err
			}
			biFlush(self.obj.(*StdBuffer).text.writer(th))
			return None, nil
		},
	})
	bufferedReaderType.Methods(map[string]BuiltinFn{
		"read": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := PositionalArgs("BufferedReader.read", nil, kw, 0, -1); err != nil {
				return Value{}, err
			}
			n, err := sizeArg(args, "read")
			if err != nil {
				return Value{}, err
			}
			b, err := readBytes(th, n, false)
			if err != nil {
				return Value{}, err
			}
			return NewBytes(b), nil
		},
		"readline": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := PositionalArgs("BufferedReader.readline", nil, kw, 0, -1); err != nil {
				return Value{}, err
			}
			n, err := sizeArg(args, "readline")
			if err != nil {
				return Value{}, err
			}
			b, err := readBytes(th, n, true)
			if err != nil {
				return Value{}, err
			}
			return NewBytes(b), nil
		},
	})
}
