package runtime

// This file defines the importlib module: import_module and reload, which
// hand the work to the interpreter's import system through ModuleImporter.

// ModuleImporter is implemented by the interpreter that owns a thread
// (Thread.Host): the import system that importlib's functions use.
type ModuleImporter interface {
	// ImportModule imports the absolute dotted name and returns
	// sys.modules[name].
	ImportModule(th *Thread, name string) (Value, error)
	// ReloadModule runs a module's source again in the same module.
	ReloadModule(th *Thread, m Value) (Value, error)
}

func init() {
	RegisterStdModule("importlib", loadImportlib)
}

// loadImportlib builds the importlib module.
func loadImportlib(th *Thread) *Module {
	m := NewModule("importlib")
	m.Set("__name__", Str("importlib"))
	m.Set("import_module", NewBuiltin("import_module", importlibImportModule))
	m.Set("reload", NewBuiltin("reload", importlibReload))
	m.Set("invalidate_caches", NewBuiltin("invalidate_caches", importlibInvalidateCaches))
	return m
}

// importerOf returns th's import system.
func importerOf(th *Thread) (ModuleImporter, error) {
	imp, ok := th.Host.(ModuleImporter)
	if !ok {
		return nil, Errorf(ImportError, "no import system")
	}
	return imp, nil
}

// importlibImportModule is importlib.import_module(name, package=None).
func importlibImportModule(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	var name string
	pkgV := None
	if err := UnpackArgs("import_module", args, kw, "name", &name, "package?", &pkgV); err != nil {
		return Value{}, err
	}
	level := 0
	for level < len(name) && name[level] == '.' {
		level++
	}
	if level > 0 {
		pkg, ok := pkgV.obj.(*StrObj)
		if pkgV.IsNone() || !ok || pkg.S == "" {
			return Value{}, Errorf(TypeError, "the 'package' argument is required to perform a relative import for %s", reprStr(name))
		}
		base := pkg.S
		for i := 1; i < level; i++ {
			j := lastDot(base)
			if j < 0 {
				return Value{}, Errorf(ImportError, "attempted relative import beyond top-level package")
			}
			base = base[:j]
		}
		if _, err := importlibImport(th, pkg.S); err != nil {
			return Value{}, err
		}
		if name = name[level:]; name == "" {
			name = base
		} else {
			name = base + "." + name
		}
	}
	return importlibImport(th, name)
}

// importlibImport imports name through th's import system.
func importlibImport(th *Thread, name string) (Value, error) {
	imp, err := importerOf(th)
	if err != nil {
		return Value{}, err
	}
	return imp.ImportModule(th, name)
}

// lastDot is the index of the last '.' in s, or -1.
func lastDot(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return i
		}
	}
	return -1
}

// reprStr is the repr of a str.
func reprStr(s string) string {
	r, _ := Repr(nil, Str(s))
	return r
}

// importlibReload is importlib.reload(module).
func importlibReload(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	var m Value
	if err := UnpackArgs("reload", args, kw, "module", &m); err != nil {
		return Value{}, err
	}
	if _, ok := m.obj.(*Module); !ok {
		return Value{}, Errorf(TypeError, "reload() argument must be a module")
	}
	imp, err := importerOf(th)
	if err != nil {
		return Value{}, err
	}
	return imp.ReloadModule(th, m)
}

// importlibInvalidateCaches is importlib.invalidate_caches(): aio keeps
// no cache of directory listings (every import looks at the files), so
// files written after the script started are found without it.
func importlibInvalidateCaches(th *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := UnpackArgs("invalidate_caches", args, kw); err != nil {
		return Value{}, err
	}
	return None, nil
}
