// Package subprocess is Python's subprocess module: the Go part starts
// a child (runtime.PrepareCommand, which applies the interpreter's
// process grant) and waits for it; the API (run, Popen, check_output,
// CompletedProcess and the errors) is aio source, subprocess.aio.
package subprocess

// This file defines the child process handle the source drives.

import (
	"bytes"
	_ "embed"
	"os"
	"sync"
	"syscall"
	"time"
	"unsafe"

	"github.com/aio-lang/aio/runtime"
)

//go:embed subprocess.aio
var source []byte

func init() {
	runtime.RegisterStdModule("subprocess", load)
	runtime.RegisterStdSource("subprocess", source)
}

// childType is the class of a started child process.
var childType = runtime.NewType("_Child", runtime.ObjectType)

func init() { childType.Final = true }

// child is a started process and what communicate has gathered so far.
type child struct {
	c        *runtime.Command
	done     chan struct{} // closed when the process has exited
	status   int
	mu       sync.Mutex
	out, err bytes.Buffer
	// collecting is closed when the output pipes are drained and stdin is
	// written (set by the first communicate).
	collecting chan struct{}
}

// Type returns childType.
func (c *child) Type() *runtime.Type { return childType }

// Footprint implements runtime.MemNode.
func (c *child) Footprint() int64 {
	return int64(unsafe.Sizeof(*c)) + int64(c.out.Cap()+c.err.Cap())
}

// Referents implements runtime.MemNode: a child refers to no values.
func (c *child) Referents(*runtime.MemWalker) {}

func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("subprocess")
	m.Set("_popen", runtime.NewBuiltin("_popen", popen))
	m.Set("_settle", runtime.Obj(&runtime.Builtin{Name: "_settle", Fn: settle, Suspend: settleInThread}))
	return m
}

// popen is _popen(argv, stdin, stdout, stderr, cwd, env): the started
// child.
func popen(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var argvV, stdin, stdout, stderr, cwd, env runtime.Value
	if err := runtime.UnpackArgs("_popen", args, kw, "argv", &argvV, "stdin", &stdin, "stdout", &stdout,
		"stderr", &stderr, "cwd", &cwd, "env", &env); err != nil {
		return runtime.Value{}, err
	}
	argv, err := runtime.ArgvStrings(th, argvV)
	if err != nil {
		return runtime.Value{}, err
	}
	c, err := runtime.PrepareCommand(th, argv, [3]runtime.Value{stdin, stdout, stderr}, cwd, env)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := c.Start(); err != nil {
		return runtime.Value{}, err
	}
	ch := &child{c: c, done: make(chan struct{})}
	go func() {
		c.Cmd.Wait()
		ch.status = runtime.ExitStatus(c.Cmd.ProcessState)
		close(ch.done)
	}()
	return runtime.Obj(ch), nil
}

// timeoutOf converts the timeout argument (None: wait for ever).
func timeoutOf(th *runtime.Thread, v runtime.Value) (<-chan time.Time, error) {
	if !v.IsValid() || v.IsNone() {
		return nil, nil
	}
	secs, err := runtime.ToFloat(th, v)
	if err != nil {
		return nil, err
	}
	return time.After(time.Duration(secs * float64(time.Second))), nil
}

// wait waits for exit or the timeout; ok is false on timeout.
func (c *child) wait(timeout <-chan time.Time) bool {
	select {
	case <-c.done:
		return true
	case <-timeout:
		return false
	}
}

// collect starts, once, the goroutines that write input to the child's
// stdin and drain its stdout and stderr.
func (c *child) collect(input []byte) {
	if c.collecting != nil {
		return
	}
	c.collecting = make(chan struct{})
	var wg sync.WaitGroup
	if w := c.c.Pipes[0]; w != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.Write(input) // a child that does not read gets EPIPE: ignored, as CPython does
			w.Close()
		}()
	}
	for i, buf := range []*bytes.Buffer{&c.out, &c.err} {
		r := c.c.Pipes[i+1]
		if r == nil {
			continue
		}
		wg.Add(1)
		go func(r *os.File, buf *bytes.Buffer) {
			defer wg.Done()
			b := make([]byte, 32*1024)
			for {
				n, err := r.Read(b)
				c.mu.Lock()
				buf.Write(b[:n])
				c.mu.Unlock()
				if err != nil { // io.EOF, or the pipe failed: either ends the stream
					break
				}
			}
			r.Close()
		}(r, buf)
	}
	go func() { wg.Wait(); close(c.collecting) }()
}

func self(v runtime.Value) *child { return v.Object().(*child) }

func init() {
	childType.Methods(map[string]runtime.BuiltinFn{
		"pid": func(th *runtime.Thread, s runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return runtime.Int(int64(self(s).c.Cmd.Process.Pid)), nil
		},
		"poll": func(th *runtime.Thread, s runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			c := self(s)
			select {
			case <-c.done:
				return runtime.Int(int64(c.status)), nil
			default:
				return runtime.None, nil
			}
		},
		"wait": func(th *runtime.Thread, s runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var timeoutV runtime.Value
			if err := runtime.UnpackArgs("wait", args, kw, "timeout", &timeoutV); err != nil {
				return runtime.Value{}, err
			}
			timeout, err := timeoutOf(th, timeoutV)
			if err != nil {
				return runtime.Value{}, err
			}
			c := self(s)
			if !c.wait(timeout) {
				return runtime.None, nil
			}
			return runtime.Int(int64(c.status)), nil
		},
		// communicate(input, timeout): (stdout, stderr) as bytes (None for
		// a stream that is not a pipe), or None when the timeout came
		// first (a later call goes on collecting).
		"communicate": func(th *runtime.Thread, s runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var inputV, timeoutV runtime.Value
			if err := runtime.UnpackArgs("communicate", args, kw, "input", &inputV, "timeout", &timeoutV); err != nil {
				return runtime.Value{}, err
			}
			input, err := inputBytes(inputV)
			if err != nil {
				return runtime.Value{}, err
			}
			timeout, err := timeoutOf(th, timeoutV)
			if err != nil {
				return runtime.Value{}, err
			}
			c := self(s)
			c.collect(input)
			select {
			case <-c.collecting:
			case <-timeout:
				return runtime.None, nil
			}
			if !c.wait(timeout) {
				return runtime.None, nil
			}
			res := [2]runtime.Value{runtime.None, runtime.None}
			c.mu.Lock()
			for i, buf := range []*bytes.Buffer{&c.out, &c.err} {
				if c.c.Pipes[i+1] != nil {
					res[i] = runtime.NewBytes(append([]byte(nil), buf.Bytes()...))
				}
			}
			c.mu.Unlock()
			return runtime.Obj(runtime.NewTuple(res[:])), nil
		},
		"send_signal": func(th *runtime.Thread, s runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var sig int
			if err := runtime.UnpackArgs("send_signal", args, kw, "sig", &sig); err != nil {
				return runtime.Value{}, err
			}
			c := self(s)
			select {
			case <-c.done:
				return runtime.None, nil
			default:
			}
			c.c.Cmd.Process.Signal(syscall.Signal(sig))
			return runtime.None, nil
		},
	})
}
