package runtime

// This file is the network half of an interpreter's capabilities and the
// way a connection starts: the grant a host gives (NetAccess), the
// asyncio core's _dial and _listen, and the OSError subclasses that
// socket failures raise, worded as CPython's selector event loop words
// them. Every blocking step (connecting, accepting) runs on a goroutine
// and completes through the loop's inbox; the loop never waits on a
// socket itself.

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"syscall"
	"unsafe"
)

// NetAccess is what a host granted an interpreter of the network and of
// the host's programs. A nil function denies that operation; otherwise
// it returns nil to allow it or an error whose text names the refusal.
type NetAccess struct {
	// Dial checks a connection to address ("host:port", or a Unix
	// socket's path) on network ("tcp" or "unix").
	Dial func(network, address string) error
	// Listen checks a server bound to address on network.
	Listen func(network, address string) error
	// Exec checks the start of a program (argv[0] as the script gave it).
	Exec func(argv []string) error
	// Signals lets the interpreter watch the process's signals
	// (loop.add_signal_handler).
	Signals bool
}

// NetworkGranted reports whether th's host granted any network access
// (name resolution needs it).
func NetworkGranted(th *Thread) bool {
	a := netAccess(th)
	return a != nil && (a.Dial != nil || a.Listen != nil)
}

// SignalsGranted reports whether th's host lets it watch process signals.
func SignalsGranted(th *Thread) bool {
	a := netAccess(th)
	return a != nil && a.Signals
}

// NetGranter is implemented by a Thread's Host that grants network or
// process access.
type NetGranter interface {
	NetAccess() *NetAccess
}

// netAccess returns the grant of th's host (nil: nothing granted).
func netAccess(th *Thread) *NetAccess {
	if g, ok := th.Host.(NetGranter); ok {
		return g.NetAccess()
	}
	return nil
}

// checkNet applies the grant to a dial or listen; a refusal is a
// PermissionError that names the operation and the address.
func checkNet(th *Thread, op, network, address string) error {
	a := netAccess(th)
	var rule func(string, string) error
	if a != nil {
		if op == "connect" || op == "sendto" {
			rule = a.Dial
		} else {
			rule = a.Listen
		}
	}
	if rule == nil {
		return Errorf(PermissionError, "network access denied: %s to %s %s (not granted)", op, network, address)
	}
	if err := rule(network, address); err != nil {
		return Errorf(PermissionError, "network access denied: %s to %s %s: %s", op, network, address, err.Error())
	}
	return nil
}

// CheckNet applies the host's grant to an operation of a socket object
// (the socket module): "connect" and "sendto" go by the Dial rule,
// "bind" and "listen" by the Listen rule; network is "tcp", "udp" or
// "unix".
func CheckNet(th *Thread, op, network, address string) error {
	return checkNet(th, op, network, address)
}

// CheckExec applies the grant to starting the program argv.
func CheckExec(th *Thread, argv []string) error {
	a := netAccess(th)
	name := ""
	if len(argv) > 0 {
		name = argv[0]
	}
	if a == nil || a.Exec == nil {
		return Errorf(PermissionError, "process creation denied: %s (not granted)", name)
	}
	if err := a.Exec(argv); err != nil {
		return Errorf(PermissionError, "process creation denied: %s: %s", name, err.Error())
	}
	return nil
}

// sysErrOf returns the errno under a Go network error (0 if none).
func sysErrOf(err error) syscall.Errno {
	var no syscall.Errno
	if errors.As(err, &no) {
		return no
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return syscall.ETIMEDOUT
	}
	return 0
}

// errnoClass is the OSError subclass CPython raises for a socket errno.
func errnoClass(no syscall.Errno) *Type {
	switch no {
	case syscall.ECONNREFUSED:
		return ConnectionRefused
	case syscall.ECONNRESET:
		return ConnectionReset
	case syscall.ECONNABORTED:
		return ConnectionAborted
	case syscall.EPIPE, syscall.ESHUTDOWN:
		return BrokenPipeError
	case syscall.ENOENT:
		return FileNotFoundError
	case syscall.EACCES, syscall.EPERM:
		return PermissionError
	case syscall.ETIMEDOUT:
		return TimeoutError
	}
	return OSError
}

// errnoException makes an OSError subclass as OSError(no, text) does:
// args (errno, strerror), the attributes set, str() "[Errno N] text"
// (oserror.go).
func errnoException(cls *Type, no int, text string) *Exception {
	return newOSError(cls, []Value{Int(int64(no)), Str(text)})
}

// socketError converts the error of an operation on an open socket.
func socketError(err error) *Exception {
	no := sysErrOf(err)
	if no == 0 {
		return Errorf(OSError, "%s", err.Error())
	}
	return errnoException(errnoClass(no), int(no), strerror(no))
}

