package runtime

// This file starts child processes for asyncio (create_subprocess_exec
// and _shell): _spawn starts the program with its standard streams as
// pipes, /dev/null, the parent's streams or another stream (STDOUT), and
// a goroutine waits for its exit and posts the status to the loop. The
// pipes are driven by transports (io_transport.go), so a script reads and
// writes them with StreamReader and StreamWriter.

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"syscall"
	"unsafe"
)

// The stream choices of subprocess and asyncio.subprocess.
const (
	streamPipe    = -1
	streamStdout  = -2
	streamDevnull = -3
)

// ProcessType is the class of the Go side of a child process.
var ProcessType = finalType("_Process")

// Process is a started child process.
type Process struct {
	cmd        *exec.Cmd
	returncode Value // None while it runs
	waiters    []*Future
	pipes      [3]Value // _Conn of the PIPE streams, None otherwise
}

// Type returns ProcessType.
func (p *Process) Type() *Type { return ProcessType }

// Footprint implements MemNode.
func (p *Process) Footprint() int64 { return int64(unsafe.Sizeof(*p)) + 1024 }

// Referents implements MemNode.
func (p *Process) Referents(w *MemWalker) {
	w.Values(p.pipes[:])
	for _, f := range p.waiters {
		w.Node(f)
	}
}

// ExitStatus is a finished process's returncode as Python shows it:
// the exit status, or minus the number of the signal that killed it.
func ExitStatus(st *os.ProcessState) int {
	if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return -int(ws.Signal())
	}
	return st.ExitCode()
}

// StartError converts the error of starting a program as CPython words
// it: "[Errno 2] No such file or directory: 'name'".
func StartError(err error, name string) *Exception {
	var no syscall.Errno
	if errors.As(err, &no) {
		e := errnoException(errnoClass(no), int(no), strerror(no)+": '"+name+"'")
		e.Dict["filename"] = Str(name)
		return e
	}
	if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
		e := errnoException(FileNotFoundError, 2, "No such file or directory: '"+name+"'")
		e.Dict["filename"] = Str(name)
		return e
	}
	return Errorf(OSError, "%s", err.Error())
}

