package interp

// This file implements the built-ins that run source text: compile(),
// eval() and exec(). Module namespaces are not dicts in aio, so code run
// with a globals dict runs in a module made from that dict, whose names
// are written back to the dict when the code finishes (functions the
// code defines keep that module as their globals). Code run without
// one runs in the caller's module at module level, and otherwise in a
// module seeded with the caller's globals and locals.

import (
	"errors"
	"github.com/aio-lang/aio/internal/compile"
	"strings"
	"unicode/utf8"

	"github.com/aio-lang/aio/parser"
	"github.com/aio-lang/aio/runtime"
)

// installEvalBuiltins adds compile, eval and exec.
func (in *Interp) installEvalBuiltins() {
	// Code run with a globals dict without __name__ finds the builtins
	// module's (a class it defines gets __module__ 'builtins').
	in.builtins["__name__"] = runtime.Str("builtins")
	in.builtins["__debug__"] = runtime.True
	in.builtins["compile"] = runtime.NewBuiltin("compile", func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var source runtime.Value
		var filename, mode string
		flags, dontInherit, optimize := int64(0), false, int64(-1)
		if err := runtime.UnpackArgs("compile", args, kw, "source", &source, "filename", &filename, "mode", &mode,
			"flags?", &flags, "dont_inherit?", &dontInherit, "optimize?", &optimize, "$_feature_version?", new(int64)); err != nil {
			return runtime.Value{}, err
		}
		if mode != "exec" && mode != "eval" && mode != "single" {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "compile() mode must be 'exec', 'eval' or 'single'")
		}
		text, err := sourceText(source, "compile", "string, bytes or AST")
		if err != nil {
			return runtime.Value{}, err
		}
		co, err := compileSource(th, text, filename, mode)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.Obj(co), nil
	})
	for _, kind := range []string{"eval", "exec"} {
		run := func(th *runtime.Thread, f *frame, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			r, err := in.evalExec(th, f, kind, args, kw)
			if kind == "exec" && err == nil {
				r = runtime.None
			}
			return r, err
		}
		// Called from Go (map(eval, texts)) there is no calling frame:
		// the code then runs in __main__.
		indirect := runtime.NewBuiltin(kind, func(th *runtime.Thread, _ runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return run(th, nil, args, kw)
		})
		in.builtins[kind] = runtime.Obj(&frameBuiltin{name: kind, fn: run, withArgs: indirect})
	}
}

// sourceText returns the text of a str or bytes source argument.
func sourceText(v runtime.Value, fname, kinds string) (string, error) {
	if s, ok := runtime.As[*runtime.StrObj](v); ok {
		return s.S, nil
	}
	if b, ok := runtime.As[*runtime.Bytes](v); ok {
		if !utf8.Valid(b.B) {
			return "", runtime.Errorf(runtime.SyntaxErrorType, "(unicode error) 'utf-8' codec can't decode bytes")
		}
		return string(b.B), nil
	}
	return "", runtime.Errorf(runtime.TypeError, "%s() arg 1 must be a %s object", fname, kinds)
}

// compileSource compiles text in mode, with CPython's SyntaxError (and
// its filename, lineno, offset and text attributes) on a bad source.
func compileSource(th *runtime.Thread, text, filename, mode string) (*codeObject, error) {
	if err := th.Alloc(int64(len(text))); err != nil {
		return nil, err
	}
	if err := th.Work(int64(len(text))/64 + 1); err != nil {
		return nil, err
	}
	if strings.IndexByte(text, 0) >= 0 {
		return nil, runtime.Errorf(runtime.SyntaxErrorType, "source code string cannot contain null bytes")
	}
	src := []byte(text)
	co := &codeObject{mode: mode}
	var code *compile.Code
	var err error
	switch mode {
	case "eval":
		code, err = compile.Expr(filename, src)
	case "single":
		if code, err = compile.Expr(filename, src); err == nil {
			co.expr = true
		} else {
			code, err = compile.File(filename, src)
		}
	default:
		code, err = compile.File(filename, src)
	}
	if err != nil {
		return nil, syntaxErrorValue(err, text)
	}
	if code.Flags&compile.FlagTopLevelAwait != 0 {
		return nil, runtime.Errorf(runtime.SyntaxErrorType, "'await' outside function")
	}
	compile.UseNameOps(code)
	co.code = code
	return co, nil
}

// syntaxErrorValue turns a compile error into the SyntaxError exception
// compile() raises, with the attributes CPython gives it.
func syntaxErrorValue(err error, src string) error {
	var se *parser.SyntaxError
	if !errors.As(err, &se) {
		return err
	}
	exc, ok := syntaxException(err).(*runtime.Exception)
	if !ok || se.Msg == "" {
		return syntaxException(err)
	}
	text := se.Text
	if lines := strings.SplitAfter(src, "\n"); se.Line >= 1 && se.Line <= len(lines) && strings.HasSuffix(lines[se.Line-1], "\n") {
		text += "\n"
	}
	runtime.SetSyntaxDetails(exc, se.Msg, se.Filename, se.Line, se.Col, text, se.EndLine, se.EndCol)
	return exc
}

