package interp

// This file defines the __import__ built-in function, the import
// statement's machinery offered to scripts as CPython offers it.

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
