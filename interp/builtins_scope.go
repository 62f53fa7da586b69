package interp

// This file implements the built-ins that read the caller's scope:
// globals(), locals(), and vars() and dir() without an argument. They are
// frameBuiltins, which the call instruction hands the calling frame.

import (
	"github.com/aio-lang/aio/internal/compile"
	"sort"

	"github.com/aio-lang/aio/runtime"
)

// frameBuiltin is a built-in function that needs the frame calling it.
type frameBuiltin struct {
	name string
	fn   func(th *runtime.Thread, f *frame, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)
	// withArgs, when valid, serves calls with arguments made from Go.
	withArgs runtime.Value
}

// Type returns builtin_function_or_method.
func (*frameBuiltin) Type() *runtime.Type { return runtime.BuiltinFunctionType }

// Repr is "<built-in function NAME>".
func (b *frameBuiltin) Repr(th *runtime.Thread) (string, error) {
	return "<built-in function " + b.name + ">", nil
}

// Call is reached when the built-in is called from Go rather than by a
// call instruction (map(locals, ...)): there is no frame to read.
func (b *frameBuiltin) Call(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if b.withArgs.IsValid() && len(args) > 0 {
		return th.Call(b.withArgs, args, kw)
	}
	return runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "%s() called indirectly is not supported", b.name)
}

// globalsDict is globals(): the module's dict (see globals_view.go).
func globalsDict(th *runtime.Thread, f *frame) (*runtime.Dict, error) {
	return f.fn.mod.vm.globalsView(th, f.fn.mod)
}

// localsDict is locals(): a class body's namespace itself, the globals at
// module level, and in a function a snapshot of its bound local and
// closure variables.
func localsDict(th *runtime.Thread, f *frame) (*runtime.Dict, error) {
	if f.ns != nil {
		return f.ns, nil
	}
	if f.code.Flags&compile.FlagModule != 0 {
		return globalsDict(th, f)
	}
	d := runtime.NewDict()
	for i, name := range f.code.Locals {
		if v := f.slots[i]; v.IsValid() {
			if err := d.SetItem(th, runtime.Str(name), v); err != nil {
				return nil, err
			}
		}
	}
	names := append(append([]string(nil), f.code.CellNames...), f.code.FreeNames...)
	for i, name := range names {
		if i < len(f.cells) && f.cells[i] != nil && f.cells[i].v.IsValid() {
			if err := d.SetItem(th, runtime.Str(name), f.cells[i].v); err != nil {
				return nil, err
			}
		}
	}
	return d, nil
}

func (in *Interp) installScopeBuiltins() {
	vars := in.builtins["vars"]
	dir := in.builtins["dir"]
	in.builtins["globals"] = runtime.Obj(&frameBuiltin{name: "globals", fn: func(th *runtime.Thread, f *frame, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.NoArgs("globals", args, kw); err != nil {
			return runtime.Value{}, err
		}
		d, err := globalsDict(th, f)
		return runtime.Obj(d), err
	}})
	in.builtins["locals"] = runtime.Obj(&frameBuiltin{name: "locals", fn: func(th *runtime.Thread, f *frame, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.NoArgs("locals", args, kw); err != nil {
			return runtime.Value{}, err
		}
		d, err := localsDict(th, f)
		return runtime.Obj(d), err
	}})
	in.builtins["vars"] = runtime.Obj(&frameBuiltin{name: "vars", fn: func(th *runtime.Thread, f *frame, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) == 0 && len(kw) == 0 {
			d, err := localsDict(th, f)
			return runtime.Obj(d), err
		}
		return th.Call(vars, args, kw)
	}, withArgs: vars})
	in.builtins["dir"] = runtime.Obj(&frameBuiltin{name: "dir", fn: func(th *runtime.Thread, f *frame, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) > 0 || len(kw) > 0 {
			return th.Call(dir, args, kw)
		}
		d, err := localsDict(th, f)
		if err != nil {
			return runtime.Value{}, err
		}
		var names []string
		d.Items(func(k, _ runtime.Value) bool {
			if s, ok := runtime.As[*runtime.StrObj](k); ok {
				names = append(names, s.S)
			}
			return true
		})
		sort.Strings(names)
		items := make([]runtime.Value, len(names))
		for i, n := range names {
			items[i] = runtime.Str(n)
		}
		return runtime.NewList(items), nil
	}, withArgs: dir})
}
