package interp

// This file loads the warnings module (stdlib/warnings.aio, with a few
// helpers written in Go that need the interpreter's frames and sources)
// and reports coroutines that are dropped without ever being awaited,
// as CPython does when such a coroutine is collected.

import (
	_ "embed"
	"github.com/aio-lang/aio/internal/compile"
	"strings"
	"sync"

	"github.com/aio-lang/aio/runtime"
)

//go:embed stdlib/warnings.aio
var warningsSource []byte

var (
	warningsOnce sync.Once
	warningsCode *compile.Code
	warningsErr  error
)

// warningsFilename is the name the module's frames have in tracebacks.
const warningsFilename = "<warnings>"

// loadWarnings returns the interpreter's warnings module, running its
// source on first use.
func (in *Interp) loadWarnings(th *runtime.Thread) (*runtime.Module, error) {
	if m, ok := th.Modules["warnings"]; ok {
		return m, nil
	}
	warningsOnce.Do(func() {
		warningsCode, warningsErr = compileStd("warnings", warningsFilename, warningsSource)
	})
	if warningsErr != nil {
		return nil, warningsErr
	}
	m := runtime.NewModule("warnings")
	m.Set("__name__", runtime.Str("warnings"))
	m.Set("__doc__", runtime.None)
	opts := make([]runtime.Value, len(in.warnOptions))
	for i, o := range in.warnOptions {
		opts[i] = runtime.Str(o)
	}
	m.Set("_warnoptions", runtime.NewList(opts))
	m.Set("_frame_info", runtime.NewBuiltin("_frame_info", in.warnFrameInfo))
	m.Set("_source_line", runtime.NewBuiltin("_source_line", in.warnSourceLine))
	m.Set("_builtin", runtime.NewBuiltin("_builtin", in.warnBuiltin))
	th.Modules["warnings"] = m
	in.sources[warningsFilename] = strings.Split(string(warningsSource), "\n")
	state := &moduleState{name: "warnings", globals: m, builtins: in.builtins, vm: in}
	if err := in.runModule(warningsCode, state); err != nil {
		delete(th.Modules, "warnings")
		return nil, err
	}
	return m, nil
}

// warnFrameInfo is _frame_info(level): (filename, lineno, module name) of
// the frame level calls above the function that calls it (warn), or None
// when the stack is not that deep.
func (in *Interp) warnFrameInfo(th *runtime.Thread, _ runtime.Value, args []runtime.Value, _ []runtime.Kwarg) (runtime.Value, error) {
	level := int64(1)
	if len(args) > 0 {
		switch {
		case args[0].IsSmallInt():
			// As CPython's, a level below 1 means the caller of warn.
			level = max(args[0].SmallInt(), 1)
		case args[0].Type() == runtime.IntType:
			return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "Python int too large to convert to C ssize_t")
		}
	}
	f := in.caller
	for ; f != nil && level > 0; level-- {
		f = f.back
	}
	if f == nil {
		return runtime.None, nil
	}
	return runtime.Obj(runtime.NewTuple(frameWhere(f))), nil
}

// frameWhere is the (filename, lineno, module name) of a frame.
func frameWhere(f *frame) []runtime.Value {
	e := f.traceEntry()
	module := runtime.Str("<string>")
	if g := f.globals(); g != nil {
		if v, ok := g.Get("__name__"); ok {
			module = v
		}
	}
	return []runtime.Value{runtime.Str(e.Filename), runtime.Int(int64(e.Line)), module}
}

// warnSourceLine is _source_line(filename, lineno): the line of a source
// file the interpreter ran, or "" (the warnings module's linecache). As
// with CPython's linecache, code without a file ("<string>", "<stdin>")
// has no lines.
func (in *Interp) warnSourceLine(th *runtime.Thread, _ runtime.Value, args []runtime.Value, _ []runtime.Kwarg) (runtime.Value, error) {
	if len(args) != 2 {
		return runtime.Str(""), nil
	}
	name, _ := runtime.As[*runtime.StrObj](args[0])
	if name == nil || !args[1].IsSmallInt() {
		return runtime.Str(""), nil
	}
	n := args[1].SmallInt()
	if strings.HasPrefix(name.S, "<") {
		return runtime.Str(""), nil
	}
	lines := in.sources[name.S]
	if n < 1 || int(n) > len(lines) {
		return runtime.Str(""), nil
	}
	return runtime.Str(lines[n-1]), nil
}

// warnBuiltin is _builtin(name): the builtin of that name, or None (for
// -W options naming a category).
func (in *Interp) warnBuiltin(th *runtime.Thread, _ runtime.Value, args []runtime.Value, _ []runtime.Kwarg) (runtime.Value, error) {
	if len(args) == 1 {
		if s, ok := runtime.As[*runtime.StrObj](args[0]); ok {
			if v, ok := in.builtins[s.S]; ok {
				return v, nil
			}
		}
	}
	return runtime.None, nil
}

