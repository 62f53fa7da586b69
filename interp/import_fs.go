package interp

// This file finds modules in the file system the host granted
// (Options.ModuleFS): packages, plain modules, .aio before .py, and
// namespace packages (directories without an __init__ file).

import (
	"io/fs"
	"path"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// findFile looks for name's last component in each directory of search:
// a package directory (with __init__.aio or __init__.py) first, then
// NAME.aio, then NAME.py, as CPython looks for a package before a module.
// When none has it, namespace lists the directories of that name without
// an __init__ file, the portions of a namespace package.
func (in *Interp) findFile(name string, search []string) (loc *located, namespace []string) {
	base := name[strings.LastIndexByte(name, '.')+1:]
	for _, dir := range search {
		dir = in.moduleDir(dir)
		pkgDir := path.Join(dir, base)
		if in.isModuleDir(pkgDir) {
			for _, init := range []string{"__init__.aio", "__init__.py"} {
				file := path.Join(pkgDir, init)
				if src, ok := in.readModuleFile(file); ok {
					return &located{filename: file, src: src, pkgPath: []string{pkgDir}}, nil
				}
			}
			namespace = append(namespace, pkgDir)
		}
		for _, ext := range []string{".aio", ".py"} {
			file := path.Join(dir, base+ext)
			if src, ok := in.readModuleFile(file); ok {
				return &located{filename: file, src: src}, nil
			}
		}
	}
	return nil, namespace
}

// moduleDir is a sys.path entry as a path to read: relative entries
// ("" is the current directory) are relative to Options.ModuleDir.
func (in *Interp) moduleDir(entry string) string {
	if strings.HasPrefix(entry, "/") {
		return entry
	}
	return path.Join(in.imports.dir, entry)
}

// fsPath is the name of a sys.path-style path inside the granted file
// system (a leading "/" is its root), or false for a path it cannot name.
func fsPath(p string) (string, bool) {
	p = strings.TrimPrefix(p, "/")
	if p == "" {
		p = "."
	}
	return p, fs.ValidPath(p)
}

// isModuleDir reports whether dir is a directory of the file system.
func (in *Interp) isModuleDir(dir string) bool {
	p, ok := fsPath(dir)
	if !ok {
		return false
	}
	info, err := fs.Stat(in.imports.fsys, p)
	return err == nil && info.IsDir()
}

// readModuleFile reads a module's source file from the file system.
func (in *Interp) readModuleFile(file string) ([]byte, bool) {
	p, ok := fsPath(file)
	if !ok {
		return nil, false
	}
	src, err := fs.ReadFile(in.imports.fsys, p)
	if err != nil {
		return nil, false
	}
	return src, true
}

// namespacePackage makes a package of directories without __init__
// files (PEP 420): it runs nothing, and its submodules are found in dirs.
func (in *Interp) namespacePackage(th *runtime.Thread, name string, dirs []string) (*runtime.Module, error) {
	m := runtime.NewModule(name)
	m.Set("__name__", runtime.Str(name))
	m.Set("__doc__", runtime.None)
	m.Set("__file__", runtime.None)
	items := make([]runtime.Value, len(dirs))
	for i, d := range dirs {
		items[i] = runtime.Str(d)
	}
	m.Set("__path__", runtime.NewList(items))
	m.Set("__package__", runtime.Str(name))
	m.Set("__spec__", moduleSpec(name, "", dirs))
	return m, in.imports.modules.SetItem(th, runtime.Str(name), runtime.Obj(m))
}
