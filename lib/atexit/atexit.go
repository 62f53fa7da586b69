// Package atexit is aio's atexit module: functions registered to run when
// the interpreter ends (Interp.Close, which the aio command calls after
// the script), last registered first.
package atexit

// This file defines the module.

import (
	"github.com/aio-lang/aio/runtime"
)

func init() { runtime.RegisterStdModule("atexit", load) }

// handler is one registered call.
type handler struct {
	fn   runtime.Value
	args []runtime.Value
	kw   []runtime.Kwarg
}

// load builds the module; its handlers live in the closures, one list per
// interpreter.
func load(th *runtime.Thread) *runtime.Module {
	var handlers []handler
	m := runtime.NewModule("atexit")
	m.Set("register", runtime.NewBuiltin("register", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) == 0 {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "register() takes at least 1 argument (0 given)")
		}
		if !runtime.IsCallable(args[0]) {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "the first argument must be callable")
		}
		handlers = append(handlers, handler{fn: args[0], args: append([]runtime.Value(nil), args[1:]...), kw: append([]runtime.Kwarg(nil), kw...)})
		return args[0], nil
	}))
	m.Set("unregister", runtime.NewBuiltin("unregister", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var fn runtime.Value
		if err := runtime.UnpackArgs("unregister", args, kw, "func", &fn); err != nil {
			return runtime.Value{}, err
		}
		kept := handlers[:0]
		for _, h := range handlers {
			eq, err := runtime.Equal(th, h.fn, fn)
			if err != nil {
				return runtime.Value{}, err
			}
			if !eq {
				kept = append(kept, h)
			}
		}
		handlers = kept
		return runtime.None, nil
	}))
	m.Set("_clear", runtime.NewBuiltin("_clear", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		handlers = nil
		return runtime.None, nil
	}))
	m.Set("_ncallbacks", runtime.NewBuiltin("_ncallbacks", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Int(int64(len(handlers))), nil
	}))
	// _run_exitfuncs calls the handlers, newest first; a handler's
	// exception is reported ("Exception ignored in atexit callback") and
	// the others still run.
	m.Set("_run_exitfuncs", runtime.NewBuiltin("_run_exitfuncs", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		for len(handlers) > 0 {
			h := handlers[len(handlers)-1]
			handlers = handlers[:len(handlers)-1]
			if _, err := th.Call(h.fn, h.args, h.kw); err != nil {
				exc := runtime.AsException(err)
				if exc.Class.IsSubtype(runtime.SystemExit) {
					continue
				}
				if th.ReportException != nil {
					r, _ := runtime.Repr(th, h.fn)
					th.ReportException("Exception ignored in atexit callback: "+r, exc)
				}
			}
		}
		return runtime.None, nil
	}))
	return m
}
