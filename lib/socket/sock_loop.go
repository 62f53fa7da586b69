package socket

// This file defines the event loop's methods on socket objects
// (loop.sock_connect, sock_accept, sock_recv, sock_recv_into,
// sock_recvfrom, sock_sendall, sock_sendto). Each tries its system call
// on the loop at once, as CPython's selector loop does; when the call
// would block, a goroutine waits in Go's netpoller until the socket is
// ready and hands the next attempt back through the loop's inbox. The
// loop itself never blocks, and a cancelled operation consumes nothing:
// the data is only ever read by an attempt on the loop.

import (
	"syscall"
	"time"

	"github.com/aio-lang/aio/runtime"
)

// attempt is one try of a loop operation on the loop: its result, or
// again when the socket is not ready.
type attempt func() (v runtime.Value, err error, again bool)

// loopOp is the future of an operation on s: it runs try now and then
// each time the netpoller finds s ready in direction write.
func loopOp(loop *runtime.Loop, s *Sock, write bool, try attempt) *runtime.Future {
	fut := runtime.NewFuture(loop)
	waiting := false // a goroutine waits and is counted as host work
	fut.AddDoneCallback(func(*runtime.Future) error {
		if waiting {
			// Cancelled while a goroutine waits: the loop stops counting
			// it; it ends when the socket is ready or closed.
			waiting = false
			loop.EndHostWork()
		}
		return nil
	})
	var step func() error
	step = func() error {
		if fut.Done() {
			return nil
		}
		v, err, again := try()
		if !again {
			if err != nil {
				return fut.SetException(runtime.AsException(err))
			}
			return fut.SetResult(v)
		}
		if s.file == nil {
			return fut.SetException(runtime.NewOSError(int(syscall.EBADF), ""))
		}
		// A deadline left by a blocking call with a timeout must not end
		// the wait.
		if err := s.setDeadline(write, time.Time{}); err != nil {
			return fut.SetException(runtime.AsException(err))
		}
		raw := s.raw
		waiting = true
		loop.BeginHostWork()
		go func() {
			werr := waitRawReady(raw, write)
			if werr != nil {
				werr = errnoError(werr)
			}
			loop.Post(func() error {
				if !waiting {
					return nil
				}
				waiting = false
				loop.EndHostWork()
				if werr != nil && !fut.Done() {
					return fut.SetException(runtime.AsException(werr))
				}
				return step()
			})
		}()
		return nil
	}
	if err := step(); err != nil {
		fut.SetException(runtime.AsException(err))
	}
	return fut
}

// futureCoro is a coroutine that starts an operation when first run and
// returns the outcome of its future; throwing into it cancels the
// operation.
func futureCoro(name string, start func(th *runtime.Thread) (*runtime.Future, error)) runtime.Value {
	var fut *runtime.Future
	return runtime.Obj(runtime.NewNativeCoro(name, func(th *runtime.Thread, throw error) runtime.CoroStep {
		if fut == nil {
			if throw != nil {
				return runtime.CoroStep{Done: true, Err: throw}
			}
			f, err := start(th)
			if err != nil {
				return runtime.CoroStep{Done: true, Err: err}
			}
			fut = f
		}
		if throw != nil && !fut.Done() {
			fut.Cancel(runtime.None)
		}
		return fut.AwaitStep(th, throw)
	}))
}

// recvAttempt is one non-blocking receive into buf, for the loop's
// sock_recv* methods: the byte count (0 on error), the sender, and
// syscallAttempt's outcome.
func (s *Sock) recvAttempt(buf []byte) (got int, from syscall.Sockaddr, err error, again bool) {
	err, again = s.syscallAttempt(func(fd int) error {
		var e error
		got, from, e = syscall.Recvfrom(fd, buf, 0)
		got = max(got, 0)
		return e
	})
	return got, from, err, again
}

// syscallAttempt runs a non-blocking system call on s and sorts its
// outcome: EAGAIN asks for another attempt once s is ready.
func (s *Sock) syscallAttempt(op func(fd int) error) (err error, again bool) {
	raw, err := s.open()
	if err != nil {
		return err, false
	}
	var opErr error
	if err := raw.Control(func(fd uintptr) { opErr = retryEINTR(op, int(fd)) }); err != nil {
		return errnoError(err), false
	}
	if opErr == syscall.EAGAIN {
		return nil, true
	}
	if opErr != nil {
		return errnoError(opErr), false
	}
	return nil, false
}

