// Package os is aio's os and os.path modules: the file-system and
// process functions in Go (this file, over the file system the host
// granted the interpreter), and the rest in aio source (os.aio: environ,
// stat_result, DirEntry, walk, makedirs; path.aio: os.path).
package os

// This file defines the Go part of os, which os.aio builds on.

import (
	"crypto/rand"
	_ "embed"
	"io/fs"
	goos "os"
	"path"
	goruntime "runtime"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/aio-lang/aio/runtime"
)

//go:embed os.aio
var source []byte

//go:embed path.aio
var pathSource []byte

func init() {
	runtime.RegisterStdModule("os", load)
	runtime.RegisterStdSource("os", source)
	runtime.RegisterStdSource("os.path", pathSource)
}

type fn = func(th *runtime.Thread, args []runtime.Value) (runtime.Value, error)

// builtin wraps fn as a module function taking positional arguments
// named by params.
func builtin(name string, params []string, f fn) runtime.Value {
	return runtime.NewBuiltin(name, func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		vals := make([]runtime.Value, len(params))
		pairs := make([]any, 0, 2*len(params))
		for i, p := range params {
			vals[i] = runtime.None
			pairs = append(pairs, p, &vals[i])
		}
		if err := runtime.UnpackArgs(name, args, kw, pairs...); err != nil {
			return runtime.Value{}, err
		}
		return f(th, vals)
	})
}

// target resolves a path argument against the working directory and
// returns the granted file system. A path-like argument is replaced by
// its str or bytes, which error messages then show.
func target(th *runtime.Thread, arg *runtime.Value) (runtime.FileSystem, string, error) {
	v := *arg
	p, err := runtime.FSPath(th, v)
	if err != nil {
		return nil, "", err
	}
	if _, ok := v.Object().(*runtime.StrObj); !ok {
		if _, ok := v.Object().(*runtime.Bytes); !ok {
			v = runtime.Str(p)
			*arg = v
		}
	}
	fsys, err := th.FileSystem()
	if err != nil {
		return nil, "", runtime.OSErrorFrom(err, v)
	}
	return fsys, th.AbsPath(p), nil
}

// statTuple is what os.aio's stat_result is built from.
func statTuple(st fs.FileInfo) runtime.Value {
	mode := int64(st.Mode().Perm())
	switch {
	case st.IsDir():
		mode |= syscall.S_IFDIR
	case st.Mode()&fs.ModeSymlink != 0:
		mode |= syscall.S_IFLNK
	case st.Mode()&fs.ModeNamedPipe != 0:
		mode |= syscall.S_IFIFO
	case st.Mode()&fs.ModeCharDevice != 0:
		mode |= syscall.S_IFCHR
	case st.Mode()&fs.ModeDevice != 0:
		mode |= syscall.S_IFBLK
	case st.Mode()&fs.ModeSocket != 0:
		mode |= syscall.S_IFSOCK
	default:
		mode |= syscall.S_IFREG
	}
	var ino, dev, nlink, uid, gid int64
	atime, ctime := st.ModTime(), st.ModTime()
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		ino, dev, nlink, uid, gid = int64(sys.Ino), int64(sys.Dev), int64(sys.Nlink), int64(sys.Uid), int64(sys.Gid)
		mode = int64(sys.Mode)
		atime = time.Unix(sys.Atim.Sec, sys.Atim.Nsec)
		ctime = time.Unix(sys.Ctim.Sec, sys.Ctim.Nsec)
	}
	mt := st.ModTime()
	ns := func(t time.Time) runtime.Value { return runtime.Int(t.UnixNano()) }
	return runtime.TupleOf(runtime.Int(mode), runtime.Int(ino), runtime.Int(dev), runtime.Int(nlink),
		runtime.Int(uid), runtime.Int(gid), runtime.Int(st.Size()), ns(atime), ns(mt), ns(ctime))
}

