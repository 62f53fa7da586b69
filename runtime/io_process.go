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
	"sync"
	"syscall"
	"time"
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
		return newOSError(errnoClass(no), []Value{Int(int64(no)), Str(strerror(no)), Str(name)})
	}
	if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
		return NewOSError(2, name)
	}
	return Errorf(OSError, "%s", err.Error())
}

// Command is a child process prepared by PrepareCommand: Cmd is ready to
// start, and Pipes holds the parent's ends of the streams given as PIPE
// (stdin's write end, stdout's and stderr's read ends; nil otherwise).
type Command struct {
	Cmd       *exec.Cmd
	Pipes     [3]*os.File
	childEnds []*os.File
	// stderrToStdout: stderr was given as STDOUT.
	stderrToStdout bool
}

// PrepareCommand checks the process grant and prepares argv's command:
// each of the three streams is PIPE (-1), STDOUT (-2, stderr only),
// DEVNULL (-3), None (the interpreter's own), an object with fileno() or
// a file descriptor; cwd is None or a str; env is None or a dict of str.
func PrepareCommand(th *Thread, argv []string, streams [3]Value, cwdV, envV Value) (*Command, error) {
	if len(argv) == 0 {
		return nil, Errorf(ValueError, "args must not be empty")
	}
	if err := CheckExec(th, argv); err != nil {
		return nil, err
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Args = argv
	if lp, err := exec.LookPath(argv[0]); err == nil {
		cmd.Path = lp
	} else {
		cmd.Err = nil
		cmd.Path = argv[0]
	}
	if cwdV.IsValid() && !cwdV.IsNone() {
		dir, err := ToStr(th, cwdV)
		if err != nil {
			return nil, err
		}
		cmd.Dir = dir
	}
	if envV.IsValid() && !envV.IsNone() {
		env, err := envList(th, envV)
		if err != nil {
			return nil, err
		}
		cmd.Env = env
	}
	c := &Command{Cmd: cmd}
	for i, mv := range streams {
		if err := c.setStream(th, i, mv); err != nil {
			c.closeAll()
			return nil, err
		}
	}
	return c, nil
}

// envList converts a dict of str to KEY=value strings.
func envList(th *Thread, v Value) ([]string, error) {
	d, ok := v.obj.(*Dict)
	if !ok {
		return nil, Errorf(TypeError, "env must be a dict, not %s", v.Type().Name)
	}
	env := []string{}
	var ferr error
	d.Items(func(k, v Value) bool {
		ks, e1 := ToStr(th, k)
		vs, e2 := ToStr(th, v)
		if e1 != nil || e2 != nil {
			ferr = Errorf(TypeError, "expected str, bytes or os.PathLike object, not %s", v.Type().Name)
			return false
		}
		env = append(env, ks+"="+vs)
		return true
	})
	return env, ferr
}

// setStream applies the choice mv to stream i (0 stdin, 1 stdout, 2
// stderr).
func (c *Command) setStream(th *Thread, i int, mv Value) error {
	cmd := c.Cmd
	var f *os.File
	var w io.Writer
	switch {
	case !mv.IsValid() || mv.IsNone():
		// The interpreter's own stream (the host's, for an embedder).
		switch i {
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
				return err
			}
			n, _ = asInt64(fd)
			f = os.NewFile(uintptr(n), "fd")
			break
		}
		switch n {
		case streamPipe:
			r, wr, err := os.Pipe()
			if err != nil {
				return socketError(err)
			}
			if i == 0 {
				f, c.Pipes[0] = r, wr
			} else {
				f, c.Pipes[i] = wr, r
			}
			c.childEnds = append(c.childEnds, f)
		case streamStdout:
			if i != 2 {
				return Errorf(ValueError, "STDOUT can only be used for stderr")
			}
			cmd.Stderr = cmd.Stdout
			c.stderrToStdout = true
			return nil
		case streamDevnull:
			// exec's nil stream is the null device.
		default:
			f = os.NewFile(uintptr(n), "fd")
		}
	}
	switch {
	case i == 0 && f != nil:
		cmd.Stdin = f
	case i == 1 && f != nil:
		cmd.Stdout = f
	case i == 1 && w != nil:
		cmd.Stdout = w
	case i == 2 && f != nil:
		cmd.Stderr = f
	case i == 2 && w != nil:
		cmd.Stderr = w
	}
	return nil
}