// evalExec is eval(source, globals=None, locals=None) and exec(...):
// the source compiled as kind (a code object runs as compiled), run
// with the namespaces chosen as described at the top of this file.
func (in *Interp) evalExec(th *runtime.Thread, f *frame, kind string, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	source, globals, locals := runtime.None, runtime.None, runtime.None
	pairs := []any{"source", &source, "globals?", &globals, "locals?", &locals}
	if kind == "exec" {
		pairs = append(pairs, "$closure?", new(runtime.Value))
	}
	if err := runtime.UnpackArgs(kind, args, kw, pairs...); err != nil {
		return runtime.Value{}, err
	}
	var gdict, ldict *runtime.Dict
	if !globals.IsNone() {
		d, ok := runtime.As[*runtime.Dict](globals)
		if !ok {
			if kind == "eval" && locals.IsNone() {
				if _, isMap := runtime.As[*runtime.Dict](globals); !isMap {
					return runtime.Value{}, runtime.Errorf(runtime.TypeError, "globals must be a real dict; try eval(expr, {}, mapping)")
				}
			}
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s() globals must be a dict, not %s", kind, globals.Type().Name)
		}
		gdict = d
	}
	if !locals.IsNone() {
		d, ok := runtime.As[*runtime.Dict](locals)
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "locals must be a mapping or None, not %s", locals.Type().Name)
		}
		ldict = d
	}
	co, ok := runtime.As[*codeObject](source)
	if !ok {
		text, err := sourceText(source, kind, "string, bytes or code")
		if err != nil {
			return runtime.Value{}, err
		}
		if kind == "eval" {
			// eval ignores leading spaces and tabs, as CPython does.
			text = strings.TrimLeft(text, " \t")
		}
		if co, err = compileSource(th, text, "<string>", kind); err != nil {
			return runtime.Value{}, err
		}
		defer in.forgetCode(co.code)
	}
	return in.runIn(th, f, co, gdict, ldict)
}

// runIn runs co with the given globals and locals dicts (nil when not
// given). The locals, when they differ from the globals, are the frame's
// name namespace (as a class body's): the code's own top-level names live
// there, while functions it defines see only the globals, as in CPython.
func (in *Interp) runIn(th *runtime.Thread, f *frame, co *codeObject, gdict, ldict *runtime.Dict) (runtime.Value, error) {
	var ms *moduleState
	var scratch *runtime.Module // a module made from gdict, written back after
	switch {
	case gdict == nil && f == nil:
		ms = in.main
	case gdict == nil:
		ms = f.fn.mod
	default:
		if _, has, _ := gdict.Get(th, runtime.Str("__builtins__")); !has {
			// CPython puts the builtins' dict in a globals dict that
			// lacks one.
			if err := gdict.SetItem(th, runtime.Str("__builtins__"), runtime.Obj(in.builtinsAsDict(th))); err != nil {
				return runtime.Value{}, err
			}
		}
		if ms = in.liveGlobalsOf(gdict); ms == nil {
			scratch = runtime.NewModule("<exec>")
			gdict.Items(func(k, v runtime.Value) bool {
				if s, ok := runtime.As[*runtime.StrObj](k); ok {
					scratch.Set(s.S, v)
				}
				return true
			})
			ms = &moduleState{name: "<exec>", globals: scratch, builtins: in.builtins, vm: in}
		}
	}
	ns := ldict
	if gdict == nil && ldict == nil && f != nil {
		switch {
		case f.ns != nil:
			ns = f.ns // a class body's namespace
		case f.code.Flags&compile.FlagModule == 0:
			// A function's locals as they are now: the code's writes to
			// them are not seen by the function, as in CPython.
			d, err := localsDict(th, f)
			if err != nil {
				return runtime.Value{}, err
			}
			ns = d
		}
	}
	r, err := in.runCodeObject(th, co, ms, ns)
	switch {
	case scratch != nil:
		if werr := writeBack(th, scratch, gdict); werr != nil && err == nil {
			err = werr
		}
	case gdict != nil:
		if werr := in.refreshGlobalsDict(th, ms.globals, gdict); werr != nil && err == nil {
			err = werr
		}
	}
	return r, err
}

// writeBack copies the globals of mod, made from d, back into d.
func writeBack(th *runtime.Thread, mod *runtime.Module, d *runtime.Dict) error {
	for _, name := range mod.Names() {
		v, _ := mod.Get(name)
		if !v.IsValid() {
			if _, _, err := d.Delete(th, runtime.Str(name)); err != nil {
				return err
			}
			continue
		}
		if err := d.SetItem(th, runtime.Str(name), v); err != nil {
			return err
		}
	}
	return nil
}

// runCodeObject runs co's module code in ms (with ns as its local
// namespace when not nil) and returns the value of an
// eval-mode expression (None for exec mode).
func (in *Interp) runCodeObject(th *runtime.Thread, co *codeObject, ms *moduleState, ns *runtime.Dict) (runtime.Value, error) {
	code := co.code
	fn := &function{code: code, mod: ms, globals: ms.globals, name: code.Name, qualname: code.QualName}
	fn.consts = in.constsFor(code)
	fr := newFrame(fn)
	fr.ns = ns
	if err := th.Enter(); err != nil {
		return runtime.Value{}, err
	}
	out, v, err := in.run(th, fr, fr)
	th.Leave()
	if out == outRaise {
		return runtime.Value{}, err
	}
	if !v.IsValid() {
		v = runtime.None
	}
	switch co.mode {
	case "exec":
		return runtime.None, nil
	case "single":
		if co.expr && !v.IsNone() {
			s, err := runtime.Repr(th, v)
			if err != nil {
				return runtime.Value{}, err
			}
			th.Stdout.Write([]byte(s + "\n"))
		}
		return runtime.None, nil
	}
	return v, nil
}

// builtinsAsDict returns the built-in names as a dict (made once).
func (in *Interp) builtinsAsDict(th *runtime.Thread) *runtime.Dict {
	if in.builtinsDict == nil {
		d := runtime.NewDict()
		for _, name := range builtinOrder(in.builtins) {
			d.SetItem(th, runtime.Str(name), in.builtins[name])
		}
		in.builtinsDict = d
	}
	return in.builtinsDict
}