// load builds the Go part of os.
func load(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("os")
	set := func(name string, params []string, f fn) { m.Set(name, builtin(name, params, f)) }
	set("getcwd", nil, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		return runtime.Str(th.Getcwd()), nil
	})
	set("chdir", []string{"path"}, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		fsys, p, err := target(th, &a[0])
		if err != nil {
			return runtime.Value{}, err
		}
		st, err := fsys.Stat(p)
		if err != nil {
			return runtime.Value{}, runtime.OSErrorFrom(err, a[0])
		}
		if !st.IsDir() {
			return runtime.Value{}, runtime.NewOSErrorValue(int(syscall.ENOTDIR), a[0])
		}
		th.OS.Cwd = p
		return runtime.None, nil
	})
	set("_stat", []string{"path", "follow"}, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		fsys, p, err := target(th, &a[0])
		if err != nil {
			return runtime.Value{}, err
		}
		var st fs.FileInfo
		if b, _ := a[1].BoolVal(); b {
			st, err = fsys.Stat(p)
		} else {
			st, err = fsys.Lstat(p)
		}
		if err != nil {
			return runtime.Value{}, runtime.OSErrorFrom(err, a[0])
		}
		return statTuple(st), nil
	})
	set("_listdir", []string{"path"}, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		fsys, p, err := target(th, &a[0])
		if err != nil {
			return runtime.Value{}, err
		}
		ents, err := fsys.ReadDir(p)
		if err != nil {
			return runtime.Value{}, runtime.OSErrorFrom(err, a[0])
		}
		if err := th.Work(int64(len(ents))); err != nil {
			return runtime.Value{}, err
		}
		items := make([]runtime.Value, len(ents))
		for i, e := range ents {
			kind := "f"
			switch {
			case e.Type()&fs.ModeSymlink != 0:
				kind = "l"
			case e.IsDir():
				kind = "d"
			case !e.Type().IsRegular():
				kind = "o"
			}
			items[i] = runtime.TupleOf(runtime.Str(e.Name()), runtime.Str(kind))
		}
		return runtime.NewList(items), nil
	})
	set("mkdir", []string{"path", "mode?"}, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		fsys, p, err := target(th, &a[0])
		if err != nil {
			return runtime.Value{}, err
		}
		mode := int64(0o777)
		if !a[1].IsNone() {
			mode = a[1].SmallInt()
		}
		if err := fsys.Mkdir(p, fs.FileMode(mode)); err != nil {
			return runtime.Value{}, runtime.OSErrorFrom(err, a[0])
		}
		return runtime.None, nil
	})
	remove := func(dir bool) fn {
		return func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
			fsys, p, err := target(th, &a[0])
			if err != nil {
				return runtime.Value{}, err
			}
			st, err := fsys.Lstat(p)
			if err != nil {
				return runtime.Value{}, runtime.OSErrorFrom(err, a[0])
			}
			if st.IsDir() && !dir {
				return runtime.Value{}, runtime.NewOSErrorValue(int(syscall.EISDIR), a[0])
			}
			if !st.IsDir() && dir {
				return runtime.Value{}, runtime.NewOSErrorValue(int(syscall.ENOTDIR), a[0])
			}
			if err := fsys.Remove(p); err != nil {
				return runtime.Value{}, runtime.OSErrorFrom(err, a[0])
			}
			return runtime.None, nil
		}
	}
	set("remove", []string{"path"}, remove(false))
	set("unlink", []string{"path"}, remove(false))
	set("rmdir", []string{"path"}, remove(true))
	rename := func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		fsys, src, err := target(th, &a[0])
		if err != nil {
			return runtime.Value{}, err
		}
		_, dst, err := target(th, &a[1])
		if err != nil {
			return runtime.Value{}, err
		}
		if err := fsys.Rename(src, dst); err != nil {
			exc := runtime.OSErrorFrom(err, a[0])
			exc.SetAttrValue("filename2", a[1])
			return runtime.Value{}, exc
		}
		return runtime.None, nil
	}
	set("rename", []string{"src", "dst"}, rename)
	set("replace", []string{"src", "dst"}, rename)
	set("readlink", []string{"path"}, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		fsys, p, err := target(th, &a[0])
		if err != nil {
			return runtime.Value{}, err
		}
		s, err := fsys.Readlink(p)
		if err != nil {
			return runtime.Value{}, runtime.OSErrorFrom(err, a[0])
		}
		return runtime.Str(s), nil
	})
	set("chmod", []string{"path", "mode"}, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		fsys, p, err := target(th, &a[0])
		if err != nil {
			return runtime.Value{}, err
		}
		if err := fsys.Chmod(p, fs.FileMode(a[1].SmallInt()&0o7777)); err != nil {
			return runtime.Value{}, runtime.OSErrorFrom(err, a[0])
		}
		return runtime.None, nil
	})
	set("_utime", []string{"path", "atime_ns", "mtime_ns"}, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		fsys, p, err := target(th, &a[0])
		if err != nil {
			return runtime.Value{}, err
		}
		at, mt := time.Now(), time.Now()
		if !a[1].IsNone() {
			at, mt = time.Unix(0, a[1].SmallInt()), time.Unix(0, a[2].SmallInt())
		}
		if err := fsys.Chtimes(p, at, mt); err != nil {
			return runtime.Value{}, runtime.OSErrorFrom(err, a[0])
		}
		return runtime.None, nil
	})
	set("_realpath", []string{"path"}, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		fsys, p, err := target(th, &a[0])
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.Str(realpath(fsys, p)), nil
	})
	m.Set("kill", runtime.NewBuiltin("kill", kill))
	set("getpid", nil, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		return runtime.Int(int64(goos.Getpid())), nil
	})
	set("_uname", nil, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		// The host's name and kernel are the host's to give.
		if th.OS == nil {
			return runtime.Value{}, runtime.OSErrorFrom(&runtime.DeniedError{What: "no operating system access granted"}, runtime.Value{})
		}
		var u unix.Utsname
		if err := unix.Uname(&u); err != nil {
			return runtime.Value{}, runtime.OSErrorFrom(err, runtime.Value{})
		}
		fields := [][]byte{u.Sysname[:], u.Nodename[:], u.Release[:], u.Version[:], u.Machine[:]}
		out := make([]runtime.Value, len(fields))
		for i, f := range fields {
			out[i] = runtime.Str(unix.ByteSliceToString(f))
		}
		return runtime.Obj(runtime.NewTuple(out)), nil
	})
	set("_terminal_size", []string{"fd"}, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		// Only a host that granted the file system lets a script look at
		// its terminal.
		if th.OS == nil {
			return runtime.Value{}, runtime.NewOSError(int(syscall.ENOTTY), "")
		}
		fd, ok := runtime.AsInt64(a[0])
		if !ok || fd < 0 {
			return runtime.Value{}, runtime.NewOSError(int(syscall.EBADF), "")
		}
		ws, err := unix.IoctlGetWinsize(int(fd), unix.TIOCGWINSZ)
		if err != nil {
			return runtime.Value{}, runtime.OSErrorFrom(err, runtime.Value{})
		}
		return runtime.Obj(runtime.NewTuple([]runtime.Value{runtime.Int(int64(ws.Col)), runtime.Int(int64(ws.Row))})), nil
	})
	set("cpu_count", nil, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		return runtime.Int(int64(goruntime.NumCPU())), nil
	})
	set("urandom", []string{"size"}, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		n := a[0].SmallInt()
		if n < 0 {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "negative argument not allowed")
		}
		if err := th.Alloc(n); err != nil {
			return runtime.Value{}, err
		}
		b := make([]byte, n)
		rand.Read(b)
		return runtime.NewBytes(b), nil
	})
	set("strerror", []string{"code"}, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		return runtime.Str(runtime.Strerror(int(a[0].SmallInt()))), nil
	})
	set("_environ", nil, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		d := runtime.NewDict()
		if th.OS != nil {
			for _, k := range th.OS.EnvOrder {
				if v, ok := th.OS.Env[k]; ok {
					d.SetItem(th, runtime.Str(k), runtime.Str(v))
				}
			}
		}
		return runtime.Obj(d), nil
	})
	set("_putenv", []string{"key", "value"}, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		if th.OS == nil {
			th.OS = &runtime.OSAccess{}
		}
		k, _ := runtime.FSPath(th, a[0])
		if th.OS.Env == nil {
			th.OS.Env = map[string]string{}
		}
		if a[1].IsNone() {
			delete(th.OS.Env, k)
			return runtime.None, nil
		}
		v, _ := runtime.FSPath(th, a[1])
		if _, ok := th.OS.Env[k]; !ok {
			th.OS.EnvOrder = append(th.OS.EnvOrder, k)
		}
		th.OS.Env[k] = v
		return runtime.None, nil
	})
	set("_hostpath", []string{"path"}, func(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
		fsys, p, err := target(th, &a[0])
		if err != nil {
			return runtime.Value{}, err
		}
		h, ok := fsys.HostPath(p)
		if !ok {
			return runtime.None, nil
		}
		return runtime.Str(h), nil
	})
	set("_statvfs", []string{"path"}, statvfs)
	return m
}

