package interp

// This file is the import system: the IMPORT_NAME and IMPORT_FROM
// instructions, sys.modules and sys.path, and the search for a module by
// name among host modules, the host's module source, the granted file
// system and the standard modules, following CPython 3.11's rules
// (each module runs once, a cycle sees the partial module, a failed
// import leaves nothing in sys.modules).

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/aio-lang/aio/parser"
	"github.com/aio-lang/aio/runtime"
)

// SourceModule is a module supplied by Options.ModuleSource.
type SourceModule struct {
	// Source is the module's aio (Python) source.
	Source []byte
	// Filename is the module's __file__ and the name its tracebacks show
	// ("<name>" when empty).
	Filename string
	// Package makes the module a package: its submodules ("name.sub")
	// are asked of ModuleSource too.
	Package bool
}

// importState is an interpreter's import machinery.
type importState struct {
	modules *runtime.Dict // sys.modules
	path    *runtime.List // sys.path
	fsys    fs.FS
	dir     string // what relative sys.path entries are relative to
	source  func(name string) (*SourceModule, error)
	// host names the modules registered by the host, which no file shadows.
	host map[string]bool
}

// unshadowable are the standard modules CPython builds in or has loaded
// before a script starts: a file of the same name beside the script does
// not replace them. Any other standard module is found after the
// directories of sys.path, as CPython's standard library comes after them.
var unshadowable = map[string]bool{
	"sys": true, "time": true, "builtins": true, "itertools": true, "atexit": true,
	"errno": true, "gc": true, "marshal": true, "posix": true, "pwd": true,
	"os": true, "io": true, "abc": true, "codecs": true, "stat": true,
	"site": true, "posixpath": true, "genericpath": true, "_thread": true,
}

// initImports sets up sys.modules and sys.path from the options.
func (in *Interp) initImports(opts Options) {
	st := &in.imports
	st.modules = runtime.NewDict()
	st.fsys = opts.ModuleFS
	st.dir = opts.ModuleDir
	st.source = opts.ModuleSource
	st.host = map[string]bool{}
	var entries []runtime.Value
	switch {
	case opts.ModulePath != nil:
		for _, p := range opts.ModulePath {
			entries = append(entries, runtime.Str(p))
		}
	case opts.ModuleFS != nil:
		entries = []runtime.Value{runtime.Str("")}
	}
	pl, _ := runtime.As[*runtime.List](runtime.NewList(entries))
	st.path = pl
	st.modules.SetItem(in.th, runtime.Str("__main__"), runtime.Obj(in.main.globals))
	in.builtins["__import__"] = runtime.NewBuiltin("__import__", in.builtinImport)
	// The main script is no package's module and has no spec, as in CPython.
	in.main.globals.Set("__package__", runtime.None)
	in.main.globals.Set("__spec__", runtime.None)
}

// importName runs IMPORT_NAME: spec is the dotted name with one leading
// dot per level of a relative import. The result is the module named by
// spec itself (the compiler binds the top-level package separately).
func (in *Interp) importName(th *runtime.Thread, f *Frame, spec string) (runtime.Value, error) {
	level := len(spec) - len(strings.TrimLeft(spec, "."))
	name := spec[level:]
	if level > 0 {
		var err error
		if name, err = resolveRelative(f.globals(), name, level); err != nil {
			return runtime.Value{}, err
		}
	}
	return in.importAbsolute(th, name)
}

// resolveRelative turns a relative name into an absolute one, from the
// importing module's __package__ (or its __name__ and __path__).
func resolveRelative(g *runtime.Module, name string, level int) (string, error) {
	pkg := ""
	if v, ok := g.Get("__package__"); ok && !v.IsNone() {
		s, ok := runtime.As[*runtime.StrObj](v)
		if !ok {
			return "", runtime.Errorf(runtime.TypeError, "package must be a string")
		}
		pkg = s.S
	} else if v, ok := g.Get("__name__"); ok {
		if s, ok := runtime.As[*runtime.StrObj](v); ok && s.S != "__main__" {
			pkg = s.S
			if _, isPkg := g.Get("__path__"); !isPkg {
				pkg = pkg[:max(strings.LastIndexByte(pkg, '.'), 0)]
			}
		}
	}
	return resolveName(name, pkg, level)
}

