// Package socket is Python's socket module: socket objects (the blocking
// API, and the asyncio loop's sock_* methods over them), the address
// family and socket type constants, gethostname, getaddrinfo, the
// address helpers and the error classes. The API is aio source
// (socket.aio) over Go's raw sockets; name resolution is Go's
// (_resolve), allowed when the host granted the interpreter some network
// access, and every connect, bind and send goes through that grant.
package socket

// This file defines the module's Go part: _gethostname and _resolve,
// and registers the raw socket functions.

import (
	"context"
	_ "embed"
	"net"
	"os"

	"github.com/aio-lang/aio/runtime"
)

//go:embed socket.aio
var source []byte

func init() {
	runtime.RegisterStdModule("socket", load)
	runtime.RegisterStdSource("socket", source)
}

func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("socket")
	m.Set("_gethostname", runtime.NewBuiltin("_gethostname", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("gethostname", args, kw); err != nil {
			return runtime.Value{}, err
		}
		name, err := os.Hostname()
		if err != nil {
			return runtime.Value{}, runtime.Errorf(runtime.OSError, "%s", err.Error())
		}
		return runtime.Str(name), nil
	}))
	m.Set("_resolve", runtime.NewBuiltin("_resolve", resolve))
	m.Set("_open", runtime.NewBuiltin("_open", openFn))
	m.Set("_pair", runtime.NewBuiltin("_pair", pairFn))
	return m
}

// resolve is _resolve(host): the host's addresses as strings, IPv4
// first, or None when the name is unknown. A literal address needs no
// grant; a name needs some network access.
func resolve(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var host string
	if err := runtime.UnpackArgs("_resolve", args, kw, "host", &host); err != nil {
		return runtime.Value{}, err
	}
	if ip := net.ParseIP(host); ip != nil {
		return runtime.NewList([]runtime.Value{runtime.Str(ip.String())}), nil
	}
	if !runtime.NetworkGranted(th) {
		return runtime.Value{}, runtime.Errorf(runtime.PermissionError, "network access denied: resolve %s (not granted)", host)
	}
	ips, err := net.DefaultResolver.LookupIPAddr(context.Background(), host)
	if err != nil || len(ips) == 0 {
		return runtime.None, nil
	}
	var v4, v6 []runtime.Value
	for _, ip := range ips {
		if ip.IP.To4() != nil {
			v4 = append(v4, runtime.Str(ip.IP.To4().String()))
		} else {
			v6 = append(v6, runtime.Str(ip.IP.String()))
		}
	}
	return runtime.NewList(append(v4, v6...)), nil
}
