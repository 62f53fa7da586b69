package runtime

// This file defines the file systems a host can grant an interpreter
// (none, the host's own, a directory root, or a read-only fs.FS) and the
// interpreter's view of them: its working directory and environment.
// Scripts see absolute, slash-separated paths; a directory root or an
// fs.FS appears as "/", and nothing outside it can be named.

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// FileHandle is an open file of a FileSystem. *os.File is one.
type FileHandle interface {
	io.Reader
	io.Writer
	io.Seeker
	io.Closer
	Stat() (fs.FileInfo, error)
	Truncate(size int64) error
}

// FileSystem is a file system an interpreter may use. Every name is an
// absolute, cleaned, slash-separated path within it. Errors carry a
// syscall.Errno where one applies (they become OSError subclasses), or
// are *DeniedError for an operation the grant excludes.
type FileSystem interface {
	OpenFile(name string, flag int, perm fs.FileMode) (FileHandle, error)
	Stat(name string) (fs.FileInfo, error)
	Lstat(name string) (fs.FileInfo, error)
	ReadDir(name string) ([]fs.DirEntry, error)
	Mkdir(name string, perm fs.FileMode) error
	// Remove removes a file or an empty directory.
	Remove(name string) error
	Rename(oldname, newname string) error
	Readlink(name string) (string, error)
	Chtimes(name string, atime, mtime time.Time) error
	Chmod(name string, mode fs.FileMode) error
	// HostPath returns the host's name for a path, for messages and for
	// handing to other programs; ok is false when there is none.
	HostPath(name string) (string, bool)
}

// OSAccess is an interpreter's grant: its file system (nil: none), its
// working directory in it, and its environment (nil: none granted, which
// a script sees as an empty os.environ).
type OSAccess struct {
	FS  FileSystem
	Cwd string
	Env map[string]string
	// EnvOrder keeps os.environ's iteration in the order variables were
	// first seen, as CPython's mapping does.
	EnvOrder []string

	// pending are the files with buffered writes. CPython closes a file
	// the moment its last reference goes (open(p, 'w').write(s) writes at
	// once); aio has no reference counts, so it flushes them before any
	// other file-system operation of the interpreter and at its end,
	// which no script can tell apart.
	pending map[*fileCore]struct{}
}

// markPending records that c has buffered writes.
func (a *OSAccess) markPending(c *fileCore) {
	if a.pending == nil {
		a.pending = map[*fileCore]struct{}{}
	}
	a.pending[c] = struct{}{}
}

// FlushFiles writes out the buffered writes of every open file of th
// (the interpreter ending; the command line calls it through Interp.Close).
func FlushFiles(th *Thread) {
	if th.OS == nil {
		return
	}
	for c := range th.OS.pending {
		c.flush()
	}
	clear(th.OS.pending)
}

// noFS is the text of the PermissionError for a file operation in an
// interpreter given no file system.
const noFS = "no file system granted"

// FileSystem returns the granted file system, or a DeniedError naming
// path when there is none.
func (th *Thread) FileSystem() (FileSystem, error) {
	if th.OS == nil || th.OS.FS == nil {
		return nil, &DeniedError{What: noFS}
	}
	if len(th.OS.pending) > 0 {
		FlushFiles(th)
	}
	return th.OS.FS, nil
}

// Getcwd is os.getcwd(): the working directory, "/" without a grant.
func (th *Thread) Getcwd() string {
	if th.OS == nil || th.OS.Cwd == "" {
		return "/"
	}
	return th.OS.Cwd
}

// AbsPath resolves a script's path against the working directory.
func (th *Thread) AbsPath(p string) string {
	if !strings.HasPrefix(p, "/") {
		p = th.Getcwd() + "/" + p
	}
	return path.Clean(p)
}

// HostFS is the host's whole file system, as the command line grants it.
// Its methods implement FileSystem with the os package's functions.
type HostFS struct{}

func (HostFS) OpenFile(name string, flag int, perm fs.FileMode) (FileHandle, error) {
	f, err := os.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return f, nil
}
func (HostFS) Stat(name string) (fs.FileInfo, error)      { return os.Stat(name) }
func (HostFS) Lstat(name string) (fs.FileInfo, error)     { return os.Lstat(name) }
func (HostFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }
func (HostFS) Mkdir(name string, perm fs.FileMode) error  { return os.Mkdir(name, perm) }
func (HostFS) Remove(name string) error                   { return os.Remove(name) }
func (HostFS) Rename(o, n string) error                   { return os.Rename(o, n) }
func (HostFS) Readlink(name string) (string, error)       { return os.Readlink(name) }
func (HostFS) Chtimes(name string, a, m time.Time) error  { return os.Chtimes(name, a, m) }
func (HostFS) Chmod(name string, mode fs.FileMode) error  { return os.Chmod(name, mode) }
func (HostFS) HostPath(name string) (string, bool)        { return filepath.FromSlash(name), true }