// resolveName applies level leading dots to name within package pkg.
func resolveName(name, pkg string, level int) (string, error) {
	if pkg == "" {
		return "", runtime.Errorf(runtime.ImportError, "attempted relative import with no known parent package")
	}
	base := pkg
	for i := 1; i < level; i++ {
		j := strings.LastIndexByte(base, '.')
		if j < 0 {
			return "", runtime.Errorf(runtime.ImportError, "attempted relative import beyond top-level package")
		}
		base = base[:j]
	}
	if name == "" {
		return base, nil
	}
	return base + "." + name, nil
}

// notFound is CPython's ModuleNotFoundError for name, with its .name.
func notFound(name, format string, args ...any) *runtime.Exception {
	e := runtime.Errorf(runtime.ModuleNotFoundError, format, args...)
	e.Name = name
	return e
}

// importAbsolute imports the module with the absolute dotted name (and
// its parent packages first) and returns sys.modules[name].
func (in *Interp) importAbsolute(th *runtime.Thread, name string) (runtime.Value, error) {
	st := &in.imports
	if v, ok, err := st.modules.Get(th, runtime.Str(name)); err != nil || ok {
		if err == nil && v.IsNone() {
			return runtime.Value{}, notFound(name, "import of %s halted; None in sys.modules", name)
		}
		return v, err
	}
	if name == "" {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Empty module name")
	}
	var parent runtime.Value
	var search []string
	top := true
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		top = false
		var err error
		if parent, err = in.importAbsolute(th, name[:i]); err != nil {
			return runtime.Value{}, err
		}
		// Importing the parent may have imported this module too.
		if v, ok, err := st.modules.Get(th, runtime.Str(name)); err != nil || ok {
			return v, err
		}
		pv, err := runtime.GetAttr(th, parent, "__path__")
		if err != nil {
			return runtime.Value{}, notFound(name, "No module named '%s'; '%s' is not a package", name, name[:i])
		}
		search = strEntries(pv)
	} else {
		search = strEntries(in.sysPath())
	}
	m, err := in.findModule(th, name, top, search)
	if err != nil {
		return runtime.Value{}, err
	}
	if m == nil {
		return runtime.Value{}, notFound(name, "No module named '%s'", name)
	}
	v, ok, err := st.modules.Get(th, runtime.Str(name))
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok {
		return runtime.Value{}, notFound(name, "No module named '%s'", name)
	}
	if !top {
		if err := runtime.SetAttr(th, parent, name[strings.LastIndexByte(name, '.')+1:], v); err != nil {
			return runtime.Value{}, err
		}
	}
	return v, nil
}

// sysPath is sys.path: the list the sys module's attribute holds now (a
// script may bind a new one), or the initial list before sys is imported.
func (in *Interp) sysPath() runtime.Value {
	if m, ok := in.th.Modules["sys"]; ok {
		if v, ok := m.Get("path"); ok {
			return v
		}
	}
	return runtime.Obj(in.imports.path)
}

// strEntries returns the str items of a list (sys.path or __path__);
// CPython skips entries of other types too.
func strEntries(v runtime.Value) []string {
	l, ok := runtime.As[*runtime.List](v)
	if !ok {
		return nil
	}
	var out []string
	for _, it := range l.Items {
		if s, ok := runtime.As[*runtime.StrObj](it); ok {
			out = append(out, s.S)
		}
	}
	return out
}

// findModule finds and runs the module name, leaving it in sys.modules.
// It returns nil when no source has it.
func (in *Interp) findModule(th *runtime.Thread, name string, top bool, search []string) (*runtime.Module, error) {
	st := &in.imports
	if name == "__future__" {
		m := futureModule()
		return m, st.modules.SetItem(th, runtime.Str(name), runtime.Obj(m))
	}
	if top && (st.host[name] || unshadowable[name]) {
		if m, err := in.loadStd(th, name); m != nil || err != nil {
			return m, err
		}
	}
	if st.source != nil {
		sm, err := st.source(name)
		if err != nil {
			return nil, runtime.Errorf(runtime.ImportError, "%s", err.Error())
		}
		if sm != nil {
			var pkgPath []string
			if sm.Package {
				pkgPath = []string{}
			}
			filename := sm.Filename
			if filename == "" {
				filename = "<" + name + ">"
			}
			return in.execModule(th, name, filename, sm.Source, pkgPath)
		}
	}
	var namespace []string
	if st.fsys != nil {
		var m *runtime.Module
		var err error
		if m, namespace, err = in.findFile(th, name, search); m != nil || err != nil {
			return m, err
		}
	}
	if top {
		if m, err := in.loadStd(th, name); m != nil || err != nil {
			return m, err
		}
	}
	if namespace != nil {
		return in.namespacePackage(th, name, namespace)
	}
	return nil, nil
}