// noteOrigin records where co is being created (debug mode). Coroutines
// that have started are forgotten whenever the record has doubled.
func (in *Interp) noteOrigin(co *coroutine) {
	if in.origins == nil {
		in.origins = map[*coroutine]string{}
	}
	if n := len(in.origins); n >= 64 && n&(n-1) == 0 {
		for c := range in.origins {
			if c.state != coroCreated {
				delete(in.origins, c)
			}
		}
	}
	if f := in.caller; f != nil {
		in.origins[co] = in.formatStack(f)
	}
}

// discardExpr is called with the value of an expression statement, which
// nothing refers to any more when it is a coroutine just made: CPython
// warns as it collects it, at once.
func (in *Interp) discardExpr(th *runtime.Thread, f *frame, v runtime.Value) error {
	name, ok := neverStarted(v)
	if !ok {
		return nil
	}
	where := frameWhere(f)
	return in.warnUnawaited(th, v, name, where)
}

// neverStarted reports whether v is a coroutine that never ran, and its
// name as CPython's warning gives it.
func neverStarted(v runtime.Value) (string, bool) {
	if co, ok := runtime.As[*coroutine](v); ok {
		if co.state == coroCreated {
			co.state = coroClosed // collected: never warn twice
			return co.fn.qualname, true
		}
		return "", false
	}
	return runtime.NeverStartedCoro(v)
}

// WarnAtExit reports the coroutines that __main__'s globals still hold
// unstarted, as CPython does when it clears the module at exit ("sys:1:
// RuntimeWarning: coroutine 'main' was never awaited"). The command line
// calls it after the program's traceback, if any.
func (in *Interp) WarnAtExit() {
	g := in.main.globals
	for _, name := range g.Names() {
		v, _ := g.Get(name)
		coroName, ok := neverStarted(v)
		if !ok {
			continue
		}
		where := []runtime.Value{runtime.Str("sys"), runtime.Int(1), runtime.Str("sys")}
		if in.warnUnawaited(in.th, v, coroName, where) != nil {
			return
		}
	}
}

// warnUnawaited issues "coroutine 'NAME' was never awaited" through the
// warnings module. As in a finalizer, an exception the warning raises
// (-W error) is printed as ignored, not propagated.
func (in *Interp) warnUnawaited(th *runtime.Thread, coro runtime.Value, name string, where []runtime.Value) error {
	m, err := in.loadWarnings(th)
	if err == nil {
		fn, _ := m.Get("_warn_unawaited_coroutine")
		origin := ""
		if co, ok := runtime.As[*coroutine](coro); ok {
			origin = in.origins[co]
			delete(in.origins, co)
		}
		// At exit (file "sys") CPython can no longer tell whether
		// tracemalloc runs, and says nothing of it: no source is given.
		source := coro
		if s, _ := runtime.As[*runtime.StrObj](where[0]); s != nil && s.S == "sys" {
			source = runtime.None
		}
		_, err = th.Call(fn, []runtime.Value{coro, runtime.Str(name), where[0], where[1], where[2], runtime.Str(origin), source}, nil)
	}
	if err == nil {
		return nil
	}
	e := runtime.AsException(err)
	if e.Class.IsSubtype(runtime.KeyboardInterrupt) || e.Class.IsSubtype(runtime.SystemExit) {
		return err
	}
	if th.ReportException != nil {
		r, rerr := runtime.Repr(th, coro)
		if rerr != nil {
			r = "<coroutine>"
		}
		th.ReportException("Exception ignored in: "+r, e)
	}
	return nil
}

// applyDiagOptions sets up the options of the diagnostics: warning
// filters, debug mode and the task timeline.
func (in *Interp) applyDiagOptions(opts Options) {
	in.warnOptions = append([]string(nil), opts.Warnings...)
	if len(in.warnOptions) > 0 {
		// CPython applies -W options at startup, complaining of bad ones
		// before the program runs.
		in.loadWarnings(in.th)
	}
	in.th.AsyncioDebug = opts.Debug
	if opts.Trace != nil {
		in.th.Tracer = runtime.NewTracer(opts.Trace)
	}
}

// FinishTrace ends the timeline written to Options.Trace (closing its
// JSON array) and returns the first error writing it; a no-op without
// Options.Trace. Call it once the interpreter has run its last event loop.
func (in *Interp) FinishTrace() error {
	if in.th.Tracer == nil {
		return nil
	}
	return in.th.Tracer.Finish()
}