// DirFS is a read-write grant of one host directory, which the script
// sees as "/"; its methods implement FileSystem. os.Root resolves every path inside it, so neither ".."
// nor a symbolic link can reach outside.
type DirFS struct {
	Root *os.Root
	Dir  string // the host directory, for HostPath
}

// NewDirFS opens dir as a DirFS.
func NewDirFS(dir string) (*DirFS, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	abs, _ := filepath.Abs(dir)
	return &DirFS{Root: r, Dir: abs}, nil
}

// rel turns a script path into one relative to the root.
func rel(name string) string {
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	if name == "" {
		return "."
	}
	return name
}

func (d *DirFS) OpenFile(name string, flag int, perm fs.FileMode) (FileHandle, error) {
	f, err := d.Root.OpenFile(rel(name), flag, perm)
	if err != nil {
		return nil, escaped(err)
	}
	return f, nil
}
func (d *DirFS) Stat(name string) (fs.FileInfo, error) {
	st, err := d.Root.Stat(rel(name))
	return st, escaped(err)
}
func (d *DirFS) Lstat(name string) (fs.FileInfo, error) {
	st, err := d.Root.Lstat(rel(name))
	return st, escaped(err)
}
func (d *DirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	ents, err := fs.ReadDir(d.Root.FS(), rel(name))
	return ents, escaped(err)
}
func (d *DirFS) Mkdir(name string, perm fs.FileMode) error {
	return escaped(d.Root.Mkdir(rel(name), perm))
}
func (d *DirFS) Remove(name string) error { return escaped(d.Root.Remove(rel(name))) }
func (d *DirFS) Rename(o, n string) error { return escaped(d.Root.Rename(rel(o), rel(n))) }
func (d *DirFS) Readlink(name string) (string, error) {
	s, err := d.Root.Readlink(rel(name))
	return s, escaped(err)
}
func (d *DirFS) Chtimes(name string, a, m time.Time) error {
	return escaped(d.Root.Chtimes(rel(name), a, m))
}
func (d *DirFS) Chmod(name string, mode fs.FileMode) error {
	return escaped(d.Root.Chmod(rel(name), mode))
}
func (d *DirFS) HostPath(name string) (string, bool) {
	return filepath.Join(d.Dir, filepath.FromSlash(rel(name))), true
}

// escaped turns os.Root's refusal of a path that leaves the root (through
// a symbolic link) into a DeniedError; other errors pass unchanged.
func escaped(err error) error {
	if err != nil && strings.Contains(err.Error(), "path escapes from parent") {
		return &DeniedError{What: "outside the granted directory"}
	}
	return err
}

// ReadOnlyFS is a read-only grant of an fs.FS, seen as "/" (its methods
// implement FileSystem). Operations
// that would change it raise PermissionError.
type ReadOnlyFS struct{ FS fs.FS }

// readOnly is the refusal of a change to a ReadOnlyFS.
var readOnly = &DeniedError{What: "file system is read-only"}

func (r ReadOnlyFS) OpenFile(name string, flag int, perm fs.FileMode) (FileHandle, error) {
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_TRUNC|os.O_APPEND) != 0 {
		return nil, readOnly
	}
	f, err := r.FS.Open(rel(name))
	if err != nil {
		return nil, err
	}
	return &roHandle{f: f}, nil
}
func (r ReadOnlyFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(r.FS, rel(name)) }
func (r ReadOnlyFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Stat(r.FS, rel(name)) }
func (r ReadOnlyFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(r.FS, rel(name)) }
func (ReadOnlyFS) Mkdir(string, fs.FileMode) error              { return readOnly }
func (ReadOnlyFS) Remove(string) error                          { return readOnly }
func (ReadOnlyFS) Rename(string, string) error                  { return readOnly }
func (ReadOnlyFS) Readlink(string) (string, error)              { return "", syscall.EINVAL }
func (ReadOnlyFS) Chtimes(string, time.Time, time.Time) error   { return readOnly }
func (ReadOnlyFS) Chmod(string, fs.FileMode) error              { return readOnly }
func (ReadOnlyFS) HostPath(string) (string, bool)               { return "", false }

// roHandle adapts an fs.File to FileHandle: it reads (and seeks when the
// file can), and refuses writes.
type roHandle struct{ f fs.File }

func (h *roHandle) Read(p []byte) (int, error)  { return h.f.Read(p) }
func (h *roHandle) Write(p []byte) (int, error) { return 0, syscall.EBADF }
func (h *roHandle) Close() error                { return h.f.Close() }
func (h *roHandle) Stat() (fs.FileInfo, error)  { return h.f.Stat() }
func (h *roHandle) Truncate(int64) error        { return syscall.EBADF }
func (h *roHandle) Seek(off int64, whence int) (int64, error) {
	if s, ok := h.f.(io.Seeker); ok {
		return s.Seek(off, whence)
	}
	return 0, syscall.ESPIPE
}

// IsDenied reports whether err is a refusal of the grant.
func IsDenied(err error) bool {
	var d *DeniedError
	return errors.As(err, &d)
}
