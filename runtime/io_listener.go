package runtime

// This file defines the listening socket behind asyncio's Server: _listen
// binds at once (so that port 0's choice is known), and serve() starts a
// goroutine that accepts connections and posts each to the loop, where
// the protocol factory makes its protocol and a transport starts.

import (
	"net"
	"os"
	"sync"
	"syscall"
	"unsafe"
)

// ListenerType is the class of listening sockets.
var ListenerType = finalType("_Listener")

// Listener is a bound, listening socket.
type Listener struct {
	ln       net.Listener
	network  string
	serving  bool
	closed   bool
	mu       sync.Mutex
	factory  Value
	sockname Value
}

// Type returns ListenerType.
func (l *Listener) Type() *Type { return ListenerType }

// Footprint implements MemNode.
func (l *Listener) Footprint() int64 { return int64(unsafe.Sizeof(*l)) + 256 }

// Referents implements MemNode.
func (l *Listener) Referents(w *MemWalker) {
	w.Value(l.factory)
	w.Value(l.sockname)
}

// listenFn is asyncio's _listen(network, host, port) or
// _listen("unix", path): a bound listener, or CPython's OSError.
func listenFn(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	var network, host string
	var port int64
	if err := UnpackArgs("_listen", args, kw, "network", &network, "host", &host, "port?", &port); err != nil {
		return Value{}, err
	}
	address := host
	if network == "tcp" {
		address = hostPort(host, port)
	}
	if err := checkNet(th, "listen", network, address); err != nil {
		return Value{}, err
	}
	if network == "unix" {
		// As CPython does, a stale socket file left by an earlier server
		// is removed first (and closing a server leaves its file).
		if fi, err := os.Stat(address); err == nil && fi.Mode()&os.ModeSocket != 0 {
			os.Remove(address)
		}
	}
	ln, err := net.Listen(network, address)
	if err != nil {
		no := sysErrOf(err)
		if no == 0 {
			return Value{}, Errorf(OSError, "%s", err.Error())
		}
		if network == "unix" {
			return Value{}, errnoException(errnoClass(no), int(no), strerror(no))
		}
		return Value{}, errnoException(errnoClass(no), int(no), "error while attempting to bind on address "+
			sockAddrRepr(host, port)+": "+lowerFirst(strerror(no)))
	}
	if ul, ok := ln.(*net.UnixListener); ok {
		ul.SetUnlinkOnClose(false)
	}
	return Obj(&Listener{ln: ln, network: network, sockname: addrValue(ln.Addr())}), nil
}

// NewListener wraps a listening socket for asyncio's Server (a socket
// object a script hands to asyncio with sock=).
func NewListener(ln net.Listener) *Listener {
	if ul, ok := ln.(*net.UnixListener); ok {
		ul.SetUnlinkOnClose(false)
	}
	return &Listener{ln: ln, network: ln.Addr().Network(), sockname: addrValue(ln.Addr())}
}

func lowerFirst(s string) string {
	if s != "" && s[0] >= 'A' && s[0] <= 'Z' {
		return string(s[0]-'A'+'a') + s[1:]
	}
	return s
}

// serve starts accepting: each connection gets protocol factory() and a
// transport. The accept goroutine is outstanding host work.
func (l *Listener) serve(th *Thread, loop *Loop, factory, sockFactory Value) {
	if l.serving || l.closed {
		return
	}
	l.serving = true
	l.factory = factory
	loop.BeginHostWork()
	go func() {
		for {
			c, err := l.ln.Accept()
			if err != nil {
				if ne, ok := err.(net.Error); ok && ne.Timeout() {
					continue
				}
				if sysErrOf(err) == syscall.EMFILE {
					continue
				}
				break
			}
			loop.Post(func() error { return l.accepted(th, loop, c, sockFactory) })
		}
		loop.Post(func() error { loop.EndHostWork(); return nil })
	}()
}

// accepted makes the protocol and transport of an accepted connection.
func (l *Listener) accepted(th *Thread, loop *Loop, c net.Conn, sockFactory Value) error {
	if l.closed {
		c.Close()
		return nil
	}
	proto, err := th.Call(l.factory, nil, nil)
	if err != nil {
		c.Close()
		e := AsException(err)
		if e.Class.IsSubtype(KeyboardInterrupt) || e.Class.IsSubtype(SystemExit) {
			return e
		}
		if th.ReportException != nil {
			th.ReportException("Error on transport creation for incoming connection", e)
		}
		return nil
	}
	sock, err := makeSocketView(th, sockFactory, c)
	if err != nil {
		c.Close()
		return err
	}
	startTransport(th, loop, c, proto, sock, nil)
	return nil
}

// makeSocketView calls the asyncio source's socket view class with the
// connection's family, local and peer addresses.
func makeSocketView(th *Thread, factory Value, c transportConn) (Value, error) {
	if !factory.IsValid() || factory.IsNone() {
		return None, nil
	}
	network, local, peer := connAddrs(c)
	if network == "pipe" {
		return None, nil
	}
	return th.Call(factory, []Value{Str(network), local, peer}, nil)
}

func (l *Listener) close() {
	if l.closed {
		return
	}
	l.closed = true
	l.ln.Close()
}

func init() {
	ListenerType.Methods(map[string]BuiltinFn{
		"serve": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			var factory, sockFactory Value
			if err := UnpackArgs("serve", args, kw, "factory", &factory, "socket_factory", &sockFactory); err != nil {
				return Value{}, err
			}
			loop, err := RunningLoop(th)
			if err != nil {
				return Value{}, err
			}
			self.obj.(*Listener).serve(th, loop, factory, sockFactory)
			return None, nil
		},
		"close": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			self.obj.(*Listener).close()
			return None, nil
		},
		"sockname": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return self.obj.(*Listener).sockname, nil
		},
		"is_serving": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			l := self.obj.(*Listener)
			return MakeBool(l.serving && !l.closed), nil
		},
	})
	ConnType.Methods(map[string]BuiltinFn{
		"start": func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			// conn.start(protocol, socket_view_factory, waiter): the
			// transport of a dialled connection.
			var proto, sockFactory, waiter Value
			if err := UnpackArgs("start", args, kw, "protocol", &proto, "socket_factory", &sockFactory, "waiter", &waiter); err != nil {
				return Value{}, err
			}
			loop, err := RunningLoop(th)
			if err != nil {
				return Value{}, err
			}
			c := self.obj.(*Conn)
			sock, err := makeSocketView(th, sockFactory, c.c)
			if err != nil {
				return Value{}, err
			}
			w, _ := waiter.obj.(*Future)
			return Obj(startTransport(th, loop, c.c, proto, sock, w)), nil
		},
	})
}
