package interp

// This file is the network and process half of an interpreter's
// capabilities: which addresses a script may connect to or listen on
// (Capabilities.Network) and which programs it may start
// (Capabilities.Commands).
// An interpreter is granted none of them by default; a refused operation
// raises PermissionError naming what was refused. The command line grants
// everything (GrantAll).

import (
	"fmt"
	"path"
	"path/filepath"

	"github.com/aio-lang/aio/runtime"
)

// NetworkGrant lists the network operations an interpreter may perform.
//
// Dial and Listen hold address patterns: "host:port" for TCP (IPv6 hosts
// in brackets, "[::1]:8080"), "unix:PATH" for Unix sockets, where "*"
// matches any run of characters other than "/" (path.Match's syntax), so
// "127.0.0.1:*" allows every port of the loopback address and "*:443"
// port 443 of every host; the pattern "*" alone allows everything. Hosts
// are compared as the script wrote them (no name resolution first).
//
// Check, when not nil, decides the operations no pattern allowed: op is
// "connect" or "listen", network "tcp" or "unix"; a nil result allows
// it, an error refuses it (its text is part of the PermissionError).
type NetworkGrant struct {
	Dial   []string
	Listen []string
	Check  func(op, network, address string) error
}

// netAccessOf turns the options' grants into the runtime's form (nil
// when nothing is granted).
func netAccessOf(opts Capabilities) *runtime.NetAccess {
	if opts.Network == nil && len(opts.Commands) == 0 && !opts.Signals {
		return nil
	}
	a := &runtime.NetAccess{Signals: opts.Signals}
	if g := opts.Network; g != nil {
		a.Dial = g.rule("connect", g.Dial)
		a.Listen = g.rule("listen", g.Listen)
	}
	if cmds := opts.Commands; len(cmds) > 0 {
		cmds = append([]string(nil), cmds...)
		a.Exec = func(argv []string) error {
			if len(argv) > 0 && commandAllowed(cmds, argv[0]) {
				return nil
			}
			return fmt.Errorf("not in the allowed commands")
		}
	}
	return a
}

// rule makes the check of one operation from its patterns and Check.
func (g *NetworkGrant) rule(op string, patterns []string) func(network, address string) error {
	patterns = append([]string(nil), patterns...)
	check := g.Check
	return func(network, address string) error {
		subject := address
		if network == "unix" {
			subject = "unix:" + address
		}
		for _, p := range patterns {
			if p == "*" {
				return nil
			}
			if ok, _ := path.Match(p, subject); ok {
				return nil
			}
		}
		if check != nil {
			return check(op, network, address)
		}
		return fmt.Errorf("no rule allows it")
	}
}

// commandAllowed reports whether the program name (as the script gave
// it) matches an allowed command: "*", the same name or path, or, for a
// pattern without "/", the program's base name.
func commandAllowed(cmds []string, name string) bool {
	for _, c := range cmds {
		if c == "*" || c == name {
			return true
		}
		if ok, _ := path.Match(c, name); ok {
			return true
		}
		if !containsSlash(c) {
			if ok, _ := path.Match(c, filepath.Base(name)); ok {
				return true
			}
		}
	}
	return false
}

func containsSlash(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '/' {
			return true
		}
	}
	return false
}

// NetAccess implements runtime.NetGranter: the grants of the options the
// interpreter was made with.
func (in *Interp) NetAccess() *runtime.NetAccess { return in.netAccess }
