package socket

// This file gives the raw socket its Python methods (the blocking API
// of socket.socket, which socket.aio's class forwards to) and defines
// the module's _open and _pair.

import (
	"math"
	"net"
	"os"
	"syscall"
	"unsafe"

	"github.com/aio-lang/aio/lib/internal/bufarg"
	"github.com/aio-lang/aio/runtime"
)

// sockOf returns the raw socket a method was called on.
func sockOf(v runtime.Value) *Sock { return v.Object().(*Sock) }

// dataArg reads a bytes-like argument of a send method.
func dataArg(th *runtime.Thread, v runtime.Value) ([]byte, error) {
	b, ok, err := bufarg.Bytes(th, v)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, runtime.Errorf(runtime.TypeError, "a bytes-like object is required, not '%s'", v.Type().Name)
	}
	return b, nil
}

// openFn is _open(family, type, proto): a new raw socket.
func openFn(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var family, kind, proto int
	if err := runtime.UnpackArgs("_open", args, kw, "family", &family, "type", &kind, "proto", &proto); err != nil {
		return runtime.Value{}, err
	}
	s, err := openSock(family, kind, proto)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(s), nil
}

// pairFn is _pair(family, type, proto): two connected raw sockets.
func pairFn(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var family, kind, proto int
	if err := runtime.UnpackArgs("_pair", args, kw, "family", &family, "type", &kind, "proto", &proto); err != nil {
		return runtime.Value{}, err
	}
	a, b, err := pairSocks(family, kind, proto)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.TupleOf(runtime.Obj(a), runtime.Obj(b)), nil
}

