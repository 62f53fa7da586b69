package runtime

// This file defines the sys module: argv, exit, the stdout and stderr
// streams, version information and the recursion limit.

import (
	"bufio"
	"io"
	"math"
	goruntime "runtime"
	"strings"
)

// The version aio reports as sys.version and sys.version_info: the
// CPython release whose behaviour it follows.
const (
	sysVersionMajor = 3
	sysVersionMinor = 11
	sysVersionMicro = 7
	sysVersion      = "3.11.7 (aio)"
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

// TextIOWrapperType is the class of the standard streams.
var TextIOWrapperType = finalType("TextIOWrapper")

// UnsupportedOperation is io.UnsupportedOperation, raised when writing to
// stdin or reading from stdout. (CPython's also derives from ValueError.)
var UnsupportedOperation = NewType("UnsupportedOperation", OSError)

// Type returns TextIOWrapperType.
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
	// Not made with excType: it is not a built-in name.
	UnsupportedOperation.Module = "io"
	UnsupportedOperation.ExcBase = true
	UnsupportedOperation.New = BaseException.New
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
	TextIOWrapperType.Methods(map[string]BuiltinFn{
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
	RegisterStdModule("sys", loadSys)
}

// sysExit is sys.exit(status=None): SystemExit with status as its
// argument (none for None).
func sysExit(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 {
		return Value{}, Errorf(TypeError, "sys.exit() takes no keyword arguments")
	}
	if err := PositionalArgs("exit", args, nil, 0, 1); err != nil {
		return Value{}, err
	}
	if len(args) == 0 || args[0].IsNone() {
		return Value{}, NewException(SystemExit)
	}
	return Value{}, NewException(SystemExit, args[0])
}

func sysGetRecursionLimit(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := NoArgs("sys.getrecursionlimit", args, kw); err != nil {
		return Value{}, err
	}
	return Int(int64(th.MaxDepth)), nil
}

func sysSetRecursionLimit(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if _, err := OneArg("sys.setrecursionlimit", args, kw); err != nil {
		return Value{}, err
	}
	n, err := biCInt(args[0])
	if err != nil {
		return Value{}, err
	}
	if n < 1 {
		return Value{}, Errorf(ValueError, "recursion limit must be greater or equal than 1")
	}
	// A request above the host's ceiling is clamped to it (scripts such
	// as setrecursionlimit(10**6) keep working, and getrecursionlimit
	// tells the limit in force): a script can lower its limit but never
	// raise it past what the host allows.
	limit := th.recursionCeiling(int(n))
	if limit <= th.Depth {
		return Value{}, Errorf(RecursionError, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", n, th.Depth)
	}
	th.SetRecursionLimit(limit)
	return None, nil
}

// sysVersionInfo is sys.version_info as a plain tuple (CPython's is a named
// tuple; indexing, slicing and comparison behave the same).
func sysVersionInfo() Value {
	return TupleOf(Int(sysVersionMajor), Int(sysVersionMinor), Int(sysVersionMicro), Str("final"), Int(0))
}

// loadSys builds the sys module for th.
func loadSys(th *Thread) *Module {
	m := NewModule("sys")
	argv := make([]Value, len(th.Argv))
	for i, a := range th.Argv {
		argv[i] = Str(a)
	}
	m.Set("argv", NewList(argv))
	m.Set("exit", NewBuiltin("exit", sysExit))
	m.Set("stdin", Obj(&StdStream{Name: "<stdin>", Kind: StreamStdin}))
	m.Set("stdout", Obj(&StdStream{Name: "<stdout>", Kind: StreamStdout}))
	m.Set("stderr", Obj(&StdStream{Name: "<stderr>", Kind: StreamStderr}))
	m.Set("__stdin__", m.value("stdin"))
	m.Set("__stdout__", m.value("stdout"))
	m.Set("__stderr__", m.value("stderr"))
	m.Set("version", Str(sysVersion))
	m.Set("version_info", sysVersionInfo())
	m.Set("hexversion", Int(sysVersionMajor<<24|sysVersionMinor<<16|sysVersionMicro<<8|0xf0))
	m.Set("maxsize", Int(math.MaxInt64))
	m.Set("platform", Str(sysPlatform()))
	m.Set("byteorder", Str("little"))
	m.Set("maxunicode", Int(0x10ffff))
	m.Set("float_info", Obj(floatInfo()))
	m.Set("getrecursionlimit", NewBuiltin("getrecursionlimit", sysGetRecursionLimit))
	m.Set("setrecursionlimit", NewBuiltin("setrecursionlimit", sysSetRecursionLimit))
	addIntDigitsFuncs(m)
	return m
}

// sysPlatform is sys.platform as CPython names the host system, so that
// scripts testing it take the same branch as under CPython.
func sysPlatform() string {
	switch goruntime.GOOS {
	case "windows":
		return "win32"
	case "ios":
		return "ios"
	}
	return goruntime.GOOS
}

// floatInfo is sys.float_info, as a module-like namespace (CPython's is a
// named tuple; attribute access is what scripts use).
func floatInfo() *Module {
	m := NewModule("sys.float_info")
	m.Set("max", Float(math.MaxFloat64))
	m.Set("max_exp", Int(1024))
	m.Set("max_10_exp", Int(308))
	m.Set("min", Float(0x1p-1022))
	m.Set("min_exp", Int(-1021))
	m.Set("min_10_exp", Int(-307))
	m.Set("dig", Int(15))
	m.Set("mant_dig", Int(53))
	m.Set("epsilon", Float(0x1p-52))
	m.Set("radix", Int(2))
	m.Set("rounds", Int(1))
	return m
}