// findFile looks for name's last component in each directory of search:
// a package directory (with __init__.aio or __init__.py) first, then
// NAME.aio, then NAME.py, as CPython looks for a package before a module.
// When none has it, namespace lists the directories of that name without
// an __init__ file, the portions of a namespace package.
func (in *Interp) findFile(th *runtime.Thread, name string, search []string) (m *runtime.Module, namespace []string, err error) {
	base := name[strings.LastIndexByte(name, '.')+1:]
	for _, dir := range search {
		dir = in.moduleDir(dir)
		pkgDir := path.Join(dir, base)
		if in.isModuleDir(pkgDir) {
			for _, init := range []string{"__init__.aio", "__init__.py"} {
				file := path.Join(pkgDir, init)
				if src, ok := in.readModuleFile(file); ok {
					m, err := in.execModule(th, name, file, src, []string{pkgDir})
					return m, nil, err
				}
			}
			namespace = append(namespace, pkgDir)
		}
		for _, ext := range []string{".aio", ".py"} {
			file := path.Join(dir, base+ext)
			if src, ok := in.readModuleFile(file); ok {
				m, err := in.execModule(th, name, file, src, nil)
				return m, nil, err
			}
		}
	}
	return nil, namespace, nil
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
	return m, in.imports.modules.SetItem(th, runtime.Str(name), runtime.Obj(m))
}

// loadStd makes a standard or host module, or returns nil if there is
// none of that name (or the host does not allow it).
func (in *Interp) loadStd(th *runtime.Thread, name string) (*runtime.Module, error) {
	var m *runtime.Module
	if name == "asyncio" {
		if _, ok := th.ModuleLoaders[name]; !ok {
			return nil, nil
		}
		var err error
		if m, err = in.loadAsyncio(th); err != nil {
			return nil, err
		}
	} else {
		load, ok := th.ModuleLoaders[name]
		if !ok || load == nil {
			return nil, nil
		}
		if m = th.Modules[name]; m == nil {
			m = load(th)
		}
		if name == "sys" {
			m.Set("modules", runtime.Obj(in.imports.modules))
			m.Set("path", runtime.Obj(in.imports.path))
		}
	}
	th.Modules[name] = m
	return m, in.imports.modules.SetItem(th, runtime.Str(name), runtime.Obj(m))
}

// execModule compiles src and runs it as the module name, which is in
// sys.modules while it runs and removed again if it fails. pkgPath is
// the __path__ of a package, nil for a plain module.
func (in *Interp) execModule(th *runtime.Thread, name, filename string, src []byte, pkgPath []string) (*runtime.Module, error) {
	return in.runModuleSource(th, runtime.NewModule(name), name, filename, src, pkgPath)
}

