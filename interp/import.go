package interp

// This file is the core of the import system: the IMPORT_NAME
// instruction, sys.modules and sys.path, and the search for a module by
// name among host modules, the host's module source, the granted file
// system and the standard modules, following CPython 3.11's rules
// (each module runs once, a cycle sees the partial module, a failed
// import leaves nothing in sys.modules).

import (
	"errors"
	"github.com/aio-lang/aio/internal/compile"
	"io/fs"
	"strings"

	_ "github.com/aio-lang/aio/lib" // the standard modules register themselves
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
func (in *Interp) importName(th *runtime.Thread, f *frame, spec string) (runtime.Value, error) {
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

// located is where an import found a module, before the module runs.
type located struct {
	std       bool // a standard or host module, or __future__
	filename  string
	src       []byte
	pkgPath   []string // non-nil for a package
	namespace []string // the directories of a namespace package
}

// findModule finds and runs the module name, leaving it in sys.modules.
// It returns nil when no source has it.
func (in *Interp) findModule(th *runtime.Thread, name string, top bool, search []string) (*runtime.Module, error) {
	loc, err := in.locate(th, name, top, search)
	switch {
	case err != nil || loc == nil:
		return nil, err
	case loc.std && name == "__future__":
		m := futureModule()
		return m, in.imports.modules.SetItem(th, runtime.Str(name), runtime.Obj(m))
	case loc.std:
		return in.loadStd(th, name)
	case loc.namespace != nil:
		return in.namespacePackage(th, name, loc.namespace)
	}
	return in.execModule(th, name, loc.filename, loc.src, loc.pkgPath)
}

// locate looks for the module name without running it: host modules and
// the standard modules CPython builds in, then the host's module source,
// then the directories of search, then the other standard modules, and
// last a namespace package. It returns nil when none has it.
func (in *Interp) locate(th *runtime.Thread, name string, top bool, search []string) (*located, error) {
	st := &in.imports
	if name == "__future__" || top && (st.host[name] || unshadowable[name]) && in.hasStd(name) {
		return &located{std: true}, nil
	}
	if st.source != nil {
		sm, err := st.source(name)
		if err != nil {
			return nil, runtime.Errorf(runtime.ImportError, "%s", err.Error())
		}
		if sm != nil {
			loc := &located{filename: sm.Filename, src: sm.Source}
			if loc.filename == "" {
				loc.filename = "<" + name + ">"
			}
			if sm.Package {
				loc.pkgPath = []string{}
			}
			return loc, nil
		}
	}
	var namespace []string
	if st.fsys != nil {
		loc, ns := in.findFile(name, search)
		if loc != nil {
			return loc, nil
		}
		namespace = ns
	}
	if in.hasStd(name) {
		return &located{std: true}, nil
	}
	if namespace != nil {
		return &located{namespace: namespace}, nil
	}
	return nil, nil
}

// hasStd reports whether a standard or host module name exists (and the
// host allows it).
func (in *Interp) hasStd(name string) bool {
	if name == "importlib.util" {
		return in.hasStd("importlib")
	}
	if name == "warnings" {
		// Always importable, like asyncio: it only reports to stderr.
		return true
	}
	load, ok := in.th.ModuleLoaders[name]
	return ok && (load != nil || name == "asyncio")
}

// loadStd makes a standard or host module, or returns nil if there is
// none of that name (or the host does not allow it).
func (in *Interp) loadStd(th *runtime.Thread, name string) (*runtime.Module, error) {
	var m *runtime.Module
	switch name {
	case "importlib.util":
		m = in.loadImportlibUtil()
	case "warnings":
		var err error
		if m, err = in.loadWarnings(th); err != nil {
			return nil, err
		}
	case "asyncio":
		if _, ok := th.ModuleLoaders[name]; !ok {
			return nil, nil
		}
		var err error
		if m, err = in.loadAsyncio(th); err != nil {
			return nil, err
		}
	default:
		load, ok := th.ModuleLoaders[name]
		if !ok || load == nil {
			return nil, nil
		}
		if m = th.Modules[name]; m == nil {
			m = load(th)
		}
		var pkgPath []string
		if runtime.IsStdPackage(name) {
			pkgPath = []string{}
			if _, ok := m.Get("__path__"); !ok {
				m.Set("__path__", runtime.NewList(nil))
			}
		}
		if src := runtime.StdSource(name); src != nil {
			th.Modules[name] = m
			if _, err := in.runModuleSource(th, m, name, "<"+name+">", src, pkgPath); err != nil {
				delete(th.Modules, name)
				return nil, err
			}
			return m, nil
		}
		switch name {
		case "sys":
			m.Set("modules", runtime.Obj(in.imports.modules))
			m.Set("path", runtime.Obj(in.imports.path))
			in.installExcInfo(m)
		case "importlib":
			m.Set("__path__", runtime.NewList(nil)) // a package: importlib.util
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
	// The source is held (for tracebacks) and compiled: both grow with
	// its size, so a host's memory and step budgets count them.
	if err := th.Alloc(int64(len(src))); err != nil {
		return nil, err
	}
	if err := th.Work(int64(len(src))/64 + 1); err != nil {
		return nil, err
	}
	code, err := compileModuleSource(name, filename, src)
	if err != nil {
		return nil, syntaxException(err)
	}
	if code.Flags&compile.FlagTopLevelAwait != 0 {
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
	m.Set("__spec__", moduleSpec(name, filename, pkgPath))
	key := runtime.Str(name)
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
