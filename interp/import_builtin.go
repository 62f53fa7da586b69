package interp

// This file offers the import machinery to scripts and hosts: the
// __import__ built-in function, and the ImportModule and ReloadModule
// methods behind importlib.import_module and importlib.reload.

import (
	"errors"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// builtinImport is __import__(name, globals=None, locals=None,
// fromlist=(), level=0): it imports name and returns the top-level
// package, or with a fromlist the module itself (after importing the
// submodules the fromlist names).
func (in *Interp) builtinImport(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var name string
	globals, locals, fromlist := runtime.None, runtime.None, runtime.None
	level := 0
	if err := runtime.UnpackArgs("__import__", args, kw, "name", &name, "globals?", &globals,
		"locals?", &locals, "fromlist?", &fromlist, "level?", &level); err != nil {
		return runtime.Value{}, err
	}
	if level < 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "level must be >= 0")
	}
	full := name
	if level > 0 {
		pkg, err := packageOfGlobals(th, globals)
		if err != nil {
			return runtime.Value{}, err
		}
		if full, err = resolveName(name, pkg, level); err != nil {
			return runtime.Value{}, err
		}
	} else if name == "" {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Empty module name")
	}
	mod, err := in.importAbsolute(th, full)
	if err != nil {
		return runtime.Value{}, err
	}
	var names []runtime.Value
	if !fromlist.IsNone() {
		if names, err = runtime.Collect(th, fromlist); err != nil {
			return runtime.Value{}, err
		}
	}
	if len(names) == 0 {
		top, _, _ := strings.Cut(name, ".")
		if level == 0 {
			return in.importAbsolute(th, top)
		}
		if name == "" {
			return mod, nil
		}
		// The package that the first component of name is relative to.
		return in.importAbsolute(th, full[:len(full)-len(name)+len(top)])
	}
	if _, err := runtime.GetAttr(th, mod, "__path__"); err != nil {
		return mod, nil // a plain module: nothing to import
	}
	for _, nv := range names {
		s, ok := runtime.As[*runtime.StrObj](nv)
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "Item in ``from list'' must be str, not %s", nv.Type().Name)
		}
		if s.S == "*" {
			continue
		}
		if _, err := runtime.GetAttr(th, mod, s.S); err == nil {
			continue
		}
		sub := moduleName(th, mod) + "." + s.S
		if _, err := in.importAbsolute(th, sub); err != nil {
			var e *runtime.Exception
			if !errors.As(err, &e) || !e.Class.IsSubtype(runtime.ModuleNotFoundError) || e.Name != sub {
				return runtime.Value{}, err
			}
		}
	}
	return mod, nil
}

// packageOfGlobals is the package a relative __import__ is relative to,
// from the globals dict it was given.
func packageOfGlobals(th *runtime.Thread, globals runtime.Value) (string, error) {
	d, ok := runtime.As[*runtime.Dict](globals)
	if !ok {
		return "", nil
	}
	get := func(key string) (runtime.Value, bool) {
		v, ok, _ := d.Get(th, runtime.Str(key))
		return v, ok
	}
	if v, ok := get("__package__"); ok && !v.IsNone() {
		s, ok := runtime.As[*runtime.StrObj](v)
		if !ok {
			return "", runtime.Errorf(runtime.TypeError, "package must be a string")
		}
		return s.S, nil
	}
	v, ok := get("__name__")
	s, isStr := runtime.As[*runtime.StrObj](v)
	if !ok || !isStr {
		return "", runtime.Errorf(runtime.KeyError, "'__name__' not in globals")
	}
	if _, isPkg := get("__path__"); isPkg {
		return s.S, nil
	}
	return s.S[:max(strings.LastIndexByte(s.S, '.'), 0)], nil
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