// sockArg returns the raw socket of the socket object a loop method was
// given.
func sockArg(th *runtime.Thread, v runtime.Value) (*Sock, error) {
	if s, ok := v.Object().(*Sock); ok {
		return s, nil
	}
	raw, err := runtime.GetAttr(th, v, "_s")
	if err == nil {
		if s, ok := raw.Object().(*Sock); ok {
			return s, nil
		}
	}
	return nil, runtime.Errorf(runtime.TypeError, "expected a socket.socket object, not %s", v.Type().Name)
}

// wrapSock makes a socket.socket object of an accepted raw socket.
func wrapSock(th *runtime.Thread, s *Sock) (runtime.Value, error) {
	m, ok := th.Modules["socket"]
	if ok {
		if cls, ok := m.Get("socket"); ok {
			wrap, err := runtime.GetAttr(th, cls, "_wrap")
			if err != nil {
				return runtime.Value{}, err
			}
			return th.Call(wrap, []runtime.Value{runtime.Obj(s)}, nil)
		}
	}
	return runtime.Obj(s), nil
}

// connectFailed words a failed sock_connect as CPython's loop does:
// "[Errno 111] Connect call failed ('127.0.0.1', 1)".
func connectFailed(th *runtime.Thread, err error, addr runtime.Value) error {
	e := runtime.AsException(err)
	no, ok := e.Dict["errno"]
	if !ok || !no.IsSmallInt() {
		return e
	}
	text, terr := runtime.ToStr(th, addr)
	if terr != nil {
		return terr
	}
	v, cerr := th.Call(runtime.Obj(runtime.OSError), []runtime.Value{no, runtime.Str("Connect call failed " + text)}, nil)
	if cerr != nil {
		return cerr
	}
	if exc, ok := runtime.As[*runtime.Exception](v); ok {
		return exc
	}
	return e
}

// loopMethod is a loop method taking the loop, a socket and the rest.
type loopMethod func(th *runtime.Thread, loop *runtime.Loop, s *Sock, args []runtime.Value) (*runtime.Future, error)

// asLoopMethod checks a loop method's call (self, sock, then nargs more
// positional arguments) and makes its coroutine.
func asLoopMethod(name string, nargs int, run loopMethod) runtime.BuiltinFn {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.PositionalArgs(name, args, kw, 1+nargs, 1+nargs); err != nil {
			return runtime.Value{}, err
		}
		loop, ok := self.Object().(*runtime.Loop)
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s() needs an event loop", name)
		}
		s, err := sockArg(th, args[0])
		if err != nil {
			return runtime.Value{}, err
		}
		rest := append([]runtime.Value(nil), args[1:]...)
		return futureCoro("BaseSelectorEventLoop."+name, func(th *runtime.Thread) (*runtime.Future, error) {
			return run(th, loop, s, rest)
		}), nil
	}
}