// addrValue is a socket address as Python shows it: (host, port) for
// IPv4, (host, port, flowinfo, scope_id) for IPv6, the path for Unix.
func addrValue(a net.Addr) Value {
	switch a := a.(type) {
	case *net.TCPAddr:
		if a.IP.To4() != nil {
			return Obj(NewTuple([]Value{Str(a.IP.To4().String()), Int(int64(a.Port))}))
		}
		return Obj(NewTuple([]Value{Str(a.IP.String()), Int(int64(a.Port)), Int(0), Int(0)}))
	case *net.UnixAddr:
		return Str(a.Name)
	}
	return None
}

// hostPort joins host and port for Go's dialer; an empty host means
// every interface for a listener and the local host for a dialer.
func hostPort(host string, port int64) string {
	return net.JoinHostPort(host, strconv.FormatInt(port, 10))
}

// sockAddrRepr is the address as CPython's messages show it: ('host', port).
func sockAddrRepr(host string, port int64) string {
	return "('" + host + "', " + strconv.FormatInt(port, 10) + ")"
}

// ConnType is the class of a connected socket not yet given to a
// transport (what _dial's future and a listener's accept produce).
var ConnType = finalType("_Conn")

// Conn is a connected socket, or a pipe to a child process, waiting for
// its transport.
type Conn struct {
	c transportConn
}

// transportConn is what a transport drives: a socket (net.Conn) or a
// pipe (*os.File); both wait in Go's netpoller.
type transportConn interface {
	Read(p []byte) (int, error)
	Write(p []byte) (int, error)
	Close() error
}

// connAddrs returns the local and peer addresses of a socket (None for
// a pipe) and its network ("pipe" for a pipe).
func connAddrs(c transportConn) (network string, local, peer Value) {
	if nc, ok := c.(net.Conn); ok {
		return nc.LocalAddr().Network(), addrValue(nc.LocalAddr()), addrValue(nc.RemoteAddr())
	}
	return "pipe", None, None
}

// NewConn wraps a connected socket for a transport (a socket object a
// script hands to asyncio with sock=).
func NewConn(c net.Conn) *Conn { return &Conn{c: c} }

// Type returns ConnType.
func (*Conn) Type() *Type { return ConnType }

// Footprint implements MemNode.
func (c *Conn) Footprint() int64 { return int64(unsafe.Sizeof(*c)) + 256 }

// Referents implements MemNode: a connection refers to no values.
func (c *Conn) Referents(*MemWalker) {}

// dialFn is asyncio's _dial(network, host, port) or _dial("unix", path):
// a future completed with a _Conn, or with the connect error.
func dialFn(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	var network, host string
	var port int64
	if err := UnpackArgs("_dial", args, kw, "network", &network, "host", &host, "port?", &port); err != nil {
		return Value{}, err
	}
	loop, err := RunningLoop(th)
	if err != nil {
		return Value{}, err
	}
	address := host
	if network == "tcp" {
		address = hostPort(host, port)
	}
	if err := checkNet(th, "connect", network, address); err != nil {
		return Value{}, err
	}
	fut := NewFuture(loop)
	ctx, cancel := context.WithCancel(context.Background())
	fut.addCallback(func(*Future) error { cancel(); return nil })
	loop.BeginHostWork()
	go func() {
		var d net.Dialer
		c, err := d.DialContext(ctx, network, address)
		loop.Post(func() error {
			loop.EndHostWork()
			if fut.Done() {
				if c != nil {
					c.Close()
				}
				return nil
			}
			if err != nil {
				return fut.SetException(dialError(network, host, port, err))
			}
			return fut.SetResult(Obj(&Conn{c: c}))
		})
	}()
	return Obj(fut), nil
}

// dialError words a failed connect as CPython does: "[Errno 111] Connect
// call failed ('127.0.0.1', 1)" for TCP, the bare errno text for Unix.
func dialError(network, host string, port int64, err error) *Exception {
	no := sysErrOf(err)
	if no == 0 {
		var dns *net.DNSError
		if errors.As(err, &dns) {
			// socket.gaierror's wording for an unknown name.
			return errnoException(OSError, -2, "Name or service not known")
		}
		return Errorf(OSError, "%s", err.Error())
	}
	if network == "unix" {
		return errnoException(errnoClass(no), int(no), strerror(no))
	}
	return errnoException(errnoClass(no), int(no), "Connect call failed "+sockAddrRepr(host, port))
}

// strerror is the C library's text for an errno (oserror.go's table, or
// Go's capitalized).
func strerror(no syscall.Errno) string {
	if s, ok := errnoText[int(no)]; ok {
		return s
	}
	s := no.Error()
	if s == "" {
		return s
	}
	if c := s[0]; c >= 'a' && c <= 'z' {
		s = string(c-'a'+'A') + s[1:]
	}
	return s
}
