package socket

// This file converts socket addresses between Python's forms ((host,
// port) for AF_INET, (host, port, flowinfo, scope_id) for AF_INET6, a
// path for AF_UNIX) and the system's, and applies the host's network
// grant to the address a script connects, binds or sends to.

import (
	"context"
	"net"
	"strconv"
	"syscall"

	"github.com/aio-lang/aio/runtime"
)

// addrValue is the Python form of a system socket address.
func addrValue(sa syscall.Sockaddr) runtime.Value {
	switch a := sa.(type) {
	case *syscall.SockaddrInet4:
		return runtime.TupleOf(runtime.Str(net.IP(a.Addr[:]).String()), runtime.Int(int64(a.Port)))
	case *syscall.SockaddrInet6:
		return runtime.TupleOf(runtime.Str(net.IP(a.Addr[:]).String()), runtime.Int(int64(a.Port)),
			runtime.Int(0), runtime.Int(int64(a.ZoneId)))
	case *syscall.SockaddrUnix:
		if a.Name == "@" {
			// Go's form of an unnamed socket (no path at all).
			return runtime.Str("")
		}
		return runtime.Str(a.Name)
	}
	return runtime.None
}

// familyName is the family as CPython's address errors name it.
func familyName(family int) string {
	switch family {
	case syscall.AF_INET:
		return "AF_INET"
	case syscall.AF_INET6:
		return "AF_INET6"
	}
	return "AF_UNIX"
}

// network is the grant's name for the socket's kind of network.
func (s *Sock) network() string {
	if s.family == syscall.AF_UNIX {
		return "unix"
	}
	if s.kind == syscall.SOCK_DGRAM {
		return "udp"
	}
	return "tcp"
}

// sockaddr converts the address a script gave op (connect, bind,
// sendto, ...) and checks it against the host's grant for op.
func (s *Sock) sockaddr(th *runtime.Thread, op string, addr runtime.Value) (syscall.Sockaddr, error) {
	if s.family == syscall.AF_UNIX {
		var path string
		if str, ok := runtime.As[*runtime.StrObj](addr); ok {
			path = str.S
		} else if b, ok := runtime.As[*runtime.Bytes](addr); ok {
			path = string(b.B)
		} else {
			return nil, runtime.Errorf(runtime.TypeError, "a bytes-like object is required, not '%s'", addr.Type().Name)
		}
		if err := runtime.CheckNet(th, op, "unix", path); err != nil {
			return nil, err
		}
		return &syscall.SockaddrUnix{Name: path}, nil
	}
	name := familyName(s.family)
	t, ok := runtime.As[*runtime.Tuple](addr)
	if !ok {
		return nil, runtime.Errorf(runtime.TypeError, "%s(): %s address must be tuple, not %s", op, name, addr.Type().Name)
	}
	n := len(t.Items)
	if s.family == syscall.AF_INET && n != 2 {
		return nil, runtime.Errorf(runtime.TypeError, "AF_INET address must be a pair (host, port)")
	}
	if s.family == syscall.AF_INET6 && (n < 2 || n > 4) {
		return nil, runtime.Errorf(runtime.TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])")
	}
	host, ok := runtime.As[*runtime.StrObj](t.Items[0])
	if !ok {
		return nil, runtime.Errorf(runtime.TypeError, "str, bytes or bytearray expected, not %s", t.Items[0].Type().Name)
	}
	port, ok := runtime.AsInt64(t.Items[1])
	if !ok {
		return nil, runtime.Errorf(runtime.TypeError, "'%s' object cannot be interpreted as an integer", t.Items[1].Type().Name)
	}
	if port < 0 || port > 65535 {
		return nil, runtime.Errorf(runtime.OverflowError, "%s(): port must be 0-65535.", op)
	}
	if err := runtime.CheckNet(th, op, s.network(), net.JoinHostPort(host.S, strconv.FormatInt(port, 10))); err != nil {
		return nil, err
	}
	ip, err := resolveFor(th, host.S, s.family)
	if err != nil {
		return nil, err
	}
	if s.family == syscall.AF_INET {
		sa := &syscall.SockaddrInet4{Port: int(port)}
		copy(sa.Addr[:], ip.To4())
		return sa, nil
	}
	sa := &syscall.SockaddrInet6{Port: int(port)}
	copy(sa.Addr[:], ip.To16())
	if n == 4 {
		if scope, ok := runtime.AsInt64(t.Items[3]); ok {
			sa.ZoneId = uint32(scope)
		}
	}
	return sa, nil
}

// resolveFor returns the IP address host names for family: a literal
// as is, "" as the wildcard address, a name through the resolver (which
// the grant the caller checked allows).
func resolveFor(th *runtime.Thread, host string, family int) (net.IP, error) {
	switch host {
	case "":
		if family == syscall.AF_INET {
			return net.IPv4zero, nil
		}
		return net.IPv6zero, nil
	case "<broadcast>":
		if family == syscall.AF_INET {
			return net.IPv4bcast, nil
		}
	}
	if ip := net.ParseIP(host); ip != nil {
		if (ip.To4() != nil) == (family == syscall.AF_INET) {
			return ip, nil
		}
		return nil, gaiError(th, -9, "Address family for hostname not supported")
	}
	ips, err := net.DefaultResolver.LookupIPAddr(context.Background(), host)
	if err == nil {
		for _, a := range ips {
			if (a.IP.To4() != nil) == (family == syscall.AF_INET) {
				return a.IP, nil
			}
		}
	}
	return nil, gaiError(th, -2, "Name or service not known")
}

// gaiError is socket.gaierror(code, text), the class the module's
// source defines.
func gaiError(th *runtime.Thread, code int, text string) error {
	if m, ok := th.Modules["socket"]; ok {
		if cls, ok := m.Get("gaierror"); ok {
			v, err := th.Call(cls, []runtime.Value{runtime.Int(int64(code)), runtime.Str(text)}, nil)
			if err != nil {
				return err
			}
			if e, ok := runtime.As[*runtime.Exception](v); ok {
				return e
			}
		}
	}
	return runtime.Errorf(runtime.OSError, "[Errno %d] %s", code, text)
}