// realpath resolves the symbolic links of an absolute path, as far as
// they exist.
func realpath(fsys runtime.FileSystem, p string) string {
	out := "/"
	rest := p
	for hops := 0; rest != "" && hops < 40; {
		var part string
		part, rest = cut(rest)
		if part == "" || part == "." {
			continue
		}
		if part == ".." {
			out = path.Dir(out)
			continue
		}
		next := path.Join(out, part)
		st, err := fsys.Lstat(next)
		if err == nil && st.Mode()&fs.ModeSymlink != 0 {
			if target, err := fsys.Readlink(next); err == nil {
				hops++
				if path.IsAbs(target) {
					out = "/"
				}
				rest = target + "/" + rest
				continue
			}
		}
		out = next
	}
	return out
}

// cut splits the first component off a slash-separated path.
func cut(p string) (string, string) {
	for i := 0; i < len(p); i++ {
		if p[i] == '/' {
			return p[:i], p[i+1:]
		}
	}
	return p, ""
}

// statvfs returns the total and free bytes of the host file system that
// holds a path, for shutil.disk_usage.
func statvfs(th *runtime.Thread, a []runtime.Value) (runtime.Value, error) {
	fsys, p, err := target(th, &a[0])
	if err != nil {
		return runtime.Value{}, err
	}
	host, ok := fsys.HostPath(p)
	if !ok {
		return runtime.TupleOf(runtime.Int(0), runtime.Int(0)), nil
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(host, &st); err != nil {
		return runtime.Value{}, runtime.OSErrorFrom(err, a[0])
	}
	bs := int64(st.Bsize)
	return runtime.TupleOf(runtime.Int(int64(st.Blocks)*bs), runtime.Int(int64(st.Bavail)*bs)), nil
}