// spawnFn is asyncio's _spawn(argv, stdin, stdout, stderr, cwd, env):
// each stream is PIPE (-1), STDOUT (-2, stderr only), DEVNULL (-3), None
// (the parent's) or an object with fileno() or a file descriptor; env is
// None or a dict of str.
func spawnFn(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	var argvV, stdinV, stdoutV, stderrV, cwdV, envV Value
	if err := UnpackArgs("_spawn", args, kw, "argv", &argvV, "stdin", &stdinV, "stdout", &stdoutV,
		"stderr", &stderrV, "cwd", &cwdV, "env", &envV); err != nil {
		return Value{}, err
	}
	loop, err := RunningLoop(th)
	if err != nil {
		return Value{}, err
	}
	argv, err := argvStrings(th, argvV)
	if err != nil {
		return Value{}, err
	}
	if len(argv) == 0 {
		return Value{}, Errorf(ValueError, "args must not be empty")
	}
	if err := CheckExec(th, argv); err != nil {
		return Value{}, err
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Args = argv
	if lp, err := exec.LookPath(argv[0]); err == nil {
		cmd.Path = lp
	} else {
		cmd.Err = nil
		cmd.Path = argv[0]
	}
	if !cwdV.IsNone() {
		if cmd.Dir, err = ToStr(th, cwdV); err != nil {
			return Value{}, err
		}
	}
	if !envV.IsNone() {
		d, ok := envV.obj.(*Dict)
		if !ok {
			return Value{}, Errorf(TypeError, "env must be a dict")
		}
		cmd.Env = []string{}
		var ferr error
		d.Items(func(k, v Value) bool {
			ks, e1 := ToStr(th, k)
			vs, e2 := ToStr(th, v)
			if e1 != nil || e2 != nil {
				ferr = Errorf(TypeError, "expected str, bytes or os.PathLike object")
				return false
			}
			cmd.Env = append(cmd.Env, ks+"="+vs)
			return true
		})
		if ferr != nil {
			return Value{}, ferr
		}
	}
	p := &Process{cmd: cmd, returncode: None, pipes: [3]Value{None, None, None}}
	var parentEnds, childEnds []*os.File
	closeAll := func() {
		for _, f := range append(parentEnds, childEnds...) {
			f.Close()
		}
	}
	modes := []Value{stdinV, stdoutV, stderrV}
	for i, mv := range modes {
		var f *os.File
		var w io.Writer
		switch {
		case mv.IsNone():
			// Inherit: the parent's stream, copied through the loop when
			// the interpreter's stream is not the process's own.
			switch i {
			case 0:
				f = nil
			case 1:
				w = th.Stdout
			case 2:
				w = th.Stderr
			}
		default:
			n, isInt := asInt64(mv)
			if !isInt {
				fd, found, err := th.CallMethod(mv, "fileno")
				if err == nil && !found {
					err = Errorf(TypeError, "stream must be PIPE, DEVNULL, STDOUT, None, a file or a file descriptor")
				}
				if err != nil {
					closeAll()
					return Value{}, err
				}
				n, _ = asInt64(fd)
				f = os.NewFile(uintptr(n), "fd")
				break
			}
			switch n {
			case streamPipe:
				r, wr, err := os.Pipe()
				if err != nil {
					closeAll()
					return Value{}, socketError(err)
				}
				if i == 0 {
					f = r
					parentEnds = append(parentEnds, wr)
					p.pipes[0] = Obj(&Conn{c: wr})
				} else {
					f = wr
					parentEnds = append(parentEnds, r)
					p.pipes[i] = Obj(&Conn{c: r})
				}
				childEnds = append(childEnds, f)
			case streamStdout:
				if i != 2 {
					closeAll()
					return Value{}, Errorf(ValueError, "STDOUT can only be used for stderr")
				}
				f = nil
				w = nil
				if cf, ok := cmd.Stdout.(*os.File); ok {
					f = cf
				} else {
					w = cmd.Stdout
				}
			case streamDevnull:
				f = nil
			default:
				f = os.NewFile(uintptr(n), "fd")
			}
		}
		switch i {
		case 0:
			if f != nil {
				cmd.Stdin = f
			}
		case 1:
			if f != nil {
				cmd.Stdout = f
			} else if w != nil {
				cmd.Stdout = w
			}
		case 2:
			if f != nil {
				cmd.Stderr = f
			} else if w != nil {
				cmd.Stderr = w
			}
		}
	}
	if err := cmd.Start(); err != nil {
		closeAll()
		return Value{}, StartError(err, argv[0])
	}
	for _, f := range childEnds {
		f.Close()
	}
	loop.BeginHostWork()
	go func() {
		cmd.Wait()
		status := ExitStatus(cmd.ProcessState)
		loop.Post(func() error {
			loop.EndHostWork()
			p.returncode = Int(int64(status))
			for _, f := range p.waiters {
				if !f.Done() {
					f.SetResult(p.returncode)
				}
			}
			p.waiters = nil
			return nil
		})
	}()
	return Obj(p), nil
}

// argvStrings converts a list or tuple of str to Go strings.
func argvStrings(th *Thread, v Value) ([]string, error) {
	var items []Value
	switch o := v.obj.(type) {
	case *List:
		items = o.Items
	case *Tuple:
		items = o.Items
	default:
		return nil, Errorf(TypeError, "expected a list of str, not %s", v.Type().Name)
	}
	out := make([]string, len(items))
	for i, it := range items {
		s, err := ToStr(th, it)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

func init() {
	proc := func(v Value) *Process { return v.obj.(*Process) }
	ProcessType.Methods(map[string]BuiltinFn{
		"pid": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return Int(int64(proc(self).cmd.Process.Pid)), nil
		},
		"returncode": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return proc(self).returncode, nil
		},
		"pipe": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var i int
			if err := UnpackArgs("pipe", args, kw, "index", &i); err != nil {
				return Value{}, err
			}
			if i < 0 || i > 2 {
				return Value{}, Errorf(IndexError, "pipe index out of range")
			}
			return proc(self).pipes[i], nil
		},
		"wait": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			loop, err := RunningLoop(th)
			if err != nil {
				return Value{}, err
			}
			p := proc(self)
			f := NewFuture(loop)
			if !p.returncode.IsNone() {
				f.SetResult(p.returncode)
			} else {
				p.waiters = append(p.waiters, f)
			}
			return Obj(f), nil
		},
		"send_signal": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var sig int
			if err := UnpackArgs("send_signal", args, kw, "sig", &sig); err != nil {
				return Value{}, err
			}
			p := proc(self)
			if !p.returncode.IsNone() {
				return None, nil // CPython ignores a signal to a reaped child
			}
			if err := p.cmd.Process.Signal(syscall.Signal(sig)); err != nil && !errors.Is(err, os.ErrProcessDone) {
				return Value{}, socketError(err)
			}
			return None, nil
		},
	})
}
