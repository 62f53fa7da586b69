package runtime

// This file defines the standard streams sys.stdin, sys.stdout and
// sys.stderr (the sys module itself is lib/sys): text streams over the
// thread's Stdin, Stdout and Stderr, which print() and input() use too.

import (
	"bufio"
	"io"
	"strings"
)

// StreamKind tells which standard stream a StdStream stands for.
type StreamKind uint8

// The standard streams.
const (
	StreamStdout StreamKind = iota
	StreamStderr
	StreamStdin
)

// StdStream is sys.stdout, sys.stderr or sys.stdin: a text stream that
// reads or writes the calling thread's Stdin, Stdout or Stderr.
type StdStream struct {
	Name string // "<stdout>", "<stderr>" or "<stdin>"
	Kind StreamKind
}

// Type returns TextIOWrapperType: the standard streams are text files,
// and the class's methods serve both kinds (sharedTextMethods).
func (*StdStream) Type() *Type { return TextIOWrapperType }

// writer returns the Go stream the object writes to on th.
func (s *StdStream) writer(th *Thread) io.Writer {
	if s.Kind == StreamStderr {
		return th.Stderr
	}
	return th.Stdout
}

// mode is "r" for stdin and "w" for the others.
func (s *StdStream) mode() string {
	if s.Kind == StreamStdin {
		return "r"
	}
	return "w"
}

// Repr returns CPython's repr of the standard streams.
func (s *StdStream) Repr(th *Thread) (string, error) {
	return "<_io.TextIOWrapper name='" + s.Name + "' mode='" + s.mode() + "' encoding='utf-8'>", nil
}

// Attr exposes the stream's name and mode.
func (s *StdStream) Attr(name string) (Value, bool) {
	switch name {
	case "name":
		return Str(s.Name), true
	case "mode":
		return Str(s.mode()), true
	case "encoding":
		return Str("utf-8"), true
	}
	return Value{}, false
}

// SetAttrValue refuses new attributes, as TextIOWrapper's slots do.
func (s *StdStream) SetAttrValue(name string, v Value) bool { return false }

// DelAttrValue refuses deletion.
func (s *StdStream) DelAttrValue(name string) bool { return false }

// Next reads the next line of stdin, so that `for line in sys.stdin`
// works; the output streams are not readable.
func (s *StdStream) Next(th *Thread) (Value, bool, error) {
	if s.Kind != StreamStdin {
		return Value{}, false, NewException(UnsupportedOperation, Str("not readable"))
	}
	line, err := readStdinLine(th)
	if err != nil || line == "" {
		return Value{}, false, err
	}
	return Str(line), true, nil
}

// stdinReader returns the thread's stdin as a buffered reader, replacing
// th.Stdin by it once so that input() and sys.stdin share one buffer.
func stdinReader(th *Thread) (*bufio.Reader, error) {
	if th.Stdin == nil {
		return nil, Errorf(RuntimeError, "lost sys.stdin")
	}
	br, ok := th.Stdin.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(th.Stdin)
		th.Stdin = br
	}
	return br, nil
}

// readStdinLine reads a line including its newline ("" at end of input).
func readStdinLine(th *Thread) (string, error) {
	br, err := stdinReader(th)
	if err != nil {
		return "", err
	}
	line, err := br.ReadString('\n')
	if exc, ok := err.(*Exception); ok {
		return "", exc // the script is being stopped
	}
	if err != nil && err != io.EOF {
		return "", Errorf(OSError, "%s", err.Error())
	}
	return line, nil
}

// sizeArg converts read's and readline's size argument (None or an int).
func sizeArg(args []Value, fname string) (int64, error) {
	if err := PositionalArgs(fname, args, nil, 0, 1); err != nil {
		return 0, err
	}
	if len(args) == 0 || args[0].IsNone() {
		return -1, nil
	}
	n, ok := asInt64(args[0])
	if !ok {
		return 0, Errorf(TypeError, "argument should be integer or None, not '%s'", args[0].Type().Name)
	}
	return n, nil
}

// readRunes reads up to n characters (all when n < 0) from stdin; a
// line-limited read stops after a newline.
func readRunes(th *Thread, n int64, line bool) (string, error) {
	br, err := stdinReader(th)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for count := int64(0); n < 0 || count < n; count++ {
		r, _, err := br.ReadRune()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", Errorf(OSError, "%s", err.Error())
		}
		b.WriteRune(r)
		if line && r == '\n' {
			break
		}
	}
	return b.String(), nil
}

