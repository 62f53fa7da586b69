package interp

// This file adds the built-ins that need the interpreter: super.

import "github.com/aio-lang/aio/runtime"

// installBuiltins adds to the interpreter's builtins those that need it:
// super with explicit arguments (the compiler supplies them to a bare
// super()), the async iteration built-ins and the scope built-ins.
func (in *Interp) installBuiltins() {
	in.installAsyncIterBuiltins()
	in.installScopeBuiltins()
	in.installEvalBuiltins()
	in.th.ModuleLoaders["builtins"] = in.loadBuiltinsModule
	in.builtins["super"] = runtime.NewBuiltin("super", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) == 0 && len(kw) == 0 {
			return runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "super(): no arguments")
		}
		if err := runtime.PositionalArgs("super()", args, kw, 0, 2); err != nil {
			return runtime.Value{}, err
		}
		if len(args) != 2 {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "super() takes 2 arguments (%d given)", len(args))
		}
		cls, ok := runtime.As[*runtime.Type](args[0])
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "super() argument 1 must be a type, not %s", args[0].Type().Name)
		}
		obj := args[1]
		objType := obj.Type()
		if t, isType := runtime.As[*runtime.Type](obj); isType && t.IsSubtype(cls) {
			objType = t
		}
		if !objType.IsSubtype(cls) {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "super(type, obj): obj must be an instance or subtype of type")
		}
		return runtime.Obj(&runtime.Super{Start: cls, Obj: obj, ObjType: objType}), nil
	})
}