// timeoutArg converts a timeout as settimeout takes it (None, or
// non-negative seconds) to the internal form (negative for None).
func timeoutArg(th *runtime.Thread, v runtime.Value) (float64, error) {
	if v.IsNone() {
		return -1, nil
	}
	if !runtime.IsInstanceOf(v, runtime.IntType) && !runtime.IsInstanceOf(v, runtime.FloatType) {
		return 0, runtime.Errorf(runtime.TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	f, err := runtime.ToFloat(th, v)
	if err != nil {
		return 0, err
	}
	if f < 0 || math.IsNaN(f) {
		return 0, runtime.Errorf(runtime.ValueError, "Timeout value out of range")
	}
	return f, nil
}

// timeoutValue is the Python form of a timeout.
func timeoutValue(t float64) runtime.Value {
	if t < 0 {
		return runtime.None
	}
	return runtime.Float(t)
}

// recvSize checks a recv method's buffer size and charges its memory.
func recvSize(th *runtime.Thread, name string, n int) error {
	if n < 0 {
		return runtime.Errorf(runtime.ValueError, "negative buffersize in %s", name)
	}
	return th.Alloc(int64(n))
}

// sendAll sends data in full, as sendall() does.
func (s *Sock) sendAll(th *runtime.Thread, data []byte, flags int) error {
	for len(data) > 0 {
		n, err := s.sendto(th, data, flags, nil)
		if err != nil {
			return err
		}
		if err := th.Work(1); err != nil {
			return err
		}
		data = data[n:]
	}
	return nil
}

func init() {
	sockType.Methods(map[string]runtime.BuiltinFn{
		"fileno": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.NoArgs("fileno", args, kw); err != nil {
				return runtime.Value{}, err
			}
			return runtime.Int(int64(sockOf(self).fd)), nil
		},
		"info": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			s := sockOf(self)
			return runtime.TupleOf(runtime.Int(int64(s.family)), runtime.Int(int64(s.kind)), runtime.Int(int64(s.proto))), nil
		},
		"close": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			sockOf(self).close()
			return runtime.None, nil
		},
		"connect": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			addr, err := runtime.OneArg("connect", args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			s := sockOf(self)
			sa, err := s.sockaddr(th, "connect", addr)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.None, s.connect(th, sa)
		},
		"connect_ex": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			addr, err := runtime.OneArg("connect_ex", args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			s := sockOf(self)
			sa, err := s.sockaddr(th, "connect", addr)
			if err != nil {
				return runtime.Value{}, err
			}
			if err := s.connect(th, sa); err != nil {
				if e, ok := err.(*runtime.Exception); ok {
					if no, ok := e.Dict["errno"]; ok && no.IsSmallInt() {
						return no, nil
					}
				}
				return runtime.Value{}, err
			}
			return runtime.Int(0), nil
		},
		"bind": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			addr, err := runtime.OneArg("bind", args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			s := sockOf(self)
			sa, err := s.sockaddr(th, "bind", addr)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.None, s.control(func(fd int) error { return syscall.Bind(fd, sa) })
		},
		"listen": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			backlog := 128
			if err := runtime.UnpackArgs("listen", args, kw, "/backlog?", &backlog); err != nil {
				return runtime.Value{}, err
			}
			s := sockOf(self)
			if err := s.checkUnboundListen(th); err != nil {
				return runtime.Value{}, err
			}
			if backlog < 0 {
				backlog = 0
			}
			return runtime.None, s.control(func(fd int) error { return syscall.Listen(fd, backlog) })
		},
		"accept": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.NoArgs("accept", args, kw); err != nil {
				return runtime.Value{}, err
			}
			c, sa, err := sockOf(self).accept(th)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.TupleOf(runtime.Obj(c), addrValue(sa)), nil
		},
		"send": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var data runtime.Value
			flags := 0
			if err := runtime.UnpackArgs("send", args, kw, "/data", &data, "/flags?", &flags); err != nil {
				return runtime.Value{}, err
			}
			b, err := dataArg(th, data)
			if err != nil {
				return runtime.Value{}, err
			}
			n, err := sockOf(self).sendto(th, b, flags, nil)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.Int(int64(n)), nil
		},
		"sendall": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var data runtime.Value
			flags := 0
			if err := runtime.UnpackArgs("sendall", args, kw, "/data", &data, "/flags?", &flags); err != nil {
				return runtime.Value{}, err
			}
			b, err := dataArg(th, data)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.None, sockOf(self).sendAll(th, append([]byte(nil), b...), flags)
		},
		"sendto": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if err := runtime.PositionalArgs("sendto", args, kw, 2, 3); err != nil {
				return runtime.Value{}, err
			}
			flags := 0
			addr := args[len(args)-1]
			if len(args) == 3 {
				f, ok := runtime.AsInt64(args[1])
				if !ok {
					return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' object cannot be interpreted as an integer", args[1].Type().Name)
				}
				flags = int(f)
			}
			b, err := dataArg(th, args[0])
			if err != nil {
				return runtime.Value{}, err
			}
			s := sockOf(self)
			sa, err := s.sockaddr(th, "sendto", addr)
			if err != nil {
				return runtime.Value{}, err
			}
			n, err := s.sendto(th, b, flags, sa)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.Int(int64(n)), nil
		},
		"recv": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var size, flags int
			if err := runtime.UnpackArgs("recv", args, kw, "/bufsize", &size, "/flags?", &flags); err != nil {
				return runtime.Value{}, err
			}
			if err := recvSize(th, "recv", size); err != nil {
				return runtime.Value{}, err
			}
			buf := make([]byte, size)
			n, _, err := sockOf(self).recvfrom(th, buf, flags)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.NewBytes(buf[:n]), nil
		},
		"recvfrom": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var size, flags int
			if err := runtime.UnpackArgs("recvfrom", args, kw, "/bufsize", &size, "/flags?", &flags); err != nil {
				return runtime.Value{}, err
			}
			if err := recvSize(th, "recvfrom", size); err != nil {
				return runtime.Value{}, err
			}
			buf := make([]byte, size)
			n, from, err := sockOf(self).recvfrom(th, buf, flags)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.TupleOf(runtime.NewBytes(buf[:n]), addrValue(from)), nil
		},
		"recv_into": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var target runtime.Value
			var size, flags int
			if err := runtime.UnpackArgs("recv_into", args, kw, "buffer", &target, "nbytes?", &size, "flags?", &flags); err != nil {
				return runtime.Value{}, err
			}
			ba, ok := runtime.As[*runtime.ByteArray](target)
			if !ok {
				return runtime.Value{}, runtime.Errorf(runtime.TypeError, "recv_into() argument 'buffer' must be read-write bytes-like object, not %s", target.Type().Name)
			}
			if size < 0 {
				return runtime.Value{}, runtime.Errorf(runtime.ValueError, "negative buffersize in recv_into")
			}
			if size == 0 {
				size = len(ba.B)
			}
			if size > len(ba.B) {
				return runtime.Value{}, runtime.Errorf(runtime.ValueError, "buffer too small for requested bytes")
			}
			buf := make([]byte, size)
			n, _, err := sockOf(self).recvfrom(th, buf, flags)
			if err != nil {
				return runtime.Value{}, err
			}
			copy(ba.B, buf[:n])
			return runtime.Int(int64(n)), nil
		},
		"shutdown": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var how int
			if err := runtime.UnpackArgs("shutdown", args, kw, "/how", &how); err != nil {
				return runtime.Value{}, err
			}
			return runtime.None, sockOf(self).control(func(fd int) error { return syscall.Shutdown(fd, how) })
		},
		"settimeout": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			v, err := runtime.OneArg("settimeout", args, kw)
			if err != nil {
				return runtime.Value{}, err
			}
			t, err := timeoutArg(th, v)
			if err != nil {
				return runtime.Value{}, err
			}
			sockOf(self).timeout = t
			return runtime.None, nil
		},
		"gettimeout": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return timeoutValue(sockOf(self).timeout), nil
		},
		"getsockname": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var sa syscall.Sockaddr
			err := sockOf(self).control(func(fd int) error {
				var err error
				sa, err = syscall.Getsockname(fd)
				return err
			})
			if err != nil {
				return runtime.Value{}, err
			}
			return addrValue(sa), nil
		},
		"getpeername": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var sa syscall.Sockaddr
			err := sockOf(self).control(func(fd int) error {
				var err error
				sa, err = syscall.Getpeername(fd)
				return err
			})
			if err != nil {
				return runtime.Value{}, err
			}
			return addrValue(sa), nil
		},
		"setsockopt": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var level, opt int
			var value runtime.Value
			if err := runtime.UnpackArgs("setsockopt", args, kw, "/level", &level, "/optname", &opt, "/value", &value); err != nil {
				return runtime.Value{}, err
			}
			s := sockOf(self)
			if n, ok := runtime.AsInt64(value); ok {
				return runtime.None, s.control(func(fd int) error { return syscall.SetsockoptInt(fd, level, opt, int(n)) })
			}
			b, err := dataArg(th, value)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.None, s.control(func(fd int) error { return syscall.SetsockoptString(fd, level, opt, string(b)) })
		},
		"_conn": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			// The connected socket as asyncio's transports take it; the
			// socket object is closed (the transport owns the socket).
			return sockOf(self).handOver(func(f *os.File) (runtime.Object, error) {
				c, err := net.FileConn(f)
				if err != nil {
					return nil, err
				}
				return runtime.NewConn(c), nil
			})
		},
		"_listener": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			// The listening socket as asyncio's Server takes it; the
			// socket object is closed (the server owns the socket).
			return sockOf(self).handOver(func(f *os.File) (runtime.Object, error) {
				ln, err := net.FileListener(f)
				if err != nil {
					return nil, err
				}
				return runtime.NewListener(ln), nil
			})
		},
		"getsockopt": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var level, opt, buflen int
			if err := runtime.UnpackArgs("getsockopt", args, kw, "/level", &level, "/optname", &opt, "/buflen?", &buflen); err != nil {
				return runtime.Value{}, err
			}
			if buflen < 0 || buflen > 1024 {
				return runtime.Value{}, runtime.Errorf(runtime.OSError, "getsockopt buflen out of range")
			}
			if buflen > 0 {
				// The option's raw bytes, at most buflen of them.
				buf := make([]byte, buflen)
				size := uint32(buflen)
				err := sockOf(self).control(func(fd int) error {
					_, _, no := syscall.Syscall6(syscall.SYS_GETSOCKOPT, uintptr(fd), uintptr(level), uintptr(opt),
						uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&size)), 0)
					if no != 0 {
						return no
					}
					return nil
				})
				if err != nil {
					return runtime.Value{}, err
				}
				return runtime.NewBytes(buf[:min(int(size), buflen)]), nil
			}
			var n int
			err := sockOf(self).control(func(fd int) error {
				var err error
				n, err = syscall.GetsockoptInt(fd, level, opt)
				return err
			})
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.Int(int64(n)), nil
		},
	})
}