func (c *Command) closeAll() {
	for _, f := range c.Pipes {
		if f != nil {
			f.Close()
		}
	}
	for _, f := range c.childEnds {
		f.Close()
	}
}

// Start starts the program; a failure is CPython's OSError.
func (c *Command) Start() error {
	if err := c.Cmd.Start(); err != nil {
		c.closeAll()
		return StartError(err, c.Cmd.Args[0])
	}
	for _, f := range c.childEnds {
		f.Close()
	}
	c.childEnds = nil
	return nil
}

// spawnFn is asyncio's _spawn(argv, stdin, stdout, stderr, cwd, env)
// (see PrepareCommand): the started process, whose exit a goroutine
// posts to the loop.
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
	argv, err := ArgvStrings(th, argvV)
	if err != nil {
		return Value{}, err
	}
	c, err := PrepareCommand(th, argv, [3]Value{stdinV, stdoutV, stderrV}, cwdV, envV)
	if err != nil {
		return Value{}, err
	}
	forwards, err := c.forwardThroughLoop()
	if err != nil {
		c.closeAll()
		return Value{}, err
	}
	if err := c.Start(); err != nil {
		for _, f := range forwards {
			f.r.Close()
		}
		return Value{}, err
	}
	var forwarded sync.WaitGroup
	for _, f := range forwards {
		forwarded.Add(1)
		f.start(loop, &forwarded)
	}
	cmd := c.Cmd
	p := &Process{cmd: cmd, returncode: None, pipes: [3]Value{None, None, None}}
	for i, f := range c.Pipes {
		if f != nil {
			p.pipes[i] = Obj(&Conn{c: f})
		}
	}
	loop.BeginHostWork()
	go func() {
		cmd.Wait()
		status := ExitStatus(cmd.ProcessState)
		// The child's forwarded output is posted before its exit, unless
		// a grandchild keeps the pipe open.
		drained := make(chan struct{})
		go func() { forwarded.Wait(); close(drained) }()
		select {
		case <-drained:
		case <-time.After(100 * time.Millisecond):
		}
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

// ArgvStrings converts a list or tuple of str to Go strings.
func ArgvStrings(th *Thread, v Value) ([]string, error) {
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
				// asyncio's transport of a reaped child refuses signals.
				return Value{}, NewException(ProcessLookupError)
			}
			if err := p.cmd.Process.Signal(syscall.Signal(sig)); err != nil && !errors.Is(err, os.ErrProcessDone) {
				return Value{}, socketError(err)
			}
			return None, nil
		},
	})
}

// forward copies a child's output to one of the interpreter's streams
// through the loop, so that the stream is only ever written by the
// interpreter's goroutine, in order with the script's own output.
type forward struct {
	r   *os.File
	dst io.Writer
}

// forwardThroughLoop gives the child a pipe for each inherited output
// stream that is not a file of the process (an embedder's writer, or the
// interpreter's buffering of it).
func (c *Command) forwardThroughLoop() ([]forward, error) {
	var out []forward
	cmd := c.Cmd
	replace := func(w io.Writer) (io.Writer, error) {
		if w == nil {
			return nil, nil
		}
		if _, ok := w.(*os.File); ok {
			return w, nil
		}
		r, pw, err := os.Pipe()
		if err != nil {
			return nil, socketError(err)
		}
		c.childEnds = append(c.childEnds, pw)
		out = append(out, forward{r: r, dst: w})
		return pw, nil
	}
	var err error
	if cmd.Stdout, err = replace(cmd.Stdout); err != nil {
		return out, err
	}
	if c.stderrToStdout {
		cmd.Stderr = cmd.Stdout
	} else if cmd.Stderr, err = replace(cmd.Stderr); err != nil {
		return out, err
	}
	return out, nil
}

// start reads the pipe on a goroutine, posting each chunk to the loop.
func (f forward) start(loop *Loop, done *sync.WaitGroup) {
	loop.BeginHostWork()
	go func() {
		defer done.Done()
		buf := make([]byte, 32*1024)
		for {
			n, err := f.r.Read(buf)
			if n > 0 {
				chunk := append([]byte(nil), buf[:n]...)
				loop.Post(func() error { f.dst.Write(chunk); return nil })
			}
			if err != nil {
				break
			}
		}
		f.r.Close()
		loop.Post(func() error { loop.EndHostWork(); return nil })
	}()
}
