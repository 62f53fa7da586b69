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
	// files are Popen's stdin, stdout and stderr file objects over the
	// pipes (invalid for a stream that is not a pipe).
	files [3]runtime.Value
}

// Type returns childType.
func (c *child) Type() *runtime.Type { return childType }

// Footprint implements runtime.MemNode.
func (c *child) Footprint() int64 {
	return int64(unsafe.Sizeof(*c)) + int64(c.out.Cap()+c.err.Cap())
}

// Referents implements runtime.MemNode: the pipes' file objects.
func (c *child) Referents(w *runtime.MemWalker) {
	for _, f := range c.files {
		if f.IsValid() {
			w.Value(f)
		}
	}
}

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

// keepsReadAhead is collect's keepReadAhead for a communicate call:
// CPython keeps what a lone pipe read ahead only when no timeout is set.
func (c *child) keepsReadAhead(noTimeout bool) bool {
	pipes := 0
	for _, f := range c.c.Pipes {
		if f != nil {
			pipes++
		}
	}
	return pipes <= 1 && noTimeout
}

// collect starts, once, the goroutines that write input to the child's
// stdin and drain its stdout and stderr.
//
// The pipes' file objects hand their pipes over first (DetachPipeFile):
// what stdin has buffered is written out (a child that went away is
// ignored, as CPython does), what stdout and stderr have read ahead
// starts the collected output when keepReadAhead says so, and the
// objects are closed. A pipe whose object the script closed is left
// alone.
//
// keepReadAhead is CPython's behaviour, which reads a lone pipe through
// its file object but two or more (or any with a timeout) through their
// descriptors, losing what the objects had read ahead.
func (c *child) collect(input []byte, keepReadAhead bool) {
	if c.collecting != nil {
		return
	}
	c.collecting = make(chan struct{})
	var pipes [3]*os.File
	for i, f := range c.c.Pipes {
		pipes[i] = f
		if f == nil || !c.files[i].IsValid() {
			continue
		}
		rest, ok, _ := runtime.DetachPipeFile(c.files[i])
		if !ok {
			pipes[i] = nil
			continue
		}
		switch {
		case !keepReadAhead:
		case i == 1:
			c.out.Write(rest)
		case i == 2:
			c.err.Write(rest)
		}
	}
	var wg sync.WaitGroup
	if w := pipes[0]; w != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.Write(input) // a child that does not read gets EPIPE: ignored, as CPython does
			w.Close()
		}()
	}
	for i, buf := range []*bytes.Buffer{&c.out, &c.err} {
		r := pipes[i+1]
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
		// stream(i, text, encoding, errors, bufsize): the file object
		// over pipe i (0 stdin, 1 stdout, 2 stderr), or None when that
		// stream is not a pipe.
		"stream": func(th *runtime.Thread, s runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var i, bufsize int
			var text bool
			var encoding, errors runtime.Value
			if err := runtime.UnpackArgs("stream", args, kw, "i", &i, "text", &text, "encoding", &encoding,
				"errors", &errors, "bufsize", &bufsize); err != nil {
				return runtime.Value{}, err
			}
			c := self(s)
			if i < 0 || i > 2 || c.c.Pipes[i] == nil {
				return runtime.None, nil
			}
			if !c.files[i].IsValid() {
				f, err := runtime.NewPipeFile(c.c.Pipes[i], runtime.PipeFileOptions{Write: i == 0,
					Unbuffered: bufsize == 0, Text: text, Encoding: encoding, Errors: errors,
					LineBuffering: text && bufsize == 1})
				if err != nil {
					return runtime.Value{}, err
				}
				c.files[i] = f
			}
			return c.files[i], nil
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
			c.collect(input, c.keepsReadAhead(timeout == nil))
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