// checkUnboundListen applies the grant to listen() on a socket never
// bound (the kernel then picks a port on every interface); bind()
// already checked a bound one.
func (s *Sock) checkUnboundListen(th *runtime.Thread) error {
	if s.family == syscall.AF_UNIX {
		return nil
	}
	var sa syscall.Sockaddr
	if err := s.control(func(fd int) error {
		var err error
		sa, err = syscall.Getsockname(fd)
		return err
	}); err != nil {
		return err
	}
	port := 0
	switch a := sa.(type) {
	case *syscall.SockaddrInet4:
		port = a.Port
	case *syscall.SockaddrInet6:
		port = a.Port
	}
	if port != 0 {
		return nil
	}
	host := "0.0.0.0"
	if s.family == syscall.AF_INET6 {
		host = "[::]"
	}
	return runtime.CheckNet(th, "listen", s.network(), host+":0")
}

// handOver gives s's descriptor to the object take makes of it (a
// transport's connection, a server's listener) and closes the socket
// object, which no longer owns it.
func (s *Sock) handOver(take func(*os.File) (runtime.Object, error)) (runtime.Value, error) {
	if _, err := s.open(); err != nil {
		return runtime.Value{}, err
	}
	o, err := take(s.file)
	if err != nil {
		return runtime.Value{}, errnoError(err)
	}
	s.close()
	return runtime.Obj(o), nil
}
