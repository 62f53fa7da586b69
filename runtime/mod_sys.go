package runtime

// This file defines the sys module: argv, exit, the stdout and stderr
// streams, version information and the recursion limit.

import (
	"io"
	"math"
	goruntime "runtime"
)

// The version aio reports as sys.version and sys.version_info: the
// CPython release whose behaviour it follows.
const (
	sysVersionMajor = 3
	sysVersionMinor = 11
	sysVersionMicro = 7
	sysVersion      = "3.11.7 (aio)"
)

// StdStream is sys.stdout or sys.stderr: a text stream that writes to the
// calling thread's Stdout or Stderr.
type StdStream struct {
	Name   string // "<stdout>" or "<stderr>"
	Stderr bool
}

// TextIOWrapperType is the class of sys.stdout and sys.stderr.
var TextIOWrapperType = finalType("TextIOWrapper")

// Type returns TextIOWrapperType.
func (*StdStream) Type() *Type { return TextIOWrapperType }

// writer returns the Go stream the object stands for on th.
func (s *StdStream) writer(th *Thread) io.Writer {
	if s.Stderr {
		return th.Stderr
	}
	return th.Stdout
}

// Repr returns CPython's repr of the standard streams.
func (s *StdStream) Repr(th *Thread) (string, error) {
	return "<_io.TextIOWrapper name='" + s.Name + "' mode='w' encoding='utf-8'>", nil
}

// Attr exposes the stream's name and mode.
func (s *StdStream) Attr(name string) (Value, bool) {
	switch name {
	case "name":
		return Str(s.Name), true
	case "mode":
		return Str("w"), true
	case "encoding":
		return Str("utf-8"), true
	}
	return Value{}, false
}

// SetAttrValue refuses new attributes, as TextIOWrapper's slots do.
func (s *StdStream) SetAttrValue(name string, v Value) bool { return false }

// DelAttrValue refuses deletion.
func (s *StdStream) DelAttrValue(name string) bool { return false }

func init() {
	TextIOWrapperType.Module = "_io"
	TextIOWrapperType.Methods(map[string]BuiltinFn{
		"write": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := biOneArg("TextIOWrapper.write", args, kw); err != nil {
				return Value{}, err
			}
			s, ok := args[0].obj.(*StrObj)
			if !ok {
				return Value{}, Errorf(TypeError, "write() argument must be str, not %s", args[0].Type().Name)
			}
			io.WriteString(self.obj.(*StdStream).writer(th), s.S)
			return Int(int64(s.Len())), nil
		},
		"flush": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := ArgCount("TextIOWrapper.flush", args, kw, 0, 0); err != nil {
				return Value{}, err
			}
			biFlush(self.obj.(*StdStream).writer(th))
			return None, nil
		},
		"isatty": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := ArgCount("TextIOWrapper.isatty", args, kw, 0, 0); err != nil {
				return Value{}, err
			}
			return False, nil
		},
		"writable": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := ArgCount("TextIOWrapper.writable", args, kw, 0, 0); err != nil {
				return Value{}, err
			}
			return True, nil
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
	if err := biPositional("exit", len(args), 0, 1); err != nil {
		return Value{}, err
	}
	if len(args) == 0 || args[0].IsNone() {
		return Value{}, NewException(SystemExit)
	}
	return Value{}, NewException(SystemExit, args[0])
}

func sysGetRecursionLimit(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := ArgCount("sys.getrecursionlimit", args, kw, 0, 0); err != nil {
		return Value{}, err
	}
	return Int(int64(th.MaxDepth)), nil
}

func sysSetRecursionLimit(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := biOneArg("sys.setrecursionlimit", args, kw); err != nil {
		return Value{}, err
	}
	n, err := biCInt(args[0])
	if err != nil {
		return Value{}, err
	}
	if n < 1 {
		return Value{}, Errorf(ValueError, "recursion limit must be greater or equal than 1")
	}
	if int(n) <= th.Depth {
		return Value{}, Errorf(RecursionError, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", n, th.Depth)
	}
	th.MaxDepth = int(n)
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
	m.Set("stdout", Obj(&StdStream{Name: "<stdout>"}))
	m.Set("stderr", Obj(&StdStream{Name: "<stderr>", Stderr: true}))
	m.Set("__stdout__", m.Dict["stdout"])
	m.Set("__stderr__", m.Dict["stderr"])
	m.Set("version", Str(sysVersion))
	m.Set("version_info", sysVersionInfo())
	m.Set("hexversion", Int(sysVersionMajor<<24|sysVersionMinor<<16|sysVersionMicro<<8|0xf0))
	m.Set("maxsize", Int(math.MaxInt64))
	m.Set("platform", Str(sysPlatform()))
	m.Set("byteorder", Str("little"))
	m.Set("getrecursionlimit", NewBuiltin("getrecursionlimit", sysGetRecursionLimit))
	m.Set("setrecursionlimit", NewBuiltin("setrecursionlimit", sysSetRecursionLimit))
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
