package interp

// This file is the capability model: what of the host an interpreter may
// reach. An interpreter is granted nothing unless its Options say so; the
// aio command line grants everything (see docs/embedding.md).

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// Capabilities are the powers a host grants an interpreter. The zero
// value grants nothing: open() and the os functions that touch files
// raise PermissionError ("[Errno 13] Permission denied (no file system
// granted): 'x'"), os.environ is empty and os.getcwd() is "/".
//
// At most one file system is granted: HostFS, Dir or FS, in that order of
// precedence. The network and process grants of the asynchronous I/O
// (dial/listen rules, allowed commands) are to be added beside these.
type Capabilities struct {
	// HostFS grants the host's whole file system with the process's
	// permissions, as the command line does. Paths are the host's own.
	HostFS bool
	// Dir grants one host directory, read-write, which scripts see as
	// "/": no path, whether through ".." or a symbolic link, reaches
	// outside it.
	Dir string
	// FS grants a read-only file system, which scripts see as "/";
	// changing it raises PermissionError ("file system is read-only").
	FS fs.FS
	// Cwd is the initial working directory (os.getcwd()) within the
	// granted file system: by default the process's working directory
	// for HostFS and "/" otherwise. os.chdir changes the interpreter's
	// working directory, never the process's.
	Cwd string
	// Env is the environment os.environ and os.getenv see, and that a
	// script's changes to os.environ go to (the map is not modified; the
	// interpreter keeps its own copy). Nil grants none.
	Env map[string]string
}

// HostEnv returns the process's environment as a map, for
// Capabilities.Env.
func HostEnv() map[string]string {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	return env
}

// applyCapabilities gives the runtime thread its grant.
func (in *Interp) applyCapabilities(c Capabilities) error {
	access := &runtime.OSAccess{Cwd: "/"}
	switch {
	case c.HostFS:
		access.FS = runtime.HostFS{}
		if wd, err := os.Getwd(); err == nil {
			access.Cwd = wd
		}
	case c.Dir != "":
		d, err := runtime.NewDirFS(c.Dir)
		if err != nil {
			return fmt.Errorf("aio: Capabilities.Dir: %w", err)
		}
		access.FS = d
	case c.FS != nil:
		access.FS = runtime.ReadOnlyFS{FS: c.FS}
	}
	if c.Cwd != "" {
		if c.HostFS && !path.IsAbs(c.Cwd) {
			if wd, err := os.Getwd(); err == nil {
				c.Cwd = path.Join(wd, c.Cwd)
			}
		}
		access.Cwd = path.Clean("/" + c.Cwd)
	}
	if c.Env != nil {
		access.Env = make(map[string]string, len(c.Env))
		for k, v := range c.Env {
			access.Env[k] = v
			access.EnvOrder = append(access.EnvOrder, k)
		}
		sort.Strings(access.EnvOrder)
	}
	in.th.OS = access
	return nil
}