func init() {
	notWritable := func(s *StdStream) error {
		if s.Kind == StreamStdin {
			return NewException(UnsupportedOperation, Str("not writable"))
		}
		return nil
	}
	notReadable := func(s *StdStream) error {
		if s.Kind != StreamStdin {
			return NewException(UnsupportedOperation, Str("not readable"))
		}
		return nil
	}
	sharedTextMethods(map[string]BuiltinFn{
		"write": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if _, err := OneArg("TextIOWrapper.write", args, kw); err != nil {
				return Value{}, err
			}
			st := self.obj.(*StdStream)
			s, ok := args[0].obj.(*StrObj)
			if !ok {
				return Value{}, Errorf(TypeError, "write() argument must be str, not %s", args[0].Type().Name)
			}
			if err := notWritable(st); err != nil {
				return Value{}, err
			}
			io.WriteString(st.writer(th), s.S)
			return Int(int64(s.Len())), nil
		},
		"writelines": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if _, err := OneArg("TextIOWrapper.writelines", args, kw); err != nil {
				return Value{}, err
			}
			st := self.obj.(*StdStream)
			if err := notWritable(st); err != nil {
				return Value{}, err
			}
			lines, err := Collect(th, args[0])
			if err != nil {
				return Value{}, err
			}
			for _, l := range lines {
				s, ok := l.obj.(*StrObj)
				if !ok {
					return Value{}, Errorf(TypeError, "write() argument must be str, not %s", l.Type().Name)
				}
				io.WriteString(st.writer(th), s.S)
			}
			return None, nil
		},
		"flush": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("TextIOWrapper.flush", args, kw); err != nil {
				return Value{}, err
			}
			if st := self.obj.(*StdStream); st.Kind != StreamStdin {
				biFlush(st.writer(th))
			}
			return None, nil
		},
		"read": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := PositionalArgs("TextIOWrapper.read", nil, kw, 0, -1); err != nil {
				return Value{}, err
			}
			n, err := sizeArg(args, "read")
			if err != nil {
				return Value{}, err
			}
			if err := notReadable(self.obj.(*StdStream)); err != nil {
				return Value{}, err
			}
			s, err := readRunes(th, n, false)
			return Str(s), err
		},
		"readline": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := PositionalArgs("TextIOWrapper.readline", nil, kw, 0, -1); err != nil {
				return Value{}, err
			}
			n, err := sizeArg(args, "readline")
			if err != nil {
				return Value{}, err
			}
			if err := notReadable(self.obj.(*StdStream)); err != nil {
				return Value{}, err
			}
			if n < 0 {
				s, err := readStdinLine(th)
				return Str(s), err
			}
			s, err := readRunes(th, n, true)
			return Str(s), err
		},
		"readlines": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("TextIOWrapper.readlines", args, kw); err != nil {
				return Value{}, err
			}
			if err := notReadable(self.obj.(*StdStream)); err != nil {
				return Value{}, err
			}
			var lines []Value
			for {
				s, err := readStdinLine(th)
				if err != nil {
					return Value{}, err
				}
				if s == "" {
					return NewList(lines), nil
				}
				lines = append(lines, Str(s))
			}
		},
		"isatty": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("TextIOWrapper.isatty", args, kw); err != nil {
				return Value{}, err
			}
			return False, nil
		},
		"writable": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("TextIOWrapper.writable", args, kw); err != nil {
				return Value{}, err
			}
			return MakeBool(self.obj.(*StdStream).Kind != StreamStdin), nil
		},
		"readable": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := NoArgs("TextIOWrapper.readable", args, kw); err != nil {
				return Value{}, err
			}
			return MakeBool(self.obj.(*StdStream).Kind == StreamStdin), nil
		},
	})
}

// NewStdStream returns a new standard stream object of the given kind:
// sys.stdin, sys.stdout or sys.stderr.
func NewStdStream(kind StreamKind) Value {
	names := map[StreamKind]string{StreamStdin: "<stdin>", StreamStdout: "<stdout>", StreamStderr: "<stderr>"}
	return Obj(&StdStream{Name: names[kind], Kind: kind})
}

// RecursionCeiling returns n bounded by the highest recursion limit the
// host allows (sys.setrecursionlimit clamps to it).
func (th *Thread) RecursionCeiling(n int) int { return th.recursionCeiling(n) }

// IntMaxStrDigits is sys.get_int_max_str_digits() (0: no limit).
func (th *Thread) IntMaxStrDigits() int { return th.intDigitsLimit() }

// SetIntMaxStrDigits sets the limit sys.set_int_max_str_digits sets.
func (th *Thread) SetIntMaxStrDigits(n int) { th.intMaxStrDigits = n }

// sharedTextMethods installs the standard streams' methods on
// TextIOWrapper beside those of files (file_text.go, whose init runs
// first): each method serves a StdStream with std and a TextFile with the
// file's own method; a name only one kind has fails for the other as an
// unsupported operation.
func sharedTextMethods(std map[string]BuiltinFn) {
	for name, fn := range std {
		stdFn := fn
		var fileFn BuiltinFn
		if m, ok := TextIOWrapperType.Attrs[name]; ok {
			if d, ok := m.obj.(*MethodDescriptor); ok {
				fileFn = d.Fn
			}
		}
		TextIOWrapperType.SetAttr(name, Obj(&MethodDescriptor{Name: name, Owner: TextIOWrapperType,
			Fn: func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
				if _, ok := self.obj.(*StdStream); ok {
					return stdFn(th, self, args, kw)
				}
				if fileFn == nil {
					return Value{}, Errorf(UnsupportedOperation, "%s", name)
				}
				return fileFn(th, self, args, kw)
			}}))
	}
	// The files' methods the streams lack.
	for name, v := range TextIOWrapperType.Attrs {
		d, ok := v.obj.(*MethodDescriptor)
		if !ok {
			continue
		}
		if _, ok := std[name]; ok {
			continue
		}
		fileFn := d.Fn
		TextIOWrapperType.SetAttr(name, Obj(&MethodDescriptor{Name: name, Owner: TextIOWrapperType,
			Fn: func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
				if _, ok := self.obj.(*StdStream); ok {
					return Value{}, Errorf(UnsupportedOperation, "%s", name)
				}
				return fileFn(th, self, args, kw)
			}}))
	}
}
