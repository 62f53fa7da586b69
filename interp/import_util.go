package interp

// This file defines module specs (__spec__) and the importlib.util
// module, whose find_spec tells whether a module exists without running
// it: the usual way a script checks for an optional module.

import (
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// moduleSpec makes the __spec__ of a module: a namespace with CPython's
// ModuleSpec attributes (name, origin, parent, submodule_search_locations,
// has_location, loader, cached). origin is a file name, "built-in", or
// "" for none; pkgPath is nil for a module that is not a package.
func moduleSpec(name, origin string, pkgPath []string) runtime.Value {
	spec := runtime.NewModule("ModuleSpec")
	spec.Set("name", runtime.Str(name))
	spec.Set("loader", runtime.None)
	spec.Set("cached", runtime.None)
	originV, hasLocation := runtime.None, false
	if origin != "" {
		originV = runtime.Str(origin)
		hasLocation = origin != "built-in"
	}
	spec.Set("origin", originV)
	spec.Set("has_location", runtime.MakeBool(hasLocation))
	parent := name
	locations := runtime.None
	if pkgPath != nil {
		items := make([]runtime.Value, len(pkgPath))
		for i, p := range pkgPath {
			items[i] = runtime.Str(p)
		}
		locations = runtime.NewList(items)
	} else {
		parent = name[:max(strings.LastIndexByte(name, '.'), 0)]
	}
	spec.Set("parent", runtime.Str(parent))
	spec.Set("submodule_search_locations", locations)
	return runtime.Obj(spec)
}

// loadImportlibUtil builds importlib.util.
func (in *Interp) loadImportlibUtil() *runtime.Module {
	m := runtime.NewModule("importlib.util")
	m.Set("__name__", runtime.Str("importlib.util"))
	m.Set("__doc__", runtime.None)
	m.Set("find_spec", runtime.NewBuiltin("find_spec", in.findSpec))
	m.Set("resolve_name", runtime.NewBuiltin("resolve_name", utilResolveName))
	return m
}

// absoluteName resolves a name for importlib.util: a relative one needs
// package, else ImportError worded as CPython's.
func absoluteName(name string, pkg runtime.Value) (string, error) {
	level := len(name) - len(strings.TrimLeft(name, "."))
	if level == 0 {
		return name, nil
	}
	s, ok := runtime.As[*runtime.StrObj](pkg)
	if !ok || s.S == "" {
		r, _ := runtime.Repr(nil, runtime.Str(name))
		return "", runtime.Errorf(runtime.ImportError, "no package specified for %s (required for relative module names)", r)
	}
	return resolveName(name[level:], s.S, level)
}

// utilResolveName is importlib.util.resolve_name(name, package).
func utilResolveName(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var name string
	var pkg runtime.Value
	if err := runtime.UnpackArgs("resolve_name", args, kw, "name", &name, "package", &pkg); err != nil {
		return runtime.Value{}, err
	}
	full, err := absoluteName(name, pkg)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Str(full), nil
}

// findSpec is importlib.util.find_spec(name, package=None): the spec of
// the module name, or None when no source has it. Like CPython it
// imports the parent package of a dotted name, but not the module.
func (in *Interp) findSpec(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var name string
	pkg := runtime.None
	if err := runtime.UnpackArgs("find_spec", args, kw, "name", &name, "package?", &pkg); err != nil {
		return runtime.Value{}, err
	}
	full, err := absoluteName(name, pkg)
	if err != nil {
		return runtime.Value{}, err
	}
	if v, ok, err := in.imports.modules.Get(th, runtime.Str(full)); err != nil || ok {
		if err != nil || v.IsNone() {
			return runtime.None, err
		}
		return specOfModule(th, full, v)
	}
	search := strEntries(in.sysPath())
	top := true
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		top = false
		parent, err := in.importAbsolute(th, full[:i])
		if err != nil {
			return runtime.Value{}, err
		}
		pv, err := runtime.GetAttr(th, parent, "__path__")
		if err != nil {
			return runtime.Value{}, notFound(full, "__path__ attribute not found on '%s' while trying to find '%s'", full[:i], full)
		}
		search = strEntries(pv)
	}
	loc, err := in.locate(th, full, top, search)
	switch {
	case err != nil:
		return runtime.Value{}, err
	case loc == nil:
		return runtime.None, nil
	case loc.std:
		return moduleSpec(full, "built-in", nil), nil
	case loc.namespace != nil:
		return moduleSpec(full, "", loc.namespace), nil
	}
	return moduleSpec(full, loc.filename, loc.pkgPath), nil
}

// specOfModule is the spec find_spec returns for an imported module:
// its __spec__, or one made from its __file__ and __path__.
func specOfModule(th *runtime.Thread, name string, mod runtime.Value) (runtime.Value, error) {
	if spec, err := runtime.GetAttr(th, mod, "__spec__"); err == nil {
		if spec.IsNone() {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "%s.__spec__ is None", name)
		}
		return spec, nil
	}
	origin := "built-in"
	if f, err := runtime.GetAttr(th, mod, "__file__"); err == nil {
		if s, ok := runtime.As[*runtime.StrObj](f); ok {
			origin = s.S
		}
	}
	var pkgPath []string
	if pv, err := runtime.GetAttr(th, mod, "__path__"); err == nil {
		pkgPath = strEntries(pv)
		if pkgPath == nil {
			pkgPath = []string{}
		}
	}
	return moduleSpec(name, origin, pkgPath), nil
}
