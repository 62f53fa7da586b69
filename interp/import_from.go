package interp

// This file runs `from m import names`: attributes, submodules of
// packages, star imports with __all__, and CPython's ImportErrors for a
// name that is missing (from a module still being initialized or not).

import (
	"errors"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// importFrom runs IMPORT_FROM: pushes the attribute name of the module on
// top of the stack, importing the submodule name of a package when the
// package has no such attribute yet. `*` binds the public names.
func (in *Interp) importFrom(th *runtime.Thread, f *frame, name string) error {
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
	if where != "unknown location" {
		if err := runtime.SetAttr(th, runtime.Obj(e), "path", runtime.Str(where)); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.Value{}, e
}

// importStar binds the names of `from mod import *`: those of __all__,
// or else every global not starting with an underscore.
func (in *Interp) importStar(th *runtime.Thread, f *frame, mod runtime.Value) error {
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