// runModuleSource runs src in the module m (new, or reloaded).
func (in *Interp) runModuleSource(th *runtime.Thread, m *runtime.Module, name, filename string, src []byte, pkgPath []string) (*runtime.Module, error) {
	st := &in.imports
	code, err := Compile(filename, src)
	if err != nil {
		return nil, syntaxException(err)
	}
	if code.Flags&FlagTopLevelAwait != 0 {
		// Only the main script may await at the top level (an aio
		// extension); an imported module is compiled as CPython would.
		return nil, runtime.Errorf(runtime.SyntaxErrorType, "'await' outside function")
	}
	m.Set("__name__", runtime.Str(name))
	m.Set("__doc__", runtime.None)
	m.Set("__file__", runtime.Str(filename))
	pkg := name
	if pkgPath != nil {
		items := make([]runtime.Value, len(pkgPath))
		for i, p := range pkgPath {
			items[i] = runtime.Str(p)
		}
		m.Set("__path__", runtime.NewList(items))
	} else {
		pkg = name[:max(strings.LastIndexByte(name, '.'), 0)]
	}
	m.Set("__package__", runtime.Str(pkg))
	key := runtime.Str(name)
	if _, isPkg := m.Get("__path__"); isPkg && pkgPath == nil {
		pkgPath = strEntries(m.Slot("__path__").V)
	}
	_, reloading, _ := st.modules.Get(th, key)
	if err := st.modules.SetItem(th, key, runtime.Obj(m)); err != nil {
		return nil, err
	}
	in.sources[filename] = strings.Split(string(src), "\n")
	m.Initializing = true
	if err = enterImport(th); err == nil {
		err = in.runModule(code, &moduleState{name: name, globals: m, builtins: in.builtins, vm: in})
		th.Depth -= importFrames
	}
	m.Initializing = false
	if err != nil {
		if !reloading { // a failed reload leaves the module imported
			st.modules.Delete(th, key)
		}
		return nil, err
	}
	return m, nil
}

// importFrames is how many levels of the recursion depth an import in
// progress takes besides the module's own frame: CPython's importlib
// runs six Python frames per nested import, so a chain of imports meets
// the recursion limit at the same length (about 140 with the default
// limit) and long before the Go stack is deep.
const importFrames = 6

// enterImport counts an import's frames in the recursion depth.
func enterImport(th *runtime.Thread) error {
	for i := 0; i < importFrames; i++ {
		if err := th.Enter(); err != nil {
			th.Depth -= i
			return err
		}
	}
	return nil
}

// syntaxException turns a compile error of an imported module into the
// exception the import statement raises.
func syntaxException(err error) error {
	var se *parser.SyntaxError
	if !errors.As(err, &se) {
		return err
	}
	cls := runtime.SyntaxErrorType
	switch se.Kind {
	case "IndentationError":
		cls = runtime.IndentationError
	case "TabError":
		cls = runtime.TabError
	case "MemoryError":
		cls = runtime.MemoryError
	case "RecursionError":
		cls = runtime.RecursionError
	}
	if se.Msg == "" {
		return runtime.NewException(cls)
	}
	return runtime.Errorf(cls, "%s", se.Msg)
}

// importFrom runs IMPORT_FROM: pushes the attribute name of the module on
// top of the stack, importing the submodule name of a package when the
// package has no such attribute yet. `*` binds the public names.
func (in *Interp) importFrom(th *runtime.Thread, f *Frame, name string) error {
	mod := f.top()
	if name == "*" {
		return in.importStar(th, f, mod)
	}
	v, err := in.fromAttr(th, mod, name)
	if err != nil {
		return err
	}
	f.push(v)
	return nil
}

// fromAttr is the value `from mod import name` binds.
func (in *Interp) fromAttr(th *runtime.Thread, mod runtime.Value, name string) (runtime.Value, error) {
	if v, err := runtime.GetAttr(th, mod, name); err == nil {
		return v, nil
	} else if !runtime.IsInstance(err, runtime.AttributeError) {
		return runtime.Value{}, err
	}
	modName := "<unknown module name>"
	if nv, err := runtime.GetAttr(th, mod, "__name__"); err == nil {
		if s, ok := runtime.As[*runtime.StrObj](nv); ok {
			modName = s.S
		}
	}
	full := modName + "." + name
	if v, ok, _ := in.imports.modules.Get(th, runtime.Str(full)); ok {
		return v, nil
	}
	if _, err := runtime.GetAttr(th, mod, "__path__"); err == nil {
		v, err := in.importAbsolute(th, full)
		if err == nil {
			return v, nil
		}
		var e *runtime.Exception
		if !errors.As(err, &e) || !e.Class.IsSubtype(runtime.ModuleNotFoundError) || e.Name != full {
			return runtime.Value{}, err
		}
	}
	where := "unknown location"
	if fv, err := runtime.GetAttr(th, mod, "__file__"); err == nil {
		if s, ok := runtime.As[*runtime.StrObj](fv); ok {
			where = s.S
		}
	}
	var e *runtime.Exception
	if m, ok := runtime.As[*runtime.Module](mod); ok && m.Initializing {
		e = runtime.Errorf(runtime.ImportError, "cannot import name '%s' from partially initialized module '%s' (most likely due to a circular import) (%s)", name, modName, where)
	} else {
		e = runtime.Errorf(runtime.ImportError, "cannot import name '%s' from '%s' (%s)", name, modName, where)
	}
	e.Name = modName
	return runtime.Value{}, e
}