func init() {
	runtime.LoopType.Methods(map[string]runtime.BuiltinFn{
		"sock_recv": asLoopMethod("sock_recv", 1, func(th *runtime.Thread, loop *runtime.Loop, s *Sock, args []runtime.Value) (*runtime.Future, error) {
			n, ok := runtime.AsInt64(args[0])
			if !ok {
				return nil, runtime.Errorf(runtime.TypeError, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
			}
			if err := recvSize(th, "recv", int(n)); err != nil {
				return nil, err
			}
			return loopOp(loop, s, false, func() (runtime.Value, error, bool) {
				buf := make([]byte, n)
				got, _, err, again := s.recvAttempt(buf)
				return runtime.NewBytes(buf[:got]), err, again
			}), nil
		}),
		"sock_recv_into": asLoopMethod("sock_recv_into", 1, func(th *runtime.Thread, loop *runtime.Loop, s *Sock, args []runtime.Value) (*runtime.Future, error) {
			ba, ok := runtime.As[*runtime.ByteArray](args[0])
			if !ok {
				return nil, runtime.Errorf(runtime.TypeError, "recv_into() argument 'buffer' must be read-write bytes-like object, not %s", args[0].Type().Name)
			}
			return loopOp(loop, s, false, func() (runtime.Value, error, bool) {
				buf := make([]byte, len(ba.B))
				got, _, err, again := s.recvAttempt(buf)
				copy(ba.B, buf[:got])
				return runtime.Int(int64(got)), err, again
			}), nil
		}),
		"sock_recvfrom": asLoopMethod("sock_recvfrom", 1, func(th *runtime.Thread, loop *runtime.Loop, s *Sock, args []runtime.Value) (*runtime.Future, error) {
			n, ok := runtime.AsInt64(args[0])
			if !ok {
				return nil, runtime.Errorf(runtime.TypeError, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
			}
			if err := recvSize(th, "recvfrom", int(n)); err != nil {
				return nil, err
			}
			return loopOp(loop, s, false, func() (runtime.Value, error, bool) {
				buf := make([]byte, n)
				got, from, err, again := s.recvAttempt(buf)
				return runtime.TupleOf(runtime.NewBytes(buf[:got]), addrValue(from)), err, again
			}), nil
		}),
		"sock_sendall": asLoopMethod("sock_sendall", 1, func(th *runtime.Thread, loop *runtime.Loop, s *Sock, args []runtime.Value) (*runtime.Future, error) {
			b, err := dataArg(th, args[0])
			if err != nil {
				return nil, err
			}
			rest := append([]byte(nil), b...)
			return loopOp(loop, s, true, func() (runtime.Value, error, bool) {
				for len(rest) > 0 {
					var n int
					err, again := s.syscallAttempt(func(fd int) error {
						var err error
						n, err = syscall.SendmsgN(fd, rest, nil, nil, syscall.MSG_NOSIGNAL)
						return err
					})
					if err != nil || again {
						return runtime.None, err, again
					}
					rest = rest[n:]
				}
				return runtime.None, nil, false
			}), nil
		}),
		"sock_sendto": asLoopMethod("sock_sendto", 2, func(th *runtime.Thread, loop *runtime.Loop, s *Sock, args []runtime.Value) (*runtime.Future, error) {
			b, err := dataArg(th, args[0])
			if err != nil {
				return nil, err
			}
			data := append([]byte(nil), b...)
			sa, err := s.sockaddr(th, "sendto", args[1])
			if err != nil {
				return nil, err
			}
			return loopOp(loop, s, true, func() (runtime.Value, error, bool) {
				var n int
				err, again := s.syscallAttempt(func(fd int) error {
					var err error
					n, err = syscall.SendmsgN(fd, data, nil, sa, syscall.MSG_NOSIGNAL)
					return err
				})
				return runtime.Int(int64(n)), err, again
			}), nil
		}),
		"sock_connect": asLoopMethod("sock_connect", 1, func(th *runtime.Thread, loop *runtime.Loop, s *Sock, args []runtime.Value) (*runtime.Future, error) {
			sa, err := s.sockaddr(th, "connect", args[0])
			if err != nil {
				return nil, err
			}
			addr := addrValue(sa)
			started := false
			return loopOp(loop, s, true, func() (runtime.Value, error, bool) {
				var err error
				if !started {
					started = true
					err = s.connectStart(sa)
					if err == syscall.EINPROGRESS {
						return runtime.None, nil, true
					}
				} else {
					err = s.connectResult()
				}
				if err != nil {
					return runtime.None, connectFailed(th, errnoError(err), addr), false
				}
				return runtime.None, nil, false
			}), nil
		}),
		"sock_accept": asLoopMethod("sock_accept", 0, func(th *runtime.Thread, loop *runtime.Loop, s *Sock, args []runtime.Value) (*runtime.Future, error) {
			return loopOp(loop, s, false, func() (runtime.Value, error, bool) {
				var nfd int
				var sa syscall.Sockaddr
				err, again := s.syscallAttempt(func(fd int) error {
					var err error
					nfd, sa, err = syscall.Accept4(fd, syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC)
					return err
				})
				if err != nil || again {
					return runtime.None, err, again
				}
				c, err := newSock(nfd, s.family, s.kind, s.proto)
				if err != nil {
					return runtime.None, err, false
				}
				c.timeout = 0
				conn, err := wrapSock(th, c)
				if err != nil {
					c.close()
					return runtime.None, err, false
				}
				return runtime.TupleOf(conn, addrValue(sa)), nil, false
			}), nil
		}),
	})
}