// importStar binds the names of `from mod import *`: those of __all__,
// or else every global not starting with an underscore.
func (in *Interp) importStar(th *runtime.Thread, f *Frame, mod runtime.Value) error {
	var names []string
	allV, err := runtime.GetAttr(th, mod, "__all__")
	if err == nil {
		items, err := runtime.Collect(th, allV)
		if err != nil {
			return err
		}
		for _, it := range items {
			s, ok := runtime.As[*runtime.StrObj](it)
			if !ok {
				return runtime.Errorf(runtime.TypeError, "Item in %s.__all__ must be str, not %s", moduleName(th, mod), it.Type().Name)
			}
			names = append(names, s.S)
		}
	} else if m, ok := runtime.As[*runtime.Module](mod); ok {
		for _, n := range m.Names() {
			if !strings.HasPrefix(n, "_") {
				names = append(names, n)
			}
		}
	}
	_, noPath := runtime.GetAttr(th, mod, "__path__")
	for _, n := range names {
		v, err := runtime.GetAttr(th, mod, n)
		if err != nil && noPath == nil && runtime.IsInstance(err, runtime.AttributeError) {
			// A package's __all__ may name submodules not imported yet.
			full := moduleName(th, mod) + "." + n
			if _, ierr := in.importAbsolute(th, full); ierr != nil {
				var e *runtime.Exception
				if !errors.As(ierr, &e) || !e.Class.IsSubtype(runtime.ModuleNotFoundError) || e.Name != full {
					return ierr
				}
			}
			v, err = runtime.GetAttr(th, mod, n)
		}
		if err != nil {
			return err
		}
		if f.ns != nil {
			if err := f.ns.SetItem(th, runtime.Str(n), v); err != nil {
				return err
			}
		} else {
			f.globals().Set(n, v)
		}
	}
	f.push(runtime.None)
	return nil
}

// moduleName is mod.__name__, or "?" when it has none.
func moduleName(th *runtime.Thread, mod runtime.Value) string {
	if nv, err := runtime.GetAttr(th, mod, "__name__"); err == nil {
		if s, ok := runtime.As[*runtime.StrObj](nv); ok {
			return s.S
		}
	}
	return "?"
}

// ImportModule imports the module with the absolute dotted name as an
// import statement would and returns sys.modules[name] (importlib's
// import_module).
func (in *Interp) ImportModule(th *runtime.Thread, name string) (runtime.Value, error) {
	return in.importAbsolute(th, name)
}

// ReloadModule runs the source of an imported module again in the same
// module object (importlib.reload).
func (in *Interp) ReloadModule(th *runtime.Thread, mv runtime.Value) (runtime.Value, error) {
	m, _ := runtime.As[*runtime.Module](mv)
	name := moduleName(th, mv)
	if cur, ok, _ := in.imports.modules.Get(th, runtime.Str(name)); !ok || cur != mv {
		e := runtime.Errorf(runtime.ImportError, "module %s not in sys.modules", name)
		e.Name = name
		return runtime.Value{}, e
	}
	var pkgPath []string
	if pv, ok := m.Get("__path__"); ok {
		pkgPath = strEntries(pv)
	}
	if in.imports.source != nil {
		if sm, err := in.imports.source(name); err != nil || sm != nil {
			if err != nil {
				return runtime.Value{}, runtime.Errorf(runtime.ImportError, "%s", err.Error())
			}
			_, err := in.runModuleSource(th, m, name, sm.Filename, sm.Source, pkgPath)
			return mv, err
		}
	}
	fv, _ := m.Get("__file__")
	file, ok := runtime.As[*runtime.StrObj](fv)
	if !ok || in.imports.fsys == nil {
		return mv, nil // a standard module: nothing to run again
	}
	src, ok := in.readModuleFile(file.S)
	if !ok {
		return runtime.Value{}, notFound(name, "No module named '%s'", name)
	}
	_, err := in.runModuleSource(th, m, name, file.S, src, pkgPath)
	return mv, err
}
